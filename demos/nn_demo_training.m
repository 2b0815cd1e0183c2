% -*- texinfo -*-
% @deftypefn  {} {@var{r} =} nn_demo_training ()
% @deftypefnx {} {@var{r} =} nn_demo_training (@var{outdir})
% @deftypefnx {} {@var{r} =} nn_demo_training (@var{outdir}, 'Quick', @var{tf})
% Lecture demo: what training needs, an architecture, a loss (and a
% metric) and an optimizer.
%
% One task, the two moons of @code{nn_toy ('moons', 'N', 400, 'Noise',
% 0.2, 'Seed', 1)} with 0/1 targets, is learned by @code{nn_train} in seven
% runs that change one ingredient at a time.  All networks have tanh hidden
% units and one linear output (a score), are built by @code{nn_mlp} with
% @code{'Seed', 1}, and are trained full-batch (every step sees all the
% data) for 300 epochs:
%
% @table @asis
% @item architecture
% 2-1 (logistic regression: a straight boundary), 2-8-1 and 2-32-32-1, all
% with the loss @code{'bce_logits'} and @code{'adam'} (lr 0.05);
% @item optimizer
% the 2-8-1 network with @code{'bce_logits'} trained by plain gradient
% descent (@code{'sgd'} without momentum, lr 0.5), by @code{'sgd'} with
% momentum 0.9 (same lr) and by @code{'adam'} (lr 0.05);
% @item loss
% the 2-8-1 network with @code{'adam'} trained on the same outputs with
% @code{'bce_logits'}, @code{'mse'} (least squares on the 0/1 targets,
% class 1 where the output is > 0.5) and @code{'hinge'} (the targets 0/1
% stand for -1/+1, class 1 where the output is > 0).
% @end table
%
% A table of the runs is printed: network, loss, optimizer, final
% training loss, training accuracy (the metric, comparable across losses,
% unlike the loss values) and training time.  The claims checked: Adam and
% momentum reach a final loss below half that of plain gradient descent in
% the same number of epochs; both hidden-layer networks beat logistic
% regression by at least 5 points of accuracy; and all three losses train
% the 2-8-1 network to an accuracy of at least 95%.
%
% Figures, written to @var{outdir} (default
% @code{fullfile (tempdir, 'nnlab-figures')}):
% @file{nn_demo_training_loss.png}, the training-loss curves (log scale)
% of the three comparisons side by side, and
% @file{nn_demo_training_regions.png}, the decision regions of the three
% architectures.
%
% The option @code{'Quick', true} (for the test suite) runs the same code
% on 200 points for 100 epochs; the optimizer claim is then that Adam and
% momentum end below plain gradient descent, the architecture claim that
% the hidden-layer networks beat logistic regression, and the loss claim an
% accuracy of at least 85%.  The demo takes about 10 s (4 s quick).
%
% Returns a struct @var{r} with fields @code{topic}, @code{claim},
% @code{result} (the measured result as text), @code{figures} (cell array
% of the PNG files written) and @code{runs} (a struct array, one element
% per run, with fields @code{name}, @code{group}, @code{sizes},
% @code{loss}, @code{optimizer}, @code{final_loss}, @code{accuracy},
% @code{time} and @code{history}, the loss of every epoch).  If a claim
% does not hold it raises the error @code{nnlab:demo:claimFailed}.
%
% @seealso{nn_train, nn_mlp, nn_loss, nn_step, nn_demo_binary, nn_tour}
% @end deftypefn

function r = nn_demo_training(varargin)
fn = 'nn_demo_training';
[outdir, quick] = demo_args(fn, varargin, 'nargin');
outdir = figure_folder(fn, outdir);

r = struct('topic', 'What training needs: architecture, loss, optimizer', ...
           'claim', ['On two moons, Adam and momentum reach a lower loss than plain gradient descent ' ...
                     'in the same number of epochs, hidden-layer nets beat logistic regression, ' ...
                     'and bce_logits, mse and hinge all train the classifier.'], ...
           'result', '', 'figures', {{}}, 'runs', []);
if quick
  N = 200;
  epochs = 100;
else
  N = 400;
  epochs = 300;
end
[X, T] = nn_toy('moons', 'N', N, 'Noise', 0.2, 'Seed', 1, 'Targets', 'binary');

% the runs: one ingredient changed at a time
gd = {'sgd', 'LearningRate', 0.5};
mom = {'sgd', 'LearningRate', 0.5, 'Momentum', 0.9};
adam = {'adam', 'LearningRate', 0.05};
spec = {
  % name                      group            sizes         loss          optimizer
  'logistic 2-1',             'architecture',  [2 1],        'bce_logits', adam
  '2-8-1',                    'architecture',  [2 8 1],      'bce_logits', adam
  '2-32-32-1',                'architecture',  [2 32 32 1],  'bce_logits', adam
  'gradient descent',         'optimizer',     [2 8 1],      'bce_logits', gd
  'momentum 0.9',             'optimizer',     [2 8 1],      'bce_logits', mom
  'mse',                      'loss',          [2 8 1],      'mse',        adam
  'hinge',                    'loss',          [2 8 1],      'hinge',      adam};
nr = size(spec, 1);
runs = struct('name', spec(:, 1)', 'group', spec(:, 2)', 'sizes', spec(:, 3)', ...
              'loss', spec(:, 4)', 'optimizer', '', 'final_loss', 0, 'accuracy', 0, ...
              'time', 0, 'history', []);
nets = cell(1, nr);
fprintf('Two moons: %d points, 0/1 targets; tanh hidden units, one linear output (a score);\n', N);
fprintf('full-batch training for %d epochs (one step per epoch), seed 1.\n', epochs);
for i = 1:nr
  o = spec{i, 5};
  net = nn_mlp(spec{i, 3}, 'Hidden', 'tanh', 'Seed', 1);
  t0 = tic();
  [net, info] = nn_train(net, X, T, 'Loss', spec{i, 4}, 'Optimizer', o{1}, o{2:end}, ...
                         'Epochs', epochs, 'BatchSize', N, 'Seed', 1, 'Verbose', false);
  runs(i).time = toc(t0);
  runs(i).optimizer = optimizer_text(o);
  runs(i).history = info.loss(:);
  runs(i).final_loss = info.loss(end);
  Y = nn_predict(net, X);
  if strcmp(spec{i, 4}, 'mse')
    thr = 0.5;                  % least squares on 0/1 targets: the output estimates P(class 1)
  else
    thr = 0;                    % a score: class 1 where it is positive
  end
  runs(i).accuracy = nn_accuracy(Y, T, 'Threshold', thr);
  nets{i} = net;
end
r.runs = runs;

% the table
fprintf('\n  %-9s %-11s %-10s %-24s %10s %9s %7s\n', 'network', 'changes', 'loss', 'optimizer', ...
        'final loss', 'accuracy', 'time');
for i = 1:nr
  fprintf('  %-9s %-12s %-10s %-24s %10.4g %8.1f%% %6.1fs\n', size_text(runs(i).sizes), runs(i).group, ...
          runs(i).loss, runs(i).optimizer, runs(i).final_loss, 100 * runs(i).accuracy, runs(i).time);
end
fprintf('  (the 2-8-1 run with bce_logits and adam belongs to all three comparisons;\n');
fprintf('   losses of different kinds are on different scales: compare them by the accuracy)\n');
fprintf('Architecture: the 2-1 net draws a straight boundary and cannot follow the moons; hidden layers bend it.\n');
fprintf('Optimizer: with the same lr, momentum keeps moving along the flat stretch where plain gradient\n');
fprintf('descent crawls; adam scales each step by the size of recent gradients.\n');
fprintf('Loss: bce_logits, mse and hinge all push the score of each class to its side; the accuracy says how well.\n');

% the claims
failed = {};
L_gd = runs(4).final_loss;
L_mom = runs(5).final_loss;
L_adam = runs(2).final_loss;
if quick
  factor = 1;
  margin = 0;
  minacc = 0.85;
else
  factor = 0.5;
  margin = 0.05;
  minacc = 0.95;
end
if ~(L_adam < factor * L_gd && L_mom < factor * L_gd)
  failed{end + 1} = sprintf('adam (%.3g) and momentum (%.3g) do not end below %g x the loss of gradient descent (%.3g)', ...
                            L_adam, L_mom, factor, L_gd);
end
acc = [runs.accuracy];
if ~(acc(2) > acc(1) + margin && acc(3) > acc(1) + margin)
  failed{end + 1} = sprintf('the hidden-layer nets (%.1f%%, %.1f%%) do not beat logistic regression (%.1f%%) by %g points', ...
                            100 * acc(2), 100 * acc(3), 100 * acc(1), 100 * margin);
end
loss_runs = [2 6 7];
if any(acc(loss_runs) < minacc)
  failed{end + 1} = sprintf('a loss trains the 2-8-1 net to less than %g%% accuracy (%s)', 100 * minacc, ...
                            mat2str(round(1000 * acc(loss_runs)) / 10));
end
r.result = sprintf(['final loss after %d epochs: gradient descent %.3g, momentum %.3g, adam %.3g; ' ...
                    'accuracy: 2-1 %.1f%%, 2-8-1 %.1f%%, 2-32-32-1 %.1f%%; ' ...
                    '2-8-1 with bce_logits/mse/hinge %.1f/%.1f/%.1f%%'], ...
                   epochs, L_gd, L_mom, L_adam, 100 * acc(1:3), 100 * acc(loss_runs));
fprintf('\nResult: %s.\n', r.result);

% figure 1: the loss curves of the three comparisons
groups = {'architecture', 'optimizer', 'loss'};
members = {[1 2 3], [4 5 2], [2 6 7]};
labels = {{'2-1 (logistic)', '2-8-1', '2-32-32-1'}, ...
          {'gradient descent, lr 0.5', 'momentum 0.9, lr 0.5', 'adam, lr 0.05'}, ...
          {'BCE of logits', 'MSE on 0/1', 'hinge'}};
titles = {'architecture (BCE of logits, adam)', 'optimizer (2-8-1, BCE of logits)', 'loss (2-8-1, adam)'};
ylabels = {'training loss (BCE of logits)', 'training loss (BCE of logits)', 'training loss (each its own kind)'};
colors = [0.85 0.33 0.10; 0.00 0.45 0.74; 0.47 0.67 0.19];
fig = nn_figure([1500 470]);
e = (1:epochs)';
for g = 1:numel(groups)
  ax = subplot(1, 3, g, 'parent', fig);
  h = zeros(1, 3);
  for k = 1:3
    i = members{g}(k);
    h(k) = semilogy(ax, e, max(runs(i).history, eps), '-', 'color', colors(k, :), 'linewidth', 2);
    hold(ax, 'on');
  end
  hold(ax, 'off');
  set(ax, 'yscale', 'log', 'box', 'on');
  grid(ax, 'on');
  xlim(ax, [1 epochs]);
  xlabel(ax, 'epoch (one full-batch step)');
  ylabel(ax, ylabels{g});
  title(ax, titles{g});
  legend(ax, h, labels{g}, 'location', 'southwest');
end
files = {nn_figure(fig, fullfile(outdir, 'nn_demo_training_loss.png'))};

% figure 2: the decision regions of the three architectures
fig = nn_figure([1500 430]);
box = [-1.6 2.6 -1.1 1.6];
for k = 1:3
  ax = subplot(1, 3, k, 'parent', fig);
  nn_plot_regions(@(Z) nn_predict(nets{k}, Z), X, T, 'axes', ax, 'box', box, 'threshold', 0, ...
                  'title', sprintf('%s: accuracy %.1f%%', labels{1}{k}, 100 * acc(k)));
  set(findobj(ax, 'type', 'line', 'linestyle', 'none'), 'markersize', 5);
end
files{end + 1} = nn_figure(fig, fullfile(outdir, 'nn_demo_training_regions.png'));
r.figures = files;
fprintf('Figures: %s\n', strjoin(files, ', '));

check_claim(fn, failed);
end

function s = optimizer_text(o)
s = o{1};
if strcmp(s, 'sgd')
  if numel(o) > 3
    s = 'sgd momentum 0.9';
  else
    s = 'sgd (plain GD)';
  end
end
s = sprintf('%s lr %g', s, o{3});
end

function s = size_text(sizes)
s = strjoin(arrayfun(@(v) sprintf('%d', v), sizes, 'UniformOutput', false), '-');
end
