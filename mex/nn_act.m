% -*- texinfo -*-
% @deftypefn  {} {@var{Y} =} nn_act (@var{X}, @var{NAME})
% @deftypefnx {} {@var{Y} =} nn_act (@var{X}, @var{NAME}, [], @var{option}, @var{value}, @dots{})
% @deftypefnx {} {@var{dX} =} nn_act (@var{X}, @var{NAME}, @var{dY}, @var{option}, @var{value}, @dots{})
% Activation functions: forward values and backward products.
%
% @var{X} is an @var{N} x @var{K} matrix, one observation per row.  Without
% @var{dY} (or with @code{[]} in its place) @code{nn_act} returns
% @var{Y} = f(@var{X}), of the size of @var{X}.  Given @var{dY}, the gradient of
% a scalar loss @var{L} with respect to @var{Y} (of the size of @var{X}), it
% returns @var{dX}, the gradient of @var{L} with respect to @var{X}: for the
% elementwise activations @code{dX = f'(X) .* dY}, for @code{softmax} and
% @code{log_softmax} the product of @var{dY} with the Jacobian of each row.
% The backward pass takes the layer's input @var{X} (not @var{Y}).
%
% @var{NAME} is one of the following (case does not matter).  The values,
% the derivative conventions at kinks and the option names and defaults are
% those of @code{torch.nn.functional}.
%
% @table @code
% @item threshold
% Step function: @code{y = 1} where @code{x >= 0}, else @code{0}.
% Derivative @code{0} (the step is flat wherever it has a derivative; it cannot
% be trained by gradients).  No options.
%
% @item linear
% Identity: @code{y = x}.  Derivative @code{1}, so @code{dX = dY}.  No options.
%
% @item sigmoid
% Logistic function: @code{y = 1 / (1 + exp (-x))}, in (0, 1).
% Derivative @code{y .* (1 - y)}, computed as @code{e / (1 + e)^2} with
% @code{e = exp (-abs (x))}, so that it keeps its digits for large @code{abs (x)}.
% No options.
%
% @item tanh
% Hyperbolic tangent: @code{y = tanh (x)}, in (-1, 1).
% Derivative @code{1 - y.^2}, computed as @code{4 e / (1 + e)^2} with
% @code{e = exp (-2 abs (x))}.  No options.
%
% @item relu
% Rectified linear unit: @code{y = max (x, 0)}.
% Derivative @code{1} where @code{x > 0}, else @code{0} (@code{0} at
% @code{x = 0}, as PyTorch).  No options.
%
% @item leaky_relu
% @code{y = x} where @code{x > 0}, else @code{alpha * x}.
% Derivative @code{1} where @code{x > 0}, else @code{alpha} (@code{alpha} at
% @code{x = 0}, as PyTorch).
% Option @code{alpha}, the slope for negative @var{x}: any finite number,
% default @code{0.01}.  PyTorch's name @code{negative_slope} is accepted too.
%
% @item elu
% Exponential linear unit: @code{y = x} where @code{x > 0}, else
% @code{alpha * (exp (x) - 1)} (computed with @code{expm1}).
% Derivative @code{1} where @code{x > 0}, else @code{alpha * exp (x)}
% (@code{alpha} at @code{x = 0}, as PyTorch).
% Option @code{alpha}, the value approached as @code{x -> -Inf} is
% @code{-alpha}: a finite number @code{>= 0}, default @code{1}.
%
% @item softplus
% Smooth ReLU: @code{y = log (1 + exp (beta * x)) / beta}, and @code{y = x}
% where @code{beta * x > threshold}.
% Derivative @code{1 / (1 + exp (-beta * x))} (a sigmoid), and @code{1} where
% @code{beta * x > threshold}.
% Options @code{beta}, a finite number @code{> 0}, default @code{1}, and
% @code{threshold}, a number @code{> 0}, default @code{20}; @code{Inf} means
% never switch to @code{y = x} (the computation is stable for every @var{x}).
%
% @item gelu
% Gaussian error linear unit (the exact, erf form):
% @code{y = x .* Phi (x)} with @code{Phi (x) = (1 + erf (x / sqrt (2))) / 2}
% = @code{erfc (-x / sqrt (2)) / 2}, the standard normal distribution function.
% Derivative @code{Phi (x) + x .* exp (-x.^2 / 2) / sqrt (2 pi)}.  No options.
%
% @item silu
% Sigmoid linear unit (swish): @code{y = x .* s} with @code{s = sigmoid (x)}.
% Derivative @code{s .* (1 + x .* (1 - s))}.  No options.
%
% @item softmax
% Over each row: @code{Y(n,j) = exp (X(n,j)) / sum_k exp (X(n,k))}; each row of
% @var{Y} is a probability distribution.  Computed with the row maximum
% subtracted, so any finite input works.
% Backward: @code{dX = Y .* (dY - sum (dY .* Y, 2))}.  No options.
%
% @item log_softmax
% Over each row: @code{Y(n,j) = X(n,j) - log (sum_k exp (X(n,k)))}
% (log-sum-exp with the row maximum subtracted; @code{log1p} keeps the digits
% of a log-probability near 0).
% Backward: @code{dX = dY - softmax (X) .* sum (dY, 2)}.  No options.
% @end table
%
% @strong{Numbers.}  Only stable formulas are used: no activation overflows
% for any finite input, and the results agree with PyTorch's within
% @code{1e-12} relative in double and @code{1e-5} in single (where PyTorch's
% own formula loses digits, e.g. the sigmoid's derivative at @code{x = 30},
% @code{gelu} for @code{x <= -5} or @code{elu} near 0, these are the more accurate).
% At @code{+-Inf} the limits are returned (@code{gelu (-Inf) = 0},
% @code{silu (-Inf) = 0}, derivatives @code{0} or @code{1}).  NaN in @var{X}
% gives NaN in @var{Y} and @var{dX} (for @code{softmax} and
% @code{log_softmax}: in that whole row; also a row whose maximum is
% @code{+Inf} gives NaN, as in PyTorch); @code{linear} passes @var{dY} through.
%
% @strong{Classes.}  @var{X} and @var{dY} are full, real, 2-D, and both single
% or both double; the output has their class.  An option given to an
% activation that does not take it is an error.
%
% Errors have identifiers @code{nnlab:nn_act:@var{what}} with @var{what} one of
% @code{nargin}, @code{nargout}, @code{class}, @code{sparse}, @code{complex},
% @code{size}, @code{mixedClass}, @code{name} (unknown @var{NAME}),
% @code{option} (an option the activation does not have) or
% @code{optionValue} (a value out of range).
%
% Example: a hidden layer with leaky ReLU, forward and backward.
%
% @example
% @group
% X = randn (8, 3);  W = randn (4, 3);  b = zeros (4, 1);
% Z = nn_dense (X, W, b);
% H = nn_act (Z, 'leaky_relu', [], 'alpha', 0.1);
% dH = ones (size (H));                 % gradient of sum (H(:))
% dZ = nn_act (Z, 'leaky_relu', dH, 'alpha', 0.1);
% P = nn_act (Z, 'softmax');            % each row sums to 1
% @end group
% @end example
%
% @seealso{nn_dense, nn_loss, nn_dropout, nn_step}
% @end deftypefn

%!assert (nn_act ([-2 0 3], 'relu'), [0 0 3])
%!assert (nn_act ([-2 0 3], 'leaky_relu', [1 1 1], 'alpha', 0.1), [0.1 0.1 1])
%!assert (sum (nn_act ([1 2 3; 0 0 1000], 'softmax'), 2), [1; 1], 1e-15)
%!assert (class (nn_act (single ([1 2]), 'gelu')), 'single')
%!error id=nnlab:nn_act:name nn_act (1, 'swish')
%!error id=nnlab:nn_act:option nn_act (1, 'relu', [], 'alpha', 0.1)
