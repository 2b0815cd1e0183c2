function h = layer_dropout()
% LAYER_DROPOUT  The home of the dropout layer: while training each unit is
%   zeroed with probability p and the kept ones scaled by 1/(1-p) (kernel
%   nn_dropout); the identity in evaluation mode.  See layer_home.
  % no parameters, and the output has the size of the input
  h = struct('make', @make, 'init', @(L, in, varargin) deal(L, in), ...
             'check', @(L, in, varargin) in, 'forward', @forward, ...
             'backward', @backward, 'params', {{}}, 'decay', {{}}, ...
             'describe', @describe, 'output', @output, 'engine', @engine, ...
             'count', @(L) 0, 'pack', @(L) zeros(0, 1), 'unpack', @(L, v) L);
end

function L = make(~, args)
  if numel(args) ~= 1
    error('nnlab:nn_layer:nargin', 'nn_layer: a dropout layer takes its probability: nn_layer(''dropout'', 0.5)');
  end
  p = args{1};
  if ~isnumeric(p) || ~isscalar(p) || ~isreal(p) || ~(p >= 0 && p < 1)
    error('nnlab:nn_layer:optionValue', 'nn_layer: the dropout probability must be a number in [0, 1)');
  end
  L = new_layer('dropout');
  L.p = double(p);
end

function [Y, mask] = forward(L, X, training, seed, i)
% The mask of layer I; with a seed, the mask of seed + I.
  mask = [];
  if ~training || L.p == 0
    Y = X;
  else
    % images (more than 2 dimensions) through the kernel one column each
    sz = size(X);
    if isempty(seed)
      [Y, mask] = nn_dropout(reshape(X, [], sz(end)), L.p);
    else
      [Y, mask] = nn_dropout(reshape(X, [], sz(end)), L.p, 'seed', seed + i);
    end
    Y = reshape(Y, sz);
    mask = reshape(mask, sz);
  end
end

function [dX, g] = backward(L, X, dY, mask, ~)
  g = struct();
  if isempty(mask)
    dX = dY;
  else
    n = size(X, ndims(X));
    dX = reshape(nn_dropout(reshape(X, [], n), L.p, reshape(dY, [], n), reshape(mask, [], n)), size(X));
  end
end

function [parts, n] = describe(L, parts)
  parts{end} = sprintf('%s(dropout %g)', parts{end}, L.p);
  n = 0;
end

function k = output(~)
  k = '';
end

function [E, why] = engine(L)
% p = 0 is the identity: an activation 'linear' for the engine.
  why = '';
  if L.p == 0
    E = L;
    E.type = 'act';
    E.act = 'linear';
    E.opts = {};
  else
    E = [];
    why = 'dropout with p > 0';
  end
end
