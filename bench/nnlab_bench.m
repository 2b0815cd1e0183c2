% nnlab_bench(task, runs, ...) - nnlab's side of make bench: nn_train on the
% reference tasks, timed with tic/toc around the nn_train call (data already
% in memory, 'Verbose' false), in single and double ('Class' of nn_mlp, data
% of that class).  Threads: OPENBLAS_NUM_THREADS in the environment.
%
% nnlab_bench('A', runs, epochs)
%   Fashion-MNIST, 784-256-128-10 ReLU, softmax cross-entropy ('ce'),
%   minibatch 128, SGD lr 0.1 (task A-sgd) and Adam lr 1e-3 (task A-adam);
%   test accuracy after the last epoch (not timed).  Also impl=nnlab-cols:
%   the same with the images one a column ('ObservationsIn', 'columns'),
%   the layout the Octave peer keeps (transposed before the timing).
% nnlab_bench('B', runs, blobsfile, steps, epochs, budget)
%   B-xor: 2-8-1 sigmoid/sigmoid, 'bce', full batch of 4, SGD lr 1, STEPS
%   steps (one epoch each, no shuffling).  When STEPS steps would take longer
%   than BUDGET seconds per run, fewer steps are run (the count that fits)
%   and the time is scaled to STEPS: the line says steps=<run> scaled_to=STEPS.
%   B-blobs: 64-32-10 tanh, 'ce', the 2000 samples of BLOBSFILE, minibatch 32,
%   SGD lr 0.1, EPOCHS epochs.  Accuracy on the training data.
% nnlab_bench('C', runs, n)
%   C-cnn: the CNN of issue 13 on the first N Fashion-MNIST training images
%   (28x28x1, H x W x C x N): conv 32 3x3 - relu - maxpool 2 - conv 64 3x3 -
%   relu - maxpool 2 - flatten - dense 128 - relu - dense 10, 'ce',
%   minibatch 128, SGD lr 0.05, one epoch; test accuracy (not timed).
%
% Task B also measures nn_train's fixed cost per call (issue 16 item 3):
%   fixed: a 1-epoch call on 64 of the blobs (64-32-10 tanh, 'ce', minibatch
%   32, SGD lr 0.1, 'Seed'), the mean over many calls, against the one
%   nn_fit call it makes (the engine's own work, with the same arguments);
%   the line says time_s (nn_train), engine_s (nn_fit) and fixed_s (their
%   difference) per call.
%
% When nn_train has the option 'Engine' and its compiled training loop
% ('Engine', 'c') works, the default ('auto', impl=nnlab) is timed and the
% step-by-step m-file loop ('Engine', 'm', impl=nnlab-m) as well.
% Prints one line per run:
%   RESULT task=A-sgd impl=nnlab prec=single threads=1 run=1 time_s=... acc=...
function nnlab_bench(task, runs, varargin)
  thr = getenv('OPENBLAS_NUM_THREADS');
  engines = {{'nnlab', {}}};
  if has_engine()
    engines = {{'nnlab', {}}, {'nnlab-m', {'Engine', 'm'}}};
  end
  printf('# nnlab_bench %s: engines %s, OPENBLAS_NUM_THREADS=%s\n', task, ...
         strjoin(cellfun(@(e) e{1}, engines, 'UniformOutput', false), ', '), thr);
  switch task
    case 'A'
      bench_a(runs, varargin{1}, engines, thr);
    case 'B'
      bench_b(runs, varargin{:}, engines, thr);
    case 'C'
      bench_c(runs, varargin{1}, thr);
  end
end

function ok = has_engine()
  ok = true;
  try
    net = nn_mlp([2 2 1], 'Seed', 1);
    nn_train(net, [0 0; 1 1], [0; 1], 'Epochs', 1, 'Verbose', false, 'Engine', 'c');
  catch
    ok = false;
  end
end

function bench_a(runs, epochs, engines, thr)
  [Xtr, ytr, Xte, yte] = nn_fashion_mnist();
  opts = struct('sgd', {{'Optimizer', 'sgd', 'LearningRate', 0.1}}, ...
                'adam', {{'Optimizer', 'adam', 'LearningRate', 1e-3}});
  for prec = {'single', 'double'}
    cls = prec{1};
    X = cast(Xtr, cls);
    Xt = cast(Xte, cls);
    % nnlab-cols: the images one a column, as the Octave peer keeps them
    % (made before the timing, as the peers make their layouts at loading)
    Xc = X.';
    ea = [engines, {{'nnlab-cols', {'ObservationsIn', 'columns'}}}];
    for optim = {'sgd', 'adam'}
      for e = 1:numel(ea)
        for run = 1:runs
          net = nn_mlp([784 256 128 10], 'Seed', run, 'Class', cls);
          Xin = X;
          if strcmp(ea{e}{1}, 'nnlab-cols')
            Xin = Xc;
          end
          t0 = tic();
          net = nn_train(net, Xin, ytr, 'Loss', 'ce', opts.(optim{1}){:}, 'BatchSize', 128, ...
                         'Epochs', epochs, 'Seed', run, 'Verbose', false, ea{e}{2}{:});
          t = toc(t0);
          acc = nn_accuracy(nn_predict(net, Xt), yte);
          printf('RESULT task=A-%s impl=%s prec=%s threads=%s run=%d epochs=%d time_s=%.4f acc=%.4f\n', ...
                 optim{1}, ea{e}{1}, cls, thr, run, epochs, t, acc);
          fflush(stdout);
        end
      end
    end
  end
end

function bench_b(runs, blobsfile, steps, epochs, budget, engines, thr)
  D = load(blobsfile);
  for prec = {'single', 'double'}
    cls = prec{1};
    X = cast([0 0; 0 1; 1 0; 1 1], cls);
    T = cast([0; 1; 1; 0], cls);
    xor = @(net, n, eng) nn_train(net, X, T, 'Loss', 'bce', 'Optimizer', 'sgd', ...
                                  'LearningRate', 1, 'BatchSize', 4, 'Epochs', n, ...
                                  'Shuffle', false, 'Seed', 1, 'Verbose', false, eng{:});
    for e = 1:numel(engines)
      eng = engines{e}{2};
      % how many steps fit in the budget (a first timed run of 200 steps)
      net = nn_mlp([2 8 1], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 1, 'Class', cls);
      t0 = tic();
      xor(net, 200, eng);
      per = toc(t0) / 200;
      n = steps;
      if per * steps > budget
        n = min(steps, max(200, 100 * floor(budget / per / 100)));
      end
      for run = 1:runs
        net = nn_mlp([2 8 1], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', run, 'Class', cls);
        t0 = tic();
        net = xor(net, n, eng);
        t = toc(t0) * steps / n;
        acc = nn_accuracy(nn_predict(net, X), T);
        printf('RESULT task=B-xor impl=%s prec=%s threads=%s run=%d steps=%d scaled_to=%d time_s=%.4f acc=%.4f\n', ...
               engines{e}{1}, cls, thr, run, n, steps, t, acc);
        fflush(stdout);
      end
    end
    Xb = cast(D(:, 1:64), cls);
    Tb = D(:, 65);
    for e = 1:numel(engines)
      for run = 1:runs
        net = nn_mlp([64 32 10], 'Hidden', 'tanh', 'Seed', run, 'Class', cls);
        t0 = tic();
        net = nn_train(net, Xb, Tb, 'Loss', 'ce', 'Optimizer', 'sgd', 'LearningRate', 0.1, ...
                       'BatchSize', 32, 'Epochs', epochs, 'Seed', run, 'Verbose', false, ...
                       engines{e}{2}{:});
        t = toc(t0);
        acc = nn_accuracy(nn_predict(net, Xb), Tb);
        printf('RESULT task=B-blobs impl=%s prec=%s threads=%s run=%d epochs=%d time_s=%.4f acc=%.4f\n', ...
               engines{e}{1}, cls, thr, run, epochs, t, acc);
        fflush(stdout);
      end
    end
    bench_fixed(runs, Xb(1:64, :), Tb(1:64), cls, thr);
  end
end

function bench_fixed(runs, X, T, cls, thr)
% nn_train's cost per call beyond its nn_fit call (see the help above).
  args = {'Loss', 'ce', 'Optimizer', 'sgd', 'LearningRate', 0.1, 'BatchSize', 32, ...
          'Epochs', 1, 'Seed', 1, 'Verbose', false};
  net = nn_mlp([64 32 10], 'Hidden', 'tanh', 'Seed', 1, 'Class', cls);
  S = cell(1, numel(net.layers));
  P = (0:63)';
  Tc = cast(T, cls);
  calls = 2000;
  for i = 1:200                    % warm-up: files parsed, memory in place
    nn_train(net, X, T, args{:});
    nn_fit(X, Tc, P, 32, net.layers, S, S, 'ce', {}, 'sgd', {'lr', 0.1}, 0, 'argmax', 'copy');
  end
  for run = 1:runs
    t0 = tic();
    for i = 1:calls
      nn_train(net, X, T, args{:});
    end
    t = toc(t0) / calls;
    t0 = tic();
    for i = 1:calls
      nn_fit(X, Tc, P, 32, net.layers, S, S, 'ce', {}, 'sgd', {'lr', 0.1}, 0, 'argmax', 'copy');
    end
    te = toc(t0) / calls;
    printf('RESULT task=fixed impl=nnlab prec=%s threads=%s run=%d time_s=%.7f engine_s=%.7f fixed_s=%.7f\n', ...
           cls, thr, run, t, te, t - te);
    fflush(stdout);
  end
end

function bench_c(runs, n, thr)
  [Xtr, ytr, Xte, yte] = nn_fashion_mnist();
  for prec = {'single', 'double'}
    cls = prec{1};
    X = reshape(cast(Xtr(1:n, :), cls).', 28, 28, 1, n);
    y = ytr(1:n);
    Xt = reshape(cast(Xte, cls).', 28, 28, 1, []);
    for run = 1:runs
      net = nn_sequential([28 28 1], nn_layer('conv2d', 32, 3), 'relu', nn_layer('maxpool', 2), ...
                          nn_layer('conv2d', 64, 3), 'relu', nn_layer('maxpool', 2), ...
                          nn_layer('flatten'), nn_layer('dense', 128), 'relu', ...
                          nn_layer('dense', 10), 'Seed', run, 'Class', cls);
      t0 = tic();
      net = nn_train(net, X, y, 'Loss', 'ce', 'Optimizer', 'sgd', 'LearningRate', 0.05, ...
                     'BatchSize', 128, 'Epochs', 1, 'Seed', run, 'Verbose', false);
      t = toc(t0);
      acc = nn_accuracy(nn_predict(net, Xt), yte);
      printf('RESULT task=C-cnn impl=nnlab prec=%s threads=%s run=%d n=%d time_s=%.4f acc=%.4f\n', ...
             cls, thr, run, n, t, acc);
      fflush(stdout);
    end
  end
end
