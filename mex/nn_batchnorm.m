% -*- texinfo -*-
% @deftypefn  {} {[@var{Y}, @var{S}] =} nn_batchnorm (@var{X}, @var{gamma}, @var{beta}, @var{S}, @dots{})
% @deftypefnx {} {[@var{dX}, @var{dgamma}, @var{dbeta}] =} nn_batchnorm (@var{X}, @var{gamma}, @var{beta}, @var{S}, @var{dY}, @dots{})
% Batch normalisation: forward values with the update of the running
% statistics, and backward products, as @code{torch.nn.functional.batch_norm}.
%
% Each channel is normalised with its own statistics:
%
% @multitable {Argument} {@var{H} x @var{W} x @var{C} x @var{N}} {per channel: statistics over H, W and the N images}
% @headitem Argument @tab Size @tab Meaning
% @item @var{X} @tab @var{H} x @var{W} x @var{C} x @var{N} @tab images: per channel, statistics over @var{H}, @var{W} and the @var{N} images
% @item @var{X} @tab @var{N} x @var{C} @tab rows (a 2-D matrix): per feature (column), statistics over the @var{N} rows
% @item @var{gamma}, @var{beta} @tab @var{C} x 1 @tab scale and shift (row vectors accepted); @code{[]}: 1 and 0 (torch's affine=False)
% @item @var{S} @tab struct @tab the running state: fields @code{mean} and @code{var} (@var{C} x 1) and @code{count}; @code{[]} at the start
% @item @var{Y}, @var{dY}, @var{dX} @tab the size of @var{X} @tab the output, the gradient of the loss with respect to it, and with respect to @var{X}
% @item @var{dgamma}, @var{dbeta} @tab @var{C} x 1 @tab the gradients with respect to @var{gamma} and @var{beta}
% @end multitable
%
% @strong{Forward, training mode} (the default).  For each channel, with the
% @var{m} values @var{x} of that channel in the batch:
%
% @example
% @group
% mu = mean (x)            v = mean ((x - mu).^2)          (the biased variance)
% y  = (x - mu) / sqrt (v + eps) * gamma + beta
% S.mean = (1 - momentum) * S.mean + momentum * mu
% S.var  = (1 - momentum) * S.var  + momentum * v * m / (m - 1)   (unbiased)
% S.count = S.count + 1
% @end group
% @end example
%
% @noindent
% @code{@var{S} = []} stands for the state torch starts from: mean 0,
% variance 1, count 0 (torch's @code{num_batches_tracked}).  Training needs
% more than one value per channel (@var{m} > 1), as in PyTorch.  An empty
% batch (@var{m} = 0) gives an empty @var{Y} and leaves the mean and the
% variance as they were.
%
% @strong{Forward, evaluation mode} (@code{'Training', false}): @var{mu} and
% @var{v} are @code{@var{S}.mean} and @code{@var{S}.var}, and the returned
% @var{S} is the one given, unchanged.
%
% @strong{Backward.}  Given @var{dY} (the 5th argument, a numeric array), the
% gradients of the loss, with @code{xhat = (x - mu) / sqrt (v + eps)}:
%
% @example
% @group
% dbeta  = sum (dY)                dgamma = sum (dY .* xhat)
% training:    dX = gamma / sqrt (v + eps) * (dY - mean (dY) - xhat .* mean (dY .* xhat))
% evaluation:  dX = gamma / sqrt (v + eps) * dY
% @end group
% @end example
%
% @noindent
% The backward call recomputes the batch statistics from @var{X} (nothing is
% kept between the calls).  Give it the same @var{X}, @var{gamma}, @var{S} and
% options as the forward call, that is the state @emph{before} the forward
% call's update.  In training mode the statistics are the batch's, so the
% values in @var{S} are not used (it is still checked); in evaluation mode
% its mean and variance are.
%
% @strong{Options} (name/value pairs, names in any case):
% @table @code
% @item 'Training'
% true (default): batch statistics and the update of @var{S}; false: the
% running statistics of @var{S}.
% @item 'Momentum'
% the weight of the batch in the running statistics, from 0 to 1; default 0.1.
% @item 'Eps'
% added to the variance, a number > 0; default 1e-5.
% @item 'Layout'
% @code{'rows'} (the default for a 2-D @var{X}) or @code{'images'} (the
% default for 3-D and 4-D @var{X}).  Octave drops trailing singleton
% dimensions, so one image with one channel is a 2-D matrix: say
% @code{'Layout', 'images'} for it.  A 3-D @var{X} is @var{H} x @var{W} x
% @var{C} with @var{N} = 1.
% @end table
%
% @strong{Numerics and classes.}  Every per-channel quantity (mean, variance,
% sums) is computed in double, also for single input, the mean and the
% variance in two passes with the correction of Chan, Golub and LeVeque, and
% the mean kept as a first mean plus its rounding error; so channels with a
% mean far larger than their spread keep their digits (PyTorch's
% @code{x * (gamma/sigma) + (beta - mu*gamma/sigma)} loses about
% |mean|/std units in the last place there).  The results agree with PyTorch
% to 1e-12 relative in double and 1e-5 in single.  @var{X}, @var{gamma},
% @var{beta}, @var{dY} and the fields @code{mean} and @code{var} of @var{S}
% are all single or all double (the state keeps @var{X}'s class, as in
% torch); @code{@var{S}.count} is a double.  The outputs have @var{X}'s class.
%
% Errors have identifiers @code{nnlab:nn_batchnorm:@var{what}} with @var{what}
% one of @code{nargin}, @code{nargout}, @code{class}, @code{sparse},
% @code{complex}, @code{mixedClass}, @code{size} (also: one value per channel
% in training), @code{state} (@var{S} is not @code{[]} or a valid state),
% @code{option}, @code{optionValue}, @code{tooLarge} or @code{outOfMemory}.
%
% Example: normalise a batch of images, then run the net on test data.
%
% @example
% @group
% X = randn (8, 8, 16, 32);                 % 32 images of 16 channels
% gamma = ones (16, 1);  beta = zeros (16, 1);
% [Y, S] = nn_batchnorm (X, gamma, beta, []);          % training
% dY = randn (size (Y));                                % from the layer above
% [dX, dgamma, dbeta] = nn_batchnorm (X, gamma, beta, [], dY);
% Yt = nn_batchnorm (randn (8, 8, 16, 5), gamma, beta, S, 'Training', false);
% @end group
% @end example
%
% @seealso{nn_conv2d, nn_pool, nn_dense, nn_step}
% @end deftypefn

%!test
%! X = [1 2; 3 6; 5 10];
%! [Y, S] = nn_batchnorm (X, [], [], []);
%! assert (Y, (X - mean (X)) ./ sqrt (var (X, 1) + 1e-5), 1e-14);
%! assert (S.var, 0.9 + 0.1 * var (X).', 1e-14);
%! assert (S.count, 1);
%!error id=nnlab:nn_batchnorm:size nn_batchnorm ([1 2], [], [], [])
