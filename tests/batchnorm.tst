%% Tests of nn_batchnorm: values, running statistics and gradients against
%% PyTorch's batch_norm (tests/data/batchnorm_cases.txt, written by
%% tests/data/gen_batchnorm.py), against a direct Octave implementation,
%% central finite differences in double in both modes, the state, empty
%% sizes, and every bad argument.

%!function f = bn_data_file (name)
%!  f = fullfile ('tests', 'data', name);
%!  if (! exist (f, 'file'))
%!    f = fullfile (fileparts (which ('nn_batchnorm')), '..', 'tests', 'data', name);
%!  end
%!endfunction

%!function [v, s] = bn_draws (s, count)
%!  % the Park-Miller values of tests/data/gen_conv.py: 24-bit, in [-1, 1)
%!  v = zeros (count, 1);
%!  for k = 1:count
%!    s = mod (16807 * s, 2147483647);
%!    v(k) = floor (s / 128) / 8388608 - 1;
%!  end
%!endfunction

%!function ok = bn_close (got, want, tol)
%!  got = double (got(:));  want = double (want(:));
%!  ok = numel (got) == numel (want) && ...
%!       all (got == want | abs (got - want) <= tol * max ([1; abs(want)]));
%!endfunction

%!function [Y, rm, rv, dX, dg, db] = bn_ref (X, g, b, rm, rv, training, mom, eps, dY)
%!  % the definition in Octave, in double; X is N x C (rows)
%!  m = rows (X);
%!  if (training)
%!    mu = mean (X, 1);  v = mean ((X - mu) .^ 2, 1);
%!    rm = (1 - mom) * rm + mom * mu.';
%!    rv = (1 - mom) * rv + mom * v.' * m / (m - 1);
%!  else
%!    mu = rm.';  v = rv.';
%!  end
%!  r = 1 ./ sqrt (v + eps);
%!  xh = (X - mu) .* r;
%!  Y = xh .* g.' + b.';
%!  db = sum (dY, 1).';  dg = sum (dY .* xh, 1).';
%!  if (training)
%!    dX = g.' .* r .* (dY - mean (dY, 1) - xh .* mean (dY .* xh, 1));
%!  else
%!    dX = g.' .* r .* dY;
%!  end
%!endfunction

%!function d = sz4 (a)
%!  d = [size(a), ones(1, 4 - ndims (a))];
%!endfunction

%!function r = ifelse_bn (c, a, b)
%!  if (c), r = a; else, r = b; end
%!endfunction

%% ---- values, running statistics and gradients equal PyTorch's ----
%!test
%! D = load (bn_data_file ('batchnorm_cases.txt'));
%! ncase = D(1);  k = 2;
%! assert (ncase >= 15);
%! for t = 1:ncase
%!   h = D(k:k+13).';  k += 14;
%!   [images, d1, d2, d3, d4, tr, mom, ep, affine, state, off, sc, cnt, seed] = num2cell (h){:};
%!   d = [d1 d2 d3 d4];  n = prod (d);
%!   if (images), C = d3; else, C = d2; end
%!   [vx, s] = bn_draws (seed, n);  [vd, s] = bn_draws (s, n);
%!   [vg, s] = bn_draws (s, C);  [vb, s] = bn_draws (s, C);
%!   [vm, s] = bn_draws (s, C);  vv = bn_draws (s, C);
%!   X = reshape (off + sc * vx, d);  dY = reshape (vd, d);
%!   for prec = 1:2
%!     if (prec == 1), cast_ = @double; tol = 1e-12; else, cast_ = @single; tol = 1e-5; end
%!     g = [];  b = [];
%!     if (affine >= 1), g = cast_ (1 + vg / 2); end
%!     if (affine == 1), b = cast_ (vb); end
%!     S = [];
%!     if (state), S = struct ('mean', cast_ (vm), 'var', cast_ (1 + vv), 'count', cnt); end
%!     opts = {'Training', tr == 1, 'Momentum', mom, 'Eps', ep};
%!     ref = cell (1, 6);
%!     for r = 1:6
%!       len = ifelse_bn (any (r == [1 4]), n, C);
%!       ref{r} = D(k:k+len-1);  k += len;
%!     end
%!     [Y, S1] = nn_batchnorm (cast_ (X), g, b, S, opts{:});
%!     [dX, dg, db] = nn_batchnorm (cast_ (X), g, b, S, cast_ (dY), opts{:});
%!     assert (class (Y), class (cast_ (1)));  assert (class (S1.mean), class (Y));
%!     assert (sz4 (Y), d);  assert (sz4 (dX), d);
%!     assert (size (S1.mean), [C 1]);  assert (size (dg), [C 1]);
%!     got = {Y, S1.mean, S1.var, dX, dg, db};
%!     % torch computes y = x*(gamma/sigma) + (beta - mu*gamma/sigma), which loses
%!     % |mu|/sigma units in the last place: that far from torch, and checked
%!     % against the definition on the shifted data (exact in double) instead
%!     far = 1 + abs (off) / sc;
%!     for r = 1:6
%!       if (! bn_close (got{r}, ref{r}, tol * ifelse_bn (any (r == [1 4 5]), far, 1)))
%!         error ('case %d (%s), output %d differs from torch by %g', t, class (Y), r, ...
%!                max (abs (double (got{r}(:)) - ref{r})));
%!       end
%!     end
%!     assert (S1.count, cnt + (tr == 1));
%!     if (off != 0 && prec == 1)
%!       P = ifelse_bn (images, [1 2 4 3], [1 2 3 4]);
%!       Xr = reshape (permute (X, P), [], C);  dYr = reshape (permute (dY, P), [], C);
%!       gg = g;  if (isempty (gg)), gg = ones (C, 1); end
%!       bb = b;  if (isempty (bb)), bb = zeros (C, 1); end
%!       [Yr, ~, ~, dXr, dgr] = bn_ref (Xr - off, gg, bb, vm - off, 1 + vv, tr, mom, ep, dYr);
%!       assert (bn_close (dg, dgr, 1e-12));
%!       assert (bn_close (reshape (permute (Y, P), [], C), Yr, 1e-12));
%!       assert (bn_close (reshape (permute (dX, P), [], C), dXr, 1e-12));
%!     end
%!   end
%! end
%! assert (k, numel (D) + 1);

%% ---- against the definition: rows and images, both modes and classes ----
%!test
%! randn ('state', 31);  rand ('state', 31);
%! for t = 1:40
%!   N = randi ([2 7]);  C = randi (4);  tr = rand < 0.6;
%!   X = 3 * randn (N, C) + randn (1, C);  dY = randn (N, C);
%!   g = randn (C, 1);  b = randn (C, 1);  rm = randn (C, 1);  rv = rand (C, 1) + 0.1;
%!   mom = rand;  ep = 10 ^ -randi ([2 6]);
%!   [Yr, rmr, rvr, dXr, dgr, dbr] = bn_ref (X, g, b, rm, rv, tr, mom, ep, dY);
%!   S = struct ('mean', rm, 'var', rv, 'count', 2);
%!   o = {'Training', tr, 'Momentum', mom, 'Eps', ep};
%!   [Y, S1] = nn_batchnorm (X, g, b, S, o{:});
%!   [dX, dg, db] = nn_batchnorm (X, g, b, S, dY, o{:});
%!   assert (bn_close (Y, Yr, 1e-13) && bn_close (S1.mean, rmr, 1e-13) && bn_close (S1.var, rvr, 1e-13));
%!   assert (bn_close (dX, dXr, 1e-12) && bn_close (dg, dgr, 1e-12) && bn_close (db, dbr, 1e-13));
%!   % the same numbers as images: channel c is the 1 x N image X(:, c).'
%!   H = 1;  Wd = N;
%!   Xi = reshape (X, [H, Wd, 1, C]);  Xi = permute (Xi, [1 2 4 3]);
%!   dYi = permute (reshape (dY, [H, Wd, 1, C]), [1 2 4 3]);
%!   Yi = nn_batchnorm (Xi, g, b, S, o{:}, 'Layout', 'images');
%!   assert (bn_close (permute (Yi, [1 2 4 3])(:), Y(:), 1e-14));
%!   dXi = nn_batchnorm (Xi, g, b, S, dYi, o{:}, 'Layout', 'images');
%!   assert (bn_close (permute (dXi, [1 2 4 3])(:), dX(:), 1e-14));
%!   % single against double
%!   Ss = struct ('mean', single (rm), 'var', single (rv), 'count', 2);
%!   Ys = nn_batchnorm (single (X), single (g), single (b), Ss, o{:});
%!   assert (bn_close (Ys, nn_batchnorm (double (single (X)), double (single (g)), ...
%!           double (single (b)), struct ('mean', double (single (rm)), 'var', ...
%!           double (single (rv)), 'count', 2), o{:}), 1e-5));
%! end

%% ---- central finite differences in double, both modes ----
%!function bn_fd (X, g, b, S, varargin)
%!  G = randn (size (X));
%!  [dX, dg, db] = nn_batchnorm (X, g, b, S, G, varargin{:});
%!  L = @(X, g, b) sum (G(:) .* reshape (nn_batchnorm (X, g, b, S, varargin{:}), [], 1));
%!  h = 1e-6;
%!  for i = 1:numel (X)
%!    E = zeros (size (X));  E(i) = h;
%!    assert (dX(i), (L (X + E, g, b) - L (X - E, g, b)) / (2 * h), 1e-7 * (1 + abs (dX(i))));
%!  end
%!  gg = g;  if (isempty (g)), gg = ones (size (dg)); end
%!  bb = b;  if (isempty (b)), bb = zeros (size (db)); end
%!  gg = gg(:);  bb = bb(:);
%!  for i = 1:numel (gg)
%!    E = zeros (size (gg));  E(i) = h;
%!    assert (dg(i), (L (X, gg + E, bb) - L (X, gg - E, bb)) / (2 * h), 1e-7 * (1 + abs (dg(i))));
%!    assert (db(i), (L (X, gg, bb + E) - L (X, gg, bb - E)) / (2 * h), 1e-7 * (1 + abs (db(i))));
%!  end
%!endfunction

%!test
%! randn ('state', 32);
%! S = struct ('mean', randn (3, 1), 'var', rand (3, 1) + 0.5, 'count', 0);
%! for tr = [true false]
%!   bn_fd (randn (6, 3), randn (3, 1), randn (3, 1), S, 'Training', tr);
%!   bn_fd (randn (2, 3), [], [], S, 'Training', tr, 'Eps', 1e-3);
%!   bn_fd (randn (3, 2, 3, 2), randn (3, 1), randn (1, 3), S, 'Training', tr);
%!   bn_fd (randn (1, 1, 3, 4), randn (3, 1), [], S, 'Training', tr, 'Momentum', 0.5);
%! end
%! bn_fd (randn (4, 4), [], [], [], 'Layout', 'images');
%! bn_fd (randn (5, 1), 2, 1, []);

%% ---- the state ----
%!test
%! X = [1 2; 3 6; 5 10];
%! [Y, S] = nn_batchnorm (X, [], [], []);
%! assert (fieldnames (S), {'mean'; 'var'; 'count'});
%! assert (S.mean, 0.1 * [3; 6], 1e-15);
%! assert (S.var, 0.9 + 0.1 * [4; 16], 1e-15);     % unbiased: var (X)
%! assert (S.count, 1);
%! assert (Y, (X - mean (X)) ./ sqrt (var (X, 1) + 1e-5), 1e-15);
%! % a second batch, momentum 0.5
%! [~, S2] = nn_batchnorm (2 * X, [], [], S, 'Momentum', 0.5);
%! assert (S2.mean, 0.5 * S.mean + 0.5 * [6; 12], 1e-14);
%! assert (S2.var, 0.5 * S.var + 0.5 * [16; 64], 1e-14);
%! assert (S2.count, 2);
%! % evaluation: S unchanged, running statistics used
%! [Ye, Se] = nn_batchnorm (X, [], [], S2, 'Training', false);
%! assert (isequal (Se, S2));
%! assert (Ye, (X - S2.mean.') ./ sqrt (S2.var.' + 1e-5), 1e-15);
%! % S = [] is the state mean 0, var 1, count 0
%! S0 = struct ('mean', [0; 0], 'var', [1; 1], 'count', 0);
%! [Ya, Sa] = nn_batchnorm (X, [], [], []);  [Yb, Sb] = nn_batchnorm (X, [], [], S0);
%! assert (isequal (Ya, Yb) && isequal (Sa, Sb));
%! [Ya, Sa] = nn_batchnorm (X, [], [], [], 'Training', false);
%! assert (isequal (Ya, X / sqrt (1 + 1e-5)) && isequal (Sa, S0));
%! % affine: gamma and beta; row vectors accepted
%! assert (nn_batchnorm (X, [2 3], [1 -1], []), Y .* [2 3] + [1 -1], 1e-14);
%! % backward in training mode ignores the values of S
%! dY = [1 0; 0 2; -1 1];
%! [a1, a2, a3] = nn_batchnorm (X, [2; 3], [], [], dY);
%! [c1, c2, c3] = nn_batchnorm (X, [2; 3], [], S2, dY);
%! assert (isequal (a1, c1) && isequal (a2, c2) && isequal (a3, c3));
%! % momentum 0 keeps the state's values; 1 takes the batch's
%! [~, Sk] = nn_batchnorm (X, [], [], S, 'Momentum', 0);
%! assert (isequal (Sk.mean, S.mean) && isequal (Sk.var, S.var) && Sk.count == 2);
%! [~, Sk] = nn_batchnorm (X, [], [], S, 'Momentum', 1);
%! assert (Sk.mean, mean (X).', 1e-15);  assert (Sk.var, var (X).', 1e-14);
%! % single state stays single
%! [Ys, Ss] = nn_batchnorm (single (X), [], [], []);
%! assert (class (Ys), 'single');  assert (class (Ss.var), 'single');  assert (class (Ss.count), 'double');
%! % numerically careful: a large mean and a small spread
%! Xo = 1e8 + [1; 2; 3; 4];
%! assert (nn_batchnorm (Xo, [], [], [], 'Eps', 1e-12), ([1; 2; 3; 4] - 2.5) / sqrt (1.25 + 1e-12), 1e-7);

%% ---- layouts ----
%!test
%! X = randn (3, 4);
%! % a 2-D X is N x C rows unless told 'images' (then one H x W image, one channel)
%! Yi = nn_batchnorm (X, [], [], [], 'Layout', 'images');
%! assert (Yi, (X - mean (X(:))) / sqrt (var (X(:), 1) + 1e-5), 1e-14);
%! assert (isequal (nn_batchnorm (X, [], [], []), nn_batchnorm (X, [], [], [], 'layout', 'ROWS')));
%! % a 3-D X is H x W x C with N = 1
%! X3 = randn (2, 3, 2);
%! Y3 = nn_batchnorm (X3, [], [], []);
%! for c = 1:2
%!   x = X3(:, :, c);
%!   assert (Y3(:, :, c), (x - mean (x(:))) / sqrt (var (x(:), 1) + 1e-5), 1e-14);
%! end

%% ---- empty sizes ----
%!test
%! for c = {'double', 'single'}
%!   [Y, S] = nn_batchnorm (zeros (0, 3, c{1}), [], [], []);
%!   assert (size (Y), [0 3]);  assert (class (Y), c{1});
%!   assert (S.mean, zeros (3, 1, c{1}));  assert (S.var, ones (3, 1, c{1}));  assert (S.count, 1);
%!   [dX, dg, db] = nn_batchnorm (zeros (0, 3, c{1}), [], [], [], zeros (0, 3, c{1}));
%!   assert (size (dX), [0 3]);  assert (dg, zeros (3, 1, c{1}));  assert (db, zeros (3, 1, c{1}));
%!   [Y, S] = nn_batchnorm (zeros (4, 0, c{1}), [], [], []);
%!   assert (size (Y), [4 0]);  assert (size (S.mean), [0 1]);
%!   assert (size (nn_batchnorm (zeros (2, 2, 3, 0, c{1}), ones (3, 1, c{1}), [], [])), [2 2 3 0]);
%! end
%! % empty in a huge dimension: nothing to allocate
%! assert (size (nn_batchnorm (zeros (2^40, 0), [], [], [])), [2^40, 0]);
%! % one value per channel is fine in evaluation mode
%! assert (nn_batchnorm ([1 2], [], [], [], 'Training', false), [1 2] / sqrt (1 + 1e-5), 1e-15);

%% ---- errors ----
%!error <more than one value per channel> nn_batchnorm ([1 2 3], [], [], [])
%!error id=nnlab:nn_batchnorm:size nn_batchnorm (ones (1, 1, 3), [], [], [])
%!error id=nnlab:nn_batchnorm:size nn_batchnorm ([1 2 3], [], [], [], ones (1, 3))
%!error id=nnlab:nn_batchnorm:nargin nn_batchnorm ()
%!error id=nnlab:nn_batchnorm:nargin nn_batchnorm (ones (2), [], [])
%!error id=nnlab:nn_batchnorm:nargout [a, b, c] = nn_batchnorm (ones (2), [], [], [])
%!error id=nnlab:nn_batchnorm:nargout [a, b, c, d] = nn_batchnorm (ones (2), [], [], [], ones (2))
%!error id=nnlab:nn_batchnorm:class nn_batchnorm (int8 (ones (2)), [], [], [])
%!error id=nnlab:nn_batchnorm:class nn_batchnorm (true (2), [], [], [])
%!error id=nnlab:nn_batchnorm:class nn_batchnorm ({1}, [], [], [])
%!error id=nnlab:nn_batchnorm:class nn_batchnorm (ones (2), int8 ([1 1]), [], [])
%!error id=nnlab:nn_batchnorm:class nn_batchnorm (ones (2), [], [], [], int8 (ones (2)))
%!error id=nnlab:nn_batchnorm:class nn_batchnorm (ones (2), [], [], [], true (2))
%!error id=nnlab:nn_batchnorm:complex nn_batchnorm (ones (2) * 1i, [], [], [])
%!error id=nnlab:nn_batchnorm:complex nn_batchnorm (ones (2), [1 1i], [], [])
%!error id=nnlab:nn_batchnorm:complex nn_batchnorm (ones (2), [], [], [], 1i * ones (2))
%!error id=nnlab:nn_batchnorm:sparse nn_batchnorm (sparse (ones (2)), [], [], [])
%!error id=nnlab:nn_batchnorm:sparse nn_batchnorm (ones (2), [], sparse ([1 1]), [])
%!error id=nnlab:nn_batchnorm:mixedClass nn_batchnorm (ones (2), single ([1 1]), [], [])
%!error id=nnlab:nn_batchnorm:mixedClass nn_batchnorm (single (ones (2)), [], [1 1], [])
%!error id=nnlab:nn_batchnorm:mixedClass nn_batchnorm (ones (2), [], [], [], single (ones (2)))
%!error id=nnlab:nn_batchnorm:size nn_batchnorm (ones (2), [1 1 1], [], [])
%!error id=nnlab:nn_batchnorm:size nn_batchnorm (ones (2), [], ones (2), [])
%!error id=nnlab:nn_batchnorm:size nn_batchnorm (ones (2, 2, 2, 2, 2), [], [], [])
%!error id=nnlab:nn_batchnorm:size nn_batchnorm (ones (2), [], [], [], ones (2, 3))
%!error id=nnlab:nn_batchnorm:size nn_batchnorm (ones (2, 2, 2), [], [], [], 'Layout', 'rows')
%!error <S must be \[\]> nn_batchnorm (ones (2), [], [], 1)
%!error id=nnlab:nn_batchnorm:state nn_batchnorm (ones (2), [], [], {1})
%!error id=nnlab:nn_batchnorm:state nn_batchnorm (ones (2), [], [], struct ('mean', {1, 2}))
%!error id=nnlab:nn_batchnorm:state nn_batchnorm (ones (2), [], [], struct ('mean', [0 0], 'var', [1 1]))
%!error id=nnlab:nn_batchnorm:state nn_batchnorm (ones (2), [], [], struct ('mean', [0 0], 'count', 0))
%!error <does not use> nn_batchnorm (ones (2), [], [], struct ('mean', [0 0], 'var', [1 1], 'count', 0, 'Mean', 1))
%!error id=nnlab:nn_batchnorm:state nn_batchnorm (ones (2), [], [], struct ('mean', [0 0 0], 'var', [1 1], 'count', 0))
%!error id=nnlab:nn_batchnorm:state nn_batchnorm (ones (2), [], [], struct ('mean', single ([0 0]), 'var', [1 1], 'count', 0))
%!error id=nnlab:nn_batchnorm:state nn_batchnorm (ones (2), [], [], struct ('mean', [0 0], 'var', [1 1i], 'count', 0))
%!error <variances> nn_batchnorm (ones (2), [], [], struct ('mean', [0 0], 'var', [1 -1], 'count', 0))
%!error id=nnlab:nn_batchnorm:state nn_batchnorm (ones (2), [], [], struct ('mean', [0 0], 'var', [1 1], 'count', -1))
%!error id=nnlab:nn_batchnorm:state nn_batchnorm (ones (2), [], [], struct ('mean', [0 0], 'var', [1 1], 'count', 1.5))
%!error id=nnlab:nn_batchnorm:state nn_batchnorm (ones (2), [], [], struct ('mean', [0 0], 'var', [1 1], 'count', int8 (1)))
%!error id=nnlab:nn_batchnorm:state nn_batchnorm (ones (2), [], [], struct ('mean', [0 0], 'var', [1 1], 'count', [1 2]))
%!error id=nnlab:nn_batchnorm:option nn_batchnorm (ones (2), [], [], [], 'Mode', 1)
%!error id=nnlab:nn_batchnorm:option nn_batchnorm (ones (2), [], [], [], 'Training')
%!error id=nnlab:nn_batchnorm:option nn_batchnorm (ones (2), [], [], [], 1, 'Training')
%!error id=nnlab:nn_batchnorm:optionValue nn_batchnorm (ones (2), [], [], [], 'Training', 2)
%!error id=nnlab:nn_batchnorm:optionValue nn_batchnorm (ones (2), [], [], [], 'Training', 'yes')
%!error id=nnlab:nn_batchnorm:optionValue nn_batchnorm (ones (2), [], [], [], 'Momentum', 1.5)
%!error id=nnlab:nn_batchnorm:optionValue nn_batchnorm (ones (2), [], [], [], 'Momentum', NaN)
%!error id=nnlab:nn_batchnorm:optionValue nn_batchnorm (ones (2), [], [], [], 'Momentum', [0.1 0.2])
%!error id=nnlab:nn_batchnorm:optionValue nn_batchnorm (ones (2), [], [], [], 'Eps', 0)
%!error id=nnlab:nn_batchnorm:optionValue nn_batchnorm (ones (2), [], [], [], 'Eps', Inf)
%!error id=nnlab:nn_batchnorm:optionValue nn_batchnorm (ones (2), [], [], [], 'Eps', 'small')
%!error id=nnlab:nn_batchnorm:optionValue nn_batchnorm (ones (2), [], [], [], 'Layout', 'columns')
%!error id=nnlab:nn_batchnorm:optionValue nn_batchnorm (ones (2), [], [], [], 'Layout', 1)
