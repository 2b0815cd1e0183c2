% -*- texinfo -*-
% @deftypefn {} {@var{theta} =} nn_unroll (@var{net})
% All the parameters of a network in one column, as the classic machine
% learning course unrolls its @code{Theta1}, @code{Theta2}, @dots{}
%
% For each dense layer in order, the bias @var{b} (out x 1) and the weights
% @var{W} (out x in) are put side by side as the course's
% @code{Theta = [b W]} (out x (in+1), the bias in the first column) and
% stacked column by column:
%
% @example
% theta = [Theta1(:); Theta2(:); @dots{}]
% @end example
%
% so that @code{nn_unroll (net)} equals
% @code{cell2mat (cellfun (@@(t) t(:), nn_thetas (net), 'UniformOutput', false)')}.
% @var{theta} is always @code{double} (optimizers such as @code{fminunc} and
% @code{nn_minimize} work in double), even for a single-precision network;
% @code{nn_roll} casts it back to the network's class.
%
% @example
% net = nn_mlp ([2 3 1], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 1);
% theta = nn_unroll (net);      % 13 x 1: (2+1)*3 + (3+1)*1
% net2 = nn_roll (net, 2 * theta);
% @end example
% @seealso{nn_roll, nn_thetas, nn_cost, nn_minimize}
% @end deftypefn
function theta = nn_unroll(net)
  if nargin ~= 1
    error('nnlab:nn_unroll:nargin', 'nn_unroll: usage theta = nn_unroll(net)');
  end
  check_net('nn_unroll', net);
  parts = cell(1, numel(net.layers));
  for i = 1:numel(net.layers)
    L = net.layers(i);
    h = layer_home(L.type);
    parts{i} = h.pack(L);
  end
  theta = vertcat(zeros(0, 1), parts{:});
end

%!test
%! net = nn_mlp([2 3 1], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 1);
%! theta = nn_unroll(net);
%! L1 = net.layers(1); L2 = net.layers(3);
%! assert(theta, [reshape([L1.b L1.W], [], 1); reshape([L2.b L2.W], [], 1)]);
%!test
%! net = nn_mlp([3 2], 'Class', 'single', 'Seed', 2);
%! theta = nn_unroll(net);
%! assert(class(theta), 'double'); assert(size(theta), [8 1]);
%!error id=nnlab:nn_unroll:nargin nn_unroll()
%!error id=nnlab:nn_unroll:net nn_unroll(struct('a', 1))
