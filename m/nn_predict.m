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
  check_net('nn_predict', net);
  if isfield(net, 'image') && image_array(net, X)
    % images as they are: checked as their columns (the same memory), no
    % copy into rows and back
    Xc = check_input('nn_predict', net, reshape(X, prod(net.image), []), true);
    X = reshape(Xc, [net.image(:).', size(Xc, 2)]);
  else
    X = check_input('nn_predict', net, X);
  end
  Y = net_forward(net, X, false, []);
end

%!test
%! net = nn_mlp([2 2 1], 'Hidden', 'sigmoid', 'Seed', 1);
%! assert(nn_predict(net, [1 2; 3 4]), nn_forward(net, [1 2; 3 4]));
%!error id=nnlab:nn_predict:nargin nn_predict(1)
%!error id=nnlab:nn_predict:size nn_predict(nn_mlp([2 1]), 1)
