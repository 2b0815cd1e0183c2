function h = layer_avgpool()
% LAYER_AVGPOOL  The home of the average-pooling layer, nn_layer('avgpool', [kh kw],
%   options...): see pool_home.
  h = pool_home();
end
