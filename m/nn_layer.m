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
  L = struct('type', type, 'units', [], 'act', '', 'opts', {{}}, 'p', [], 'W', [], 'b', []);
  switch type
    case 'dense'
      if numel(varargin) ~= 1
        error('nnlab:nn_layer:nargin', 'nn_layer: a dense layer takes its number of units: nn_layer(''dense'', 8)');
      end
      u = varargin{1};
      if ~isnumeric(u) || ~isscalar(u) || ~isreal(u) || u ~= round(u) || u < 1 || ~isfinite(u)
        error('nnlab:nn_layer:size', 'nn_layer: the number of units must be a whole number >= 1');
      end
      L.units = double(u);
    case 'dropout'
      if numel(varargin) ~= 1
        error('nnlab:nn_layer:nargin', 'nn_layer: a dropout layer takes its probability: nn_layer(''dropout'', 0.5)');
      end
      p = varargin{1};
      if ~isnumeric(p) || ~isscalar(p) || ~isreal(p) || ~(p >= 0 && p < 1)
        error('nnlab:nn_layer:optionValue', 'nn_layer: the dropout probability must be a number in [0, 1)');
      end
      L.p = double(p);
    otherwise
      % an activation: let the kernel judge the name and the options
      try
        nn_act(0.5, type, [], varargin{:});
      catch err
        id = regexprep(err.identifier, '^nnlab:nn_act:', 'nnlab:nn_layer:');
        error(id, '%s', regexprep(err.message, '^nn_act: ', 'nn_layer: '));
      end
      L.type = 'act';
      L.act = type;
      L.opts = varargin;
  end
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
