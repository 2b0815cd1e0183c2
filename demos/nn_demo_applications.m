% -*- texinfo -*-
% @deftypefn  {} {@var{r} =} nn_demo_applications ()
% @deftypefnx {} {@var{r} =} nn_demo_applications (@var{outdir})
% @deftypefnx {} {@var{r} =} nn_demo_applications (@var{outdir}, 'Quick', @var{tf})
% Lecture demo: what neural networks are used for.
%
% Prints a table of the task types of the lecture, each with a classic
% application, the output layer, the loss and the metrics that go with
% it, and the nnlab functions for each:
%
% @table @asis
% @item binary classification
% spam filtering; 1 output unit with a sigmoid; loss @qcode{'bce'}
% (@qcode{'bce_logits'} on the logit); accuracy, precision, recall, F1,
% ROC AUC.
% @item multiclass classification
% digit recognition (MNIST), clothes (Fashion-MNIST); K units with a
% softmax; loss @qcode{'ce'} on the logits (@qcode{'nll'} after
% log_softmax); accuracy, confusion matrix.
% @item regression
% house prices; 1 linear unit; loss @qcode{'mse'} (@qcode{'mae'} or
% @qcode{'huber'} with outliers); MSE, RMSE, MAE, R^2.
% @item ranking
% search ranking; 1 linear unit, a score; loss @qcode{'margin_ranking'}
% or @qcode{'pairwise_logistic'} on pairs; NDCG@@k, pairs in the right
% order.
% @item dimensionality reduction
% image compression, embeddings (autoencoder); D linear or sigmoid units
% after a bottleneck of d << D units; loss @qcode{'mse'} (@qcode{'bce'}
% for pixels in [0, 1]); the reconstruction error.
% @end table
%
% Nothing is trained and no figure is drawn.  The claim, that every task
% type maps to an output layer and a loss that nnlab provides, is checked
% on a tiny example of each row: the output layer is applied with
% @code{nn_act} (a sigmoid output lies in (0, 1), softmax rows sum to 1);
% every loss listed is computed with @code{nn_loss}, finite, with a
% gradient of the size of the output, and smaller for a right prediction
% than for a wrong one; and every metric function listed gives the best
% value (accuracy, AUC, NDCG and R^2 near 1) for the right prediction.
%
% @var{outdir} and the option @qcode{'Quick'} are accepted for the
% uniformity of the demos and do nothing (the folder is created,
% though).  The demo takes well under a second.
%
% Returns a struct @var{r} with fields @code{topic}, @code{claim},
% @code{result} (the measured result as text), @code{figures} (an empty
% cell) and @code{table} (the table as a 5 x 5 cell array of text, rows
% the task types, columns task, application, output layer, loss, metric).
% If a check fails it raises the error @code{nnlab:demo:claimFailed}.
%
% @seealso{nn_loss, nn_act, nn_accuracy, nn_prf, nn_roc, nn_confusion,
% nn_regression_metrics, nn_ndcg, nn_tour}
% @end deftypefn

function r = nn_demo_applications(varargin)
fn = 'nn_demo_applications';
outdir = demo_args(fn, varargin, 'option');
figure_folder(fn, outdir);

r = struct('topic', 'What neural networks are used for', ...
           'claim', ['Every task type of the lecture maps to an output layer and a loss that nnlab provides, ' ...
                     'and to metrics to judge it.'], ...
           'result', '', 'figures', {{}}, 'table', {{}});

table = { ...
  'binary classification', 'spam filtering: spam or not', ...
  '1 unit, sigmoid (p of the positive class)', 'bce; bce_logits on the logit', ...
  'accuracy, precision, recall, F1, ROC AUC (nn_accuracy, nn_prf, nn_roc)'; ...
  'multiclass classification', 'digit recognition (MNIST), clothes (Fashion-MNIST)', ...
  'K units, softmax (a distribution over the K classes)', 'ce on the logits; nll after log_softmax', ...
  'accuracy, confusion matrix (nn_accuracy, nn_confusion)'; ...
  'regression', 'house prices from size, rooms, location', ...
  '1 unit, linear (any real number)', 'mse; mae or huber if there are outliers', ...
  'MSE, RMSE, MAE, R^2 (nn_regression_metrics)'; ...
  'ranking', 'search ranking: order the documents of a query', ...
  '1 unit, linear (a score; only the order counts)', 'margin_ranking, pairwise_logistic on pairs', ...
  'NDCG@k (nn_ndcg), pairs in the right order (nn_evaluate)'; ...
  'dimensionality reduction', 'image compression, embeddings (autoencoder)', ...
  'D units, linear or sigmoid, after a bottleneck of d << D units', ...
  'mse; bce for pixels in [0, 1]', 'reconstruction error, MSE (nn_regression_metrics)'};
r.table = table;

fprintf('What neural networks are used for: the task, an application, and what nnlab offers for it.\n\n');
head = {'task', 'example application', 'output layer', 'loss (nn_loss)', 'metric'};
widths = [15 24 24 22 28];
print_row(head, widths);
fprintf('%s\n', strjoin(arrayfun(@(w) repmat('-', 1, w), widths, 'UniformOutput', false), '-+-'));
for i = 1:size(table, 1)
  print_row(table(i, :), widths);
  if i < size(table, 1)
    fprintf('%s\n', deblank(strjoin(arrayfun(@(w) repmat(' ', 1, w), widths, 'UniformOutput', false), ' | ')));
  end
end

% the checks: each row's output layer, losses and metrics on a tiny example
failed = {};
used = {};
nmetric = 0;

% binary classification: 4 messages, logits of a right and of a wrong model
T = [1; 0; 1; 0];
Zr = [3; -3; 2; -2];
Zw = -Zr;
P = nn_act(Zr, 'sigmoid');
if ~all(P > 0 & P < 1)
  failed{end + 1} = 'the sigmoid output is not a probability';
end
[failed, used] = check_loss(failed, used, 'bce', nn_act(Zr, 'sigmoid'), nn_act(Zw, 'sigmoid'), T, {});
[failed, used] = check_loss(failed, used, 'bce_logits', Zr, Zw, T, {});
[~, ~, ~, auc] = nn_roc(P, T);
s = nn_prf(P, T);
failed = check_metric(failed, 'binary: accuracy, F1, AUC', [nn_accuracy(P, T), s.macro_f1, auc], 1);
nmetric = nmetric + 3;

% multiclass classification: 3 images of 3 classes
T = [1; 2; 3];
Zr = 3 * eye(3);
Zw = 3 * (1 - eye(3));
P = nn_act(Zr, 'softmax');
if max(abs(sum(P, 2) - 1)) > 1e-12
  failed{end + 1} = 'the softmax rows do not sum to 1';
end
[failed, used] = check_loss(failed, used, 'ce', Zr, Zw, T, {});
[failed, used] = check_loss(failed, used, 'nll', nn_act(Zr, 'log_softmax'), nn_act(Zw, 'log_softmax'), T, {});
C = nn_confusion(P, T);
failed = check_metric(failed, 'multiclass: accuracy, confusion', [nn_accuracy(P, T), trace(C) / sum(C(:))], 1);
nmetric = nmetric + 2;

% regression: 4 house prices (in 100 000s)
T = [1.5; 2.0; 3.2; 4.1];
Yr = T + [0.05; -0.05; 0.05; -0.05];
Yw = flipud(T);
if ~isequal(nn_act(Yr, 'linear'), Yr)
  failed{end + 1} = 'the linear output is not the identity';
end
[failed, used] = check_loss(failed, used, 'mse', Yr, Yw, T, {});
[failed, used] = check_loss(failed, used, 'mae', Yr, Yw, T, {});
[failed, used] = check_loss(failed, used, 'huber', Yr, Yw, T, {'delta', 1});
m = nn_regression_metrics(Yr, T);
failed = check_metric(failed, 'regression: R^2', m.r2, 0.99);
nmetric = nmetric + 1;

% ranking: 3 pairs of documents, +1 when the first should rank higher
T = [1; -1; 1];
Zr = [2 1; 0 1; 3 -1];
Zw = fliplr(Zr);
[failed, used] = check_loss(failed, used, 'margin_ranking', Zr, Zw, T, {'margin', 1});
[failed, used] = check_loss(failed, used, 'pairwise_logistic', Zr, Zw, T, {});
pair_acc = mean(sign(Zr(:, 1) - Zr(:, 2)) == T);
failed = check_metric(failed, 'ranking: NDCG, pair accuracy', [nn_ndcg([3; 2; 1; 0], [2; 1; 1; 0]), pair_acc], 1);
nmetric = nmetric + 2;

% dimensionality reduction: reconstruct 3 images of 4 pixels in [0, 1]
X = [0 0.2 0.9 1; 1 0.8 0.1 0; 0.5 0.5 0.5 0.5];
Xr = 0.95 * X + 0.025;
Xw = 1 - X;
[failed, used] = check_loss(failed, used, 'mse', Xr, Xw, X, {});
[failed, used] = check_loss(failed, used, 'bce', Xr, min(max(Xw, 0.01), 0.99), X, {});
m = nn_regression_metrics(Xr(:), X(:));
failed = check_metric(failed, 'reconstruction: R^2', m.r2, 0.99);
nmetric = nmetric + 1;

r.result = sprintf(['%d task types; %d losses (%d checks) computed with nn_loss, each finite and smaller for the ' ...
                    'right than for the wrong prediction; %d metric values at their best for the right prediction'], ...
                   size(table, 1), numel(unique(used)), numel(used), nmetric);
fprintf('\nChecked on a tiny example of each row: %s.\n', r.result);
check_claim(fn, failed);
end

function [failed, used] = check_loss(failed, used, name, Zr, Zw, T, opts)
% The loss NAME exists, is finite with a gradient of the size of Z, and is
% smaller for the right prediction ZR than for the wrong one ZW.
used{end + 1} = name;
[Lr, dZ] = nn_loss(Zr, T, name, opts{:});
Lw = nn_loss(Zw, T, name, opts{:});
if ~(isfinite(Lr) && isfinite(Lw) && isequal(size(dZ), size(Zr)) && all(isfinite(dZ(:))) && Lr < Lw)
  failed{end + 1} = sprintf('the loss %s (right %g, wrong %g)', name, Lr, Lw);
end
end

function failed = check_metric(failed, what, values, best)
if ~all(values >= best - 1e-12)
  failed{end + 1} = sprintf('%s = %s for the right prediction', what, mat2str(values, 4));
end
end
