% bench_sweep(blobsfile) - issue 14, item 7: nn_sweep's engines timed on
% (1) 8 configurations of the 64-32-10 tanh blobs task (2,000 samples,
% batch 32, 20 epochs, single; LearningRate x Optimizer) and (2) 4
% configurations of the Fashion-MNIST 784-256-128-10 ReLU MLP for one epoch
% (batch 128, single, Adam; 4 learning rates): serial in this process, on 2
% local workers (parcellfun, one BLAS thread each), and on 2 pserver hosts
% of this machine (tests/sweep_cluster.sh; only as root), twice each: the
% first run is the engine's first sweep of the data (a worker's first copy
% of it lands in fresh memory), the second a sweep repeated.  Prints one
% RESULT line per task, engine and run: wall seconds, the training seconds
% summed over the configurations, and the overhead per configuration
% (wall x processes - training, over the configurations).  Start Octave with
% OPENBLAS_NUM_THREADS=1 for a serial run of one thread, 2 for two.
function bench_sweep(blobsfile)
  root = fileparts(fileparts(mfilename('fullpath')));
  if nargin < 1 || isempty(blobsfile)
    blobsfile = fullfile(tempdir(), 'nnlab-blobs.txt');
    make_blobs(blobsfile);
  end
  B = load(blobsfile);
  tasks = struct('name', {'blobs-8', 'fashion-4'}, 'X', [], 'T', [], 'make', [], 'G', [], 'opts', []);
  tasks(1).X = single(B(:, 1:64));
  tasks(1).T = B(:, 65);
  tasks(1).make = @() nn_mlp([64 32 10], 'Hidden', 'tanh', 'Class', 'single');
  tasks(1).G = struct('LearningRate', [0.001 0.003 0.01 0.03], 'Optimizer', {{'adam', 'sgd'}});
  tasks(1).opts = {'Epochs', 20, 'BatchSize', 32};
  [Xtr, ytr] = nn_fashion_mnist();
  tasks(2).X = single(Xtr);
  tasks(2).T = ytr;
  tasks(2).make = @() nn_mlp([784 256 128 10], 'Hidden', 'relu', 'Class', 'single');
  tasks(2).G = struct('LearningRate', [3e-4 1e-3 3e-3 1e-2]);
  tasks(2).opts = {'Epochs', 1, 'BatchSize', 128, 'Optimizer', 'adam'};
  printf('# bench_sweep: OPENBLAS_NUM_THREADS=%s, load %s\n', getenv('OPENBLAS_NUM_THREADS'), ...
         strtrim(fileread('/proc/loadavg')));
  pkg load parallel
  cluster = [];
  tag = sprintf('%d', mod(getpid(), 10000));
  script = fullfile(root, 'tests', 'sweep_cluster.sh');
  if getuid() == 0
    [st, out] = system(sprintf('timeout -s KILL 30 sh %s start %s 2>&1', script, tag));
    if st == 0
      hosts = strsplit(strtrim(out));
      cluster = pconnect(hosts, struct('use_tls', false));
      network_set(cluster, 'nlocaljobs', 1);
    else
      printf('# no cluster: %s\n', out);
    end
  end
  unwind_protect
    for t = tasks
      common = [{t.make, t.X, t.T, 'Grid', t.G, 'ValidationFraction', 0.1, 'Verbose', false}, t.opts];
      engines = {{}, {'Workers', 2}};
      names = {'serial', 'workers-2'};
      procs = [1 2];
      if ~isempty(cluster)
        engines{end + 1} = {'Cluster', cluster};
        names{end + 1} = 'pservers-2';
        procs(end + 1) = 2;
      end
      ref = [];
      for e = 1:numel(engines)
        for run = 1:2             % run 1: the engine's first sweep of this data
          tic();
          R = nn_sweep(common{:}, engines{e}{:});
          wall = toc();
          train = sum([R.rows.time]);
          n = numel(R.rows);
          if isempty(ref)
            ref = R;
            same = true;
          else
            same = isequal([R.rows.metric], [ref.rows.metric]);
          end
          printf(['RESULT task=%s engine=%s run=%d configs=%d wall_s=%.3f train_s=%.3f ' ...
                  'overhead_per_config_s=%.3f identical_to_serial=%d\n'], t.name, names{e}, run, n, ...
                 wall, train, (wall * procs(e) - train) / n, same);
        end
      end
    end
  unwind_protect_cleanup
    if ~isempty(cluster)
      sclose(cluster);
      system(sprintf('timeout -s KILL 30 sh %s stop %s', script, tag));
    end
  end_unwind_protect
end
