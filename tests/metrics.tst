## Tests of the metrics: nn_accuracy, nn_confusion, nn_prf, nn_roc,
## nn_regression_metrics, nn_ndcg, nn_plot_confusion.
## Run with: addpath('m'); test('tests/metrics.tst')

%!shared Y3, T3
%! Y3 = [1; 2; 2; 3; 1; 3; 3; 2];
%! T3 = [1; 2; 3; 3; 2; 3; 1; 2];

## ---------------------------------------------------------------- confusion
%!test
%! C = nn_confusion(Y3, T3);
%! ## rows true, columns predicted, counted by hand
%! assert(C, [1 0 1; 1 2 0; 0 1 2]);
%! assert(sum(C(:)), numel(T3));
%! assert(sum(C, 2), accumarray(T3, 1));
%! assert(sum(C, 1)', accumarray(Y3, 1));

%!test
%! ## the same predictions as scores (argmax per row) and as one-hot targets
%! E = eye(3);
%! S = E(Y3, :) * 0.6 + 0.1;
%! assert(nn_confusion(S, T3), nn_confusion(Y3, T3));
%! assert(nn_confusion(S, E(T3, :)), nn_confusion(Y3, T3));
%! assert(nn_confusion(Y3, E(T3, :)), nn_confusion(Y3, T3));

%!test
%! ## random data against a plain double loop
%! rand('seed', 3);
%! K = 5; N = 200;
%! T = floor(rand(N, 1) * K) + 1;
%! Y = floor(rand(N, 1) * K) + 1;
%! C = zeros(K);
%! for n = 1:N
%!   C(T(n), Y(n)) = C(T(n), Y(n)) + 1;
%! end
%! assert(nn_confusion(Y, T, 'NumClasses', K), C);

%!test
%! ## argmax ties go to the first column
%! assert(nn_confusion([0.5 0.5; 0.2 0.2], [1; 2]), [1 0; 1 0]);

%!test
%! ## K is the largest label unless given
%! assert(size(nn_confusion([1; 2], [1; 4])), [4 4]);
%! assert(size(nn_confusion([1; 2], [1; 2], 'NumClasses', 6)), [6 6]);
%! [C, order] = nn_confusion(int32([1; 2]), uint8([2; 2]));
%! assert(C, [0 0; 1 1]);
%! assert(order, [1; 2]);
%! assert(class(C), 'double');

%!test
%! ## binary scores: positive when the score is above the threshold
%! s = [0.1; 0.5; 0.51; 0.9; 0.3; 0.7];
%! t = [0; 0; 1; 1; 1; 0];
%! [C, order] = nn_confusion(s, t);
%! assert(order, [0; 1]);
%! assert(C, [2 1; 1 2]);              % 0.5 is not above 0.5
%! assert(nn_confusion(s, logical(t)), C);
%! assert(nn_confusion(single(s), t), C);
%! assert(nn_confusion(s, t, 'Threshold', 0.2), [1 2; 0 3]);
%! assert(nn_confusion(s - 0.5, t, 'Threshold', 0), C);    % logits
%! assert(nn_confusion(s > 0.5, t), C);                   % logical predictions
%! assert(nn_confusion(double(s > 0.5), t), C);           % 0/1 predictions

%!test
%! ## binary targets that happen to be all 1 with scores
%! assert(nn_confusion([0.2; 0.8], [1; 1]), [0 0; 1 1]);
%! ## ... and label predictions with all-1 targets stay labels
%! assert(nn_confusion([1; 2], [1; 1]), [1 1; 0 0]);

%!test
%! ## empty input
%! assert(nn_confusion(zeros(0, 1), zeros(0, 1), 'NumClasses', 2), zeros(2));
%! assert(nn_confusion(zeros(0, 3), zeros(0, 1)), zeros(3));

%!error <add 1 to 0-based labels> nn_confusion([1; 2], [0; 3])
%!error <must hold 0 or 1> nn_confusion([0.2; 0.7], [1; 2])
%!error <'Threshold' was given> nn_confusion([1; 2], [1; 2], 'Threshold', 1)
%!error <logical> nn_confusion([true; false], [1; 2])
%!error id=nnlab:nn_confusion:label nn_confusion([0.2; 0.7], [1; 2])
%!error id=nnlab:nn_confusion:label nn_confusion([1 0; 0 1], [1; 3])
%!error id=nnlab:nn_confusion:label nn_confusion([1; 2], [1; 1.5])
%!error id=nnlab:nn_confusion:label nn_confusion([1; 2], [1; Inf])
%!error id=nnlab:nn_confusion:domain nn_confusion([1; NaN], [1; 2])
%!error id=nnlab:nn_confusion:domain nn_confusion([1; 2], [1; NaN])
%!error id=nnlab:nn_confusion:size nn_confusion([1 2], [1; 2])
%!error id=nnlab:nn_confusion:size nn_confusion(ones(2, 3), eye(2))
%!error id=nnlab:nn_confusion:size nn_confusion(ones(2, 2, 2), [1; 2])
%!error id=nnlab:nn_confusion:size nn_confusion(zeros(2, 0), [1; 2])
%!error id=nnlab:nn_confusion:class nn_confusion([1; 2], {1; 2})
%!error id=nnlab:nn_confusion:class nn_confusion('ab', [1; 2])
%!error id=nnlab:nn_confusion:sparse nn_confusion(sparse([1; 2]), [1; 2])
%!error id=nnlab:nn_confusion:complex nn_confusion([1; 2], [1; 2] + 1i)
%!error id=nnlab:nn_confusion:option nn_confusion([1; 2], [1; 2], 'NumClasses')
%!error id=nnlab:nn_confusion:option nn_confusion([1; 2], [1; 2], 3, 3)
%!error id=nnlab:nn_confusion:option nn_confusion([1; 2], [1; 2], 'K', 3)
%!error id=nnlab:nn_confusion:optionValue nn_confusion([1; 2], [1; 2], 'NumClasses', 2.5)
%!error id=nnlab:nn_confusion:optionValue nn_confusion([1; 2], [1; 2], 'NumClasses', [2 3])
%!error id=nnlab:nn_confusion:optionValue nn_confusion([1; 2], [1; 2], 'NumClasses', 'two')
%!error id=nnlab:nn_confusion:optionValue nn_confusion(eye(3), [1; 2; 3], 'NumClasses', 4)
%!error id=nnlab:nn_confusion:optionValue nn_confusion(eye(3), [1; 2; 3], 'Threshold', 0.5)
%!error id=nnlab:nn_confusion:optionValue nn_confusion([0.1; 0.9], [0; 1], 'NumClasses', 3)
%!error id=nnlab:nn_confusion:optionValue nn_confusion([0.1; 0.9], [0; 1], 'Threshold', NaN)
%!error id=nnlab:nn_confusion:optionValue nn_confusion([1; 2], eye(2), 'NumClasses', 3)

## ----------------------------------------------------------------- accuracy
%!test
%! [a, n] = nn_accuracy(Y3, T3);
%! assert(n, 5);
%! assert(a, 5 / 8);
%!assert(nn_accuracy(T3, T3), 1)
%!assert(nn_accuracy(mod(T3, 3) + 1, T3), 0)
%!assert(nn_accuracy(zeros(0, 1), zeros(0, 1)), NaN)
%!test
%! ## scores, one-hot targets, binary scores, single
%! E = eye(3);
%! assert(nn_accuracy(single(E(Y3, :)), E(T3, :)), 5 / 8);
%! assert(nn_accuracy([0.2; 0.6; 0.8; 0.4], logical([0; 1; 0; 0])), 0.75);
%! assert(nn_accuracy([-2; 1; 3; -1], [0; 1; 0; 0], 'threshold', 0), 0.75);
%!test
%! ## agrees with a direct count on random scores
%! rand('seed', 5);
%! S = rand(50, 4);
%! T = floor(rand(50, 1) * 4) + 1;
%! [~, p] = max(S, [], 2);
%! assert(nn_accuracy(S, T), mean(p == T), eps);
%!error id=nnlab:nn_accuracy:nargin nn_accuracy([1; 2])
%!error id=nnlab:nn_accuracy:label nn_accuracy([1; 2], [1; 0.5])
%!error id=nnlab:nn_accuracy:size nn_accuracy([1; 2], [1; 2; 3])
%!error id=nnlab:nn_accuracy:domain nn_accuracy([NaN 1], 1)
%!error id=nnlab:nn_accuracy:optionValue nn_accuracy([1; 2], [1; 2], 'NumClasses', -1)
%!error <nn_accuracy: .*Y and T> nn_accuracy([1; 2], [1; 2; 3])

## ---------------------------------------------------------------------- prf
%!test
%! ## Y3/T3 by hand: C = [1 0 1; 1 2 0; 0 1 2]
%! s = nn_prf(Y3, T3);
%! assert(s.classes, [1; 2; 3]);
%! assert(s.precision, [1/2; 2/3; 2/3], eps);
%! assert(s.recall, [1/2; 2/3; 2/3], eps);
%! assert(s.f1, [1/2; 2/3; 2/3], eps);
%! assert(s.support, [2; 3; 3]);
%! assert(s.macro_precision, 11 / 18, eps);
%! assert(s.macro_recall, 11 / 18, eps);
%! assert(s.macro_f1, 11 / 18, eps);

%!test
%! ## scikit-learn's documented example (labels shifted to 1..3):
%! ## precision [2/3 0 0], recall [1 0 0], f1 [0.8 0 0], macro f1 0.2667
%! t = [0 1 2 0 1 2]' + 1;
%! y = [0 2 1 0 0 1]' + 1;
%! s = nn_prf(y, t);
%! assert(s.precision, [2/3; 0; 0], eps);
%! assert(s.recall, [1; 0; 0]);
%! assert(s.f1, [0.8; 0; 0], eps);
%! assert(s.macro_precision, 2 / 9, eps);
%! assert(s.macro_recall, 1 / 3, eps);
%! assert(s.macro_f1, 0.8 / 3, eps);

%!test
%! ## perfect and worst
%! s = nn_prf(T3, T3);
%! assert([s.precision, s.recall, s.f1], ones(3));
%! assert([s.macro_precision, s.macro_recall, s.macro_f1], [1 1 1]);
%! s = nn_prf(mod(T3, 3) + 1, T3);
%! assert([s.precision, s.recall, s.f1], zeros(3));
%! assert(s.macro_f1, 0);

%!test
%! ## zero division gives 0: class 3 never predicted, class 2 never true
%! s = nn_prf([1; 2; 2], [1; 3; 1], 'NumClasses', 4);
%! assert(s.precision, [1; 0; 0; 0]);
%! assert(s.recall, [0.5; 0; 0; 0]);
%! assert(s.f1, [2/3; 0; 0; 0], eps);
%! assert(s.support, [2; 0; 1; 0]);
%! ## class 4 occurs nowhere, so the averages are over classes 1..3
%! assert(s.macro_precision, 1 / 3, eps);
%! assert(s.macro_recall, 1 / 6, eps);
%! assert(s.macro_f1, 2 / 9, eps);

%!test
%! ## binary scores: rows are class 0 then class 1
%! s = nn_prf([0.9; 0.8; 0.7; 0.2; 0.1], [1; 1; 0; 1; 0]);
%! assert(s.classes, [0; 1]);
%! assert(s.precision, [1/2; 2/3], eps);
%! assert(s.recall, [1/2; 2/3], eps);
%! assert(s.support, [2; 3]);

%!test
%! ## f1 is the harmonic mean of precision and recall; random data
%! rand('seed', 7);
%! S = rand(300, 4);
%! T = floor(rand(300, 1) * 4) + 1;
%! s = nn_prf(S, T);
%! [~, p] = max(S, [], 2);
%! for k = 1:4
%!   tp = sum(p == k & T == k);
%!   assert(s.precision(k), tp / sum(p == k), 1e-15);
%!   assert(s.recall(k), tp / sum(T == k), 1e-15);
%! end
%! P = s.precision; R = s.recall;
%! assert(s.f1, 2 * P .* R ./ (P + R), 1e-15);
%! assert(s.macro_f1, mean(s.f1), 1e-15);

%!test
%! s = nn_prf(zeros(0, 1), zeros(0, 1), 'NumClasses', 2);
%! assert(isnan(s.macro_f1));
%! assert(s.precision, [0; 0]);

%!error id=nnlab:nn_prf:nargin nn_prf(1)
%!error id=nnlab:nn_prf:label nn_prf([1; 2], [0; 2])
%!error id=nnlab:nn_prf:option nn_prf([1; 2], [1; 2], 'Average', 'macro')
%!error id=nnlab:nn_prf:class nn_prf([1; 2], struct())

## ---------------------------------------------------------------------- roc
%!function a = mann_whitney(s, t)
%!  ## brute force over all positive-negative pairs, ties count 1/2
%!  p = s(t == 1);
%!  q = s(t == 0);
%!  a = 0;
%!  for i = 1:numel(p)
%!    for j = 1:numel(q)
%!      a = a + (p(i) > q(j)) + 0.5 * (p(i) == q(j));
%!    end
%!  end
%!  a = a / (numel(p) * numel(q));
%!endfunction

%!test
%! ## scikit-learn's documented example: labels 1/2 with positive class 2
%! [fpr, tpr, h, auc] = nn_roc([0.1; 0.4; 0.35; 0.8], [1; 1; 2; 2], 'PositiveClass', 2);
%! assert(fpr, [0; 0; 0.5; 0.5; 1]);
%! assert(tpr, [0; 0.5; 0.5; 1; 1]);
%! assert(h, [Inf; 0.8; 0.4; 0.35; 0.1]);
%! assert(auc, 0.75);

%!test
%! ## ties against the brute-force Mann-Whitney count, many random sets
%! rand('seed', 11);
%! for trial = 1:20
%!   n = 5 + floor(rand() * 60);
%!   t = double(rand(n, 1) < 0.4);
%!   t(1) = 0; t(2) = 1;
%!   s = round(rand(n, 1) * 6) / 6 + 0.3 * t .* (rand(n, 1) < 0.5);   % many ties
%!   [fpr, tpr, h, auc] = nn_roc(s, t);
%!   assert(auc, mann_whitney(s, t), 1e-14);
%!   assert(auc, trapz(fpr, tpr), 1e-12);
%!   ## every point is the rate at its threshold (score >= h)
%!   for i = 1:numel(h)
%!     assert(tpr(i), mean(s(t == 1) >= h(i)), 1e-15);
%!     assert(fpr(i), mean(s(t == 0) >= h(i)), 1e-15);
%!   end
%!   assert(h(2:end), unique(s, 'sorted')(end:-1:1));
%!   assert(all(diff(fpr) >= 0) && all(diff(tpr) >= 0));
%!   assert([fpr([1 end]), tpr([1 end])], [0 0; 1 1]);
%! end

%!test
%! ## perfect, reversed and constant scores
%! t = [0; 0; 1; 0; 1; 1];
%! [~, ~, ~, a] = nn_roc(t + 0.1, t);
%! assert(a, 1);
%! [~, ~, ~, a] = nn_roc(-t, t);
%! assert(a, 0);
%! [fpr, tpr, h, a] = nn_roc(7 * ones(6, 1), t);
%! assert(a, 0.5);
%! assert([fpr, tpr, h], [0 0 Inf; 1 1 7]);
%! ## one tie between a positive and a negative: half a pair
%! [~, ~, ~, a] = nn_roc([1; 2; 2; 3], [0; 0; 1; 1]);
%! assert(a, 3.5 / 4);

%!test
%! ## only the order matters: a monotone map of the scores keeps the curve
%! rand('seed', 13);
%! s = rand(40, 1); t = double(rand(40, 1) < 0.5); t(1:2) = [0; 1];
%! [f1, t1, ~, a1] = nn_roc(s, t);
%! [f2, t2, ~, a2] = nn_roc(log(s ./ (1 - s)), logical(t));
%! assert([f1, t1], [f2, t2]);
%! assert(a1, a2);
%! [~, ~, ~, a3] = nn_roc(single(s), t);
%! assert(a3, mann_whitney(double(single(s)), t), 1e-14);

%!test
%! ## infinite scores are ranked like others
%! [fpr, tpr, h, a] = nn_roc([-Inf; 0; Inf], [0; 1; 1]);
%! assert(a, 1);
%! assert(h, [Inf; Inf; 0; -Inf]);
%! ## tied infinite scores are one point too
%! [fpr, tpr, h, a] = nn_roc([Inf; Inf; -Inf; -Inf; 0], [1; 0; 1; 0; 1]);
%! assert(h, [Inf; Inf; 0; -Inf]);
%! assert(a, mann_whitney([Inf; Inf; -Inf; -Inf; 0], [1; 0; 1; 0; 1]));

%!test
%! ## other labels with PositiveClass
%! [~, ~, ~, a] = nn_roc([0.1; 0.9; 0.5; 0.4], [-1; 1; 1; -1], 'PositiveClass', 1);
%! assert(a, 1);
%! [~, ~, ~, a] = nn_roc([0.1; 0.9; 0.5; 0.4], [-1; 1; 1; -1], 'PositiveClass', -1);
%! assert(a, 0);

%!test
%! ## multiclass: one curve per class, against the rest
%! S = [0.7 0.2 0.1; 0.3 0.4 0.3; 0.2 0.2 0.6; 0.5 0.3 0.2; 0.1 0.8 0.1];
%! T = [1; 2; 3; 2; 2];
%! [fpr, tpr, h, auc] = nn_roc(S, T);
%! assert(iscell(fpr) && iscell(tpr) && iscell(h));
%! assert(size(auc), [3 1]);
%! for k = 1:3
%!   [f, r, g, a] = nn_roc(S(:, k), double(T == k));
%!   assert(fpr{k}, f); assert(tpr{k}, r); assert(h{k}, g);
%!   assert(auc(k), a);
%!   [~, ~, ~, a2] = nn_roc(S, T, 'PositiveClass', k);
%!   assert(a2, a);
%! end
%! E = eye(3);
%! [~, ~, ~, auc2] = nn_roc(S, E(T, :));
%! assert(auc2, auc);

%!test
%! ## a single class has no ROC curve
%! warning('off', 'nnlab:nn_roc:oneClass', 'local');
%! [fpr, tpr, h, a] = nn_roc([0.2; 0.4], [1; 1]);
%! assert(isnan(a));
%! assert(all(isnan(fpr)));
%! assert(tpr, [0; 0.5; 1]);
%! [~, ~, ~, a] = nn_roc([0.1 0.9; 0.2 0.8], [2; 2]);
%! assert(isnan(a), [true; true]);

%!warning id=nnlab:nn_roc:oneClass nn_roc([0.2; 0.4], [0; 0]);
%!warning id=nnlab:nn_roc:oneClass nn_roc([0.1 0.9 0; 0.2 0.8 0], [2; 1]);
%!error id=nnlab:nn_roc:nargin nn_roc()
%!error id=nnlab:nn_roc:label nn_roc([0.1; 0.2], [0; 2])
%!error id=nnlab:nn_roc:label nn_roc([0.1 0.2; 0.3 0.4], [0; 1])
%!error id=nnlab:nn_roc:size nn_roc([0.1; 0.2], [0; 1; 1])
%!error id=nnlab:nn_roc:size nn_roc([0.1; 0.2], [0 1; 1 0])
%!error id=nnlab:nn_roc:size nn_roc(ones(2, 3), eye(2))
%!error id=nnlab:nn_roc:domain nn_roc([0.1; NaN], [0; 1])
%!error id=nnlab:nn_roc:domain nn_roc([0.1; 0.2], [0; NaN])
%!error id=nnlab:nn_roc:class nn_roc({0.1}, 1)
%!error id=nnlab:nn_roc:complex nn_roc([0.1; 0.2i], [0; 1])
%!error id=nnlab:nn_roc:option nn_roc([0.1; 0.2], [0; 1], 'Positive', 1)
%!error id=nnlab:nn_roc:option nn_roc([0.1; 0.2], [0; 1], 'PositiveClass')
%!error id=nnlab:nn_roc:optionValue nn_roc([0.1; 0.2], [0; 1], 'PositiveClass', 'yes')
%!error id=nnlab:nn_roc:optionValue nn_roc([0.1 0.2; 0.3 0.4], [1; 2], 'PositiveClass', 1.5)

## ---------------------------------------------------------------- regression
%!test
%! Y = [2; 4; 6; 8];
%! T = [1; 5; 6; 10];
%! s = nn_regression_metrics(Y, T);
%! assert(s.mse, (1 + 1 + 0 + 4) / 4, eps);
%! assert(s.rmse, sqrt(1.5), eps);
%! assert(s.mae, (1 + 1 + 0 + 2) / 4, eps);
%! ## mean(T) = 5.5, sum (T - 5.5)^2 = 20.25 + 0.25 + 0.25 + 20.25 = 41
%! assert(s.r2, 1 - 6 / 41, 1e-15);

%!test
%! ## perfect; the mean predictor has R^2 = 0; worse gives negative
%! T = [3; 1; 4; 1; 5];
%! s = nn_regression_metrics(T, T);
%! assert([s.mse, s.rmse, s.mae, s.r2], [0 0 0 1]);
%! s = nn_regression_metrics(repmat(mean(T), 5, 1), T);
%! assert(s.r2, 0, 1e-15);
%! s = nn_regression_metrics(-T, T);
%! assert(s.r2 < 0);

%!test
%! ## several outputs: mse/mae over all elements, r2 the mean of the columns
%! rand('seed', 17);
%! T = rand(30, 3);
%! Y = T + 0.1 * (rand(30, 3) - 0.5);
%! s = nn_regression_metrics(Y, T);
%! assert(s.mse, mean(mean((Y - T) .^ 2)), 1e-15);
%! assert(s.mae, mean(mean(abs(Y - T))), 1e-15);
%! r = zeros(1, 3);
%! for j = 1:3
%!   r(j) = 1 - sum((Y(:, j) - T(:, j)) .^ 2) / sum((T(:, j) - mean(T(:, j))) .^ 2);
%! end
%! assert(s.r2_per_output, r, 1e-14);
%! assert(s.r2, mean(r), 1e-14);

%!test
%! ## least-squares line: R^2 equals the squared correlation
%! rand('seed', 19);
%! x = rand(50, 1);
%! t = 2 * x + rand(50, 1);
%! A = [ones(50, 1), x];
%! y = A * (A \ t);
%! s = nn_regression_metrics(y, t);
%! c = corrcoef(x, t);
%! assert(s.r2, c(1, 2) ^ 2, 1e-12);

%!test
%! ## constant targets: 1 if exact, else 0 (scikit-learn); NaN predictions give NaN
%! s = nn_regression_metrics([2 1; 2 2], [2 3; 2 3]);
%! assert(s.r2_per_output, [1 0]);
%! assert(s.r2, 0.5);
%! s = nn_regression_metrics([NaN; 1], [1; 2]);
%! assert(isnan([s.mse, s.mae, s.r2]), true(1, 3));
%! s = nn_regression_metrics(single([1; 2]), logical([1; 0]));
%! assert(class(s.mse), 'double');
%! assert(s.mse, 2);

%!error id=nnlab:nn_regression_metrics:nargin nn_regression_metrics()
%!error id=nnlab:nn_regression_metrics:nargin nn_regression_metrics(1, 2, 3)
%!error id=nnlab:nn_regression_metrics:size nn_regression_metrics([1; 2], [1; 2; 3])
%!error id=nnlab:nn_regression_metrics:size nn_regression_metrics(ones(2, 2, 2), ones(2, 2, 2))
%!error id=nnlab:nn_regression_metrics:size nn_regression_metrics(zeros(0, 1), zeros(0, 1))
%!error id=nnlab:nn_regression_metrics:class nn_regression_metrics('ab', [1 2])
%!error id=nnlab:nn_regression_metrics:complex nn_regression_metrics([1; 2], [1; 2i])
%!error id=nnlab:nn_regression_metrics:domain nn_regression_metrics([1; 2], [1; NaN])

## --------------------------------------------------------------------- ndcg
%!function v = ndcg_loop(s, r, q, k, ties)
%!  ## plain per-query reference implementation
%!  ids = unique(q);
%!  v = [];
%!  for i = 1:numel(ids)
%!    j = find(q == ids(i));
%!    ss = s(j); rr = r(j);
%!    if strcmp(ties, 'pessimistic')
%!      key = [-ss, rr];
%!    else
%!      key = [-ss, (1:numel(j))'];
%!    end
%!    [~, o] = sortrows(key);
%!    got = rr(o);
%!    best = sort(rr, 'descend');
%!    m = min(k, numel(j));
%!    d = 1 ./ log2((1:m)' + 1);
%!    ideal = sum((2 .^ best(1:m) - 1) .* d);
%!    if ideal > 0
%!      v(end + 1) = sum((2 .^ got(1:m) - 1) .* d) / ideal;
%!    end
%!  end
%!  v = mean(v);
%!endfunction

%!test
%! ## one query, by hand: ranked relevances 3, 2, 3, 0, 1, 2
%! ## (the classic Wikipedia example, with gains 2^r - 1)
%! r = [3; 2; 3; 0; 1; 2];
%! s = (6:-1:1)';
%! g = 2 .^ r - 1;                      % 7 3 7 0 1 3
%! d = 1 ./ log2((2:7)');
%! dcg = sum(g .* d);
%! idcg = sum([7; 7; 3; 3; 1; 0] .* d);
%! assert(nn_ndcg(s, r), dcg / idcg, 1e-15);
%! assert(nn_ndcg(s, r, [], 3), sum(g(1:3) .* d(1:3)) / sum([7; 7; 3] .* d(1:3)), 1e-15);
%! assert(nn_ndcg(s, r, [], 1), 1);
%! assert(nn_ndcg(s, r, [], [1 3 Inf]), [1, nn_ndcg(s, r, [], 3), dcg / idcg], 1e-15);
%! ## k beyond the number of documents is the same as all of them
%! assert(nn_ndcg(s, r, [], 100), dcg / idcg, 1e-15);

%!test
%! ## perfect ranking gives 1, reversed ranking by hand
%! r = [0; 1; 2];
%! assert(nn_ndcg(r, r), 1);
%! worst = (0 + 1 / log2(3) + 3 / 2) / (3 + 1 / log2(3) + 0);
%! assert(nn_ndcg(-r, r), worst, 1e-15);
%! ## linear gain
%! worst_lin = (0 + 1 / log2(3) + 2 / 2) / (2 + 1 / log2(3));
%! assert(nn_ndcg(-r, r, [], [], 'Gain', 'linear'), worst_lin, 1e-15);

%!test
%! ## ties: pessimistic puts the less relevant first, order keeps the input order
%! r = [2; 1; 0];
%! s = [1; 1; 1];
%! assert(nn_ndcg(s, r, [], [], 'Ties', 'order'), 1);
%! assert(nn_ndcg(s, r), nn_ndcg(-[2; 1; 0], r), 1e-15);
%! assert(nn_ndcg(s, r, [], [], 'ties', 'PESSIMISTIC'), nn_ndcg(s, flipud(r)), 1e-15);
%! ## pessimistic is invariant to the row order
%! p = [3; 1; 2];
%! assert(nn_ndcg(s(p), r(p)), nn_ndcg(s, r), 1e-15);

%!test
%! ## queries: ids in any order, rows not adjacent, per-query values
%! s = [0.9; 0.1; 0.8; 0.3; 0.5; 0.2];
%! r = [1; 2; 0; 0; 1; 0];
%! q = [20; 10; 20; 10; 20; 10];
%! [m, per, ids] = nn_ndcg(s, r, q);
%! assert(ids, [10; 20]);
%! ## query 10: docs (0.1, 2), (0.3, 0), (0.2, 0): ranked 0, 0, 2
%! q10 = (3 / 2) / 3;
%! ## query 20: docs (0.9, 1), (0.8, 0), (0.5, 1): ranked 1, 0, 1
%! q20 = (1 + 1 / 2) / (1 + 1 / log2(3));
%! assert(per, [q10; q20], 1e-15);
%! assert(m, (q10 + q20) / 2, 1e-15);
%! ## shuffling the rows changes nothing
%! p = [4; 1; 6; 2; 5; 3];
%! assert(nn_ndcg(s(p), r(p), q(p)), m, 1e-15);

%!test
%! ## queries without any relevant document
%! s = [1; 2; 3; 4];
%! r = [0; 0; 1; 0];
%! q = [1; 1; 2; 2];
%! [m, per] = nn_ndcg(s, r, q);
%! assert(per, [NaN; 1 / log2(3)], 1e-15);
%! assert(m, 1 / log2(3), 1e-15);
%! assert(nn_ndcg(s, r, q, [], 'EmptyQueries', 'one'), (1 + 1 / log2(3)) / 2, 1e-15);
%! assert(nn_ndcg(s, r, q, [], 'EmptyQueries', 'zero'), (1 / log2(3)) / 2, 1e-15);
%! assert(nn_ndcg(s, zeros(4, 1), q), NaN);

%!test
%! ## random sets against the reference loop, with ties and graded relevance
%! rand('seed', 23);
%! for trial = 1:10
%!   n = 40;
%!   q = floor(rand(n, 1) * 6);
%!   r = floor(rand(n, 1) * 4);
%!   s = round(rand(n, 1) * 5);
%!   for k = [1 3 10 Inf]
%!     assert(nn_ndcg(s, r, q, k), ndcg_loop(s, r, q, k, 'pessimistic'), 1e-14);
%!     assert(nn_ndcg(s, r, q, k, 'Ties', 'order'), ndcg_loop(s, r, q, k, 'order'), 1e-14);
%!   end
%! end

%!test
%! ## single, logical and integer inputs
%! assert(nn_ndcg(single([0.2; 0.9]), int8([1; 0]), uint16([3; 3])), 1 / log2(3), 1e-7);
%! assert(nn_ndcg([0.2; 0.9], logical([0; 1])), 1);

%!error id=nnlab:nn_ndcg:nargin nn_ndcg([1; 2])
%!error id=nnlab:nn_ndcg:nargin nn_ndcg([1; 2], [1; 0], 'Ties', 'order')
%!error id=nnlab:nn_ndcg:size nn_ndcg([1 2], [1 0])
%!error id=nnlab:nn_ndcg:size nn_ndcg([1; 2], [1; 0], [1; 2; 3])
%!error id=nnlab:nn_ndcg:class nn_ndcg([1; 2], {1; 0})
%!error id=nnlab:nn_ndcg:sparse nn_ndcg(sparse([1; 2]), [1; 0])
%!error id=nnlab:nn_ndcg:complex nn_ndcg([1; 2], [1; 0], [1i; 1])
%!error id=nnlab:nn_ndcg:domain nn_ndcg([1; NaN], [1; 0])
%!error id=nnlab:nn_ndcg:domain nn_ndcg([1; 2], [1; Inf])
%!error id=nnlab:nn_ndcg:domain nn_ndcg([1; 2], [1; 0], [1; NaN])
%!error id=nnlab:nn_ndcg:domain nn_ndcg([1; 2], [1; 0], [], 2.5)
%!error id=nnlab:nn_ndcg:domain nn_ndcg([1; 2], [1; 0], [], -Inf)
%!error id=nnlab:nn_ndcg:domain nn_ndcg([1; 2], [1; 2000])
%!error id=nnlab:nn_ndcg:option nn_ndcg([1; 2], [1; 0], [], [], 'Tie', 'order')
%!error id=nnlab:nn_ndcg:option nn_ndcg([1; 2], [1; 0], [], [], 'Ties')
%!error id=nnlab:nn_ndcg:optionValue nn_ndcg([1; 2], [1; 0], [], [], 'EmptyQueries', 'nan')
%!error id=nnlab:nn_ndcg:optionValue nn_ndcg([1; 2], [1; 0], [], [], 'Gain', 2)

## ------------------------------------------------------------ confusion plot
%!test
%! ## renders without a display and prints a PNG
%! C = nn_confusion(Y3, T3);
%! [f, ax] = nn_plot_confusion(C, {'cat', 'dog', 'bird_x'});
%! unwind_protect
%!   assert(get(f, 'visible'), 'off');
%!   assert(get(ax, 'parent'), f);
%!   txt = get(findobj(ax, 'type', 'text'), 'string');
%!   assert(sum(strcmp(txt, '2')), 2);
%!   assert(numel(findobj(ax, 'type', 'image')), 1);
%!   png = [tempname() '.png'];
%!   if strcmp(graphics_toolkit(), 'gnuplot')
%!     warning('off', 'print:nogs', 'local');
%!     print(f, png, '-dpngcairo');
%!   else
%!     print(f, png, '-dpng');
%!   end
%!   info = dir(png);
%!   assert(info.bytes > 1000);
%!   delete(png);
%! unwind_protect_cleanup
%!   close(f);
%! end_unwind_protect

%!test
%! ## into a caller's axes, normalised, with numeric names
%! warning('off', 'Octave:gnuplot-graphics', 'local');
%! f = figure('visible', 'off');
%! unwind_protect
%!   a = subplot(1, 2, 2, 'parent', f);
%!   [g, ax] = nn_plot_confusion([3 1; 0 4], [0; 1], a, 'Normalization', 'column-normalized');
%!   assert(g, f);
%!   assert(ax, a);
%!   txt = get(findobj(ax, 'type', 'text'), 'string');
%!   assert(sort(txt), {'0.00'; '0.20'; '0.80'; '1.00'});
%!   assert(get(ax, 'xticklabel'), {'0'; '1'});
%!   nn_plot_confusion([3 1; 0 4], [], f, 'Normalization', 'row-normalized');
%!   nn_plot_confusion([3 1; 0 4], [], f, 'Normalization', 'total-normalized');
%!   nn_plot_confusion(zeros(2), [], f);
%!   nn_plot_confusion(ones(40), [], f);
%! unwind_protect_cleanup
%!   close(f);
%! end_unwind_protect

%!error id=nnlab:nn_plot_confusion:nargin nn_plot_confusion()
%!error id=nnlab:nn_plot_confusion:class nn_plot_confusion({1})
%!error id=nnlab:nn_plot_confusion:class nn_plot_confusion(eye(2), struct())
%!error id=nnlab:nn_plot_confusion:complex nn_plot_confusion([1 2i; 0 1])
%!error id=nnlab:nn_plot_confusion:size nn_plot_confusion(ones(2, 3))
%!error id=nnlab:nn_plot_confusion:size nn_plot_confusion([])
%!error id=nnlab:nn_plot_confusion:size nn_plot_confusion(eye(3), {'a', 'b'})
%!error id=nnlab:nn_plot_confusion:size nn_plot_confusion(eye(3), [1 2])
%!error id=nnlab:nn_plot_confusion:domain nn_plot_confusion([1 NaN; 0 1])
%!error id=nnlab:nn_plot_confusion:option nn_plot_confusion(eye(2), [], 'Colour', 'red')
%!error id=nnlab:nn_plot_confusion:option nn_plot_confusion(eye(2), [], 'Title')
%!error id=nnlab:nn_plot_confusion:optionValue nn_plot_confusion(eye(2), [], 'Title', 3)
%!error id=nnlab:nn_plot_confusion:optionValue nn_plot_confusion(eye(2), [], 'Normalization', 'none')
