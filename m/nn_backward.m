% -*- texinfo -*-
% @deftypefn  {} {@var{grads} =} nn_backward (@var{net}, @var{cache}, @var{dY})
% @deftypefnx {} {[@var{grads}, @var{dX}] =} nn_backward (@dots{})
% Back-propagate the derivative @var{dY} of a loss with respect to the
% network output through the network.
%
% @var{cache} comes from @code{[Y, cache] = nn_forward (net, X)}; @var{dY}
% has the size of @var{Y} (for instance the @var{dZ} of @code{nn_loss}).
% @var{grads} is a struct array with one element per layer and fields
% @code{W} and @code{b}: the derivatives of the loss with respect to that
% layer's weights and biases (empty for layers without parameters).
% @var{dX} is the derivative with respect to the input.
%
% @example
% [Y, cache] = nn_forward (net, X);
% [L, dY] = nn_loss (Y, T, 'mse');
% grads = nn_backward (net, cache, dY);
% @end example
% @seealso{nn_forward, nn_step, nn_gradcheck}
% @end deftypefn
function [grads, dX] = nn_backward(net, cache, dY)
  if nargin ~= 3
    error('nnlab:nn_backward:nargin', 'nn_backward: usage grads = nn_backward(net, cache, dY)');
  end
  check_net('nn_backward', net);
  L = numel(net.layers);
  if ~isstruct(cache) || ~isfield(cache, 'inputs') || numel(cache.inputs) ~= L || any(cellfun('isempty', cache.inputs))
    error('nnlab:nn_backward:cache', 'nn_backward: CACHE must be the second output of nn_forward for this network');
  end
  n = size(cache.inputs{1}, 1);
  if isfield(net, 'image')
    n = size(cache.inputs{1}, 4);   % images: H x W x C x N
  end
  if ~isnumeric(dY) || ~isequal(size(dY), [n net.sizes(end)])
    error('nnlab:nn_backward:size', 'nn_backward: dY must be %dx%d, the size of the network output', n, net.sizes(end));
  end
  dY = cast(dY, net.class);
  [grads, dX] = net_backward(net, cache, dY, nargout > 1);
end

%!test
%! net = nn_mlp([3 4 2], 'Hidden', 'sigmoid', 'Seed', 3);
%! X = randn(5, 3); T = randn(5, 2);
%! [Y, cache] = nn_forward(net, X);
%! [~, dY] = nn_loss(Y, T, 'mse');
%! [g, dX] = nn_backward(net, cache, dY);
%! h = 1e-6; W = net.layers(1).W; num = zeros(size(W));
%! for k = 1:numel(W)
%!   a = net; a.layers(1).W(k) = W(k) + h; b = net; b.layers(1).W(k) = W(k) - h;
%!   num(k) = (nn_loss(nn_forward(a, X), T, 'mse') - nn_loss(nn_forward(b, X), T, 'mse')) / (2 * h);
%! end
%! assert(g(1).W, num, 1e-8);
%! assert(size(dX), size(X)); assert(isempty(g(2).W));
%!error id=nnlab:nn_backward:nargin nn_backward(1, 2)
%!error id=nnlab:nn_backward:cache nn_backward(nn_mlp([2 1]), struct(), 1)
%!error id=nnlab:nn_backward:size nn_backward(nn_mlp([2 1]), struct('inputs', {{[1 2]}}, 'masks', {{[]}}), [1 2])
