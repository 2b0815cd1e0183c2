function d = net_digest(net)
% NET_DIGEST  MD5 of every number and name of a network, to detect a file
%   changed after nn_save wrote it.  (For a network of dense, activation
%   and dropout layers the digest is that of the first nnlab files.)
  parts = {net.class, sprintf('%d ', net.sizes)};
  for i = 1:numel(net.layers)
    L = net.layers(i);
    parts{end + 1} = sprintf('%s|%s|%s|%g|', L.type, L.act, disp_opts(L.opts), L.p);
    h = layer_home(L.type);
    for f = h.params
      parts{end + 1} = char(reshape(typecast(L.(f{1})(:), 'uint8'), 1, []));
    end
  end
  % the fields that a layer type adds to those of new_layer, if any
  base = fieldnames(new_layer(''));
  extra = setdiff(fieldnames(net.layers), base);
  for i = 1:numel(net.layers)
    for f = extra(:).'
      parts{end + 1} = sprintf('%s=%s|', f{1}, disp_opts({net.layers(i).(f{1})}));
    end
  end
  if isfield(net, 'image')
    parts{end + 1} = sprintf('image=%d ', net.image);
  end
  d = hash('md5', [parts{:}]);
end

function s = disp_opts(c)
  s = '';
  for k = 1:numel(c)
    if ischar(c{k})
      s = [s c{k} ','];
    elseif isstruct(c{k})
      s = [s disp_opts(struct2cell(c{k}(:)).') ','];   % (a layer's state)
    else
      s = [s sprintf('%.17g ', c{k}) ','];
    end
  end
end
