function [J, grad] = grade_model(theta, n, h, K, X, y, lambda, dm, rm)
% GRADE_MODEL  nnlab's versions of the classic assignment's known mistakes.
%   [J, GRAD] = grade_model(THETA, N, H, K, X, Y, LAMBDA, DM, RM) is the cost
%   and gradient of the course's nnCostFunction (a N-H-K sigmoid network,
%   cross-entropy on one-hot labels, the penalty lambda/(2m) on the weights)
%   as a student computes it who makes the mistake DM in the data term and
%   the mistake RM in the penalty ('' for none; grade_mistakes lists them).
%   A mistake of the cost leaves the gradient right and the other way round,
%   as they are separate lines of a student's code.  DM may also be a
%   mistake of sigmoidGradient ('sg_activation', 'sg_sigmoid'), which the
%   gradient calls.  With DM = RM = '' this
%   is the right answer (nn_grade takes that from nn_cost itself).
  m = size(X, 1);
  n1 = h * (n + 1);
  switch dm
    case 'reshape_order'
      % reshape(v, n + 1, h)': the matrix filled row by row
      T1 = reshape(theta(1:n1), n + 1, h).';
      T2 = reshape(theta(n1 + 1:end), h + 1, K).';
    case 'reshape_offset'
      % Theta2 read from one entry too early
      T1 = reshape(theta(1:n1), h, n + 1);
      T2 = reshape(theta(n1:end - 1), K, h + 1);
    otherwise
      T1 = reshape(theta(1:n1), h, n + 1);
      T2 = reshape(theta(n1 + 1:end), K, h + 1);
  end
  y = double(y(:));
  if strcmp(dm, 'labels')
    Y = repmat(y, 1, K);                 % y used as it is, broadcast over the K outputs
  else
    Y = double(bsxfun(@eq, y, 1:K));
  end
  a1 = [ones(m, 1) X];
  z2 = a1 * T1.';
  s2 = sig(z2);
  a2 = [ones(m, 1) s2];
  z3 = a2 * T2.';
  a3 = sig(z3);

  % the data term, -log(sigmoid(z)) = softplus(-z) and -log(1 - sigmoid(z)) = softplus(z)
  L = Y .* softplus(-z3) + (1 - Y) .* softplus(z3);
  switch dm
    case 'sign'
      D = -sum(L(:)) / m;
    case 'cost_no_m'
      D = sum(L(:));
    case 'one_term'
      D = sum(sum(Y .* softplus(-z3))) / m;
    otherwise
      D = sum(L(:)) / m;
  end
  P = sum(sum(T1(:, 2:end) .^ 2)) + sum(sum(T2(:, 2:end) .^ 2));
  B = sum(T1(:, 1) .^ 2) + sum(T2(:, 1) .^ 2);
  switch rm
    case 'bias_reg'
      R = lambda / (2 * m) * (P + B);
    case 'lambda_m'
      R = lambda / m * P;
    case 'reg_sign'
      R = -lambda / (2 * m) * P;
    case 'reg_no_m'
      R = lambda / 2 * P;
    otherwise
      R = lambda / (2 * m) * P;
  end
  J = D + R;
  if nargout < 2
    return
  end

  d3 = a3 - Y;
  if strcmp(dm, 'sign')
    d3 = -d3;
  end
  switch dm
    case 'no_sigma_prime'
      sp = 1;
    case 'sigma_prime_of_a'
      s = sig(s2);                       % sigmoidGradient(a2) = sigmoid(a2) .* (1 - sigmoid(a2))
      sp = s .* (1 - s);
    case 'sg_activation'
      sp = z2 .* (1 - z2);               % a sigmoidGradient(z) = z .* (1 - z)
    case 'sg_sigmoid'
      sp = s2;                           % a sigmoidGradient(z) = sigmoid(z)
    otherwise
      sp = s2 .* (1 - s2);
  end
  d2 = (d3 * T2(:, 2:end)) .* sp;
  G1 = d2.' * a1;
  G2 = d3.' * a2;
  if ~strcmp(dm, 'grad_no_m')
    G1 = G1 / m;
    G2 = G2 / m;
  end
  W1 = [zeros(h, 1) T1(:, 2:end)];
  W2 = [zeros(K, 1) T2(:, 2:end)];
  switch rm
    case 'bias_grad_reg'
      c = lambda / m;
      W1 = T1;
      W2 = T2;
    case 'grad_lambda'
      c = lambda;
    case 'grad_lambda_2m'
      c = lambda / (2 * m);
    case 'grad_reg_sign'
      c = -lambda / m;
    otherwise
      c = lambda / m;
  end
  G1 = G1 + c * W1;
  G2 = G2 + c * W2;
  grad = [G1(:); G2(:)];
end

function s = sig(z)
  s = 1 ./ (1 + exp(-z));
end

function s = softplus(z)
  % log(1 + exp(z)), without overflow
  s = max(z, 0) + log1p(exp(-abs(z)));
end
