% -*- texinfo -*-
% @deftypefn  {} {@var{L} =} nn_layer ('dense', @var{units})
% @deftypefnx {} {@var{L} =} nn_layer ('dropout', @var{p})
% @deftypefnx {} {@var{L} =} nn_layer (@var{act}, @var{name}, @var{value}, @dots{})
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
% @example
% net = nn_sequential (2, nn_layer ('dense', 8), nn_layer ('leaky_relu', 'alpha', 0.1), ...
%                      nn_layer ('dense', 1), 'sigmoid');
% @end example
% @seealso{nn_sequential, nn_mlp, nn_act}
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
