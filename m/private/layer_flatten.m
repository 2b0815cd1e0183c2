function h = layer_flatten()
% LAYER_FLATTEN  The home of the flatten layer: an H x W x C x N image batch
%   becomes N x (H*W*C) rows, each image read in column-major order
%   (reshape (X, H*W*C, N).'), for the dense layers that follow.  See
%   layer_home.
  h = struct('make', @make, 'init', @init, 'check', @check, 'forward', @forward, ...
             'backward', @backward, 'params', {{}}, 'decay', {{}}, ...
             'describe', @describe, 'output', @(L) '', 'engine', @engine, ...
             'count', @(L) 0, 'pack', @(L) zeros(0, 1), 'unpack', @(L, v) L);
end

function L = make(~, args)
  if ~isempty(args)
    error('nnlab:nn_layer:nargin', 'nn_layer: a flatten layer takes no arguments: nn_layer(''flatten'')');
  end
  L = new_layer('flatten');
end

function [L, out] = init(L, in, ~, ~, ~)
  L.shape = in;
  out = prod(in);
end

function out = check(L, in, ~, fn, i)
  if ~isequal(L.shape, in)
    error(['nnlab:' fn ':net'], '%s: layer %d of NET is damaged: a flatten layer of %s input gets %s', ...
          fn, i, mat2str(L.shape), mat2str(in));
  end
  out = prod(in);
end

function [Y, aux] = forward(L, X, ~, ~, ~)
  Y = reshape(X, prod(L.shape), []).';
  aux = [];
end

function [dX, g] = backward(L, ~, dY, ~, ~)
  dX = reshape(dY.', [L.shape, size(dY, 1)]);
  g = struct();
end

function [parts, n] = describe(L, parts)
  parts{end + 1} = sprintf('%d', prod(L.shape));
  n = 0;
end

function [E, why] = engine(L)
% On rows the identity (the activation 'linear'); on images the layer itself
% (nn_fit turns the batch's images into rows).
  why = '';
  if isscalar(L.shape)
    E = new_layer('act');
    E.act = 'linear';
  else
    E = L;
  end
end
