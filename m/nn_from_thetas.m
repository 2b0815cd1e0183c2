% -*- texinfo -*-
% @deftypefn  {} {@var{net} =} nn_from_thetas (@var{thetas})
% @deftypefnx {} {@var{net} =} nn_from_thetas (@var{thetas}, 'Hidden', @var{act}, 'Output', @var{act})
% Build a network from the classic machine learning course's matrices
% @code{@{Theta1, Theta2, @dots{}@}}: the inverse of @code{nn_thetas}.
%
% Each @code{Theta_l} is out x (in+1) with the bias in the first column
% (@code{Theta_l = [b W]}); the number of columns of each matrix must be
% one more than the number of rows of the one before it.  A single matrix
% (not in a cell) makes a network of one layer.  The network has the class
% of the matrices (all @code{double} or all @code{single}).
%
% @table @code
% @item 'Hidden'
% the activation after every hidden layer (default @code{'sigmoid'}, as in
% the course), or a cell array with one name per hidden layer.
% @item 'Output'
% the activation of the output layer (default @code{'sigmoid'}, as in the
% course; @code{'linear'} for none).
% @end table
%
% @example
% load ('ex4weights.mat');            % Theta1 25x401, Theta2 10x26
% net = nn_from_thetas (@{Theta1, Theta2@});
% [~, pred] = max (nn_predict (net, X), [], 2);
% @end example
% @seealso{nn_thetas, nn_mlp, nn_cost}
% @end deftypefn
function net = nn_from_thetas(thetas, varargin)
  fn = 'nn_from_thetas';
  if nargin < 1
    error('nnlab:nn_from_thetas:nargin', 'nn_from_thetas: usage net = nn_from_thetas({Theta1, Theta2, ...}, ''Hidden'', act, ''Output'', act)');
  end
  opts = parse_options(fn, struct('Hidden', 'sigmoid', 'Output', 'sigmoid'), varargin);
  if isnumeric(thetas)
    thetas = {thetas};
  end
  if ~iscell(thetas) || isempty(thetas)
    error('nnlab:nn_from_thetas:class', 'nn_from_thetas: THETAS must be a cell {Theta1, Theta2, ...} of matrices');
  end
  cls = '';
  sizes = zeros(1, numel(thetas) + 1);
  for l = 1:numel(thetas)
    T = thetas{l};
    if ~(isa(T, 'double') || isa(T, 'single')) || ~isreal(T) || ndims(T) ~= 2
      error('nnlab:nn_from_thetas:class', 'nn_from_thetas: Theta%d must be a real double or single matrix', l);
    end
    if isempty(cls)
      cls = class(T);
    elseif ~strcmp(cls, class(T))
      error('nnlab:nn_from_thetas:mixedClass', 'nn_from_thetas: Theta1 is %s but Theta%d is %s; give all in the same class', ...
            cls, l, class(T));
    end
    [out, cols] = size(T);
    if out < 1 || cols < 2
      error('nnlab:nn_from_thetas:size', ['nn_from_thetas: Theta%d is %dx%d, but a layer needs at least one ' ...
            'row and two columns (the bias, then one weight per input)'], l, out, cols);
    end
    if l == 1
      sizes(1) = cols - 1;
    elseif cols ~= sizes(l) + 1
      error('nnlab:nn_from_thetas:size', ['nn_from_thetas: Theta%d has %d rows (outputs), so Theta%d needs ' ...
            '%d columns (a bias and %d weights), but it has %d'], l - 1, sizes(l), l, sizes(l) + 1, sizes(l), cols);
    end
    sizes(l + 1) = out;
  end
  try
    net = nn_mlp(sizes, 'Hidden', opts.Hidden, 'Output', opts.Output, 'Init', 'zeros', 'Class', cls);
  catch err
    rethrow_as(fn, err);
  end
  dense = find(strcmp({net.layers.type}, 'dense'));
  for l = 1:numel(thetas)
    net.layers(dense(l)).b = full(thetas{l}(:, 1));
    net.layers(dense(l)).W = full(thetas{l}(:, 2:end));
  end
end

%!test
%! net = nn_mlp([3 5 4 2], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 3);
%! assert(nn_from_thetas(nn_thetas(net)), net);
%!test
%! net = nn_from_thetas({[1 2 3; 4 5 6], [7 8 9]});
%! assert(net.sizes, [2 2 1]);
%! assert(net.layers(1).b, [1; 4]); assert(net.layers(1).W, [2 3; 5 6]);
%! assert(net.layers(3).W, [8 9]);
%! assert({net.layers([2 4]).act}, {'sigmoid', 'sigmoid'});
%!test
%! net = nn_from_thetas(single([0 1 1]), 'Output', 'linear');
%! assert(net.class, 'single'); assert(numel(net.layers), 1);
%!error id=nnlab:nn_from_thetas:nargin nn_from_thetas()
%!error id=nnlab:nn_from_thetas:class nn_from_thetas({})
%!error id=nnlab:nn_from_thetas:class nn_from_thetas({'ab'})
%!error id=nnlab:nn_from_thetas:size nn_from_thetas({ones(2, 3), ones(1, 2)})
%!error id=nnlab:nn_from_thetas:size nn_from_thetas({ones(2, 1)})
%!error id=nnlab:nn_from_thetas:mixedClass nn_from_thetas({ones(2, 3), single(ones(1, 3))})
%!error id=nnlab:nn_from_thetas:option nn_from_thetas({ones(2, 3)}, 'Bogus', 1)
%!error id=nnlab:nn_from_thetas:name nn_from_thetas({ones(2, 3)}, 'Output', 'nosuch')
