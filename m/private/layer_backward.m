function [dX, grads] = layer_backward(net, i, X, dY, aux, needdx, grads)
% LAYER_BACKWARD  The backward pass of layer I of NET, through its home:
%   X is the layer's input in the forward pass, dY the gradient of its
%   output, AUX what its forward kept (a dropout mask).  Returns dX (empty
%   unless NEEDDX) and GRADS with GRADS(I) holding the gradient of each of
%   the layer's parameters by name.
  L = net.layers(i);
  h = layer_home(L.type);
  [dX, g] = h.backward(L, X, dY, aux, needdx);
  for f = fieldnames(g).'
    grads(i).(f{1}) = g.(f{1});
  end
end
