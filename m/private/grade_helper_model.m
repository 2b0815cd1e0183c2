function r = grade_helper_model(code, varargin)
% GRADE_HELPER_MODEL  nnlab's versions of the helpers' known mistakes.
%   G = grade_helper_model(CODE, Z) for a mistake of sigmoidGradient (codes
%   'sg_*'), P = grade_helper_model(CODE, THETA1, THETA2, X) for a mistake
%   of predict (codes 'pred_*'), the codes of grade_mistakes.
  sig = @(z) 1 ./ (1 + exp(-z));
  if strncmp(code, 'sg_', 3)
    z = varargin{1};
    g = sig(z);
    switch code
      case 'sg_activation'
        r = z .* (1 - z);
      case 'sg_sigmoid'
        r = g;
      case 'sg_one_minus'
        r = 1 - g;
      case 'sg_sign'
        r = -g .* (1 - g);
    end
    return
  end
  [T1, T2, X] = varargin{:};
  m = size(X, 1);
  z2 = [ones(m, 1) X] * T1.';
  if strcmp(code, 'pred_no_hidden_sigmoid')
    a2 = z2;
  else
    a2 = sig(z2);
  end
  a3 = sig([ones(m, 1) a2] * T2.');
  if strcmp(code, 'pred_min')
    [~, r] = min(a3, [], 2);
  else
    [v, r] = max(a3, [], 2);
  end
  switch code
    case 'pred_value'
      r = v;
    case 'pred_zero_based'
      r = r - 1;
  end
end
