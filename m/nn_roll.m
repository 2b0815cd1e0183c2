% -*- texinfo -*-
% @deftypefn {} {@var{net} =} nn_roll (@var{net}, @var{theta})
% Put the parameters of the column @var{theta} back into the network: the
% inverse of @code{theta = nn_unroll (net)}.
%
% @var{theta} is a vector (row or column) with one element per parameter,
% in the order of @code{nn_unroll}: for each dense layer, its
% @code{Theta = [b W]} (out x (in+1), the bias in the first column) column
% by column.  Its values are cast to the class of @var{net} (a
% single-precision network stays single); the layout, the activations and
% the rest of @var{net} are kept.
%
% @example
% theta = nn_unroll (net);
% net = nn_roll (net, theta - 0.1 * grad);
% @end example
% @seealso{nn_unroll, nn_thetas, nn_cost}
% @end deftypefn
function net = nn_roll(net, theta)
  if nargin ~= 2
    error('nnlab:nn_roll:nargin', 'nn_roll: usage net = nn_roll(net, theta)');
  end
  check_net('nn_roll', net);
  if ~(isnumeric(theta) || islogical(theta)) || ~isreal(theta)
    error('nnlab:nn_roll:class', 'nn_roll: THETA must be a real numeric vector (from nn_unroll)');
  end
  n = 0;
  for i = 1:numel(net.layers)
    h = layer_home(net.layers(i).type);
    n = n + h.count(net.layers(i));
  end
  if ~(isvector(theta) || isempty(theta)) || numel(theta) ~= n
    error('nnlab:nn_roll:size', ['nn_roll: THETA must be a vector of %d elements, one per ' ...
          'parameter of the network (%s), but it is %dx%d'], n, net.summary, size(theta, 1), size(theta, 2));
  end
  theta = cast(full(theta(:)), net.class);
  k = 0;
  for i = 1:numel(net.layers)
    h = layer_home(net.layers(i).type);
    c = h.count(net.layers(i));
    if c > 0
      net.layers(i) = h.unpack(net.layers(i), theta(k + 1:k + c));
      k = k + c;
    end
  end
end

%!test
%! net = nn_mlp([3 4 2], 'Hidden', 'sigmoid', 'Seed', 5);
%! assert(nn_roll(net, nn_unroll(net)), net);
%!test
%! net = nn_mlp([2 3 1], 'Seed', 1);
%! r = nn_roll(net, (1:13)');
%! assert(r.layers(1).b, [1; 2; 3]); assert(r.layers(1).W, [4 7; 5 8; 6 9]);
%! assert(r.layers(3).b, 10); assert(r.layers(3).W, [11 12 13]);
%! assert(nn_unroll(nn_roll(net, 1:13)), (1:13)');
%!test
%! net = nn_mlp([2 1], 'Class', 'single');
%! r = nn_roll(net, [1 2 3]);
%! assert(class(r.layers(1).W), 'single');
%!error id=nnlab:nn_roll:nargin nn_roll(nn_mlp([2 1]))
%!error id=nnlab:nn_roll:net nn_roll(1, 2)
%!error id=nnlab:nn_roll:size nn_roll(nn_mlp([2 1]), [1 2])
%!error id=nnlab:nn_roll:size nn_roll(nn_mlp([2 1]), ones(3, 2))
%!error id=nnlab:nn_roll:class nn_roll(nn_mlp([2 1]), {1, 2, 3})
%!error id=nnlab:nn_roll:class nn_roll(nn_mlp([2 1]), [1 2 3i])
