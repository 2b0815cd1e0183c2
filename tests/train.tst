## Tests of the network API: nn_train and friends.

%!shared X, T
%! X = [0 0; 0 1; 1 0; 1 1];
%! T = [0; 1; 1; 0];

%!test
%! % XOR with the recipe of the docs (help nn_train)
%! net = nn_mlp([2 2 1], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Init', 'zeros');
%! rand('twister', 1); net.layers(1).W = 0.3 * (2 * rand(2, 2) - 1);
%! [net, info] = nn_train(net, X, T, 'Loss', 'bce', 'Optimizer', 'sgd', 'LearningRate', 3, ...
%!                        'Momentum', 0.9, 'BatchSize', 4, 'Epochs', 2000, 'Verbose', false);
%! assert(round(nn_predict(net, X)), T);
%! assert(info.epochs, 2000); assert(info.loss(end) < 0.01); assert(info.metric(end), 1);
%! assert(info.loss_name, 'bce'); assert(info.metric_name, 'accuracy');

%!test
%! % the same seed gives a bit-identical network, and the user's streams are untouched
%! net0 = nn_mlp([2 3 1], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 2);
%! s = rand('twister');
%! a = nn_train(net0, X, T, 'Optimizer', 'sgd', 'LearningRate', 0.5, 'Epochs', 20, 'BatchSize', 2, 'Seed', 9, 'Verbose', false);
%! b = nn_train(net0, X, T, 'Optimizer', 'sgd', 'LearningRate', 0.5, 'Epochs', 20, 'BatchSize', 2, 'Seed', 9, 'Verbose', false);
%! assert(isequal(a, b)); assert(isequal(rand('twister'), s));
%! c = nn_train(net0, X, T, 'Optimizer', 'sgd', 'LearningRate', 0.5, 'Epochs', 20, 'BatchSize', 2, 'Seed', 10, 'Verbose', false);
%! assert(~isequal(a, c));

%!test
%! % single precision nets train in single
%! net = nn_mlp([2 2 1], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 1, 'Class', 'single');
%! net = nn_train(net, X, T, 'Optimizer', 'sgd', 'LearningRate', 1, 'Momentum', 0.9, 'BatchSize', 4, 'Epochs', 500, 'Verbose', false);
%! assert(class(net.layers(1).W), 'single'); assert(round(nn_predict(net, X)), single(T));

%!test
%! % regression with validation data, early stopping returns the best network
%! x = linspace(-1, 1, 40)'; t = 2 * x + 0.3;
%! net = nn_mlp([1 1], 'Seed', 3);
%! [net, info] = nn_train(net, x, t, 'Optimizer', 'sgd', 'LearningRate', 0.1, 'Epochs', 200, ...
%!                        'BatchSize', 40, 'ValidationFraction', 0.25, 'Seed', 1, 'Patience', 3, 'Verbose', false);
%! assert(info.loss_name, 'mse'); assert(info.metric_name, 'mae');
%! assert(numel(info.val_loss), info.epochs); assert(all(isfinite(info.val_loss)));
%! assert(net.layers(1).W, 2, 0.05); assert(net.layers(1).b, 0.3, 0.05);

%!test
%! x = linspace(-1, 1, 20)'; t = 3 * x;
%! net = nn_mlp([1 1], 'Init', 'zeros');
%! [~, info] = nn_train(net, x, t, 'Optimizer', 'sgd', 'LearningRate', 0, 'Epochs', 50, ...
%!                      'ValidationData', {x, t}, 'Patience', 4, 'Verbose', false);
%! assert(info.stop_reason, 'patience'); assert(info.epochs, 5); assert(info.best_epoch, 1);

%!test
%! % divergence stops with a warning naming the epoch and step, and finite weights
%! x = linspace(-1, 1, 20)'; t = 3 * x;
%! net = nn_mlp([1 4 1], 'Seed', 1, 'Hidden', 'sigmoid');
%! lastwarn('');
%! evalc('[net, info] = nn_train(net, x, t * 1e200, ''Optimizer'', ''sgd'', ''LearningRate'', 1e6, ''Epochs'', 50, ''Verbose'', false);');
%! [msg, id] = lastwarn();
%! assert(id, 'nnlab:nn_train:diverged'); assert(~isempty(regexp(msg, 'epoch \d+, step \d+', 'once')));
%! assert(info.stop_reason, 'diverged');
%! assert(all(isfinite([net.layers(1).W(:); net.layers(3).W(:)])));

%!test
%! % L2 shrinks the weights
%! x = linspace(-1, 1, 20)'; t = 3 * x;
%! a = nn_train(nn_mlp([1 1], 'Init', 'zeros'), x, t, 'Optimizer', 'sgd', 'LearningRate', 0.3, 'Epochs', 300, 'BatchSize', 20, 'Verbose', false);
%! b = nn_train(nn_mlp([1 1], 'Init', 'zeros'), x, t, 'Optimizer', 'sgd', 'LearningRate', 0.3, 'Epochs', 300, 'BatchSize', 20, 'L2', 1, 'Verbose', false);
%! assert(a.layers(1).W, 3, 1e-3); assert(abs(b.layers(1).W) < 2.5);

%!test
%! % the progress lines
%! net = nn_mlp([2 1], 'Output', 'sigmoid', 'Seed', 1);
%! out = evalc('nn_train(net, X, T, ''Optimizer'', ''sgd'', ''Epochs'', 2, ''ValidationData'', {X, T});');
%! assert(~isempty(strfind(out, 'epoch   1/2'))); assert(~isempty(strfind(out, 'val_loss')));

%!test
%! % a network is a plain struct that save and load keep, and disp shows
%! net = nn_mlp([2 3 1], 'Seed', 5);
%! f = [tempname() '.mat'];
%! save('-binary', f, 'net'); s = load(f); delete(f);
%! assert(isequal(s.net, net));
%! save('-text', f, 'net'); s = load(f); delete(f);
%! assert(nn_predict(s.net, X), nn_predict(net, X), 1e-15);
%! out = evalc('disp(net)');
%! assert(~isempty(strfind(out, '2-3(relu)-1')));

%!error id=nnlab:nn_train:nargin nn_train(1, 2)
%!error id=nnlab:nn_train:net nn_train(1, X, T)
%!error id=nnlab:nn_train:size nn_train(nn_mlp([2 1]), X, [1; 2])
%!error id=nnlab:nn_train:class nn_train(nn_mlp([2 1]), X, {1})
%!error id=nnlab:nn_train:option nn_train(nn_mlp([2 1]), X, T, 'Bogus', 1)
%!error id=nnlab:nn_train:optionValue nn_train(nn_mlp([2 1]), X, T, 'Epochs', -1)
%!error id=nnlab:nn_train:optionValue nn_train(nn_mlp([2 1]), X, T, 'BatchSize', 0.5)
%!error id=nnlab:nn_train:optionValue nn_train(nn_mlp([2 1]), X, T, 'Patience', 0)
%!error id=nnlab:nn_train:optionValue nn_train(nn_mlp([2 1]), X, T, 'ValidationData', {X})
%!error id=nnlab:nn_train:optionValue nn_train(nn_mlp([2 1]), X, T, 'ValidationFraction', 1)
%!error id=nnlab:nn_train:name nn_train(nn_mlp([2 1]), X, T, 'Optimizer', 'nosuch')
%!error id=nnlab:nn_train:name nn_train(nn_mlp([2 1]), X, T, 'Loss', 'nosuch')
%!error id=nnlab:nn_train:optionValue nn_train(nn_mlp([2 1]), X, T, 'Optimizer', 'sgd', 'LearningRate', -1)

%!test
%! % a ranking loss trains a scoring network on pairs of items
%! w = [1; -2; 0.5];
%! A = [1 0 0; 0 1 0; 0 0 1; 1 1 0; 0 1 1; 1 0 1; 2 0 0; 0 0 2];
%! [i, j] = find(triu(ones(8), 1)); s = A * w;
%! k = s(i) ~= s(j); i = i(k); j = j(k);
%! Xp = [A(i, :), A(j, :)]; Tp = sign(s(i) - s(j));
%! for loss = {'margin_ranking', 'pairwise_logistic'}
%!   net = nn_mlp([3 1], 'Init', 'zeros');
%!   net = nn_train(net, Xp, Tp, 'Loss', loss{1}, 'LossOptions', {}, 'Optimizer', 'sgd', ...
%!                  'LearningRate', 0.1, 'Epochs', 50, 'BatchSize', 7, 'Seed', 1, 'Verbose', false);
%!   r = nn_evaluate(net, Xp, Tp, 'Loss', loss{1});
%!   assert(r.pair_accuracy, 1);
%! end
%!error id=nnlab:nn_train:size nn_train(nn_mlp([3 1]), ones(4, 3), ones(4, 1), 'Loss', 'margin_ranking')

%!test
%! % 'Plot' writes a PNG of the history
%! f = [tempname() '.png'];
%! net = nn_mlp([2 1], 'Output', 'sigmoid', 'Seed', 1);
%! nn_train(net, X, T, 'Optimizer', 'sgd', 'Epochs', 3, 'Verbose', false, 'Plot', f);
%! info = stat(f); assert(info.size > 1000); delete(f);

%!test
%! % a run resumed from its checkpoint ends as the uninterrupted run, bit for bit
%! Xr = randn(60, 3); Tr = double(sum(Xr, 2) > 0);
%! f = [tempname() '.ckpt'];
%! args = {'Optimizer', 'adam', 'LearningRate', 0.01, 'BatchSize', 8, 'Verbose', false, ...
%!         'ValidationFraction', 0.2, 'Patience', Inf};
%! for seed = {{'Seed', 4}, {}}
%!   net0 = nn_mlp([3 5 1], 'Seed', 1);
%!   rand('twister', 11); randn('twister', 11);
%!   [a, ia] = nn_train(net0, Xr, Tr, args{:}, seed{1}{:}, 'Epochs', 6);
%!   rand('twister', 11); randn('twister', 11);
%!   nn_train(net0, Xr, Tr, args{:}, seed{1}{:}, 'Epochs', 3, 'Checkpoint', f);
%!   rand('twister', 99);
%!   [b, ib] = nn_train(net0, Xr, Tr, args{:}, seed{1}{:}, 'Epochs', 6, 'Resume', f, 'Checkpoint', f);
%!   assert(isequal(a, b)); assert(isequal(ia.loss, ib.loss)); assert(ib.epochs, 6);
%!   ck = load(f); assert(ck.epoch, 6);
%! end
%! delete(f);

%!test
%! % a run killed with a signal resumes from its last checkpoint to the same result
%! if ispc(), return; end
%! d = tempname(); mkdir(d);
%! f = fullfile(d, 'run.ckpt'); data = fullfile(d, 'data.mat');
%! Xr = randn(3000, 10); Tr = double(sum(Xr(:, 1:3), 2) > 0);
%! net0 = nn_mlp([10 32 1], 'Seed', 2);
%! args = {'Optimizer', 'sgd', 'LearningRate', 0.05, 'Momentum', 0.9, 'BatchSize', 10, 'Seed', 5, 'Verbose', false};
%! save('-binary', data, 'Xr', 'Tr', 'net0', 'args');
%! root = fileparts(fileparts(which('nn_train')));
%! cmd = sprintf(['octave-cli --norc --eval "addpath(''%s''); load(''%s''); ', ...
%!                'nn_train(net0, Xr, Tr, args{:}, ''Epochs'', 10000, ''Checkpoint'', ''%s'');" ', ...
%!                '> /dev/null 2>&1 & echo $!'], root, data, f);
%! [~, pid] = system(cmd);
%! t0 = tic(); k = 0;
%! while toc(t0) < 120
%!   pause(0.2);
%!   if exist(f, 'file')
%!     try, ck = load(f); k = ck.epoch; catch, end
%!   end
%!   if k >= 2, break; end
%! end
%! system(sprintf('kill -9 %s', strtrim(pid)));
%! pause(0.5);
%! assert(k >= 2, 'the background run wrote no checkpoint');
%! ck = load(f); k = ck.epoch;
%! b = nn_train(net0, Xr, Tr, args{:}, 'Epochs', k + 2, 'Resume', f);
%! a = nn_train(net0, Xr, Tr, args{:}, 'Epochs', k + 2);
%! assert(isequal(a, b));
%! confirm_recursive_rmdir(false, 'local'); rmdir(d, 's');

%!error id=nnlab:nn_train:resume nn_train(nn_mlp([2 1]), X, T, 'Resume', '/nonexistent.ckpt')
%!error id=nnlab:nn_train:optionValue nn_train(nn_mlp([2 1]), X, T, 'Checkpoint', 3)

## ---- 'LowMemory' -----------------------------------------------------------------------
%!test
%! % X over 4 MB: the default trains from a working copy (freed at the end),
%! % 'LowMemory' from chunks; the same bits, also with validation and in
%! % many-epoch calls
%! Xr = sin((1:6000)' * (1:100) / 900);  y = randi(3, 6000, 1);
%! net0 = nn_mlp([100 6 3], 'Seed', 4);
%! args = {'Loss', 'ce', 'Epochs', 2, 'BatchSize', 50, 'Seed', 2, 'Verbose', false};
%! for extra = {{}, {'ValidationFraction', 0.1}, {'Optimizer', 'sgd', 'Patience', 5}}
%!   [a, ia] = nn_train(net0, Xr, y, args{:}, extra{1}{:});
%!   assert(nn_fit('copy'), 0);
%!   [b, ib] = nn_train(net0, Xr, y, args{:}, extra{1}{:}, 'LowMemory', true);
%!   assert(isequal(a, b) && isequal(ia.loss, ib.loss) && isequal(ia.metric, ib.metric));
%! end
%!error id=nnlab:nn_train:optionValue nn_train(nn_mlp([2 1]), X, T, 'LowMemory', 2, 'Verbose', false)
%!error id=nnlab:nn_train:optionValue nn_train(nn_mlp([2 1]), X, T, 'LowMemory', 'yes', 'Verbose', false)

## ---- 'ObservationsIn', 'columns' ---------------------------------------------------------
%!test
%! % the same network and history as with rows, on both engines, also with a
%! % validation split and labels given as a row
%! Xr = randn(90, 5); y = randi(3, 90, 1);
%! net0 = nn_mlp([5 7 3], 'Seed', 4, 'Class', 'single');
%! args = {'Loss', 'ce', 'Epochs', 3, 'BatchSize', 16, 'Seed', 2, 'Verbose', false};
%! for eng = {'auto', 'm'}
%!   [a, ia] = nn_train(net0, Xr, y, args{:}, 'Engine', eng{1});
%!   [b, ib] = nn_train(net0, Xr.', y.', args{:}, 'Engine', eng{1}, 'ObservationsIn', 'columns');
%!   assert(isequal(a, b) && isequal(ia.loss, ib.loss) && isequal(ia.metric, ib.metric));
%!   [a, ia] = nn_train(net0, Xr, y, args{:}, 'Engine', eng{1}, 'ValidationFraction', 0.2);
%!   [b, ib] = nn_train(net0, Xr.', y, args{:}, 'Engine', eng{1}, 'ValidationFraction', 0.2, ...
%!                      'ObservationsIn', 'COLUMNS');
%!   assert(isequal(a, b) && isequal(ia.val_loss, ib.val_loss) && isequal(ia.val_metric, ib.val_metric));
%! end
%! % validation data in columns too; regression targets
%! Tr = Xr(:, 1:2) * [1; -1];
%! net1 = nn_mlp([5 4 1], 'Seed', 1);
%! [a, ia] = nn_train(net1, Xr(1:60, :), Tr(1:60), 'Epochs', 2, 'Seed', 1, 'Verbose', false, ...
%!                    'ValidationData', {Xr(61:end, :), Tr(61:end)});
%! [b, ib] = nn_train(net1, Xr(1:60, :).', Tr(1:60), 'Epochs', 2, 'Seed', 1, 'Verbose', false, ...
%!                    'ValidationData', {Xr(61:end, :).', Tr(61:end)}, 'ObservationsIn', 'columns');
%! assert(isequal(a, b) && isequal(ia.metric, ib.metric) && isequal(ia.val_loss, ib.val_loss));
%!error id=nnlab:nn_train:optionValue nn_train(nn_mlp([2 1]), X, T, 'ObservationsIn', 'cols', 'Verbose', false)
%!error id=nnlab:nn_train:optionValue nn_train(nn_mlp([2 1]), X, T, 'ObservationsIn', 2, 'Verbose', false)
%!error id=nnlab:nn_train:size nn_train(nn_mlp([3 1]), randn(5, 3), rand(5, 1), 'ObservationsIn', 'columns', 'Verbose', false)
%!error id=nnlab:nn_train:size nn_train(nn_mlp([3 1]), randn(3, 5), rand(4, 1), 'ObservationsIn', 'columns', 'Verbose', false)
%!error id=nnlab:nn_train:class nn_train(nn_mlp([3 1]), {1}, rand(4, 1), 'ObservationsIn', 'columns', 'Verbose', false)
%!error id=nnlab:nn_train:optionValue nn_train(nn_mlp([2 1]), randn(2, 6), [1 -1 1], 'Loss', 'margin_ranking', 'ObservationsIn', 'columns', 'Verbose', false)
%!test
%! % the epoch loop (validation, patience): the metric counted by the engine
%! % equals the one computed from the outputs on the step-by-step path
%! Xr = randn(80, 4);
%! cases = {{'ce', randi(3, 80, 1), 3}, {'bce_logits', double(rand(80, 2) > 0.5), 2}, ...
%!          {'bce', double(rand(80, 1) > 0.5), 1}, {'hinge', double(rand(80, 1) > 0.5), 1}};
%! for c = cases
%!   [loss, Tc, K] = c{1}{:};
%!   out = 'linear';
%!   if strcmp(loss, 'bce'), out = 'sigmoid'; end
%!   net0 = nn_mlp([4 6 K], 'Output', out, 'Seed', 3);
%!   args = {'Loss', loss, 'Epochs', 3, 'BatchSize', 16, 'Seed', 1, 'Verbose', false, ...
%!           'ValidationFraction', 0.25, 'Patience', 5};
%!   [a, ia] = nn_train(net0, Xr, Tc, args{:});
%!   [b, ib] = nn_train(net0, Xr, Tc, args{:}, 'Engine', 'm');
%!   assert(isequal(a, b) && isequal(ia.metric, ib.metric) && isequal(ia.val_metric, ib.val_metric));
%! end

## ---- the fast lane (train_fast): the same bits as the full way ----------------------------
%!function [a, ia, b, ib] = both(net, X, T, varargin)
%!  % the fast lane, then the full way ('Engine', 'c' leaves the lane), from
%!  % the same random state; times aside
%!  s = rand('twister');
%!  [a, ia] = nn_train(net, X, T, varargin{:});
%!  s1 = rand('twister');
%!  rand('twister', s);
%!  [b, ib] = nn_train(net, X, T, varargin{:}, 'Engine', 'c');
%!  assert(isequal(rand('twister'), s1));
%!  ia = rmfield(ia, 'time');
%!  ib = rmfield(ib, 'time');
%!endfunction
%!test
%! X = randn(70, 4);  y = randi(3, 70, 1);  Tr = [X(:, 1) - X(:, 2), X(:, 3)];
%! Tb = double(X(:, 1:2) > 0);
%! for cls = {'double', 'single'}
%!   c = cls{1};
%!   n3 = nn_mlp([4 6 3], 'Seed', 1, 'Class', c);
%!   n2 = nn_mlp([4 5 2], 'Seed', 2, 'Class', c);
%!   ns = nn_mlp([4 5 2], 'Output', 'sigmoid', 'Seed', 3, 'Class', c);
%!   cases = {{n3, y, 'Loss', 'ce'}, {n3, y}, {n3, y, 'Optimizer', 'sgd', 'LearningRate', 0.05}, ...
%!            {n3, y, 'Optimizer', 'RMSprop', 'BatchSize', 9, 'Epochs', 3}, ...
%!            {n3, y, 'Shuffle', false, 'L2', 0.01}, {n3, y, 'Seed', []}, ...
%!            {n2, Tr, 'Loss', 'mse', 'Epochs', 600, 'BatchSize', 70}, {n2, Tr, 'Loss', 'MAE'}, ...
%!            {n2, Tb, 'Loss', 'bce_logits', 'Engine', 'auto'}, {ns, Tb, 'LowMemory', true}, ...
%!            {n2, single(Tr), 'Loss', 'huber', 'Epochs', 2}, {n3, y, 'Epochs', 40, 'Seed', 9}};
%!   for k = 1:numel(cases)
%!     cs = cases{k};
%!     Tk = cs{2};
%!     if strcmp(c, 'single') && isa(Tk, 'single')
%!       Tk = double(Tk);
%!     end
%!     args = [{'Verbose', false, 'Seed', 5}, cs(3:end)];
%!     [a, ia, b, ib] = both(cs{1}, cast(X, c), Tk, args{:});
%!     assert(isequal(a, b), sprintf('%s case %d: net', c, k));
%!     assert(isequaln(ia, ib), sprintf('%s case %d: info', c, k));
%!   end
%!   % X as columns; a row of labels takes the full way, with the same bits
%!   [a, ia, b, ib] = both(n3, cast(X, c).', y, 'Verbose', false, 'Seed', 5, 'ObservationsIn', 'columns');
%!   assert(isequal(a, b) && isequaln(ia, ib));
%!   [a2, ia2] = nn_train(n3, cast(X, c).', y.', 'Verbose', false, 'Seed', 5, 'ObservationsIn', 'columns');
%!   assert(isequal(a, a2) && isequal(ia.loss, ia2.loss));
%! end
%!test
%! % the lane's fallbacks raise what the full way raises, with nothing changed
%! X = randn(30, 3);  y = randi(2, 30, 1);  net = nn_mlp([3 4 2], 'Seed', 1);
%! q = {'Verbose', false};
%! Xn = X;  Xn(17, 2) = NaN;
%! s = rand('twister');
%! try, nn_train(net, Xn, y, q{:}); catch e1, end
%! assert(isequal(rand('twister'), s));
%! assert(e1.identifier, 'nnlab:nn_train:nonfinite');
%! try, nn_train(net, X, y + 1, q{:}); catch e2, end
%! assert(e2.identifier, 'nnlab:nn_train:size');
%! try, nn_train(net, X, y + 1, q{:}, 'Loss', 'ce'); catch e2, end
%! assert(e2.identifier, 'nnlab:nn_train:domain');
%! try, nn_train(net, X, y(1:29), q{:}); catch e3, end
%! assert(e3.identifier, 'nnlab:nn_train:size');
%! try, nn_train(net, single(X), y, q{:}); catch e4, end
%! [a, ia] = nn_train(net, single(X), y, q{:}, 'Seed', 2);         % X cast by the full way
%! assert(isa(a.layers(1).W, 'double'));
%! % a run that diverges: the full way's warning and last finite network
%! net1 = nn_mlp([3 4 1], 'Seed', 1);  Tr = randn(30, 1);
%! w = warning('off', 'nnlab:nn_train:diverged');
%! d = {'Optimizer', 'sgd', 'LearningRate', 10, 'Seed', 1, 'Loss', 'mse'};
%! [a, ia] = nn_train(net1, X, Tr, q{:}, d{:});
%! [b, ib] = nn_train(net1, X, Tr, q{:}, d{:}, 'Engine', 'c');
%! warning(w);
%! assert(ia.stop_reason, 'diverged');
%! assert(isequal(a, b) && isequal(ia.loss, ib.loss));
%!error id=nnlab:nn_train:nonfinite nn_train(nn_mlp([2 1]), [1 2; Inf 0], [0; 1], 'Verbose', false)
%!error id=nnlab:nn_train:optionValue nn_train(nn_mlp([2 1]), [1 2; 3 0], [0; 1], 'Verbose', false, 'Epochs', 1.5)
%!error id=nnlab:nn_train:optionValue nn_train(nn_mlp([2 1]), [1 2; 3 0], [0; 1], 'Verbose', false, 'BatchSize', 0)
%!error id=nnlab:nn_train:class nn_train(nn_mlp([2 1]), [1 2; 3 0], {0; 1}, 'Verbose', false)
%!error id=nnlab:nn_train:net nn_train(struct('layers', 1), [1 2; 3 0], [0; 1], 'Verbose', false)
%!test
%! % 'ValidationFraction' trains on its rows of X in place (no copy of the
%! % training part): the same bits as training on that part given as data,
%! % on both engines, with X as rows or columns and with regression outputs
%! N = 90;  Xr = randn(N, 4);  y = randi(3, N, 1);  Tr = Xr(:, 1:2) * [1 -1; 2 0.5];
%! s0 = rand('twister');
%! rand('twister', mod(7 * 1000003, 2^32));  p = randperm(N);  rand('twister', s0);
%! nv = round(0.2 * N);  tr = p(1:N - nv);  va = p(N - nv + 1:end);
%! for eng = {'c', 'm'}
%!   for cs = {{nn_mlp([4 6 3], 'Seed', 1), y}, {nn_mlp([4 5 2], 'Seed', 2), Tr}}
%!     net = cs{1}{1};  T = cs{1}{2};
%!     args = {'Epochs', 3, 'BatchSize', 16, 'Seed', 7, 'Verbose', false, 'Engine', eng{1}};
%!     [a, ia] = nn_train(net, Xr, T, args{:}, 'ValidationFraction', 0.2);
%!     [b, ib] = nn_train(net, Xr(tr, :), T(tr, :), args{:}, 'ValidationData', {Xr(va, :), T(va, :)});
%!     assert(isequal(a, b) && isequal(ia.loss, ib.loss) && isequal(ia.metric, ib.metric) && ...
%!            isequal(ia.val_loss, ib.val_loss));
%!     [c, ic] = nn_train(net, Xr.', T, args{:}, 'ValidationFraction', 0.2, 'ObservationsIn', 'columns');
%!     assert(isequal(a, c) && isequal(ia.val_metric, ic.val_metric));
%!   end
%! end
%!test
%! % 'Rows': training on those observations of X and T where they are, the
%! % same bits as on X(rows, :) and T(rows, :): both engines, the chunks of
%! % epochs and one epoch at a time, with a split of them, a regression, LM
%! Xr = randn(80, 3);  y = randi(2, 80, 1);  Tr = Xr * [1; -2; 0.5];
%! idx = [5:3:80, 2, 7, 1].';
%! net = nn_mlp([3 5 2], 'Seed', 3);  net1 = nn_mlp([3 4 1], 'Seed', 4);
%! q = {'Epochs', 3, 'BatchSize', 8, 'Seed', 2, 'Verbose', false};
%! for extra = {{}, {'Engine', 'm'}, {'Patience', 10}, {'ValidationFraction', 0.25}, {'Optimizer', 'sgd'}}
%!   [a, ia] = nn_train(net, Xr, y, q{:}, extra{1}{:}, 'Rows', idx);
%!   [b, ib] = nn_train(net, Xr(idx, :), y(idx), q{:}, extra{1}{:});
%!   assert(isequal(a, b) && isequal(ia.loss, ib.loss) && isequal(ia.metric, ib.metric));
%! end
%! [a, ia] = nn_train(net1, Xr, Tr, q{:}, 'Loss', 'mse', 'Rows', idx);
%! [b, ib] = nn_train(net1, Xr(idx, :), Tr(idx), q{:}, 'Loss', 'mse');
%! assert(isequal(a, b) && isequal(ia.metric, ib.metric));
%! [a, ia] = nn_train(net1, Xr, Tr, 'Optimizer', 'lm', 'Epochs', 3, 'Verbose', false, 'Rows', idx);
%! [b, ib] = nn_train(net1, Xr(idx, :), Tr(idx), 'Optimizer', 'lm', 'Epochs', 3, 'Verbose', false);
%! assert(isequal(a, b) && isequal(ia.loss, ib.loss));
%!error id=nnlab:nn_train:optionValue nn_train(nn_mlp([2 1]), [0 0; 0 1; 1 0; 1 1], [0; 1; 1; 0], 'Rows', [1 5], 'Verbose', false)
%!error id=nnlab:nn_train:optionValue nn_train(nn_mlp([2 1]), [0 0; 0 1; 1 0; 1 1], [0; 1; 1; 0], 'Rows', [1.5 2], 'Verbose', false)
%!error id=nnlab:nn_train:optionValue nn_train(nn_mlp([2 1]), X, T, 'Rows', 'ab', 'Verbose', false)
