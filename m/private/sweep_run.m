function recs = sweep_run(fn, jobs, D, workers, cluster, threads)
% SWEEP_RUN  Run the JOBS (a struct array) of a sweep, cross-validation or
%   ensemble: in this process (WORKERS 1, CLUSTER empty), with parcellfun
%   on WORKERS local processes, or with netcellfun on the pserver hosts of
%   the connection CLUSTER.  Returns one record per job, in job order (see
%   sweep_job).  Jobs already in the results folder D.folder are not run
%   again.  When a worker process dies, the jobs it had not finished are
%   run again once on fresh workers; a host of the cluster that dies ends
%   netcellfun, and the jobs not finished are recorded with an error that
%   says so (finished jobs are in the results folder, and 'Resume' continues).
%   FN names the calling function in messages.
  keys = {jobs.key};
  recs = cell(numel(jobs), 1);
  if ~isempty(D.folder)
    recs = place(recs, keys, sweep_store('load', D.folder, keys));
  end
  todo = find(cellfun('isempty', recs));
  if ~isempty(D.folder) && D.verbose && numel(todo) < numel(jobs)
    fprintf('%s: %d of %d jobs already in %s\n', fn, numel(jobs) - numel(todo), numel(jobs), D.folder);
  end
  D.total = numel(jobs);
  D.t0 = clock();
  if isempty(todo)
    recs = [recs{:}].';
    return
  end
  if isempty(cluster) && workers <= 1
    verbose = D.verbose;
    D.verbose = false;              % this process prints, with its own count
    for i = todo(:).'
      recs{i} = sweep_job(jobs(i), D);
      if verbose
        sweep_progress(D, recs{i}, sum(~cellfun('isempty', recs)));
      end
    end
    recs = [recs{:}].';
    return
  end

  pkg('load', 'parallel');
  temp = isempty(D.folder);
  if temp
    % finished jobs must outlive a worker that dies: keep them on disk
    D.folder = tempname();
    sweep_store('mkdir', D.folder, fn);
  end
  if isempty(cluster)
    Dw = sweep_data('put', D);      % the data through a file in memory, when it can
    h = @sweep_job;                 % a handle to this private file: parcellfun's workers find it
    f = @(job) h(job, Dw);          % (they get our path)
  else
    % a pserver host has its own path: put nnlab's folders on it, then call
    % the job through nn_sweep (a private function is not visible there)
    Dh = D;
    Dh.verbose = false;             % this process prints when the results come
    f = @(job) subsref({addpath(Dh.paths{1:2}), feval('nn_sweep', '-job', job, Dh)}, substruct('{}', {2}));
  end
  try
    if isempty(cluster)
      recs = local(recs, todo, jobs, f, workers, threads, D.folder, keys);
      sweep_data('drop', Dw);
    else
      recs = remote(recs, todo, jobs, f, cluster, D, keys, fn);
    end
  catch err
    if isempty(cluster)
      sweep_data('drop', Dw);
    end
    if temp
      cleanup(D.folder);
    end
    rethrow(err);
  end
  if temp
    cleanup(D.folder);
  end
  recs = [recs{:}].';
end

function recs = local(recs, todo, jobs, f, workers, threads, folder, keys)
  persistent pool_env
  names = {'OPENBLAS_NUM_THREADS', 'OMP_NUM_THREADS', 'GLIBC_TUNABLES'};
  old = cellfun(@getenv, names, 'UniformOutput', false);
  want = sprintf('%d', threads);
  % Each worker's C library puts its large blocks on huge pages (glibc 2.35
  % and later; older ones ignore the name).  A worker's memory is fresh: its
  % first load of the data, 188 MB for Fashion-MNIST, faults in every 4 kB
  % page of it, 0.8-0.9 s on a virtual machine, and 0.06-0.3 s on 2 MB
  % pages.  A user's own choice of glibc.malloc.hugetlb wins.
  tunables = old{3};
  if isempty(tunables)
    tunables = 'glibc.malloc.hugetlb=1';
  elseif isempty(strfind(tunables, 'glibc.malloc.hugetlb'))
    tunables = ['glibc.malloc.hugetlb=1:' tunables];
  end
  env = {want, want, tunables};
  if ~isequal(pool_env, env)
    parcellfun_set_nproc(0);        % a pool started with another environment: start a new one
  end
  for k = 1:numel(names)
    setenv(names{k}, env{k});       % read by each worker when it starts
  end
  pool_env = env;
  unwind_protect
    for attempt = 1:2
      try
        out = parcellfun(workers, f, num2cell(jobs(todo)), 'UniformOutput', false);
        recs(todo) = out;
        todo = [];
      catch err
        % a worker died: what it and the others finished is in the folder
        parcellfun_set_nproc(0);
        recs = place(recs, keys, sweep_store('load', folder, keys(todo)));
        todo = find(cellfun('isempty', recs));
        if attempt == 2
          for i = todo(:).'
            recs{i} = sweep_record(jobs(i), sprintf(['the worker process running it stopped twice ' ...
                                 '(%s)'], err.message));
          end
        end
      end
      if isempty(todo)
        break
      end
    end
  unwind_protect_cleanup
    for k = 1:numel(names)
      setenv(names{k}, old{k});
    end
  end_unwind_protect
end

function recs = remote(recs, todo, jobs, f, cluster, D, keys, fn)
  try
    out = netcellfun(cluster, f, num2cell(jobs(todo)), 'UniformOutput', false);
    recs(todo) = out;
  catch err
    recs = place(recs, keys, sweep_store('load', D.folder, keys(todo)));
    for i = find(cellfun('isempty', recs)).'
      recs{i} = sweep_record(jobs(i), sprintf(['a host of the cluster stopped before it finished ' ...
                           '(%s); start it again and call %s with the same ''Results'' folder ' ...
                           'and ''Resume'', true'], err.message, fn));
    end
  end
  done = numel(keys) - numel(todo);
  for i = todo(:).'
    if isempty(recs{i}.error)
      sweep_store('save', D.folder, recs{i});    % in case the hosts cannot see the folder
    end
    done = done + 1;
    if D.verbose
      sweep_progress(D, recs{i}, done);           % the hosts print on their own terminals
    end
  end
end

function recs = place(recs, keys, found)
  for k = 1:numel(found)
    recs{strcmp(keys, found(k).key)} = found(k);
  end
end

function cleanup(folder)
  confirm_recursive_rmdir(false, 'local');
  [~] = rmdir(folder, 's');
end
