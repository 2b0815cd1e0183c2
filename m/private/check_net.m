function check_net(fn, net)
% CHECK_NET  Raise nnlab:FN:net unless NET is a network from nn_sequential/nn_mlp.
  ok = isstruct(net) && isscalar(net) && isfield(net, 'format') && ...
       strcmp(net.format, 'nnlab.net') && isfield(net, 'layers') && ...
       isfield(net, 'sizes') && isfield(net, 'class') && isstruct(net.layers);
  if ~ok
    error(['nnlab:' fn ':net'], '%s: NET must be a network made by nn_mlp or nn_sequential', fn);
  end
  width = net.sizes(1);
  if layers_ok(net, width)
    return
  end
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

function ok = layers_ok(net, width)
% The checks of the loop above on all layers at once, for the usual case (a
% test at least as strict: anything it does not pass, the loop checks layer
% by layer, and raises the error of the first bad layer).
  ok = false;
  L = net.layers;
  cls = net.class;
  if ~(isfield(L, 'type') && ischar(cls) && isa(width, 'double') && isscalar(width))
    return
  end
  types = {L.type};
  if ~iscellstr(types)
    return
  end
  dense = strcmp(types, 'dense');
  if ~all(dense | strcmp(types, 'act') | strcmp(types, 'dropout'))
    return
  end
  if ~any(dense)
    ok = true;
    return
  end
  if ~(isfield(L, 'W') && isfield(L, 'b') && isfield(L, 'units'))
    return
  end
  W = {L(dense).W};
  b = {L(dense).b};
  u = {L(dense).units};
  if ~(all(cellfun('isclass', u, 'double')) && all(cellfun('prodofsize', u) == 1))
    return
  end
  units = [u{:}];
  Wb = [W, b];
  ok = all(cellfun('isclass', Wb, cls)) && all(cellfun('ndims', Wb) == 2) && ...
       all(cellfun('size', Wb, 1) == [units, units]) && ...
       all(cellfun('size', Wb, 2) == [width, units(1:end - 1), ones(1, numel(units))]) && ...
       all(cellfun('isreal', W)) && (strcmp(cls, 'single') || ~any(cellfun(@issparse, W)));
end
