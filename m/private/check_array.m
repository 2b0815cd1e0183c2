function check_array(fn, A, name)
% CHECK_ARRAY  A (called NAME in messages) must be a real, full, 2-D numeric
%   or logical matrix; raises nnlab:FN:class, :sparse, :complex or :size.
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
end
