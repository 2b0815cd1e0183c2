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
% @code{'adamw'}, @code{'rmsprop'}, @code{'adagrad'}, @code{'rprop'} (per
% minibatch); or one of MATLAB's classical full-batch trainers (see below):
% @code{'lm'} (or @code{'trainlm'}), @code{'scg'} (or @code{'trainscg'}),
% @code{'trainrp'}.
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
% The rest trains where it is in @var{X} (no copy of it is made; the
% full-batch trainers and the ranking losses take a copy).
% @item 'Rows'
% a vector of observation indices: train on those rows of @var{X} and
% @var{T} only (columns with @code{'ObservationsIn', 'columns'}), where they
% are, as on @code{X(rows, :)} without the copy (what @code{nn_sweep} and
% @code{nn_crossval} pass for each fold); @code{'ValidationFraction'}
% splits them.  Default: all.
% @item 'Patience'
% stop when the validation loss (the training loss without validation
% data) has not improved for this many epochs, and return the best
% network seen (default Inf: never stop early).
% @item 'L2'
% @math{\lambda}: adds @math{\lambda/2 \sum w^2} over the weights (not the
% biases) to the loss of every minibatch (default 0).
% @item 'Verbose'
% print a line per epoch and a summary at the end (default true).  Each
% line holds the epoch, the loss and the metric (and with validation data
% @code{val_loss} and @code{val_}@var{metric}), every number with 4
% decimals (from 1e4 on in e-notation), then the epoch's time in ms; when
% the whole run takes 10 s or more, also the time left (@code{ETA m:ss},
% from the mean epoch so far).  The summary names the number of epochs,
% the total time, the best epoch with its loss (the validation loss with
% validation data) and why training stopped:
% @example
% epoch   3/10  loss  0.4721  accuracy  0.8125      0.412 ms
% @dots{}
% done: 10 epochs in 4.1 ms; best epoch 10 (loss 0.2345); stopped because all 10 epochs ran
% @end example
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
% one call of the compiled engine @code{nn_fit} when it can (dense,
% activation, conv2d, pooling and flatten layers, dropout with p = 0; not
% batchnorm or dropout with p > 0, a ranking loss or loss @code{'weights'})
% and step by step in Octave otherwise; @code{'m'} always steps in Octave, @code{'c'} always uses
% @code{nn_fit} (an error where it cannot).  Both make the same kernel calls
% in the same order, so they give bit-identical results (same thread
% count).
% @item 'LowMemory'
% how the compiled engine reads @var{X} given as rows.  @code{false}
% (default): for two epochs or more it transposes @var{X} once into a
% working copy with one observation a column (when @var{X} is over 4 MB
% and the copy fits in a quarter of the machine's memory) and gathers each
% minibatch from it; the copy is freed when training ends.  @code{true},
% and any one-epoch call: no copy; the engine gathers each run of
% minibatches from @var{X} itself into a buffer of an eighth of @var{X},
% reading @var{X} eight times an epoch.  The results are the same bits
% either way.  On Fashion-MNIST (60000 x 784, the 784-256-128-10 network)
% the copy saves about 0.07 s (single) to 0.1 s (double) of every epoch
% after it is made, and making it costs about one epoch's saving (more
% the first time a process touches that much memory), at the price of a
% second @var{X} in memory: the peak resident size of the whole Octave
% process was 2.3x (single) and 2.2x (double) the data and parameters
% with the copy, 1.46x and 1.30x without (bench/RESULTS.md).  A network
% on images given as N x (H*W*C) rows trains from their transpose, one
% image a column (a copy of @var{X}), unless @code{'LowMemory', true}: then
% step by step, each batch from the rows.  Given as an H x W x C x N
% array, images train in place.
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
% @item 'Goal', 'MinGrad', 'MaxFail', 'Mu', 'MuDec', 'MuInc', 'MuMax', 'Sigma', 'Lambda'
% options of the full-batch trainers only (an error with the others).
% @end table
%
% @strong{Small networks.}  A call with only the options @code{'Loss'},
% @code{'Optimizer'}, @code{'LearningRate'}, @code{'BatchSize'},
% @code{'Epochs'}, @code{'Seed'}, @code{'Shuffle'}, @code{'L2'},
% @code{'LowMemory'} and @code{'Verbose', false}, on a network that starts
% with a dense layer and @var{X} of its class, takes a fast lane: about
% 0.3 ms of Octave code around the compiled engine instead of 3 ms, which
% is what a small network (or a loop of many short trainings) feels.  It
% gives the same bits; any other call, and any call the engine rejects,
% takes the full way, which checks everything and words the errors.
%
% @strong{Full-batch classical trainers.}  Each epoch is one iteration on
% the whole of (@var{X}, @var{T}); @code{'BatchSize'} is then an error
% (@code{nnlab:nn_train:optionValue}), @code{'Shuffle'} and @code{'Engine'}
% have no effect, and so are @code{'Checkpoint'} and @code{'Resume'} an
% error (the runs are short: rerun with the same @code{'Seed'}, which also
% fixes a dropout mask for the whole run).  @code{info.loss(e)} is the loss
% of the network at the end of epoch e.
% @table @code
% @item 'lm'
% Levenberg-Marquardt, as @code{trainlm}, for @code{'Loss', 'mse'} (with
% @code{'L2'} allowed, no @code{'LossOptions'}) on a dense network: dense
% layers, each followed by at most one activation of default options (what
% @code{nn_mlp} builds; another layer is the error
% @code{nnlab:nn_train:optimizer}).  With theta in @code{nn_unroll}'s order
% and e = Y(:) - T(:), every epoch solves (J'J + mu I) dx = J'e (J, the
% Jacobian of @code{nn_jacobian}, computed in C; Cholesky, else QR) and
% tries theta - dx: a lower loss takes it and multiplies mu by
% @code{'MuDec'} (default 0.1), else mu grows by @code{'MuInc'} (10) and
% the solve is repeated; training stops when mu passes @code{'MuMax'}
% (1e10).  @code{'Mu'} is the first mu (1e-3).  Memory: P x P for P
% parameters (the whole J is never held).
% @item 'scg'
% Moller's scaled conjugate gradient, as @code{trainscg}, for any loss and
% any network: @code{'Sigma'} (5e-5) sets the step of the finite
% difference of gradients, @code{'Lambda'} (5e-7) the first
% regularisation.  Two gradients per epoch.
% @item 'trainrp'
% @code{nn_step}'s @code{'rprop'} on the full-batch gradient.  Its defaults
% are PyTorch's (as @code{nn_step}): @code{'LearningRate'} (the first step)
% 0.01, @code{'Etas'} [0.5 1.2], @code{'StepSizes'} [1e-6 50]; trainrp's
% delta0 is 0.07.
% @end table
% Stop rules of all three: @code{'Goal'} (default 0: stop when the loss is at
% most Goal; with Goal 0, only at a loss of exactly 0), @code{'MinGrad'}
% (1e-7: the 2-norm of the loss's gradient), @code{'MaxFail'} (default: as
% @code{'Patience'}; with validation data, the epochs without a better
% validation loss, after which the best network is returned).
%
% From MATLAB's @code{net.trainParam} (@code{trainlm}, @code{trainscg},
% @code{trainrp}) to nnlab's options:
% @multitable @columnfractions .32 .38 .30
% @headitem trainParam @tab nn_train option @tab notes
% @item @code{trainFcn} @qcode{'trainlm'} @tab @qcode{'Optimizer', 'lm'} @tab also @qcode{'trainlm'}
% @item @code{mu}, @code{mu_dec}, @code{mu_inc}, @code{mu_max} @tab @qcode{'Mu'}, @qcode{'MuDec'}, @qcode{'MuInc'}, @qcode{'MuMax'} @tab same defaults
% @item @code{epochs} @tab @qcode{'Epochs'} @tab MATLAB's default 1000, here 10
% @item @code{goal} @tab @qcode{'Goal'} @tab on the loss (MSE)
% @item @code{min_grad} @tab @qcode{'MinGrad'} @tab 2-norm of the gradient
% @item @code{max_fail} @tab @qcode{'MaxFail'} @tab MATLAB's default 6, here none
% @item @code{net.divideParam} @tab @qcode{'ValidationFraction'} @tab or @qcode{'ValidationData'}
% @item @code{trainFcn} @qcode{'trainscg'} @tab @qcode{'Optimizer', 'scg'} @tab also @qcode{'trainscg'}
% @item @code{sigma}, @code{lambda} @tab @qcode{'Sigma'}, @qcode{'Lambda'} @tab same defaults
% @item @code{trainFcn} @qcode{'trainrp'} @tab @qcode{'Optimizer', 'trainrp'} @tab
% @item @code{delta0} @tab @qcode{'LearningRate'} @tab 0.07 there, 0.01 here
% @item @code{delt_dec}, @code{delt_inc} @tab @qcode{'Etas', [delt_dec delt_inc]} @tab same defaults
% @item @code{deltamax} @tab @qcode{'StepSizes', [1e-6 deltamax]} @tab same default 50
% @item @code{net.performParam.regularization} @tab @qcode{'L2'} @tab not the same: L2/2 sum w^2 is added to the loss
% @end multitable
%
% @var{info} is a struct with these fields (the first five hold one value
% per epoch run, in order):
% @table @code
% @item loss
% the mean training loss of the epoch, over its minibatches (with
% @code{'L2'}: including the penalty), as the network was during the epoch.
% @item metric
% the training metric of the epoch, on the outputs of its minibatches:
% the fraction classified right (or of pairs ordered right) for
% @code{metric_name} @code{'accuracy'}, the mean absolute error for
% @code{'mae'}.
% @item val_loss
% the loss on the validation data after the epoch (NaN without validation
% data).
% @item val_metric
% the metric on the validation data after the epoch (NaN without).
% @item time
% the seconds the epoch took to train (validation and checkpoint not
% counted; epochs run together by the compiled engine share their time
% evenly).
% @item loss_name
% the loss trained, as given or picked (see @code{'Loss'}).
% @item metric_name
% @code{'accuracy'} for classification and ranking losses, @code{'mae'}
% for regression losses.
% @item best_epoch
% the epoch with the least validation loss (the least training loss
% without validation data), the first of equals; 0 when no epoch finished.
% @item stop_reason
% @code{'epochs'} (all epochs ran), @code{'patience'} (early stopping: the
% network returned is that of @code{best_epoch}) or @code{'diverged'}; for
% the full-batch trainers also @code{'goal'}, @code{'mingrad'} and (lm)
% @code{'mumax'}.
% @item epochs
% the number of epochs run (the length of @code{loss}), counting those of
% the run a @code{'Resume'} continues.
% @end table
%
% @var{X} and @var{T} must be full numeric matrices of finite numbers: a
% sparse one is an error (@code{nnlab:nn_train:sparse}; use @code{full}),
% and so is a NaN or Inf (@code{nnlab:nn_train:nonfinite}, naming its row
% and column, before any training); the same holds for
% @code{'ValidationData'}.  Targets that do not fit the network's output
% are an error (@code{nnlab:nn_train:size}, or @code{nnlab:nn_train:domain}
% for class labels outside 1..K) that names the loss, why it was picked,
% the sizes of the output and of @var{T}, and the likely fix: labels 1..K
% with @code{'Loss', 'ce'}, @var{T} + 1 for 0-based labels (Octave counts
% classes from 1), or an output layer of as many units as classes.
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
% @seealso{nn_mlp, nn_loss, nn_step, nn_jacobian, nn_minimize, nn_evaluate, nn_predict}
% @end deftypefn
function [net, info] = nn_train(net, X, T, varargin)
  if nargin < 3
    error('nnlab:nn_train:nargin', 'nn_train: usage [net, info] = nn_train(net, X, T, name, value, ...)');
  end
  % the common call, trained with little Octave code around the engine
  % (the same bits as the full way below, which takes every other call)
  [fast, fnet, finfo] = train_fast(net, X, T, varargin);
  if fast
    net = fnet;
    info = finfo;
    return
  end
  check_net('nn_train', net);
  o = train_options(varargin);
  ck = [];
  if ~isempty(o.Resume)
    ck = train_checkpoint('read', o.Resume);
  end
  [X, T, Xv, Tv, vperm, o.cols, o.rows] = train_data(net, X, T, o, ck);
  [N, Tt] = train_part(o, T);   % the observations that train, and their targets
  why = '';
  if isempty(o.Loss)
    [o.Loss, why] = default_loss(net, Tt);
  end
  % targets that do not fit the output: what was picked and the likely fix
  check_targets('nn_train', net, Tt, o.Loss, why, false);
  clear Tt
  if ~isempty(Tv)
    check_targets('nn_train', net, Tv, o.Loss, why, false, 'Tv');
  end

  % the engine: one call of the compiled nn_fit per epoch (or per chunk of
  % epochs), on the data as it is (nn_fit gathers each chunk of minibatches
  % from X's columns; no copy of the whole data), where it can train the
  % network; else step by step in Octave
  D = [];
  if ~strcmp(o.Engine, 'm') && ~o.classic
    [D, why] = train_engine(net, o);
    if strcmp(o.Engine, 'c') && isempty(D)
      error('nnlab:nn_train:optionValue', ['nn_train: ''Engine'', ''c'' cannot train this ' ...
            'network: the compiled engine takes no %s'], why);
    end
    % ('auto' without a built nn_fit, e.g. an old build folder: step by step)
    if strcmp(o.Engine, 'auto') && exist('nn_fit') ~= 3
      D = [];
    end
  end
  % rows: the engine trains from a working copy with one observation a
  % column (when X is large and fits, see 'LowMemory'), made once for all
  % epochs; for one epoch it gathers chunks (as cheap as making the copy)
  layout = 'copy';
  if o.LowMemory || o.Epochs < 2
    layout = 'rows';
  end
  o.imgcols = false;
  if ~isempty(D) && isfield(net, 'image') && ~o.cols
    % images as N x (H*W*C) rows: the engine takes one image a column, so
    % it trains from their transpose (a copy), unless 'LowMemory'
    if o.LowMemory
      D = [];
    else
      X = X.';
      o.cols = true;
    end
  end
  if ~isempty(D) && o.cols
    layout = 'columns';
  elseif o.cols && isfield(net, 'image') && ~o.classic
    o.imgcols = true;       % images step by step: each batch from X's columns
    layout = 'columns';
  elseif o.cols
    X = X.';                % the step-by-step path takes rows
  end

  % a first call of the loss on one row: a clear error before any training
  try
    if o.pairs
      Y1 = predict_pairs(net, X(1, :), 'nn_train');
    elseif strcmp(layout, 'columns')
      Y1 = net_forward(net, X(:, 1).', false, []);
    else
      Y1 = net_forward(net, X(1, :), false, []);
    end
    nn_loss(Y1, T(1, :), o.Loss, o.LossOptions{:});
  catch err
    rethrow_as('nn_train', err);
  end

  M = train_metrics();
  info = struct('loss', zeros(1, 0), 'metric', zeros(1, 0), 'val_loss', zeros(1, 0), ...
                'val_metric', zeros(1, 0), 'time', zeros(1, 0), 'loss_name', o.Loss, ...
                'metric_name', M.name(o.Loss), 'best_epoch', 0, 'stop_reason', 'epochs');
  book = struct('best', Inf, 'bestnet', net, 'wait', 0, 'E', o.Epochs, 'hasval', ~isempty(Xv), ...
                'Xv', Xv, 'Tv', Tv, 'vperm', vperm, 'fingerprint', ...
                struct('sizes', net.sizes, 'class', net.class, 'N', N, 'batch', min(o.BatchSize, N), ...
                       'loss', o.Loss, 'optimizer', o.Optimizer, 'seed', o.Seed));
  S = struct('W', {cell(1, numel(net.layers))}, 'b', {cell(1, numel(net.layers))});
  if o.classic
    [net, info] = train_classic(net, X, T, o, info, book);
    return
  end
  first = 1;
  if ~isempty(ck)
    [net, S, info, book, first] = resume(ck, o, book);
    if ~isempty(D)
      D = train_engine(net, o);
    end
  end
  if o.Verbose
    fprintf('training %s on %d observations: loss %s, optimizer %s, %d epochs of %d steps\n', ...
            net.summary, N, o.Loss, o.Optimizer, o.Epochs, ceil(N / min(o.BatchSize, N)));
  end
  if ~isempty(D) && ~book.hasval && isinf(o.Patience) && isempty(o.Checkpoint)
    % nothing to do between epochs but bookkeeping: many epochs per call
    [net, info] = train_chunks(net, D, X, T, o, first, info, book, S, layout);
  else
    [net, info] = train_epochs(net, D, X, T, o, first, info, book, S, layout);
  end
end

function [net, S, info, book, first] = resume(ck, o, book)
% The state of the run in the checkpoint CK (of o.Resume), which must be
% this run's.
  if ~isequal(ck.fingerprint, book.fingerprint)
    error('nnlab:nn_train:resume', ['nn_train: the checkpoint %s belongs to another run ', ...
          '(network, data size, batch size, loss, optimizer or seed differ)'], o.Resume);
  end
  net = ck.net;
  S = struct('W', {ck.SW}, 'b', {ck.Sb});
  info = ck.info;
  book.best = ck.best;
  book.bestnet = ck.bestnet;
  book.wait = ck.wait;
  first = ck.epoch + 1;
  rand('twister', ck.rand_state);
  randn('twister', ck.randn_state);
  if ck.done
    first = o.Epochs + 1;
  end
  if o.Verbose
    fprintf('resuming from %s after epoch %d\n', o.Resume, ck.epoch);
  end
end

%!shared X, T
%! X = [0 0; 0 1; 1 0; 1 1]; T = [0; 1; 1; 0];
%!test
%! % both engines and both loops (per epoch, in chunks) record the same history
%! net = nn_mlp([2 3 1], 'Hidden', 'tanh', 'Seed', 2);
%! args = {'Optimizer', 'sgd', 'LearningRate', 0.5, 'BatchSize', 2, 'Epochs', 5, 'Seed', 3, 'Verbose', false};
%! [a, ia] = nn_train(net, X, T, args{:}, 'Engine', 'm');
%! [b, ib] = nn_train(net, X, T, args{:}, 'Engine', 'c');
%! [p, ip] = nn_train(net, X, T, args{:}, 'Engine', 'c', 'Patience', 100);
%! assert(isequal(a, b)); assert(isequal(a, p));
%! assert(isequal(ia.loss, ib.loss)); assert(isequal(ia.loss, ip.loss));
%! assert(ia.best_epoch, ib.best_epoch); assert(ib.best_epoch, ip.best_epoch);
%!test
%! % 'L2' adds L2/2 sum(W.^2) to the loss; the penalty is nn_cost's 'L2'
%! net = nn_mlp([2 1], 'Seed', 1);
%! [~, info] = nn_train(net, X, T, 'Loss', 'mse', 'Optimizer', 'sgd', 'LearningRate', 0, ...
%!                      'BatchSize', 4, 'Epochs', 1, 'L2', 0.3, 'Verbose', false);
%! assert(info.loss, nn_cost(nn_unroll(net), net, X, T, 'Loss', 'mse', 'L2', 0.3), 1e-12);
%!error id=nnlab:nn_train:nargin nn_train(nn_mlp([2 1]), X)
%!error id=nnlab:nn_train:optionValue nn_train(nn_mlp([2 1]), X, T, 'Epochs', -1, 'Verbose', false)
%!error id=nnlab:nn_train:name nn_train(nn_mlp([2 1]), X, T, 'Optimizer', 'nosuch', 'Verbose', false)
