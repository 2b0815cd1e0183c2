% -*- texinfo -*-
% @deftypefn  {} {@var{net} =} nn_mlp (@var{sizes})
% @deftypefnx {} {@var{net} =} nn_mlp (@var{sizes}, 'Hidden', @var{act}, 'Output', @var{act}, 'Init', @var{scheme}, 'Seed', @var{s}, 'Class', @var{cls})
% Build a multilayer perceptron: dense layers of @var{sizes}
% @code{[in h1 @dots{} out]} with an activation after each.
%
% @table @code
% @item 'Hidden'
% the activation after every hidden layer (default @code{'relu'}), or a
% cell array with one name per hidden layer.
% @item 'Output'
% the activation of the output layer (default @code{'linear'}: the outputs
% are scores/logits, to pair with the losses @code{'ce'},
% @code{'bce_logits'} or @code{'mse'}).  @code{'sigmoid'} pairs with
% @code{'bce'}, @code{'log_softmax'} with @code{'nll'}.
% @item 'Init', 'Seed', 'Class'
% as for @code{nn_sequential}.
% @end table
%
% @example
% net = nn_mlp ([2 2 1], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 1);
% net = nn_mlp ([784 256 128 10], 'Seed', 1, 'Class', 'single');
% nn_summary (net)                 % a table of its layers and parameters
% @end example
% @seealso{nn_sequential, nn_summary, nn_train, nn_predict}
% @end deftypefn
function net = nn_mlp(sizes, varargin)
  if nargin < 1
    error('nnlab:nn_mlp:nargin', 'nn_mlp: give the layer sizes, e.g. nn_mlp([2 2 1])');
  end
  if ~isnumeric(sizes) || ~isreal(sizes) || ~isvector(sizes) || numel(sizes) < 2 || ...
     any(~isfinite(sizes)) || any(sizes ~= round(sizes)) || any(sizes < 1)
    error('nnlab:nn_mlp:size', 'nn_mlp: SIZES must be a vector [in h1 ... out] of at least 2 whole numbers >= 1');
  end
  opts = parse_options('nn_mlp', struct('Hidden', 'relu', 'Output', 'linear', ...
                       'Init', '', 'Seed', [], 'Class', 'double'), varargin);
  nh = numel(sizes) - 2;
  hidden = opts.Hidden;
  if ischar(hidden)
    hidden = repmat({hidden}, 1, nh);
  end
  if ~iscellstr(hidden) || numel(hidden) ~= nh
    error('nnlab:nn_mlp:optionValue', 'nn_mlp: ''Hidden'' must be an activation name or a cell array of %d names', nh);
  end
  if ~ischar(opts.Output)
    error('nnlab:nn_mlp:optionValue', 'nn_mlp: ''Output'' must be an activation name');
  end
  layers = {};
  for i = 2:numel(sizes)
    layers{end + 1} = nn_layer('dense', sizes(i));
    if i < numel(sizes)
      act = hidden{i - 1};
    else
      act = opts.Output;
    end
    if ~strcmpi(act, 'linear')
      layers{end + 1} = nn_layer(act);
    end
  end
  net = nn_sequential(sizes(1), layers{:}, 'Init', opts.Init, 'Seed', opts.Seed, 'Class', opts.Class);
end

%!test
%! net = nn_mlp([2 2 1], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 1);
%! assert(net.summary, '2-2(sigmoid)-1(sigmoid): 9 parameters, double');
%!test
%! net = nn_mlp([4 3 3 2], 'Hidden', {'sigmoid', 'threshold'});
%! assert({net.layers.type}, {'dense', 'act', 'dense', 'act', 'dense'});
%!test
%! net = nn_mlp([3 5 2], 'Init', 'uniform', 'Seed', 2);
%! e = sqrt(6) / sqrt(3 + 5);
%! assert(all(abs(net.layers(1).b) <= e)); assert(any(net.layers(1).b ~= 0));
%!error id=nnlab:nn_mlp:nargin nn_mlp()
%!error id=nnlab:nn_mlp:size nn_mlp(3)
%!error id=nnlab:nn_mlp:size nn_mlp([2 0 1])
%!error id=nnlab:nn_mlp:optionValue nn_mlp([2 2 2 1], 'Hidden', {'relu'})
%!error id=nnlab:nn_mlp:option nn_mlp([2 1], 'Bogus', 1)
%!error id=nnlab:nn_layer:name nn_mlp([2 2 1], 'Hidden', 'nosuch')
