function [J, grad] = gr_cost_loop(nn_params, input_layer_size, hidden_layer_size, num_labels, X, y, lambda)
% nn_grade test: a correct nnCostFunction with the back-propagation loop over
% the examples, as the assignment's text describes it.
n1 = hidden_layer_size * (input_layer_size + 1);
Theta1 = reshape(nn_params(1:n1), hidden_layer_size, input_layer_size + 1);
Theta2 = reshape(nn_params(n1 + 1:end), num_labels, hidden_layer_size + 1);
m = size(X, 1);
J = 0;
Delta1 = zeros(size(Theta1));
Delta2 = zeros(size(Theta2));
for t = 1:m
  a1 = [1; X(t, :)'];
  z2 = Theta1 * a1;
  a2 = [1; gr_sigmoid(z2)];
  a3 = gr_sigmoid(Theta2 * a2);
  yk = zeros(num_labels, 1);
  yk(y(t)) = 1;
  J = J + sum(-yk .* log(a3) - (1 - yk) .* log(1 - a3));
  d3 = a3 - yk;
  d2 = Theta2(:, 2:end)' * d3 .* gr_sigmoid_gradient(z2);
  Delta1 = Delta1 + d2 * a1';
  Delta2 = Delta2 + d3 * a2';
end
J = J / m;
reg = 0;
for l = 1:2
  if l == 1, T = Theta1; else, T = Theta2; end
  for i = 1:size(T, 1)
    for j = 2:size(T, 2)
      reg = reg + T(i, j) ^ 2;
    end
  end
end
J = J + lambda / (2 * m) * reg;
Theta1_grad = Delta1 / m;
Theta2_grad = Delta2 / m;
Theta1_grad(:, 2:end) = Theta1_grad(:, 2:end) + (lambda / m) * Theta1(:, 2:end);
Theta2_grad(:, 2:end) = Theta2_grad(:, 2:end) + (lambda / m) * Theta2(:, 2:end);
grad = [Theta1_grad(:); Theta2_grad(:)];
end
