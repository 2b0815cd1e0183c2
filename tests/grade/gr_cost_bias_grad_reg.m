function [J, grad] = gr_cost_bias_grad_reg(nn_params, input_layer_size, hidden_layer_size, num_labels, X, y, lambda)
% nn_grade test: the bias column of the gradient regularised.
Theta1 = reshape(nn_params(1:hidden_layer_size * (input_layer_size + 1)), ...
                 hidden_layer_size, (input_layer_size + 1));
Theta2 = reshape(nn_params((1 + (hidden_layer_size * (input_layer_size + 1))):end), ...
                 num_labels, (hidden_layer_size + 1));
m = size(X, 1);
I = eye(num_labels);
Y = I(y, :);
a1 = [ones(m, 1) X];
z2 = a1 * Theta1';
a2 = [ones(m, 1) gr_sigmoid(z2)];
z3 = a2 * Theta2';
h = gr_sigmoid(z3);
J = sum(sum(-Y .* log(h) - (1 - Y) .* log(1 - h))) / m;
J = J + lambda / (2 * m) * (sum(sum(Theta1(:, 2:end) .^ 2)) + sum(sum(Theta2(:, 2:end) .^ 2)));
delta3 = h - Y;
delta2 = (delta3 * Theta2(:, 2:end)) .* gr_sigmoid_gradient(z2);
Theta1_grad = delta2' * a1 / m;
Theta2_grad = delta3' * a2 / m;
Theta1_grad = Theta1_grad + lambda / m * Theta1;
Theta2_grad = Theta2_grad + lambda / m * Theta2;
grad = [Theta1_grad(:); Theta2_grad(:)];
end
