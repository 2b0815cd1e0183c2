% -*- texinfo -*-
% @deftypefn  {} {@var{C} =} nn_confusion (@var{Y}, @var{T})
% @deftypefnx {} {@var{C} =} nn_confusion (@var{Y}, @var{T}, @var{name}, @var{value}, @dots{})
% @deftypefnx {} {[@var{C}, @var{order}] =} nn_confusion (@dots{})
% Confusion matrix of a classifier.
%
% @code{@var{C}(i, j)} counts the observations whose true class is the
% i-th class of @var{order} and whose predicted class is the j-th: rows are
% true classes, columns predicted classes, as MATLAB's @code{confusionmat}.
% The correct predictions lie on the diagonal, @code{sum (@var{C}(:))} is the
% number of observations and @code{sum (@var{C}, 2)} the number of
% observations of each true class.  Note the order of the arguments: the
% predictions @var{Y} come first and the targets @var{T} second, as
% everywhere in nnlab (@code{confusionmat} takes the true labels first).
%
% Observations are rows.  @var{T} holds the targets, either as an N x 1
% column of class labels, whole numbers 1 to K, or as an N x K matrix of
% one-hot rows (or class probabilities), whose largest element per row gives
% the label.  @var{Y} holds the predictions in one of three forms:
%
% @table @asis
% @item N x 1 class labels, whole numbers 1 to K
% K is @qcode{'NumClasses'} if given, else the largest label in @var{Y} and
% @var{T} (or the number of columns of a one-hot @var{T}).
%
% @item N x K scores (K > 1)
% for example the softmax outputs of a network; the predicted class of a
% row is the column of its largest score (the first one on ties).
%
% @item N x 1 binary scores, with @var{T} holding 0 or 1
% for example the sigmoid output of a network.  An observation is
% predicted positive (1) when its score is greater than @qcode{'Threshold'}
% (0.5 by default; give 0 for logits).  Then K = 2 and @var{order} is
% @code{[0; 1]}: row and column 1 of @var{C} are the negative class, row and
% column 2 the positive class.  @var{Y} is taken as binary scores when
% @qcode{'Threshold'} is given, when @var{T} is logical or contains a 0, or when
% @var{Y} is logical or contains values that are not labels 1, 2, @dots{}
% @end table
%
% @var{order} is the column of class labels that the rows and columns of
% @var{C} stand for: @code{(1:K)'}, or @code{[0; 1]} for binary scores.
%
% Options (names are case-insensitive):
% @table @asis
% @item @qcode{'NumClasses'}
% K, the number of classes (default: inferred as above).  Use it when a
% class may be missing from a small sample, so that @var{C} is K x K.
% @item @qcode{'Threshold'}
% the decision threshold of binary scores (default 0.5).
% @end table
%
% Example:
% @example
% @group
% Y = [1; 2; 2; 3];  T = [1; 2; 3; 3];
% C = nn_confusion (Y, T)
%   @result{} C =
%         1   0   0
%         0   1   0
%         0   1   1
% @end group
% @end example
%
% @seealso{nn_accuracy, nn_prf, nn_plot_confusion, nn_roc}
% @end deftypefn
function [C, order] = nn_confusion(Y, T, varargin)

  fn = 'nn_confusion';
  if nargin < 2
    error(['nnlab:' fn ':nargin'], ...
          ['%s: takes the predictions Y and the targets T, then name/value options, ', ...
           'but was given %d input(s). Usage: %s(Y, T, ''NumClasses'', K)'], fn, nargin, fn);
  end
  opts = parse_options(fn, struct('NumClasses', [], 'Threshold', []), varargin);
  K = opts.NumClasses;
  if ~isempty(K)
    check_value(fn, 'NumClasses', K, 'count', 1, Inf);
    K = double(K);
  end
  thr = opts.Threshold;
  if ~isempty(thr)
    check_value(fn, 'Threshold', thr, 'scalar', -Inf, Inf);
    thr = double(thr);
  end
  check_predictions(fn, Y, T, 'Y');
  KY = size(Y, 2);
  KT = size(T, 2);
  logical_input = islogical(Y) || islogical(T);
  Y = double(Y);
  T = double(T);
  binary = false;
  if KT > 1
    % one-hot (or probability) targets
    if KY > 1 && KY ~= KT
      error(['nnlab:' fn ':size'], ...
            '%s: Y has %d columns (one score per class) but the one-hot T has %d', fn, KY, KT);
    end
    if ~isempty(K) && K ~= KT
      error(['nnlab:' fn ':optionValue'], ...
            '%s: ''NumClasses'' is %d, but the one-hot T has %d columns', fn, K, KT);
    end
    K = KT;
    [~, t] = max(T, [], 2);
  else
    t = T;
  end
  if KY > 1
    if ~isempty(K) && K ~= KY
      error(['nnlab:' fn ':optionValue'], ...
            '%s: ''NumClasses'' is %d, but Y has %d columns (one score per class)', fn, K, KY);
    end
    if ~isempty(thr)
      error(['nnlab:' fn ':optionValue'], ...
            ['%s: ''Threshold'' applies to binary scores (Y with one column), ', ...
             'but Y has %d columns; the largest score of a row gives its class'], fn, KY);
    end
    K = KY;
    [~, p] = max(Y, [], 2);
  elseif KT == 1
    binary = ~isempty(thr) || logical_input || any(T == 0) || ...
             ~all(Y >= 1 & Y == round(Y) & isfinite(Y));
    p = Y;
  else
    p = Y;
  end
  if binary
    bad = find(T ~= 0 & T ~= 1, 1);
    if ~isempty(bad)
      if any(T == 0) && all(T >= 0 & T == round(T))
        error(['nnlab:' fn ':label'], ...
              ['%s: T holds 0 and labels above 1; class labels must be whole numbers ', ...
               'from 1 to K (add 1 to 0-based labels), or 0 and 1 for a binary task'], fn);
      end
      if ~isempty(opts.Threshold)
        why = '''Threshold'' was given';
      elseif logical_input
        why = 'Y or T is logical';
      else
        why = 'Y is one column of values that are not all class labels 1, 2, ...';
      end
      error(['nnlab:' fn ':label'], ...
            '%s: Y is taken as binary scores (%s), so T must hold 0 or 1; but T(%d) is %g', ...
            fn, why, bad, T(bad));
    end
    if ~isempty(K) && K ~= 2
      error(['nnlab:' fn ':optionValue'], ...
            '%s: binary scores have 2 classes, but ''NumClasses'' is %d', fn, K);
    end
    if isempty(thr)
      thr = 0.5;
    end
    K = 2;
    t = t + 1;
    p = double(p > thr) + 1;
    order = [0; 1];
  else
    check_labels(fn, t, 'T', K);
    check_labels(fn, p, 'Y', K);
    if isempty(K)
      K = max([t; p; 0]);
    end
    order = (1:K)';
  end
  C = accumarray([t, p], 1, [K, K]);
end

function check_labels(fn, L, name, K)
  ok = L >= 1 & L == round(L) & isfinite(L);
  if ~isempty(K)
    ok = ok & L <= K;
  end
  bad = find(~ok, 1);
  if ~isempty(bad)
    if isempty(K)
      range = 'from 1 to K';
    else
      range = sprintf('from 1 to K = %d', K);
    end
    hint = '';
    if L(bad) == 0
      hint = ' (add 1 to 0-based labels)';
    end
    error(['nnlab:' fn ':label'], ...
          '%s: %s must hold class labels, whole numbers %s, but %s(%d) is %g%s', ...
          fn, name, range, name, bad, L(bad), hint);
  end
end

%!test
%! C = nn_confusion([1; 2; 2; 3], [1; 2; 3; 3]);
%! assert(C, [1 0 0; 0 1 0; 0 1 1]);
%!test
%! [C, order] = nn_confusion([0.9; 0.2; 0.7; 0.4], [1; 0; 0; 1]);
%! assert(C, [1 1; 1 1]);
%! assert(order, [0; 1]);
%!test
%! C = nn_confusion([0.1 0.9; 0.8 0.2; 0.3 0.7], [2; 1; 1], 'numclasses', 2);
%! assert(C, [1 1; 0 1]);
%!assert(nn_confusion([1; 1], [1; 1], 'NumClasses', 3), [2 0 0; 0 0 0; 0 0 0])
%!error id=nnlab:nn_confusion:nargin nn_confusion([1; 2])
%!error id=nnlab:nn_confusion:label nn_confusion([1; 2], [1; 2.5])
%!error id=nnlab:nn_confusion:label nn_confusion([1; 4], [1; 2], 'NumClasses', 3)
%!error id=nnlab:nn_confusion:size nn_confusion([1; 2], [1; 2; 3])
%!error id=nnlab:nn_confusion:class nn_confusion({1}, 1)
%!error id=nnlab:nn_confusion:option nn_confusion(1, 1, 'Classes', 2)
%!error id=nnlab:nn_confusion:optionValue nn_confusion(1, 1, 'NumClasses', 0)
