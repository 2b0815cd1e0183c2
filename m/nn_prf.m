% -*- texinfo -*-
% @deftypefn  {} {@var{s} =} nn_prf (@var{Y}, @var{T})
% @deftypefnx {} {@var{s} =} nn_prf (@var{Y}, @var{T}, @var{name}, @var{value}, @dots{})
% Precision, recall and F1 score of each class, and their macro averages.
%
% For class k, with TP the observations of class k predicted as k, FP those
% of another class predicted as k, and FN those of class k predicted as
% another class:
%
% @example
% precision = TP / (TP + FP)      % of the predicted k, how many are k
% recall    = TP / (TP + FN)      % of the true k, how many were found
% F1        = 2 TP / (2 TP + FP + FN)
%           = 2 precision recall / (precision + recall)
% @end example
%
% A ratio whose denominator is 0 is set to 0, as scikit-learn's
% @code{precision_recall_fscore_support} with @code{zero_division=0}: a
% class that is never predicted has precision 0, a class with no true
% observations has recall 0.  The macro averages are the unweighted means
% over the classes that occur in @var{T} or in the predictions (scikit-learn's
% default set of labels); a class that occurs in neither (possible with
% @qcode{'NumClasses'} or N x K scores) keeps 0 in the per-class fields but
% does not lower the averages.  The macro F1 is the mean of the per-class F1
% scores (not the F1 of the macro precision and recall).
%
% @var{Y} (predictions), @var{T} (targets) and the options
% @qcode{'NumClasses'} and @qcode{'Threshold'} are as for @code{nn_confusion}:
% labels 1..K or N x K scores, or N x 1 binary scores with targets 0/1.
% The result is a struct with fields:
%
% @table @code
% @item classes
% K x 1, the class of each row of the per-class fields (@code{(1:K)'}, or
% @code{[0; 1]} for binary scores, so that the positive class is row 2);
% @item precision, recall, f1
% K x 1, per class;
% @item support
% K x 1, the number of true observations of each class;
% @item macro_precision, macro_recall, macro_f1
% the macro averages (NaN when there are no observations).
% @end table
%
% Example:
% @example
% @group
% s = nn_prf ([1; 2; 2; 2], [1; 2; 3; 3]);
% [s.precision, s.recall, s.f1]
%   @result{} 1.0000   1.0000   1.0000
%       0.3333   1.0000   0.5000
%            0        0        0
% s.macro_f1
%   @result{} 0.5000
% @end group
% @end example
%
% @seealso{nn_confusion, nn_accuracy}
% @end deftypefn
function s = nn_prf(Y, T, varargin)

  fn = 'nn_prf';
  if nargin < 2
    error(['nnlab:' fn ':nargin'], ...
          ['%s: takes the predictions Y and the targets T, then name/value options, ', ...
           'but was given %d input(s). Usage: %s(Y, T, ''NumClasses'', K)'], fn, nargin, fn);
  end
  [C, order] = confusion_as(fn, Y, T, varargin);
  tp = diag(C);
  npred = sum(C, 1)';
  ntrue = sum(C, 2);
  s.classes = order;
  s.precision = safe_ratio(tp, npred);
  s.recall = safe_ratio(tp, ntrue);
  s.f1 = safe_ratio(2 * tp, npred + ntrue);
  s.support = ntrue;
  present = npred > 0 | ntrue > 0;
  if any(present)
    s.macro_precision = mean(s.precision(present));
    s.macro_recall = mean(s.recall(present));
    s.macro_f1 = mean(s.f1(present));
  else
    s.macro_precision = NaN;
    s.macro_recall = NaN;
    s.macro_f1 = NaN;
  end
end

function r = safe_ratio(a, b)
  % a ./ b with 0 where b is 0 (scikit-learn's zero_division=0)
  r = zeros(size(a));
  k = b > 0;
  r(k) = a(k) ./ b(k);
end

%!test
%! s = nn_prf([1; 2; 2; 2], [1; 2; 3; 3]);
%! assert(s.precision, [1; 1 / 3; 0], eps);
%! assert(s.recall, [1; 1; 0]);
%! assert(s.f1, [1; 0.5; 0], eps);
%! assert(s.support, [1; 1; 2]);
%! assert(s.macro_f1, 0.5, eps);
%!test
%! s = nn_prf([0.9; 0.8; 0.1; 0.2], [1; 0; 0; 0]);
%! assert(s.classes, [0; 1]);
%! assert(s.precision, [1; 0.5]);
%! assert(s.recall, [2 / 3; 1], eps);
%!test
%! s = nn_prf([1; 1], [1; 1], 'NumClasses', 3);
%! assert(s.precision, [1; 0; 0]);
%! assert(s.macro_f1, 1);
%!error id=nnlab:nn_prf:nargin nn_prf()
%!error id=nnlab:nn_prf:label nn_prf([1; 2], [1; -1])
%!error id=nnlab:nn_prf:complex nn_prf([1; 2], [1; 2i])
