function t = sweep_table(R)
% SWEEP_TABLE  The rows of sweep result R as a text table (a char matrix),
%   sorted by the metric (best first), with rank, the grid's values, the
%   metric and loss (mean +- standard deviation), runs and seconds.
  lines = {sprintf('%4s  %-36s %22s %22s %5s %8s', 'rank', 'configuration', ...
                   [R.metric ' (mean +- sd)'], 'loss (mean +- sd)', 'runs', 'seconds')};
  for k = 1:numel(R.order)
    w = R.rows(R.order(k));
    line = sprintf('%4d  %-36s %12.4g +- %-7.3g %12.4g +- %-7.3g %5d %8.2f', k, w.label, w.metric, ...
                   w.metric_std, w.loss, w.loss_std, w.runs, w.time);
    if ~isempty(w.error)
      line = [line '  error: ' w.error];
    end
    lines{end + 1} = line;
  end
  t = char(lines);
end
