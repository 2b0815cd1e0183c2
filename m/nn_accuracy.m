% -*- texinfo -*-
% @deftypefn  {} {@var{acc} =} nn_accuracy (@var{Y}, @var{T})
% @deftypefnx {} {@var{acc} =} nn_accuracy (@var{Y}, @var{T}, @var{name}, @var{value}, @dots{})
% @deftypefnx {} {[@var{acc}, @var{ncorrect}] =} nn_accuracy (@dots{})
% Classification accuracy: the fraction of observations whose predicted
% class equals the true class.
%
% @tex
% $$ {\rm acc} = {1 \over N} \sum_{n=1}^N [\hat y_n = t_n] $$
% @end tex
% @ifnottex
% @code{acc = sum (predicted == true) / N}
% @end ifnottex
%
% @var{acc} is a fraction in [0, 1] (multiply by 100 for a percentage), NaN
% when there are no observations; @var{ncorrect} is the number of correct
% predictions.  Observations are rows.  @var{Y} (predictions) and @var{T}
% (targets) take every form that @code{nn_confusion} takes:
%
% @itemize
% @item @var{Y} N x 1 class labels 1..K, or N x K scores (the largest score
% of a row gives its class, the first one on ties);
% @item @var{Y} N x 1 binary scores with @var{T} holding 0 or 1 (positive
% when the score is greater than @qcode{'Threshold'}, 0.5 by default; give 0
% for logits);
% @item @var{T} N x 1 class labels 1..K (or 0/1 for binary scores), or
% N x K one-hot rows.
% @end itemize
%
% Options @qcode{'NumClasses'} and @qcode{'Threshold'} as for
% @code{nn_confusion}.  The accuracy is @code{trace (C) / sum (C(:))} of the
% confusion matrix @var{C}.
%
% Example:
% @example
% @group
% nn_accuracy ([1; 2; 2; 3], [1; 2; 3; 3])
%   @result{} 0.7500
% nn_accuracy ([0.9; 0.2; 0.6], [1; 0; 0])     % binary scores
%   @result{} 0.6667
% @end group
% @end example
%
% @seealso{nn_confusion, nn_prf}
% @end deftypefn
function [acc, ncorrect] = nn_accuracy(Y, T, varargin)

  fn = 'nn_accuracy';
  if nargin < 2
    error(['nnlab:' fn ':nargin'], ...
          ['%s: takes the predictions Y and the targets T, then name/value options, ', ...
           'but was given %d input(s). Usage: %s(Y, T, ''NumClasses'', K)'], fn, nargin, fn);
  end
  C = confusion_as(fn, Y, T, varargin);
  ncorrect = trace(C);
  n = sum(C(:));
  if n == 0
    acc = NaN;
  else
    acc = ncorrect / n;
  end
end

%!assert(nn_accuracy([1; 2; 2; 3], [1; 2; 3; 3]), 0.75)
%!assert(nn_accuracy([0.9; 0.2; 0.6], [1; 0; 0]), 2 / 3, eps)
%!test
%! [a, n] = nn_accuracy([0.1 0.9; 0.8 0.2; 0.3 0.7], [2; 1; 1]);
%! assert(a, 2 / 3, eps);
%! assert(n, 2);
%!assert(nn_accuracy([0.3; 0.1], [1; 0], 'Threshold', 0.2), 1)
%!error id=nnlab:nn_accuracy:nargin nn_accuracy(1)
%!error id=nnlab:nn_accuracy:label nn_accuracy([1; 2], [0; 3])
%!error id=nnlab:nn_accuracy:option nn_accuracy(1, 1, 'Thresh')
%!error id=nnlab:nn_accuracy:class nn_accuracy('a', 1)
