% -*- texinfo -*-
% @deftypefn  {} {[@var{Xs}, @var{mu}, @var{sigma}] =} nn_standardize (@var{X})
% @deftypefnx {} {@var{Xs} =} nn_standardize (@var{X}, @var{mu}, @var{sigma})
% Standardise the columns (features) of @var{X} to mean 0 and standard
% deviation 1: @code{Xs = (X - mu) ./ sigma}.
%
% With one argument, @var{mu} and @var{sigma} are fitted on @var{X}, which
% must be the training data: @var{mu} is the 1 x D mean of each column and
% @var{sigma} the 1 x D standard deviation normalised by N (the population
% standard deviation, as in scikit-learn's StandardScaler; Octave's
% @code{std} divides by N - 1).  A column that is constant (zero variance)
% gets @code{sigma = 1}, so it becomes a column of zeros instead of NaN.
%
% With three arguments, @var{mu} and @var{sigma} of the training data are
% applied to other data (validation or test data), which must never be used
% to fit them:
%
% @example
% @group
% [Xtrain, mu, sigma] = nn_standardize (Xtrain);
% Xtest = nn_standardize (Xtest, mu, sigma);
% @end group
% @end example
%
% @var{X} is N x D, one row per example, single or double (integers are
% converted to double); @var{Xs} has the class of @var{X}, and so have
% @var{mu} and @var{sigma} when fitted.  Given @var{mu} and @var{sigma}
% (1 x D or D x 1, any floating-point class) are converted to the class of
% @var{X}.  Fitting needs finite data: NaN or Inf in @var{X} is an error,
% and so is a sparse @var{X} (@code{nnlab:nn_standardize:sparse}; use
% @code{full}).
%
% To undo: @code{X = Xs .* sigma + mu}.
% @seealso{nn_split, nn_toy}
% @end deftypefn

function [Xs, mu, sigma] = nn_standardize(X, mu, sigma)
  if nargin ~= 1 && nargin ~= 3
    error('nnlab:nn_standardize:nargin', ...
          ['nn_standardize: call it as [Xs, mu, sigma] = nn_standardize(X) to ', ...
           'fit, or Xs = nn_standardize(X, mu, sigma) to apply.']);
  end
  if nargin == 3 && nargout > 1
    error('nnlab:nn_standardize:nargout', ...
          'nn_standardize: with mu and sigma given, the only output is Xs.');
  end
  if ~(isnumeric(X) || islogical(X)) || ~isreal(X)
    error('nnlab:nn_standardize:class', ...
          'nn_standardize: X must be a real N x D matrix (one row per example).');
  end
  if ndims(X) > 2
    error('nnlab:nn_standardize:size', ...
          'nn_standardize: X must be an N x D matrix, not an array of %d dimensions.', ...
          ndims(X));
  end
  check_array('nn_standardize', X, 'X');     % sparse: nnlab:nn_standardize:sparse
  if ~isa(X, 'single')
    X = double(X);
  end
  cls = class(X);
  [n, d] = size(X);
  if nargin == 1
    if n == 0
      error('nnlab:nn_standardize:size', ...
            'nn_standardize: X has no row (no example) to fit the mean and deviation on.');
    end
    if ~all(isfinite(X(:)))
      error('nnlab:nn_standardize:domain', ...
            'nn_standardize: X contains NaN or Inf; remove or fill them before fitting.');
    end
    mu = sum(X, 1) / n;
    constant = all(X == X(1, :), 1);
    mu(constant) = X(1, constant);             % exact, so the column becomes 0
    Xs = X - mu;
    sigma = sqrt(sum(Xs .^ 2, 1) / n);
    sigma(constant) = 1;
    sigma(sigma == 0) = 1;                      % underflow of a tiny spread
  else
    mu = check_param(mu, 'mu', d, cls);
    sigma = check_param(sigma, 'sigma', d, cls);
    if any(~(sigma > 0)) || any(isinf(sigma))
      error('nnlab:nn_standardize:domain', ...
            'nn_standardize: sigma must be positive and finite (it is 1 for constant columns).');
    end
    Xs = X - mu;
  end
  Xs = Xs ./ sigma;
end

function p = check_param(p, name, d, cls)
  if ~isfloat(p) || ~isreal(p)
    error('nnlab:nn_standardize:class', ...
          'nn_standardize: %s must be a real single or double vector.', name);
  end
  if ~(isvector(p) || isempty(p)) || numel(p) ~= d
    error('nnlab:nn_standardize:size', ...
          ['nn_standardize: %s has %d elements but X has %d columns: give the ', ...
           '1 x D %s returned when fitting on the training data.'], name, numel(p), d, name);
  end
  p = cast(full(reshape(p, 1, d)), cls);
end

%!test
%! X = [1 2 5; 3 2 7; 5 2 9];
%! [Xs, mu, sigma] = nn_standardize(X);
%! assert(mu, [3 2 7]);
%! assert(sigma, [sqrt(8/3) 1 sqrt(8/3)], 1e-15);
%! assert(Xs(:, 2), zeros(3, 1));
%! assert(mean(Xs), [0 0 0], 1e-15);
%! assert(Xs .* sigma + mu, X, 1e-14);
%!test
%! [Xs, mu, sigma] = nn_standardize(single([1 2; 3 4]));
%! assert(class(Xs), 'single');
%! assert(class(mu), 'single');
%! assert(class(sigma), 'single');
%! assert(nn_standardize(single([1 2; 3 4]), mu, double(sigma)), Xs);
%!assert(nn_standardize([0 10; 4 10], [2 10], [2 1]), [-1 0; 1 0])
%!assert(nn_standardize(zeros(0, 2), [1 1], [1 1]), zeros(0, 2))
%!error id=nnlab:nn_standardize:nargin nn_standardize(1, 2)
%!error id=nnlab:nn_standardize:class nn_standardize({1})
%!error id=nnlab:nn_standardize:domain nn_standardize([1 NaN; 2 3])
%!error id=nnlab:nn_standardize:domain nn_standardize([1 2], [0 0], [1 0])
%!error id=nnlab:nn_standardize:size nn_standardize([1 2; 3 4], [0 0 0], [1 1 1])
%!error id=nnlab:nn_standardize:size nn_standardize(zeros(0, 3))
%!error id=nnlab:nn_standardize:nargout [a, b] = nn_standardize([1 2], [0 0], [1 1])
