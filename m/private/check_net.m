function check_net(fn, net)
% CHECK_NET  Raise nnlab:FN:net unless NET is a network from nn_sequential/nn_mlp.
  ok = isstruct(net) && isscalar(net) && isfield(net, 'format') && ...
       strcmp(net.format, 'nnlab.net') && isfield(net, 'layers') && ...
       isfield(net, 'sizes') && isfield(net, 'class') && isstruct(net.layers);
  if ~ok
    error(['nnlab:' fn ':net'], '%s: NET must be a network made by nn_mlp or nn_sequential', fn);
  end
  width = net.sizes(1);
  for i = 1:numel(net.layers)
    L = net.layers(i);
    if strcmp(L.type, 'dense')
      if ~isa(L.W, net.class) || ~isa(L.b, net.class) || ~isequal(size(L.W), [L.units width]) || ...
         ~isequal(size(L.b), [L.units 1]) || ~isreal(L.W) || issparse(L.W)
        error(['nnlab:' fn ':net'], ['%s: layer %d of NET is damaged: W must be %dx%d ' ...
              'and b %dx1, both %s'], fn, i, L.units, width, L.units, net.class);
      end
      width = L.units;
    elseif ~any(strcmp(L.type, {'act', 'dropout'}))
      error(['nnlab:' fn ':net'], '%s: layer %d of NET has an unknown type', fn, i);
    end
  end
end
