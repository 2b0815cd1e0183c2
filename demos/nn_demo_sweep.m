% -*- texinfo -*-
% @deftypefn  {} {@var{r} =} nn_demo_sweep ()
% @deftypefnx {} {@var{r} =} nn_demo_sweep (@var{outdir})
% @deftypefnx {} {@var{r} =} nn_demo_sweep (@var{outdir}, 'Quick', @var{tf})
% Lecture demo: choosing hyperparameters, and how sure the choice is.
%
% @enumerate
% @item A sweep (@code{nn_sweep}) of the learning rate against the hidden
% size of a tanh network on two noisy moons, validated on a held-out
% fifth: a heat map of the validation accuracy.  The claim: too small a
% learning rate is worse than the best one, whatever the size.
% @item Cross-validation (@code{nn_crossval}) of the best configuration:
% the accuracy of each of 5 stratified folds, their mean and standard
% deviation: one validation split is one draw of that spread.
% @item An ensemble (@code{nn_ensemble}) of 5 networks from 5 seeds,
% trained on a small training set, against its own members on a large test
% set: the averaged probabilities have a lower test loss than the members'
% mean and than most (at least 3) of the members, and an accuracy at least
% the members' mean.
% @end enumerate
%
% Figures, written to @var{outdir} (default
% @code{fullfile (tempdir, 'nnlab-figures')}): @file{nn_demo_sweep_heatmap.png}
% and @file{nn_demo_sweep_ensemble.png} (the test loss of each member and of
% the ensemble).  @code{'Quick', true} trains fewer epochs.
%
% Returns a struct @var{r} with fields @code{topic}, @code{claim},
% @code{result}, @code{figures}, and @code{sweep}, @code{cv},
% @code{ensemble_loss}, @code{member_loss}.  If the claim does not hold it
% raises @code{nnlab:demo:claimFailed}.
% @seealso{nn_sweep, nn_crossval, nn_ensemble, nn_plot_sweep, nn_tour}
% @end deftypefn
function r = nn_demo_sweep(varargin)
fn = 'nn_demo_sweep';
[outdir, quick] = demo_args(fn, varargin, 'nargin');
outdir = figure_folder(fn, outdir);
r = struct('topic', 'Hyperparameter sweeps, cross-validation, ensembles', ...
           'claim', ['A sweep finds a learning rate better than too small a one; 5-fold ' ...
                     'cross-validation shows the spread; an ensemble of 5 seeds beats its average ' ...
                     'member and most members in test loss.'], ...
           'result', '', 'figures', {{}}, 'sweep', [], 'cv', [], 'ensemble_loss', NaN, 'member_loss', []);
failed = {};
epochs = 60;
if quick
  epochs = 25;
end

% (a) the sweep
[X, T] = nn_toy('moons', 'N', 400, 'Noise', 0.25, 'Seed', 11);
make = @(p) nn_mlp([2 p.Hidden 2], 'Hidden', 'tanh');
G = struct('LearningRate', [0.001 0.01 0.05], 'Hidden', [2 8 32]);
R = nn_sweep(make, X, T, 'Grid', G, 'Epochs', epochs, 'BatchSize', 32, 'Verbose', false);
fprintf('(a) Sweep of LearningRate x Hidden on two noisy moons (400 points, 80/20 split), %d epochs of Adam:\n', epochs);
disp(R.table);
r.figures{end + 1} = nn_plot_sweep(R, 'LearningRate', 'Hidden', fullfile(outdir, [fn '_heatmap.png']));
best = R.rows(R.best);
slow = max([R.rows([R.rows.LearningRate] == 0.001).metric]);
fprintf('    best: %s, validation accuracy %.3f; the best with LearningRate=0.001: %.3f\n', ...
        best.label, best.metric, slow);
if ~(best.metric > slow)
  failed{end + 1} = 'the smallest learning rate is as good as the best';
end

% (b) cross-validation of the best configuration
p = struct('Hidden', best.Hidden);
cv = nn_crossval(@() make(p), X, T, 'Folds', 5, 'Epochs', epochs, 'BatchSize', 32, ...
                 'LearningRate', best.LearningRate);
fprintf('(b) 5-fold stratified cross-validation of %s: fold accuracies %s,\n', best.label, ...
        mat2str(cv.folds, 3));
fprintf('    mean %.3f, standard deviation %.3f\n', cv.mean, cv.std);
if ~(cv.std > 0 && all(cv.folds > 0.5))
  failed{end + 1} = 'the folds do not show a spread above chance';
end

% (c) an ensemble of 5 seeds against its members
[Xtr, Ttr] = nn_toy('moons', 'N', 60, 'Noise', 0.3, 'Seed', 12);
[Xte, Tte] = nn_toy('moons', 'N', 2000, 'Noise', 0.3, 'Seed', 13);
E = nn_ensemble(@() nn_mlp([2 32 2], 'Hidden', 'tanh'), Xtr, Ttr, 'Members', 5, 'Epochs', 4 * epochs, ...
                'BatchSize', 60, 'LearningRate', 0.03);
re = nn_evaluate(E, Xte, Tte);
ml = zeros(1, 5);
ma = zeros(1, 5);
for m = 1:5
  q = nn_evaluate(E.members{m}, Xte, Tte);
  ml(m) = q.loss;
  ma(m) = q.accuracy;
end
fprintf('(c) 5 networks 2-32-2 from seeds 1..5 on 60 training points, tested on 2000:\n');
fprintf('    members: test loss %s, accuracy %s\n', mat2str(ml, 3), mat2str(ma, 3));
fprintf('    ensemble (averaged probabilities): test loss %.3f, accuracy %.3f\n', re.loss, re.accuracy);
if ~(re.loss < mean(ml) && sum(re.loss < ml) >= 3)
  failed{end + 1} = 'the ensemble''s test loss is not below the mean and most of its members''';
end
if ~(re.accuracy >= mean(ma))
  failed{end + 1} = 'the ensemble is less accurate than its average member';
end
f = nn_figure([640 360]);
bar([ml re.loss]);
set(gca(), 'xticklabel', {'seed 1', 'seed 2', 'seed 3', 'seed 4', 'seed 5', 'ensemble'});
ylabel('test loss (cross-entropy)');
title('an ensemble of 5 seeds against its members');
r.figures{end + 1} = nn_figure(f, fullfile(outdir, [fn '_ensemble.png']));

r.sweep = R;
r.cv = cv;
r.ensemble_loss = re.loss;
r.member_loss = ml;
r.result = sprintf(['best %s (val. accuracy %.3f, LearningRate 0.001 at most %.3f); 5-fold CV %.3f +- %.3f; ' ...
                    'ensemble test loss %.3f against members %.3f-%.3f (mean %.3f)'], best.label, best.metric, ...
                   slow, cv.mean, cv.std, re.loss, min(ml), max(ml), mean(ml));
fprintf('\nResult: %s.\n', r.result);
check_claim(fn, failed);
end
