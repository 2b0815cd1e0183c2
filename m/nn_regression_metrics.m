% -*- texinfo -*-
% @deftypefn {} {@var{s} =} nn_regression_metrics (@var{Y}, @var{T})
% Mean squared error, root mean squared error, mean absolute error and
% coefficient of determination R^2 of predictions @var{Y} against targets
% @var{T}.
%
% @var{Y} and @var{T} are N x M matrices of the same size: N observations
% (rows) of M outputs.  The result is a struct with fields
%
% @table @code
% @item mse
% @code{mean ((Y(:) - T(:)).^2)}, the mean over all N*M elements (the same
% as @code{nn_loss (Y, T, 'mse')} and PyTorch's @code{MSELoss});
% @item rmse
% @code{sqrt (mse)}, in the units of @var{T};
% @item mae
% @code{mean (abs (Y(:) - T(:)))};
% @item r2
% the mean over the M outputs of each column's R^2 (scikit-learn's
% @code{r2_score} with @code{multioutput='uniform_average'});
% @item r2_per_output
% 1 x M, the R^2 of each column:
% @code{1 - sum ((y - t).^2) / sum ((t - mean (t)).^2)}.
% @end table
%
% R^2 is 1 for perfect predictions, 0 for always predicting the mean of
% @var{T}, and negative for predictions worse than that.  For a column whose
% targets are all equal (zero variance) R^2 is taken as 1 if the predictions
% are exact and 0 otherwise, as scikit-learn does.  Observations are rows:
% give column vectors for a single output (@code{Y(:)}, @code{T(:)}).  NaN in
% @var{Y} (a diverged network) gives NaN metrics rather than an error.
% All results are double.
%
% Example:
% @example
% @group
% s = nn_regression_metrics ([1; 2; 4], [1; 3; 3])
%   @result{} s =
%       mse = 0.6667
%       rmse = 0.8165
%       mae = 0.6667
%       r2 = 0.2500
%       r2_per_output = 0.2500
% @end group
% @end example
%
% @seealso{nn_accuracy}
% @end deftypefn
function s = nn_regression_metrics(varargin)

  fn = 'nn_regression_metrics';
  if nargin ~= 2
    error(['nnlab:' fn ':nargin'], ...
          '%s: takes 2 inputs, the predictions Y and the targets T, but was given %d. Usage: s = %s(Y, T)', ...
          fn, nargin, fn);
  end
  Y = varargin{1};
  T = varargin{2};
  check_array(fn, Y, 'Y');
  check_array(fn, T, 'T');
  if ~isequal(size(Y), size(T))
    error(['nnlab:' fn ':size'], '%s: Y and T must have the same size, but Y is %s and T is %s', ...
          fn, size_str(Y), size_str(T));
  end
  if isempty(Y)
    error(['nnlab:' fn ':size'], ...
          '%s: Y and T are empty (%s); at least one observation is needed', fn, size_str(Y));
  end
  if any(isnan(T(:)))
    error(['nnlab:' fn ':domain'], '%s: T contains NaN; every target must be a number', fn);
  end
  Y = double(Y);
  T = double(T);
  E = Y - T;
  s.mse = mean(E(:) .^ 2);
  s.rmse = sqrt(s.mse);
  s.mae = mean(abs(E(:)));
  N = size(T, 1);
  sse = sum(E .^ 2, 1);
  sst = sum((T - repmat(mean(T, 1), N, 1)) .^ 2, 1);
  r2 = 1 - sse ./ max(sst, realmin);
  flat = sst == 0;
  r2(flat) = double(sse(flat) == 0);
  r2(isnan(sse)) = NaN;
  s.r2 = mean(r2);
  s.r2_per_output = r2;
end

function t = size_str(A)
  t = sprintf('%dx', size(A));
  t = t(1:end - 1);
end

%!test
%! s = nn_regression_metrics([1; 2; 4], [1; 3; 3]);
%! assert(s.mse, 2 / 3, eps);
%! assert(s.rmse, sqrt(2 / 3), eps);
%! assert(s.mae, 2 / 3, eps);
%! assert(s.r2, 0.25, eps);
%!test
%! s = nn_regression_metrics([1 5; 2 5; 3 5], [1 5; 2 5; 3 5]);
%! assert([s.mse, s.mae, s.r2], [0 0 1]);
%! assert(s.r2_per_output, [1 1]);
%!assert(nn_regression_metrics(single([1; 2]), [2; 1]).r2, -3)
%!error id=nnlab:nn_regression_metrics:nargin nn_regression_metrics(1)
%!error id=nnlab:nn_regression_metrics:size nn_regression_metrics([1; 2], [1 2])
%!error id=nnlab:nn_regression_metrics:size nn_regression_metrics([], [])
%!error id=nnlab:nn_regression_metrics:class nn_regression_metrics({1}, 1)
%!error id=nnlab:nn_regression_metrics:sparse nn_regression_metrics(sparse(1), 1)
