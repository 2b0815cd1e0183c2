% -*- texinfo -*-
% @deftypefn  {} {@var{Y} =} nn_conv2d (@var{X}, @var{W}, @var{b}, @var{options}@dots{})
% @deftypefnx {} {@var{Y} =} nn_conv2d (@var{X}, @var{W})
% @deftypefnx {} {[@var{dX}, @var{dW}, @var{db}] =} nn_conv2d (@var{X}, @var{W}, @var{b}, @var{dY}, @var{options}@dots{})
% 2-D convolution layer (cross-correlation, as in PyTorch): forward values and
% backward products.
%
% Images are @var{H} x @var{W} x @var{C} x @var{N} arrays: height, width,
% channels, and one observation per index of the last dimension (as MATLAB's
% @code{imageInputLayer} and MatConvNet take them).  With @var{G} groups
% (option @code{'Groups'}, default 1):
%
% @multitable {Argument} {@var{kh} x @var{kw} x @var{C}/@var{G} x @var{Cout}} {the kernel: torch's weight[o][c][i][j] is W(i,j,c,o)}
% @headitem Argument @tab Size @tab Meaning
% @item @var{X} @tab @var{H} x @var{W} x @var{C} x @var{N} @tab the layer's input
% @item @var{W} @tab @var{kh} x @var{kw} x @var{C}/@var{G} x @var{Cout} @tab the kernel: torch's weight[o][c][i][j] is W(i,j,c,o)
% @item @var{b} @tab @var{Cout} x 1 @tab the bias (a row vector is accepted too); @code{[]} or omitted: no bias
% @item @var{Y}, @var{dY} @tab @var{Ho} x @var{Wo} x @var{Cout} x @var{N} @tab the output and the gradient of the loss with respect to it
% @item @var{dX}, @var{dW}, @var{db} @tab as @var{X}, @var{W}, @var{Cout} x 1 @tab the gradients with respect to @var{X}, @var{W} and @var{b}
% @end multitable
%
% @strong{Forward.}  Output channel @var{o} (1 to @var{Cout}) belongs to group
% @code{gr = floor ((o-1) / (Cout/G))} (0 to @var{G}-1), which sees the input
% channels @code{gr*C/G + 1} to @code{(gr+1)*C/G}.  With stride [@var{sh} @var{sw}],
% dilation [@var{dh} @var{dw}] and padding [@var{top} @var{bottom} @var{left}
% @var{right}] (zeros around the image, giving @var{Xpad}):
%
% @example
% @group
% Y(p,q,o,n) = b(o) + sum_@{i,j,c@} W(i,j,c,o) * Xpad((p-1)*sh + (i-1)*dh + 1,
%                                                 (q-1)*sw + (j-1)*dw + 1, gr*C/G + c, n)
% Ho = floor ((H + top + bottom - dh*(kh-1) - 1) / sh) + 1
% Wo = floor ((W + left + right - dw*(kw-1) - 1) / sw) + 1
% @end group
% @end example
%
% @noindent
% This is @code{torch.nn.functional.conv2d (x, w, b, stride, padding, dilation,
% groups)} for x = X permuted to N x C x H x W: a cross-correlation (the kernel
% is not flipped), so @code{nn_conv2d (X, K)} equals
% @code{conv2 (X, rot90 (K, 2), 'valid')} for one channel.
%
% @strong{Backward.}  Given @var{dY}, the gradient of a scalar loss with respect
% to @var{Y}, @code{[@var{dX}, @var{dW}, @var{db}] = nn_conv2d (@var{X}, @var{W}, @var{b}, @var{dY}, @dots{})}
% (with the options of the forward call) returns
%
% @example
% @group
% dW(i,j,c,o) = sum_@{p,q,n@} dY(p,q,o,n) * Xpad(.. the pixel above ..)
% dX          = the sum of dY(p,q,o,n) * W(i,j,c,o) over every (p,q,i,j,o)
%               that reads that pixel (the transposed convolution)
% db(o)       = sum_@{p,q,n@} dY(p,q,o,n)
% @end group
% @end example
%
% @noindent
% Only the outputs asked for are computed; @var{db} is the sum of @var{dY} also
% when @var{b} is @code{[]} (the gradient with respect to a bias of zeros), as
% in @code{nn_dense}.  @var{db} is summed in double also for single input.
%
% @strong{Options} (names in any case; a repeated option: the last counts):
% @table @code
% @item 'Stride'
% a whole number >= 1 or [@var{sh} @var{sw}]; default 1.
% @item 'Padding'
% a whole number >= 0 (all four sides), [@var{ph} @var{pw}] (top and bottom,
% left and right), [@var{top} @var{bottom} @var{left} @var{right}] (torch pads
% asymmetrically only through @code{F.pad} first), @code{'valid'} (0, the
% default) or @code{'same'}: the output has the input's size, with the total
% padding @var{dh}*(@var{kh}-1) split as torch does (the odd unit at the bottom
% and the right); @code{'same'} needs stride 1, as in PyTorch.
% @item 'Dilation'
% a whole number >= 1 or [@var{dh} @var{dw}]: the spacing of the kernel taps;
% default 1.
% @item 'Groups'
% a whole number @var{G} >= 1 that divides @var{C} and @var{Cout}; default 1.
% @var{G} = @var{C} with @var{Cout} = @var{m}*@var{C} is a depthwise convolution
% (@var{m} filters per channel, @var{W} is @var{kh} x @var{kw} x 1 x @var{Cout}).
% @item 'InputGradient'
% backward call only: @code{false} skips @var{dX} (returned as @code{[]}), for
% a first layer, whose input needs no gradient.  Octave asks a MEX function for
% every output up to the last one named, @code{~} included, so
% @code{[~, dW, db] = ...} alone still computes @var{dX}; default @code{true}.
% @end table
%
% @strong{Computation.}  For each group, the patches of a block of images (or,
% for large images, of a block of output pixels of one image) are gathered into
% a matrix (im2col, at most 8 MB at a time) and multiplied by the kernel with
% BLAS (@code{dgemm}/@code{sgemm}, which may use
% several threads); a 1 x 1 kernel with stride 1 and no padding multiplies
% @var{X} directly.  The backward pass uses the same blocks: @var{dW} += patches'
% * @var{dY}, and @var{dY} * @var{W}' scattered back into @var{dX} (col2im).
% Values agree with PyTorch to rounding (1e-12 relative in double, 1e-5 in
% single in the tests), not bit for bit: the products add in another order.
%
% @strong{Shapes and classes.}  Trailing dimensions of size 1 may be dropped
% (a single image is @var{H} x @var{W} x @var{C}, a one-channel kernel
% @var{kh} x @var{kw}).  @var{N} = 0, @var{C} = 0 (then @var{Y} is the bias) and
% @var{Cout} = 0 work; a kernel smaller than 1 x 1, or a padded input smaller
% than the dilated kernel (an empty output), is an error.  All arrays are
% full, real and either all single or all double; the outputs have that class.
%
% Errors have identifiers @code{nnlab:nn_conv2d:@var{what}} with @var{what} one
% of @code{nargin}, @code{nargout}, @code{class}, @code{sparse}, @code{complex},
% @code{mixedClass}, @code{size} (also: groups that do not divide the channels,
% an empty output, @var{dY} not the size of @var{Y}), @code{option} (an unknown
% name, a name without a value), @code{optionValue}, @code{tooLarge} or
% @code{outOfMemory}.
%
% Example: a 3 x 3 convolution with 8 filters on a batch of 28 x 28 gray images,
% and its gradients.
%
% @example
% @group
% X = rand (28, 28, 1, 16);                     % 16 images
% W = 0.1 * randn (3, 3, 1, 8);  b = zeros (8, 1);
% Y = nn_conv2d (X, W, b, 'Padding', 'same');   % 28 x 28 x 8 x 16
% dY = ones (size (Y)) / numel (Y);              % gradient of mean (Y(:))
% [dX, dW, db] = nn_conv2d (X, W, b, dY, 'Padding', 'same');
% @end group
% @end example
%
% @seealso{nn_dense, nn_act}
% @end deftypefn

%!test
%! X = reshape (1:20, 4, 5);
%! assert (nn_conv2d (X, [1 2; 3 4]), conv2 (X, [4 3; 2 1], 'valid'));
%! assert (size (nn_conv2d (rand (28, 28, 1, 16), randn (3, 3, 1, 8), zeros (8, 1), 'Padding', 'same')), [28 28 8 16]);

%!test
%! X = randn (6, 5, 2, 3);  W = randn (3, 3, 2, 4);  b = randn (4, 1);
%! Y = nn_conv2d (X, W, b, 'Stride', 2, 'Padding', 1);
%! [dX, dW, db] = nn_conv2d (X, W, b, ones (size (Y)), 'Stride', 2, 'Padding', 1);
%! assert (size (dX), size (X));  assert (size (dW), size (W));  assert (db, numel (Y) / 4 * ones (4, 1));

%!assert (class (nn_conv2d (single (ones (3, 3)), single (ones (2, 2)))), 'single')
%!error id=nnlab:nn_conv2d:mixedClass nn_conv2d (ones (3, 3), single (ones (2, 2)))
%!error id=nnlab:nn_conv2d:optionValue nn_conv2d (ones (5), ones (3), [], 'Stride', 2, 'Padding', 'same')
