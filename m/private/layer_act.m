function h = layer_act()
% LAYER_ACT  The home of activation layers: Y = f(X) element by element (or
%   row by row for softmax), any activation of the kernel nn_act with its
%   options.  See layer_home for the parts.
  % no parameters, and the output has the size of the input
  h = struct('make', @make, 'init', @(L, in, varargin) deal(L, in), ...
             'check', @(L, in, varargin) in, 'forward', @forward, ...
             'backward', @backward, 'params', {{}}, 'decay', {{}}, ...
             'describe', @describe, 'output', @output, 'engine', @engine, ...
             'count', @(L) 0, 'pack', @(L) zeros(0, 1), 'unpack', @(L, v) L);
end

function L = make(name, args)
% (the kernel judges the name and the options, on one number)
  try
    nn_act(0.5, name, [], args{:});
  catch err
    id = regexprep(err.identifier, '^nnlab:nn_act:', 'nnlab:nn_layer:');
    error(id, '%s', regexprep(err.message, '^nn_act: ', 'nn_layer: '));
  end
  L = new_layer('act');
  L.act = name;
  L.opts = args;
end

function [Y, aux] = forward(L, X, ~, ~, ~)
% Images (more than 2 dimensions) go through the kernel as one column each.
  if ndims(X) > 2
    Y = reshape(nn_act(reshape(X, [], size(X, ndims(X))), L.act, [], L.opts{:}), size(X));
  else
    Y = nn_act(X, L.act, [], L.opts{:});
  end
  aux = [];
end

function [dX, g] = backward(L, X, dY, ~, ~)
  if ndims(X) > 2
    n = size(X, ndims(X));
    dX = reshape(nn_act(reshape(X, [], n), L.act, reshape(dY, [], n), L.opts{:}), size(X));
  else
    dX = nn_act(X, L.act, dY, L.opts{:});
  end
  g = struct();
end

function [parts, n] = describe(L, parts)
  parts{end} = sprintf('%s(%s)', parts{end}, L.act);
  n = 0;
end

function k = output(L)
  k = L.act;
end

function [E, why] = engine(L)
  E = L;
  why = '';
end
