function check_array(fn, A, name, finite)
% CHECK_ARRAY  A (called NAME in messages) must be a real, full, 2-D numeric
%   or logical matrix; raises nnlab:FN:class, :sparse, :complex or :size.
%   With FINITE true (or 'rows'), every entry must also be finite:
%   nnlab:FN:nonfinite names the first NaN or Inf (the first row that has
%   one, then its first column); FINITE 'columns', for one observation a
%   column, names the first column that has one.  The test of a finite A is
%   one pass over A, with no copy; only a failing A is searched.
  if ~(isnumeric(A) || islogical(A))
    error(['nnlab:' fn ':class'], '%s: %s must be a numeric or logical matrix, but it is a %s', ...
          fn, name, class(A));
  end
  if issparse(A)
    error(['nnlab:' fn ':sparse'], '%s: %s must be a full matrix, but it is sparse; use full(%s)', ...
          fn, name, name);
  end
  if ~isreal(A)
    error(['nnlab:' fn ':complex'], '%s: %s must be real, but it is complex; use real(%s)', ...
          fn, name, name);
  end
  if ndims(A) > 2
    error(['nnlab:' fn ':size'], '%s: %s must be a 2-D matrix (one row per observation), but it is %s', ...
          fn, name, regexprep(sprintf('%dx', size(A)), 'x$', ''));
  end
  % a sum of finite values can overflow to Inf, so a non-finite sum is only
  % a reason to look
  if nargin > 3 && ~isequal(finite, false) && isfloat(A) && ~isfinite(sum(A(:))) && ~all(isfinite(A(:)))
    bad = ~isfinite(A);
    d = 1 + strcmp(finite, 'columns');       % the dimension of the observations
    what = {'rows', 'columns'};
    if d == 1
      r = find(any(bad, 2), 1);
      c = find(bad(r, :), 1);
    else
      c = find(any(bad, 1), 1);
      r = find(bad(:, c), 1);
    end
    more = '';
    if nnz(bad) > 1
      more = sprintf(' (the first of %d NaN or Inf entries)', nnz(bad));
    end
    error(['nnlab:' fn ':nonfinite'], ['%s: %s(%d, %d) is %s%s, but %s must hold finite numbers ' ...
          'only: remove or fill in the %s with missing values (any(~isfinite(%s), %d) marks them)'], ...
          fn, name, r, c, num2str(A(r, c)), more, name, what{d}, name, 3 - d);
  end
end
