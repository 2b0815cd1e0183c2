% -*- texinfo -*-
% @deftypefn  {} {[@var{J}, @var{Y}] =} nn_jacobian (@var{X}, @var{W}, @var{b}, @var{acts})
% @deftypefnx {} {[@var{JJ}, @var{Je}, @var{sse}] =} nn_jacobian (@var{X}, @var{W}, @var{b}, @var{acts}, @var{T})
% @deftypefnx {} {[@var{dx}, @var{how}] =} nn_jacobian ('solve', @var{JJ}, @var{g}, @var{mu})
% The Jacobian of a dense network's outputs with respect to its parameters,
% computed in C (one backward pass per output unit), for the
% Levenberg-Marquardt trainer of @code{nn_train} (@code{'Optimizer', 'lm'}).
%
% The network: dense layer l maps its input A to f_l(A W@{l@}.' + b@{l@}.'),
% with @var{W}@{l@} out x in, @var{b}@{l@} out x 1 and @var{acts}@{l@} the
% name of an activation of @code{nn_act} (@code{'linear'} for none;
% PyTorch's default options).  @var{X} is N x in, one observation a row.
%
% @var{J} is (N*K) x P: row i + (k-1)*N is the derivative of Y(i,k) (Y, the
% N x K output, also returned), column p that of parameter p in the order
% of @code{nn_unroll}: layer by layer, each as [b@{l@}; W@{l@}(:)].
%
% With targets @var{T} (N x K) it returns instead the Gauss-Newton pair
% @var{JJ} = J.'*J (P x P) and @var{Je} = J.'*e for the residuals
% e = Y(:) - T(:), and @var{sse} = e.'*e, built over blocks of rows so that
% the whole J is never held.
%
% @code{nn_jacobian ('solve', JJ, g, mu)} solves (JJ + mu I) dx = g with
% LAPACK: Cholesky (potrf/potrs, @var{how} = 1), or QR (gels, @var{how} = 2)
% when the matrix is not positive definite.  The Levenberg-Marquardt step is
% then theta - dx for g = Je.
%
% All arrays are of one class, single or double; results are of that class.
% @seealso{nn_train, nn_unroll, nn_act, nn_dense}
% @end deftypefn
