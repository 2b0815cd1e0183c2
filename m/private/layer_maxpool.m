function h = layer_maxpool()
% LAYER_MAXPOOL  The home of the max-pooling layer, nn_layer('maxpool', [kh kw],
%   options...): see pool_home.
  h = pool_home();
end
