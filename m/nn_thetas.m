% -*- texinfo -*-
% @deftypefn {} {@var{thetas} =} nn_thetas (@var{net})
% The parameters of a network as the classic machine learning course keeps
% them: a cell row @code{@{Theta1, Theta2, @dots{}@}}, one matrix per dense
% layer, with the bias in the first column.
%
% For a dense layer with weights @var{W} (out x in) and bias @var{b}
% (out x 1), @code{Theta = [b W]} is out x (in+1), so that the layer's
% output for the observations in the rows of @var{X} is
% @code{[ones(m, 1) X] * Theta'}, as in the course.  The matrices keep the
% class of the network.  @code{nn_from_thetas} builds a network back from
% them.
%
% @example
% net = nn_mlp ([400 25 10], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 1);
% thetas = nn_thetas (net);
% [Theta1, Theta2] = thetas@{:@};      % 25 x 401 and 10 x 26
% @end example
% @seealso{nn_from_thetas, nn_unroll, nn_cost}
% @end deftypefn
function thetas = nn_thetas(net)
  if nargin ~= 1
    error('nnlab:nn_thetas:nargin', 'nn_thetas: usage thetas = nn_thetas(net)');
  end
  check_net('nn_thetas', net);
  types = {net.layers.type};
  dense = find(strcmp(types, 'dense'));
  for i = find(~strcmp(types, 'dense'))
    h = layer_home(types{i});
    if ~isempty(h.params)
      error('nnlab:nn_thetas:net', ['nn_thetas: layer %d is a %s layer; the course''s Theta ' ...
            'matrices hold dense layers only (use nn_unroll for any network)'], i, types{i});
    end
  end
  thetas = cell(1, numel(dense));
  for k = 1:numel(dense)
    thetas{k} = [net.layers(dense(k)).b, net.layers(dense(k)).W];
  end
end

%!test
%! net = nn_mlp([2 3 1], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 1);
%! t = nn_thetas(net);
%! assert(size(t), [1 2]); assert(size(t{1}), [3 3]); assert(size(t{2}), [1 4]);
%! assert(t{1}, [net.layers(1).b net.layers(1).W]);
%! assert(nn_unroll(net), cell2mat(cellfun(@(x) x(:), t, 'UniformOutput', false)'));
%!test
%! X = [0 1; 1 1; 2 -1];
%! net = nn_mlp([2 3 1], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 1);
%! t = nn_thetas(net);
%! h = 1 ./ (1 + exp(-[ones(3, 1), 1 ./ (1 + exp(-[ones(3, 1) X] * t{1}'))] * t{2}'));
%! assert(h, nn_predict(net, X), 1e-14);
%!error id=nnlab:nn_thetas:nargin nn_thetas()
%!error id=nnlab:nn_thetas:net nn_thetas({1})
