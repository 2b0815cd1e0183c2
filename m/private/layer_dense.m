function h = layer_dense()
% LAYER_DENSE  The home of the dense (fully connected) layer: Y = X W.' + b.',
%   X N x in (one observation a row), W out x in, b out x 1, as PyTorch's
%   nn.Linear; kernel nn_dense.  See layer_home for the parts.
  h = struct('make', @make, 'init', @init, 'check', @check, 'forward', @forward, ...
             'backward', @backward, 'params', {{'W', 'b'}}, 'decay', {{'W'}}, ...
             'describe', @describe, 'output', @output, 'engine', @engine, ...
             'count', @count, 'pack', @pack, 'unpack', @unpack);
end

function L = make(~, args)
  if numel(args) ~= 1
    error('nnlab:nn_layer:nargin', 'nn_layer: a dense layer takes its number of units: nn_layer(''dense'', 8)');
  end
  u = args{1};
  if ~isnumeric(u) || ~isscalar(u) || ~isreal(u) || u ~= round(u) || u < 1 || ~isfinite(u)
    error('nnlab:nn_layer:size', 'nn_layer: the number of units must be a whole number >= 1');
  end
  L = new_layer('dense');
  L.units = double(u);
end

function [L, out] = init(L, in, scheme, next, cls)
% The weights drawn from rand/randn, in this order, for each scheme.
  if ~isscalar(in)
    error('nnlab:nn_sequential:layer', ['nn_sequential: a dense layer takes rows, but its input ' ...
          'is images (%s); put nn_layer(''flatten'') before it'], mat2str(in));
  end
  out = L.units;
  scheme = init_scheme(scheme, next);
  b = zeros(out, 1);
  switch scheme
    case 'he'
      W = (2 * rand(out, in) - 1) * sqrt(6 / in);
    case 'glorot'
      W = (2 * rand(out, in) - 1) * sqrt(6 / (in + out));
    case 'uniform'
      e = sqrt(6) / sqrt(in + out);
      Wb = (2 * rand(out, in + 1) - 1) * e;
      b = Wb(:, 1);
      W = Wb(:, 2:end);
    case 'normal'
      W = randn(out, in) / sqrt(in);
    case 'zeros'
      W = zeros(out, in);
  end
  L.W = cast(W, cls);
  L.b = cast(b, cls);
end

function out = check(L, in, cls, fn, i)
  out = L.units;
  if ~isa(L.W, cls) || ~isa(L.b, cls) || ~isequal(size(L.W), [L.units in]) || ...
     ~isequal(size(L.b), [L.units 1]) || ~isreal(L.W) || issparse(L.W)
    error(['nnlab:' fn ':net'], ['%s: layer %d of NET is damaged: W must be %dx%d ' ...
          'and b %dx1, both %s'], fn, i, L.units, in, L.units, cls);
  end
end

function [Y, aux] = forward(L, X, ~, ~, ~)
  Y = nn_dense(X, L.W, L.b);
  aux = [];
end

function [dX, g] = backward(L, X, dY, ~, needdx)
  if needdx
    [dX, g.W, g.b] = nn_dense(X, L.W, L.b, dY);
  else
    [~, g.W, g.b] = nn_dense(X, L.W, L.b, dY);
    dX = [];
  end
end

function [parts, n] = describe(L, parts)
  parts{end + 1} = sprintf('%d', L.units);
  n = numel(L.W) + numel(L.b);
end

function k = output(~)
  k = 'affine';
end

function [E, why] = engine(L)
  E = L;
  why = '';
end

function n = count(L)
  n = numel(L.W) + numel(L.b);
end

function v = pack(L)
% The course's layout: Theta = [b W], unrolled column by column, in double.
  Theta = [L.b, L.W];
  v = double(Theta(:));
end

function L = unpack(L, v)
  [out, in] = size(L.W);
  Theta = reshape(v, out, in + 1);
  L.b = Theta(:, 1);
  L.W = Theta(:, 2:end);
end
