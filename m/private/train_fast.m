function [ok, net, info] = train_fast(net, X, T, args)
% TRAIN_FAST  nn_train's fast lane: the common call trained with as little
%   Octave code as possible (nn_train's cost per call is what small
%   networks feel).  OK is true when it trained; false when the call is not
%   one it takes, or anything went wrong, and then nothing has changed
%   (the random state is as it was) and nn_train goes the full way, which
%   checks everything and words the errors.
%
%   It takes (nn_fit ('lane', ...) tells, see mex/fit_lane.c): a network
%   whose first layer is dense, X of the network's class, numeric T, and
%   only the options 'Loss', 'Optimizer'
%   (not the full-batch ones), 'LearningRate', 'BatchSize', 'Epochs'
%   (>= 1), 'Seed', 'Shuffle', 'L2', 'LowMemory', 'ObservationsIn',
%   'Engine' ('auto') and 'Verbose' (false), with values train_options takes
%   as they are.  It does exactly what the full
%   way does for such a call (train_chunks: the same orders, the same
%   nn_fit calls), so the results are the same bits; what it leaves out are
%   the checks, which nn_fit makes itself: a bad network, size, class or
%   target is an nn_fit error, caught here.  A non-finite X or T is caught
%   too: the first step on it makes the loss or the first layer's weights
%   NaN (0 * NaN is NaN), nn_fit reports a divergence, and the full way
%   (which also trains a diverging run again, to return its last finite
%   network) raises the error.
  ok = false;
  info = [];
  persistent defaults metrics       % the lane's options' defaults (nn_fit's order);
  if isempty(defaults)              % train_metrics' mode and name of each loss seen
    d = train_defaults();
    defaults = {d.Loss, d.Optimizer, d.LearningRate, d.BatchSize, d.Epochs, d.Seed, ...
                d.Shuffle, d.L2, d.LowMemory, d.ObservationsIn};
    metrics = struct();
  end
  try
    % the kind of call; the options read, the defaults where not given
    [take, v] = nn_fit('lane', net, X, T, args, defaults);
  catch
    take = false;                                  % (no nn_fit built)
  end
  if ~take
    return
  end
  [loss, optim, lr, B, E, seed, shuffle, l2, low, cols] = v{:};
  o = struct('Shuffle', logical(shuffle), 'Seed', seed);   % what train_orders reads
  state = [];
  if shuffle && isempty(seed)
    state = rand('twister');        % the orders draw from it: put back on a fallback
  end
  try
    % train_chunks for the fast lane: the same chunks of epochs, the same calls
    optargs = {};
    if ~isempty(lr)
      optargs = {'lr', lr};
    end
    if ~isa(T, net.class)
      if strcmp(net.class, 'single')
        T = single(T);
      else
        T = double(T);
      end
    end
    if isempty(loss)
      loss = default_loss(net, T);
    end
    N = size(T, 1);
    K = net.sizes(end);
    Bm = min(B, N);
    nb = ceil(N / Bm);
    cnt = (min((1:nb) * Bm, N) - ((1:nb) - 1) * Bm).';
    if ~isfield(metrics, loss)
      [mode, ~, mname] = train_metrics(loss, 1, 1);
      metrics.(loss) = {mode, mname};
    end
    [mode, mname] = metrics.(loss){:};
    per = N;                          % what train_metrics gives: N rows, or N*K
    if ~strcmp(mode, 'argmax')        % values compared
      per = N * K;
    end
    if strcmp(mode, 'none')
      M = train_metrics();
      Cmax = max(1, floor(2^15 / (N * (K + 1))));
      tm = M.targets(loss, T);
    else
      Cmax = max(1, floor(2^15 / N));
    end
    layout = 'copy';                  % (as nn_train chooses, see there)
    if cols
      layout = 'columns';
    elseif low || E < 2
      layout = 'rows';
    elseif numel(X) > 524288           % a working copy may be made: freed at the end
      release = onCleanup(@() nn_fit('release'));
    end
    L = net.layers;
    SW = cell(1, numel(L));
    Sb = SW;
    loss_e = NaN(1, E);               % (all set below; NaN also what val_* hold)
    met_e = loss_e;
    time_e = loss_e;
    epoch = 1;
    while epoch <= E
      t0 = tic();
      C = min(E - epoch + 1, Cmax);
      P = train_orders(o, N, epoch, C);
      [L, SW, Sb, bl, Y, stopped, hits] = nn_fit(X, T, P, Bm, L, SW, Sb, loss, {}, optim, ...
                                                 optargs, l2, mode, layout);
      if stopped(2) > 0
        error('nnlab:nn_train:diverged', 'diverged');  % the full way warns and replays
      end
      if strcmp(layout, 'copy')
        layout = 'copy-kept';
      end
      t = toc(t0) / C;
      e = epoch:epoch + C - 1;
      loss_e(e) = sum(bl .* cnt, 1) / N;
      if strcmp(mode, 'none')
        met_e(e) = M.epochs(loss, Y, tm, K, C);
      else
        met_e(e) = hits / per;
      end
      time_e(e) = t;
      epoch = epoch + C;
    end
    % train_record's bookkeeping: the first epoch of least loss
    best = 0;
    [m, k] = min(loss_e);
    if m < Inf
      best = k;
    end
    net.layers = L;
    nan_e = NaN(1, E);
    info = struct('loss', loss_e, 'metric', met_e, 'val_loss', nan_e, ...
                  'val_metric', nan_e, 'time', time_e, 'loss_name', loss, ...
                  'metric_name', mname, 'best_epoch', best, 'stop_reason', 'epochs', ...
                  'epochs', E);
    ok = true;
  catch
    ok = false;
  end
  if ~ok && ~isempty(state)
    rand('twister', state);
  end
end
