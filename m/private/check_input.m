function X = check_input(fn, net, X, cols, name)
% CHECK_INPUT  X (called NAME in messages, default 'X') must be a real full
%   numeric N x in matrix (in x N when COLS is true: one observation a
%   column) of finite numbers; cast to net.class.  Raises nnlab:FN:class,
%   :size, :sparse or :nonfinite (check_array).
  if nargin < 4
    cols = false;
  end
  if nargin < 5
    name = 'X';
  end
  what = {'rows', 'columns'};
  if ~(isnumeric(X) || islogical(X)) || ~isreal(X) || ndims(X) ~= 2
    error(['nnlab:' fn ':class'], '%s: %s must be a real numeric matrix, one observation per %s', ...
          fn, name, what{1 + cols}(1:end - 1));
  end
  if size(X, 2 - cols) ~= net.sizes(1)
    if cols
      error(['nnlab:' fn ':size'], ['%s: the network takes %d inputs, so %s (one observation ' ...
            'per column) needs %d rows, but it has %d'], fn, net.sizes(1), name, net.sizes(1), size(X, 1));
    end
    error(['nnlab:' fn ':size'], '%s: the network takes %d inputs, so %s needs %d columns, but it has %d', ...
          fn, net.sizes(1), name, net.sizes(1), size(X, 2));
  end
  check_array(fn, X, name, what{1 + cols});
  X = cast(X, net.class);
end
