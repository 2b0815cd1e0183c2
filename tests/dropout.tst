%% Tests of nn_dropout: mask statistics, reproducibility, edge values of p,
%% the backward product, finite differences, and every bad argument.

%% ---- the generator: masks of an independent implementation ----
%% (Python integers, the definition in the help; first 32 elements)
%!test
%! g = {0, 0.5, '10010001010111110101111011001110'
%!      1, 0.5, '10010100011110010110001101101010'
%!      42, 0.3, '10001000101110010001101111011001'
%!      2^53-1, 0.9, '00000100000000000000000010000000'};
%! for t = 1:rows (g)
%!   want = g{t, 3} == '1';
%!   [~, M] = nn_dropout (ones (1, 32), g{t, 2}, 'seed', g{t, 1});
%!   assert (M ~= 0, want);
%!   [~, M] = nn_dropout (ones (32, 1, 'single'), g{t, 2}, 'seed', g{t, 1});
%!   assert (M.' ~= 0, want);
%! end

%% the mask follows the linear (column-major) index, whatever the shape
%!test
%! [~, A] = nn_dropout (ones (20, 30), 0.5, 'seed', 9);
%! [~, B] = nn_dropout (ones (600, 1), 0.5, 'seed', 9);
%! [~, C] = nn_dropout (ones (1, 600), 0.5, 'seed', 9);
%! assert (isequal (A(:), B, C(:)));
%! [~, D] = nn_dropout (ones (10, 30), 0.5, 'seed', 9);
%! assert (isequal (D(:), A(1:300).'));

%% ---- statistics ----
%!test
%! % keep rate within 6 standard deviations of 1-p
%! n = 1e6;
%! for p = [0.001 0.05 0.3 0.5 0.9 0.999]
%!   [~, M] = nn_dropout (ones (1000, 1000), p, 'seed', round (p * 1000));
%!   rate = nnz (M) / n;
%!   assert (abs (rate - (1 - p)) < 6 * sqrt (p * (1 - p) / n));
%! end

%!test
%! % every column and every row keeps about 1-p of its elements
%! p = 0.3;  n = 1000;
%! [~, M] = nn_dropout (ones (n, n), p, 'seed', 5);
%! sd = sqrt (p * (1 - p) / n);
%! assert (all (abs (mean (M ~= 0, 1) - (1 - p)) < 6.5 * sd));
%! assert (all (abs (mean (M ~= 0, 2) - (1 - p)) < 6.5 * sd));
%! % neighbours are not correlated
%! K = double (M(:) ~= 0);
%! r = corr (K(1:end-1), K(2:end));
%! assert (abs (r) < 6 / sqrt (numel (K)));
%! r = corr (K(1:end-n), K(n+1:end));
%! assert (abs (r) < 6 / sqrt (numel (K)));

%!test
%! % the mean of Y is the mean of X
%! randn ('state', 1);
%! X = 3 + randn (1000, 500);
%! for p = [0.1 0.5 0.8]
%!   Y = nn_dropout (X, p, 'seed', 17);
%!   assert (abs (mean (Y(:)) - mean (X(:))) < 6 * std (Y(:)) / sqrt (numel (Y)));
%! end

%% ---- values: Y = X .* M, M is 0 or 1/(1-p) in the class of X ----
%!test
%! randn ('state', 2);
%! X = randn (50, 40);
%! for p = [0.1 0.25 1/3 0.5 0.7 0.99]
%!   [Y, M] = nn_dropout (X, p, 'seed', 3);
%!   assert (class (M), 'double');
%!   assert (isequal (Y, X .* M));
%!   assert (all (M(:) == 0 | M(:) == 1 / (1 - p)));
%!   [Ys, Ms] = nn_dropout (single (X), p, 'seed', 3);
%!   assert (class (Ys), 'single');  assert (class (Ms), 'single');
%!   assert (isequal (Ys, single (X) .* Ms));
%!   assert (all (Ms(:) == 0 | Ms(:) == single (1) / single (1 - p)));
%!   % the same mask in single and double
%!   assert (isequal (M ~= 0, Ms ~= 0));
%!   % Y alone is the same
%!   assert (isequal (nn_dropout (X, p, 'seed', 3), Y));
%! end

%% the kept factor is PyTorch's: torch 1.13 dropout of ones with this p keeps
%% 1.8296095132827759 in float32 (1 / (1-p) in float, one ulp below
%% single (1 / (1-p))) and 1.8296096079274056 in float64
%!test
%! p = 0.4534353144697316;
%! [~, Ms] = nn_dropout (ones (1, 100, 'single'), p, 'seed', 1);
%! [~, M] = nn_dropout (ones (1, 100), p, 'seed', 1);
%! assert (double (max (Ms)) == 1.8296095132827759);
%! assert (max (M) == 1.8296096079274056);
%! assert (max (Ms) ~= single (1 / (1 - p)));

%% p given as single is the same p
%!test
%! [Y1, M1] = nn_dropout (ones (30, 30), 0.5, 'seed', 1);
%! [Y2, M2] = nn_dropout (ones (30, 30), single (0.5), 'seed', 1);
%! assert (isequal (Y1, Y2) && isequal (M1, M2));

%% ---- seeds ----
%!test
%! X = randn (100, 100);
%! [Y1, M1] = nn_dropout (X, 0.5, 'seed', 123);
%! [Y2, M2] = nn_dropout (X, 0.5, 'seed', 123);
%! assert (isequal (Y1, Y2) && isequal (M1, M2));
%! [~, M3] = nn_dropout (X, 0.5, 'seed', 124);
%! assert (~isequal (M1, M3));
%! % two masks of different seeds agree on about half the elements
%! assert (abs (mean (M1(:) == M3(:)) - 0.5) < 6 * 0.5 / 100);
%! % the seed may be of any numeric class, the option name of any case
%! for s = {int32(123), uint64(123), single(123), int8(123)}
%!   [~, M] = nn_dropout (X, 0.5, 'seed', s{1});
%!   assert (isequal (M, M1));
%! end
%! [~, M] = nn_dropout (X, 0.5, 'SEED', 123);
%! assert (isequal (M, M1));
%! % the extreme seeds
%! [~, A] = nn_dropout (X, 0.5, 'seed', 0);
%! [~, B] = nn_dropout (X, 0.5, 'seed', 2^53 - 1);
%! assert (~isequal (A, B) && ~isequal (A, M1));

%!test
%! % without a seed: a new mask at every call, drawn from rand's state
%! X = ones (100, 100);
%! [~, A] = nn_dropout (X, 0.5);
%! [~, B] = nn_dropout (X, 0.5);
%! assert (~isequal (A, B));
%! rand ('state', 42);
%! [~, A] = nn_dropout (X, 0.5);
%! [~, B] = nn_dropout (X, 0.5);
%! r1 = rand ();
%! rand ('state', 42);
%! [~, C] = nn_dropout (X, 0.5);
%! [~, D] = nn_dropout (X, 0.5);
%! r2 = rand ();
%! assert (isequal (A, C) && isequal (B, D) && ~isequal (A, B));
%! assert (r1, r2);
%! % each call uses one draw of rand
%! rand ('state', 42);  rand ();  rand ();
%! assert (rand (), r1);

%% ---- p = 0 and p = 1 (as PyTorch) ----
%!test
%! X = [1 -Inf; NaN -0; 2.5 Inf];
%! for c = {'double', 'single'}
%!   Xc = cast (X, c{1});
%!   [Y, M] = nn_dropout (Xc, 0, 'seed', 1);
%!   assert (isequaln (Y, Xc));
%!   assert (M, ones (3, 2, c{1}));
%!   [Y, M] = nn_dropout (Xc, 1);
%!   assert (isequaln (Y, cast ([0 NaN; NaN 0; 0 NaN], c{1})));
%!   assert (M, zeros (3, 2, c{1}));
%!   assert (isequaln (Y, Xc .* M));
%! end
%! % for p < 1, dropped Inf and NaN give NaN as well (Y = X .* M)
%! [Y, M] = nn_dropout (Inf (100, 1), 0.5, 'seed', 4);
%! assert (all (isnan (Y(M == 0))) && all (Y(M ~= 0) == Inf));

%% ---- empty inputs ----
%!test
%! for c = {'double', 'single'}
%!   for sz = {[0 3], [3 0], [0 0]}
%!     X = zeros (sz{1}, c{1});
%!     [Y, M] = nn_dropout (X, 0.5, 'seed', 1);
%!     assert (size (Y), sz{1});  assert (size (M), sz{1});
%!     assert (class (Y), c{1});  assert (class (M), c{1});
%!     dX = nn_dropout (X, 0.5, X, X);
%!     assert (size (dX), sz{1});  assert (class (dX), c{1});
%!   end
%! end

%% ---- backward ----
%!test
%! randn ('state', 3);
%! X = randn (40, 25);  dY = randn (40, 25);
%! for p = [0 0.2 0.5 0.9 1]
%!   [~, M] = nn_dropout (X, p, 'seed', 8);
%!   dX = nn_dropout (X, p, dY, M);
%!   assert (isequal (dX, dY .* M));
%!   [~, Ms] = nn_dropout (single (X), p, 'seed', 8);
%!   dXs = nn_dropout (single (X), p, single (dY), Ms);
%!   assert (class (dXs), 'single');
%!   assert (isequal (dXs, single (dY) .* Ms));
%! end
%! % X only gives class and size
%! assert (isequal (nn_dropout (zeros (40, 25), 0.5, dY, 2 * (X > 0)), dY .* (2 * (X > 0))));

%!test
%! % a mask made by hand is accepted, also when rounded differently
%! p = 0.3;
%! X = rand (200, 200, 'single');
%! M = single ((rand (200, 200) >= p) / (1 - p));
%! assert (isequal (nn_dropout (X, p, X, M), X .* M));
%! M = (rand (200, 200) >= p) / (1 - p);
%! assert (isequal (nn_dropout (double (X), p, double (X), M), double (X) .* M));

%!test
%! % finite differences of L(X) = sum (G .* nn_dropout (X, p, 'seed', s)):
%! % with the seed fixed, the mask is fixed
%! randn ('state', 4);
%! X = randn (6, 5);  G = randn (6, 5);  p = 0.4;  s = 21;
%! [~, M] = nn_dropout (X, p, 'seed', s);
%! dX = nn_dropout (X, p, G, M);
%! L = @(X) sum (sum (G .* nn_dropout (X, p, 'seed', s)));
%! h = 1e-6;
%! for i = 1:numel (X)
%!   E = zeros (size (X));  E(i) = h;
%!   assert (dX(i), (L (X + E) - L (X - E)) / (2 * h), 1e-8);
%! end

%% ---- errors: counts ----
%!error id=nnlab:nn_dropout:nargin nn_dropout ()
%!error id=nnlab:nn_dropout:nargin nn_dropout (1)
%!error id=nnlab:nn_dropout:nargin nn_dropout (1, 0.5, 1)
%!error id=nnlab:nn_dropout:nargin nn_dropout (1, 0.5, 1, 1, 1)
%!error id=nnlab:nn_dropout:nargin nn_dropout (1, 0.5, 'seed', 1, 'seed', 2)
%!error id=nnlab:nn_dropout:nargout [a, b, c] = nn_dropout (1, 0.5)
%!error id=nnlab:nn_dropout:nargout [a, b] = nn_dropout (1, 0.5, 1, 2)

%% ---- errors: X ----
%!error id=nnlab:nn_dropout:class nn_dropout (int8 (1), 0.5)
%!error id=nnlab:nn_dropout:class nn_dropout (uint16 (1), 0.5)
%!error id=nnlab:nn_dropout:class nn_dropout (true, 0.5)
%!error id=nnlab:nn_dropout:class nn_dropout ('a', 0.5)
%!error id=nnlab:nn_dropout:class nn_dropout ({1}, 0.5)
%!error id=nnlab:nn_dropout:class nn_dropout (struct ('a', 1), 0.5)
%!error id=nnlab:nn_dropout:complex nn_dropout (1i, 0.5)
%!error id=nnlab:nn_dropout:sparse nn_dropout (sparse (1), 0.5)
%!error id=nnlab:nn_dropout:size nn_dropout (ones (2, 2, 2), 0.5)
%!error id=nnlab:nn_dropout:class nn_dropout (int8 (1), 0.5, 1, 1)

%% ---- errors: p ----
%!error id=nnlab:nn_dropout:class nn_dropout (1, int8 (0))
%!error id=nnlab:nn_dropout:class nn_dropout (1, true)
%!error id=nnlab:nn_dropout:class nn_dropout (1, 'a')
%!error id=nnlab:nn_dropout:class nn_dropout (1, {0.5})
%!error id=nnlab:nn_dropout:class nn_dropout (1, struct ('p', 0.5))
%!error id=nnlab:nn_dropout:sparse nn_dropout (1, sparse (0.5))
%!error id=nnlab:nn_dropout:complex nn_dropout (1, 0.5i)
%!error id=nnlab:nn_dropout:complex nn_dropout (1, complex (0.5, 0))
%!error id=nnlab:nn_dropout:size nn_dropout (1, [])
%!error id=nnlab:nn_dropout:size nn_dropout (1, [0.1 0.2])
%!error id=nnlab:nn_dropout:domain nn_dropout (1, -0.1)
%!error id=nnlab:nn_dropout:domain nn_dropout (1, 1.1)
%!error id=nnlab:nn_dropout:domain nn_dropout (1, 1 + eps)
%!error id=nnlab:nn_dropout:domain nn_dropout (1, NaN)
%!error id=nnlab:nn_dropout:domain nn_dropout (1, Inf)
%!error id=nnlab:nn_dropout:domain nn_dropout (1, -Inf)
%!error id=nnlab:nn_dropout:domain nn_dropout (1, single (NaN))
%!error id=nnlab:nn_dropout:domain nn_dropout (1, 2, 1, 1)
%!error <from 0 to 1> nn_dropout (1, 1.5)

%% ---- errors: options and seeds ----
%!error id=nnlab:nn_dropout:option nn_dropout (1, 0.5, 'seed')
%!error id=nnlab:nn_dropout:option nn_dropout (1, 0.5, 'sed', 1)
%!error id=nnlab:nn_dropout:option nn_dropout (1, 0.5, 'p', 1)
%!error id=nnlab:nn_dropout:option nn_dropout (1, 0.5, ['se'; 'ed'], 1)
%!error id=nnlab:nn_dropout:optionValue nn_dropout (1, 0.5, 'seed', -1)
%!error id=nnlab:nn_dropout:optionValue nn_dropout (1, 0.5, 'seed', 1.5)
%!error id=nnlab:nn_dropout:optionValue nn_dropout (1, 0.5, 'seed', 2^53)
%!error id=nnlab:nn_dropout:optionValue nn_dropout (1, 0.5, 'seed', 1e300)
%!error id=nnlab:nn_dropout:optionValue nn_dropout (1, 0.5, 'seed', NaN)
%!error id=nnlab:nn_dropout:optionValue nn_dropout (1, 0.5, 'seed', Inf)
%!error id=nnlab:nn_dropout:optionValue nn_dropout (1, 0.5, 'seed', -Inf)
%!error id=nnlab:nn_dropout:optionValue nn_dropout (1, 0.5, 'seed', [1 2])
%!error id=nnlab:nn_dropout:optionValue nn_dropout (1, 0.5, 'seed', [])
%!error id=nnlab:nn_dropout:optionValue nn_dropout (1, 0.5, 'seed', 'abc')
%!error id=nnlab:nn_dropout:optionValue nn_dropout (1, 0.5, 'seed', 1i)
%!error id=nnlab:nn_dropout:optionValue nn_dropout (1, 0.5, 'seed', {1})
%!error id=nnlab:nn_dropout:optionValue nn_dropout (1, 0.5, 'seed', struct ())
%!error id=nnlab:nn_dropout:optionValue nn_dropout (1, 0.5, 'seed', sparse (1))
%!error id=nnlab:nn_dropout:optionValue nn_dropout (1, 0.5, 'seed', int8 (-3))
%!error <whole number> nn_dropout (1, 0.5, 'seed', 0.5)

%% ---- errors: backward dY and M ----
%!error id=nnlab:nn_dropout:class nn_dropout (1, 0.5, int8 (1), 2)
%!error id=nnlab:nn_dropout:class nn_dropout (1, 0.5, true, 2)
%!error id=nnlab:nn_dropout:class nn_dropout (1, 0.5, {1}, 2)
%!error id=nnlab:nn_dropout:class nn_dropout (1, 0.5, struct (), 2)
%!error id=nnlab:nn_dropout:class nn_dropout (1, 0.5, 1, int8 (2))
%!error id=nnlab:nn_dropout:class nn_dropout (1, 0.5, 1, true)
%!error id=nnlab:nn_dropout:class nn_dropout (1, 0.5, 1, 'a')
%!error id=nnlab:nn_dropout:class nn_dropout (1, 0.5, 1, {2})
%!error id=nnlab:nn_dropout:complex nn_dropout (1, 0.5, 1i, 2)
%!error id=nnlab:nn_dropout:complex nn_dropout (1, 0.5, 1, 2i)
%!error id=nnlab:nn_dropout:sparse nn_dropout (1, 0.5, sparse (1), 2)
%!error id=nnlab:nn_dropout:sparse nn_dropout (1, 0.5, 1, sparse (2))
%!error id=nnlab:nn_dropout:mixedClass nn_dropout (1, 0.5, single (1), 2)
%!error id=nnlab:nn_dropout:mixedClass nn_dropout (1, 0.5, 1, single (2))
%!error id=nnlab:nn_dropout:mixedClass nn_dropout (single (1), 0.5, single (1), 2)
%!error id=nnlab:nn_dropout:size nn_dropout (ones (2, 3), 0.5, ones (3, 2), 2 * ones (2, 3))
%!error id=nnlab:nn_dropout:size nn_dropout (ones (2, 3), 0.5, ones (2, 3), 2 * ones (2, 2))
%!error id=nnlab:nn_dropout:size nn_dropout (ones (2, 3), 0.5, ones (2, 3), [])
%!error id=nnlab:nn_dropout:size nn_dropout (ones (2, 3), 0.5, ones (2, 3, 2), 2 * ones (2, 3))
%!error id=nnlab:nn_dropout:size nn_dropout (ones (2, 3), 0.5, ones (2, 3), 2 * ones (2, 3, 2))

%% ---- errors: mask values ----
%!error id=nnlab:nn_dropout:mask nn_dropout (ones (1, 3), 0.5, ones (1, 3), [2 1 0])
%!error id=nnlab:nn_dropout:mask nn_dropout (ones (1, 3), 0.5, ones (1, 3), [2 0 -2])
%!error id=nnlab:nn_dropout:mask nn_dropout (ones (1, 3), 0.5, ones (1, 3), [2 0 NaN])
%!error id=nnlab:nn_dropout:mask nn_dropout (ones (1, 3), 0.5, ones (1, 3), [2 0 Inf])
%!error id=nnlab:nn_dropout:mask nn_dropout (ones (1, 3), 0.5, ones (1, 3), [1 1 1])
%!error id=nnlab:nn_dropout:mask nn_dropout (ones (1, 3), 0.5, ones (1, 3), [2 2 2 + 1e-9])
%!error id=nnlab:nn_dropout:mask nn_dropout (ones (1, 3, 'single'), 0.5, ones (1, 3, 'single'), single ([2 0 2.001]))
%!error id=nnlab:nn_dropout:mask nn_dropout (ones (1, 3), 0, ones (1, 3), [1 0 1])
%!error id=nnlab:nn_dropout:mask nn_dropout (ones (1, 3), 1, ones (1, 3), [0 0 1])
%!error id=nnlab:nn_dropout:mask nn_dropout (ones (1, 5), 0.25, ones (1, 5), [0 0 1/0.75 0 2])
%!error <M\(3\) is 1> nn_dropout (ones (1, 4), 0.5, ones (1, 4), [2 0 1 5])
%!error <pass the M that the forward call> nn_dropout (ones (1, 2), 0.5, ones (1, 2), [2 3])
