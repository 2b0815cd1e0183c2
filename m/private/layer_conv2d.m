function h = layer_conv2d()
% LAYER_CONV2D  The home of the 2-D convolution layer: Y = nn_conv2d(X, W, b,
%   options...), X an H x W x C x N image batch, W kh x kw x C/G x Cout,
%   b Cout x 1, as PyTorch's nn.Conv2d.  See layer_home for the parts; its
%   widths are image sizes [H W C].
  h = struct('make', @make, 'init', @init, 'check', @check, 'forward', @forward, ...
             'backward', @backward, 'params', {{'W', 'b'}}, 'decay', {{'W'}}, ...
             'describe', @describe, 'output', @(L) 'affine', 'engine', @engine, ...
             'count', @(L) numel(L.W) + numel(L.b), 'pack', @pack, 'unpack', @unpack);
end

function L = make(~, args)
  if numel(args) < 2
    error('nnlab:nn_layer:nargin', ['nn_layer: a conv2d layer takes its number of filters and ' ...
          'their size: nn_layer(''conv2d'', 32, [3 3])']);
  end
  c = args{1};
  if ~isnumeric(c) || ~isscalar(c) || ~isreal(c) || c ~= round(c) || c < 1 || ~isfinite(c)
    error('nnlab:nn_layer:size', 'nn_layer: the number of filters of a conv2d layer must be a whole number >= 1');
  end
  L = new_layer('conv2d');
  L.units = double(c);
  L.window = window_size('conv2d', args{2});
  L.opts = layer_options('conv2d', args(3:end), {'Stride', 'Padding', 'Dilation', 'Groups'});
end

function [L, out] = init(L, in, scheme, next, cls)
% W drawn as the dense layer draws it, with fan-in kh*kw*C/G and fan-out
% kh*kw*Cout/G; b zeros.
  image_input('conv2d', in);
  g = option_value(L.opts, 'Groups', 1);
  if ~(isnumeric(g) && isscalar(g) && g >= 1 && g == round(g) && mod(in(3), g) == 0)
    g = 1;   % the kernel's check below says what is wrong
  end
  sz = [L.window, in(3) / g, L.units];
  fin = prod(sz(1:3));
  fout = prod(L.window) * L.units / g;
  scheme = init_scheme(scheme, next);
  switch scheme
    case 'he'
      W = (2 * rand(sz) - 1) * sqrt(6 / fin);
    case {'glorot', 'uniform'}
      W = (2 * rand(sz) - 1) * sqrt(6 / (fin + fout));
    case 'normal'
      W = randn(sz) / sqrt(fin);
    case 'zeros'
      W = zeros(sz);
  end
  L.W = cast(W, cls);
  L.b = zeros(L.units, 1, cls);
  out = out_size(L, in, cls, 'nn_sequential');
end

function out = check(L, in, cls, fn, i)
  ok = isnumeric(in) && numel(in) == 3 && isa(L.W, cls) && isa(L.b, cls) && ...
       isreal(L.W) && ~issparse(L.W) && isequal(size(L.b), [L.units 1]) && ...
       size(L.W, 1) == L.window(1) && size(L.W, 2) == L.window(2) && size(L.W, 4) == L.units;
  if ~ok
    error(['nnlab:' fn ':net'], ['%s: layer %d of NET is damaged: a conv2d layer on ' ...
          'images needs W %dx%dxCx%d and b %dx1, both %s'], fn, i, L.window, L.units, L.units, cls);
  end
  out = out_size(L, in, cls, fn);
end

function [Y, aux] = forward(L, X, ~, ~, ~)
  Y = nn_conv2d(X, L.W, L.b, L.opts{:});
  aux = [];
end

function [dX, g] = backward(L, X, dY, ~, needdx)
  if needdx
    [dX, g.W, g.b] = nn_conv2d(X, L.W, L.b, dY, L.opts{:});
  else
    [~, g.W, g.b] = nn_conv2d(X, L.W, L.b, dY, L.opts{:}, 'InputGradient', false);
    dX = [];
  end
end

function [parts, n] = describe(L, parts)
  parts{end + 1} = sprintf('conv%dx%dx%d', L.window, L.units);
  n = numel(L.W) + numel(L.b);
end

function [E, why] = engine(L)
  E = L;
  why = '';
end

function v = pack(L)
% b first, then W(:), in double.
  v = double([L.b; L.W(:)]);
end

function L = unpack(L, v)
  L.b = reshape(v(1:L.units), L.units, 1);
  L.W = reshape(v(L.units + 1:end), size(L.W));
end

function out = out_size(L, in, cls, fn)
% [Ho Wo Cout]: the kernel itself, on an empty batch, says (and judges the
% options against the input).
  try
    Y = nn_conv2d(zeros([in 0], cls), L.W, L.b, L.opts{:});
  catch err
    rethrow_as(fn, err);
  end
  out = [size(Y, 1), size(Y, 2), L.units];
end
