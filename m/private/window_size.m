function w = window_size(type, w)
% WINDOW_SIZE  A window (kernel) size [kh kw] from k or [kh kw], or an
%   nnlab:nn_layer:size error naming the layer TYPE.
  if ~isnumeric(w) || ~isreal(w) || ~any(numel(w) == [1 2]) || any(w ~= round(w)) || ...
     any(w < 1) || any(~isfinite(w))
    error('nnlab:nn_layer:size', ['nn_layer: the window of a %s layer is a whole number ' ...
          'k (k x k) or [kh kw], each >= 1'], type);
  end
  w = double(w(:).');
  if isscalar(w)
    w = [w w];
  end
end
