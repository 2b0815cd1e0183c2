% -*- texinfo -*-
% @deftypefn  {} {[@var{P}, @var{S}] =} nn_step (@var{P}, @var{G}, @var{S}, @var{METHOD})
% @deftypefnx {} {[@var{P}, @var{S}] =} nn_step (@var{P}, @var{G}, @var{S}, @var{METHOD}, @var{name}, @var{value}, @dots{})
% One optimizer step: update the parameter array @var{P} with its gradient
% @var{G}, as @code{torch.optim} does.
%
% @multitable {@var{METHOD}} {any size} {the state: @code{[]} before the first step, then the @var{S} of the previous call}
% @headitem Argument @tab Size @tab Meaning
% @item @var{P} @tab any 2-D @tab the parameter (a weight matrix, a bias vector, @dots{})
% @item @var{G} @tab as @var{P} @tab the gradient of the loss with respect to @var{P}
% @item @var{S} @tab struct @tab the state: @code{[]} before the first step, then the @var{S} of the previous call
% @item @var{METHOD} @tab string @tab @code{sgd}, @code{adagrad}, @code{rmsprop}, @code{adam}, @code{adamw} or @code{rprop}
% @end multitable
%
% @noindent
% Options are name/value pairs with @code{torch.optim}'s names (in any case)
% and defaults.  Give the same @var{METHOD} and options at every step of one
% parameter, and keep one state per parameter array.
%
% @strong{Notation.}  Below, @math{t} is the number of this step (1 at the
% first), @math{g} the gradient @var{G} (@math{-G} with @code{maximize}),
% @math{p} the parameter, and every operation acts element by element.  Where
% @code{weight_decay} @math{wd} is coupled (L2 regularisation, every method
% but adamw and rprop), @math{g} is first replaced by @math{g + wd p}.
%
% @strong{'sgd'}: stochastic gradient descent with momentum.
%
% @example
% @group
% b = g                            (t = 1)
% b = momentum*b + (1-dampening)*g (t > 1)
% d = g + momentum*b   if nesterov, else  d = b    (momentum > 0)
% d = g                                            (momentum = 0)
% p = p - lr*d
% @end group
% @end example
%
% @noindent
% Options: @code{lr} (1e-3), @code{momentum} (0), @code{dampening} (0),
% @code{nesterov} (false; needs momentum > 0 and dampening 0),
% @code{weight_decay} (0), @code{maximize} (false).  State:
% @code{momentum_buffer} (@math{b}, only when momentum is not 0).  The default
% lr is that of PyTorch 2.2 and later (PyTorch 1.13 has no default).
%
% @strong{'adagrad'}: per-element learning rates from the sum of squared
% gradients.
%
% @example
% @group
% sum = sum + g.^2                 (sum starts at initial_accumulator_value)
% p = p - lr/(1 + (t-1)*lr_decay) * g ./ (sqrt(sum) + eps)
% @end group
% @end example
%
% @noindent
% Options: @code{lr} (0.01), @code{lr_decay} (0), @code{weight_decay}
% (0), @code{initial_accumulator_value} (0), @code{eps} (1e-10),
% @code{maximize} (false).  State: @code{sum}.
%
% @strong{'rmsprop'}: gradients divided by a running root mean square.
%
% @example
% @group
% square_avg = alpha*square_avg + (1-alpha)*g.^2
% grad_avg   = alpha*grad_avg + (1-alpha)*g          (centered)
% d = sqrt(square_avg - grad_avg.^2) + eps           (centered)
% d = sqrt(square_avg) + eps                         (not centered)
% b = momentum*b + g./d,  p = p - lr*b               (momentum > 0)
% p = p - lr*g./d                                    (momentum = 0)
% @end group
% @end example
%
% @noindent
% Options: @code{lr} (0.01), @code{alpha} (0.99, in [0, 1]), @code{eps}
% (1e-8), @code{weight_decay} (0), @code{momentum} (0), @code{centered}
% (false), @code{maximize} (false).  State: @code{square_avg},
% @code{momentum_buffer} (momentum > 0), @code{grad_avg} (centered); all start
% at 0.  Where rounding makes the centered variance a hair below zero, it is
% taken as 0 (PyTorch would give NaN there).
%
% @strong{'adam'} and @strong{'adamw'}: adaptive moment estimation.
%
% @example
% @group
% p = p * (1 - lr*weight_decay)                      (adamw only: decoupled)
% exp_avg    = beta1*exp_avg + (1-beta1)*g
% exp_avg_sq = beta2*exp_avg_sq + (1-beta2)*g.^2
% v = max(max_exp_avg_sq, exp_avg_sq)  (amsgrad; stored as max_exp_avg_sq)
% v = exp_avg_sq                       (otherwise)
% p = p - lr/(1-beta1^t) * exp_avg ./ (sqrt(v)/sqrt(1-beta2^t) + eps)
% @end group
% @end example
%
% @noindent
% Options: @code{lr} (1e-3), @code{betas} ([0.9, 0.999], two numbers in
% [0, 1)), @code{eps} (1e-8), @code{weight_decay} (0 for adam, where it
% is added to @math{g}; 0.01 for adamw, where it shrinks @math{p} directly),
% @code{amsgrad} (false), @code{maximize} (false).  State: @code{exp_avg},
% @code{exp_avg_sq}, @code{max_exp_avg_sq} (amsgrad); all start at 0.
%
% @strong{'rprop'}: resilient backpropagation, which uses only the signs of
% the gradients.
%
% @example
% @group
% s = sign(g .* prev)
% step_size = step_size * etaplus    where s > 0
% step_size = step_size * etaminus   where s < 0, and there g = 0
% step_size = min(max(step_size, min_step), max_step)
% p = p - sign(g) .* step_size
% prev = g
% @end group
% @end example
%
% @noindent
% Options: @code{lr} (0.01, the first step size), @code{etas}
% ([etaminus, etaplus] = [0.5, 1.2], 0 < etaminus < 1 < etaplus),
% @code{step_sizes} ([min_step, max_step] = [1e-6, 50], 0 <= min <= max),
% @code{maximize} (false).  State: @code{prev} (starts at 0) and
% @code{step_size} (starts at lr).  Rprop is meant for full-batch gradients.
%
% @strong{The state.}  @var{S} is a plain struct that can be inspected, saved
% (@code{save -binary}, @code{-text}, @code{-v7}) and loaded to continue
% training exactly where it stopped.  Its fields are @code{method} (the
% @var{METHOD}), @code{step} (the number of steps taken) and one array per
% state buffer, of the size and class of @var{P}, named as in PyTorch's
% @code{optimizer.state}: @code{momentum_buffer}, @code{sum},
% @code{square_avg}, @code{grad_avg}, @code{exp_avg}, @code{exp_avg_sq},
% @code{max_exp_avg_sq}, @code{prev}, @code{step_size}.  Pass @code{[]} at the
% first step; the buffers then start as listed above.  @var{S} is checked
% strictly: it must come from the same @var{METHOD}, have exactly the buffers
% that the options call for (switching @code{momentum}, @code{centered} or
% @code{amsgrad} on or off changes them), and buffers of the size and class
% of @var{P}.  To change the method or those options, start again from
% @code{[]}.  Other options, such as @code{lr}, may change between steps (a
% learning-rate schedule).
%
% @strong{Classes and accuracy.}  @var{P} and @var{G} are full, real, 2-D and
% both single or both double; the results have that class.  The arithmetic
% follows @code{torch.optim} (PyTorch 1.13) operation by operation: after 100
% steps in double @var{P} agrees with PyTorch's within 1e-10 relative (in the
% tests, to rounding), and single precision agrees with double within 1e-4.
% @var{P}, @var{G} and @var{S} are never modified; new arrays are returned.
%
% Option values are checked as PyTorch's constructors do: @code{lr},
% @code{eps}, @code{weight_decay}, @code{momentum}, @code{lr_decay},
% @code{initial_accumulator_value} >= 0, finite numbers, flags true or false,
% two-element vectors for @code{betas}, @code{etas} and @code{step_sizes}.
% Errors have identifiers @code{nnlab:nn_step:@var{what}} with @var{what} one
% of @code{nargin}, @code{nargout}, @code{class}, @code{sparse},
% @code{complex}, @code{size}, @code{mixedClass}, @code{name} (unknown
% @var{METHOD}), @code{option} (an option @var{METHOD} does not have),
% @code{optionValue} (a value out of range), @code{state} (an @var{S} that does
% not fit) or @code{outOfMemory}.
%
% Example: a linear model under mean squared error, trained with Adam; one
% state per parameter array.
%
% @example
% @group
% X = randn (200, 3);  T = X * [1; -2; 0.5] + 0.3;
% W = zeros (1, 3);  b = 0;  SW = [];  Sb = [];
% for epoch = 1:500
%   Y = nn_dense (X, W, b);
%   [L, dY] = nn_loss (Y, T, 'mse');
%   [~, dW, db] = nn_dense (X, W, b, dY);
%   [W, SW] = nn_step (W, dW, SW, 'adam', 'lr', 0.05);
%   [b, Sb] = nn_step (b, db, Sb, 'adam', 'lr', 0.05);
% end
% SW            % method 'adam', step 500, exp_avg, exp_avg_sq
% save ('-binary', 'opt.mat', 'W', 'b', 'SW', 'Sb')   % to resume later
% @end group
% @end example
%
% @seealso{nn_dense, nn_loss, nn_act}
% @end deftypefn

%!test
%! % two Adam steps by hand; the state holds PyTorch's buffers
%! P = [1 -2; 3 0.5];  G = [0.5 -1; 0.25 2];
%! [P1, S] = nn_step (P, G, [], 'adam', 'lr', 0.1);
%! assert (P1, P - 0.1 * G ./ (abs (G) + 1e-8), 1e-14);
%! assert (S.method, 'adam');
%! assert (S.step, 1);
%! assert (S.exp_avg, 0.1 * G, 1e-15);
%! [P2, S] = nn_step (P1, G, S, 'adam', 'lr', 0.1);
%! assert (S.step, 2);
%! assert (P2, P1 - 0.1 * G ./ (abs (G) + 1e-8), 1e-14);

%!test
%! % rprop's step sizes start at lr; sgd's momentum buffer at the first gradient
%! [P, S] = nn_step (single ([1 2]), single ([3 -4]), [], 'rprop', 'lr', 0.5);
%! assert (P, single ([0.5 2.5]));
%! assert (S.step_size, single ([0.5 0.5]));
%! [P, S] = nn_step ([1 2], [3 -4], [], 'sgd', 'lr', 0.1, 'momentum', 0.9);
%! assert (S.momentum_buffer, [3 -4]);

%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'adam', 'betas', [0.9 1])
%!error id=nnlab:nn_step:state nn_step (1, 1, struct ('method', 'sgd', 'step', 1), 'adam')
