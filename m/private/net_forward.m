function [Y, cache] = net_forward(net, X, training, seed)
% NET_FORWARD  The forward pass of a checked network on checked rows X:
%   each layer's home in turn.  TRAINING switches dropout on; SEED ([] or a
%   number) seeds its masks.  CACHE (when asked for) holds each layer's
%   input and what its backward pass needs besides (cache.masks).
  n = numel(net.layers);
  if isfield(net, 'image') && ismatrix(X) && size(X, 2) == prod(net.image)
    X = reshape(X.', [net.image, size(X, 1)]);   % rows back into images
  end
  Y = X;
  if nargout < 2
    for i = 1:n
      L = net.layers(i);
      h = layer_home(L.type);
      Y = h.forward(L, Y, training, seed, i);
    end
    return
  end
  cache = struct('inputs', {cell(1, n)}, 'masks', {cell(1, n)});
  for i = 1:n
    L = net.layers(i);
    h = layer_home(L.type);
    cache.inputs{i} = Y;
    [Y, cache.masks{i}] = h.forward(L, Y, training, seed, i);
  end
end
