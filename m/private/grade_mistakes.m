function [list, hint] = grade_mistakes(part)
% GRADE_MISTAKES  The known mistakes nn_grade looks for, per part.
%   LIST = grade_mistakes(PART) is a cell of mistake codes for PART: for the
%   parts of the cost function pairs 'DM+RM' of a data-term mistake and a
%   penalty mistake (grade_model), one of them possibly empty; for the
%   other parts the codes of grade_helper_model.  [~, HINT] =
%   grade_mistakes(CODE) is the sentence that tells a student what the
%   mistake CODE is and how to fix it (for 'DM+RM' both sentences).
  cost_data = {'reshape_order', 'reshape_offset', 'labels', 'sign', 'cost_no_m', 'one_term'};
  grad_data = {'reshape_order', 'reshape_offset', 'labels', 'sign', 'no_sigma_prime', ...
               'sigma_prime_of_a', 'grad_no_m', 'sg_activation', 'sg_sigmoid'};
  cost_reg = {'bias_reg', 'lambda_m', 'reg_sign', 'reg_no_m'};
  grad_reg = {'bias_grad_reg', 'grad_lambda', 'grad_lambda_2m', 'grad_reg_sign'};
  list = {};
  hint = '';
  switch part
    case 'cost'
      list = strcat(cost_data, '+');
    case 'grad'
      list = strcat(grad_data, '+');
    case 'cost_reg'
      list = pairs([{''}, cost_data], cost_reg);
    case 'grad_reg'
      list = pairs([{''}, grad_data], grad_reg);
    case 'sigmoid_gradient'
      list = {'sg_activation', 'sg_sigmoid', 'sg_one_minus', 'sg_sign'};
    case 'predict'
      list = {'pred_value', 'pred_zero_based', 'pred_no_hidden_sigmoid', 'pred_min'};
    case 'init'
      list = {};
    otherwise
      hint = one_hint(part);
  end
end

function list = pairs(data, reg)
  % every data mistake alone, and with every penalty mistake
  list = strcat(data(2:end), '+');
  for i = 1:numel(data)
    for j = 1:numel(reg)
      list{end + 1} = [data{i} '+' reg{j}];
    end
  end
end

function hint = one_hint(code)
  k = find(code == '+', 1);
  if ~isempty(k)
    a = one_hint(code(1:k - 1));
    b = one_hint(code(k + 1:end));
    if isempty(a) || isempty(b)
      hint = [a b];
    else
      hint = [a(1:end - 1) '; and ' lower(b(1)) b(2:end)];
    end
    return
  end
  switch code
    case ''
      hint = '';
    case 'reshape_order'
      hint = ['Theta1 and Theta2 are read from nn_params in the wrong order: reshape(v, rows, cols) fills ' ...
              'column by column, as (:) unrolls, so use reshape(nn_params(1:h*(n+1)), h, n+1) without a transpose.'];
    case 'reshape_offset'
      hint = ['Theta2 is read from nn_params one entry too early (off by one): it is ' ...
              'nn_params(1 + hidden_layer_size*(input_layer_size+1):end).'];
    case 'labels'
      hint = ['the labels y are used as they are: turn them into one-hot rows first, ' ...
              'Y = eye(num_labels)(y, :), so that row i has a 1 in column y(i).'];
    case 'sign'
      hint = ['the wrong sign: J = -(1/m) sum(sum(Y .* log(h) + (1 - Y) .* log(1 - h))), and the ' ...
              'output error is delta3 = a3 - Y (not Y - a3).'];
    case 'cost_no_m'
      hint = 'the cost is not divided by m, the number of examples.';
    case 'one_term'
      hint = 'the term (1 - Y) .* log(1 - h) of the cross-entropy is missing.';
    case 'no_sigma_prime'
      hint = 'delta2 lacks the factor sigmoidGradient(z2): delta2 = (delta3 * Theta2(:, 2:end)) .* sigmoidGradient(z2).';
    case 'sigma_prime_of_a'
      hint = ['sigmoidGradient is applied to the activation a2 = sigmoid(z2); it takes z2 ' ...
              '(or write a2 .* (1 - a2), without the bias column).'];
    case 'grad_no_m'
      hint = 'the gradient is not divided by m: Theta1_grad = Delta1 / m (before adding the penalty).';
    case 'bias_reg'
      hint = ['the bias column is regularised: the penalty sums Theta1(:, 2:end).^2 and ' ...
              'Theta2(:, 2:end).^2 only, not the first column.'];
    case 'lambda_m'
      hint = 'the penalty is lambda/m times the sum of squares; it is lambda/(2m).';
    case 'reg_sign'
      hint = 'the penalty is subtracted; it is added to the cost.';
    case 'reg_no_m'
      hint = 'the penalty is not divided by m: it is lambda/(2m) times the sum of squares.';
    case 'bias_grad_reg'
      hint = ['the bias column of the gradient is regularised: add (lambda/m) * Theta to ' ...
              'columns 2:end only (Theta1_grad(:, 2:end) += lambda/m * Theta1(:, 2:end)).'];
    case 'grad_lambda'
      hint = 'the penalty''s gradient is not divided by m: it is (lambda/m) * Theta.';
    case 'grad_lambda_2m'
      hint = 'the penalty''s gradient is (lambda/m) * Theta, not lambda/(2m) (the 1/2 of the cost cancels the 2 of the square).';
    case 'grad_reg_sign'
      hint = 'the penalty''s gradient is subtracted; it is added: + (lambda/m) * Theta.';
    case 'sg_activation'
      hint = ['z .* (1 - z) takes an activation, but sigmoidGradient gets z: g = sigmoid(z); ' ...
              'then g .* (1 - g).'];
    case 'sg_sigmoid'
      hint = 'this is sigmoid(z) itself; its derivative is sigmoid(z) .* (1 - sigmoid(z)).';
    case 'sg_one_minus'
      hint = 'this is 1 - sigmoid(z); the derivative is sigmoid(z) .* (1 - sigmoid(z)).';
    case 'sg_sign'
      hint = 'the wrong sign: the derivative of the sigmoid is positive, sigmoid(z) .* (1 - sigmoid(z)).';
    case 'pred_value'
      hint = 'p holds the largest output, not its index: [~, p] = max(h2, [], 2).';
    case 'pred_zero_based'
      hint = 'the labels are one too small: Octave counts classes from 1, the index that max returns.';
    case 'pred_no_hidden_sigmoid'
      hint = 'the hidden layer lacks the sigmoid: h1 = sigmoid([ones(m, 1) X] * Theta1'').';
    case 'pred_min'
      hint = 'min picks the least likely class; use [~, p] = max(h2, [], 2).';
    case 'zeros'
      hint = 'it returns zeros: not written yet (the template''s value)?';
    otherwise
      hint = '';
  end
end
