%% Tests of nn_sweep, nn_crossval, nn_ensemble and nn_plot_sweep (issue 14):
%% the table, seeds, folds, the ensemble's average, serial against 2 local
%% workers (bit-identical), a worker killed mid-sweep, 'Results' + 'Resume',
%% progress lines and the errors.  Tiny toy tasks, a few epochs each.

%!function [X, T, make, G, opts] = task()
%!  [X, T] = nn_toy('moons', 'N', 120, 'Seed', 3);
%!  make = @(p) nn_mlp([2 p.Hidden 2], 'Hidden', 'tanh');
%!  G = struct('Hidden', [2 6], 'LearningRate', [0.01 0.05]);
%!  opts = {'Epochs', 5, 'BatchSize', 30, 'Verbose', false};
%!endfunction
%!function same(A, B)
%!  % two sweeps agree in everything but the seconds
%!  assert(A.order, B.order);
%!  assert(isequal(A.net, B.net));
%!  f = {'metric', 'metric_std', 'loss', 'loss_std', 'metrics', 'losses', 'seeds', 'error', 'label'};
%!  for k = 1:numel(f)
%!    assert(isequaln({A.rows.(f{k})}, {B.rows.(f{k})}), f{k});
%!  end
%!endfunction
%!function remove_folder(d)
%!  if exist(d, 'dir')
%!    confirm_recursive_rmdir(false, 'local');
%!    rmdir(d, 's');
%!  end
%!endfunction
%!function d = helper_folder()
%!  % a folder on the path with builders that the workers can call too
%!  d = fullfile(tempdir(), sprintf('nnlab-sweep-test-%d', getpid()));
%!  if ~exist(d, 'dir')
%!    mkdir(d);
%!  end
%!  fid = fopen(fullfile(d, 'sweep_test_builder.m'), 'w');
%!  fprintf(fid, '%s\n', ...
%!    'function net = sweep_test_builder(p, log, client, victim, marker)', ...
%!    '  % logs every call; kills its own (worker) process the first time it builds VICTIM; fails for Hidden < 0 after the first call', ...
%!    '  before = 0;', ...
%!    '  if exist(log, ''file''), before = sum(sscanf(fileread(log), ''%d'')(2:2:end) == p.Hidden); end', ...
%!    '  fid = fopen(log, ''a''); fprintf(fid, ''%d %d\n'', getpid(), p.Hidden); fclose(fid);', ...
%!    '  if p.Hidden == victim && getpid() ~= client && ~exist(marker, ''file'')', ...
%!    '    fclose(fopen(marker, ''w''));', ...
%!    '    kill(getpid(), 9);', ...
%!    '  end', ...
%!    '  if p.Hidden < 0 && before > 0   % the first call is nn_sweep''s check', ...
%!    '    error(''no network of %d units'', p.Hidden);', ...
%!    '  end', ...
%!    '  net = nn_mlp([2 abs(p.Hidden) 2], ''Hidden'', ''tanh'');', ...
%!    'end');
%!  fclose(fid);
%!  addpath(d);
%!  rehash();
%!endfunction
%!function n = calls(log)
%!  % the builder calls logged: [pid, Hidden] rows
%!  n = zeros(0, 2);
%!  if exist(log, 'file')
%!    n = reshape(sscanf(fileread(log), '%d'), 2, []).';
%!  end
%!endfunction

%!test
%! % the table: every combination, sorted by the metric, seeds from the index
%! [X, T, make, G, opts] = task();
%! R = nn_sweep(make, X, T, 'Grid', G, opts{:});
%! assert(numel(R.rows), 4);
%! assert([R.rows.Hidden], [2 2 6 6]);
%! assert([R.rows.LearningRate], [0.01 0.05 0.01 0.05]);
%! assert([R.rows.seeds], 1:4);
%! m = [R.rows.metric];
%! assert(all(m >= 0 & m <= 1));
%! assert(all(diff(m(R.order)) <= 0));        % accuracy: best first
%! assert(R.best, R.order(1));
%! assert(R.net.sizes, [2 R.rows(R.best).Hidden 2]);
%! assert(R.metric, 'accuracy');
%! assert(ischar(R.table) && rows(R.table) == 5);
%! assert(all(cellfun('isempty', {R.rows.error})));
%! % the network of a row is that of a plain nn_train call with its seed
%! c = R.best;
%! [itr, iva] = nn_split(120, 0.8, 'Seed', 1, 'Stratify', T);
%! net = nn_mlp([2 R.rows(c).Hidden 2], 'Hidden', 'tanh', 'Seed', c);
%! net = nn_train(net, X(itr, :), T(itr), 'LearningRate', R.rows(c).LearningRate, opts{:}, 'Seed', c);
%! assert(isequal(net, R.net));
%! r = nn_evaluate(net, X(iva, :), T(iva));
%! assert(R.rows(c).metric, r.accuracy);
%! % the same seed, the same table; another seed, other seeds
%! same(R, nn_sweep(make, X, T, 'Grid', G, opts{:}));
%! R7 = nn_sweep(make, X, T, 'Grid', G, opts{:}, 'Seed', 7);
%! assert([R7.rows.seeds], 7:10);

%!test
%! % 'Random', 'Repeats', 'Metric', 'ValidationData', an empty grid, a network
%! [X, T, make, G, opts] = task();
%! G.Optimizer = {'adam', 'sgd'};
%! R = nn_sweep(make, X, T, 'Grid', G, opts{:}, 'Random', 3, 'Repeats', 2, 'Metric', 'loss');
%! assert(numel(R.rows), 3);
%! assert(size(R.rows(1).metrics), [2 1]);
%! assert(numel(unique([R.rows.seeds])), 6);
%! assert(all(diff([R.rows(R.order).metric]) >= 0));    % loss: lowest first
%! assert([R.rows.metric], [R.rows.loss]);
%! assert([R.rows.metric_std] > 0);
%! same(R, nn_sweep(make, X, T, 'Grid', G, opts{:}, 'Random', 3, 'Repeats', 2, 'Metric', 'loss'));
%! R1 = nn_sweep(nn_mlp([2 3 2]), X(1:80, :), T(1:80), opts{:}, 'ValidationData', {X(81:end, :), T(81:end)});
%! assert(numel(R1.rows), 1);
%! r = nn_evaluate(R1.net, X(81:end, :), T(81:end));
%! assert(R1.rows.metric, r.accuracy);

%!test
%! % 2 local workers give the serial table, bit for bit
%! [X, T, make, G, opts] = task();
%! mine = getenv('GLIBC_TUNABLES');
%! R1 = nn_sweep(make, X, T, 'Grid', G, opts{:}, 'Repeats', 2);
%! R2 = nn_sweep(make, X, T, 'Grid', G, opts{:}, 'Repeats', 2, 'Workers', 2);
%! same(R1, R2);
%! % the workers nn_sweep started (parcellfun keeps them) have one BLAS
%! % thread and large arrays on huge pages; this process's environment is as it was
%! env = parcellfun(2, @(k) {getenv('OPENBLAS_NUM_THREADS'), getenv('GLIBC_TUNABLES')}, {1, 2}, ...
%!                  'UniformOutput', false, 'VerboseLevel', 0);
%! assert(env{1}{1}, '1');
%! assert(~isempty(strfind(env{1}{2}, 'glibc.malloc.hugetlb=')));
%! assert(env{2}, env{1});
%! assert(getenv('GLIBC_TUNABLES'), mine);

%!test
%! % a worker killed while it trains: its configuration runs again on a
%! % fresh worker, nothing finished is run again, and the table is the serial one
%! [X, T, ~, G, opts] = task();
%! G.Hidden = [2 3 4 5 6 7];
%! d = helper_folder();
%! log = fullfile(d, 'calls.txt');
%! marker = fullfile(d, 'killed');
%! res = fullfile(d, 'results');
%! unwind_protect
%!   client = getpid();
%!   make = @(p) sweep_test_builder(p, log, client, 5, marker);
%!   R1 = nn_sweep(make, X, T, 'Grid', G, opts{:});
%!   delete(log);
%!   R2 = nn_sweep(make, X, T, 'Grid', G, opts{:}, 'Workers', 2, 'Results', res);
%!   assert(exist(marker, 'file') == 2);              % a worker was killed
%!   same(R1, R2);
%!   n = calls(log);
%!   worker = n(n(:, 1) ~= getpid(), 2);
%!   % each of the 12 jobs once, the victim twice, and at most the job
%!   % that was running on the other worker at that moment once more
%!   assert(any(sum(worker == 5) == [3 4]));   % two jobs, the victim twice (and maybe the other)
%!   assert(numel(worker) <= 12 + 2 + 1);
%!   assert(numel(dir(fullfile(res, 'job_*.mat'))), 12);
%! unwind_protect_cleanup
%!   rmpath(d);
%!   remove_folder(d);
%! end_unwind_protect

%!test
%! % a job that fails is recorded and the sweep goes on; 'Results' + 'Resume'
%! % run only what is missing and give the table of an uninterrupted sweep
%! [X, T, ~, ~, opts] = task();
%! d = helper_folder();
%! log = fullfile(d, 'calls.txt');
%! res = fullfile(d, 'results');
%! unwind_protect
%!   client = getpid();
%!   make = @(p) sweep_test_builder(p, log, client, NaN, '');
%!   G = struct('Hidden', [2 -3 4 6]);
%!   R = nn_sweep(make, X, T, 'Grid', G, opts{:}, 'Results', res);
%!   assert(~isempty(strfind(R.rows(2).error, 'no network of -3 units')));
%!   assert(isnan(R.rows(2).metric) && R.rows(2).runs == 0);
%!   assert(R.order(end), 2);                          % failed configurations last
%!   assert(all(cellfun('isempty', {R.rows([1 3 4]).error})));
%!   assert(~isempty(strfind(R.table(end, :), 'error: ')));
%!   % interrupted: two finished jobs lost
%!   delete(fullfile(res, 'job_c00001_r001_f01.mat'));
%!   delete(fullfile(res, 'job_c00004_r001_f01.mat'));
%!   delete(log);
%!   R2 = nn_sweep(make, X, T, 'Grid', G, opts{:}, 'Results', res, 'Resume', true);
%!   same(R, R2);
%!   n = calls(log);
%!   assert(sum(ismember(n(:, 2), [2 6])), 4);         % checked, then trained: only those two
%!   assert(sum(ismember(n(:, 2), [-3 4])), 2);        % checked only
%!   % the folder belongs to this sweep: without 'Resume', or for another grid, an error
%!   delete(log);
%!   try
%!     nn_sweep(make, X, T, 'Grid', G, opts{:}, 'Results', res);
%!     error('no error');
%!   catch err
%!     assert(err.identifier, 'nnlab:nn_sweep:results');
%!   end
%!   try
%!     delete(log);
%!     nn_sweep(make, X, T, 'Grid', struct('Hidden', [2 4]), opts{:}, 'Results', res, 'Resume', true);
%!     error('no error');
%!   catch err
%!     assert(err.identifier, 'nnlab:nn_sweep:results');
%!   end
%! unwind_protect_cleanup
%!   rmpath(d);
%!   remove_folder(d);
%! end_unwind_protect

%!test
%! % progress: a line per finished job, quiet with 'Verbose', false
%! [X, T, make, G, opts] = task();
%! s = evalc('nn_sweep(make, X, T, ''Grid'', G, opts{1:4}, ''Verbose'', true);');
%! assert(numel(regexp(s, '\[\d/4\] Hidden=\d LearningRate=[\d.]+: accuracy [\d.]+ \([\d.]+ s\); elapsed [\d.]+ s, about [\d.]+ s left')), 4);
%! assert(~isempty(strfind(s, 'rank  configuration')));   % no output argument: the table
%! s = evalc('R = nn_sweep(make, X, T, ''Grid'', G, opts{:});');
%! assert(isempty(s));

%!test
%! % nn_crossval: stratified folds, the same seed the same folds and results
%! [X, T] = nn_toy('moons', 'N', 90, 'Seed', 4);
%! T(1:10) = 1;                                          % unequal classes
%! make = @() nn_mlp([2 4 2], 'Hidden', 'tanh');
%! cv = nn_crossval(make, X, T, 'Folds', 3, 'Epochs', 5, 'BatchSize', 30);
%! assert(size(cv.folds), [1 3]);
%! assert(cv.mean, mean(cv.folds), 1e-15);
%! assert(cv.std, std(cv.folds), 1e-15);
%! assert(sort(unique(cv.fold)).', 1:3);
%! for c = 1:2
%!   k = accumarray(cv.fold(T == c), 1);
%!   assert(max(k) - min(k) <= 1);
%! end
%! assert(numel(cv.nets), 3);
%! cv2 = nn_crossval(make, X, T, 'Folds', 3, 'Epochs', 5, 'BatchSize', 30);
%! assert(isequal(cv, cv2));
%! cv3 = nn_crossval(make, X, T, 'Folds', 3, 'Epochs', 5, 'BatchSize', 30, 'Seed', 2);
%! assert(~isequal(cv.fold, cv3.fold));
%! % a fold's network is nn_train on the other folds
%! net = nn_train(nn_mlp([2 4 2], 'Hidden', 'tanh', 'Seed', 1), X(cv.fold ~= 2, :), T(cv.fold ~= 2), ...
%!                'Epochs', 5, 'BatchSize', 30, 'Seed', 1, 'Verbose', false);
%! assert(isequal(net, cv.nets{2}));

%!test
%! % nn_ensemble: members from seeds Seed..Seed+M-1; nn_predict averages probabilities
%! [X, T] = nn_toy('moons', 'N', 100, 'Seed', 5);
%! make = @() nn_mlp([2 5 2], 'Hidden', 'tanh');
%! E = nn_ensemble(make, X, T, 'Members', 3, 'Epochs', 5, 'BatchSize', 25, 'Seed', 4);
%! assert(E.ensemble && numel(E.members) == 3 && isequal(E.seeds, 4:6));
%! net = nn_train(nn_mlp([2 5 2], 'Hidden', 'tanh', 'Seed', 5), X, T, 'Epochs', 5, 'BatchSize', 25, ...
%!                'Seed', 5, 'Verbose', false);
%! assert(isequal(net, E.members{2}));
%! P = 0;
%! for m = 1:3
%!   P = P + nn_act(nn_predict(E.members{m}, X), 'softmax') / 3;
%! end
%! assert(nn_predict(E, X), P, 1e-15);
%! r = nn_evaluate(E, X, T);
%! assert(r.accuracy, mean((P(:, 2) > P(:, 1)) + 1 == T), 1e-15);
%! assert(r.loss_name, 'nll');
%! assert(r.loss, -mean(log(P(sub2ind(size(P), (1:100).', T)))), 1e-12);
%! assert(r.members, 3);
%! % regression: the mean of the outputs
%! Xr = linspace(-1, 1, 40).';
%! Er = nn_ensemble(@() nn_mlp([1 4 1], 'Hidden', 'tanh'), Xr, Xr.^2, 'Members', 2, 'Epochs', 3);
%! assert(nn_predict(Er, Xr), (nn_predict(Er.members{1}, Xr) + nn_predict(Er.members{2}, Xr)) / 2, 1e-15);
%! assert(isfield(nn_evaluate(Er, Xr, Xr.^2), 'r2'));
%! E2 = nn_ensemble(make, X, T, 'Members', 3, 'Epochs', 5, 'BatchSize', 25, 'Seed', 4, 'Workers', 2);
%! assert(isequal(E, E2));

%!test
%! % nn_plot_sweep: a line plot and a heat map, PNG
%! [X, T, make, G, opts] = task();
%! R = nn_sweep(make, X, T, 'Grid', G, opts{:});
%! d = tempname();
%! unwind_protect
%!   f1 = nn_plot_sweep(R, 'LearningRate', fullfile(d, 'line.png'));
%!   f2 = nn_plot_sweep(R, 'LearningRate', 'Hidden', fullfile(d, 'heat.png'));
%!   for f = {f1, f2}
%!     fid = fopen(f{1}, 'r');
%!     sig = fread(fid, 8, 'uint8')';
%!     fclose(fid);
%!     assert(sig, [137 80 78 71 13 10 26 10]);
%!   end
%! unwind_protect_cleanup
%!   remove_folder(d);
%! end_unwind_protect

%% bad input: clear errors before any training
%!shared X, T, make, G, opts
%! [X, T, make, G, opts] = task();
%!error id=nnlab:nn_sweep:nargin nn_sweep(make, X)
%!error id=nnlab:nn_sweep:makeNet nn_sweep(42, X, T, 'Grid', G)
%!error id=nnlab:nn_sweep:makeNet nn_sweep(@(p) nn_mlp([2 p.Hidden 2]), X, T, 'Grid', struct('Hidden', {{'many'}}))
%!error id=nnlab:nn_sweep:size nn_sweep(make, X, T(1:5), 'Grid', G)
%!error id=nnlab:nn_sweep:grid nn_sweep(make, X, T, 'Grid', 3)
%!error id=nnlab:nn_sweep:grid nn_sweep(make, X, T, 'Grid', struct('Hidden', []))
%!error id=nnlab:nn_sweep:grid nn_sweep(@() nn_mlp([2 3 2]), X, T, 'Grid', struct('LearningRat', [1 2]))
%!error id=nnlab:nn_sweep:grid nn_sweep(make, X, T, 'Grid', struct('Hidden', 3, 'Seed', [1 2]))
%!error id=nnlab:nn_sweep:gridValue nn_sweep(make, X, T, 'Grid', struct('Hidden', 3, 'LearningRate', [0.1 -1]))
%!error id=nnlab:nn_sweep:gridValue nn_sweep(make, X, T, 'Grid', struct('Hidden', 3, 'Optimizer', {{'adam', 'newton'}}))
%!error id=nnlab:nn_sweep:option nn_sweep(make, X, T, 'Grid', G, 'Epoch', 3)
%!error id=nnlab:nn_sweep:option nn_sweep(make, X, T, 'Grid', G, 'Checkpoint', 'a.mat')
%!error id=nnlab:nn_sweep:option nn_sweep(make, X, T, 'Grid')
%!error id=nnlab:nn_sweep:optionValue nn_sweep(make, X, T, 'Grid', G, 'Metric', 'r2')
%!error id=nnlab:nn_sweep:optionValue nn_sweep(make, X, T, 'Grid', G, 'Workers', 0)
%!error id=nnlab:nn_sweep:optionValue nn_sweep(make, X, T, 'Grid', G, 'Random', 5)
%!error id=nnlab:nn_sweep:optionValue nn_sweep(make, X, T, 'Grid', G, 'Resume', true)
%!error id=nnlab:nn_sweep:optionValue nn_sweep(make, X, T, 'Grid', G, 'Cluster', 'host1')
%!error id=nnlab:nn_sweep:optionValue nn_sweep(make, X, T, 'Grid', G, 'Folds', 500)
%!error id=nnlab:nn_crossval:nargin nn_crossval(make)
%!error id=nnlab:nn_crossval:option nn_crossval(@() nn_mlp([2 3 2]), X, T, 'Grid', G)
%!error id=nnlab:nn_crossval:optionValue nn_crossval(@() nn_mlp([2 3 2]), X, T, 'Folds', 0)
%!error id=nnlab:nn_crossval:gridValue nn_crossval(@() nn_mlp([2 3 2]), X, T, 'LearningRate', -1)
%!error id=nnlab:nn_ensemble:nargin nn_ensemble(make, X)
%!error id=nnlab:nn_ensemble:optionValue nn_ensemble(@() nn_mlp([2 3 2]), X, T, 'Members', 0)
%!error id=nnlab:nn_ensemble:option nn_ensemble(@() nn_mlp([2 3 2]), X, T, 'Folds', 3)
%!error id=nnlab:nn_ensemble:makeNet nn_ensemble('net', X, T)
%!error id=nnlab:nn_predict:net nn_predict(struct('ensemble', true), X)
%!error id=nnlab:nn_plot_sweep:nargin nn_plot_sweep(1)
%!error id=nnlab:nn_plot_sweep:class nn_plot_sweep(1, 'Hidden', 'a.png')
%!error id=nnlab:nn_plot_sweep:field nn_plot_sweep(struct('rows', struct('metric', 1), 'names', {{'Hidden'}}, 'metric', 'loss'), 'Depth', 'a.png')

%!test
%! % the lecture demo, quick, into a fresh folder
%! outdir = tempname();
%! unwind_protect
%!   evalc('r = nn_demo_sweep(outdir, ''Quick'', true);');
%!   assert(numel(r.figures), 2);
%!   for i = 1:2
%!     assert(strncmp(r.figures{i}, outdir, numel(outdir)));
%!     d = dir(r.figures{i});
%!     assert(d.bytes > 1000);
%!   end
%!   assert(r.ensemble_loss < mean(r.member_loss));
%! unwind_protect_cleanup
%!   if exist(outdir, 'dir')
%!     confirm_recursive_rmdir(false, 'local');
%!     rmdir(outdir, 's');
%!   end
%! end_unwind_protect
%!error id=nnlab:nn_demo_sweep:option nn_demo_sweep(tempdir(), 'Fast', true)
