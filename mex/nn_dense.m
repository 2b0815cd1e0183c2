% -*- texinfo -*-
% @deftypefn  {} {@var{Y} =} nn_dense (@var{X}, @var{W}, @var{b})
% @deftypefnx {} {@var{Y} =} nn_dense (@var{X}, @var{W})
% @deftypefnx {} {[@var{dX}, @var{dW}, @var{db}] =} nn_dense (@var{X}, @var{W}, @var{b}, @var{dY})
% Dense (fully connected, linear) layer: forward values and backward products.
%
% Observations are rows.  With @var{N} observations of @var{in} features and
% a layer of @var{out} units:
%
% @multitable {Argument} {@var{out} x @var{in}} {the weights, one row per unit (as torch.nn.Linear.weight)}
% @headitem Argument @tab Size @tab Meaning
% @item @var{X} @tab @var{N} x @var{in} @tab the layer's input, one observation per row
% @item @var{W} @tab @var{out} x @var{in} @tab the weights, one row per unit (as torch.nn.Linear.weight)
% @item @var{b} @tab @var{out} x 1 @tab the bias (a row vector is accepted too); @code{[]} or omitted: no bias
% @item @var{Y}, @var{dY} @tab @var{N} x @var{out} @tab the output and the gradient of the loss with respect to it
% @item @var{dX} @tab @var{N} x @var{in} @tab gradient with respect to @var{X}
% @item @var{dW} @tab @var{out} x @var{in} @tab gradient with respect to @var{W}
% @item @var{db} @tab @var{out} x 1 @tab gradient with respect to @var{b}
% @end multitable
%
% @strong{Forward.}  @code{@var{Y} = nn_dense (@var{X}, @var{W}, @var{b})} computes
%
% @example
% Y = X * W.' + b.'        Y(n,j) = b(j) + sum_k X(n,k) * W(j,k)
% @end example
%
% @noindent
% (the bias is added to every row), as @code{torch.nn.functional.linear(X, W, b)}.
%
% @strong{Backward.}  Given @var{dY}, the gradient of a scalar loss @var{L} with
% respect to @var{Y}, @code{[@var{dX}, @var{dW}, @var{db}] = nn_dense (@var{X}, @var{W}, @var{b}, @var{dY})}
% returns the gradients of @var{L} with respect to the inputs:
%
% @example
% @group
% dX = dY * W              dL/dX(n,k) = sum_j dY(n,j) * W(j,k)
% dW = dY.' * X            dL/dW(j,k) = sum_n dY(n,j) * X(n,k)
% db = sum (dY, 1).'       dL/db(j)   = sum_n dY(n,j)
% @end group
% @end example
%
% @noindent
% The derivatives behind them: @math{d Y(n,j) / d X(n,k) = W(j,k)},
% @math{d Y(n,j) / d W(j,k) = X(n,k)} and @math{d Y(n,j) / d b(j) = 1}.  Only the
% outputs asked for are computed (@var{X} is needed for @var{dW} only, @var{b}
% only for its size); @var{db} is returned also when @var{b} is @code{[]}.
%
% The products are those of the BLAS library that Octave uses (@code{dgemm} or
% @code{sgemm}), so they agree with Octave's own @code{X * W.'}, @code{dY * W}
% and @code{dY.' * X} to the last bit or within a few units in the last place
% (Octave picks @code{gemv} or @code{dot} for vector shapes).  @var{db} sums each
% column of @var{dY} in order, in double also for single input (a single sum
% of many terms loses digits), so for single it is closer to the exact sum than
% @code{sum (@var{dY}, 1)}.
%
% @strong{Shapes and classes.}  Any size works, including @var{N}, @var{in} or
% @var{out} equal to 1 or to 0: an empty product gives zeros, so with @var{in} = 0
% every row of @var{Y} is @code{@var{b}.'} and with @var{N} = 0 @var{dW} and
% @var{db} are zeros.  All arrays are full, real, 2-D, and either all single or
% all double; the outputs have that class.  A size above 2^31-1 in a product
% that needs BLAS raises @code{nnlab:nn_dense:tooLarge} (Octave's BLAS takes
% 32-bit sizes).  There are no options.
%
% Errors have identifiers @code{nnlab:nn_dense:@var{what}} with @var{what} one
% of @code{nargin}, @code{nargout}, @code{class}, @code{sparse}, @code{complex},
% @code{mixedClass}, @code{size}, @code{tooLarge} or @code{outOfMemory}.
%
% Example: one training step of a linear model under mean squared error.
%
% @example
% @group
% X = randn (32, 4);  T = randn (32, 2);
% W = 0.1 * randn (2, 4);  b = zeros (2, 1);
% Y = nn_dense (X, W, b);              % 32 x 2
% dY = 2 * (Y - T) / numel (Y);        % gradient of mean ((Y - T)(:).^2)
% [dX, dW, db] = nn_dense (X, W, b, dY);
% W = W - 0.1 * dW;  b = b - 0.1 * db;
% @end group
% @end example
%
% @seealso{nn_act, nn_loss, nn_dropout, nn_step}
% @end deftypefn

%!test
%! X = [1 2; 3 4; 5 6];  W = [1 0; 0 1; 1 1];  b = [10; 20; 30];
%! assert (nn_dense (X, W, b), [11 22 33; 13 24 37; 15 26 41]);
%! assert (nn_dense (X, W), X * W.');

%!test
%! X = randn (5, 3);  W = randn (2, 3);  b = randn (2, 1);  dY = randn (5, 2);
%! [dX, dW, db] = nn_dense (X, W, b, dY);
%! assert (dX, dY * W, 1e-14);
%! assert (dW, dY.' * X, 1e-14);
%! assert (db, sum (dY, 1).', 1e-14);

%!assert (class (nn_dense (single (ones (2, 3)), single (ones (4, 3)))), 'single')
%!error id=nnlab:nn_dense:size nn_dense (ones (2, 3), ones (4, 2))
%!error id=nnlab:nn_dense:mixedClass nn_dense (ones (2, 3), single (ones (4, 3)))
