% -*- texinfo -*-
% @deftypefn  {} {@var{fig} =} nn_plot_regions (@var{F}, @var{X}, @var{T})
% @deftypefnx {} {@var{fig} =} nn_plot_regions (@dots{}, @var{name}, @var{value}, @dots{})
% @deftypefnx {} {[@var{fig}, @var{ax}] =} nn_plot_regions (@dots{})
% Draw the decision regions of a classifier over a box of its input plane,
% with the data points marked by class.
%
% @var{F} is a function handle: @code{@var{S} = @var{F} (@var{Z})} takes
% M points as the rows of an M x d matrix @var{Z} (d = 1 or 2, the number
% of columns of @var{X}) and returns their scores @var{S}, either
%
% @itemize
% @item M x 1: two classes, class 1 where @var{S} >= @var{threshold}
% (default 0.5) and class 0 elsewhere.  This suits a threshold neuron
% (outputs 0 and 1) and a sigmoid output (probabilities).  The boundary
% @var{S} = @var{threshold} is drawn as a black line.
% @item M x K with K >= 2: K classes, the class of a point is the column of
% its largest score, numbered 1 to K.
% @end itemize
%
% @var{X} holds the data points, one per row (N x 2, or N x 1 for a
% one-input problem, which is drawn as a strip along @math{x_1}), and
% @var{T} their classes (N elements: 0 or 1 for scores of one column,
% 1 to K for K columns).  The regions are drawn in light colours and the
% points in the strong colour of their class, with a legend.
%
% Options, as name/value pairs:
%
% @table @code
% @item axes
% draw into this axes handle (for subplots); by default into a new
% invisible figure from @code{nn_figure}.
% @item box
% @code{[xmin xmax ymin ymax]} (@code{[xmin xmax]} for one input): the
% region drawn; by default the range of @var{X} widened by half its size on
% every side (@code{[-0.5 1.5 -0.5 1.5]} for logic data).
% @item resolution
% grid points per side on which @var{F} is evaluated, 10 to 2000
% (default 200, which keeps grid points off the round numbers where
% hand-set boundaries often lie).
% @item threshold
% the score from which a point is in class 1 (default 0.5; one-column
% scores only).
% @item title
% the title of the axes (default none).
% @item labels
% a cell array of the K class names for the legend (default: T = 0 and
% T = 1 for two classes, class 1 to class K otherwise).
% @end table
%
% Returns the figure handle @var{fig} (save it with
% @code{nn_figure (@var{fig}, @var{file})}) and the axes @var{ax}.
%
% Example:
% @example
% @group
% [X, T] = nn_logic_data ('and');
% F = @@(Z) nn_act (nn_dense (Z, [1 1], -1.5), 'threshold');
% fig = nn_plot_regions (F, X, T, 'title', 'AND');
% nn_figure (fig, fullfile (tempdir, 'and.png'));
% @end group
% @end example
%
% @seealso{nn_figure, nn_logic_data, nn_demo_gates, nn_demo_xor}
% @end deftypefn

function [fig, ax] = nn_plot_regions(F, X, T, varargin)
if nargin < 3
  error('nnlab:nn_plot_regions:nargin', ...
        'nn_plot_regions needs at least 3 arguments: nn_plot_regions(F, X, T, options...); you gave %d.', nargin);
end
if ~isa(F, 'function_handle')
  error('nnlab:nn_plot_regions:class', ...
        'F must be a function handle such as @(Z) nn_act(nn_dense(Z, W, b), ''sigmoid''), but it is a %s.', class(F));
end
if ~(isnumeric(X) || islogical(X)) || ~isreal(X) || ndims(X) ~= 2 || isempty(X)
  error('nnlab:nn_plot_regions:class', ...
        'X must be a real, full, non-empty matrix of points, one per row.');
end
check_array('nn_plot_regions', X, 'X');     % sparse: nnlab:nn_plot_regions:sparse
X = double(X);
[n, d] = size(X);
if d ~= 1 && d ~= 2
  error('nnlab:nn_plot_regions:size', ...
        'X must have 1 or 2 columns (the plane is drawn), but it has %d.', d);
end
if any(~isfinite(X(:)))
  error('nnlab:nn_plot_regions:domain', 'X must hold finite numbers only (no NaN or Inf).');
end
if ~(isnumeric(T) || islogical(T)) || ~isreal(T) || ~isvector(T) || numel(T) ~= n
  error('nnlab:nn_plot_regions:size', ...
        'T must be a vector with one class per row of X (%d), but it has %d elements.', n, numel(T));
end
T = double(T(:));
if any(T ~= round(T)) || any(~isfinite(T))
  error('nnlab:nn_plot_regions:domain', 'T must hold whole class numbers (0 or 1, or 1 to K).');
end

% options
if mod(numel(varargin), 2) ~= 0
  error('nnlab:nn_plot_regions:option', ...
        'Options come in name/value pairs, but the last name has no value.');
end
ax = [];
box = [];
res = 200;
thr = 0.5;
ttl = '';
labels = {};
for i = 1:2:numel(varargin)
  name = varargin{i};
  val = varargin{i + 1};
  if ~ischar(name) || size(name, 1) ~= 1
    error('nnlab:nn_plot_regions:option', 'Option names must be text, such as ''box'' or ''title''.');
  end
  switch lower(name)
    case 'axes'
      if ~isscalar(val) || ~ishandle(val) || ~strcmp(get(val, 'type'), 'axes')
        error('nnlab:nn_plot_regions:optionValue', 'Option ''axes'' must be an axes handle (e.g. from subplot).');
      end
      ax = val;
    case 'box'
      if ~isnumeric(val) || ~isreal(val) || numel(val) ~= 2 * d || any(~isfinite(val(:))) ...
          || any(val(2:2:end) <= val(1:2:end))
        error('nnlab:nn_plot_regions:optionValue', ...
              'Option ''box'' must be [xmin xmax ymin ymax] (or [xmin xmax] for one input), finite, with each min below its max.');
      end
      box = double(val(:)');
    case 'resolution'
      if ~isnumeric(val) || ~isscalar(val) || ~isreal(val) || val ~= round(val) || val < 10 || val > 2000
        error('nnlab:nn_plot_regions:optionValue', 'Option ''resolution'' must be a whole number from 10 to 2000.');
      end
      res = double(val);
    case 'threshold'
      if ~isnumeric(val) || ~isscalar(val) || ~isreal(val) || ~isfinite(val)
        error('nnlab:nn_plot_regions:optionValue', 'Option ''threshold'' must be a finite real number.');
      end
      thr = double(val);
    case 'title'
      if ~ischar(val)
        error('nnlab:nn_plot_regions:optionValue', 'Option ''title'' must be text.');
      end
      ttl = val;
    case 'labels'
      if ~iscellstr(val)
        error('nnlab:nn_plot_regions:optionValue', 'Option ''labels'' must be a cell array of class names.');
      end
      labels = val;
    otherwise
      error('nnlab:nn_plot_regions:option', ...
            'Unknown option ''%s''; the options are ''axes'', ''box'', ''resolution'', ''threshold'', ''title'', ''labels''.', name);
  end
end
if isempty(box)
  lo = min(X, [], 1);
  hi = max(X, [], 1);
  pad = (hi - lo) / 2;
  pad(pad == 0) = 1;
  box = reshape([lo - pad; hi + pad], 1, []);
end

% scores on the grid
xs = linspace(box(1), box(2), res);
if d == 2
  ys = linspace(box(3), box(4), res);
  [XX, YY] = meshgrid(xs, ys);
  Z = [XX(:) YY(:)];
else
  ys = [-0.5 0.5];
  Z = xs(:);
end
S = F(Z);
if ~(isnumeric(S) || islogical(S)) || ~isreal(S) || size(S, 1) ~= size(Z, 1) || ndims(S) ~= 2
  error('nnlab:nn_plot_regions:size', ...
        'F must return one row of scores per input row: given %d points it returned %s.', ...
        size(Z, 1), describe(S));
end
S = double(S);
k = size(S, 2);
if k == 1
  C = 1 + (S >= thr);           % region index 1 (class 0) or 2 (class 1)
  classes = [0 1];
else
  [~, C] = max(S, [], 2);
  classes = 1:k;
end
nc = numel(classes);
if any(~ismember(T, classes))
  if k == 1
    error('nnlab:nn_plot_regions:domain', 'With one score column the classes in T must be 0 or 1.');
  end
  error('nnlab:nn_plot_regions:domain', 'With %d score columns the classes in T must be 1 to %d.', k, k);
end
if isempty(labels)
  labels = cell(1, nc);
  for i = 1:nc
    if k == 1
      labels{i} = sprintf('T = %d', classes(i));
    else
      labels{i} = sprintf('class %d', classes(i));
    end
  end
elseif numel(labels) ~= nc
  error('nnlab:nn_plot_regions:optionValue', ...
        'Option ''labels'' must name all %d classes, but it has %d names.', nc, numel(labels));
end

% colours: light for regions, strong for points
light = [1.00 0.84 0.78; 0.78 0.87 1.00; 0.84 0.95 0.78; 1.00 0.95 0.72; ...
         0.91 0.82 1.00; 0.88 0.88 0.88];
strong = [0.85 0.33 0.10; 0.00 0.45 0.74; 0.47 0.67 0.19; 0.80 0.60 0.00; ...
          0.49 0.18 0.56; 0.30 0.30 0.30];
marks = 'os^dvp';
pal = 1 + mod((1:nc) - 1, size(light, 1));

if isempty(ax)
  fig = nn_figure([560 480]);
  ax = axes('parent', fig);
else
  fig = ancestor(ax, 'figure');
end
if d == 2
  Cg = reshape(C, res, res);
else
  Cg = repmat(C(:)', 2, 1);
end
img = zeros([size(Cg) 3]);
for c = 1:3
  col = light(pal, c);
  img(:, :, c) = reshape(col(Cg), size(Cg));
end
held = ishold(ax);
image('parent', ax, 'xdata', xs([1 end]), 'ydata', ys([1 end]), 'cdata', img);
hold(ax, 'on');
if k == 1 && any(C == 1) && any(C == 2)
  if d == 2
    % contour lines drawn with plot: a contour object would make gnuplot
    % paint the RGB image grey
    M = contourc(xs, ys, reshape(S, res, res), [thr thr]);
    j = 1;
    while j < size(M, 2)
      np = M(2, j);
      plot(ax, M(1, j + 1:j + np), M(2, j + 1:j + np), 'k-', 'linewidth', 1.5);
      j = j + np + 1;
    end
  else
    cut = find(diff(C(:)') ~= 0);
    for j = cut
      xb = (xs(j) + xs(j + 1)) / 2;
      plot(ax, [xb xb], ys, 'k-', 'linewidth', 1.5);
    end
  end
end
h = zeros(1, nc);
for i = 1:nc
  sel = T == classes(i);
  px = X(sel, 1);
  if d == 2
    py = X(sel, 2);
  else
    py = zeros(size(px));
  end
  if isempty(px)
    px = NaN;
    py = NaN;
  end
  col = strong(pal(i), :);
  h(i) = plot(ax, px, py, marks(pal(i)), 'linestyle', 'none', 'markersize', 9, ...
              'markerfacecolor', col, 'markeredgecolor', 'k', 'color', col);
end
if ~held
  hold(ax, 'off');
end
set(ax, 'ydir', 'normal', 'layer', 'top', 'box', 'on');
xlim(ax, box(1:2));
ylim(ax, ys([1 end]));
xlabel(ax, 'x_1');
if d == 2
  ylabel(ax, 'x_2');
else
  set(ax, 'ytick', []);
end
if ~isempty(ttl)
  title(ax, ttl);
end
legend(ax, h, labels, 'location', 'northeastoutside');
end

function s = describe(a)
sz = size(a);
s = sprintf('%dx', sz);
s = sprintf('%s %s', s(1:end - 1), class(a));
end

%!shared X, T, F
%! [X, T] = nn_logic_data('and');
%! F = @(Z) double(Z(:, 1) + Z(:, 2) >= 1.5);

%!test
%! [fig, ax] = nn_plot_regions(F, X, T, 'title', 'AND', 'resolution', 21);
%! assert(ishandle(fig));
%! assert(strcmp(get(fig, 'type'), 'figure'));
%! assert(ancestor(ax, 'figure'), fig);
%! assert(get(get(ax, 'title'), 'string'), 'AND');
%! img = findobj(ax, 'type', 'image');
%! assert(numel(img), 1);
%! cd = get(img, 'cdata');
%! assert(size(cd), [21 21 3]);
%! % the top right corner is class 1, the bottom left class 0
%! assert(squeeze(cd(end, end, :))', [0.78 0.87 1.00]);
%! assert(squeeze(cd(1, 1, :))', [1.00 0.84 0.78]);
%! close(fig);

%!test
%! fig = nn_figure([600 300]);
%! ax = subplot(1, 2, 2);
%! [Xn, Tn] = nn_logic_data('not');
%! out = nn_plot_regions(@(Z) double(0.5 - Z >= 0), Xn, Tn, 'axes', ax, 'box', [-1 2]);
%! assert(out, fig);
%! assert(xlim(ax), [-1 2]);
%! file = [tempname() '.png'];
%! nn_figure(fig, file);
%! d = dir(file);
%! assert(d.bytes > 0);
%! delete(file);

%!test
%! % three classes from three score columns
%! P = [0 0; 1 0; 0 1];
%! F3 = @(Z) -[sum(Z.^2, 2), sum((Z - [1 0]).^2, 2), sum((Z - [0 1]).^2, 2)];
%! fig = nn_plot_regions(F3, P, [1; 2; 3], 'resolution', 30, 'labels', {'a', 'b', 'c'});
%! close(fig);

%!error id=nnlab:nn_plot_regions:nargin nn_plot_regions(@(Z) Z, [0 0])
%!error id=nnlab:nn_plot_regions:class nn_plot_regions('F', [0 0], 0)
%!error id=nnlab:nn_plot_regions:class nn_plot_regions(@(Z) Z, {1}, 0)
%!error id=nnlab:nn_plot_regions:size nn_plot_regions(@(Z) Z, zeros(2, 3), [0 1])
%!error id=nnlab:nn_plot_regions:domain nn_plot_regions(@(Z) Z, [0 NaN], 0)
%!error id=nnlab:nn_plot_regions:size nn_plot_regions(@(Z) Z(:, 1), [0 0; 1 1], [0 1 1])
%!error id=nnlab:nn_plot_regions:domain nn_plot_regions(@(Z) Z(:, 1), [0 0; 1 1], [0 0.5])
%!error id=nnlab:nn_plot_regions:option nn_plot_regions(F, X, T, 'box')
%!error id=nnlab:nn_plot_regions:option nn_plot_regions(F, X, T, 'colour', 'red')
%!error id=nnlab:nn_plot_regions:option nn_plot_regions(F, X, T, 3, 'red')
%!error id=nnlab:nn_plot_regions:optionValue nn_plot_regions(F, X, T, 'box', [1 0 0 1])
%!error id=nnlab:nn_plot_regions:optionValue nn_plot_regions(F, X, T, 'resolution', 5)
%!error id=nnlab:nn_plot_regions:optionValue nn_plot_regions(F, X, T, 'threshold', NaN)
%!error id=nnlab:nn_plot_regions:optionValue nn_plot_regions(F, X, T, 'title', 3)
%!error id=nnlab:nn_plot_regions:optionValue nn_plot_regions(F, X, T, 'labels', {'one'})
%!error id=nnlab:nn_plot_regions:optionValue nn_plot_regions(F, X, T, 'axes', 0)
%!error id=nnlab:nn_plot_regions:size nn_plot_regions(@(Z) Z(1:2, 1), X, T)
%!error id=nnlab:nn_plot_regions:domain nn_plot_regions(F, X, T + 1)
