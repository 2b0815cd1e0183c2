% -*- texinfo -*-
% @deftypefn  {} {@var{L} =} nn_loss (@var{Z}, @var{T}, @var{NAME})
% @deftypefnx {} {[@var{L}, @var{dZ}] =} nn_loss (@var{Z}, @var{T}, @var{NAME}, @var{option}, @var{value}, @dots{})
% Loss of a network's output and its gradient with respect to that output.
%
% Observations are rows.  With @var{N} observations and @var{K} outputs:
%
% @multitable {Argument} {@var{N} x @var{K} or @var{N} x 1} {the gradient of @var{L} (for @qcode{'none'}: of @code{sum (@var{L}(:))})}
% @headitem Argument @tab Size @tab Meaning
% @item @var{Z} @tab @var{N} x @var{K} @tab the network's output: values, probabilities, logits, scores or distribution parameters, depending on the loss
% @item @var{T} @tab see below @tab the targets, of the class of @var{Z}
% @item @var{NAME} @tab string @tab the loss, one of those below
% @item @var{L} @tab 1 x 1, @var{N} x @var{K}, @var{N} x 1 or @var{N} x @var{K}/2 @tab the loss (see @qcode{'reduction'}; @var{K}/2 for the learned shape of @qcode{'gaussian'} and @qcode{'laplace'})
% @item @var{dZ} @tab @var{N} x @var{K} @tab the gradient of @var{L} (for @qcode{'none'}: of @code{sum (@var{L}(:))})
% @end multitable
%
% The losses, their values @math{l} and derivatives @math{d = dl/dz}.  Below
% @math{s(x) = 1 / (1 + exp(-x))} is the sigmoid and
% @math{softplus(x) = log(1 + exp(x))}, both computed without overflow.
% Elementwise losses take @var{T} of the size of @var{Z} and have one value
% per element; the others have one value per observation (row).
%
% @table @asis
% @item @qcode{'mse'}
% Mean squared error (@code{torch.nn.MSELoss}), elementwise:
% @example
% l = (z - t)^2                     d = 2 (z - t)
% @end example
%
% @item @qcode{'mae'}
% Mean absolute error, L1 (@code{torch.nn.L1Loss}), elementwise:
% @example
% l = |z - t|                       d = sign (z - t)   (0 at z = t)
% @end example
%
% @item @qcode{'huber'}
% Huber loss (@code{torch.nn.HuberLoss}), elementwise; option @qcode{'delta'}
% (a number > 0, default 1):
% @example
% @group
% l = (z - t)^2 / 2                 d = z - t          if |z - t| < delta
% l = delta (|z - t| - delta / 2)   d = delta sign (z - t)   otherwise
% @end group
% @end example
%
% @item @qcode{'bce'}
% Binary cross-entropy of probabilities (@code{torch.nn.BCELoss}),
% elementwise; @var{Z} and @var{T} in [0, 1].  As PyTorch, each log is
% clamped at -100 (so a probability of 0 or 1 gives a finite loss) and the
% denominator of @math{d} at 1e-12:
% @example
% @group
% l = -(t log (z) + (1 - t) log (1 - z))
% d = (z - t) / (z (1 - z))
% @end group
% @end example
%
% @item @qcode{'bce_logits'}
% Binary cross-entropy of logits (@code{torch.nn.BCEWithLogitsLoss}),
% elementwise, @var{T} in [0, 1]; stable for any logit (1e4 gives a finite
% loss and gradient).  Option @qcode{'pos_weight'} @math{p}: the weight of
% the positive term, a number >= 0 or a 1 x @var{K} row of them, one per
% column of @var{Z} (default 1):
% @example
% @group
% l = -(p t log s(z) + (1 - t) log (1 - s(z)))
%   = p t softplus (-z) + (1 - t) softplus (z)
% d = (1 - t) s(z) - p t s(-z)          (= s(z) - t for p = 1)
% @end group
% @end example
%
% @item @qcode{'hinge'}
% Hinge loss for classifiers that output a score (as Keras'
% @code{hinge}: the mean over all elements), elementwise; @var{T} in
% @{-1, 1@}, or in @{0, 1@}, where 0 stands for -1:
% @example
% l = max (0, 1 - t z)              d = -t if 1 - t z >= 0, else 0
% @end example
%
% @item @qcode{'ce'}
% Softmax cross-entropy of logits (@code{torch.nn.CrossEntropyLoss}), one
% value per row.  @var{T} is either @var{N} x 1 of class indices 1 to
% @var{K} (Octave counts from 1, PyTorch from 0) or @var{N} x @var{K} of
% class probabilities in [0, 1] (one-hot or soft labels; with @var{K} = 1
% an @var{N} x 1 @var{T} is read as indices).  With @math{p = softmax(z)}
% of the row and @math{t} the one-hot row of the index or the row of
% probabilities, smoothed by option @qcode{'label_smoothing'} @math{e}
% (in [0, 1], default 0) into @math{t' = (1 - e) t + e/K}:
% @example
% @group
% l = -sum_j t'_j log p_j = sum_j t'_j (logsumexp (z) - z_j)
% d_j = p_j sum_k t'_k - t'_j               (= p_j - t'_j)
% @end group
% @end example
%
% @item @qcode{'nll'}
% Negative log-likelihood (@code{torch.nn.NLLLoss}), one value per row: @var{Z}
% holds log-probabilities (e.g.@: from @code{nn_act (X, 'log_softmax')}), @var{T}
% is @var{N} x 1 of class indices 1 to @var{K}:
% @example
% l = -z_t                          d_j = -1 if j = t, else 0
% @end example
%
% @item @qcode{'margin_ranking'}
% Margin ranking loss (@code{torch.nn.MarginRankingLoss}), one value per
% pair: @var{Z} is @var{N} x 2, the scores @math{z1}, @math{z2} of the two
% items of each pair, and @var{T} is @var{N} x 1, 1 when the first item
% should rank higher and -1 when the second should.  Option
% @qcode{'margin'} @math{m} (a finite number, default 0):
% @example
% @group
% l = max (0, -t (z1 - z2) + m)
% d1 = -t, d2 = t if -t (z1 - z2) + m >= 0, else 0
% @end group
% @end example
%
% @item @qcode{'pairwise_logistic'}
% RankNet's pairwise logistic loss, a smooth margin ranking loss; @var{Z}
% and @var{T} as for @qcode{'margin_ranking'}.  It equals
% @qcode{'bce_logits'} of @math{z1 - z2} with target @math{(t + 1) / 2}:
% @example
% @group
% l = log (1 + exp (-t (z1 - z2))) = softplus (-t (z1 - z2))
% d1 = -t s(-t (z1 - z2)),  d2 = -d1
% @end group
% @end example
% @end table
%
% Options of every loss:
%
% @table @asis
% @item @qcode{'reduction'}
% @qcode{'mean'} (the default), @qcode{'sum'} or @qcode{'none'}.  @qcode{'none'}
% returns @var{L} of @var{N} x @var{K} for elementwise losses and @var{N} x 1
% for the others, and @var{dZ} is then the gradient of
% @code{sum (@var{L}(:))}.  @qcode{'mean'} is PyTorch's: over all elements
% for elementwise losses, over observations for the others; it is NaN for
% @var{N} = 0.
%
% @item @qcode{'weights'}
% An @var{N} x 1 column @math{w} of weights >= 0, one per observation
% (default: all 1).  Each loss value of row @math{i} is multiplied by
% @math{w_i}; @qcode{'none'} returns the weighted values, @qcode{'sum'} their
% sum, and @qcode{'mean'} the weighted mean
% @example
% @group
% sum_i w_i l_i / sum_i w_i                  (per-observation losses)
% sum_i sum_j w_i l_ij / (K sum_i w_i)       (elementwise losses)
% @end group
% @end example
% @noindent
% which is the plain mean when all weights are equal, and NaN when they are
% all 0.  The gradient is scaled alike: row @math{i} of @var{dZ} is
% @math{w_i d} (divided by the same denominator for @qcode{'mean'}).
% @end table
%
% @strong{Likelihood-named losses.}  Most losses above are negative
% log-likelihoods (NLL) of the targets under a distribution whose
% parameters the network outputs; minimising them is maximum likelihood.
% Five names say so, each with its derivation.  They take @qcode{'reduction'}
% and @qcode{'weights'} as above, with @qcode{'mean'} over the elements of
% @var{T}.
%
% @table @asis
% @item @qcode{'bernoulli'}
% @math{t} in [0, 1] (a 0/1 outcome, or its probability) from a Bernoulli
% of probability @math{p = s(z)}: @math{P(t) = p^t (1 - p)^(1 - t)}, so
% @math{-log P = -t log s(z) - (1 - t) log (1 - s(z))}, which is
% @qcode{'bce_logits'} (its numbers, and its option @qcode{'pos_weight'}).
%
% @item @qcode{'categorical'}
% A class among @var{K} with probabilities @math{p = softmax(z)}:
% @math{-log P(class c) = -log p_c = logsumexp(z) - z_c}, which is
% @qcode{'ce'} (the same @var{T}, indices or probabilities, and
% @qcode{'label_smoothing'}); one value per row.
%
% @item @qcode{'gaussian'}
% @math{t} from a Gaussian of mean @math{z} and variance @math{v}:
% @math{-log p(t) = (log v + (t - z)^2 / v) / 2 + log (2 pi) / 2}.  With a
% fixed standard deviation (option @qcode{'sigma'}, > 0, default 1;
% @var{T} of the size of @var{Z}) and @math{v = sigma^2} it is
% @example
% @group
% l = (z - t)^2 / (2 sigma^2) + log (sigma) [+ log (2 pi) / 2]
% d = (z - t) / sigma^2
% @end group
% @end example
% @noindent
% so for sigma = 1: half the squared error, @qcode{'mse'} / 2, plus a
% constant.  @emph{Heteroscedastic}: with @var{Z} of 2 @var{C} columns for
% @var{T} of @var{C}, @var{Z} = [@var{mu}, @var{s}], the network predicting
% for each target its mean @math{mu} and the log of its variance
% @math{s = log v} (a free real output; @math{v = exp(s)}, sigma =
% @math{exp(s/2)}).  Then @var{L} with @qcode{'none'} is @var{N} x @var{C}
% and
% @example
% @group
% l = (s + (mu - t)^2 exp(-s)) / 2 [+ log (2 pi) / 2]
% dl/dmu = (mu - t) exp(-s),   dl/ds = (1 - (mu - t)^2 exp(-s)) / 2
% @end group
% @end example
% @noindent
% This is @code{torch.nn.GaussianNLLLoss} of @code{input = mu} and
% @code{var = exp(s)}, its options included: @qcode{'full'} (true or false,
% default false) adds the constant @math{log (2 pi) / 2}, and
% @qcode{'eps'} (> 0, default 1e-6) clamps the variance, @math{v = max
% (exp(s), eps)} (and @math{max (sigma^2, eps)}).  As PyTorch, the clamp
% is not differentiated: below @math{log (eps)} the value is constant in
% @math{s}, but @math{dl/ds} is @math{dl/dv} at @math{v = eps} times
% @math{exp(s)}, @math{(1/eps - (mu - t)^2/eps^2) exp(s) / 2}, what PyTorch's
% autograd gives through @code{var = exp(s)}.  Option @qcode{'sigma'} with
% the two-column shape is an error (@code{option}).
%
% @item @qcode{'laplace'}
% @math{t} from a Laplace distribution of location @math{z} and scale
% @math{b}: @math{-log p(t) = |t - z| / b + log (2 b)}.  Fixed scale
% (option @qcode{'scale'}, > 0, default 1):
% @example
% @group
% l = |z - t| / b + log (b) [+ log 2]     d = sign (z - t) / b
% @end group
% @end example
% @noindent
% so for b = 1 it is @qcode{'mae'}.  Learned scale: @var{Z} =
% [@var{mu}, @var{s}] of 2 @var{C} columns with @math{s = log b}:
% @example
% @group
% l = |mu - t| exp(-s) + s [+ log 2]
% dl/dmu = sign (mu - t) exp(-s),   dl/ds = 1 - |mu - t| exp(-s)
% @end group
% @end example
% @noindent
% @qcode{'full'} adds @math{log 2} and @qcode{'eps'} (default 1e-6) clamps
% the scale, @math{b = max (exp(s), eps)}, as for @qcode{'gaussian'}
% (PyTorch has no Laplace loss; the check is against
% @code{torch.distributions.Laplace}).
%
% @item @qcode{'poisson'}
% Counts @math{t >= 0} (finite; whole numbers are not required) from a
% Poisson of rate @math{lambda}: @math{-log P(t) = lambda - t log lambda +
% log (t!)}.  As @code{torch.nn.PoissonNLLLoss}: with @qcode{'log_input'}
% true (the default) @var{Z} is @math{log lambda}, else @math{lambda}
% itself (then @var{Z} >= 0), and @qcode{'eps'} (>= 0, default 1e-8) keeps
% the log finite:
% @example
% @group
% log_input:  l = exp(z) - t z                 d = exp(z) - t
% otherwise:  l = z - t log (z + eps)          d = 1 - t / (z + eps)
% @end group
% @end example
% @noindent
% @qcode{'full'} adds Stirling's approximation of @math{log (t!)},
% @math{t log t - t + log (2 pi t) / 2}, for @math{t > 1} (0 for @math{t <=
% 1}).
% @end table
%
% The others have likelihoods too: @qcode{'mse'} is twice the fixed-sigma
% Gaussian NLL less its constant, @qcode{'mae'} the Laplace one of b = 1,
% @qcode{'bce'} the Bernoulli of probability @math{z}, @qcode{'nll'} the
% categorical of log-probabilities @math{z}.
%
% @strong{Classes and errors.}  @var{Z} and @var{T} are full, real, 2-D and
% both single or both double; @var{L} and @var{dZ} have their class.  Errors
% have identifiers @code{nnlab:nn_loss:@var{what}}: @code{size} when @var{T} or
% a vector option has the wrong size for the loss (the message says the size
% expected), @code{domain} when an element of @var{T} (or of @var{Z} for
% @qcode{'bce'} and @qcode{'poisson'} with rates) is outside the loss's
% domain, @code{option} also for @qcode{'sigma'} or @qcode{'scale'} with
% the two-column (learned) shape, and @code{nargin},
% @code{nargout}, @code{class}, @code{mixedClass}, @code{sparse},
% @code{complex}, @code{name}, @code{option}, @code{optionValue} or
% @code{outOfMemory}.
%
% Example: the cross-entropy of two observations of three classes.
%
% @example
% @group
% Z = [2.0 0.5 -1.0; 0.1 0.2 3.0];   % logits
% T = [1; 3];                         % class indices
% [L, dZ] = nn_loss (Z, T, 'ce')      % mean loss; dZ = (softmax (Z) - onehot) / 2
% L = nn_loss (Z, T, 'ce', 'label_smoothing', 0.1, 'weights', [1; 3]);
% @end group
% @end example
%
% @seealso{nn_act, nn_dense, nn_step}
% @end deftypefn

%!test
%! Z = [2 0.5 -1; 0.1 0.2 3];  T = [1; 3];
%! P = exp (Z) ./ sum (exp (Z), 2);
%! [L, dZ] = nn_loss (Z, T, 'ce');
%! assert (L, -mean (log (P([1 6]))), 1e-15);
%! assert (dZ, (P - [1 0 0; 0 0 1]) / 2, 1e-15);

%!test
%! [L, dZ] = nn_loss ([1 2; 3 5], [1 1; 1 1], 'mse', 'reduction', 'none', 'weights', [1; 2]);
%! assert (L, [0 1; 8 32]);
%! assert (dZ, [0 2; 8 16]);

%!error id=nnlab:nn_loss:domain nn_loss (ones (2, 3), [1; 4], 'ce')
%!error id=nnlab:nn_loss:size nn_loss (ones (2, 3), ones (2, 2), 'mse')
