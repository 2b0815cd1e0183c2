% -*- texinfo -*-
% @deftypefn  {} {[@var{Y}, @var{M}] =} nn_dropout (@var{X}, @var{p})
% @deftypefnx {} {[@var{Y}, @var{M}] =} nn_dropout (@var{X}, @var{p}, 'seed', @var{s})
% @deftypefnx {} {@var{dX} =} nn_dropout (@var{X}, @var{p}, @var{dY}, @var{M})
% Inverted dropout (training mode), as @code{torch.nn.functional.dropout}.
%
% @strong{Forward.}  Each element of @var{X} is zeroed with probability
% @var{p}, independently of the others, and the elements kept are scaled by
% @math{1/(1-p)}, so that the expected value of every output equals its input:
%
% @example
% @group
% M(i) = 0          with probability p
% M(i) = 1/(1-p)    with probability 1-p
% Y = X .* M                             E[Y(i)] = X(i)
% @end group
% @end example
%
% @noindent
% The mask @var{M} returned as second output is this factor, not a logical
% array: it has the class and size of @var{X} and holds only 0 and
% @math{1/(1-p)}, so that @code{@var{Y} = @var{X} .* @var{M}} exactly.  The
% factor is computed as PyTorch does, @code{1 / (1-p)} in the class of
% @var{X} (for single: @code{single (1) / single (1-p)}).
%
% @strong{Backward.}  @code{@var{dX} = nn_dropout (@var{X}, @var{p}, @var{dY}, @var{M})}
% returns the gradient of the loss with respect to @var{X}, given the
% gradient @var{dY} with respect to @var{Y} and the mask @var{M} of the forward
% call:
%
% @example
% dX = dY .* M             (derivative: d Y(i) / d X(i) = M(i))
% @end example
%
% @noindent
% @var{X} is only checked there (class and size); @var{dY} and @var{M} must
% have its class and size, and every value of @var{M} must be 0 or
% @math{1/(1-p)} (within 4 eps, so a mask built as
% @code{single ((rand (size (X)) >= p) / (1-p))} passes too; for @var{p} = 0
% all must be 1, for @var{p} = 1 all 0); otherwise the error
% @code{nnlab:nn_dropout:mask} names the first bad element.
%
% @strong{The probability} @var{p} is a real single or double scalar from 0
% to 1 (default of PyTorch: 0.5; here it must be given).  @var{p} = 0 returns
% @var{X} unchanged and @var{M} all ones; @var{p} = 1 returns @code{@var{X} * 0}
% (zeros, and NaN where @var{X} is Inf or NaN, as PyTorch does) and @var{M}
% all zeros.
%
% @strong{Options.}  @code{'seed', @var{s}}: a whole number with
% @math{0 <= s < 2^53}.  The same seed, @var{p} and size of @var{X} give the
% same mask, in single and in double, on every platform.  Without a seed one
% is drawn from Octave's own generator with one call of @code{rand} (which
% advances it), @code{floor (rand * 2^53)}, so every call gets a new mask, and
% after @code{rand ('state', @var{k})} (or @code{rng (@var{k})} in MATLAB) the
% same sequence of masks comes again.  (This file draws the seed; its kernel,
% the MEX function @code{nn_dropout_mex}, always takes one.)
%
% @strong{The random numbers} are counter-based: element @var{i} (linear,
% column-major, from 0) is dropped when @math{u(i) < p}, where
% @math{u(i) = (h(i) >> 11) / 2^53} and
%
% @example
% @group
% key  = mix (s)
% h(i) = mix (key + (i+1) * 0x9E3779B97F4A7C15)    (mod 2^64)
% @end group
% @end example
%
% @noindent
% with @code{mix} the output function of SplitMix64 (Steele, Lea and Flood,
% 2014): this is SplitMix64 started at @var{key} and jumped to its
% (@var{i}+1)-th output.  The mask depends only on (@var{s}, @var{i},
% @var{p}), not on how the work is split.  The keep rate is
% @math{1 - ceil(p 2^53)/2^53}, that is @math{1-p} to within @math{2^-53}.
% The masks are not those of PyTorch, whose generator differs.
%
% All arrays are full, real and 2-D; the outputs have the class of @var{X}.
% Errors have identifiers @code{nnlab:nn_dropout:@var{what}} with @var{what} one
% of @code{nargin}, @code{nargout}, @code{class}, @code{sparse},
% @code{complex}, @code{mixedClass}, @code{size}, @code{domain} (@var{p}
% outside [0, 1]), @code{option}, @code{optionValue} (a bad seed), @code{mask}
% or @code{outOfMemory}.
%
% Example: dropout between two dense layers, forward and backward.
%
% @example
% @group
% X = randn (8, 5);  W1 = randn (4, 5);  W2 = randn (2, 4);
% H = nn_dense (X, W1);
% [D, M] = nn_dropout (H, 0.5, 'seed', 1);   % half the units off, rest x2
% Y = nn_dense (D, W2);
% dY = ones (size (Y));                        % gradient of sum (Y(:))
% dD = nn_dense (D, W2, [], dY);
% dH = nn_dropout (H, 0.5, dD, M);             % = dD .* M
% @end group
% @end example
%
% @seealso{nn_dense, nn_act, rand}
% @end deftypefn

function varargout = nn_dropout(varargin)
  % the forward call without options: one draw of rand gives its seed
  % ('seed' is the kernel's only option, so other calls go as they are)
  if nargin == 2
    varargin(3:4) = {'seed', floor(rand() * 2^53)};
  end
  [varargout{1:max(nargout, 1)}] = nn_dropout_mex(varargin{:});
end

%!test
%! [Y, M] = nn_dropout (ones (200, 50), 0.25, 'seed', 7);
%! assert (isequal (Y, M));
%! assert (all (M(:) == 0 | M(:) == 1 / 0.75));
%! assert (abs (mean (M(:) ~= 0) - 0.75) < 0.02);
%! assert (isequal (nn_dropout (ones (200, 50), 0.25, 'seed', 7), Y));

%!test
%! X = randn (30, 4);  dY = randn (30, 4);
%! [~, M] = nn_dropout (X, 0.5, 'seed', 3);
%! assert (isequal (nn_dropout (X, 0.5, dY, M), dY .* M));

%!assert (nn_dropout ([1 2; 3 4], 0), [1 2; 3 4])
%!assert (nn_dropout ([1 2; 3 4], 1), zeros (2))
%!error id=nnlab:nn_dropout:domain nn_dropout (ones (2), 1.5)
%!error id=nnlab:nn_dropout:optionValue nn_dropout (ones (2), 0.5, 'seed', -1)
