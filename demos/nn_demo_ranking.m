% -*- texinfo -*-
% @deftypefn  {} {@var{r} =} nn_demo_ranking ()
% @deftypefnx {} {@var{r} =} nn_demo_ranking (@var{outdir})
% @deftypefnx {} {@var{r} =} nn_demo_ranking (@var{outdir}, 'Quick', @var{tf})
% Lecture demo: learning to rank with a pairwise loss.
%
% A scoring network @math{s = f(x)} (@code{nn_mlp ([10 16 1])}, ReLU
% hidden layer, linear output) gives every (query, document) row a score,
% and the documents of a query are ranked by decreasing score.  It is
% trained on @emph{pairs} of documents of the same query: each training
% row holds two documents side by side, @math{[x_a, x_b]}, with target
% @math{t = +1} when @math{a} is the more relevant and @math{-1} otherwise
% (pairs of equal relevance are dropped).  Two pairwise losses of
% @code{nn_loss} are compared, both on the score difference
% @math{d = s_a - s_b}:
%
% @table @asis
% @item RankNet, @qcode{'pairwise_logistic'}
% @math{l = log (1 + exp (-t d))}, a smooth loss that keeps pushing
% correctly ordered pairs further apart, ever more weakly;
% @item margin ranking, @qcode{'margin_ranking'} with margin 1
% @math{l = max (0, 1 - t d)}, which is zero once the pair is ordered
% with a score gap of at least 1.
% @end table
%
% The data come from @code{nn_toy ('ranking', ...)}: 60 queries of 15
% documents, 10 standard normal features each, graded relevance 0, 1, 2
% from a noisy hidden linear score.  The queries are split 70/30
% (@code{nn_split} on the query numbers), so the 18 test queries are
% unseen in training; the pairs of each part come from
% @code{info.make_pairs}.  Both losses train the same seeded initial
% network with Adam (learning rate 0.01, minibatches of 128 pairs, 20
% epochs).
%
% On the test queries it reports NDCG@@k (@code{nn_ndcg}, k = 1..10) and
% the share of test pairs in the right order (@code{nn_evaluate} on the
% pairs) of: the expected value of a random ordering (computed exactly: at
% each rank the expected gain is the mean gain of the query), the
% untrained network (random initial weights), and the network after each
% loss.  The claim: after training with either loss, NDCG@@5 on the unseen
% queries exceeds that of the untrained network and of a random ordering
% by at least 0.2, and at least 80% of the test pairs are in the right
% order.
%
% With @code{'Quick', true} (for the test suite) the same code runs on 30
% queries of 12 documents for 8 epochs; the claimed margin is then 0.1
% and the pair accuracy at least 70%.  The full demo takes 10 to 25 s on
% two cores (about 5 s quick).
%
% Figures, written to @var{outdir} (default
% @code{fullfile (tempdir, 'nnlab-figures')}):
% @file{nn_demo_ranking_ndcg.png}, NDCG@@k against k on the test queries
% for the random ordering, the untrained and the two trained networks;
% @file{nn_demo_ranking_loss.png}, the training loss of both losses per
% epoch and the share of pairs ordered correctly (training pairs, and
% the test pairs, watched after every epoch through the option
% @qcode{'ValidationData'} of @code{nn_train}, with no early stopping);
% @file{nn_demo_ranking_scores.png}, the score of every test document
% against its relevance grade, before and after training.
%
% Returns a struct @var{r} with fields @code{topic}, @code{claim},
% @code{result} (the measured result as text) and @code{figures} (cell
% array of the PNG files written), and, for the numbers, @code{k},
% @code{ndcg} (4 x 10: random ordering, untrained, RankNet, margin
% ranking; columns k = 1..10), @code{pair_accuracy} (4 x 1, test pairs)
% and @code{loss} (epochs x 2, the training loss of RankNet and margin
% ranking).  If the claim does not hold it raises the error
% @code{nnlab:demo:claimFailed}.
%
% @seealso{nn_toy, nn_ndcg, nn_train, nn_evaluate, nn_loss, nn_tour}
% @end deftypefn

function r = nn_demo_ranking(varargin)
fn = 'nn_demo_ranking';
[outdir, quick] = demo_args(fn, varargin, 'nargin');
outdir = figure_folder(fn, outdir);

% the recipe
if quick
  rec = struct('queries', 30, 'docs', 12, 'epochs', 8, 'margin', 0.1, 'pairacc', 0.7);
else
  rec = struct('queries', 60, 'docs', 15, 'epochs', 20, 'margin', 0.2, 'pairacc', 0.8);
end
D = 10;
ks = 1:10;
kshow = 5;
lr = 0.01;
batch = 128;
losses = {'pairwise_logistic', 'margin_ranking'};
lossopts = {{}, {'margin', 1}};
names = {'RankNet (pairwise logistic)', 'margin ranking (margin 1)'};

r = struct('topic', 'Learning to rank with pairwise losses', ...
           'claim', sprintf(['A scoring network trained on document pairs (RankNet or margin ranking loss) ' ...
                             'ranks unseen queries far better than before training: NDCG@%d up by >= %g ' ...
                             'over the untrained net and over a random order.'], kshow, rec.margin), ...
           'result', '', 'figures', {{}}, 'k', ks, 'ndcg', [], 'pair_accuracy', [], 'loss', []);

% data: split by queries, so the test queries are unseen
[X, rel, info] = nn_toy('ranking', 'Queries', rec.queries, 'N', rec.queries * rec.docs, ...
                        'D', D, 'Noise', 0.5, 'Seed', 7);
qid = info.qid;
g = unique(qid);
[a, b] = nn_split(numel(g), 0.7, 'Seed', 1);
itr = find(ismember(qid, g(a)));
ite = find(ismember(qid, g(b)));
[Xp, Tp] = make_pairs(info, X(itr, :), rel(itr), qid(itr));
[Xpt, Tpt] = make_pairs(info, X(ite, :), rel(ite), qid(ite));
Xte = X(ite, :);
rte = rel(ite);
qte = qid(ite);
fprintf('Data: nn_toy(''ranking''): %d queries of %d documents, %d features, relevance grades 0..%d.\n', ...
        rec.queries, rec.docs, D, info.levels - 1);
fprintf('Split by queries: %d training queries (%d pairs of different relevance), %d unseen test queries (%d pairs).\n', ...
        numel(a), size(Xp, 1), numel(b), size(Xpt, 1));

% the same initial network for both losses
net0 = nn_mlp([D 16 1], 'Hidden', 'relu', 'Seed', 1);
fprintf('Scoring network %s, trained on pairs [x_a x_b] with target +1 if a is more relevant, else -1;\n', ...
        net0.summary);
fprintf('Adam, learning rate %g, minibatches of %d pairs, %d epochs.\n', lr, batch, rec.epochs);

ndcg = zeros(4, numel(ks));
pairacc = zeros(4, 1);
ndcg(1, :) = random_ndcg(rte, qte, ks);
pairacc(1) = 0.5;
S0 = nn_predict(net0, Xte);
ndcg(2, :) = nn_ndcg(S0, rte, qte, ks);
e0 = nn_evaluate(net0, Xpt, Tpt, 'Loss', losses{1});
pairacc(2) = e0.pair_accuracy;
curves = zeros(rec.epochs, 2);
acc_train = zeros(rec.epochs, 2);
acc_test = zeros(rec.epochs, 2);
S = cell(1, 2);
for j = 1:2
  [net, tr] = nn_train(net0, Xp, Tp, 'Loss', losses{j}, 'LossOptions', lossopts{j}, ...
                       'Optimizer', 'adam', 'LearningRate', lr, 'BatchSize', batch, ...
                       'Epochs', rec.epochs, 'ValidationData', {Xpt, Tpt}, 'Seed', 1, ...
                       'Verbose', false);
  curves(:, j) = tr.loss(:);
  acc_train(:, j) = tr.metric(:);
  acc_test(:, j) = tr.val_metric(:);
  S{j} = nn_predict(net, Xte);
  ndcg(2 + j, :) = nn_ndcg(S{j}, rte, qte, ks);
  e = nn_evaluate(net, Xpt, Tpt, 'Loss', losses{j}, 'LossOptions', lossopts{j});
  pairacc(2 + j) = e.pair_accuracy;
  fprintf('Trained with %s: training loss %.3f -> %.3f.\n', losses{j}, curves(1, j), curves(end, j));
end
r.ndcg = ndcg;
r.pair_accuracy = pairacc;
r.loss = curves;

% the table
rows = {'random order (expected)', 'untrained (random init)', ...
        ['after ' names{1}], ['after ' names{2}]};
fprintf('\nOn the %d unseen test queries:\n', numel(b));
fprintf('  %-38s  NDCG@1  NDCG@5  NDCG@10  test pairs right\n', 'ranking by');
for i = 1:4
  fprintf('  %-38s  %6.3f  %6.3f  %7.3f  %15.1f%%\n', rows{i}, ndcg(i, 1), ndcg(i, ks == kshow), ...
          ndcg(i, ks == 10), 100 * pairacc(i));
end

i5 = find(ks == kshow);
r.result = sprintf(['NDCG@%d on %d unseen queries: random order %.3f, untrained %.3f, ' ...
                    'RankNet %.3f, margin ranking %.3f; test pairs right %.0f%% / %.0f%% (untrained %.0f%%)'], ...
                   kshow, numel(b), ndcg(1, i5), ndcg(2, i5), ndcg(3, i5), ndcg(4, i5), ...
                   100 * pairacc(3), 100 * pairacc(4), 100 * pairacc(2));
fprintf('\nResult: %s.\n', r.result);

% figure 1: NDCG@k
fig = nn_figure([720 480]);
ax = axes('parent', fig);
hold(ax, 'on');
h = zeros(1, 4);
h(1) = plot(ax, ks, ndcg(1, :), '--', 'color', [0.5 0.5 0.5], 'linewidth', 2);
h(2) = plot(ax, ks, ndcg(2, :), '-o', 'color', [0 0 0], 'linewidth', 1.5);
h(3) = plot(ax, ks, ndcg(3, :), '-s', 'color', [0 0.45 0.74], 'linewidth', 2, 'markersize', 9);
h(4) = plot(ax, ks, ndcg(4, :), '-^', 'color', [0.85 0.33 0.1], 'linewidth', 2, 'markersize', 6);
hold(ax, 'off');
set(ax, 'box', 'on', 'xlim', [0.5 10.5], 'ylim', [0 1], 'xtick', ks);
grid(ax, 'on');
xlabel(ax, 'k (cut-off rank)');
ylabel(ax, 'NDCG@k, mean over the test queries', 'interpreter', 'none');
title(ax, sprintf('Ranking %d unseen test queries: NDCG@k before and after training', numel(b)), ...
      'interpreter', 'none');
legend(ax, h, {'random order (expected)', 'untrained network', ['trained: ' names{1}], ...
               ['trained: ' names{2}]}, 'location', 'southeast');
files = {nn_figure(fig, fullfile(outdir, 'nn_demo_ranking_ndcg.png'))};

% figure 2: training curves
fig = nn_figure([1040 420]);
ep = (1:rec.epochs)';
colors = {[0 0.45 0.74], [0.85 0.33 0.1]};
markers = {'s', '^'};
msizes = [9 6];
ax = subplot(1, 2, 1, 'parent', fig);
hold(ax, 'on');
plot(ax, ep, curves(:, 1), '-s', 'color', colors{1}, 'linewidth', 2, 'markersize', 9);
plot(ax, ep, curves(:, 2), '-^', 'color', colors{2}, 'linewidth', 2, 'markersize', 6);
hold(ax, 'off');
set(ax, 'box', 'on', 'xlim', [0.5 rec.epochs + 0.5]);
ylim(ax, [0, max(curves(:)) * 1.1]);
grid(ax, 'on');
xlabel(ax, 'epoch');
ylabel(ax, 'training loss (mean over the pairs)');
title(ax, 'Training loss');
legend(ax, names, 'location', 'northeast');
ax = subplot(1, 2, 2, 'parent', fig);
hold(ax, 'on');
h = zeros(1, 4);
for j = 1:2
  h(2 * j - 1) = plot(ax, ep, 100 * acc_train(:, j), ['-' markers{j}], 'color', colors{j}, ...
                      'linewidth', 2, 'markersize', msizes(j));
  h(2 * j) = plot(ax, ep, 100 * acc_test(:, j), '--', 'color', colors{j}, 'linewidth', 2);
end
hold(ax, 'off');
set(ax, 'box', 'on', 'xlim', [0.5 rec.epochs + 0.5], 'ylim', [50 100]);
grid(ax, 'on');
xlabel(ax, 'epoch');
ylabel(ax, 'pairs in the right order (%)');
title(ax, 'Pairwise accuracy');
legend(ax, h, {'RankNet, training pairs', 'RankNet, test pairs', ...
               'margin, training pairs', 'margin, test pairs'}, 'location', 'southeast');
files{end + 1} = nn_figure(fig, fullfile(outdir, 'nn_demo_ranking_loss.png'));

% figure 3: scores against relevance on the test documents
fig = nn_figure([1200 420]);
jitter = 0.3 * (mod((1:numel(rte))' * 0.6180339887, 1) - 0.5);   % deterministic spread
panels = {S0, S{1}, S{2}};
ptitles = {'untrained', 'RankNet', 'margin ranking'};
grades = 0:info.levels - 1;
pcolors = [{[0 0 0]}, colors];
for p = 1:3
  ax = subplot(1, 3, p, 'parent', fig);
  s = panels{p};
  hold(ax, 'on');
  plot(ax, rte + jitter, s, 'o', 'color', [0.3 0.3 0.3], 'markersize', 3);
  med = arrayfun(@(v) median(s(rte == v)), grades);
  plot(ax, grades, med, '-s', 'color', pcolors{p}, 'linewidth', 2.5, ...
       'markersize', 8);
  hold(ax, 'off');
  set(ax, 'box', 'on', 'xlim', [-0.5 info.levels - 0.5], 'xtick', grades);
  grid(ax, 'on');
  xlabel(ax, 'relevance grade (square: median)');
  ylabel(ax, 'score s = f(x) of each test document');
  % one line: Octave's gnuplot output garbles a multi-line title with interpreter 'none'
  title(ax, sprintf('%s: test NDCG@%d = %.2f', ptitles{p}, kshow, ndcg(1 + p, i5)), 'interpreter', 'none');
end
files{end + 1} = nn_figure(fig, fullfile(outdir, 'nn_demo_ranking_scores.png'));
r.figures = files;
fprintf('Figures: %s\n', strjoin(files, ', '));

% the claim
failed = {};
for j = 1:2
  n = ndcg(2 + j, i5);
  if n < ndcg(2, i5) + rec.margin
    failed{end + 1} = sprintf('%s: NDCG@%d %.3f is not %g above the untrained %.3f', ...
                              losses{j}, kshow, n, rec.margin, ndcg(2, i5)); %#ok<AGROW>
  end
  if n < ndcg(1, i5) + rec.margin
    failed{end + 1} = sprintf('%s: NDCG@%d %.3f is not %g above a random order (%.3f)', ...
                              losses{j}, kshow, n, rec.margin, ndcg(1, i5)); %#ok<AGROW>
  end
  if pairacc(2 + j) < rec.pairacc
    failed{end + 1} = sprintf('%s: only %.0f%% of the test pairs in the right order', ...
                              losses{j}, 100 * pairacc(2 + j)); %#ok<AGROW>
  end
end
check_claim(fn, failed);
end

function [Xp, Tp] = make_pairs(info, X, rel, qid)
% Pairs of documents of the same query with different relevance, side by
% side, with target +1 when the first is the more relevant, else -1.
P = info.make_pairs(rel, qid);
Xp = [X(P(:, 1), :), X(P(:, 2), :)];
Tp = 2 * P(:, 3) - 1;
end

function v = random_ndcg(rel, qid, ks)
% Expected NDCG@k of a uniformly random order of each query's documents:
% every rank holds each document with the same chance, so its expected gain
% is the mean gain of the query.  Queries without a relevant document are
% skipped (as nn_ndcg does by default).
G = 2 .^ rel - 1;
[~, ~, q] = unique(qid);
v = zeros(size(ks));
for j = 1:numel(ks)
  vals = [];
  for i = 1:max(q)
    gi = sort(G(q == i), 'descend');
    n = min(ks(j), numel(gi));
    disc = 1 ./ log2((1:n)' + 1);
    idcg = sum(gi(1:n) .* disc);
    if idcg > 0
      vals(end + 1) = mean(gi) * sum(disc) / idcg; %#ok<AGROW>
    end
  end
  v(j) = mean(vals);
end
end
