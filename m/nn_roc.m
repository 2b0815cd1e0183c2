% -*- texinfo -*-
% @deftypefn  {} {[@var{fpr}, @var{tpr}, @var{thresholds}, @var{auc}] =} nn_roc (@var{S}, @var{T})
% @deftypefnx {} {[@dots{}] =} nn_roc (@var{S}, @var{T}, 'PositiveClass', @var{c})
% ROC curve (receiver operating characteristic) and the area under it (AUC).
%
% @var{S} holds one score per observation (a row), larger meaning ``more
% likely positive'': probabilities, logits or any other real numbers; only
% their order matters.  @var{T} says which observations are positive: 0 or
% 1 (or logical), or, with @qcode{'PositiveClass', @var{c}}, any labels of
% which those equal to @var{c} are positive.
%
% For each threshold h the observations with score @code{>= h} are
% predicted positive, and
%
% @example
% tpr(h) = (positives with S >= h) / (number of positives)   % recall
% fpr(h) = (negatives with S >= h) / (number of negatives)
% @end example
%
% @var{thresholds} (a column) holds @code{Inf} (nothing predicted positive,
% the point (0, 0)) followed by every distinct score in decreasing order,
% the last one giving the point (1, 1); @var{fpr} and @var{tpr} are columns
% of the same length.  Tied scores form a single point, so that the curve
% runs diagonally through a tie.  @var{auc} is the area under this curve by
% the trapezoidal rule, computed exactly from the counts; it equals the
% probability that a random positive scores higher than a random negative,
% ties counting 1/2 (the Mann-Whitney U statistic divided by the number of
% positive-negative pairs).  AUC 1 is a perfect ranking, 0.5 a random or
% constant one, 0 a perfectly reversed one.
%
% When @var{T} has no positive (or no negative) observation, @var{tpr} (or
% @var{fpr}) and @var{auc} are NaN and the warning
% @code{nnlab:nn_roc:oneClass} is given.
%
% Multiclass: when @var{S} is N x K (K > 1), for example softmax outputs,
% @var{T} holds class labels 1..K (or N x K one-hot rows).  With
% @qcode{'PositiveClass', @var{c}} the curve of class @var{c} against the
% rest is returned (scores @code{@var{S}(:, @var{c})}).  Without it each class
% is taken against the rest: @var{fpr}, @var{tpr} and @var{thresholds} are
% K x 1 cell arrays, one curve per class, and @var{auc} is K x 1; the
% one-vs-rest macro AUC is @code{mean (auc(~isnan (auc)))}.
%
% Example:
% @example
% @group
% [fpr, tpr, h, auc] = nn_roc ([0.9; 0.8; 0.8; 0.3], [1; 0; 1; 0]);
% [h, fpr, tpr]
%   @result{}    Inf        0        0
%       0.9000        0   0.5000
%       0.8000   0.5000   1.0000
%       0.3000   1.0000   1.0000
% auc
%   @result{} 0.8750
% plot (fpr, tpr)
% @end group
% @end example
%
% @seealso{nn_confusion, nn_prf}
% @end deftypefn
function [fpr, tpr, thresholds, auc] = nn_roc(S, T, varargin)

  fn = 'nn_roc';
  if nargin < 2
    error(['nnlab:' fn ':nargin'], ...
          ['%s: takes the scores S and the targets T, then name/value options, ', ...
           'but was given %d input(s). Usage: [fpr, tpr, thresholds, auc] = %s(S, T)'], ...
          fn, nargin, fn);
  end
  opts = parse_options(fn, struct('PositiveClass', []), varargin);
  c = opts.PositiveClass;
  if ~isempty(c) && ~(is_real_numeric(c) && isscalar(c) && ~isnan(c))
    error(['nnlab:' fn ':optionValue'], ...
          '%s: option ''PositiveClass'' must be one label (a number), such as 1', fn);
  end
  check_predictions(fn, S, T, 'S');
  K = size(S, 2);
  KT = size(T, 2);
  S = double(S);
  T = double(T);
  if K == 1
    if KT ~= 1
      error(['nnlab:' fn ':size'], ...
            '%s: S has one column (one score per observation), so T must be N x 1, but it has %d columns', ...
            fn, KT);
    end
    if isempty(c)
      bad = find(T ~= 0 & T ~= 1, 1);
      if ~isempty(bad)
        error(['nnlab:' fn ':label'], ...
              ['%s: T must hold 0 (negative) or 1 (positive), but T(%d) is %g; ', ...
               'for other labels give ''PositiveClass'''], fn, bad, T(bad));
      end
      pos = T == 1;
    else
      pos = T == c;
    end
    [fpr, tpr, thresholds, auc] = curve(fn, S, pos, '');
    return
  end
  % multiclass: labels 1..K or one-hot rows
  if KT > 1
    if KT ~= K
      error(['nnlab:' fn ':size'], ...
            '%s: S has %d columns (one score per class) but the one-hot T has %d', fn, K, KT);
    end
    [~, T] = max(T, [], 2);
  else
    bad = find(~(T >= 1 & T <= K & T == round(T)), 1);
    if ~isempty(bad)
      error(['nnlab:' fn ':label'], ...
            '%s: with N x K scores T must hold class labels, whole numbers from 1 to K = %d, but T(%d) is %g', ...
            fn, K, bad, T(bad));
    end
  end
  if ~isempty(c)
    if c < 1 || c > K || c ~= round(c)
      error(['nnlab:' fn ':optionValue'], ...
            '%s: ''PositiveClass'' must be a class from 1 to K = %d, but it is %g', fn, K, c);
    end
    [fpr, tpr, thresholds, auc] = curve(fn, S(:, c), T == c, sprintf(' of class %d', c));
    return
  end
  fpr = cell(K, 1);
  tpr = cell(K, 1);
  thresholds = cell(K, 1);
  auc = zeros(K, 1);
  missing = false(K, 1);
  for k = 1:K
    [fpr{k}, tpr{k}, thresholds{k}, auc(k), missing(k)] = curve(fn, S(:, k), T == k, []);
  end
  if any(missing)
    warning('nnlab:nn_roc:oneClass', ...
            ['%s: class(es) %s have no observation or cover all of them, so their ', ...
             'ROC curve is undefined and their AUC is NaN'], fn, mat2str(find(missing)'));
  end
end

function [fpr, tpr, thr, auc, degenerate] = curve(fn, s, pos, what)
  % one ROC curve; what = [] means: do not warn, report degenerate instead
  n = numel(s);
  [ss, idx] = sort(s, 'descend');
  p = pos(idx);
  last = [find(ss(2:end) ~= ss(1:end - 1)); n];   % last index of each run of equal scores
  ctp = cumsum(p);
  cfp = cumsum(~p);
  tp = [0; ctp(last)];
  fp = [0; cfp(last)];
  thr = [Inf; ss(last)];
  P = sum(p);
  Q = n - P;
  % trapezoids on integer counts: exactly the Mann-Whitney count with ties 1/2
  area = sum(diff(fp) .* (tp(1:end - 1) + tp(2:end))) / 2;
  degenerate = P == 0 || Q == 0;
  if P > 0
    tpr = tp / P;
  else
    tpr = NaN(size(tp));
  end
  if Q > 0
    fpr = fp / Q;
  else
    fpr = NaN(size(fp));
  end
  if degenerate
    auc = NaN;
    if ischar(what)
      if P == 0
        kind = 'no positive';
      else
        kind = 'no negative';
      end
      warning('nnlab:nn_roc:oneClass', ...
              '%s: T has %s observation%s, so the ROC curve is undefined and the AUC is NaN', ...
              fn, kind, what);
    end
  else
    auc = area / (P * Q);
  end
end

function tf = is_real_numeric(x)
  tf = (isnumeric(x) || islogical(x)) && isreal(x) && ~issparse(x);
end

%!test
%! [fpr, tpr, h, auc] = nn_roc([0.9; 0.8; 0.8; 0.3], [1; 0; 1; 0]);
%! assert(h, [Inf; 0.9; 0.8; 0.3]);
%! assert(fpr, [0; 0; 0.5; 1]);
%! assert(tpr, [0; 0.5; 1; 1]);
%! assert(auc, 0.875);
%!test
%! [~, ~, ~, auc] = nn_roc([0.1; 0.2; 0.3; 0.4], [0; 0; 1; 1]);
%! assert(auc, 1);
%! [~, ~, ~, auc] = nn_roc([0.1; 0.2; 0.3; 0.4], [1; 1; 0; 0]);
%! assert(auc, 0);
%! [~, ~, ~, auc] = nn_roc([5; 5; 5], [1; 0; 1]);
%! assert(auc, 0.5);
%!test
%! [~, ~, ~, auc] = nn_roc([0.1 0.9; 0.6 0.4; 0.3 0.7], [2; 1; 1], 'PositiveClass', 2);
%! assert(auc, 1);
%!error id=nnlab:nn_roc:nargin nn_roc(1)
%!error id=nnlab:nn_roc:label nn_roc([0.1; 0.2], [1; 2])
%!error id=nnlab:nn_roc:domain nn_roc([NaN; 0.2], [1; 0])
%!error id=nnlab:nn_roc:optionValue nn_roc([0.1 0.2], 1, 'PositiveClass', 3)
%!warning id=nnlab:nn_roc:oneClass nn_roc([0.1; 0.2], [1; 1]);
