function opts = layer_options(type, args, names)
% LAYER_OPTIONS  The name/value options ARGS of a TYPE layer, checked
%   against NAMES (any case; stored with NAMES' spelling) as a cell for its
%   kernel; the kernel judges the values when the network is built.
  if mod(numel(args), 2) ~= 0
    error('nnlab:nn_layer:option', 'nn_layer: the options of a %s layer come in name/value pairs', type);
  end
  opts = args;
  for k = 1:2:numel(args)
    j = [];
    if ischar(args{k})
      j = find(strcmpi(args{k}, names), 1);
    end
    if isempty(j)
      error('nnlab:nn_layer:option', 'nn_layer: a %s layer takes the options %s', ...
            type, strjoin(names, ', '));
    end
    opts{k} = names{j};
  end
end
