function X = check_input(fn, net, X)
% CHECK_INPUT  X must be a real full numeric N x in matrix; cast to net.class.
  if ~(isnumeric(X) || islogical(X)) || ~isreal(X) || ndims(X) ~= 2
    error(['nnlab:' fn ':class'], '%s: X must be a real numeric matrix, one observation per row', fn);
  end
  if size(X, 2) ~= net.sizes(1)
    error(['nnlab:' fn ':size'], '%s: the network takes %d inputs, so X needs %d columns, but it has %d', ...
          fn, net.sizes(1), net.sizes(1), size(X, 2));
  end
  if issparse(X)
    X = full(X);
  end
  X = cast(X, net.class);
end
