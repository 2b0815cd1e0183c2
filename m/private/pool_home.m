function h = pool_home()
% POOL_HOME  The home of the pooling layers (kernel nn_pool): 'maxpool' and
%   'avgpool' over windows, 'globalavgpool' the average over the whole image
%   (1 x 1 x C out).  layer_maxpool, layer_avgpool and layer_globalavgpool
%   are this home; see layer_home for the parts.
  h = struct('make', @make, 'init', @init, 'check', @check, 'forward', @forward, ...
             'backward', @backward, 'params', {{}}, 'decay', {{}}, ...
             'describe', @describe, 'output', @(L) '', 'engine', @engine, ...
             'count', @(L) 0, 'pack', @(L) zeros(0, 1), 'unpack', @(L, v) L);
end

function L = make(name, args)
% L.act is the kind of nn_pool ('max' or 'avg'), L.window [kh kw] or 'global'.
  L = new_layer(name);
  L.act = 'avg';
  if strcmp(name, 'maxpool')
    L.act = 'max';
  end
  if strcmp(name, 'globalavgpool')
    if ~isempty(args)
      error('nnlab:nn_layer:nargin', 'nn_layer: a globalavgpool layer takes no arguments');
    end
    L.window = 'global';
    return
  end
  if isempty(args)
    error('nnlab:nn_layer:nargin', 'nn_layer: a %s layer takes its window: nn_layer(''%s'', [2 2])', ...
          name, name);
  end
  L.window = window_size(name, args{1});
  names = {'Stride', 'Padding'};
  if strcmp(L.act, 'avg')
    names{end + 1} = 'CountIncludePad';
  end
  L.opts = layer_options(name, args(2:end), names);
end

function [L, out] = init(L, in, ~, ~, cls)
  image_input(L.type, in);
  out = out_size(L, in, cls, 'nn_sequential');
end

function out = check(L, in, cls, fn, i)
  if ~isnumeric(in) || numel(in) ~= 3 || ~(ischar(L.window) || numel(L.window) == 2)
    error(['nnlab:' fn ':net'], '%s: layer %d of NET is damaged: a %s layer works on images', ...
          fn, i, L.type);
  end
  out = out_size(L, in, cls, fn);
end

function [Y, aux] = forward(L, X, ~, ~, ~)
  Y = nn_pool(X, L.act, L.window, L.opts{:});
  aux = [];
end

function [dX, g] = backward(L, X, dY, ~, ~)
  dX = nn_pool(X, L.act, L.window, dY, L.opts{:});
  g = struct();
end

function [parts, n] = describe(L, parts)
  if ischar(L.window)
    parts{end + 1} = 'globalavgpool';
  else
    parts{end + 1} = sprintf('%spool%dx%d', L.act, L.window);
  end
  n = 0;
end

function [E, why] = engine(L)
  E = L;
  why = '';
end

function out = out_size(L, in, cls, fn)
  try
    Y = nn_pool(zeros([in 0], cls), L.act, L.window, L.opts{:});
  catch err
    rethrow_as(fn, err);
  end
  out = [size(Y, 1), size(Y, 2), in(3)];
end
