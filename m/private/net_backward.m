function [grads, dX] = net_backward(net, cache, dY, needdx)
% NET_BACKWARD  Back-propagate dY through a network, each layer's home in
%   turn, from the CACHE of net_forward.  GRADS(i) holds the gradient of
%   each parameter of layer i by name (fields W and b; empty for layers
%   without parameters).  The first layer's dX is computed only when
%   NEEDDX is true.  (Training calls net_gradient, which also frees each
%   layer's input once it is used.)
  n = numel(net.layers);
  grads = repmat(struct('W', [], 'b', []), 1, n);
  for i = n:-1:1
    [dY, grads] = layer_backward(net, i, cache.inputs{i}, dY, cache.masks{i}, i > 1 || needdx, grads);
  end
  dX = dY;
end
