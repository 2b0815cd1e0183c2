% -*- texinfo -*-
% @deftypefn  {} {@var{file} =} nn_plot_sweep (@var{R}, @var{x}, @var{file})
% @deftypefnx {} {@var{file} =} nn_plot_sweep (@var{R}, @var{x}, @var{y}, @var{file})
% Plot the metric of a sweep (@code{nn_sweep}) against one or two of its
% grid fields, and write the figure to the PNG file @var{file}.
%
% With one field @var{x} (a name, e.g. @code{'LearningRate'}): a line plot
% of the mean metric against the field's values, with error bars of one
% standard deviation, and a logarithmic axis when the values are positive
% and span more than a factor 20; configurations that differ in other
% fields are averaged.  With two fields @var{x} and @var{y}: a heat map of
% the mean metric, one cell per pair of values, the value written in each
% cell.  Numeric values are sorted; text values keep the grid's order.
%
% @example
% R = nn_sweep (make, X, T, 'Grid', struct ('LearningRate', [1e-3 1e-2 1e-1], 'Hidden', [4 16]));
% nn_plot_sweep (R, 'LearningRate', 'Hidden', 'heatmap.png');
% @end example
% @seealso{nn_sweep, nn_figure}
% @end deftypefn
function file = nn_plot_sweep(R, x, varargin)
  fn = 'nn_plot_sweep';
  if nargin < 3 || nargin > 4
    error('nnlab:nn_plot_sweep:nargin', 'nn_plot_sweep: usage nn_plot_sweep(R, x, file) or nn_plot_sweep(R, x, y, file)');
  end
  if ~(isstruct(R) && isscalar(R) && all(isfield(R, {'rows', 'names', 'metric'})))
    error('nnlab:nn_plot_sweep:class', 'nn_plot_sweep: R must be the result of nn_sweep');
  end
  fields = [{x}, varargin(1:end - 1)];
  file = varargin{end};
  check_value(fn, 'file', file, 'string');
  for k = 1:numel(fields)
    if ~ischar(fields{k}) || ~any(strcmp(fields{k}, R.names))
      error('nnlab:nn_plot_sweep:field', 'nn_plot_sweep: ''%s'' is not a field of the grid; the fields are: %s', ...
            sweep_show(fields{k}), strjoin(R.names, ', '));
    end
  end
  m = [R.rows.metric];
  [ux, ix] = levels({R.rows.(fields{1})});
  f = nn_figure([640 480]);
  if numel(fields) == 1
    mu = accumarray(ix(:), m(:), [numel(ux) 1], @(v) mean(v(~isnan(v))), NaN);
    sdv = accumarray(ix(:), m(:), [numel(ux) 1], @(v) std(v(~isnan(v)), 1), NaN);
    [xs, islog] = axis_values(ux);
    errorbar(xs, mu, sdv, 'o-');
    if islog
      set(gca(), 'xscale', 'log');
    end
    if ~isnumeric(ux{1})
      set(gca(), 'xtick', xs, 'xticklabel', ux);
    end
    xlabel(fields{1});
    ylabel(R.metric);
    title(sprintf('%s against %s', R.metric, fields{1}));
    grid('on');
  else
    [uy, iy] = levels({R.rows.(fields{2})});
    H = accumarray([iy(:) ix(:)], m(:), [numel(uy) numel(ux)], @(v) mean(v(~isnan(v))), NaN);
    imagesc(H);
    colormap(gca(), 'viridis');
    colorbar();
    set(gca(), 'xtick', 1:numel(ux), 'xticklabel', cellfun(@sweep_show, ux, 'UniformOutput', false), ...
        'ytick', 1:numel(uy), 'yticklabel', cellfun(@sweep_show, uy, 'UniformOutput', false), 'ydir', 'normal');
    for i = 1:numel(uy)
      for j = 1:numel(ux)
        text(j, i, sprintf('%.3g', H(i, j)), 'horizontalalignment', 'center', 'color', 'w');
      end
    end
    xlabel(fields{1});
    ylabel(fields{2});
    title(sprintf('%s (mean over repeats and folds)', R.metric));
  end
  file = nn_figure(f, file);
end

function [u, idx] = levels(v)
  % the distinct values of the cell V, numbers sorted, and each one's index
  names = cellfun(@sweep_show, v, 'UniformOutput', false);
  idx = zeros(numel(v), 1);
  u = {};
  seen = {};
  for i = 1:numel(v)
    k = find(strcmp(names{i}, seen), 1);
    if isempty(k)
      seen{end + 1} = names{i};
      u{end + 1} = v{i};
      k = numel(u);
    end
    idx(i) = k;
  end
  if all(cellfun(@(a) isnumeric(a) && isscalar(a), u))
    [~, order] = sort(cell2mat(u));
    u = u(order);
    rank(order) = 1:numel(order);
    idx = rank(idx);
  end
  idx = idx(:);
end

function [xs, islog] = axis_values(u)
  islog = false;
  if all(cellfun(@(a) isnumeric(a) && isscalar(a), u))
    xs = cell2mat(u);
    islog = all(xs > 0) && max(xs) / min(xs) > 20;
  else
    xs = 1:numel(u);
  end
end
