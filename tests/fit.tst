## Tests of nn_fit, the compiled epoch of nn_train: its results equal, bit for
## bit, those of nn_train's step-by-step path ('Engine', 'm' against 'c').

%!function same_on_both(net, X, T, varargin)
%!  state = rand('twister');          % unseeded runs shuffle from the global stream
%!  [a, ia] = nn_train(net, X, T, varargin{:}, 'Verbose', false, 'Engine', 'm');
%!  rand('twister', state);
%!  [b, ib] = nn_train(net, X, T, varargin{:}, 'Verbose', false, 'Engine', 'c');
%!  assert(isequal(a, b), 'the networks differ');
%!  assert(isequal(ia.loss, ib.loss), 'info.loss differs');
%!  assert(isequaln(ia.metric, ib.metric) && isequaln(ia.val_loss, ib.val_loss) && ...
%!         isequaln(ia.val_metric, ib.val_metric), 'the metrics differ');
%!  assert(ia.best_epoch, ib.best_epoch);
%!  assert(ia.stop_reason, ib.stop_reason);
%!  assert(all(isfinite(ia.loss)));
%!endfunction

%!shared X, T, Tc, K
%! rand('twister', 11); randn('twister', 11);
%! X = randn(37, 4);                    % 37 rows: batches of 8 leave 5
%! T = [sum(X(:, 1:2), 2) > 0, X(:, 3) > 0.3];
%! K = 3;
%! Tc = 1 + mod(floor(3 * abs(X(:, 1))), K);

## ---- hidden activations and classes, batches that do not divide N ----------
%!test
%! for cls = {'double', 'single'}
%!   for h = {'sigmoid', 'tanh', 'relu'}
%!     net = nn_mlp([4 6 5 2], 'Hidden', h{1}, 'Output', 'sigmoid', 'Seed', 3, 'Class', cls{1});
%!     same_on_both(net, X, T, 'Optimizer', 'sgd', 'LearningRate', 0.5, 'Momentum', 0.9, ...
%!                  'BatchSize', 8, 'Epochs', 4, 'Seed', 5);
%!   end
%! end
%!test
%! % other activations with options; a batch larger than N; no shuffling
%! for cls = {'double', 'single'}
%!   net = nn_sequential(4, nn_layer('dense', 5), nn_layer('leaky_relu', 'alpha', 0.2), ...
%!                           nn_layer('dense', 4), nn_layer('elu'), nn_layer('dense', 2), 'Seed', 1, 'Class', cls{1});
%!   same_on_both(net, X, X(:, 1:2), 'Optimizer', 'adam', 'BatchSize', 100, 'Epochs', 3, 'Shuffle', false);
%!   net = nn_sequential(4, nn_layer('dense', 5), nn_layer('softplus', 'beta', 2), nn_layer('dense', 3), ...
%!                           nn_layer('gelu'), nn_layer('dense', 1), nn_layer('silu'), 'Seed', 2, 'Class', cls{1});
%!   same_on_both(net, X, X(:, 4), 'Optimizer', 'sgd', 'LearningRate', 0.05, 'BatchSize', 1, 'Epochs', 2, 'Seed', 3);
%! end

## ---- losses -----------------------------------------------------------------
%!test
%! for cls = {'double', 'single'}
%!   net = nn_mlp([4 6 2], 'Hidden', 'tanh', 'Seed', 4, 'Class', cls{1});
%!   o = {'Optimizer', 'sgd', 'LearningRate', 0.1, 'BatchSize', 8, 'Epochs', 3, 'Seed', 2};
%!   same_on_both(net, X, X(:, 1:2), 'Loss', 'mse', o{:});
%!   same_on_both(net, X, X(:, 1:2), 'Loss', 'mae', o{:});
%!   same_on_both(net, X, X(:, 1:2), 'Loss', 'huber', 'LossOptions', {'delta', 0.5}, o{:});
%!   same_on_both(net, X, X(:, 1:2), 'Loss', 'mse', 'LossOptions', {'reduction', 'sum'}, o{:});
%!   same_on_both(net, X, T, 'Loss', 'bce_logits', o{:});
%!   same_on_both(net, X, T, 'Loss', 'bce_logits', 'LossOptions', {'pos_weight', [2 0.5]}, o{:});
%!   same_on_both(net, X, 2 * T - 1, 'Loss', 'hinge', o{:});
%!   net = nn_mlp([4 6 2], 'Hidden', 'relu', 'Output', 'sigmoid', 'Seed', 4, 'Class', cls{1});
%!   same_on_both(net, X, T, 'Loss', 'bce', o{:});
%!   net = nn_mlp([4 6 K], 'Hidden', 'relu', 'Seed', 4, 'Class', cls{1});
%!   same_on_both(net, X, Tc, 'Loss', 'ce', o{:});
%!   same_on_both(net, X, nn_onehot(Tc, K), 'Loss', 'ce', o{:});
%!   same_on_both(net, X, Tc, 'Loss', 'ce', 'LossOptions', {'label_smoothing', 0.1}, o{:});
%!   net = nn_mlp([4 6 K], 'Hidden', 'relu', 'Output', 'log_softmax', 'Seed', 4, 'Class', cls{1});
%!   same_on_both(net, X, Tc, 'Loss', 'nll', o{:});
%!   net = nn_mlp([4 6 K], 'Hidden', 'sigmoid', 'Output', 'softmax', 'Seed', 4, 'Class', cls{1});
%!   same_on_both(net, X, nn_onehot(Tc, K), 'Loss', 'mse', o{:});
%! end

## ---- optimizers, L2 -----------------------------------------------------------
%!test
%! opts = {{'Optimizer', 'sgd', 'LearningRate', 0.1}, ...
%!         {'Optimizer', 'sgd', 'LearningRate', 0.1, 'Momentum', 0.9, 'Nesterov', true}, ...
%!         {'Optimizer', 'sgd', 'LearningRate', 0.1, 'Momentum', 0.5, 'Dampening', 0.3, 'WeightDecay', 0.01}, ...
%!         {'Optimizer', 'adam'}, {'Optimizer', 'adam', 'AmsGrad', true, 'WeightDecay', 0.01}, ...
%!         {'Optimizer', 'adamw', 'LearningRate', 0.01, 'Betas', [0.8 0.99]}, ...
%!         {'Optimizer', 'rmsprop'}, {'Optimizer', 'rmsprop', 'Centered', true, 'Momentum', 0.9}, ...
%!         {'Optimizer', 'adagrad', 'LrDecay', 0.01}, {'Optimizer', 'rprop'}};
%! for cls = {'double', 'single'}
%!   net = nn_mlp([4 5 3 2], 'Hidden', 'tanh', 'Output', 'sigmoid', 'Seed', 6, 'Class', cls{1});
%!   for k = 1:numel(opts)
%!     same_on_both(net, X, T, opts{k}{:}, 'BatchSize', 8, 'Epochs', 3, 'Seed', 1);
%!     same_on_both(net, X, T, opts{k}{:}, 'BatchSize', 10, 'Epochs', 2, 'Seed', 2, 'L2', 0.05);
%!   end
%! end

## ---- validation data, patience, checkpoints across the two paths -------------
%!test
%! net = nn_mlp([4 8 2], 'Hidden', 'relu', 'Output', 'sigmoid', 'Seed', 7);
%! same_on_both(net, X(1:30, :), T(1:30, :), 'ValidationData', {X(31:end, :), T(31:end, :)}, ...
%!              'Optimizer', 'sgd', 'LearningRate', 2, 'BatchSize', 4, 'Epochs', 30, 'Patience', 2, 'Seed', 3);
%! same_on_both(net, X, T, 'ValidationFraction', 0.3, 'Optimizer', 'adam', 'LearningRate', 0.05, ...
%!              'BatchSize', 5, 'Epochs', 15, 'Patience', 3, 'Seed', 4);
%! same_on_both(nn_mlp([4 8 2], 'Seed', 7, 'Class', 'single'), X, T, 'Epochs', 3, 'ValidationFraction', 0.2, 'Seed', 1);
%!test
%! % the optimizer states are nn_step's: a run checkpointed on one path and
%! % resumed on the other equals a run on either path alone
%! net = nn_mlp([4 5 2], 'Hidden', 'tanh', 'Output', 'sigmoid', 'Seed', 8);
%! f = [tempname() '.mat'];
%! o = {'Optimizer', 'adam', 'BatchSize', 8, 'Seed', 5, 'Verbose', false};
%! unwind_protect
%!   nn_train(net, X, T, o{:}, 'Epochs', 2, 'Checkpoint', f, 'Engine', 'm');
%!   [a, ia] = nn_train(net, X, T, o{:}, 'Epochs', 4, 'Resume', f, 'Engine', 'c');
%!   nn_train(net, X, T, o{:}, 'Epochs', 2, 'Checkpoint', f, 'Engine', 'c');
%!   [b, ib] = nn_train(net, X, T, o{:}, 'Epochs', 4, 'Resume', f, 'Engine', 'm');
%! unwind_protect_cleanup
%!   if exist(f, 'file'), delete(f); end
%! end_unwind_protect
%! [c, ic] = nn_train(net, X, T, o{:}, 'Epochs', 4, 'Engine', 'm');
%! assert(isequal(a, c) && isequal(b, c));
%! assert(isequal(ia.loss, ic.loss) && isequal(ib.loss, ic.loss));

## ---- divergence: the same warning and the same last finite network ----------
%!test
%! for cls = {'double', 'single'}
%!   net = nn_mlp([4 6 2], 'Hidden', 'relu', 'Seed', 2, 'Class', cls{1});
%!   r = cell(2, 3);
%!   e = {'m', 'c'};
%!   for k = 1:2
%!     lastwarn('');
%!     evalc(['[r{k, 1}, r{k, 2}] = nn_train(net, X, 1e3 * X(:, 1:2), ''Optimizer'', ''sgd'', ' ...
%!            '''LearningRate'', 1e6, ''BatchSize'', 8, ''Epochs'', 5, ''Seed'', 1, ' ...
%!            '''Verbose'', false, ''Engine'', e{k});']);
%!     [r{k, 3}, id] = lastwarn();
%!     assert(id, 'nnlab:nn_train:diverged');
%!     r{k, 2} = rmfield(r{k, 2}, 'time');
%!   end
%!   assert(isequaln(r(1, :), r(2, :)));
%!   assert(r{1, 2}.stop_reason, 'diverged');
%!   assert(~isempty(regexp(r{1, 3}, 'epoch \d+, step \d+', 'once')));
%!   W = r{1, 1}.layers(1).W;
%!   assert(all(isfinite(W(:))));
%! end
%!test
%! % divergence in a later epoch, with momentum (the state of before the step)
%! net = nn_mlp([4 6 2], 'Hidden', 'tanh', 'Seed', 2);
%! run = ['[a, ia] = nn_train(net, X, X(:, 1:2), ''Optimizer'', ''sgd'', ''LearningRate'', 2.5, ' ...
%!        '''Momentum'', 0.9, ''BatchSize'', 8, ''Epochs'', 50, ''Seed'', 1, ''Verbose'', false, ''Engine'', e);'];
%! lastwarn(''); e = 'm'; evalc(run); [wm, idm] = lastwarn(); am = a; iam = ia;
%! lastwarn(''); e = 'c'; evalc(run); [wc, idc] = lastwarn();
%! assert(isequal(am, a) && isequaln(rmfield(iam, 'time'), rmfield(ia, 'time')) && isequal(wm, wc) && isequal(idm, idc));
%! assert(idm, 'nnlab:nn_train:diverged'); assert(ia.epochs > 1);

## ---- many epochs per call (small data) -------------------------------------------
%!test
%! % XOR, full batch: hundreds of epochs in one call, shuffled from the
%! % global stream or from a seed, or not shuffled
%! [Xx, Tx] = nn_logic_data('xor');
%! for cls = {'double', 'single'}
%!   net = nn_mlp([2 8 1], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 1, 'Class', cls{1});
%!   o = {'Loss', 'bce', 'Optimizer', 'sgd', 'LearningRate', 1, 'BatchSize', 4, 'Epochs', 400};
%!   rand('twister', 3); same_on_both(net, Xx, Tx, o{:});
%!   rand('twister', 4); same_on_both(net, Xx, Tx, o{:}, 'BatchSize', 3, 'Epochs', 100, 'Seed', 2);
%!   same_on_both(net, Xx, Tx, o{:}, 'Shuffle', false);
%! end
%! % the global stream advances as on the step-by-step path
%! rand('twister', 5); nn_train(net, Xx, Tx, o{:}, 'Verbose', false, 'Engine', 'm'); a = rand();
%! rand('twister', 5); nn_train(net, Xx, Tx, o{:}, 'Verbose', false, 'Engine', 'c'); b = rand();
%! assert(a, b);
%!test
%! % the same lines are printed
%! net = nn_mlp([4 3 1], 'Seed', 1);
%! a = evalc('nn_train(net, X, X(:, 1), ''Epochs'', 5, ''BatchSize'', 8, ''Seed'', 1, ''Engine'', ''m'');');
%! b = evalc('nn_train(net, X, X(:, 1), ''Epochs'', 5, ''BatchSize'', 8, ''Seed'', 1, ''Engine'', ''c'');');
%! strip = @(s) regexprep(s, ' *\d+\.\d+ m?s\>', ' t');     % the times (ms per epoch, total)
%! assert(strip(a), strip(b));
%!test
%! % a resumed run continues the chunks
%! net = nn_mlp([4 5 2], 'Hidden', 'tanh', 'Output', 'sigmoid', 'Seed', 8);
%! f = [tempname() '.mat'];
%! o = {'Optimizer', 'adam', 'BatchSize', 8, 'Verbose', false};
%! unwind_protect
%!   rand('twister', 9);
%!   nn_train(net, X, T, o{:}, 'Epochs', 3, 'Checkpoint', f);
%!   [a, ia] = nn_train(net, X, T, o{:}, 'Epochs', 40, 'Resume', f, 'Engine', 'c');
%! unwind_protect_cleanup
%!   if exist(f, 'file'), delete(f); end
%! end_unwind_protect
%! rand('twister', 9);
%! [b, ib] = nn_train(net, X, T, o{:}, 'Epochs', 40, 'Engine', 'm');
%! assert(isequal(a, b) && isequal(ia.loss, ib.loss) && isequal(ia.metric, ib.metric) && ia.best_epoch == ib.best_epoch);

## ---- what the fast path leaves to the step-by-step path -----------------------
%!test
%! % dropout (p > 0) and per-observation loss weights train step by step
%! net = nn_sequential(4, nn_layer('dense', 6), 'relu', nn_layer('dropout', 0.2), ...
%!                    nn_layer('dense', 2), 'sigmoid', 'Seed', 2);
%! a = nn_train(net, X, T, 'Epochs', 2, 'Seed', 1, 'Verbose', false);
%! b = nn_train(net, X, T, 'Epochs', 2, 'Seed', 1, 'Verbose', false, 'Engine', 'm');
%! assert(isequal(a, b));
%!test
%! % a dropout layer with p = 0 is the identity on both paths
%! net = nn_sequential(4, nn_layer('dense', 5), nn_layer('relu'), nn_layer('dropout', 0), ...
%!                         nn_layer('dense', 2), nn_layer('sigmoid'), 'Seed', 3);
%! same_on_both(net, X, T, 'Epochs', 3, 'BatchSize', 8, 'Seed', 2);
%!error id=nnlab:nn_train:optionValue nn_train(nn_sequential(4, nn_layer('dropout', 0.5), nn_layer('dense', 2)), randn(5, 4), rand(5, 2), 'Engine', 'c', 'Verbose', false)
%!error id=nnlab:nn_train:optionValue nn_train(nn_mlp([4 2]), randn(5, 4), rand(5, 2), 'Engine', 'x', 'Verbose', false)
%!error id=nnlab:nn_train:optionValue nn_train(nn_mlp([4 2]), randn(5, 4), rand(5, 2), 'Engine', 1, 'Verbose', false)
%!test
%! % a target outside the loss's domain, found in a later batch: the same error on both paths
%! Tb = Tc; Tb(30) = K + 1;
%! for e = {'m', 'c'}
%!   try
%!     nn_train(nn_mlp([4 K]), X, Tb, 'Loss', 'ce', 'BatchSize', 8, 'Shuffle', false, 'Verbose', false, 'Engine', e{1});
%!     id = '';
%!   catch err
%!     id = err.identifier;
%!   end
%!   assert(id, 'nnlab:nn_train:domain');
%! end

## ---- nn_fit's argument checks ---------------------------------------------------
%!shared Xr, Tt, P, L, S
%! Xr = [0 0 1 1; 0 1 0 1].';  Tt = [0; 1; 1; 0];  P = [3 0 2 1];
%! L = nn_mlp([2 3 1], 'Hidden', 'tanh', 'Seed', 1).layers;
%! S = cell(1, 3);
%!test
%! [L1, SW, Sb, losses, Y, stopped] = nn_fit(Xr, Tt, P, 2, L, S, S, 'mse', {}, 'sgd', {'lr', 0.1}, 0);
%! assert(size(losses), [2 1]); assert(size(Y), [4 1]); assert(stopped, [0 0]);
%! assert(SW{1}.method, 'sgd'); assert(SW{1}.step, 2); assert(isempty(SW{2}));
%! % the states continue: a second epoch from them equals two epochs of steps
%! [L2, SW2] = nn_fit(Xr, Tt, P, 2, L1, SW, Sb, 'mse', {}, 'sgd', {'lr', 0.1}, 0);
%! assert(SW2{1}.step, 4);
%! % two epochs in one call: the same
%! [L3, SW3, Sb3, losses3, Y3, stopped3] = nn_fit(Xr, Tt, [P' P'], 2, L, S, S, 'mse', {}, 'sgd', {'lr', 0.1}, 0);
%! assert(isequal(L3, L2) && isequal(SW3, SW2)); assert(size(losses3), [2 2]); assert(size(Y3), [4 2]);
%! assert(isequal(losses3(:, 1), losses)); assert(isequal(Y3(:, 1), Y)); assert(stopped3, [0 0]);
%! % the inputs are not modified
%! assert(isequal(L, nn_mlp([2 3 1], 'Hidden', 'tanh', 'Seed', 1).layers));
%!test
%! % empty data: no step, states unchanged
%! [L1, SW, Sb, losses, Y, stopped] = nn_fit(zeros(0, 2), zeros(0, 1), zeros(1, 0), 2, L, S, S, 'mse', {}, 'adam', {}, 0);
%! assert(isequal(L1, L)); assert(isempty(losses)); assert(size(Y), [0 1]); assert(isempty(SW{1}));
%!error id=nnlab:nn_fit:nargin nn_fit(Xr, Tt, P, 2, L, S, S, 'mse', {}, 'sgd', {})
%!error id=nnlab:nn_fit:nargin nn_fit(Xr, Tt, P, 2, L, S, S, 'mse', {}, 'sgd', {}, 0, 'argmax', 'rows', [], 1)
%!error id=nnlab:nn_fit:name nn_fit(Xr, Tt, P, 2, L, S, S, 'mse', {}, 'sgd', {}, 0, 'accuracy')
%!error id=nnlab:nn_fit:name nn_fit(Xr, Tt, P, 2, L, S, S, 'mse', {}, 'sgd', {}, 0, 3)
%!error id=nnlab:nn_fit:name nn_fit(Xr, Tt, P, 2, L, S, S, 'mse', {}, 'sgd', {}, 0, 'none', 'cols')
%!error id=nnlab:nn_fit:size nn_fit(Xr, Tt, P, 2, L, S, S, 'mse', {}, 'sgd', {}, 0, 'none', 'columns')
%!test
%! % LAYOUT 'columns': X given one observation a column, the same bits
%! X = randn(45, 3);  Tc = randi(4, 45, 1);  net4 = nn_mlp([3 6 4], 'Seed', 3);
%! Pm = [randperm(45)' randperm(45)'] - 1;  S3 = cell(1, 3);
%! [L1, W1, B1, b1, Y1] = nn_fit(X, Tc, Pm, 8, net4.layers, S3, S3, 'ce', {}, 'adam', {}, 0.01);
%! [L2, W2, B2, b2, Y2] = nn_fit(X.', Tc, Pm, 8, net4.layers, S3, S3, 'ce', {}, 'adam', {}, 0.01, 'none', 'columns');
%! assert(isequal(L1, L2) && isequal(W1, W2) && isequal(B1, B2) && isequal(b1, b2) && isequal(Y1, Y2));
%!error id=nnlab:nn_fit:size nn_fit(Xr, Tt + 1, P, 2, nn_mlp([2 3 2]).layers, S, S, 'ce', {}, 'sgd', {}, 0, 'prob')
%!test
%! % METRIC: the hits counted while training, instead of the outputs
%! X = randn(40, 3);  Tc = randi(4, 40, 1);  Tb = double(rand(40, 2) > 0.5);
%! net4 = nn_mlp([3 5 4], 'Seed', 2);  net2 = nn_mlp([3 5 2], 'Seed', 2);
%! Pm = [randperm(40)' randperm(40)' randperm(40)'] - 1;
%! S3 = cell(1, 3);
%! [L1, ~, ~, b1, Y] = nn_fit(X, Tc, Pm, 7, net4.layers, S3, S3, 'ce', {}, 'sgd', {'lr', 0.1}, 0);
%! [L2, ~, ~, b2, Y2, st, h] = nn_fit(X, Tc, Pm, 7, net4.layers, S3, S3, 'ce', {}, 'sgd', {'lr', 0.1}, 0, 'argmax');
%! [~, p] = max(reshape(Y, 40, 4, 3), [], 2);
%! assert(h, sum(reshape(p, 40, 3) == Tc, 1));
%! assert(isequal(L1, L2) && isequal(b1, b2) && isempty(Y2));
%! % one-hot targets: the first largest of each row of T
%! [~, ~, ~, ~, ~, ~, h1] = nn_fit(X, double(Tc == 1:4), Pm, 7, net4.layers, S3, S3, 'ce', {}, 'sgd', {'lr', 0.1}, 0, 'argmax');
%! assert(h1, h);
%! % batches longer than the hit count's tiles of 64 rows, and ties: the first largest
%! X3 = randn(300, 3);  T3 = randi(4, 300, 1);  Pl = [randperm(300)' randperm(300)'] - 1;
%! [~, ~, ~, ~, Y] = nn_fit(X3, T3, Pl, 150, net4.layers, S3, S3, 'ce', {}, 'sgd', {'lr', 0.1}, 0);
%! [~, ~, ~, ~, ~, ~, h] = nn_fit(X3, T3, Pl, 150, net4.layers, S3, S3, 'ce', {}, 'sgd', {'lr', 0.1}, 0, 'argmax');
%! [~, p] = max(reshape(Y, 300, 4, 2), [], 2);
%! assert(h, sum(reshape(p, 300, 2) == T3, 1));
%! flat = net4;  flat.layers(3).W(:) = 0;  flat.layers(3).b(:) = 0;
%! [~, ~, ~, ~, ~, ~, h] = nn_fit(X3, T3, Pl, 150, flat.layers, S3, S3, 'ce', {}, 'sgd', {'lr', 0}, 0, 'argmax');
%! assert(h, [1 1] * sum(T3 == 1));
%! [~, ~, ~, ~, Y] = nn_fit(X, Tb, Pm, 7, net2.layers, S3, S3, 'bce_logits', {}, 'sgd', {'lr', 0.1}, 0);
%! [~, ~, ~, ~, ~, ~, h] = nn_fit(X, Tb, Pm, 7, net2.layers, S3, S3, 'bce_logits', {}, 'sgd', {'lr', 0.1}, 0, 'logit');
%! assert(h, sum((reshape(Y, [], 3) > 0) == (Tb(:) > 0.5), 1));
%! [~, ~, ~, ~, ~, ~, h] = nn_fit(X, Tb, Pm, 7, net2.layers, S3, S3, 'mse', {}, 'sgd', {'lr', 0.1}, 0, 'prob');
%! [~, ~, ~, ~, Y] = nn_fit(X, Tb, Pm, 7, net2.layers, S3, S3, 'mse', {}, 'sgd', {'lr', 0.1}, 0);
%! assert(h, sum((reshape(Y, [], 3) >= 0.5) == (Tb(:) >= 0.5), 1));
%! % 'none': the outputs, and no hits
%! [~, ~, ~, ~, Y3, ~, h] = nn_fit(X, Tb, Pm, 7, net2.layers, S3, S3, 'mse', {}, 'sgd', {'lr', 0.1}, 0, 'none');
%! assert(isequal(Y3, Y) && isempty(h));
%!error id=nnlab:nn_fit:nargout [a, b, c, d, e, f, g, h] = nn_fit(Xr, Tt, P, 2, L, S, S, 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:class nn_fit(int8(Xr), Tt, P, 2, L, S, S, 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:complex nn_fit(Xr * 1i, Tt, P, 2, L, S, S, 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:sparse nn_fit(sparse(Xr), Tt, P, 2, L, S, S, 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:mixedClass nn_fit(Xr, single(Tt), P, 2, L, S, S, 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:mixedClass nn_fit(single(Xr), single(Tt), P, 2, L, S, S, 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:size nn_fit(Xr, [Tt; 1], P, 2, L, S, S, 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:size nn_fit(Xr, [Tt Tt], P, 2, L, S, S, 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:size nn_fit(Xr, Tt, P(1:3), 2, L, S, S, 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:size nn_fit(Xr, Tt, [P P], 2, L, S, S, 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:size nn_fit(Xr, Tt, single(P), 2, L, S, S, 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:size nn_fit(Xr(1, :), Tt, P, 2, L, S, S, 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:domain nn_fit(Xr, Tt, P + 1, 2, L, S, S, 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:domain nn_fit(Xr, Tt, P - 0.5, 2, L, S, S, 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:domain nn_fit(Xr, Tt, P, 0, L, S, S, 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:domain nn_fit(Xr, Tt, P, 1.5, L, S, S, 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:domain nn_fit(Xr, Tt, P, [1 2], L, S, S, 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:domain nn_fit(Xr, Tt, P, 2, L, S, S, 'mse', {}, 'sgd', {}, -1)
%!error id=nnlab:nn_fit:domain nn_fit(Xr, Tt, P, 2, L, S, S, 'mse', {}, 'sgd', {}, Inf)
%!error id=nnlab:nn_fit:domain nn_fit(Xr, 2 * Tt, P, 2, L, S, S, 'bce_logits', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:layers nn_fit(Xr, Tt, P, 2, 1, S, S, 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:layers nn_fit(Xr, Tt, P, 2, rmfield(L, 'W'), S, S, 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:layers nn_fit(Xr, Tt, P, 2, setfield(L, {2}, 'type', 'conv'), S, S, 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:layers nn_fit(Xr, Tt, P, 2, nn_sequential(2, nn_layer('dropout', 0.5), nn_layer('dense', 1)).layers, cell(1, 2), cell(1, 2), 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:size nn_fit(Xr, Tt, P, 2, setfield(L, {1}, 'W', ones(3, 3)), S, S, 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:size nn_fit(Xr, Tt, P, 2, setfield(L, {1}, 'b', ones(2, 1)), S, S, 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:mixedClass nn_fit(Xr, Tt, P, 2, setfield(L, {1}, 'W', single(L(1).W)), S, S, 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:name nn_fit(Xr, Tt, P, 2, setfield(L, {2}, 'act', 'bogus'), S, S, 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:option nn_fit(Xr, Tt, P, 2, setfield(L, {2}, 'opts', {'alpha', 1}), S, S, 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:state nn_fit(Xr, Tt, P, 2, L, {[], []}, S, 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:state nn_fit(Xr, Tt, P, 2, L, S, 1, 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:state nn_fit(Xr, Tt, P, 2, L, {struct('method', 'adam'), [], []}, S, 'mse', {}, 'sgd', {}, 0)
%!error <state of optimizer 'sgd', not of 'adam'>
%! [~, SW] = nn_fit(Xr, Tt, P, 2, L, S, S, 'mse', {}, 'sgd', {}, 0);
%! nn_fit(Xr, Tt, P, 2, L, SW, S, 'mse', {}, 'adam', {}, 0);
%!error id=nnlab:nn_fit:state
%! [~, SW] = nn_fit(Xr, Tt, P, 2, L, S, S, 'mse', {}, 'sgd', {}, 0);
%! nn_fit(Xr, Tt, P, 2, L, SW, S, 'mse', {}, 'sgd', {'momentum', 0.9}, 0);
%!error id=nnlab:nn_fit:state
%! [~, SW] = nn_fit(Xr, Tt, P, 2, L, S, S, 'mse', {}, 'sgd', {'momentum', 0.9}, 0);
%! nn_fit(Xr, Tt, P, 2, L, SW([3 2 1]), S, 'mse', {}, 'sgd', {'momentum', 0.9}, 0);
%!error id=nnlab:nn_fit:name nn_fit(Xr, Tt, P, 2, L, S, S, 'bogus', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:name nn_fit(Xr, Tt, P, 2, L, S, S, 1, {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:name nn_fit(Xr, Tt, P, 2, L, S, S, 'mse', {}, 'bogus', {}, 0)
%!error id=nnlab:nn_fit:class nn_fit(Xr, Tt, P, 2, L, S, S, 'mse', 'delta', 'sgd', {}, 0)
%!error id=nnlab:nn_fit:class nn_fit(Xr, Tt, P, 2, L, S, S, 'mse', {}, 'sgd', 1, 0)
%!error id=nnlab:nn_fit:option nn_fit(Xr, Tt, P, 2, L, S, S, 'mse', {'weights', ones(4, 1)}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:option nn_fit(Xr, Tt, P, 2, L, S, S, 'mse', {'delta'}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:option nn_fit(Xr, Tt, P, 2, L, S, S, 'mse', {'bogus', 1}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:optionValue nn_fit(Xr, Tt, P, 2, L, S, S, 'mse', {'reduction', 'none'}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:optionValue nn_fit(Xr, Tt, P, 2, L, S, S, 'huber', {'delta', -1}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:option nn_fit(Xr, Tt, P, 2, L, S, S, 'mse', {}, 'sgd', {'bogus', 1}, 0)
%!error id=nnlab:nn_fit:optionValue nn_fit(Xr, Tt, P, 2, L, S, S, 'mse', {}, 'sgd', {'lr', -1}, 0)
%!error id=nnlab:nn_fit:optionValue nn_fit(Xr, Tt, P, 2, L, S, S, 'mse', {}, 'sgd', {'nesterov', true}, 0)
%!error id=nnlab:nn_fit:size nn_fit(Xr, [Tt Tt], P, 2, L, S, S, 'ce', {}, 'sgd', {}, 0)
%!test
%! % LAYOUT 'copy': X (N x in, over 4 MB) trained from a working copy with
%! % one observation a column, the same bits as 'rows'; the copy is kept
%! % for 'copy-kept' and freed by nn_fit ('release')
%! nn_fit('release');
%! X = sin((1:6000)' * (1:100) / 700);  Tc = randi(3, 6000, 1);
%! net3 = nn_mlp([100 5 3], 'Seed', 4);  S3 = cell(1, 3);
%! Pm = [randperm(6000)' randperm(6000)'] - 1;
%! [L1, W1, B1, b1, Y1] = nn_fit(X, Tc, Pm, 64, net3.layers, S3, S3, 'ce', {}, 'adam', {}, 0.01, 'none', 'rows');
%! assert(nn_fit('copy'), 0);
%! [L2, W2, B2, b2, Y2] = nn_fit(X, Tc, Pm, 64, net3.layers, S3, S3, 'ce', {}, 'adam', {}, 0.01, 'none', 'copy');
%! assert(nn_fit('copy'), 6000 * 100 * 8);
%! assert(isequal(L1, L2) && isequal(W1, W2) && isequal(B1, B2) && isequal(b1, b2) && isequal(Y1, Y2));
%! [L3, W3, B3, b3, Y3] = nn_fit(X, Tc, Pm, 64, net3.layers, S3, S3, 'ce', {}, 'adam', {}, 0.01, 'none', 'copy-kept');
%! assert(isequal(L1, L3) && isequal(b1, b3) && isequal(Y1, Y3));
%! % single precision, and an X too small for a copy
%! Xs = single([X; -X]);  Ts = single([Tc; Tc]);  Ps = randperm(12000) - 1;
%! Ls = nn_mlp([100 5 3], 'Seed', 4, 'Class', 'single').layers;
%! [L4, ~, ~, b4] = nn_fit(Xs, Ts, Ps, 64, Ls, S3, S3, 'ce', {}, 'sgd', {}, 0, 'none', 'rows');
%! [L5, ~, ~, b5] = nn_fit(Xs, Ts, Ps, 64, Ls, S3, S3, 'ce', {}, 'sgd', {}, 0, 'none', 'copy');
%! assert(isequal(L4, L5) && isequal(b4, b5));
%! assert(nn_fit('copy'), 12000 * 100 * 4);
%! nn_fit('release');
%! assert(nn_fit('copy'), 0);
%! nn_fit(X(1:50, :), Tc(1:50), randperm(50) - 1, 8, net3.layers, S3, S3, 'ce', {}, 'sgd', {}, 0, 'none', 'copy');
%! assert(nn_fit('copy'), 0);
%!error id=nnlab:nn_fit:name nn_fit('free')
%!error id=nnlab:nn_fit:nargout [a, b] = nn_fit('copy')
%!error id=nnlab:nn_fit:nargout a = nn_fit('release')
%!error id=nnlab:nn_fit:name nn_fit(Xr, Tt, P, 2, L, S, S, 'mse', {}, 'sgd', {}, 0, 'none', 'copy-again')
%!test
%! % perm over a subset of the rows: the same bits as those rows given alone
%! X = randn(30, 3);  Tc = randi(2, 30, 1);  net = nn_mlp([3 4 2], 'Seed', 5);  S3 = cell(1, 3);
%! sub = [4 9 1 22 17 30 2 11 8 5 26 13]';  P = [randperm(12)' randperm(12)'];
%! [L1, W1, B1, b1] = nn_fit(X, Tc, sub(P) - 1, 5, net.layers, S3, S3, 'ce', {}, 'adam', {}, 0);
%! [L2, W2, B2, b2] = nn_fit(X(sub, :), Tc(sub), P - 1, 5, net.layers, S3, S3, 'ce', {}, 'adam', {}, 0);
%! assert(isequal(L1, L2) && isequal(W1, W2) && isequal(B1, B2) && isequal(b1, b2));
%! [~, ~, ~, b3, Y3] = nn_fit(X, [Tc Tc], sub(P(:, 1)) - 1, 5, net.layers, S3, S3, 'mse', {}, 'sgd', {}, 0);
%! assert(size(b3), [3 1]);  assert(size(Y3), [30 2]);  assert(all(Y3(setdiff(1:30, sub), :)(:) == 0));
%!error id=nnlab:nn_fit:size nn_fit(ones(4, 2), ones(4, 1), [0 1], 1, nn_mlp([2 1]).layers, {[]}, {[]}, 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:domain nn_fit(ones(4, 2), ones(4, 1), [0; 4], 1, nn_mlp([2 1]).layers, {[]}, {[]}, 'mse', {}, 'sgd', {}, 0)
%!test
%! % nn_fit('orders', N, seeds): the randperm after rand('twister', seed), 0-based,
%! % one column a seed, and the user's stream left as it was
%! state = rand('twister');
%! seeds = [0 1 5 7919 1000003 2^31 2^32-1];
%! for N = [1 2 3 7 64 1000 2001]
%!   P = nn_fit('orders', N, seeds);
%!   assert(size(P), [N numel(seeds)]);
%!   assert(isequal(rand('twister'), state));
%!   for j = 1:numel(seeds)
%!     rand('twister', seeds(j));
%!     assert(isequal(P(:, j), randperm(N).' - 1));
%!   end
%!   rand('twister', state);
%! end
%! assert(size(nn_fit('orders', 4, zeros(1, 0))), [4 0]);
%! assert(isequal(nn_fit('orders', 9, [3; 4]), nn_fit('orders', 9, [3 4])));
%!error id=nnlab:nn_fit:nargin nn_fit('orders', 4)
%!error id=nnlab:nn_fit:nargin [a, b] = nn_fit('orders', 4, 1)
%!error id=nnlab:nn_fit:orders nn_fit('orders', 0, 1)
%!error id=nnlab:nn_fit:orders nn_fit('orders', 2.5, 1)
%!error id=nnlab:nn_fit:orders nn_fit('orders', single(4), 1)
%!error id=nnlab:nn_fit:orders nn_fit('orders', [4 4], 1)
%!error id=nnlab:nn_fit:orders nn_fit('orders', 4, -1)
%!error id=nnlab:nn_fit:orders nn_fit('orders', 4, 2^32)
%!error id=nnlab:nn_fit:orders nn_fit('orders', 4, 1.5)
%!error id=nnlab:nn_fit:orders nn_fit('orders', 4, NaN)
%!error id=nnlab:nn_fit:orders nn_fit('orders', 4, single(1))
%!error id=nnlab:nn_fit:orders nn_fit('orders', 4, ones(2))
%!error id=nnlab:nn_fit:orders nn_fit('orders', 4, 1i)
%!error id=nnlab:nn_fit:orders nn_fit('orders', 4, sparse(1))
%!error id=nnlab:nn_fit:outOfMemory nn_fit('orders', 2^31-1, 1:2)
