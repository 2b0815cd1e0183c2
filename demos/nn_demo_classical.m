% -*- texinfo -*-
% @deftypefn  {} {@var{r} =} nn_demo_classical ()
% @deftypefnx {} {@var{r} =} nn_demo_classical (@var{outdir})
% @deftypefnx {} {@var{r} =} nn_demo_classical (@var{outdir}, 'Quick', @var{tf})
% Lecture demo: MATLAB's classical full-batch trainers against Adam on a
% small curve fit, where Levenberg-Marquardt shines.
%
% A 1-10-1 network with tanh hidden units and a linear output
% (@code{nn_mlp ([1 10 1], 'Hidden', 'tanh', 'Seed', 1)}) fits the smooth
% curve t = sin(2x) exp(-x^2) on 41 points of [-1, 1] with the loss
% @code{'mse'}, from the same start, four ways: @code{'lm'}
% (Levenberg-Marquardt, as @code{trainlm}: mu 1e-3, divided by 10 after a
% step that lowers the loss, multiplied by 10 otherwise), @code{'scg'}
% (Moller's scaled conjugate gradient, as @code{trainscg}),
% @code{'trainrp'} (full-batch Rprop, as @code{trainrp}, with its delta0
% 0.07 as @code{'LearningRate'}) and @code{'adam'} (lr 0.01, full batch).
% Each runs at most 1000 epochs (300 quick), stopping at the MSE goal 1e-5
% (@code{'Goal'}).
%
% A table gives, for each trainer, the epochs run, the final MSE, the
% epoch at which the MSE first fell below 1e-5 and the time.  The claims
% checked: LM reaches the goal in fewer than 100 epochs, and Adam has not
% reached it after 100 epochs.
%
% Figures, written to @var{outdir} (default
% @code{fullfile (tempdir, 'nnlab-figures')}):
% @file{nn_demo_classical.png}, the fitted curves of LM and of Adam after
% as many epochs as LM took (left) and the MSE per epoch of every trainer
% (right, log scale).
%
% The option @code{'Quick', true} (for the test suite) runs at most 300
% epochs.  The demo takes about 3 s (1 s quick).
%
% Returns a struct @var{r} with fields @code{topic}, @code{claim},
% @code{result}, @code{figures} and @code{runs} (a struct array with fields
% @code{optimizer}, @code{epochs}, @code{final_loss}, @code{goal_epoch} (NaN
% when the goal was not reached), @code{time}, @code{history}).  If a claim
% does not hold it raises the error @code{nnlab:demo:claimFailed}.
%
% @seealso{nn_train, nn_jacobian, nn_minimize, nn_demo_training}
% @end deftypefn
function r = nn_demo_classical(varargin)
fn = 'nn_demo_classical';
[outdir, quick] = demo_args(fn, varargin, 'nargin');
outdir = figure_folder(fn, outdir);

r = struct('topic', 'Classical full-batch trainers: Levenberg-Marquardt, SCG, Rprop', ...
           'claim', ['On a 1-10-1 tanh fit of a smooth curve, Levenberg-Marquardt reaches an MSE ' ...
                     'of 1e-5 in under 100 epochs; Adam has not after 100.'], ...
           'result', '', 'figures', {{}}, 'runs', []);
E = 1000;
if quick
  E = 300;
end
goal = 1e-5;
x = linspace(-1, 1, 41)';
t = sin(2 * x) .* exp(-x .^ 2);
net0 = nn_mlp([1 10 1], 'Hidden', 'tanh', 'Seed', 1);
spec = {'lm', {}; 'scg', {}; 'trainrp', {'LearningRate', 0.07}; 'adam', {'LearningRate', 0.01}};
runs = struct('optimizer', spec(:, 1)', 'epochs', 0, 'final_loss', 0, 'goal_epoch', NaN, ...
              'time', 0, 'history', []);
nets = cell(1, 4);
fprintf('Fit of sin(2x) exp(-x^2) on 41 points by a 1-10-1 tanh network, loss mse, goal %g,\n', goal);
fprintf('at most %d epochs; every trainer starts from the same network (nn_mlp seed 1).\n', E);
for i = 1:4
  args = [{'Optimizer', spec{i, 1}, 'Epochs', E, 'Loss', 'mse', 'Verbose', false}, spec{i, 2}];
  if strcmp(spec{i, 1}, 'adam')
    args = [args, {'BatchSize', numel(x), 'Shuffle', false}]; %#ok<AGROW>
  else
    args = [args, {'Goal', goal}]; %#ok<AGROW>
  end
  t0 = tic();
  [nets{i}, info] = nn_train(net0, x, t, args{:});
  runs(i).time = toc(t0);
  runs(i).epochs = info.epochs;
  runs(i).history = info.loss;
  runs(i).final_loss = info.loss(end);
  k = find(info.loss <= goal, 1);
  if ~isempty(k)
    runs(i).goal_epoch = k;
  end
end
fprintf('\n  %-8s %7s %12s %12s %8s\n', 'trainer', 'epochs', 'final mse', 'goal epoch', 'time');
for i = 1:4
  fprintf('  %-8s %7d %12.3g %12s %7.2fs\n', runs(i).optimizer, runs(i).epochs, runs(i).final_loss, ...
          num2str(runs(i).goal_epoch), runs(i).time);
end
fprintf(['LM solves (J''J + mu I) dx = J''e at every epoch (J, the Jacobian of the 41 residuals\n' ...
         'with respect to the 31 parameters, computed in C by nn_jacobian): close to Gauss-Newton\n' ...
         'near the minimum, close to small gradient steps far from it.\n']);
r.runs = runs;

failed = {};
lm = runs(1);
adam = runs(4);
if ~(lm.goal_epoch < 100)
  failed{end + 1} = sprintf('LM did not reach the MSE %g in fewer than 100 epochs (goal epoch %s)', goal, ...
                            num2str(lm.goal_epoch));
end
a100 = adam.history(min(100, end));
if ~(a100 > goal)
  failed{end + 1} = sprintf('Adam reached the MSE %g within 100 epochs (%.3g)', goal, a100);
end
r.result = sprintf(['LM reached MSE %g at epoch %s; SCG at %s; Rprop at %s; Adam''s MSE after 100 ' ...
                    'epochs %.3g, after %d %.3g'], goal, num2str(lm.goal_epoch), ...
                   num2str(runs(2).goal_epoch), num2str(runs(3).goal_epoch), a100, adam.epochs, ...
                   adam.final_loss);
fprintf('\nResult: %s.\n', r.result);

% the figure: the fits, and the MSE per epoch
fig = nn_figure([1300 480]);
ax = subplot(1, 2, 1, 'parent', fig);
xf = linspace(-1, 1, 200)';
nA = nn_train(net0, x, t, 'Optimizer', 'adam', 'LearningRate', 0.01, 'Epochs', lm.epochs, ...
              'BatchSize', numel(x), 'Shuffle', false, 'Loss', 'mse', 'Verbose', false);
plot(ax, x, t, 'ko', 'markersize', 5);
hold(ax, 'on');
plot(ax, xf, nn_predict(nets{1}, xf), '-', 'color', [0.85 0.33 0.10], 'linewidth', 2);
plot(ax, xf, nn_predict(nA, xf), '--', 'color', [0.00 0.45 0.74], 'linewidth', 2);
hold(ax, 'off');
grid(ax, 'on');
set(ax, 'box', 'on');
xlabel(ax, 'x');
ylabel(ax, 't');
title(ax, sprintf('fits after %d epochs', lm.epochs));
legend(ax, {'data', 'LM', 'Adam'}, 'location', 'northwest');
ax = subplot(1, 2, 2, 'parent', fig);
colors = [0.85 0.33 0.10; 0.47 0.67 0.19; 0.49 0.18 0.56; 0.00 0.45 0.74];
h = zeros(1, 4);
for i = 1:4
  h(i) = semilogy(ax, 1:runs(i).epochs, max(runs(i).history, eps), '-', 'color', colors(i, :), ...
                  'linewidth', 2);
  hold(ax, 'on');
end
semilogy(ax, [1 E], [goal goal], 'k:');
hold(ax, 'off');
set(ax, 'yscale', 'log', 'xscale', 'log', 'box', 'on');
grid(ax, 'on');
xlim(ax, [1 E]);
xlabel(ax, 'epoch (one full-batch iteration)');
ylabel(ax, 'training MSE');
title(ax, 'MSE per epoch');
legend(ax, h, {'lm', 'scg', 'trainrp', 'adam'}, 'location', 'southwest');
r.figures = {nn_figure(fig, fullfile(outdir, 'nn_demo_classical.png'))};
fprintf('Figures: %s\n', strjoin(r.figures, ', '));

check_claim(fn, failed);
end
