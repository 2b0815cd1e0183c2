function image_input(type, in)
% IMAGE_INPUT  Raise nnlab:nn_sequential:layer unless IN is an image size
%   [H W C]: layers of type TYPE take images.
  if numel(in) ~= 3
    error('nnlab:nn_sequential:layer', ['nn_sequential: a %s layer takes images, but its ' ...
          'input is %d features (rows); start the network with nn_sequential([H W C], ...) ' ...
          'and put it before nn_layer(''flatten'')'], type, prod(in));
  end
end
