% -*- texinfo -*-
% @deftypefn  {} {@var{r} =} nn_demo_gates ()
% @deftypefnx {} {@var{r} =} nn_demo_gates (@var{outdir})
% Lecture demo: one neuron computes the logic gates NOT, AND and OR.
%
% A single neuron @math{y = step(w.x + b)} with the threshold activation
% (@math{step(z) = 1} for @math{z >= 0}, else 0) and hand-set weights
% computes
%
% @multitable @columnfractions 0.15 0.3 0.2
% @item NOT @tab @math{w = -1} @tab @math{b = 0.5}
% @item AND @tab @math{w = [1, 1]} @tab @math{b = -1.5}
% @item OR  @tab @math{w = [1, 1]} @tab @math{b = -0.5}
% @end multitable
%
% The neuron is evaluated with @code{nn_dense} and @code{nn_act}; its truth
% tables are printed and checked against @code{nn_logic_data}.  The
% figure @file{nn_demo_gates.png} in @var{outdir} (default
% @code{fullfile (tempdir, 'nnlab-figures')}) shows the three decision
% regions: the neuron's output is 1 on one side of the line
% @math{w.x + b = 0} (a point for NOT).
%
% Returns a struct @var{r} with fields @code{topic}, @code{claim},
% @code{result} (the measured result as text) and @code{figures} (cell
% array of the PNG files written).  If a gate comes out wrong it raises
% the error @code{nnlab:demo:claimFailed}.
%
% @seealso{nn_demo_xor, nn_tour, nn_logic_data, nn_plot_regions}
% @end deftypefn

function r = nn_demo_gates(outdir, varargin)
fn = 'nn_demo_gates';
if nargin > 1
  error('nnlab:nn_demo_gates:nargin', ...
        'nn_demo_gates takes at most one argument, the folder for the figures; you gave %d.', nargin);
end
if nargin < 1
  outdir = '';
end
outdir = figure_folder(fn, outdir);

r = struct('topic', 'Logic gates from one threshold neuron', ...
           'claim', 'A single neuron y = step(w.x + b) with hand-set weights computes NOT, AND and OR.', ...
           'result', '', 'figures', {{}});

gates = {'NOT', 'AND', 'OR'};
W = {-1, [1 1], [1 1]};
b = {0.5, -1.5, -0.5};
fprintf('One neuron y = step(w.x + b), where step(z) = 1 if z >= 0, else 0:\n');
nright = 0;
ntotal = 0;
wrong = {};
for g = 1:numel(gates)
  [X, T] = nn_logic_data(gates{g});
  Z = nn_dense(X, W{g}, b{g});
  Y = nn_act(Z, 'threshold');
  fprintf('\n%s: w = %s, b = %g\n', gates{g}, mat2str(W{g}), b{g});
  if size(X, 2) == 1
    fprintf('    x1 | w.x+b |  y | target\n');
  else
    fprintf('    x1 x2 | w.x+b |  y | target\n');
  end
  for i = 1:size(X, 1)
    fprintf('   %s | %5.1f | %2d | %2d\n', sprintf(' %2d', X(i, :)), Z(i), Y(i), T(i));
  end
  nright = nright + sum(Y == T);
  ntotal = ntotal + numel(T);
  if ~isequal(Y, T)
    wrong{end + 1} = gates{g}; %#ok<AGROW>
  end
end
r.result = sprintf('%d of %d truth-table rows right (NOT, AND, OR)', nright, ntotal);
fprintf('\nResult: %s.\n', r.result);

% figure: the three decision regions
fig = nn_figure([1200 400]);
for g = 1:numel(gates)
  [X, T] = nn_logic_data(gates{g});
  ax = subplot(1, 3, g, 'parent', fig);
  Fg = neuron(W{g}, b{g});
  if size(X, 2) == 1
    nn_plot_regions(Fg, X, T, 'axes', ax, 'box', [-0.5 1.5], ...
                    'title', sprintf('%s: y = step(%g x_1 + %g)', gates{g}, W{g}, b{g}));
  else
    nn_plot_regions(Fg, X, T, 'axes', ax, 'box', [-0.5 1.5 -0.5 1.5], ...
                    'title', sprintf('%s: y = step(x_1 + x_2 - %g)', gates{g}, -b{g}));
  end
end
file = nn_figure(fig, fullfile(outdir, 'nn_demo_gates.png'));
r.figures = {file};
fprintf('Figure: %s\n', file);

if ~isempty(wrong)
  error('nnlab:demo:claimFailed', ...
        'nn_demo_gates: the neuron got the truth table of %s wrong (%s).', strjoin(wrong, ', '), r.result);
end
end

function F = neuron(w, b)
F = @(Z) nn_act(nn_dense(Z, w, b), 'threshold');
end
