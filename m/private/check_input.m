function X = check_input(fn, net, X, cols)
% CHECK_INPUT  X must be a real full numeric N x in matrix (in x N when COLS
% is true: one observation a column); cast to net.class.
  if nargin < 4
    cols = false;
  end
  what = {'row', 'column'};
  if ~(isnumeric(X) || islogical(X)) || ~isreal(X) || ndims(X) ~= 2
    error(['nnlab:' fn ':class'], '%s: X must be a real numeric matrix, one observation per %s', ...
          fn, what{1 + cols});
  end
  if size(X, 2 - cols) ~= net.sizes(1)
    if cols
      error(['nnlab:' fn ':size'], ['%s: the network takes %d inputs, so X (one observation ' ...
            'per column) needs %d rows, but it has %d'], fn, net.sizes(1), net.sizes(1), size(X, 1));
    end
    error(['nnlab:' fn ':size'], '%s: the network takes %d inputs, so X needs %d columns, but it has %d', ...
          fn, net.sizes(1), net.sizes(1), size(X, 2));
  end
  if issparse(X)
    X = full(X);
  end
  X = cast(X, net.class);
end
