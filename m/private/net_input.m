function in = net_input(net)
% NET_INPUT  What a network takes: its number of features, or for a network
%   on images (nn_sequential([H W C], ...)) the image size [H W C].
  in = net.sizes(1);
  if isfield(net, 'image')
    in = net.image;
  end
end
