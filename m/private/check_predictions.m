function check_predictions(fn, Y, T, yname)
% CHECK_PREDICTIONS  Validate the predictions or scores Y (called YNAME in
%   messages, e.g. 'Y' or 'S') and the targets T of a metric: each a real,
%   full, 2-D numeric or logical matrix with at least one column, both with
%   one row per observation, and no NaN.  Raises nnlab:FN:class, :sparse,
%   :complex, :size or :domain.
  check_array(fn, Y, yname);
  check_array(fn, T, 'T');
  [N, KY] = size(Y);
  [NT, KT] = size(T);
  if NT ~= N
    error(['nnlab:' fn ':size'], ...
          ['%s: %s and T must have one row per observation, but %s has %d rows and T has %d ', ...
           '(observations are rows; use %s(:) and T(:) for row vectors)'], fn, yname, yname, N, NT, yname);
  end
  if KY < 1 || KT < 1
    error(['nnlab:' fn ':size'], '%s: %s and T must have at least one column', fn, yname);
  end
  if any(isnan(Y(:)))
    error(['nnlab:' fn ':domain'], ...
          '%s: %s contains NaN, so some observations have no prediction (did training diverge?)', fn, yname);
  end
  if any(isnan(T(:)))
    error(['nnlab:' fn ':domain'], '%s: T contains NaN; every target must be a class', fn);
  end
end
