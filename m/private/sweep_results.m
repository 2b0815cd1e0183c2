function R = sweep_results(names, conf, recs, metric, o, nf)
% SWEEP_RESULTS  The result struct of a sweep from its job records RECS:
%   one row per configuration (its values of the grid's NAMES, the mean and
%   standard deviation of the metric and the loss over repeats and folds,
%   the training seconds, the first error), the table sorted by the metric,
%   and the best configuration's network.
  nconf = numel(conf);
  lower_better = any(strcmp(metric, {'loss', 'mse', 'mae'}));
  rows = struct();
  for c = 1:nconf
    mine = recs([recs.config] == c);
    ok = cellfun('isempty', {mine.error});
    m = reshape([mine.metric], nf, []).';      % repeats x folds
    l = reshape([mine.loss], nf, []).';
    for k = 1:numel(names)
      rows(c, 1).(names{k}) = conf(c).values{k};
    end
    rows(c).metric = mean(m(ok(:)));
    rows(c).metric_std = sd(m(ok(:)));
    rows(c).loss = mean(l(ok(:)));
    rows(c).loss_std = sd(l(ok(:)));
    rows(c).time = sum([mine.time]);
    rows(c).runs = sum(ok);
    rows(c).metrics = m;
    rows(c).losses = l;
    rows(c).seeds = unique([mine.seed]);
    errs = {mine(~ok).error};
    rows(c).error = '';
    if ~isempty(errs)
      rows(c).error = errs{1};
    end
    rows(c).label = conf(c).label;
    rows(c).options = conf(c).options;
    rows(c).params = conf(c).params;
    rows(c).loss_name = conf(c).loss;
    if o.KeepNets
      rows(c).nets = {mine.net};
    end
  end
  if nconf == 0
    rows = rows([]);
  end
  key = [rows.metric];
  if ~lower_better
    key = -key;
  end
  key(isnan(key)) = Inf;                       % failed configurations last
  [~, order] = sort(key);
  R = struct('table', '', 'rows', rows, 'order', order(:), 'best', [], 'net', [], ...
             'metric', metric, 'names', {names}, 'lower_better', lower_better);
  R.best = order(1);
  best = recs([recs.config] == R.best & cellfun('isempty', {recs.error}));
  if ~isempty(best)
    R.net = best(1).net;
  end
  R.table = sweep_table(R);
end

function s = sd(v)
  if numel(v) > 1
    s = std(v);
  else
    s = 0;
  end
end
