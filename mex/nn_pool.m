% -*- texinfo -*-
% @deftypefn  {} {@var{Y} =} nn_pool (@var{X}, @var{type}, [@var{kh} @var{kw}], @var{options}@dots{})
% @deftypefnx {} {@var{Y} =} nn_pool (@var{X}, @var{type}, 'global')
% @deftypefnx {} {@var{dX} =} nn_pool (@var{X}, @var{type}, [@var{kh} @var{kw}], @var{dY}, @var{options}@dots{})
% 2-D max or average pooling (as PyTorch's @code{max_pool2d} and
% @code{avg_pool2d}): forward values and backward products.
%
% @var{X} is an @var{H} x @var{W} x @var{C} x @var{N} image batch (as for
% @code{nn_conv2d}); each channel of each image is pooled on its own.
% @var{type} is @code{'max'} or @code{'avg'}; the window is
% [@var{kh} @var{kw}], a number @var{k} for @var{k} x @var{k}, or @code{'global'}
% for the whole image (@var{Y} is 1 x 1 x @var{C} x @var{N}: global average
% pooling, as @code{adaptive_avg_pool2d (x, 1)}).
%
% @multitable {Argument} {@var{Ho} x @var{Wo} x @var{C} x @var{N}} {the gradient of the loss with respect to Y}
% @headitem Argument @tab Size @tab Meaning
% @item @var{X}, @var{dX} @tab @var{H} x @var{W} x @var{C} x @var{N} @tab the input, and the gradient with respect to it
% @item @var{Y}, @var{dY} @tab @var{Ho} x @var{Wo} x @var{C} x @var{N} @tab the output, and the gradient with respect to it
% @end multitable
%
% @strong{Forward.}  With stride [@var{sh} @var{sw}] and padding
% [@var{ph} @var{pw}] on both sides,
%
% @example
% @group
% Ho = floor ((H + 2*ph - kh) / sh) + 1        Wo likewise
% window (p,q) = rows (p-1)*sh - ph + (1:kh), columns (q-1)*sw - pw + (1:kw)
% 'max':  Y(p,q,c,n) = the largest X(.,.,c,n) in the window
% 'avg':  Y(p,q,c,n) = sum of X(.,.,c,n) in the window / (kh*kw)
% @end group
% @end example
%
% @noindent
% Padding pixels never win a maximum.  An average counts them as zeros, dividing
% by @var{kh}*@var{kw} (torch's default @code{count_include_pad=True}); with
% @code{'CountIncludePad', false} it divides by the number of image pixels in
% the window.  Sums are formed in double (also for single input).
%
% @strong{Ties and NaN, as in PyTorch.}  The window is scanned row by row (all
% of its first row, then the second, @dots{}), and a value replaces the maximum
% when it is larger or NaN: of equal values the first in that order wins, and
% a NaN wins (of several NaN, the last).  A window of -Inf gives -Inf and its
% first pixel wins.
%
% @strong{Backward.}  @code{@var{dX} = nn_pool (@var{X}, @var{type}, @var{window}, @var{dY}, @dots{})}
% (with the options of the forward call): for @code{'max'}, each @var{dY}(p,q,c,n)
% is added to the pixel that won its window (found again from @var{X}); for
% @code{'avg'}, @var{dY}(p,q,c,n) divided as in the forward pass is added to
% every pixel of its window.  Overlapping windows add up.
%
% @strong{Options} (names in any case):
% @table @code
% @item 'Stride'
% a whole number >= 1 or [@var{sh} @var{sw}]; default: the window (windows side
% by side).
% @item 'Padding'
% a whole number >= 0 or [@var{ph} @var{pw}], on both sides, at most half the
% window (as PyTorch requires); default 0.  Not with @code{'global'}.
% @item 'CountIncludePad'
% true (default) or false, for @code{'avg'} (see above).
% @end table
%
% @noindent
% As in torch's default @code{ceil_mode=False}, a last window that does not fit
% is dropped.  A window larger than the padded image (an empty output) is an
% error.  @var{C} = 0 and @var{N} = 0 work.  @var{X} and @var{dY} are full,
% real, and both single or both double; the output has their class.
%
% Errors have identifiers @code{nnlab:nn_pool:@var{what}} with @var{what} one of
% @code{nargin}, @code{nargout}, @code{class}, @code{sparse}, @code{complex},
% @code{mixedClass}, @code{name} (the type), @code{size} (the window, an empty
% output, @var{dY} not the size of @var{Y}), @code{option}, @code{optionValue},
% @code{tooLarge} or @code{outOfMemory}.
%
% Example: 2 x 2 max pooling after a convolution, and its backward pass.
%
% @example
% @group
% X = rand (28, 28, 1, 16);
% A = nn_conv2d (X, 0.1 * randn (3, 3, 1, 8), zeros (8, 1), 'Padding', 'same');
% P = nn_pool (A, 'max', [2 2]);              % 14 x 14 x 8 x 16
% dA = nn_pool (A, 'max', [2 2], ones (size (P)));
% G = nn_pool (A, 'avg', 'global');           % 1 x 1 x 8 x 16
% @end group
% @end example
%
% @seealso{nn_conv2d, nn_act}
% @end deftypefn

%!test
%! X = reshape (1:16, 4, 4);
%! assert (nn_pool (X, 'max', [2 2]), [6 14; 8 16]);
%! assert (nn_pool (X, 'avg', 2), [3.5 11.5; 5.5 13.5]);
%! assert (nn_pool (X, 'avg', 'global'), 8.5);
%! assert (nn_pool (X, 'max', [2 2], ones (2)), [0 0 0 0; 0 1 0 1; 0 0 0 0; 0 1 0 1]);

%!assert (size (nn_pool (rand (28, 28, 8, 16), 'max', [2 2])), [14 14 8 16])
%!assert (class (nn_pool (single (ones (4)), 'avg', 2)), 'single')
%!error id=nnlab:nn_pool:name nn_pool (ones (4), 'min', 2)
%!error id=nnlab:nn_pool:optionValue nn_pool (ones (5), 'max', 2, 'Padding', 2)
