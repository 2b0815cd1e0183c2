% -*- texinfo -*-
% @deftypefn  {} {@var{L} =} nn_layer ('dense', @var{units})
% @deftypefnx {} {@var{L} =} nn_layer ('dropout', @var{p})
% @deftypefnx {} {@var{L} =} nn_layer (@var{act}, @var{name}, @var{value}, @dots{})
% @deftypefnx {} {@var{L} =} nn_layer ('conv2d', @var{filters}, [@var{kh} @var{kw}], @var{name}, @var{value}, @dots{})
% @deftypefnx {} {@var{L} =} nn_layer ('maxpool', [@var{kh} @var{kw}], @dots{})
% @deftypefnx {} {@var{L} =} nn_layer ('avgpool', [@var{kh} @var{kw}], @dots{})
% @deftypefnx {} {@var{L} =} nn_layer ('globalavgpool')
% @deftypefnx {} {@var{L} =} nn_layer ('flatten')
% @deftypefnx {} {@var{L} =} nn_layer ('batchnorm', @var{name}, @var{value}, @dots{})
% Describe one layer of a network, for @code{nn_sequential}.
%
% @code{'dense'} is a fully connected layer with @var{units} outputs
% (@math{y = W x + b}; its input size comes from the layer before it).
% @code{'dropout'} zeroes each unit with probability @var{p} while training
% and scales the kept ones by @math{1/(1-p)}; it does nothing in
% @code{nn_predict}.  Any activation name of @code{nn_act}
% (@code{'sigmoid'}, @code{'relu'}, @code{'tanh'}, @code{'softmax'}, @dots{})
% makes an activation layer; its options follow as name/value pairs, as for
% @code{nn_act}.
%
% @strong{Layers on images} (a network that starts with
% @code{nn_sequential ([H W C], @dots{})}; each layer's input and output is an
% @var{H} x @var{W} x @var{C} x @var{N} batch):
% @table @code
% @item 'conv2d'
% @var{filters} output channels, each a @var{kh} x @var{kw} cross-correlation
% over the input channels plus a bias (kernel @code{nn_conv2d}, as PyTorch's
% @code{nn.Conv2d}): W is @var{kh} x @var{kw} x @var{C}/@var{G} x
% @var{filters}, b @var{filters} x 1.  A number @var{k} is a @var{k} x @var{k}
% window.  Options @code{'Stride'}, @code{'Padding'} (a number, [@var{ph}
% @var{pw}], [@var{top} @var{bottom} @var{left} @var{right}], @code{'same'} or
% @code{'valid'}), @code{'Dilation'}, @code{'Groups'}, as @code{nn_conv2d}
% takes them; they are judged when the network is built.  Its weights are
% drawn as a dense layer's, with fan-in @var{kh}*@var{kw}*@var{C}/@var{G}
% and fan-out @var{kh}*@var{kw}*@var{filters}/@var{G}.
% @item 'maxpool', 'avgpool'
% the largest or the mean value of each window, channel by channel (kernel
% @code{nn_pool}); options @code{'Stride'} (default: the window),
% @code{'Padding'}, and for avgpool @code{'CountIncludePad'}.
% @item 'globalavgpool'
% each channel's mean over the image: 1 x 1 x @var{C} x @var{N}.
% @item 'flatten'
% the images as rows, N x (H*W*C), each image read in column-major order
% (@code{reshape (X, H*W*C, N).'}), for the dense layers that follow.
% @end table
%
% @code{'batchnorm'} normalises each channel of images (or each feature of
% rows, after a dense layer) with the mean and variance of the training batch,
% then scales and shifts it: @code{y = (x - mean) / sqrt (var + eps) * gamma
% + beta} (kernel @code{nn_batchnorm}, as PyTorch's @code{nn.BatchNorm2d} and
% @code{nn.BatchNorm1d}).  gamma is the layer's W and beta its
% b (C x 1, starting at 1 and 0); @code{'L2'} does not penalise them.  Every
% training step updates the running mean and unbiased variance in the
% layer's field @code{state} (@code{'Momentum'}, default 0.1), and
% @code{nn_predict} and @code{nn_evaluate} normalise with them; before any
% training they are 0 and 1.  Options @code{'Momentum'} and @code{'Eps'}
% (1e-5).  In training every batch needs more than one value per channel:
% on rows, a @code{'BatchSize'} that does not leave a last batch of one.
%
% Activation and dropout layers work on images too (element by element).
% The compiled engine @code{nn_fit} trains networks of conv2d, pooling,
% flatten, dense and activation layers (bit for bit as step by step in
% Octave); a network with batchnorm, or dropout with p > 0, trains step by
% step.
%
% @example
% net = nn_sequential (2, nn_layer ('dense', 8), nn_layer ('leaky_relu', 'alpha', 0.1), ...
%                      nn_layer ('dense', 1), 'sigmoid');
% @end example
%
% A small convolutional network for 28 x 28 grey images and 10 classes:
%
% @example
% net = nn_sequential ([28 28 1], nn_layer ('conv2d', 16, 3, 'Padding', 'same'), 'relu', ...
%                      nn_layer ('maxpool', 2), nn_layer ('flatten'), nn_layer ('dense', 10));
% nn_summary (net)
% @end example
%
% With batch normalisation after each convolution:
%
% @example
% net = nn_sequential ([28 28 1], nn_layer ('conv2d', 16, 3), nn_layer ('batchnorm'), 'relu', ...
%                      nn_layer ('maxpool', 2), nn_layer ('flatten'), nn_layer ('dense', 10));
% @end example
% @seealso{nn_sequential, nn_mlp, nn_act, nn_conv2d, nn_pool, nn_batchnorm, nn_summary}
% @end deftypefn
function L = nn_layer(type, varargin)
  if nargin < 1
    error('nnlab:nn_layer:nargin', 'nn_layer: say which layer, e.g. nn_layer(''dense'', 8)');
  end
  if ~ischar(type) || size(type, 1) ~= 1
    error('nnlab:nn_layer:name', 'nn_layer: the layer type must be a string such as ''dense'' or ''relu''');
  end
  type = lower(type);
  h = layer_home(type);
  L = h.make(type, varargin);
end

%!test
%! L = nn_layer('dense', 3);
%! assert(L.type, 'dense'); assert(L.units, 3);
%!test
%! L = nn_layer('Sigmoid');
%! assert(L.type, 'act'); assert(L.act, 'sigmoid');
%!error id=nnlab:nn_layer:nargin nn_layer()
%!error id=nnlab:nn_layer:size nn_layer('dense', 0)
%!error id=nnlab:nn_layer:optionValue nn_layer('dropout', 1)
%!error id=nnlab:nn_layer:name nn_layer('nosuchact')
