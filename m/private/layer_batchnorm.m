function h = layer_batchnorm()
% LAYER_BATCHNORM  The home of batch normalisation, nn_layer('batchnorm'):
%   per channel of images (H x W x C x N) or per feature of rows (N x C),
%   Y = (X - mean) ./ sqrt(var + Eps) .* gamma + beta, with the batch's
%   statistics while training and the running ones (L.state, updated by
%   every training step) in evaluation, as PyTorch's nn.BatchNorm2d/1d;
%   kernel nn_batchnorm.  gamma is L.W, beta L.b (C x 1), so that the
%   optimizer and nn_unroll see them as every layer's parameters; 'L2' does
%   not penalise them.  See layer_home for the parts; the part update
%   writes the running statistics of a training step into the layer.
  h = struct('make', @make, 'init', @init, 'check', @check, 'forward', @forward, ...
             'backward', @backward, 'update', @update, 'params', {{'W', 'b'}}, ...
             'decay', {{}}, 'describe', @describe, 'output', @(L) '', 'engine', @engine, ...
             'count', @(L) numel(L.W) + numel(L.b), 'pack', @(L) double([L.W; L.b]), ...
             'unpack', @unpack);
end

function L = make(~, args)
  opts = layer_options('batchnorm', args, {'Momentum', 'Eps'});
  L = new_layer('batchnorm');
  L.opts = opts;
  L.state = [];
end

function [L, out] = init(L, in, ~, ~, cls)
% gamma 1, beta 0, the running mean 0 and variance 1 (state [] until the
% first training step), as PyTorch starts them.
  out = in;
  L.units = in(end);
  L.W = ones(L.units, 1, cls);
  L.b = zeros(L.units, 1, cls);
  L.opts = [without_layout(L.opts), {'Layout', layout(in)}];
  check_kernel(L, in, cls, 'nn_sequential');
end

function out = check(L, in, cls, fn, i)
  out = in;
  if ~isa(L.W, cls) || ~isa(L.b, cls) || ~isequal(size(L.W), [in(end) 1]) || ...
     ~isequal(size(L.b), [in(end) 1])
    error(['nnlab:' fn ':net'], '%s: layer %d of NET is damaged: a batchnorm layer needs W (gamma) and b (beta) %dx1, %s', ...
          fn, i, in(end), cls);
  end
end

function [Y, aux] = forward(L, X, training, ~, ~)
  if training && numel(X) == L.units
    error('nnlab:nn_batchnorm:batch', ['a batchnorm layer needs more than one value per channel while ' ...
          'training (the statistics of a batch), and this batch has one observation; choose a ' ...
          '''BatchSize'' that does not leave a last batch of one (mod(N, BatchSize) = 1)']);
  end
  [Y, S] = nn_batchnorm(X, L.W, L.b, L.state, 'Training', logical(training), L.opts{:});
  aux = struct('state', S, 'training', logical(training));
end

function [dX, g] = backward(L, X, dY, aux, ~)
  training = isempty(aux) || aux.training;
  [dX, g.W, g.b] = nn_batchnorm(X, L.W, L.b, L.state, dY, 'Training', training, L.opts{:});
end

function L = update(L, aux)
% After a training step: the running statistics of its batch.
  if ~isempty(aux) && aux.training
    L.state = aux.state;
  end
end

function [parts, n] = describe(L, parts)
  parts{end} = sprintf('%s(batchnorm)', parts{end});
  n = numel(L.W) + numel(L.b);
end

function [E, why] = engine(~)
  E = [];
  why = 'batchnorm layers (they train step by step)';
end

function L = unpack(L, v)
  c = numel(L.W);
  L.W = reshape(v(1:c), c, 1);
  L.b = reshape(v(c + 1:end), c, 1);
end

function s = layout(in)
  s = 'rows';
  if numel(in) == 3
    s = 'images';
  end
end

function opts = without_layout(opts)
  k = find(strcmp(opts(1:2:end), 'Layout'));
  opts([2 * k - 1, 2 * k]) = [];
end

function check_kernel(L, in, cls, fn)
% The options judged by the kernel, on an empty batch.
  try
    if isscalar(in)
      X = zeros(0, in, cls);
    else
      X = zeros([in 0], cls);
    end
    nn_batchnorm(X, L.W, L.b, [], 'Training', false, L.opts{:});
  catch err
    rethrow_as(fn, err);
  end
end
