% -*- texinfo -*-
% @deftypefn  {} {@var{r} =} nn_demo_binary ()
% @deftypefnx {} {@var{r} =} nn_demo_binary (@var{outdir})
% @deftypefnx {} {@var{r} =} nn_demo_binary (@var{outdir}, 'Quick', @var{tf})
% Lecture demo: binary classification with a logit output, binary
% cross-entropy, the decision boundary and the ROC curve on held-out data.
%
% The two moons of @code{nn_toy ('moons', 'N', 500, 'Noise', 0.2, 'Seed',
% 2)} with 0/1 targets are split by @code{nn_split} (seed 1, stratified by
% class) into 70% for training and 30% for testing.  A 2-8-1 network
% with tanh hidden units and a linear output (@code{nn_mlp}, seed 1)
% outputs a logit @math{z}, the log-odds of class 1:
% @math{P(class 1 | x) = sigma(z)}.  It is trained with
% @code{'bce_logits'}, the binary cross-entropy computed from the logit
% (stable for any @math{z}), by @code{'adam'} (lr 0.05) full-batch for 300
% epochs.  A point is classified as 1 where @math{z > 0}, i.e. where
% @math{sigma(z) > 0.5}.
%
% Printed: the training and test loss and accuracy, the test confusion
% matrix, and the test AUC of @code{nn_roc}, the area under the ROC curve,
% which is the probability that a random positive test point gets a
% higher score than a random negative one.  Checked: test AUC > 0.95 and
% test accuracy > 0.9.
%
% Figures, written to @var{outdir} (default
% @code{fullfile (tempdir, 'nnlab-figures')}):
% @file{nn_demo_binary_regions.png}, the decision regions
% (@code{nn_plot_regions}) with the training points and, beside them, the
% test points; @file{nn_demo_binary_roc.png}, the ROC curves of the test
% and the training set with the diagonal of a random classifier, the
% point of the threshold @math{z = 0} and the test AUC in the title.
%
% The option @code{'Quick', true} (for the test suite) trains for 100
% epochs instead of 300; the claims are the same.  The demo takes about 5 s
% (most of it drawing the figures, so quick is not much faster).
%
% Returns a struct @var{r} with fields @code{topic}, @code{claim},
% @code{result} (the measured result as text), @code{figures} (cell array
% of the PNG files written), @code{auc} and @code{accuracy} (on the test
% set).  If a claim does not hold it raises the error
% @code{nnlab:demo:claimFailed}.
%
% @seealso{nn_roc, nn_split, nn_plot_regions, nn_loss, nn_demo_training, nn_tour}
% @end deftypefn

function r = nn_demo_binary(varargin)
fn = 'nn_demo_binary';
[outdir, quick] = demo_args(fn, varargin, 'nargin');
outdir = figure_folder(fn, outdir);

r = struct('topic', 'Binary classification: BCE of logits, boundary, ROC', ...
           'claim', ['A 2-8-1 net trained with bce_logits on two moons separates held-out ' ...
                     'test points with AUC > 0.95 and accuracy > 0.9.'], ...
           'result', '', 'figures', {{}}, 'auc', NaN, 'accuracy', NaN);
if quick
  epochs = 100;
else
  epochs = 300;
end
N = 500;
[X, T] = nn_toy('moons', 'N', N, 'Noise', 0.2, 'Seed', 2, 'Targets', 'binary');
[itr, ite] = nn_split(N, 0.7, 'Seed', 1, 'Stratify', T);
Xtr = X(itr, :);
Ttr = T(itr);
Xte = X(ite, :);
Tte = T(ite);
fprintf('Two moons, %d points (noise 0.2), split 70/30: %d for training, %d for testing.\n', ...
        N, numel(itr), numel(ite));

net = nn_mlp([2 8 1], 'Hidden', 'tanh', 'Seed', 1);
[net, info] = nn_train(net, Xtr, Ttr, 'Loss', 'bce_logits', 'Optimizer', 'adam', 'LearningRate', 0.05, ...
                       'Epochs', epochs, 'BatchSize', numel(itr), 'Seed', 1, 'Verbose', false);
fprintf('Network %s, linear output z = the logit, P(class 1) = sigmoid(z);\n', net.summary);
fprintf('trained with bce_logits = -(t log s(z) + (1 - t) log(1 - s(z))), adam lr 0.05, %d full-batch epochs.\n', ...
        epochs);

Ztr = nn_predict(net, Xtr);
Zte = nn_predict(net, Xte);
Ltr = nn_loss(Ztr, Ttr, 'bce_logits');
Lte = nn_loss(Zte, Tte, 'bce_logits');
acc_tr = nn_accuracy(Ztr, Ttr, 'Threshold', 0);
acc_te = nn_accuracy(Zte, Tte, 'Threshold', 0);
C = nn_confusion(Zte, Tte, 'Threshold', 0);
[fpr, tpr, ~, auc] = nn_roc(Zte, Tte);
[fpr_tr, tpr_tr, ~, auc_tr] = nn_roc(Ztr, Ttr);
fprintf('\n              loss   accuracy   AUC\n');
fprintf('  training  %6.4f    %5.1f%%   %6.4f\n', Ltr, 100 * acc_tr, auc_tr);
fprintf('  test      %6.4f    %5.1f%%   %6.4f\n', Lte, 100 * acc_te, auc);
fprintf('\nTest confusion matrix (rows: true class, columns: predicted, threshold z > 0):\n');
fprintf('              pred 0  pred 1\n');
fprintf('  true 0      %6d  %6d\n', C(1, 1), C(1, 2));
fprintf('  true 1      %6d  %6d\n', C(2, 1), C(2, 2));
% the operating point of the threshold z > 0
op_fpr = C(1, 2) / sum(C(1, :));
op_tpr = C(2, 2) / sum(C(2, :));
fprintf('At z > 0: true-positive rate %.3f, false-positive rate %.3f (one point of the ROC curve).\n', ...
        op_tpr, op_fpr);
fprintf('AUC %.4f: a random positive test point scores above a random negative one with probability %.3f.\n', ...
        auc, auc);

r.auc = auc;
r.accuracy = acc_te;
r.result = sprintf('test AUC %.4f, test accuracy %.1f%% (training: AUC %.4f, accuracy %.1f%%)', ...
                   auc, 100 * acc_te, auc_tr, 100 * acc_tr);
fprintf('\nResult: %s.\n', r.result);

% figure 1: decision regions with the training and the test points
labels = {'T = 0 (upper moon)', 'T = 1 (lower moon)'};
box = [-1.7 2.7 -1.2 2.0];
F = @(Z) nn_predict(net, Z);
fig = nn_figure([1200 480]);
ax = subplot(1, 2, 1, 'parent', fig);
nn_plot_regions(F, Xtr, Ttr, 'axes', ax, 'box', box, 'threshold', 0, 'labels', labels, ...
                'title', sprintf('training set, %d points: accuracy %.1f%%', numel(itr), 100 * acc_tr));
set(findobj(ax, 'type', 'line', 'linestyle', 'none'), 'markersize', 5);
ax = subplot(1, 2, 2, 'parent', fig);
nn_plot_regions(F, Xte, Tte, 'axes', ax, 'box', box, 'threshold', 0, 'labels', labels, ...
                'title', sprintf('test set, %d points: accuracy %.1f%%', numel(ite), 100 * acc_te));
set(findobj(ax, 'type', 'line', 'linestyle', 'none'), 'markersize', 6);
set(findobj(fig, 'type', 'axes', 'tag', 'legend'), 'location', 'northeast');
files = {nn_figure(fig, fullfile(outdir, 'nn_demo_binary_regions.png'))};

% figure 2: the ROC curves
fig = nn_figure([560 520]);
ax = axes('parent', fig);
h = zeros(1, 4);
h(1) = plot(ax, fpr, tpr, '-', 'color', [0 0.45 0.74], 'linewidth', 2.5);
hold(ax, 'on');
h(2) = plot(ax, fpr_tr, tpr_tr, '--', 'color', [0.85 0.33 0.10], 'linewidth', 1.5);
h(3) = plot(ax, [0 1], [0 1], ':', 'color', [0.4 0.4 0.4], 'linewidth', 1.5);
h(4) = plot(ax, op_fpr, op_tpr, 'o', 'color', 'k', 'markerfacecolor', [0.93 0.69 0.13], 'markersize', 9);
hold(ax, 'off');
axis(ax, [0 1 0 1]);
axis(ax, 'square');
grid(ax, 'on');
set(ax, 'box', 'on');
xlabel(ax, 'false-positive rate (negatives called positive)');
ylabel(ax, 'true-positive rate (recall)');
title(ax, sprintf('ROC curve on the test set: AUC = %.3f', auc));
legend(ax, h, {sprintf('test (%d points), AUC %.3f', numel(ite), auc), ...
               sprintf('training, AUC %.3f', auc_tr), 'random guess (AUC 0.5)', ...
               'threshold z = 0 on test'}, 'location', 'southeast');
files{end + 1} = nn_figure(fig, fullfile(outdir, 'nn_demo_binary_roc.png'));
r.figures = files;
fprintf('Figures: %s\n', strjoin(files, ', '));

failed = {};
if ~(auc > 0.95)
  failed{end + 1} = sprintf('the test AUC is %.4f, not above 0.95', auc);
end
if ~(acc_te > 0.9)
  failed{end + 1} = sprintf('the test accuracy is %.1f%%, not above 90%%', 100 * acc_te);
end
check_claim(fn, failed);
end
