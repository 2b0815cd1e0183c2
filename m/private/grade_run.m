function res = grade_run(fn, calls, srcs, isolate, limit)
% GRADE_RUN  Run the student's calls for nn_grade, catching everything.
%   RES = grade_run(FN, CALLS, SRCS, ISOLATE, LIMIT): CALLS(k) has fields
%   fn (a field of SRCS: which student function), args, nout and seed (rand
%   and randn are seeded with it just before the call); SRCS.(f) says where
%   that function is (grade_source).  RES{k} is a struct with status ('ok',
%   'error', 'timeout' or 'crash'), out (the outputs), msg, where (function
%   and line of an error) and time.
%
%   ISOLATE true: all calls in one child octave-cli (a new one after a call
%   that took longer than LIMIT seconds, which is stopped, or that ended the
%   child by exit or a crash; the other calls of the same function are then
%   not run, and fail with the same status).  ISOLATE false: in this
%   Octave, no time limit, the user's random streams restored afterwards.
  if isolate
    res = run_child(fn, calls, srcs, limit);
  else
    res = run_here(calls, srcs);
  end
end

function r = result(status, msg)
  r = struct('status', status, 'out', {{}}, 'msg', msg, 'where', '', 'time', 0);
end

function res = run_here(calls, srcs)
  res = cell(1, numel(calls));
  old = path();
  restore = onCleanup(@() path(old));
  old_u = rand('twister');
  old_n = randn('twister');
  restore_rng = onCleanup(@() reseed(old_u, old_n));
  tmp = '';
  keys = fieldnames(srcs);
  f = struct();
  for i = 1:numel(keys)
    s = srcs.(keys{i});
    switch s.kind
      case {'handle', 'anon'}
        f.(keys{i}) = s.handle;
      case 'file'
        if isempty(tmp) && ~isvarname(s.base)
          tmp = tempname();
          mkdir(tmp);
          cleaner = onCleanup(@() remove_folder(tmp));
        end
        addpath(s.folder);
        name = s.base;
        if ~isvarname(name)
          name = ['nngrade_' keys{i}];
          copyfile(s.file, fullfile(tmp, [name '.m']));
          addpath(tmp);
        end
        clear(name);
        f.(keys{i}) = name;
    end
  end
  for k = 1:numel(calls)
    c = calls(k);
    r = result('error', '');
    out = cell(1, c.nout);
    h = f.(c.fn);
    args = c.args;
    reseed(c.seed, c.seed);
    t0 = tic();
    try
      evalc('[out{:}] = feval(h, args{:});');
      r.status = 'ok';
      r.out = out;
    catch err
      r.msg = err.message;
      r.where = student_frame(err.stack);
    end
    r.time = toc(t0);
    res{k} = r;
  end
end

function res = run_child(fn, calls, srcs, limit)
  n = numel(calls);
  res = cell(1, n);
  tmp = tempname();
  if ~mkdir(tmp)
    error(['nnlab:' fn ':child'], '%s: cannot create a temporary folder for the child Octave', fn);
  end
  cleaner = onCleanup(@() remove_folder(tmp));
  here = fileparts(mfilename('fullpath'));
  copyfile(fullfile(here, 'grade_child.m'), fullfile(tmp, 'grade_child.m'));
  fid = fopen(fullfile(tmp, 'nngrade_main.m'), 'w');
  fprintf(fid, ['crash_dumps_octave_core(false); sigterm_dumps_octave_core(false);\n' ...
                'sighup_dumps_octave_core(false); more off;\ngrade_child(''%s'');\n'], ...
          fullfile(tmp, 'job.mat'));
  fclose(fid);

  % the child's view of the functions: a name on its path
  keys = fieldnames(srcs);
  folders = {};
  names = struct();
  for i = 1:numel(keys)
    s = srcs.(keys{i});
    switch s.kind
      case 'anon'
        error(['nnlab:' fn ':isolate'], ['%s: %s is an anonymous function, which cannot run in a separate ' ...
              'Octave; give a handle to a function file (such as @nnCostFunction), its file name, ' ...
              'or ''Isolate'', false'], fn, s.label);
      case {'handle', 'file'}
        folders{end + 1} = s.folder;
        name = s.base;
        if ~isvarname(name)
          name = ['nngrade_' keys{i}];
          copyfile(s.file, fullfile(tmp, [name '.m']));
        end
        names.(keys{i}) = name;
    end
  end
  [~, u] = unique(folders, 'first');
  folders = folders(sort(u));
  job = struct('calls', struct('name', {}, 'args', {}, 'nout', {}, 'seed', {}), 'folders', {folders}, ...
               'list', [], 'progress', fullfile(tmp, 'progress'), 'dir', tmp);
  for k = 1:n
    job.calls(k) = struct('name', names.(calls(k).fn), 'args', {calls(k).args}, 'nout', calls(k).nout, ...
                          'seed', calls(k).seed);
  end
  todo = 1:n;
  while ~isempty(todo)
    job.list = todo;
    save('-binary', fullfile(tmp, 'job.mat'), 'job');
    if exist(job.progress, 'file')
      delete(job.progress);
    end
    [killed, started, st] = watch(fn, tmp, job.progress, limit, numel(todo));
    left = [];
    for k = todo
      file = fullfile(tmp, sprintf('r%d.mat', k));
      if exist(file, 'file')
        s = load(file);
        res{k} = s.res;
        delete(file);
      else
        left(end + 1) = k;
      end
    end
    if isempty(left)
      break
    end
    k = left(1);
    if ~started
      error(['nnlab:' fn ':child'], '%s: the child Octave did not start: %s', fn, tail(tmp));
    end
    f = calls(k).fn;
    if killed
      res{k} = result('timeout', sprintf(['it took longer than the time limit of %g s (''TimeLimit''); ' ...
                                          'a loop that never ends?'], limit));
      why = sprintf('took longer than the time limit of %g s', limit);
    else
      if WIFSIGNALED(st)
        how = sprintf('was killed by signal %d', WTERMSIG(st));
      else
        how = sprintf('exited with status %d', WEXITSTATUS(st));
      end
      res{k} = result('crash', sprintf(['Octave stopped during this call (it %s): does the function ' ...
                                        'call exit or quit?%s'], how, tail(tmp)));
      why = 'ended Octave (exit, quit or a crash)';
    end
    todo = left(2:end);
    same = strcmp({calls(todo).fn}, f);
    for j = todo(same)
      res{j} = result(res{k}.status, sprintf('not run: an earlier call of the same function %s', why));
    end
    todo = todo(~same);
  end
end

function [killed, started, st] = watch(fn, tmp, progress, limit, count)
  % start the child, stop it when one call takes longer than LIMIT
  persistent tcmd
  if isempty(tcmd)
    [s, ~] = system('command -v timeout');
    if s == 0
      tcmd = 'timeout -k 2 %d ';
    else
      tcmd = '%.0s';
    end
  end
  exe = fullfile(OCTAVE_HOME(), 'bin', 'octave-cli');
  if ~exist(exe, 'file')
    exe = 'octave-cli';
  end
  cap = ceil(limit * count + 120);
  cmd = sprintf(['cd %s && exec env OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 ' tcmd ...
                 '%s --norc --no-history --quiet nngrade_main.m < /dev/null > out.txt 2>&1'], ...
                quote(tmp), cap, quote(exe));
  pid = system(cmd, false, 'async');
  if pid <= 0
    error(['nnlab:' fn ':child'], '%s: cannot start a child Octave (%s)', fn, exe);
  end
  % an interrupt (Ctrl-C) stops the child too; the marker says it is not reaped yet
  marker = fullfile(tmp, 'running');
  fclose(fopen(marker, 'w'));
  stopper = onCleanup(@() stop_if_running(pid, marker));
  killed = false;
  started = false;
  st = 0;
  cur = 0;
  t0 = tic();
  tc = t0;
  dt = 0.005;
  while true
    [p, s] = waitpid(pid, WNOHANG());
    if p == pid
      st = s;
      break
    end
    k = read_progress(progress);
    if k > 0 && k ~= cur
      cur = k;
      started = true;
      tc = tic();
    end
    if (cur == 0 && toc(t0) > 120) || (cur > 0 && toc(tc) > limit)
      killed = cur > 0;
      st = stop(pid);
      break
    end
    pause(dt);
    dt = min(2 * dt, 0.04);
  end
  delete(marker);    % reaped: nothing for the cleanup to stop
  clear stopper
  if ~started
    started = read_progress(progress) > 0;
  end
end

function stop_if_running(pid, marker)
  if exist(marker, 'file')
    stop(pid);
    delete(marker);
  end
end

function st = stop(pid)
  % SIGTERM (timeout passes it on to the child Octave and its group), then SIGKILL
  st = 0;
  if pid <= 0
    return
  end
  [p, s] = waitpid(pid, WNOHANG());
  if p == pid
    st = s;
    return
  end
  kill(pid, SIG().TERM);
  t = tic();
  while toc(t) < 3
    [p, s] = waitpid(pid, WNOHANG());
    if p == pid
      st = s;
      return
    end
    pause(0.02);
  end
  % timeout leads a process group of its own: the child Octave and what it started
  kill(-pid, SIG().KILL);
  kill(pid, SIG().KILL);
  [~, st] = waitpid(pid);
end

function k = read_progress(file)
  k = 0;
  fid = fopen(file, 'r');
  if fid < 0
    return
  end
  v = fscanf(fid, '%d', 1);
  fclose(fid);
  if ~isempty(v)
    k = v;
  end
end

function s = tail(tmp)
  % the last lines the child printed, for the message of a crash
  s = '';
  file = fullfile(tmp, 'out.txt');
  if ~exist(file, 'file')
    return
  end
  txt = strtrim(fileread(file));
  if isempty(txt)
    return
  end
  lines = strsplit(txt, char(10));
  lines = lines(max(1, end - 2):end);
  s = sprintf(' (its last output: %s)', strjoin(strtrim(lines), ' / '));
end

function q = quote(s)
  q = ['''' strrep(s, '''', '''\''''') ''''];
end

function where = student_frame(stack)
  % the innermost frame of the student's code ('' for a parse error, which has none)
  where = '';
  here = fileparts(mfilename('fullpath'));
  for i = 1:numel(stack)
    if ~strncmp(stack(i).file, here, numel(here)) && ~strcmp(stack(i).name, 'nn_grade')
      where = sprintf('%s, line %d', stack(i).name, stack(i).line);
      return
    end
  end
end

function reseed(u, n)
  rand('twister', u);
  randn('twister', n);
end

function remove_folder(folder)
  % the student's code may have left files and folders in it
  if isfolder(folder)
    confirm_recursive_rmdir(false, 'local');
    [~] = rmdir(folder, 's');
  end
end
