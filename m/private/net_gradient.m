function [Y, L, grads, aux] = net_gradient(net, X, seed, loss)
% NET_GRADIENT  A training pass of NET on the batch X: the forward pass in
%   training mode (dropout masks from SEED, batch statistics), the loss
%   [L, dY] = LOSS(Y), and the backward pass.  GRADS as net_backward's; AUX
%   what each layer's forward kept (net_forward's cache.masks).
%   What net_forward and net_backward do, except that each layer's input
%   is freed as soon as its backward pass has used it: this function holds
%   the only reference to the inputs, where a caller of net_backward keeps
%   the whole cache until the end.  For the CNN of nn_demo_cnn, batch 128
%   in single, the heap a step needs is then 60 MB instead of 79 MB.
  [Y, cache] = net_forward(net, X, true, seed);
  [L, dY] = loss(Y);
  aux = cache.masks;
  inputs = cache.inputs;
  clear cache
  n = numel(net.layers);
  grads = repmat(struct('W', [], 'b', []), 1, n);
  for i = n:-1:1
    [dY, grads] = layer_backward(net, i, inputs{i}, dY, aux{i}, i > 1, grads);
    inputs{i} = [];
  end
end
