function R = sweep_core(fn, make, X, T, args)
% SWEEP_CORE  What nn_sweep, nn_crossval and nn_ensemble share: the
%   options ARGS parsed (sweep options, the rest nn_train's), the grid
%   expanded and checked before any training, the jobs (configuration x
%   repeat x fold) run by sweep_run, and the results gathered into the
%   result struct R (see help nn_sweep).  Errors are nnlab:FN:*.
  if ~(isstruct(make) || isa(make, 'function_handle'))
    error(['nnlab:' fn ':makeNet'], ['%s: the first argument must be a function handle that builds ' ...
          'the network (such as @(p) nn_mlp([2 p.Hidden 1])) or a network, but it is a %s'], ...
          fn, class(make));
  end
  if isstruct(make)
    check_net(fn, make);
  end
  check_array(fn, X, 'X');
  check_array(fn, T, 'T');
  if size(T, 1) ~= size(X, 1)
    error(['nnlab:' fn ':size'], '%s: T must have one row per row of X (%d), but it has %d', ...
          fn, size(X, 1), size(T, 1));
  end
  [o, targs] = options(fn, args);
  N = size(X, 1);

  % the grid: every combination, or 'Random' of them
  [names, values] = grid_lists(fn, o.Grid);
  counts = cellfun('numel', values);
  total = prod(counts);
  if isempty(o.Random)
    pick = (1:total).';
  else
    check_value(fn, 'Random', o.Random, 'count', 1, total);
    pick = sort(seeded(o.Seed, @() randperm(total, o.Random))).';
  end
  istrain = cellfun(@is_train_option, names);
  reserved = {'Seed', 'Verbose', 'ValidationData', 'ValidationFraction', 'Checkpoint', 'Resume', 'Plot'};
  for k = find(istrain)
    if any(strcmpi(names{k}, reserved))
      error(['nnlab:' fn ':grid'], ['%s: the grid cannot vary ''%s'': %s sets it for every ' ...
            'configuration (see help %s)'], fn, names{k}, fn, fn);
    end
  end
  if any(~istrain) && (isstruct(make) || nargin(make) == 0)
    k = find(~istrain, 1);
    error(['nnlab:' fn ':grid'], ['%s: ''%s'' in the grid is not an option of nn_train, and the ' ...
          'network builder takes no argument to pass it to; write the builder as @(p) ... p.%s ...'], ...
          fn, names{k}, names{k});
  end

  % each configuration checked before any training: its network built, its
  % options given to nn_train for one epoch on two rows
  nconf = numel(pick);
  conf = struct('params', cell(nconf, 1), 'options', [], 'loss', [], 'label', [], 'values', []);
  n2 = min(2, N);
  built = {};                        % {params, net} of the last network built
  for c = 1:nconf
    sub = cell(1, numel(names));     % the first field changes slowest
    [sub{end:-1:1}] = ind2sub([fliplr(counts) 1], pick(c));
    p = struct();
    opts = targs;
    label = {};
    vals = cell(1, numel(names));
    for k = 1:numel(names)
      v = values{k}{sub{k}};
      vals{k} = v;
      label{end + 1} = sprintf('%s=%s', names{k}, sweep_show(v));
      if istrain(k)
        opts = [opts, {names{k}, v}];
      else
        p.(names{k}) = v;
      end
    end
    label = strjoin(label, ' ');
    if isempty(label)
      label = '(one configuration)';
    end
    if isempty(built) || ~isequal(built{1}, p)
      % (configurations that differ only in nn_train options share one)
      try
        if isstruct(make)
          net = make;
        elseif nargin(make) == 0
          net = seeded(o.Seed, make);
        else
          net = seeded(o.Seed, @() make(p));
        end
        check_net(fn, net);
      catch err
        error(['nnlab:' fn ':makeNet'], '%s: building the network of %s failed: %s', fn, label, err.message);
      end
      built = {p, net};
    end
    i = find(strcmpi(opts(1:2:end), 'Loss'), 1, 'last');
    if isempty(i)
      loss = default_loss(net, T);
    else
      loss = lower(opts{2 * i});
    end
    try
      nn_train(net, X(1:n2, :), T(1:n2, :), opts{:}, 'Loss', loss, 'Epochs', 1, 'Verbose', false);
    catch err
      error(['nnlab:' fn ':gridValue'], '%s: nn_train rejects %s: %s', fn, label, ...
            regexprep(err.message, '^nn_train: ', ''));
    end
    conf(c) = struct('params', p, 'options', {opts}, 'loss', loss, 'label', label, 'values', {vals});
  end
  metric = check_metric(fn, o.Metric, conf(1).loss);

  % validation: the same for every configuration
  kind = loss_kind(conf(1).loss);
  labels = [];
  if strcmp(kind, 'classification')
    labels = class_labels(T);
  end
  Xv = [];
  Tv = [];
  trains = {[]};
  vals = {[]};
  fold = [];
  if o.Folds > N
    error(['nnlab:' fn ':optionValue'], '%s: %d folds need at least %d observations, but there are %d', ...
          fn, o.Folds, o.Folds, N);
  end
  if o.Folds > 1
    fold = sweep_folds(N, o.Folds, o.Seed, labels);
    trains = arrayfun(@(f) find(fold ~= f), 1:o.Folds, 'UniformOutput', false);
    vals = arrayfun(@(f) find(fold == f), 1:o.Folds, 'UniformOutput', false);
  elseif ~isempty(o.ValidationData)
    if ~iscell(o.ValidationData) || numel(o.ValidationData) ~= 2
      error(['nnlab:' fn ':optionValue'], '%s: ''ValidationData'' must be a cell {Xv, Tv}', fn);
    end
    [Xv, Tv] = o.ValidationData{:};
  elseif o.ValidationFraction > 0
    [itr, iva] = nn_split(N, 1 - o.ValidationFraction, 'Seed', o.Seed, 'Stratify', labels);
    trains = {itr};
    vals = {iva};
  end

  % the jobs: configuration x repeat x fold; seeds from the sweep's seed and
  % the configuration's index in the whole grid, never from the worker
  nf = numel(trains);
  jobs = struct('key', {}, 'config', {}, 'repeat', {}, 'fold', {}, 'seed', {}, 'params', {}, ...
                'options', {}, 'loss', {}, 'train', {}, 'val', {});
  for c = 1:nconf
    for r = 1:o.Repeats
      for f = 1:nf
        seed = mod(o.Seed + (pick(c) - 1) * o.Repeats + (r - 1), 2^32);
        jobs(end + 1, 1) = struct('key', sprintf('job_c%05d_r%03d_f%02d', pick(c), r, f), ...
                                  'config', c, 'repeat', r, 'fold', f, 'seed', seed, ...
                                  'params', conf(c).params, 'options', {conf(c).options}, ...
                                  'loss', conf(c).loss, 'train', trains{f}, 'val', vals{f});
      end
    end
  end
  D = struct('X', X, 'T', T, 'Xv', Xv, 'Tv', Tv, 'make', make, 'metric', metric, ...
             'nonet', false, 'folder', o.Results, 'verbose', logical(o.Verbose), ...
             'labels', {{conf.label}}, 'total', numel(jobs), 't0', clock());
  D.paths = nnlab_paths();
  if ~isempty(o.Results)
    fp = struct('fn', fn, 'N', size(X), 'sumX', sum(double(X(:))), 'sumT', sum(double(T(:))), ...
                'grid', o.Grid, 'pick', pick, 'seed', o.Seed, 'repeats', o.Repeats, 'folds', o.Folds, ...
                'vf', o.ValidationFraction, 'metric', metric, 'options', {targs});
    sweep_store('check', o.Results, fp, logical(o.Resume), fn);
  end
  if o.Verbose
    fprintf('%s: %d configurations x %d repeats x %d folds = %d jobs, %s\n', fn, nconf, o.Repeats, nf, ...
            numel(jobs), engine_text(o));
  end
  recs = sweep_run(fn, jobs, D, o.Workers, o.Cluster, o.WorkerThreads);
  R = sweep_results(names, conf, recs, metric, o, nf);
  R.fold = fold;
end

function [o, targs] = options(fn, args)
  d = struct('Grid', struct(), 'Random', [], 'Repeats', 1, 'ValidationData', {{}}, ...
             'ValidationFraction', 0.2, 'Folds', 1, 'Metric', '', 'Seed', 1, 'Workers', 1, ...
             'Cluster', [], 'Results', '', 'Resume', false, 'Verbose', true, 'WorkerThreads', 1, ...
             'KeepNets', false);
  if mod(numel(args), 2) ~= 0
    error(['nnlab:' fn ':option'], '%s: options come in name/value pairs, but the last one has no value', fn);
  end
  mine = false(1, numel(args));
  for i = 1:2:numel(args)
    mine(i:i + 1) = ischar(args{i}) && any(strcmpi(args{i}, fieldnames(d)));
  end
  o = parse_options(fn, d, args(mine));
  targs = args(~mine);
  for i = 1:2:numel(targs)
    if ~ischar(targs{i}) || ~is_train_option(targs{i})
      error(['nnlab:' fn ':option'], ['%s: unknown option ''%s''; the options are %s and those ' ...
            'of nn_train'], fn, sweep_show(targs{i}), strjoin(fieldnames(d).', ', '));
    end
    if any(strcmpi(targs{i}, {'Checkpoint', 'Resume', 'Plot'}))
      error(['nnlab:' fn ':option'], '%s: nn_train''s option ''%s'' has no meaning here', fn, targs{i});
    end
  end
  if ~isstruct(o.Grid) || ~isscalar(o.Grid)
    error(['nnlab:' fn ':grid'], ['%s: ''Grid'' must be a struct whose fields hold lists of values, ' ...
          'such as struct(''LearningRate'', {{0.1, 0.01}})'], fn);
  end
  check_value(fn, 'Repeats', o.Repeats, 'count', 1, 1e6);
  check_value(fn, 'Folds', o.Folds, 'count', 1, 1e6);
  check_value(fn, 'ValidationFraction', o.ValidationFraction, 'scalar', 0, 0.99);
  check_value(fn, 'Seed', o.Seed, 'count', 0, 2^32 - 1);
  check_value(fn, 'Workers', o.Workers, 'count', 1, 1024);
  check_value(fn, 'WorkerThreads', o.WorkerThreads, 'count', 1, 1024);
  check_value(fn, 'Resume', o.Resume, 'logical');
  check_value(fn, 'Verbose', o.Verbose, 'logical');
  check_value(fn, 'KeepNets', o.KeepNets, 'logical');
  check_value(fn, 'Results', o.Results, 'string');
  check_value(fn, 'Metric', o.Metric, 'string');
  if ~isempty(o.Cluster) && ~isa(o.Cluster, 'pconnections')
    error(['nnlab:' fn ':optionValue'], ['%s: ''Cluster'' must be a connection from pconnect (pkg ' ...
          'load parallel; c = pconnect({''host1'', ''host2''}))'], fn);
  end
  if o.Resume && isempty(o.Results)
    error(['nnlab:' fn ':optionValue'], '%s: ''Resume'' needs the ''Results'' folder of the sweep to continue', fn);
  end
  if ~isempty(o.Results)
    o.Results = make_absolute_filename(o.Results);
  end
  if o.Workers > 1 || ~isempty(o.Cluster)
    if isempty(pkg('list', 'parallel'))
      error(['nnlab:' fn ':parallel'], ['%s: ''Workers'' and ''Cluster'' need Octave''s parallel ' ...
            'package: sudo apt-get install octave-parallel'], fn);
    end
  end
end

function [names, values] = grid_lists(fn, G)
  names = fieldnames(G).';
  values = cell(1, numel(names));
  for k = 1:numel(names)
    v = G.(names{k});
    if ischar(v) || (isstruct(v) && isscalar(v))
      v = {v};
    elseif isnumeric(v) || islogical(v)
      v = num2cell(v(:).');
    end
    if ~iscell(v) || isempty(v)
      error(['nnlab:' fn ':grid'], ['%s: Grid.%s must be a non-empty list of values, such as ' ...
            '[0.1 0.01] or {''sgd'', ''adam''}'], fn, names{k});
    end
    values{k} = v(:).';
  end
end

function tf = is_train_option(name)
  try
    parse_options('nn_train', train_defaults(), {name, []});
    tf = true;
  catch
    tf = false;
  end
end

function d = train_defaults()
  persistent names
  if isempty(names)
    try
      train_options({'NoSuchOption__', 1});
    catch err
      names = strtrim(strsplit(regexprep(err.message, '^.*the options are: ', ''), ','));
    end
  end
  d = cell2struct(cell(numel(names), 1), names(:), 1);
end

function metric = check_metric(fn, metric, loss)
  kind = loss_kind(loss);
  switch kind
    case 'classification'
      ok = {'accuracy', 'loss', 'macro_f1', 'macro_precision', 'macro_recall'};
      if any(strcmp(loss, {'bce', 'bce_logits'}))
        ok{end + 1} = 'auc';
      end
    case 'regression'
      ok = {'loss', 'mse', 'mae', 'r2'};
    otherwise
      ok = {'loss'};
  end
  if isempty(metric)
    metric = ok{1};
  end
  metric = lower(metric);
  if ~any(strcmp(metric, ok))
    error(['nnlab:' fn ':optionValue'], '%s: ''Metric'' ''%s'' does not fit the loss %s; take one of: %s', ...
          fn, metric, loss, strjoin(ok, ', '));
  end
end

function kind = loss_kind(loss)
  if any(strcmp(loss, {'ce', 'nll', 'bce', 'bce_logits', 'hinge'}))
    kind = 'classification';
  elseif any(strcmp(loss, {'mse', 'mae', 'huber'}))
    kind = 'regression';
  else
    kind = 'other';
  end
end

function y = class_labels(T)
  if size(T, 2) == 1
    y = T;
  else
    [~, y] = max(T, [], 2);
  end
end

function p = nnlab_paths()
  % nnlab's folders, then the user's own folders on the path (not Octave's
  % nor its packages'): a pserver host adds those it has
  m = fileparts(fileparts(mfilename('fullpath')));
  p = {m, fileparts(which('nn_dense'))};
  own = strsplit(path(), pathsep());
  own = own(~strncmp(own, OCTAVE_HOME(), numel(OCTAVE_HOME())) & ~strcmp(own, '.') & ...
            cellfun('isempty', regexp(own, '/packages/|/private$', 'once')));
  p = [p, setdiff(own, p, 'stable')];
end

function s = engine_text(o)
  if ~isempty(o.Cluster)
    s = sprintf('on %d pserver hosts', numel(o.Cluster) - 1);
  elseif o.Workers > 1
    s = sprintf('on %d local workers', o.Workers);
  else
    s = 'in this process';
  end
end
