% -*- texinfo -*-
% @deftypefn {} {[@var{layers}, @var{SW}, @var{Sb}, @var{losses}, @var{Y}, @var{stopped}] =} nn_fit (@var{X}, @var{T}, @var{perm}, @var{B}, @var{layers}, @var{SW}, @var{Sb}, @var{LOSS}, @var{lossopts}, @var{METHOD}, @var{optopts}, @var{l2})
% @deftypefnx {} {[@dots{}, @var{hits}] =} nn_fit (@dots{}, @var{METRIC}, @var{LAYOUT})
% @deftypefnx {} {[@dots{}] =} nn_fit (@dots{}, @var{METRIC}, 'columns', @var{IMAGE})
% Epochs of minibatch gradient descent in one call: the compiled engine of
% @code{nn_train}, which calls it once per epoch (once per many epochs for
% small data, where the cost of a call would dominate).  Use
% @code{nn_train}; this function is documented for testing and for the
% curious.
%
% @multitable {@var{lossopts}} {N x tcols} {the observations, one a row, in the network's class}
% @headitem Argument @tab Size @tab Meaning
% @item @var{X} @tab N x in @tab the observations, one a row, in the network's class
% @item @var{T} @tab N x tcols @tab the targets, one row per observation, of the class of @var{X}
% @item @var{perm} @tab N x E @tab the order of each of E epochs, a column each: 0-based row indices (@code{randperm (N)' - 1}); a row vector of N for one epoch; or P x E with 1 <= P < N (P = 1 as one column only): each epoch steps over those P rows of @var{X} and @var{T} (a subset trains; rows may repeat)
% @item @var{B} @tab scalar @tab observations per step (the last step takes the rest)
% @item @var{layers} @tab struct @tab the network's description, as in @code{net.layers}: layers of type @code{'dense'} (fields @code{W}, @code{b}) and @code{'act'} (fields @code{act}, @code{opts}); on images (with @var{IMAGE}) also @code{'conv2d'} (@code{units}, @code{window}, @code{opts}, @code{W}, @code{b}), @code{'maxpool'}, @code{'avgpool'} (@code{window}, @code{opts}), @code{'globalavgpool'} and @code{'flatten'}; @code{nn_train} describes other layers this way (a dropout layer with p = 0 as the activation @code{'linear'}) or trains step by step
% @item @var{SW}, @var{Sb} @tab cells @tab per layer, the @code{nn_step} states of W and b (@code{[]} at the start)
% @item @var{LOSS} @tab string @tab a loss of @code{nn_loss}; @var{lossopts} a cell of its options (no @code{'weights'}, reduction @code{'mean'} or @code{'sum'})
% @item @var{METHOD} @tab string @tab an optimizer of @code{nn_step}; @var{optopts} a cell of its options
% @item @var{l2} @tab scalar @tab @math{\lambda \ge 0}: adds @math{\lambda/2 \sum w^2} over the weights to each batch loss
% @item @var{METRIC} @tab string @tab optional: @code{'none'} (default), or what to count instead of returning @var{Y} (see below)
% @item @var{LAYOUT} @tab string @tab optional: @code{'rows'} (default), or @code{'columns'}: @var{X} is in x N, one observation a column; or @code{'copy'} / @code{'copy-kept'}: @var{X} is N x in, trained from a working copy (see below)
% @item @var{IMAGE} @tab 1 x 3 @tab optional, with @code{'columns'}: [H W C], the observations are images, each column of @var{X} one H x W x C image in column-major order (H*W*C rows); @code{[]}: not images. Between the layers on images a batch is an H x W x C x m array, as the kernels @code{nn_conv2d} and @code{nn_pool} take it; a flatten layer makes it m rows for the dense layers after it, and the network must end on rows
% @end multitable
%
% For each epoch e and each of its minibatches
% @code{idx = perm((s-1)*B+1 : min(s*B, N), e) + 1} it does
% exactly what @code{nn_train}'s step-by-step path does, with the same kernels
% in the same order, so that the results agree bit for bit (same thread
% count):
%
% @example
% @group
% [Y, cache] = nn_forward (net, X(idx,:));          % every layer in turn
% [L, dY] = nn_loss (Y, T(idx,:), LOSS, lossopts@{:@});
% g = nn_backward (net, cache, dY);
% for each dense or conv2d layer i, in order:
%   gW = g(i).W + l2 * W;  L = L + l2/2 * sum (W(:).^2);   (when l2 > 0)
%   [W, SW@{i@}] = nn_step (W, gW, SW@{i@}, METHOD, optopts@{:@});
%   [b, Sb@{i@}] = nn_step (b, g(i).b, Sb@{i@}, METHOD, optopts@{:@});
% @end group
% @end example
%
% @noindent
% Outputs: the trained @var{layers} and states (the same structs as
% @code{nn_step}'s, so both paths can be mixed); @var{losses} (steps x E,
% double) the batch losses @code{L}; @var{Y} (N x outputs*E, the outputs of
% epoch e in columns (e-1)*outputs+1 to e*outputs) the network output of
% every observation at its row, computed in its step before the update.
% With @code{'rows'}, @var{X} is read where it is: each run of
% consecutive minibatches is gathered into one buffer, from which the
% minibatches are taken.  The buffer holds an eighth of @var{X} (at least
% 4 MB, at most 1 GB), so training needs little memory besides the data.
% With @code{'copy'}, @var{X} (when over 4 MB, and when the copy fits in a
% quarter of the machine's memory; else as @code{'rows'}) is transposed
% once into a working copy with one observation a column, and each
% minibatch is gathered from it: faster, as @var{X} is read once instead of
% once per buffer.  The copy is kept after the call; @code{'copy-kept'}
% promises that @var{X} holds the same data as at the last call and uses
% the kept copy as it is (@code{nn_train} passes it from its second epoch
% on).  @code{nn_fit ('release')} frees the copy, @code{nn_fit ('copy')}
% returns its size in bytes (0: none).  All layouts give the same bits.
% All scratch memory is allocated once per call, none per step.
%
% @code{[ok, v] = nn_fit ('lane', net, X, T, args, defaults)} tells
% @code{nn_train}'s fast lane whether a call is one it takes, and reads its
% options (see mex/fit_lane.c); it never raises an error.
%
% @code{P = nn_fit ('orders', N, seeds)} returns the orders of seeded
% epochs, one a column (N x numel (seeds), 0-based): column j is
% @code{randperm (N) - 1} as drawn right after
% @code{rand ('twister', seeds(j))}, made in C without touching Octave's
% random stream (see lib/nn_orders.h).  Each seed is a whole number from 0
% to 2^32-1.
%
% With @var{METRIC} @code{'argmax'}, @code{'prob'} or @code{'logit'},
% @var{Y} is @code{[]} and @var{hits} (1 x E) counts, per epoch, the rows
% whose first largest output is the target class (@var{T} a class index, or
% the first largest of @var{T}'s row), or the elements with
% @code{(Y >= 0.5) == (T >= 0.5)} (@code{'prob'}) or
% @code{(Y > 0) == (T > 0.5)} (@code{'logit'}): the accuracy
% @code{nn_train} reports, without a copy of the outputs.
%
% When after step s of epoch e the loss or a parameter is NaN or Inf,
% training stops there, @var{stopped} is @code{[e s]} and @var{layers} are
% those of before that step (the last finite network); otherwise
% @var{stopped} is @code{[0 0]}.  Steps not taken have a NaN loss.  (The
% engine in lib/ finds those layers by running the epochs again from the
% inputs, up to the step before; the run is deterministic.)  A batch whose
% targets lie outside the loss's domain is the error
% @code{nnlab:nn_fit:domain}, naming the epoch, the step and the first bad
% element of @var{T} (its row in @var{T}).
% @seealso{nn_train, nn_step, nn_loss, nn_forward, nn_backward}
% @end deftypefn

%!test
%! % one epoch of two steps equals the same steps by hand
%! net = nn_mlp ([2 3 1], 'Hidden', 'tanh', 'Seed', 1);
%! X = [0 0; 0 1; 1 0; 1 1; 0.5 0.2];  T = [0; 1; 1; 0; 1];
%! perm = [3 1 5 2 4];
%! [L, SW, Sb, losses, Y, stopped] = nn_fit (X, T, perm - 1, 3, net.layers, ...
%!     cell (1, 3), cell (1, 3), 'mse', {}, 'sgd', {'lr', 0.1}, 0);
%! ref = net;
%! for s = 1:2
%!   idx = perm((s - 1) * 3 + 1:min(s * 3, 5));
%!   [Yb, cache] = nn_forward (ref, X(idx, :));
%!   [Lb, dY] = nn_loss (Yb, T(idx, :), 'mse');
%!   g = nn_backward (ref, cache, dY);
%!   for i = [1 3]
%!     ref.layers(i).W = nn_step (ref.layers(i).W, g(i).W, [], 'sgd', 'lr', 0.1);
%!     ref.layers(i).b = nn_step (ref.layers(i).b, g(i).b, [], 'sgd', 'lr', 0.1);
%!   end
%!   assert (losses(s, 1), Lb);
%!   assert (Y(idx, :), Yb);
%! end
%! assert (isequal (L, ref.layers));
%! assert (stopped, [0 0]);
%! assert (SW{1}.step, 2);
%! assert (isempty (SW{2}));
%!error id=nnlab:nn_fit:nargin nn_fit (1)
%!error id=nnlab:nn_fit:mixedClass nn_fit (ones (3, 2), single (ones (3, 1)), [0 1 2], 1, nn_mlp ([2 1]).layers, {[]}, {[]}, 'mse', {}, 'sgd', {}, 0)
%!error id=nnlab:nn_fit:domain nn_fit (ones (3, 2), ones (3, 1), [0 1 3], 1, nn_mlp ([2 1]).layers, {[]}, {[]}, 'mse', {}, 'sgd', {}, 0)
