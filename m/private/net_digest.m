function d = net_digest(net)
% NET_DIGEST  MD5 of every number and name of a network, to detect a file
%   changed after nn_save wrote it.
  parts = {net.class, sprintf('%d ', net.sizes)};
  for i = 1:numel(net.layers)
    L = net.layers(i);
    parts{end + 1} = sprintf('%s|%s|%s|%g|', L.type, L.act, disp_opts(L.opts), L.p);
    if strcmp(L.type, 'dense')
      parts{end + 1} = char(reshape(typecast(L.W(:), 'uint8'), 1, []));
      parts{end + 1} = char(reshape(typecast(L.b(:), 'uint8'), 1, []));
    end
  end
  d = hash('md5', [parts{:}]);
end

function s = disp_opts(c)
  s = '';
  for k = 1:numel(c)
    if ischar(c{k})
      s = [s c{k} ','];
    else
      s = [s sprintf('%.17g ', c{k}) ','];
    end
  end
end
