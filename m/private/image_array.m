function t = image_array(net, X)
% IMAGE_ARRAY  True when X is a batch of the images NET takes: a numeric
%   H x W x C x N array (N may be 1) for net.image = [H W C], and not the
%   same data as N x H*W*C rows.
  image = net.image;
  t = (isnumeric(X) || islogical(X)) && size(X, 1) == image(1) && size(X, 2) == image(2) && ...
      size(X, 3) == image(3) && ndims(X) <= 4 && ~(ismatrix(X) && size(X, 2) == prod(image));
end
