% -*- texinfo -*-
% @deftypefn  {} {@var{J} =} nn_cost (@var{theta}, @var{net}, @var{X}, @var{T})
% @deftypefnx {} {[@var{J}, @var{grad}] =} nn_cost (@var{theta}, @var{net}, @var{X}, @var{T}, @var{lambda})
% @deftypefnx {} {[@var{J}, @var{grad}] =} nn_cost (@dots{}, 'Loss', @var{name}, 'LossOptions', @{@dots{}@})
% The regularised cost of a network and its gradient as functions of the
% unrolled parameters @var{theta}: the cost function of the classic machine
% learning course (its @code{nnCostFunction}), ready for @code{nn_minimize}
% or @code{fminunc}.
%
% @var{theta} holds every parameter of @var{net} in one vector, in the
% order of @code{nn_unroll} (for each dense layer, @code{Theta = [b W]}
% column by column); @var{net} only gives the layout (its own weights are
% ignored).  @var{X} is m x in, one observation a row.  With m observations,
% outputs @math{y_i = h(x_i)} and @math{K} outputs,
%
% @example
% J = (1/m) sum_i sum_k loss(y_ik, t_ik) + lambda/(2m) sum_l sum(W_l(:).^2)
% @end example
%
% that is @code{nn_loss (Y, T, name, 'reduction', 'sum') / m} plus the
% penalty on the weights; the biases (the first column of each
% @code{Theta}) are not penalised.  @var{lambda} >= 0 defaults to 0.  With
% the default loss @code{'bce'} after a sigmoid output this is the course's
%
% @example
% J = (1/m) sum_i sum_k [-t log(y) - (1-t) log(1-y)]
%     + lambda/(2m) sum_l sum(sum(Theta_l(:, 2:end).^2))
% @end example
%
% @var{grad} is the derivative dJ/dtheta, of the shape of
% @var{theta} and in the same order, computed by back-propagation
% (@code{nn_backward}) only when two outputs are asked for (as
% @code{fminunc} first calls with one).
%
% @var{T} has one row per observation: targets of the size of the output,
% or, for a network with K > 1 outputs, one column of class labels 1..K,
% turned into one-hot rows (label k becomes a row with 1 in column k) for
% the elementwise losses, as the course does (the losses @code{'ce'} and
% @code{'nll'} take the labels themselves).
%
% @table @code
% @item 'Loss'
% any loss of @code{nn_loss}.  Default: @code{'bce'} after a sigmoid output
% (the course), @code{'nll'} after log_softmax; with linear outputs
% @code{'ce'} (softmax cross-entropy on the logits) when @var{T} holds
% class labels 1..K for K > 1 outputs, @code{'bce_logits'} when there is one
% output and @var{T} is 0/1; otherwise @code{'mse'}.  Note that
% @code{'mse'} gives @code{(1/m) sum_i sum_k (y_ik - t_ik)^2}, the
% squared error summed over the outputs and averaged over the
% observations, without the factor 1/2 of some textbooks.
% @item 'LossOptions'
% a cell of name/value pairs for @code{nn_loss}, e.g. @code{@{'delta', 2@}}
% for huber.  The reduction is always @code{'sum'} and the sum is divided by
% m, also with @code{'weights'}.
% @item 'L2'
% the penalty in nnlab's own scaling, as @code{nn_train} and
% @code{nn_gradcheck} take it: @code{L2/2 sum_l sum(W_l(:).^2)} added to
% @var{J}, not divided by m, so @code{'L2', l2} is the course's
% @code{lambda = l2 * m}.  Give @var{lambda} or @code{'L2'}, not both
% (default 0).
% @end table
%
% @var{X} and @var{T} must be full matrices (else @code{nnlab:nn_cost:sparse})
% and @var{X} finite (else @code{nnlab:nn_cost:nonfinite}, naming the entry).
% A column of labels that are not 1..K is @code{nnlab:nn_cost:label},
% naming the first offending entry (0-based labels: Octave counts classes
% from 1, use @var{T} + 1); other targets that do not fit the output are
% @code{nnlab:nn_cost:size}, with the loss, why it was picked and the fix.
%
% Dropout layers are switched off, so that the cost is a deterministic
% function of @var{theta} (a line search needs that).  @var{J} and
% @var{grad} are always @code{double}, as optimizers want; a
% single-precision network is evaluated in single (@var{theta} is cast to
% single), so its cost is only accurate to about 1e-7.
%
% @example
% net = nn_mlp ([400 25 10], 'Hidden', 'sigmoid', 'Output', 'sigmoid', ...
%               'Init', 'uniform', 'Seed', 1);
% cost = @@(t) nn_cost (t, net, X, y, 1);      % y: labels 1..10
% theta = nn_minimize (cost, nn_unroll (net), 'MaxIter', 50);
% net = nn_roll (net, theta);
% @end example
% @seealso{nn_unroll, nn_roll, nn_thetas, nn_minimize, nn_gradcheck, nn_loss}
% @end deftypefn
function [J, grad] = nn_cost(theta, net, X, T, varargin)
  fn = 'nn_cost';
  if nargin < 4
    error('nnlab:nn_cost:nargin', 'nn_cost: usage [J, grad] = nn_cost(theta, net, X, T, lambda, ''Loss'', name)');
  end
  lambda = 0;
  if ~isempty(varargin) && ~ischar(varargin{1})
    lambda = varargin{1};
    varargin(1) = [];
  end
  check_net(fn, net);
  try
    net = nn_roll(net, theta);
  catch err
    rethrow_as(fn, err);
  end
  X = check_input(fn, net, X);
  m = size(X, 1);
  if m == 0
    error('nnlab:nn_cost:size', 'nn_cost: X has no rows; the cost needs at least one observation');
  end
  if ~(isnumeric(T) || islogical(T)) || ~isreal(T) || ndims(T) ~= 2
    error('nnlab:nn_cost:class', 'nn_cost: T must be a real numeric matrix with one row per observation');
  end
  if size(T, 1) ~= m
    error('nnlab:nn_cost:size', 'nn_cost: X has %d rows (observations) but T has %d', m, size(T, 1));
  end
  if ~(isnumeric(lambda) || islogical(lambda)) || ~isscalar(lambda) || ~isreal(lambda) || ...
     ~isfinite(lambda) || lambda < 0
    error('nnlab:nn_cost:lambda', 'nn_cost: LAMBDA (the regularisation strength) must be a finite number >= 0');
  end
  lambda = double(lambda);
  opts = parse_options(fn, struct('Loss', '', 'LossOptions', {{}}, 'L2', 0), varargin);
  check_value(fn, 'L2', opts.L2, 'scalar', 0, Inf);
  if lambda > 0 && opts.L2 > 0
    error('nnlab:nn_cost:optionValue', ['nn_cost: give the penalty once: either LAMBDA (the course''s ' ...
          'lambda/(2m)) or ''L2'' (l2/2, as nn_train), not both']);
  end
  % the penalty's factor in J and in the gradient (the course's lambda/(2m)
  % and lambda/m, or L2/2 and L2)
  if opts.L2 > 0
    cJ = double(opts.L2) / 2;
    cg = double(opts.L2);
  else
    cJ = lambda / (2 * m);
    cg = lambda / m;
  end
  check_value(fn, 'Loss', opts.Loss, 'string');
  if ~iscell(opts.LossOptions)
    error('nnlab:nn_cost:optionValue', 'nn_cost: ''LossOptions'' must be a cell of name/value pairs');
  end
  check_array(fn, T, 'T');
  T = double(T);
  K = net.sizes(end);
  loss = lower(opts.Loss);
  why = '';
  if isempty(loss)
    [loss, why] = default_loss(net, T);
  end
  % class labels into one-hot rows, as the course does
  onehot = size(T, 2) == 1 && K > 1 && ~any(strcmp(loss, {'ce', 'nll', 'margin_ranking', 'pairwise_logistic'}));
  check_targets(fn, net, T, loss, why, onehot);
  if onehot
    T = double(bsxfun(@eq, T, 1:K));
  end
  T = cast(T, net.class);

  % forward pass (dropout off), loss summed over outputs and observations
  if nargout > 1
    [Y, cache] = nn_forward(net, X, 'Training', false);
  else
    Y = nn_predict(net, X);
  end
  try
    if nargout > 1
      [S, dY] = nn_loss(Y, T, loss, opts.LossOptions{:}, 'reduction', 'sum');
    else
      S = nn_loss(Y, T, loss, opts.LossOptions{:}, 'reduction', 'sum');
    end
  catch err
    rethrow_as(fn, err);
  end
  % the penalty on the parameters each layer's home names in h.decay
  penalty = 0;
  for i = 1:numel(net.layers)
    h = layer_home(net.layers(i).type);
    for f = h.decay
      W = double(net.layers(i).(f{1}));
      penalty = penalty + sum(W(:) .^ 2);
    end
  end
  J = double(S) / m + cJ * penalty;
  if nargout < 2
    return
  end

  % back-propagation of dJ/dY, then the penalty's gradient, packed as
  % nn_unroll packs the parameters
  grads = nn_backward(net, cache, dY / m);
  grad = zeros(numel(theta), 1);
  k = 0;
  for i = 1:numel(net.layers)
    L = net.layers(i);
    h = layer_home(L.type);
    if isempty(h.params)
      continue
    end
    G = L;
    D = L;
    for f = h.params
      G.(f{1}) = grads(i).(f{1});
      if ~any(strcmp(f{1}, h.decay))
        D.(f{1}) = zeros(size(L.(f{1})), class(L.(f{1})));
      end
    end
    g = h.pack(G) + cg * h.pack(D);
    grad(k + 1:k + numel(g)) = g;
    k = k + numel(g);
  end
  grad = reshape(grad, size(theta));
end

%!shared net, X, T
%! net = nn_mlp([2 3 2], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 1);
%! X = [0 0; 0 1; 1 0; 1 1]; T = [1; 2; 2; 1];
%!test
%! theta = nn_unroll(net);
%! Y = nn_predict(net, X); Y1 = double([T == 1, T == 2]);
%! J = sum(sum(-Y1 .* log(Y) - (1 - Y1) .* log(1 - Y))) / 4;
%! W = [net.layers(1).W(:); net.layers(3).W(:)];
%! assert(nn_cost(theta, net, X, T), J, 1e-14);
%! assert(nn_cost(theta, net, X, T, 2), J + 2 / 8 * sum(W .^ 2), 1e-14);
%!test
%! theta = nn_unroll(net);
%! [J, g] = nn_cost(theta, net, X, T, 0.5);
%! h = 1e-6; num = zeros(size(g));
%! for k = 1:numel(theta)
%!   e = zeros(size(theta)); e(k) = h;
%!   num(k) = (nn_cost(theta + e, net, X, T, 0.5) - nn_cost(theta - e, net, X, T, 0.5)) / (2 * h);
%! end
%! assert(g, num, 1e-8);
%!test
%! lin = nn_mlp([2 3 2], 'Seed', 1);
%! t = nn_unroll(lin);
%! assert(nn_cost(t, lin, X, T), nn_cost(t, lin, X, T, 'Loss', 'ce'));
%! assert(nn_cost(t, lin, X, T, 'Loss', 'mse'), nn_loss(nn_predict(lin, X), double([T == 1, T == 2]), 'mse', 'reduction', 'sum') / 4, 1e-14);
%!test
%! % 'L2' in nn_train's scaling is the course's lambda = L2 * m
%! theta = nn_unroll(net);
%! [J1, g1] = nn_cost(theta, net, X, T, 0.8);
%! [J2, g2] = nn_cost(theta, net, X, T, 'L2', 0.2);
%! assert(J2, J1, 1e-15); assert(g2, g1, 1e-15);
%!error id=nnlab:nn_cost:optionValue nn_cost(nn_unroll(net), net, X, T, 1, 'L2', 1)
%!error id=nnlab:nn_cost:optionValue nn_cost(nn_unroll(net), net, X, T, 'L2', -1)
%!error id=nnlab:nn_cost:nargin nn_cost(1, 2, 3)
%!error id=nnlab:nn_cost:net nn_cost(1, 2, 3, 4)
%!error id=nnlab:nn_cost:size nn_cost([1 2], net, X, T)
%!error id=nnlab:nn_cost:size nn_cost(nn_unroll(net), net, X, T(1:3))
%!error id=nnlab:nn_cost:size nn_cost(nn_unroll(net), net, X(:, 1), T)
%!error id=nnlab:nn_cost:label nn_cost(nn_unroll(net), net, X, [1; 2; 3; 1])
%!error id=nnlab:nn_cost:lambda nn_cost(nn_unroll(net), net, X, T, -1)
%!error id=nnlab:nn_cost:option nn_cost(nn_unroll(net), net, X, T, 1, 'Bogus', 1)
%!error id=nnlab:nn_cost:name nn_cost(nn_unroll(net), net, X, T, 1, 'Loss', 'nosuch')
%!error id=nnlab:nn_cost:domain nn_cost(nn_unroll(net), net, X, 2 * ones(4, 2), 1, 'Loss', 'bce')
