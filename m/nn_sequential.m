% -*- texinfo -*-
% @deftypefn  {} {@var{net} =} nn_sequential (@var{in}, @var{layer1}, @var{layer2}, @dots{})
% @deftypefnx {} {@var{net} =} nn_sequential (@dots{}, 'Init', @var{scheme}, 'Seed', @var{s}, 'Class', @var{cls})
% Build a network as a stack of layers.
%
% @var{in} is the number of input features (columns of @var{X}), or the
% size [@var{H} @var{W} @var{C}] of input images: then @var{X} is an
% @var{H} x @var{W} x @var{C} x @var{N} batch (one image per index of the
% last dimension, as MATLAB's @code{imageInputLayer}), or its N x (H*W*C)
% rows, each image read in column-major order (@code{reshape (X, H*W*C,
% N).'}); @code{net.image} keeps [@var{H} @var{W} @var{C}] and
% @code{net.sizes(1)} is H*W*C.  A network on images ends with
% @code{nn_layer ('flatten')} and dense layers (see @code{nn_layer}).  Each
% layer is a struct from @code{nn_layer}, or a string naming an activation
% (a shorthand for @code{nn_layer (@var{name})}).  The weights of each dense
% layer are drawn at once:
%
% @table @code
% @item 'Init'
% @code{'he'} (uniform, @math{\pm\sqrt{6/in}}), @code{'glorot'} (uniform,
% @math{\pm\sqrt{6/(in+out)}}), @code{'uniform'} (the course assignment's
% @math{\pm\sqrt6/\sqrt{in+out}} for the weights @emph{and} the biases),
% @code{'normal'} (@math{N(0, 1/in)}), @code{'zeros'}.  Biases are 0 except
% for @code{'uniform'}.  Default: @code{'he'} for a dense layer followed by
% relu, leaky_relu, elu, gelu or silu, @code{'glorot'} otherwise.
% @item 'Seed'
% a whole number: the weights are the same for the same seed, and your own
% @code{rand}/@code{randn} streams are left untouched.  Without it the
% weights come from @code{rand}/@code{randn}.
% @item 'Class'
% @code{'double'} (default) or @code{'single'}.
% @end table
%
% The network is a plain struct: @code{net.layers} is a struct array with
% fields @code{type} (@code{'dense'}, @code{'act'}, @code{'dropout'},
% @code{'conv2d'}, @code{'maxpool'}, @code{'batchnorm'}, @dots{}), @code{W},
% @code{b}, @code{act}, @code{opts}, @code{p} and @code{units}, and the
% fields some types add (@code{state}, a batchnorm layer's running
% statistics);
% @code{net.summary} describes it in one line and @code{nn_summary (net)}
% prints a table of its layers, output sizes, activations and parameters,
% as do @code{disp (net)} and @code{net} without a semicolon.  @code{save}
% and @code{load} keep it.
%
% @example
% net = nn_sequential (2, nn_layer ('dense', 2), 'sigmoid', nn_layer ('dense', 1), 'sigmoid', 'Seed', 1)
% @end example
% @seealso{nn_mlp, nn_layer, nn_summary, nn_forward, nn_train}
% @end deftypefn
function net = nn_sequential(in, varargin)
  if nargin < 1
    error('nnlab:nn_sequential:nargin', 'nn_sequential: give the number of inputs and the layers, e.g. nn_sequential(2, nn_layer(''dense'', 1))');
  end
  if ~isnumeric(in) || ~any(numel(in) == [1 3]) || ~isreal(in) || any(~isfinite(in)) || ...
     any(in ~= round(in)) || any(in < 1)
    error('nnlab:nn_sequential:size', ['nn_sequential: the input is a number of features (a whole ' ...
          'number >= 1) or an image size [H W C]']);
  end
  in = double(in(:).');
  % split the layers from the trailing options
  optnames = {'init', 'seed', 'class'};
  k = 1;
  layers = {};
  while k <= numel(varargin)
    a = varargin{k};
    if ischar(a) && any(strcmpi(a, optnames))
      break
    end
    if ischar(a)
      layers{end + 1} = nn_layer(a);
    elseif isstruct(a) && isscalar(a) && isfield(a, 'type')
      layers{end + 1} = a;
    else
      error('nnlab:nn_sequential:layer', 'nn_sequential: argument %d is not a layer; use nn_layer(...) or an activation name', k + 1);
    end
    k = k + 1;
  end
  opts = parse_options('nn_sequential', struct('Init', '', 'Seed', [], 'Class', 'double'), varargin(k:end));
  opts.Class = class_option('nn_sequential', opts.Class);
  schemes = {'he', 'glorot', 'uniform', 'normal', 'zeros'};
  if ~isempty(opts.Init) && (~ischar(opts.Init) || ~any(strcmpi(opts.Init, schemes)))
    error('nnlab:nn_sequential:optionValue', 'nn_sequential: ''Init'' must be one of %s', strjoin(schemes, ', '));
  end
  if ~isempty(opts.Seed)
    check_value('nn_sequential', 'Seed', opts.Seed, 'count', 0, 2^32 - 1);
  end
  if isempty(layers)
    error('nnlab:nn_sequential:layer', 'nn_sequential: a network needs at least one layer');
  end
  net = seeded(opts.Seed, @() build(in, layers, lower(opts.Init), opts.Class));
end

function net = build(in, layers, init, cls)
% Each layer's parameters drawn by its home, in order; net.sizes is the
% input width and the output width of each layer with parameters.
  sizes = prod(in);
  width = in;
  for i = 1:numel(layers)
    h = layer_home(layers{i}.type);
    next = [];
    if i < numel(layers)
      next = layers{i + 1};
    end
    [layers{i}, width] = h.init(layers{i}, width, init, next, cls);
    if ~isempty(h.params)
      sizes(end + 1) = prod(width);
    end
  end
  if numel(sizes) < 2
    error('nnlab:nn_sequential:layer', 'nn_sequential: a network needs at least one layer with weights, such as nn_layer(''dense'', 1)');
  end
  net = struct('format', 'nnlab.net', 'version', 1, 'class', cls, 'sizes', sizes, ...
               'layers', same_fields(layers), 'summary', '');
  if numel(in) == 3
    net.image = in;       % a network on H x W x C images
  end
  if ~isscalar(width)
    error('nnlab:nn_sequential:layer', ['nn_sequential: the network ends on images (%s); ' ...
          'put nn_layer(''flatten'') and a dense layer last'], strjoin(arrayfun(@num2str, width, 'UniformOutput', false), 'x'));
  end
  net.summary = describe(net);
end

function A = same_fields(layers)
% The layers as one struct array: each gets the fields of all of them (a
% type may have fields of its own), those of new_layer first.
  names = fieldnames(new_layer(''));
  for i = 1:numel(layers)
    f = fieldnames(layers{i});
    names = [names; f(~ismember(f, names))];
  end
  for i = 1:numel(layers)
    for f = names(~isfield(layers{i}, names)).'
      layers{i}.(f{1}) = [];
    end
    layers{i} = orderfields(layers{i}, names);
  end
  A = [layers{:}];
end

function s = describe(net)
  parts = {sprintf('%d', net.sizes(1))};
  if isfield(net, 'image')
    parts = {sprintf('%dx%dx%d', net.image)};
  end
  nparam = 0;
  for i = 1:numel(net.layers)
    L = net.layers(i);
    h = layer_home(L.type);
    [parts, n] = h.describe(L, parts);
    nparam = nparam + n;
  end
  s = sprintf('%s: %d parameters, %s', strjoin(parts, '-'), nparam, net.class);
end

%!test
%! net = nn_sequential(2, nn_layer('dense', 3), 'sigmoid', nn_layer('dense', 1), 'Seed', 4);
%! assert(net.sizes, [2 3 1]);
%! assert(size(net.layers(1).W), [3 2]); assert(size(net.layers(3).b), [1 1]);
%! assert(net.summary, '2-3(sigmoid)-1: 13 parameters, double');
%!test
%! a = nn_sequential(2, nn_layer('dense', 3), 'Seed', 7);
%! s = rand('twister');
%! b = nn_sequential(2, nn_layer('dense', 3), 'Seed', 7);
%! assert(a, b); assert(rand('twister'), s);
%!test
%! net = nn_sequential(3, nn_layer('dense', 2), 'Init', 'zeros', 'Class', 'single');
%! assert(class(net.layers(1).W), 'single'); assert(all(net.layers(1).W(:) == 0));
%!error id=nnlab:nn_sequential:nargin nn_sequential()
%!error id=nnlab:nn_sequential:size nn_sequential(0, nn_layer('dense', 1))
%!error id=nnlab:nn_sequential:layer nn_sequential(2, 5)
%!error id=nnlab:nn_sequential:layer nn_sequential(2, 'sigmoid')
%!error id=nnlab:nn_sequential:optionValue nn_sequential(2, nn_layer('dense', 1), 'Init', 'bad')
%!error id=nnlab:nn_sequential:optionValue nn_sequential(2, nn_layer('dense', 1), 'Class', 'int8')
%!error id=nnlab:nn_sequential:option nn_sequential(2, nn_layer('dense', 1), 'Seed')
