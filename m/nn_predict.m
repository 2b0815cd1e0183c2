% -*- texinfo -*-
% @deftypefn {} {@var{Y} =} nn_predict (@var{net}, @var{X})
% Outputs of the network for the observations in the rows of @var{X}, with
% dropout switched off.  @var{Y} is N x out, of the network's class; for a
% classifier with linear outputs these are scores (logits): the predicted
% class of row i is @code{nn_onehot_decode (Y)} (the column of the largest
% score), or @code{Y > 0} for a single logit.  @var{X} must be a full
% matrix of finite numbers: sparse is @code{nnlab:nn_predict:sparse} (use
% @code{full}), a NaN or Inf @code{nnlab:nn_predict:nonfinite}, which names
% its row and column.
% @seealso{nn_forward, nn_evaluate}
% @end deftypefn
function Y = nn_predict(net, X)
  if nargin >= 2 && isstruct(net) && isscalar(net) && isfield(net, 'ensemble')
    Y = sweep_ensemble('predict', net, X);   % an ensemble of nn_ensemble
    return
  end
  if nargin ~= 2
    error('nnlab:nn_predict:nargin', 'nn_predict: usage Y = nn_predict(net, X)');
  end
  most = check_net('nn_predict', net);
  images = isfield(net, 'image') && image_array(net, X);
  if images
    % images as they are: checked as their columns (the same memory), no
    % copy into rows and back
    Xc = check_input('nn_predict', net, reshape(X, prod(net.image), []), true);
    X = reshape(Xc, [net.image(:).', size(Xc, 2)]);
    N = size(Xc, 2);
  else
    X = check_input('nn_predict', net, X);
    N = size(X, 1);
  end
  % The forward pass in blocks of observations, so that no layer's output
  % for a block holds more than 16 MB: blocks that size stay in the heap
  % for the next one (see mex/nnmex.c), where larger ones are fresh memory,
  % paid for in page faults.  The 10,000 Fashion-MNIST test images through
  % the CNN of nn_demo_cnn in one pass made layer outputs of 865 MB: 19 s
  % in single, against 1.4 s in blocks of 193 images.
  bytes = 8 - 4 * strcmp(net.class, 'single');
  B = max(1, floor(2^24 / (bytes * most)));
  if N <= B
    Y = net_forward(net, X, false, []);
    return
  end
  Y = cell(1, ceil(N / B));
  for k = 1:numel(Y)
    idx = (k - 1) * B + 1:min(k * B, N);
    if images
      Y{k} = net_forward(net, X(:, :, :, idx), false, []);
    else
      Y{k} = net_forward(net, X(idx, :), false, []);
    end
  end
  Y = vertcat(Y{:});
end

%!test
%! net = nn_mlp([2 2 1], 'Hidden', 'sigmoid', 'Seed', 1);
%! assert(nn_predict(net, [1 2; 3 4]), nn_forward(net, [1 2; 3 4]));
%!test
%! % in blocks of observations (a layer's output for a block at most 16 MB)
%! % the outputs are those of the blocks one by one, for rows and images
%! net = nn_mlp([3 2^20 2], 'Seed', 2);         % 8 MB a row: blocks of 2 rows
%! X = reshape(sin(1:15), 5, 3);
%! Y = nn_predict(net, X);
%! assert(Y, [nn_forward(net, X(1:2, :)); nn_forward(net, X(3:4, :)); nn_forward(net, X(5, :))]);
%! net = nn_sequential([512 512 4], nn_layer('conv2d', 2, 1), 'tanh', nn_layer('flatten'), ...
%!                     nn_layer('dense', 3), 'Seed', 3);     % 8 MB an image: blocks of 2
%! X = reshape(cos(1:512 * 512 * 4 * 3), 512, 512, 4, 3);
%! Y = nn_predict(net, X);
%! assert(size(Y), [3 3]);
%! assert(Y, [nn_forward(net, X(:, :, :, 1:2)); nn_forward(net, X(:, :, :, 3))]);
%! assert(nn_predict(net, reshape(X, [], 3).'), Y);            % the same images as rows
%!error id=nnlab:nn_predict:nargin nn_predict(1)
%!error id=nnlab:nn_predict:size nn_predict(nn_mlp([2 1]), 1)
