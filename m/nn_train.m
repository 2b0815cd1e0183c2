% -*- texinfo -*-
% @deftypefn  {} {[@var{net}, @var{info}] =} nn_train (@var{net}, @var{X}, @var{T})
% @deftypefnx {} {[@var{net}, @var{info}] =} nn_train (@var{net}, @var{X}, @var{T}, @var{name}, @var{value}, @dots{})
% Train a network on inputs @var{X} (N x in, one observation a row) and
% targets @var{T} (N rows) by minibatch gradient descent.
%
% Options (names are case-insensitive):
% @table @code
% @item 'Loss'
% any loss of @code{nn_loss} (@code{'mse'}, @code{'ce'}, @code{'bce_logits'},
% @dots{}).  Default: @code{'bce'} after a sigmoid output, @code{'nll'} after
% log_softmax; with linear outputs @code{'ce'} when @var{T} holds class
% labels 1..K for K > 1 outputs, @code{'bce_logits'} when there is one output
% and @var{T} is 0/1; otherwise @code{'mse'}.
% A ranking loss (@code{'margin_ranking'}, @code{'pairwise_logistic'})
% trains a scoring network with one output on pairs: each row of @var{X}
% holds two items side by side (2 x in columns), @var{T} is +1 where the
% first should rank above the second and -1 otherwise; the network scores
% both items and the gradients of the two passes are added.
% @item 'LossOptions'
% a cell of name/value pairs for @code{nn_loss}, e.g. @code{@{'delta', 2@}}.
% @item 'Optimizer'
% any method of @code{nn_step}: @code{'sgd'}, @code{'adam'} (default),
% @code{'adamw'}, @code{'rmsprop'}, @code{'adagrad'}, @code{'rprop'}.
% @item 'LearningRate'
% the step size; default: the optimizer's own (PyTorch's) default.
% @item 'Momentum', 'Dampening', 'Nesterov', 'WeightDecay', 'Betas', 'Eps', 'Alpha', 'Centered', 'AmsGrad', 'LrDecay', 'Etas', 'StepSizes'
% the optimizer's own options (see @code{help nn_step}).
% @item 'Epochs'
% passes over the data (default 10).
% @item 'BatchSize'
% observations per step (default 128, at most N); N gives full-batch
% gradient descent.
% @item 'Shuffle'
% reshuffle the observations every epoch (default true).
% @item 'Seed'
% a whole number: the shuffling and the dropout masks repeat exactly, so
% the same seed gives a bit-identical network.  Your own random streams are
% left untouched.
% @item 'ValidationData'
% @code{@{Xv, Tv@}}, evaluated after every epoch.
% @item 'ValidationFraction'
% instead, hold out this fraction of (X, T), chosen at random, for validation.
% @item 'Patience'
% stop when the validation loss (the training loss without validation
% data) has not improved for this many epochs, and return the best
% network seen (default Inf: never stop early).
% @item 'L2'
% @math{\lambda}: adds @math{\lambda/2 \sum w^2} over the weights (not the
% biases) to the loss of every minibatch (default 0).
% @item 'Verbose'
% print a line per epoch: epoch, loss, metric, validation loss and metric,
% seconds (default true).
% @item 'Plot'
% a file name: write a PNG of the loss and metric history there.
% @item 'Checkpoint'
% a file name: after every epoch the whole state of the run (network,
% optimizer state, history, random streams) is written there, atomically:
% a run killed while writing leaves the previous checkpoint intact.
% @item 'Resume'
% a checkpoint file: continue that run.  Give the same data and options
% as the first time; @code{'Epochs'} counts the whole run, so a checkpoint
% after epoch 3 resumed with @code{'Epochs', 6} runs epochs 4 to 6, and
% the result equals, bit for bit, that of a run never interrupted (same
% thread count).  The network is taken from the checkpoint.
% @item 'Engine'
% for testing and comparison: @code{'auto'} (default) trains each epoch in
% one call of the compiled engine @code{nn_fit} when it can (no dropout,
% not a ranking loss, no loss @code{'weights'}) and step by step in Octave
% otherwise; @code{'m'} always steps in Octave, @code{'c'} always uses
% @code{nn_fit} (an error where it cannot).  Both make the same kernel calls
% in the same order, so they give bit-identical results (same thread
% count).  The compiled engine reads @var{X} where it is, gathering each
% run of minibatches into a buffer of an eighth of @var{X}.
% @item 'ObservationsIn'
% @code{'rows'} (default): @var{X} is N x inputs, one observation a row;
% @code{'columns'}: @var{X} is inputs x N, one observation a column (as
% @code{fitcnet}'s option of that name, and as Octave code that keeps
% samples in columns).  @var{T} keeps one row per observation (a row
% vector of N labels is taken as a column), and so does @var{Xv} in
% @code{'ValidationData'} follow @var{X}.  With columns, a minibatch is
% whole columns of @var{X}: the compiled engine gathers it straight, with
% no buffer, about 10% faster per epoch on Fashion-MNIST.  Not for ranking
% losses.
% @end table
%
% @var{info} holds the history, one element per epoch: @code{info.loss},
% @code{info.metric}, @code{info.val_loss}, @code{info.val_metric},
% @code{info.time} (seconds), and @code{info.loss_name},
% @code{info.metric_name} (@code{'accuracy'} for classification and
% ranking losses, @code{'mae'} for regression), @code{info.best_epoch},
% @code{info.stop_reason} (@code{'epochs'}, @code{'patience'} or
% @code{'diverged'}).
%
% When the loss or a weight becomes NaN or Inf (a learning rate far too
% large, say), training stops with a warning (id
% @code{nnlab:nn_train:diverged}) naming the epoch and step, and the last
% finite network is returned.
%
% The recipe for the 2-2-1 sigmoid network on XOR, which learns it for
% each of the seeds 1 to 20 (a 2-2-1 network has a local minimum at loss
% ln(2)/2 that a larger random start often falls into): small random
% hidden weights, the rest zero, SGD with momentum, full batches.
%
% @example
% [X, T] = nn_logic_data ('xor');
% net = nn_mlp ([2 2 1], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Init', 'zeros');
% rand ('twister', 1);                       % any seed from 1 to 20
% net.layers(1).W = 0.3 * (2 * rand (2, 2) - 1);
% net = nn_train (net, X, T, 'Loss', 'bce', 'Optimizer', 'sgd', ...
%                 'LearningRate', 3, 'Momentum', 0.9, 'BatchSize', 4, ...
%                 'Epochs', 2000, 'Verbose', false);
% round (nn_predict (net, X))'
%   @result{} 0 1 1 0
% @end example
% @seealso{nn_mlp, nn_loss, nn_step, nn_evaluate, nn_predict}
% @end deftypefn
function [net, info] = nn_train(net, X, T, varargin)
  if nargin < 3
    error('nnlab:nn_train:nargin', 'nn_train: usage [net, info] = nn_train(net, X, T, name, value, ...)');
  end
  check_net('nn_train', net);
  o = parse_options('nn_train', defaults(), varargin);
  pairs = ischar(o.Loss) && any(strcmpi(o.Loss, {'margin_ranking', 'pairwise_logistic'}));
  cols = layout_option(o.ObservationsIn, pairs);
  if pairs
    predict_pairs(net, X, 'nn_train');      % checks the sizes
    X = cast(X, net.class);
  elseif cols
    X = check_input('nn_train', net, X, true);
  else
    X = check_input('nn_train', net, X);
  end
  N = size(X, 1 + cols);
  if cols && isvector(T) && size(T, 1) == 1 && N > 1
    T = T.';                                % labels as a row, one per column of X
  end
  T = check_targets('nn_train', N, T, net.class);
  o = check_options(o, net, T);
  optargs = optimizer_args(o);

  % a checkpoint to continue from
  ck = [];
  if ~isempty(o.Resume)
    ck = read_checkpoint(o.Resume);
  end

  % validation data
  vperm = [];
  Xv = [];
  Tv = [];
  if ~isempty(o.ValidationData)
    v = o.ValidationData;
    if ~iscell(v) || numel(v) ~= 2
      error('nnlab:nn_train:optionValue', 'nn_train: ''ValidationData'' must be a cell {Xv, Tv}');
    end
    if pairs
      predict_pairs(net, v{1}, 'nn_train');
      Xv = cast(v{1}, net.class);
    elseif cols
      Xv = check_input('nn_train', net, v{1}, true).';   % rows, for nn_predict
    else
      Xv = check_input('nn_train', net, v{1});
    end
    Tv = v{2};
    if cols && isvector(Tv) && size(Tv, 1) == 1 && size(Xv, 1) > 1
      Tv = Tv.';
    end
    Tv = check_targets('nn_train', size(Xv, 1), Tv, net.class);
  elseif o.ValidationFraction > 0
    if isempty(ck)
      p = seeded(seed_for(o.Seed, 0, 0), @() randperm(N));
    else
      p = ck.vperm;
      if numel(p) ~= N
        error('nnlab:nn_train:resume', 'nn_train: the checkpoint %s was written for other data', o.Resume);
      end
    end
    vperm = p;
    nv = round(o.ValidationFraction * N);
    if nv < 1 || nv >= N
      error('nnlab:nn_train:optionValue', 'nn_train: ''ValidationFraction'' leaves no data for training or for validation');
    end
    if cols
      Xv = X(:, p(N - nv + 1:end)).';
      X = X(:, p(1:N - nv));
    else
      Xv = X(p(N - nv + 1:end), :);
      X = X(p(1:N - nv), :);
    end
    Tv = T(p(N - nv + 1:end), :);
    T = T(p(1:N - nv), :);
    N = N - nv;
  end
  hasval = ~isempty(Xv);

  % the fast path: one call of the compiled engine per epoch, on the data
  % as it is (nn_fit gathers each chunk of minibatches from X's columns; no
  % copy of the whole data)
  fast = ~pairs && can_fit(net, o);
  if strcmp(o.Engine, 'c') && ~fast
    error('nnlab:nn_train:optionValue', ['nn_train: ''Engine'', ''c'' cannot train this ' ...
          'network: it takes no dropout, ranking losses or loss ''weights''']);
  end
  % ('auto' without a built nn_fit, e.g. an old build folder: step by step)
  fast = fast && ~strcmp(o.Engine, 'm') && (strcmp(o.Engine, 'c') || exist('nn_fit') == 3);
  Xt = [];
  layout = 'rows';
  if fast
    Xt = X;
    if cols
      layout = 'columns';
    end
  elseif cols
    X = X.';                % the step-by-step path takes rows
  end

  % a first call of the loss on one row: a clear error before any training
  try
    if pairs
      Y1 = predict_pairs(net, X(1, :), 'nn_train');
    else
      if fast && cols
        Y1 = forward_rows(net, X(:, 1).');
      else
        Y1 = forward_rows(net, X(1, :));
      end
    end
    nn_loss(Y1, T(1, :), o.Loss, o.LossOptions{:});
  catch err
    rethrow_as('nn_train', err);
  end

  B = min(o.BatchSize, N);
  nb = ceil(N / B);
  dense = find(strcmp({net.layers.type}, 'dense'));
  SW = cell(1, numel(net.layers));
  Sb = cell(1, numel(net.layers));
  E = o.Epochs;
  info = struct('loss', zeros(1, 0), 'metric', zeros(1, 0), 'val_loss', zeros(1, 0), ...
                'val_metric', zeros(1, 0), 'time', zeros(1, 0), 'loss_name', o.Loss, ...
                'metric_name', metric_name(o.Loss), 'best_epoch', 0, 'stop_reason', 'epochs');
  best = Inf;
  bestnet = net;
  wait = 0;
  first = 1;
  fingerprint = struct('sizes', net.sizes, 'class', net.class, 'N', N, 'batch', B, ...
                       'loss', o.Loss, 'optimizer', o.Optimizer, 'seed', o.Seed);
  if ~isempty(ck)
    if ~isequal(ck.fingerprint, fingerprint)
      error('nnlab:nn_train:resume', ['nn_train: the checkpoint %s belongs to another run ', ...
            '(network, data size, batch size, loss, optimizer or seed differ)'], o.Resume);
    end
    net = ck.net;
    SW = ck.SW;
    Sb = ck.Sb;
    info = ck.info;
    best = ck.best;
    bestnet = ck.bestnet;
    wait = ck.wait;
    first = ck.epoch + 1;
    rand('twister', ck.rand_state);
    randn('twister', ck.randn_state);
    if ck.done
      first = E + 1;
    end
    if o.Verbose
      fprintf('resuming from %s after epoch %d\n', o.Resume, ck.epoch);
    end
  end
  if o.Verbose
    fprintf('training %s on %d observations: loss %s, optimizer %s, %d epochs of %d steps\n', ...
            net.summary, N, o.Loss, o.Optimizer, E, nb);
  end
  if fast && ~hasval && isinf(o.Patience) && isempty(o.Checkpoint)
    % nothing to do between epochs but bookkeeping: many epochs per call
    [net, info] = fit_chunks(net, Xt, T, o, optargs, B, first, E, info, best, SW, Sb, layout);
    return
  end
  [mode, per] = metric_mode(o.Loss, N, net.sizes(end));
  for epoch = first:E
    t0 = tic();
    perm = epoch_perms(o, N, epoch, 1).' + 1;
    lsum = 0;
    if fast
      try
        [net.layers, SW, Sb, bl, Yall, stopped, hits] = nn_fit(Xt, T, perm - 1, B, net.layers, SW, Sb, ...
                                                               o.Loss, o.LossOptions, o.Optimizer, optargs, ...
                                                               o.L2, mode, layout);
      catch err
        if strcmp(err.identifier, 'nnlab:nn_fit:domain')
          % as the step-by-step path, where nn_loss finds it
          error('nnlab:nn_loss:domain', '%s', regexprep(err.message, '^nn_fit: epoch \d+, step \d+: ', 'nn_loss: '));
        end
        rethrow_as('nn_train', err);
      end
      if stopped(2) > 0
        info = diverged(info, o, net, epoch, stopped(2));
        return
      end
      for s = 1:nb
        lsum = lsum + bl(s) * (min(s * B, N) - (s - 1) * B);
      end
    else
      Yall = zeros(N, net.sizes(end) * (1 + pairs), net.class);
      for s = 1:nb
        idx = perm((s - 1) * B + 1:min(s * B, N));
        [Y, Lb, grads] = batch(net, X(idx, :), T(idx, :), o, pairs, seed_for(o.Seed, epoch, s));
        last = net;
        for i = dense
          gW = grads(i).W;
          if o.L2 > 0
            gW = gW + o.L2 * net.layers(i).W;
            Lb = Lb + o.L2 / 2 * sum(net.layers(i).W(:) .^ 2);
          end
          [net.layers(i).W, SW{i}] = nn_step(net.layers(i).W, gW, SW{i}, o.Optimizer, optargs{:});
          [net.layers(i).b, Sb{i}] = nn_step(net.layers(i).b, grads(i).b, Sb{i}, o.Optimizer, optargs{:});
        end
        if ~isfinite(Lb) || ~all_finite(net, dense)
          net = last;
          info = diverged(info, o, net, epoch, s);
          return
        end
        lsum = lsum + double(Lb) * numel(idx);
        Yall(idx, :) = Y;
      end
    end
    info.loss(end + 1) = lsum / N;
    if fast && ~strcmp(mode, 'none')
      info.metric(end + 1) = hits / per;          % what metric() gives on the outputs
    else
      info.metric(end + 1) = metric(o.Loss, Yall, T);
    end
    if hasval
      Yv = predict(net, Xv, pairs);
      vl = double(nn_loss(Yv, Tv, o.Loss, o.LossOptions{:}));
      info.val_loss(end + 1) = vl;
      info.val_metric(end + 1) = metric(o.Loss, Yv, Tv);
      watch = vl;
    else
      info.val_loss(end + 1) = NaN;
      info.val_metric(end + 1) = NaN;
      watch = info.loss(end);
    end
    info.time(end + 1) = toc(t0);
    if o.Verbose
      line = sprintf('epoch %3d/%d  loss %.4g  %s %.4g', epoch, E, info.loss(end), ...
                     info.metric_name, info.metric(end));
      if hasval
        line = sprintf('%s  val_loss %.4g  val_%s %.4g', line, info.val_loss(end), ...
                       info.metric_name, info.val_metric(end));
      end
      fprintf('%s  %.2fs\n', line, info.time(end));
    end
    if watch < best
      best = watch;
      bestnet = net;
      info.best_epoch = epoch;
      wait = 0;
    else
      wait = wait + 1;
    end
    done = wait >= o.Patience;
    if done
      net = bestnet;
      info.stop_reason = 'patience';
      if o.Verbose
        fprintf('stopped early: no improvement for %d epochs; returning the network of epoch %d\n', ...
                o.Patience, info.best_epoch);
      end
    end
    if ~isempty(o.Checkpoint)
      atomic_save(o.Checkpoint, '-binary', struct('nnlab_format', 'nnlab.checkpoint', ...
                  'nnlab_version', 1, 'fingerprint', fingerprint, 'epoch', epoch, 'done', done, ...
                  'net', net, 'SW', {SW}, 'Sb', {Sb}, 'info', info, 'best', best, ...
                  'bestnet', bestnet, 'wait', wait, 'vperm', vperm, ...
                  'rand_state', rand('twister'), 'randn_state', randn('twister')), 'nn_train');
    end
    if done
      break
    end
  end
  info = finish(info, o, net);
end

function [Y, Lb, grads] = batch(net, Xb, Tb, o, pairs, seed)
% The loss of one minibatch and its gradient for every layer.  For a
% ranking loss each row of Xb holds two items, scored by the same network.
  fwd = {};
  if ~isempty(seed)
    fwd = {'Seed', seed};
  end
  if ~pairs
    [Y, cache] = nn_forward(net, Xb, fwd{:});
    [Lb, dY] = nn_loss(Y, Tb, o.Loss, o.LossOptions{:});
    grads = nn_backward(net, cache, dY);
    return
  end
  in = net.sizes(1);
  [Ya, ca] = nn_forward(net, Xb(:, 1:in), fwd{:});
  [Yb, cb] = nn_forward(net, Xb(:, in + 1:end), fwd{:});
  Y = [Ya, Yb];
  [Lb, dY] = nn_loss(Y, Tb, o.Loss, o.LossOptions{:});
  grads = nn_backward(net, ca, dY(:, 1));
  gb = nn_backward(net, cb, dY(:, 2));
  for i = 1:numel(grads)
    grads(i).W = grads(i).W + gb(i).W;
    grads(i).b = grads(i).b + gb(i).b;
  end
end

function Y = forward_rows(net, X)
% nn_predict's forward pass, for a network and X it has already checked.
  Y = X;
  for i = 1:numel(net.layers)
    layer = net.layers(i);
    switch layer.type
      case 'dense'
        Y = nn_dense(Y, layer.W, layer.b);
      case 'act'
        Y = nn_act(Y, layer.act, [], layer.opts{:});
    end
  end
end

function Y = predict(net, X, pairs)
  if pairs
    Y = predict_pairs(net, X, 'nn_train');
  else
    Y = nn_predict(net, X);
  end
end

function ck = read_checkpoint(file)
  if ~exist(file, 'file')
    error('nnlab:nn_train:resume', 'nn_train: there is no checkpoint file %s', file);
  end
  try
    ck = load(file);
  catch err
    error('nnlab:nn_train:resume', 'nn_train: the checkpoint %s cannot be read: %s', file, err.message);
  end
  need = {'nnlab_format', 'fingerprint', 'epoch', 'done', 'net', 'SW', 'Sb', 'info', 'best', ...
          'bestnet', 'wait', 'vperm', 'rand_state', 'randn_state'};
  if ~isstruct(ck) || ~all(isfield(ck, need)) || ~strcmp(ck.nnlab_format, 'nnlab.checkpoint')
    error('nnlab:nn_train:resume', 'nn_train: %s is not a checkpoint written by nn_train', file);
  end
  try
    check_net('nn_train', ck.net);
  catch err
    error('nnlab:nn_train:resume', 'nn_train: the checkpoint %s holds a damaged network', file);
  end
end

function [net, info] = fit_chunks(net, Xt, T, o, optargs, B, first, E, info, best, SW, Sb, layout)
% Epochs first..E on the fast path, as many epochs per call of nn_fit as
% keep its output Y (N x K per epoch) and the orders (N per epoch) to about
% 2^15 values: for small data (XOR) the cost of a call, not the arithmetic,
% sets the pace, but big arrays, fresh in every call and copied on the way
% out of the MEX file, cost more in page faults than the calls they save
% (B-blobs: 20 calls of one epoch beat one call of 20 epochs).  What the
% epoch loop of nn_train records per epoch is computed per chunk (the time
% of each epoch is the chunk's time divided by its epochs) and added to
% info at the end, with the best epoch (no patience here).  With a seed,
% the user's uniform stream is saved once and restored at the end,
% whatever happens.
  N = size(T, 1);
  K = net.sizes(end);
  nb = ceil(N / B);
  cnt = (min((1:nb) * B, N) - ((1:nb) - 1) * B).';
  % classification metrics are counted by nn_fit itself (no outputs Y to
  % return: only the orders, N values an epoch, travel)
  [mode, per] = metric_mode(o.Loss, N, K);
  if strcmp(mode, 'none')
    Cmax = max(1, floor(2^15 / (N * (K + 1))));
  else
    Cmax = max(1, floor(2^15 / N));
  end
  n = max(E - first + 1, 0);
  loss = zeros(1, n);
  met = zeros(1, n);
  tim = zeros(1, n);
  k0 = 0;
  stopped = [0 0];
  tm = metric_targets(o.Loss, T);
  seeds = [];
  keep = o.Shuffle && ~isempty(o.Seed);
  if keep
    seeds = seed_for(o.Seed, first:E, 0);
    state = rand('twister');
  end
  try
    epoch = first;
    while epoch <= E
      t0 = tic();
      C = min(E - epoch + 1, Cmax);
      if keep
        P = orders(o, N, C, seeds(epoch - first + 1:epoch - first + C));
      else
        P = orders(o, N, C, []);
      end
      try
        [net.layers, SW, Sb, bl, Y, stopped, hits] = nn_fit(Xt, T, P, B, net.layers, SW, Sb, ...
                                                            o.Loss, o.LossOptions, o.Optimizer, ...
                                                            optargs, o.L2, mode, layout);
      catch err
        if strcmp(err.identifier, 'nnlab:nn_fit:domain')
          error('nnlab:nn_loss:domain', '%s', regexprep(err.message, '^nn_fit: epoch \d+, step \d+: ', 'nn_loss: '));
        end
        rethrow_as('nn_train', err);
      end
      ndone = C;
      if stopped(2) > 0
        ndone = stopped(1) - 1;
      end
      t = toc(t0) / C;
      if ndone > 0
        if ndone < C
          bl = bl(:, 1:ndone);
          if strcmp(mode, 'none')
            Y = Y(:, 1:K * ndone);
          end
        end
        % the losses, summed in order as the epoch loop does (sum adds a
        % column from the top), the metrics
        r = k0 + 1:k0 + ndone;
        loss(r) = sum(bl .* cnt, 1) / N;
        if strcmp(mode, 'none')
          met(r) = metrics(o.Loss, Y, tm, K, ndone);
        else
          % (what metrics() gives: hits / number of compared values)
          met(r) = hits(1:ndone) / per;
        end
        tim(r) = t;
        if o.Verbose
          for j = r
            fprintf('epoch %3d/%d  loss %.4g  %s %.4g  %.2fs\n', first + j - 1, E, loss(j), ...
                    info.metric_name, met(j), t);
          end
        end
        k0 = k0 + ndone;
      end
      if stopped(2) > 0
        break
      end
      epoch = epoch + C;
    end
  catch err
    if keep
      rand('twister', state);
    end
    rethrow(err);
  end
  if keep
    rand('twister', state);
  end
  % the best epoch: the first with the least loss, if less than the best
  % before (as the epoch loop finds it)
  r = 1:k0;
  if k0 > 0
    [m, k] = min(loss(r));
    if m < best
      info.best_epoch = first + k - 1;
    end
  end
  info.loss = [info.loss, loss(r)];
  info.metric = [info.metric, met(r)];
  info.val_loss = [info.val_loss, NaN(1, k0)];
  info.val_metric = [info.val_metric, NaN(1, k0)];
  info.time = [info.time, tim(r)];
  if stopped(2) > 0
    info = diverged(info, o, net, first + k0, stopped(2));
    return
  end
  info = finish(info, o, net);
end

function P = epoch_perms(o, N, first, C)
% The orders of epochs first..first+C-1, the user's uniform stream left as
% it was (see orders).
  if o.Shuffle && ~isempty(o.Seed)
    state = rand('twister');
    try
      P = orders(o, N, C, seed_for(o.Seed, first:first + C - 1, 0));
    catch err
      rand('twister', state);
      rethrow(err);
    end
    rand('twister', state);
  else
    P = orders(o, N, C, []);
  end
end

function P = orders(o, N, C, seeds)
% The orders of C epochs (one a column, 0-based, as nn_fit takes them),
% exactly those of the epoch loop: randperm per epoch, or for a few
% observations and many epochs its Knuth shuffle of rand(N, C) in one go
% (the same numbers).  With a seed, each epoch's randperm draws from the
% uniform stream seeded with SEEDS(j) (randperm draws from no other); the
% caller restores the user's stream.
  if ~o.Shuffle
    P = repmat((0:N - 1)', 1, C);
  elseif isempty(seeds) && N < C
    R = rand(N, C);
    P = repmat((0:N - 1)', 1, C);
    cols = (0:C - 1) * N;
    for i = 1:N
      a = i + cols;
      b = i + floor(R(i, :) * (N - i + 1)) + cols;
      t = P(a);
      P(a) = P(b);
      P(b) = t;
    end
  elseif C == 1
    if ~isempty(seeds)
      rand('twister', seeds);
    end
    P = randperm(N).' - 1;
  else
    P = zeros(N, C);
    for j = 1:C
      if ~isempty(seeds)
        rand('twister', seeds(j));
      end
      P(:, j) = randperm(N) - 1;
    end
  end
end

function [mode, per] = metric_mode(loss, N, K)
% What nn_fit counts for the metric of LOSS (its METRIC argument), and the
% number of values compared (the metric is hits / per); 'none' where
% nn_fit must return the outputs instead (regression).
  switch loss
    case {'ce', 'nll'}
      mode = 'argmax';
      per = N;
    case 'bce'
      mode = 'prob';
      per = N * K;
    case {'bce_logits', 'hinge'}
      mode = 'logit';
      per = N * K;
    otherwise
      mode = 'none';
      per = NaN;
  end
end

function tm = metric_targets(loss, T)
% What metrics() compares the outputs with, from the targets T.
  switch loss
    case {'mse', 'mae', 'huber'}
      tm = double(T(:));
    case {'ce', 'nll'}
      if size(T, 2) == 1
        tm = double(T);
      else
        [~, tm] = max(T, [], 2);
      end
    case 'bce'
      tm = T(:) >= 0.5;
    case {'bce_logits', 'hinge'}
      tm = T(:) > 0.5;
    otherwise
      tm = [];
  end
end

function m = metrics(loss, Y, tm, K, C)
% metric() of each epoch's outputs Y(:, (j - 1) * K + (1:K)), in one go,
% with tm = metric_targets(loss, T).  The classification metrics compare Y
% in its own class: the same answers as in double, without a double copy
% of Y.  (Hits or errors, one column an epoch, in d: m = sum(d, 1) /
% size(d, 1), what mean(d, 1) computes, without mean's costly checks of
% its arguments.)
  N = size(Y, 1);
  switch loss
    case {'mse', 'mae', 'huber'}
      d = abs(reshape(double(Y), [], C) - tm);
    case {'ce', 'nll'}
      [~, p] = max(reshape(Y, N, K, C), [], 2);
      d = reshape(p, N, C) == tm;
    case 'bce'
      d = (reshape(Y, [], C) >= 0.5) == tm;
    case {'bce_logits', 'hinge'}
      d = (reshape(Y, [], C) > 0) == tm;
    otherwise
      m = NaN(1, C);
      return
  end
  m = sum(d, 1) / size(d, 1);
end

function info = diverged(info, o, net, epoch, s)
  warning('nnlab:nn_train:diverged', ['nn_train: training diverged at epoch %d, step %d ' ...
          '(the loss or a weight became NaN or Inf); returning the last finite network. ' ...
          'Try a smaller learning rate.'], epoch, s);
  info.stop_reason = 'diverged';
  info = finish(info, o, net);
end

function ok = can_fit(net, o)
% True when nn_fit can train the network: dense and activation layers only
% (dropout with p = 0 is the identity), loss options without 'weights' and
% with a scalar reduction.
  types = {net.layers.type};
  drop = strcmp(types, 'dropout');
  ok = all(strcmp(types, 'dense') | strcmp(types, 'act') | drop);
  for i = find(drop)
    ok = ok && isequal(net.layers(i).p, 0);
  end
  args = o.LossOptions;
  for i = 1:2:numel(args) - 1
    if ischar(args{i}) && (strcmpi(args{i}, 'weights') || ...
                           (strcmpi(args{i}, 'reduction') && ischar(args{i + 1}) && strcmpi(args{i + 1}, 'none')))
      ok = false;
    end
  end
end

function info = finish(info, o, net)
  info.epochs = numel(info.loss);
  if ~isempty(o.Plot)
    plot_history(info, o.Plot, net.summary);
  end
end

function cols = layout_option(v, pairs)
% 'ObservationsIn': 'rows' (X is N x in) or 'columns' (X is in x N).
  if ~ischar(v) || ~any(strcmpi(v, {'rows', 'columns'}))
    error('nnlab:nn_train:optionValue', ['nn_train: ''ObservationsIn'' must be ''rows'' ' ...
          '(X is N x inputs) or ''columns'' (X is inputs x N)']);
  end
  cols = strcmpi(v, 'columns');
  if cols && pairs
    error('nnlab:nn_train:optionValue', ['nn_train: ranking losses take X with one ' ...
          'observation per row (''ObservationsIn'', ''rows'')']);
  end
end

function d = defaults()
  d = struct('Loss', '', 'LossOptions', {{}}, 'Optimizer', 'adam', 'LearningRate', [], ...
             'Momentum', [], 'Dampening', [], 'Nesterov', [], 'WeightDecay', [], ...
             'Betas', [], 'Eps', [], 'Alpha', [], 'Centered', [], 'AmsGrad', [], ...
             'LrDecay', [], 'Etas', [], 'StepSizes', [], ...
             'Epochs', 10, 'BatchSize', 128, 'Shuffle', true, 'Seed', [], ...
             'ValidationData', {{}}, 'ValidationFraction', 0, 'Patience', Inf, ...
             'L2', 0, 'Verbose', true, 'Plot', '', 'Checkpoint', '', 'Resume', '', ...
             'Engine', 'auto', 'ObservationsIn', 'rows');
end

function o = check_options(o, net, T)
  fn = 'nn_train';
  if ~options_ok(o)
    checks(o, fn);
  end
  o.Engine = lower(o.Engine);
  o.Optimizer = lower(o.Optimizer);
  o.Loss = lower(o.Loss);
  o.Verbose = logical(o.Verbose);
  if isempty(o.Loss)
    o.Loss = default_loss(net, T);
  end
end

function ok = options_ok(o)
% True when every check of checks() passes, found quickly: a test at least
% as strict for the usual values; anything else goes through checks(),
% which raises the error of the first bad option.
  e = o.Epochs;
  b = o.BatchSize;
  sh = o.Shuffle;
  vb = o.Verbose;
  l2 = o.L2;
  vf = o.ValidationFraction;
  sd = o.Seed;
  p = o.Patience;
  ok = isa(e, 'double') && isscalar(e) && isreal(e) && e >= 0 && e <= 1e9 && e == round(e) && ...
       isa(b, 'double') && isscalar(b) && isreal(b) && b >= 1 && b <= 2^53 && b == round(b) && ...
       (islogical(sh) || isa(sh, 'double')) && isscalar(sh) && (sh == 0 || sh == 1) && ...
       (islogical(vb) || isa(vb, 'double')) && isscalar(vb) && (vb == 0 || vb == 1) && ...
       isa(l2, 'double') && isscalar(l2) && isreal(l2) && l2 >= 0 && l2 < Inf && ...
       isa(vf, 'double') && isscalar(vf) && isreal(vf) && vf >= 0 && vf <= 0.99 && ...
       (isempty(sd) || (isa(sd, 'double') && isscalar(sd) && isreal(sd) && sd >= 0 && ...
                        sd <= 2^32 - 1 && sd == round(sd))) && ...
       isa(p, 'double') && isscalar(p) && isreal(p) && p >= 1 && (isinf(p) || p == round(p)) && ...
       ischar(o.Optimizer) && size(o.Optimizer, 1) == 1 && ...
       ischar(o.Loss) && (isempty(o.Loss) || size(o.Loss, 1) == 1) && ...
       ischar(o.Plot) && (isempty(o.Plot) || size(o.Plot, 1) == 1) && ...
       ischar(o.Checkpoint) && (isempty(o.Checkpoint) || size(o.Checkpoint, 1) == 1) && ...
       ischar(o.Resume) && (isempty(o.Resume) || size(o.Resume, 1) == 1) && ...
       ischar(o.Engine) && any(strcmpi(o.Engine, {'auto', 'm', 'c'})) && ...
       iscell(o.LossOptions);
end

function checks(o, fn)
  check_value(fn, 'Epochs', o.Epochs, 'count', 0, 1e9);
  check_value(fn, 'BatchSize', o.BatchSize, 'count', 1, 2^53);
  check_value(fn, 'Shuffle', o.Shuffle, 'logical');
  check_value(fn, 'Verbose', o.Verbose, 'logical');
  check_value(fn, 'L2', o.L2, 'scalar', 0, Inf);
  check_value(fn, 'ValidationFraction', o.ValidationFraction, 'scalar', 0, 0.99);
  if ~isempty(o.Seed)
    check_value(fn, 'Seed', o.Seed, 'count', 0, 2^32 - 1);
  end
  if ~(isnumeric(o.Patience) && isscalar(o.Patience) && o.Patience >= 1 && ...
       (isinf(o.Patience) || o.Patience == round(o.Patience)))
    error('nnlab:nn_train:optionValue', 'nn_train: ''Patience'' must be a whole number >= 1 or Inf');
  end
  check_value(fn, 'Optimizer', o.Optimizer, 'string');
  check_value(fn, 'Loss', o.Loss, 'string');
  check_value(fn, 'Plot', o.Plot, 'string');
  check_value(fn, 'Checkpoint', o.Checkpoint, 'string');
  check_value(fn, 'Resume', o.Resume, 'string');
  if ~ischar(o.Engine) || ~any(strcmpi(o.Engine, {'auto', 'm', 'c'}))
    error('nnlab:nn_train:optionValue', 'nn_train: ''Engine'' must be ''auto'', ''m'' or ''c''');
  end
  if ~iscell(o.LossOptions)
    error('nnlab:nn_train:optionValue', 'nn_train: ''LossOptions'' must be a cell of name/value pairs');
  end
end

function args = optimizer_args(o)
  names = {'lr', 'momentum', 'dampening', 'nesterov', 'weight_decay', 'betas', 'eps', ...
           'alpha', 'centered', 'amsgrad', 'lr_decay', 'etas', 'step_sizes'};
  values = {o.LearningRate, o.Momentum, o.Dampening, o.Nesterov, o.WeightDecay, o.Betas, ...
            o.Eps, o.Alpha, o.Centered, o.AmsGrad, o.LrDecay, o.Etas, o.StepSizes};
  given = ~cellfun('isempty', values);
  args = [names(given); values(given)];
  args = args(:).';
  % a first call on a scalar: a clear error for a bad method or option now
  try
    nn_step(0, 0, [], o.Optimizer, args{:});
  catch err
    rethrow_as('nn_train', err);
  end
end

function T = check_targets(fn, N, T, cls)
% T: N rows, one per observation (N from X).
  if ~(isnumeric(T) || islogical(T)) || ~isreal(T) || ndims(T) ~= 2
    error(['nnlab:' fn ':class'], '%s: T must be a real numeric matrix with one row per observation', fn);
  end
  if size(T, 1) ~= N
    error(['nnlab:' fn ':size'], '%s: X has %d observations but T has %d rows', fn, N, size(T, 1));
  end
  T = cast(full(T), cls);
end

function s = seed_for(seed, epoch, step)
  if isempty(seed)
    s = [];
  else
    s = mod(double(seed) * 1000003 + epoch * 7919 + step, 2^32);
  end
end

function ok = all_finite(net, dense)
  ok = true;
  for i = dense
    ok = ok && all(isfinite(net.layers(i).W(:))) && all(isfinite(net.layers(i).b(:)));
  end
end

function name = metric_name(loss)
  if any(strcmp(loss, {'mse', 'mae', 'huber'}))
    name = 'mae';
  else
    name = 'accuracy';
  end
end

function m = metric(loss, Y, T)
% (hits or errors as a column d: m = sum(d) / numel(d), what mean(d)
% computes, without mean's costly checks of its arguments)
  Y = double(Y);
  T = double(T);
  switch loss
    case {'mse', 'mae', 'huber'}
      d = abs(Y(:) - T(:));
    case {'ce', 'nll'}
      [~, p] = max(Y, [], 2);
      if size(T, 2) == 1
        t = T;
      else
        [~, t] = max(T, [], 2);
      end
      d = p == t;
    case 'bce'
      d = (Y(:) >= 0.5) == (T(:) >= 0.5);
    case {'bce_logits', 'hinge'}
      d = (Y(:) > 0) == (T(:) > 0.5);
    case {'margin_ranking', 'pairwise_logistic'}
      d = sign(Y(:, 1) - Y(:, 2)) == sign(T(:));
    otherwise
      m = NaN;
      return
  end
  m = sum(d) / numel(d);
end

function plot_history(info, file, title_text)
  f = nn_figure([900 380]);
  e = 1:numel(info.loss);
  style = {'-', 'LineWidth', 1.5};
  if numel(e) <= 30
    style = {'-o', 'LineWidth', 1.5};
  end
  panels = {{info.loss, info.val_loss, ['loss (' info.loss_name ')']}, ...
            {info.metric, info.val_metric, info.metric_name}};
  for k = 1:2
    subplot(1, 2, k);
    plot(e, panels{k}{1}, style{:}, 'Color', [0 0.35 0.8]);
    hold on
    if any(isfinite(panels{k}{2}))
      plot(e, panels{k}{2}, style{:}, 'Color', [0.85 0.2 0.1]);
      legend('training', 'validation');
    end
    xlabel('epoch');
    ylabel(panels{k}{3});
    grid on
    if k == 1
      title(title_text, 'FontSize', 9);
    else
      title(sprintf('%s after %d epochs: %.4g', panels{k}{3}, numel(e), panels{k}{1}(end)), 'FontSize', 9);
    end
  end
  nn_figure(f, file);
end
