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
%
% The floor of the speed-up: the same jobs (each nn_train call and its
% nn_evaluate on the validation rows) in fresh octave-cli processes that
% hold the data already and start together, with no nn_sweep and no
% parallel package: one process doing all the jobs (engine plain-1) against
% two doing half each (plain-2), twice.  And parcellfun's own cost on a
% started pool of 2: the configurations' jobs as calls that return a
% network at once (engine parcellfun-empty).  bench_sweep(blobsfile,
% 'plain', task, part, parts, folder) is one such process (run by this
% file): it does jobs part, part + parts, ... of TASK and writes its wall
% seconds into FOLDER.
function bench_sweep(blobsfile, mode, varargin)
  root = fileparts(fileparts(mfilename('fullpath')));
  if nargin < 1 || isempty(blobsfile)
    blobsfile = fullfile(tempdir(), 'nnlab-blobs.txt');
    make_blobs(blobsfile);
  end
  if nargin > 1 && strcmp(mode, 'plain')
    plain_process(sweep_tasks(blobsfile), varargin{:});
    return
  end
  tasks = sweep_tasks(blobsfile);
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
      plain_floor(root, blobsfile, t, ref);
    end
  unwind_protect_cleanup
    if ~isempty(cluster)
      sclose(cluster);
      system(sprintf('timeout -s KILL 30 sh %s stop %s', script, tag));
    end
  end_unwind_protect
end

function tasks = sweep_tasks(blobsfile)
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
end

% The jobs of task T as nn_sweep makes them from its grid and
% 'ValidationFraction', 0.1 (the first grid field changes slowest; seeds
% are the sweep's, Seed 1): {options, seed} per job, and the split.
function [jobs, itr, iva] = plain_jobs(t)
  names = fieldnames(t.G).';
  values = cell(size(names));
  for k = 1:numel(names)
    values{k} = t.G.(names{k});     % a list of numbers, or a cell of values
    if ~iscell(values{k})
      values{k} = num2cell(values{k});
    end
  end
  counts = cellfun('numel', values);
  jobs = cell(prod(counts), 2);
  for c = 1:prod(counts)
    sub = cell(1, numel(names));
    [sub{end:-1:1}] = ind2sub([fliplr(counts) 1], c);
    opts = t.opts;
    for k = 1:numel(names)
      opts = [opts, {names{k}, values{k}{sub{k}}}];
    end
    jobs(c, :) = {opts, c};
  end
  [itr, iva] = nn_split(size(t.X, 1), 0.9, 'Seed', 1, 'Stratify', t.T);
end

% One plain process: jobs PART, PART + PARTS, ... of the task named NAME,
% timed from the moment FOLDER/go appears; the data are loaded and one small
% training done before it says it is ready (FOLDER/ready-PART).
function plain_process(tasks, name, part, parts, folder)
  t = tasks(strcmp({tasks.name}, name));
  [jobs, itr, iva] = plain_jobs(t);
  net = t.make();
  nn_train(net, t.X(itr(1:64), :), t.T(itr(1:64)), 'Epochs', 1, 'Verbose', false);
  fclose(fopen(fullfile(folder, sprintf('ready-%d', part)), 'w'));
  while ~exist(fullfile(folder, 'go'), 'file')
    pause(0.005);
  end
  t0 = tic();
  for j = part:parts:size(jobs, 1)
    net = nn_train(t.make(), t.X, t.T, jobs{j, 1}{:}, 'Rows', itr, 'Seed', jobs{j, 2}, 'Verbose', false);
    r = nn_evaluate(net, t.X(iva, :), t.T(iva));
  end
  wall = toc(t0);
  f = fopen(fullfile(folder, sprintf('wall-%d', part)), 'w');
  fprintf(f, '%.6f\n', wall);
  fclose(f);
end

% plain-1 and plain-2 (each twice), then parcellfun-empty (twice), for task T
function plain_floor(root, blobsfile, t, R)
  n = numel(R.rows);
  octave = fullfile(OCTAVE_HOME(), 'bin', 'octave-cli');
  if ~exist(octave, 'file')
    octave = 'octave-cli';
  end
  for run = 1:2
    for parts = [1 2]
      folder = tempname();
      mkdir(folder);
      % this process's nnlab (the benchmark's copy of m/ and its MEX files)
      code = @(part) sprintf(['addpath(''%s''); addpath(''%s''); addpath(''%s''); ' ...
                              'bench_sweep(''%s'', ''plain'', ''%s'', %d, %d, ''%s'');'], ...
                             fileparts(which('nn_train')), fileparts(which('nn_fit')), ...
                             fullfile(root, 'bench'), blobsfile, t.name, part, parts, folder);
      for part = 1:parts
        system(sprintf(['OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 GLIBC_TUNABLES=glibc.malloc.hugetlb=1 ' ...
                        'timeout -s KILL 300 %s --norc --no-history --no-gui --eval "%s" ' ...
                        '> %s/log-%d 2>&1'], octave, code(part), folder, part), false, 'async');
      end
      ok = wait_files(folder, 'ready', parts, 240);
      wall = NaN;
      if ok
        fclose(fopen(fullfile(folder, 'go'), 'w'));
        if wait_files(folder, 'wall', parts, 240)
          wall = max(arrayfun(@(p) str2double(fileread(fullfile(folder, sprintf('wall-%d', p)))), 1:parts));
        end
      end
      if isnan(wall)
        printf('# plain-%d failed: %s\n', parts, fileread(fullfile(folder, 'log-1')));
      else
        printf(['RESULT task=%s engine=plain-%d run=%d configs=%d wall_s=%.3f train_s=%.3f ' ...
                'overhead_per_config_s=0 identical_to_serial=1\n'], t.name, parts, run, n, wall, wall * parts);
      end
      confirm_recursive_rmdir(false, 'local');
      [~] = rmdir(folder, 's');
    end
  end
  net = R.net;
  f = @(k) net;
  for run = 1:2
    tic();
    parcellfun(2, f, num2cell(1:n), 'UniformOutput', false, 'VerboseLevel', 0);
    wall = toc();
    printf(['RESULT task=%s engine=parcellfun-empty run=%d configs=%d wall_s=%.3f train_s=0 ' ...
            'overhead_per_config_s=%.3f identical_to_serial=1\n'], t.name, run, n, wall, 2 * wall / n);
  end
end

function ok = wait_files(folder, prefix, count, seconds)
  t0 = tic();
  ok = false;
  while toc(t0) < seconds
    if numel(dir(fullfile(folder, [prefix '-*']))) >= count
      ok = true;
      return
    end
    pause(0.01);
  end
end
