function X = check_input(fn, net, X, cols, name)
% CHECK_INPUT  X (called NAME in messages, default 'X') must be a real full
%   numeric N x in matrix (in x N when COLS is true: one observation a
%   column) of finite numbers; cast to net.class.  For a network on images
%   (net.image = [H W C]) X may also be an H x W x C x N batch: it is
%   returned as N x (H*W*C) rows.  Raises nnlab:FN:class,
%   :size, :sparse or :nonfinite (check_array).
  if nargin < 4
    cols = false;
  end
  if nargin < 5
    name = 'X';
  end
  what = {'rows', 'columns'};
  if isfield(net, 'image') && ~cols && image_array(net, X)
    % H x W x C x N images become N x (H*W*C) rows, each image read in
    % column-major order; net_forward turns the rows back into images
    X = reshape(X, prod(net.image), []).';
  elseif isfield(net, 'image') && ~cols && ndims(X) > 2
    error(['nnlab:' fn ':size'], ['%s: the network takes %dx%dx%d images (H x W x C x N, or ' ...
          'N x %d rows), but %s is %s'], fn, net.image, prod(net.image), name, ...
          strjoin(arrayfun(@num2str, size(X), 'UniformOutput', false), 'x'));
  end
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
