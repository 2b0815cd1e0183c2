function h = layer_globalavgpool()
% LAYER_GLOBALAVGPOOL  The home of the global average pooling layer, nn_layer('globalavgpool'):
%   each channel's mean, 1 x 1 x C: see pool_home.
  h = pool_home();
end
