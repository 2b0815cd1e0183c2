function most = check_net(fn, net)
% CHECK_NET  Raise nnlab:FN:net unless NET is a network from nn_sequential/nn_mlp
%   whose every layer its home finds sound.  MOST is the number of values of
%   the widest of the input and the layers' outputs for one observation.
  ok = isstruct(net) && isscalar(net) && isfield(net, 'format') && ...
       strcmp(net.format, 'nnlab.net') && isfield(net, 'layers') && ...
       isfield(net, 'sizes') && isfield(net, 'class') && isstruct(net.layers) && ...
       isfield(net.layers, 'type') && ischar(net.class) && isa(net.sizes, 'double') && ...
       ~isempty(net.sizes);
  if ~ok
    error(['nnlab:' fn ':net'], '%s: NET must be a network made by nn_mlp or nn_sequential', fn);
  end
  width = net_input(net);
  most = prod(width);
  for i = 1:numel(net.layers)
    L = net.layers(i);
    own = ischar(L.type);
    if own
      [h, own] = layer_home(L.type);
    end
    if ~own
      error(['nnlab:' fn ':net'], '%s: layer %d of NET has an unknown type', fn, i);
    end
    width = h.check(L, width, net.class, fn, i);
    most = max(most, prod(width));
  end
end
