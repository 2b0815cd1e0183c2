function o = train_options(args)
% TRAIN_OPTIONS  nn_train's options: ARGS (name/value pairs) over the
%   defaults, each checked, names lower-cased where they are names.
%   o.optargs holds the optimizer's options as nn_step takes them (checked
%   by the optimizer itself at its first step); o.pairs is true for a
%   ranking loss and o.cols for 'ObservationsIn', 'columns'.  The default
%   loss needs the targets: nn_train sets it (default_loss).
  fn = 'nn_train';
  o = parse_options(fn, train_defaults(), args);
  if ~options_ok(o)
    checks(o, fn);
  end
  o.Engine = lower(o.Engine);
  o.Optimizer = lower(o.Optimizer);
  if any(strcmp(o.Optimizer, {'trainlm', 'trainscg'}))
    o.Optimizer = o.Optimizer(6:end);          % MATLAB's names
  end
  o.Loss = lower(o.Loss);
  o.Verbose = logical(o.Verbose);
  o.pairs = any(strcmp(o.Loss, {'margin_ranking', 'pairwise_logistic'}));
  o.cols = layout_option(o.ObservationsIn, o.pairs);
  o.classic = classic_option(o, args);
  if o.classic
    o.optargs = {};
    if strcmp(o.Optimizer, 'trainrp')
      o.optargs = optimizer_args(o);
    end
  else
    o.optargs = optimizer_args(o);
  end
  if ~isempty(o.ValidationData) && (~iscell(o.ValidationData) || numel(o.ValidationData) ~= 2)
    error('nnlab:nn_train:optionValue', 'nn_train: ''ValidationData'' must be a cell {Xv, Tv}');
  end
end

function ok = options_ok(o)
% True when every check of checks() passes, found quickly: a test at least
% as strict for the usual values; anything else goes through checks(),
% which raises the error of the first bad option.
  e = o.Epochs;
  b = o.BatchSize;
  sh = o.Shuffle;
  vb = o.Verbose;
  lm = o.LowMemory;
  l2 = o.L2;
  vf = o.ValidationFraction;
  sd = o.Seed;
  p = o.Patience;
  ok = isa(e, 'double') && isscalar(e) && isreal(e) && e >= 0 && e <= 1e9 && e == round(e) && ...
       isa(b, 'double') && isscalar(b) && isreal(b) && b >= 1 && b <= 2^53 && b == round(b) && ...
       (islogical(sh) || isa(sh, 'double')) && isscalar(sh) && (sh == 0 || sh == 1) && ...
       (islogical(vb) || isa(vb, 'double')) && isscalar(vb) && (vb == 0 || vb == 1) && ...
       (islogical(lm) || isa(lm, 'double')) && isscalar(lm) && (lm == 0 || lm == 1) && ...
       isa(l2, 'double') && isscalar(l2) && isreal(l2) && l2 >= 0 && l2 < Inf && ...
       isa(vf, 'double') && isscalar(vf) && isreal(vf) && vf >= 0 && vf <= 0.99 && ...
       (isempty(sd) || (isa(sd, 'double') && isscalar(sd) && isreal(sd) && sd >= 0 && ...
                        sd <= 2^32 - 1 && sd == round(sd))) && ...
       isa(p, 'double') && isscalar(p) && isreal(p) && p >= 1 && (isinf(p) || p == round(p)) && ...
       ischar(o.Optimizer) && size(o.Optimizer, 1) == 1 && ...
       ischar(o.Loss) && (isempty(o.Loss) || size(o.Loss, 1) == 1) && ...
       ischar(o.Plot) && (isempty(o.Plot) || size(o.Plot, 1) == 1) && ...
       ischar(o.Checkpoint) && (isempty(o.Checkpoint) || size(o.Checkpoint, 1) == 1) && ...
       ischar(o.Resume) && (isempty(o.Resume) || size(o.Resume, 1) == 1) && ...
       ischar(o.Engine) && any(strcmpi(o.Engine, {'auto', 'm', 'c'})) && ...
       iscell(o.LossOptions) && isnumeric(o.Rows);
end

function checks(o, fn)
  check_value(fn, 'Epochs', o.Epochs, 'count', 0, 1e9);
  check_value(fn, 'BatchSize', o.BatchSize, 'count', 1, 2^53);
  check_value(fn, 'Shuffle', o.Shuffle, 'logical');
  check_value(fn, 'Verbose', o.Verbose, 'logical');
  check_value(fn, 'LowMemory', o.LowMemory, 'logical');
  if ~isnumeric(o.Rows) && ~islogical(o.Rows)
    error('nnlab:nn_train:optionValue', 'nn_train: ''Rows'' must be a vector of observation indices');
  end
  check_value(fn, 'L2', o.L2, 'scalar', 0, Inf);
  check_value(fn, 'ValidationFraction', o.ValidationFraction, 'scalar', 0, 0.99);
  if ~isempty(o.Seed)
    check_value(fn, 'Seed', o.Seed, 'count', 0, 2^32 - 1);
  end
  if ~(isnumeric(o.Patience) && isscalar(o.Patience) && o.Patience >= 1 && ...
       (isinf(o.Patience) || o.Patience == round(o.Patience)))
    error('nnlab:nn_train:optionValue', 'nn_train: ''Patience'' must be a whole number >= 1 or Inf');
  end
  check_value(fn, 'Optimizer', o.Optimizer, 'string');
  check_value(fn, 'Loss', o.Loss, 'string');
  check_value(fn, 'Plot', o.Plot, 'string');
  check_value(fn, 'Checkpoint', o.Checkpoint, 'string');
  check_value(fn, 'Resume', o.Resume, 'string');
  if ~ischar(o.Engine) || ~any(strcmpi(o.Engine, {'auto', 'm', 'c'}))
    error('nnlab:nn_train:optionValue', 'nn_train: ''Engine'' must be ''auto'', ''m'' or ''c''');
  end
  if ~iscell(o.LossOptions)
    error('nnlab:nn_train:optionValue', 'nn_train: ''LossOptions'' must be a cell of name/value pairs');
  end
end

function cols = layout_option(v, pairs)
% 'ObservationsIn': 'rows' (X is N x in) or 'columns' (X is in x N).
  if ~ischar(v) || ~any(strcmpi(v, {'rows', 'columns'}))
    error('nnlab:nn_train:optionValue', ['nn_train: ''ObservationsIn'' must be ''rows'' ' ...
          '(X is N x inputs) or ''columns'' (X is inputs x N)']);
  end
  cols = strcmpi(v, 'columns');
  if cols && pairs
    error('nnlab:nn_train:optionValue', ['nn_train: ranking losses take X with one ' ...
          'observation per row (''ObservationsIn'', ''rows'')']);
  end
end

function args = optimizer_args(o)
% The optimizer's options that were given, as nn_step's name/value pairs.
% Their values are the optimizer's to judge: nn_step and nn_fit check them
% before their first step, and nn_train words the error.
  names = {'lr', 'momentum', 'dampening', 'nesterov', 'weight_decay', 'betas', 'eps', ...
           'alpha', 'centered', 'amsgrad', 'lr_decay', 'etas', 'step_sizes'};
  values = {o.LearningRate, o.Momentum, o.Dampening, o.Nesterov, o.WeightDecay, o.Betas, ...
            o.Eps, o.Alpha, o.Centered, o.AmsGrad, o.LrDecay, o.Etas, o.StepSizes};
  given = ~cellfun('isempty', values);
  args = [names(given); values(given)];
  args = args(:).';
end

function classic = classic_option(o, args)
% The full-batch classical trainers ('lm', 'scg', 'trainrp'; MATLAB's names
% 'trainlm' and 'trainscg' too): their options checked, o.Optimizer set to
% the short name.  They take the whole data at each epoch: an explicit
% 'BatchSize' is an error, and so are 'Checkpoint' and 'Resume'.
  fn = 'nn_train';
  classic = any(strcmp(o.Optimizer, {'lm', 'scg', 'trainrp'}));
  given = lower(args(1:2:end));
  mine = {'goal', 'mingrad', 'maxfail', 'mu', 'mudec', 'muinc', 'mumax', 'sigma', 'lambda'};
  if ~classic
    k = find(ismember(given, mine), 1);
    if ~isempty(k)
      error('nnlab:nn_train:optionValue', ['nn_train: option ''%s'' belongs to the full-batch ' ...
            'trainers (''Optimizer'' ''lm'', ''scg'' or ''trainrp''), not to ''%s'''], ...
            args{2 * k - 1}, o.Optimizer);
    end
    return
  end
  if any(strcmp(given, 'batchsize'))
    error('nnlab:nn_train:optionValue', ['nn_train: ''Optimizer'', ''%s'' trains on the whole ' ...
          'data at every epoch (full batch): leave ''BatchSize'' out'], o.Optimizer);
  end
  if ~isempty(o.Checkpoint) || ~isempty(o.Resume)
    error('nnlab:nn_train:optionValue', ['nn_train: ''Checkpoint'' and ''Resume'' are not ' ...
          'available with ''Optimizer'', ''%s'' (its runs are short: rerun with the same ''Seed'')'], ...
          o.Optimizer);
  end
  check_value(fn, 'Goal', o.Goal, 'scalar', 0, Inf);
  check_value(fn, 'MinGrad', o.MinGrad, 'scalar', 0, Inf);
  if ~isempty(o.MaxFail) && ~(isnumeric(o.MaxFail) && isscalar(o.MaxFail) && isreal(o.MaxFail) && ...
                              o.MaxFail >= 1 && (isinf(o.MaxFail) || o.MaxFail == round(o.MaxFail)))
    error('nnlab:nn_train:optionValue', 'nn_train: ''MaxFail'' must be a whole number >= 1 or Inf');
  end
  check_value(fn, 'Mu', o.Mu, 'scalar', 0, Inf);
  check_value(fn, 'MuDec', o.MuDec, 'scalar', 0, 1);
  check_value(fn, 'MuInc', o.MuInc, 'scalar', 1, Inf);
  check_value(fn, 'MuMax', o.MuMax, 'scalar', 0, Inf);
  check_value(fn, 'Sigma', o.Sigma, 'scalar', 0, Inf);
  check_value(fn, 'Lambda', o.Lambda, 'scalar', 0, Inf);
  if ~(o.Mu > 0 && o.MuDec > 0 && o.MuDec < 1 && o.MuInc > 1 && o.Sigma > 0 && o.Lambda > 0)
    error('nnlab:nn_train:optionValue', ['nn_train: ''Mu'', ''Sigma'' and ''Lambda'' must be ' ...
          '> 0, ''MuDec'' in (0, 1) and ''MuInc'' > 1']);
  end
  if o.pairs
    error('nnlab:nn_train:optimizer', ['nn_train: ''Optimizer'', ''%s'' does not train ' ...
          'ranking losses'], o.Optimizer);
  end
  if strcmp(o.Optimizer, 'lm') && ~isempty(o.Loss) && ~strcmp(o.Loss, 'mse')
    error('nnlab:nn_train:optimizer', ['nn_train: ''Optimizer'', ''lm'' (Levenberg-Marquardt) ' ...
          'minimises a sum of squares: it needs ''Loss'', ''mse'', not ''%s''; use ''scg'' ' ...
          'for other losses'], o.Loss);
  end
end
