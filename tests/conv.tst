%% Tests of nn_conv2d: values and gradients against PyTorch's
%% torch.nn.functional.conv2d (tests/data/conv2d_cases.txt, written by
%% tests/data/gen_conv.py), against a direct Octave implementation on a grid
%% of shapes and options, central finite differences in double, empty
%% sizes, and every bad argument.

%!function f = conv_data_file (name)
%!  f = fullfile ('tests', 'data', name);
%!  if (! exist (f, 'file'))
%!    f = fullfile (fileparts (which ('nn_conv2d')), '..', 'tests', 'data', name);
%!  end
%!  if (! exist (f, 'file'))
%!    f = fullfile (fileparts (mfilename ('fullpath')), 'data', name);
%!  end
%!endfunction

%!function [v, s] = conv_draws (s, count)
%!  % the Park-Miller values of tests/data/gen_conv.py: 24-bit, in [-1, 1)
%!  v = zeros (count, 1);
%!  for k = 1:count
%!    s = mod (16807 * s, 2147483647);
%!    v(k) = floor (s / 128) / 8388608 - 1;
%!  end
%!endfunction

%!function args = conv_opts (st, pd, dl, g, same)
%!  % the options in one of their accepted forms
%!  args = {};
%!  if (any (st != 1))
%!    args = [args, {'Stride', ifelse_(st(1) == st(2), st(1), st)}];
%!  end
%!  if (same)
%!    args = [args, {'padding', 'same'}];
%!  elseif (pd(1) == pd(2) && pd(3) == pd(4))
%!    args = [args, {'Padding', ifelse_(pd(1) == pd(3), pd(1), pd([1 3]))}];
%!  else
%!    args = [args, {'PADDING', pd}];
%!  end
%!  if (any (dl != 1))
%!    args = [args, {'Dilation', ifelse_(dl(1) == dl(2), dl(1), dl)}];
%!  end
%!  if (g != 1 || numel (args) == 0)
%!    args = [args, {'Groups', g}];
%!  end
%!endfunction

%!function r = ifelse_ (c, a, b)
%!  if (c), r = a; else, r = b; end
%!endfunction

%!function [Y, dX, dW, db] = conv_ref (X, W, b, dY, st, pd, dl, g)
%!  % the definition, tap by tap: Y(:,:,o,n) += X(rows, cols, c, n) * W(i,j,c,o)
%!  [H, Wd, C, N] = size (X);
%!  [kh, kw, Cg, Co] = size (W);
%!  Xp = zeros (H + pd(1) + pd(2), Wd + pd(3) + pd(4), C, N);
%!  Xp(pd(1) + (1:H), pd(3) + (1:Wd), :, :) = X;
%!  Ho = floor ((rows (Xp) - dl(1) * (kh - 1) - 1) / st(1)) + 1;
%!  Wo = floor ((columns (Xp) - dl(2) * (kw - 1) - 1) / st(2)) + 1;
%!  Y = zeros (Ho, Wo, Co, N);  dXp = zeros (size (Xp));  dW = zeros (kh, kw, Cg, Co);
%!  Cog = Co / g;
%!  for i = 1:kh
%!    for j = 1:kw
%!      r = (i - 1) * dl(1) + 1 + (0:Ho-1) * st(1);
%!      c = (j - 1) * dl(2) + 1 + (0:Wo-1) * st(2);
%!      for gr = 1:g
%!        ci = (gr - 1) * Cg + (1:Cg);  oi = (gr - 1) * Cog + (1:Cog);
%!        Wij = reshape (W(i, j, :, oi), Cg, Cog);
%!        for n = 1:N
%!          Xs = reshape (Xp(r, c, ci, n), Ho * Wo, Cg);
%!          Y(:, :, oi, n) += reshape (Xs * Wij, Ho, Wo, Cog);
%!          if (nargout > 1)
%!            D = reshape (dY(:, :, oi, n), Ho * Wo, Cog);
%!            dXp(r, c, ci, n) += reshape (D * Wij.', Ho, Wo, Cg);
%!            dW(i, j, :, oi) += reshape (Xs.' * D, 1, 1, Cg, Cog);
%!          end
%!        end
%!      end
%!    end
%!  end
%!  if (! isempty (b))
%!    Y += reshape (b, 1, 1, Co);
%!  end
%!  if (nargout > 1)
%!    dX = dXp(pd(1) + (1:H), pd(3) + (1:Wd), :, :);
%!    db = reshape (sum (sum (sum (dY, 1), 2), 4), Co, 1);
%!  end
%!endfunction

%!function d = sz4 (a)
%!  d = [size(a), ones(1, 4 - ndims (a))];
%!endfunction

%!function ok = conv_close (got, want, tol)
%!  % elementwise within tol of the largest reference value (and of 1)
%!  got = double (got(:));  want = double (want(:));
%!  ok = numel (got) == numel (want) && ...
%!       all (abs (got - want) <= tol * max ([1; abs(want)]));
%!endfunction

%% ---- values and gradients equal PyTorch's ----
%!test
%! D = load (conv_data_file ('conv2d_cases.txt'));
%! ncase = D(1);  k = 2;
%! assert (ncase >= 20);
%! for t = 1:ncase
%!   h = D(k:k+18).';  k += 19;
%!   [H, Wd, C, N, kh, kw, Co, g] = num2cell (h(1:8)){:};
%!   st = h(9:10);  dl = h(11:12);  pd = h(13:16);  hasb = h(17);  same = h(18);
%!   [vx, s] = conv_draws (h(19), H * Wd * C * N);
%!   [vw, s] = conv_draws (s, kh * kw * (C / g) * Co);
%!   if (hasb), [b, s] = conv_draws (s, Co); else, b = []; end
%!   Ho = floor ((H + pd(1) + pd(2) - dl(1) * (kh - 1) - 1) / st(1)) + 1;
%!   Wo = floor ((Wd + pd(3) + pd(4) - dl(2) * (kw - 1) - 1) / st(2)) + 1;
%!   vd = conv_draws (s, Ho * Wo * Co * N);
%!   X = reshape (vx, H, Wd, C, N);  W = reshape (vw, kh, kw, C / g, Co);
%!   dY = reshape (vd, Ho, Wo, Co, N);
%!   args = conv_opts (st, pd, dl, g, same);
%!   n = [Ho * Wo * Co * N, H * Wd * C * N, numel(W), Co];
%!   for prec = 1:2
%!     ref = cell (1, 4);
%!     for a = 1:4
%!       ref{a} = D(k:k+n(a)-1);  k += n(a);
%!     end
%!     if (prec == 1)
%!       cast_ = @double;  tol = 1e-12;
%!     else
%!       cast_ = @single;  tol = 1e-5;
%!     end
%!     Y = nn_conv2d (cast_ (X), cast_ (W), cast_ (b), args{:});
%!     [dX, dW, db] = nn_conv2d (cast_ (X), cast_ (W), cast_ (b), cast_ (dY), args{:});
%!     assert (class (Y), class (cast_ (1)));
%!     assert (sz4 (Y), [Ho, Wo, Co, N]);
%!     assert (sz4 (dX), [H, Wd, C, N]);
%!     assert (sz4 (dW), [kh, kw, C / g, Co]);
%!     assert (size (db), [Co, 1]);
%!     got = {Y, dX, dW, db};
%!     for a = 1:4
%!       if (! conv_close (got{a}, ref{a}, tol))
%!         error ('case %d (%s), output %d: off by %g', t, class (Y), a, ...
%!                max (abs (double (got{a}(:)) - ref{a})));
%!       end
%!     end
%!   end
%! end
%! assert (k, numel (D) + 1);

%% ---- a grid of shapes and options against the definition ----
%!test
%! randn ('state', 11);  rand ('state', 11);
%! for t = 1:150
%!   g = randi (3);  Cg = randi (3);  Cog = randi (3);
%!   C = g * Cg;  Co = g * Cog;  N = randi ([1 3]);
%!   kh = randi (4);  kw = randi (4);  st = randi (3, 1, 2);  dl = randi (2, 1, 2);
%!   pd = randi ([0 2], 1, 4);
%!   H = max (1, dl(1) * (kh - 1) + 1 - pd(1) - pd(2)) + randi ([0 5]);
%!   Wd = max (1, dl(2) * (kw - 1) + 1 - pd(3) - pd(4)) + randi ([0 5]);
%!   X = randn (H, Wd, C, N);  W = randn (kh, kw, Cg, Co);
%!   b = ifelse_ (rand < 0.7, randn (Co, 1), []);
%!   [Yr] = conv_ref (X, W, b, [], st, pd, dl, g);
%!   dY = randn (size (Yr, 1), size (Yr, 2), Co, N);
%!   [Yr, dXr, dWr, dbr] = conv_ref (X, W, b, dY, st, pd, dl, g);
%!   args = {'Stride', st, 'Padding', pd, 'Dilation', dl, 'Groups', g};
%!   Y = nn_conv2d (X, W, b, args{:});
%!   [dX, dW, db] = nn_conv2d (X, W, b, dY, args{:});
%!   assert (conv_close (Y, Yr, 1e-12));
%!   assert (conv_close (dX, dXr, 1e-12));
%!   assert (conv_close (dW, dWr, 1e-12));
%!   assert (conv_close (db, dbr, 1e-12));
%!   Ys = nn_conv2d (single (X), single (W), single (b), args{:});
%!   [dXs, dWs, dbs] = nn_conv2d (single (X), single (W), single (b), single (dY), args{:});
%!   assert (conv_close (Ys, Yr, 1e-5));
%!   assert (conv_close (dXs, dXr, 1e-5));
%!   assert (conv_close (dWs, dWr, 1e-5));
%!   assert (conv_close (dbs, dbr, 1e-5));
%! end

%% larger than one im2col block (8 MB): the blocks join up
%!test
%! randn ('state', 12);
%! X = randn (70, 66, 32, 2);  W = randn (3, 3, 32, 5);  b = randn (5, 1);
%! dY = randn (68, 33, 5, 2);
%! args = {'Stride', [1 2], 'Padding', [0 0 1 0]};
%! [Yr, dXr, dWr, dbr] = conv_ref (X, W, b, dY, [1 2], [0 0 1 0], [1 1], 1);
%! assert (conv_close (nn_conv2d (X, W, b, args{:}), Yr, 1e-12));
%! [dX, dW, db] = nn_conv2d (X, W, b, dY, args{:});
%! assert (conv_close (dX, dXr, 1e-12));
%! assert (conv_close (dW, dWr, 1e-11));
%! assert (conv_close (db, dbr, 1e-12));
%! Xs = single (repmat (X, 1, 2));  dYs = single (repmat (dY, 1, 2));
%! [Yr, dXr, dWr] = conv_ref (double (Xs), W, b, double (dYs), [1 2], [0 0 1 0], [1 1], 1);
%! assert (conv_close (nn_conv2d (Xs, single (W), single (b), args{:}), Yr, 1e-5));
%! [dX, dW] = nn_conv2d (Xs, single (W), single (b), dYs, args{:});
%! assert (conv_close (dX, dXr, 1e-5));
%! assert (conv_close (dW, dWr, 1e-5));

%% ---- central finite differences in double, every option ----
%!function conv_fd (X, W, b, varargin)
%!  G = randn (size (nn_conv2d (X, W, b, varargin{:})));
%!  [dX, dW, db] = nn_conv2d (X, W, b, G, varargin{:});
%!  L = @(X, W, b) sum (G(:) .* reshape (nn_conv2d (X, W, b, varargin{:}), [], 1));
%!  h = 1e-6;
%!  for i = 1:numel (X)
%!    E = zeros (size (X));  E(i) = h;
%!    assert (dX(i), (L (X + E, W, b) - L (X - E, W, b)) / (2 * h), 1e-7 * (1 + abs (dX(i))));
%!  end
%!  for i = 1:numel (W)
%!    E = zeros (size (W));  E(i) = h;
%!    assert (dW(i), (L (X, W + E, b) - L (X, W - E, b)) / (2 * h), 1e-7 * (1 + abs (dW(i))));
%!  end
%!  for i = 1:numel (b)
%!    E = zeros (size (b));  E(i) = h;
%!    assert (db(i), (L (X, W, b + E) - L (X, W, b - E)) / (2 * h), 1e-7 * (1 + abs (db(i))));
%!  end
%!endfunction

%!test
%! randn ('state', 13);
%! conv_fd (randn (5, 4, 2, 2), randn (3, 3, 2, 3), randn (3, 1));
%! conv_fd (randn (5, 4, 2, 2), randn (3, 3, 2, 3), randn (3, 1), 'Padding', 1);
%! conv_fd (randn (6, 5, 2, 1), randn (3, 2, 2, 2), randn (2, 1), 'Stride', [2 1], 'Padding', [1 0 2 1]);
%! conv_fd (randn (7, 6, 1, 2), randn (2, 3, 1, 2), [], 'Dilation', [2 1], 'Padding', 'same');
%! conv_fd (randn (5, 5, 4, 1), randn (3, 3, 2, 4), randn (4, 1), 'Groups', 2, 'Padding', 1);
%! conv_fd (randn (5, 5, 3, 2), randn (3, 3, 1, 3), randn (3, 1), 'Groups', 3, 'Stride', 2);
%! conv_fd (randn (4, 3, 3, 2), randn (1, 1, 3, 2), randn (2, 1));
%! conv_fd (randn (3, 3, 1, 1), randn (3, 3, 1, 1), randn (1, 1));
%! conv_fd (randn (2, 3, 2, 1), randn (4, 4, 2, 1), randn (1, 1), 'Padding', 2, 'Stride', 3);

%% ---- the option forms ----
%!test
%! randn ('state', 14);
%! X = randn (6, 7, 2, 2);  W = randn (3, 3, 2, 3);  b = randn (3, 1);
%! Y = nn_conv2d (X, W, b, 'Padding', 1);
%! assert (isequal (Y, nn_conv2d (X, W, b, 'padding', [1 1])));
%! assert (isequal (Y, nn_conv2d (X, W, b, 'PADDING', [1 1 1 1])));
%! assert (isequal (Y, nn_conv2d (X, W, b, 'Padding', 'same')));
%! assert (isequal (Y, nn_conv2d (X, W, b, 'Padding', 'SAME')));
%! assert (isequal (Y, nn_conv2d (X, W, b, 'Padding', int8 (1), 'Stride', 1, 'Dilation', [1 1], 'Groups', 1)));
%! assert (isequal (nn_conv2d (X, W, b), nn_conv2d (X, W, b, 'Padding', 'valid')));
%! assert (isequal (nn_conv2d (X, W, b, 'Stride', 2), nn_conv2d (X, W, b, 'Stride', [2 2])));
%! assert (isequal (nn_conv2d (X, W, b, 'Dilation', 2), nn_conv2d (X, W, b, 'Dilation', [2 2])));
%! % the last of a repeated option counts
%! assert (isequal (Y, nn_conv2d (X, W, b, 'Padding', 3, 'Padding', 1)));
%! % [] and zeros as the bias give the same output; the bias gradient is the sum of dY
%! assert (isequal (nn_conv2d (X, W, []), nn_conv2d (X, W, zeros (3, 1))));
%! assert (isequal (nn_conv2d (X, W), nn_conv2d (X, W, [])));
%! assert (isequal (nn_conv2d (X, W, b.'), nn_conv2d (X, W, b)));
%! dY = randn (size (Y));
%! [dX1, dW1, db1] = nn_conv2d (X, W, [], dY, 'Padding', 1);
%! [dX2, dW2, db2] = nn_conv2d (X, W, b, dY, 'Padding', 1);
%! assert (isequal (dX1, dX2) && isequal (dW1, dW2) && isequal (db1, db2));
%! assert (db1, reshape (sum (sum (sum (dY, 1), 2), 4), 3, 1), 1e-12);
%! % fewer outputs
%! assert (isequal (nn_conv2d (X, W, b, dY, 'Padding', 1), dX1));
%! [a, c] = nn_conv2d (X, W, b, dY, 'Padding', 1);
%! assert (isequal (a, dX1) && isequal (c, dW1));

%% cross-correlation, not convolution: a shifted delta kernel shifts the image
%!test
%! X = reshape (1:20, 4, 5);
%! W = zeros (3, 3);  W(1, 2) = 1;      % the pixel above
%! Y = nn_conv2d (X, W, [], 'Padding', 1);
%! assert (Y, [zeros(1, 5); X(1:3, :)]);
%! assert (nn_conv2d (X, ones (2, 2)), conv2 (X, ones (2, 2), 'valid'));
%! assert (nn_conv2d (X, [1 2; 3 4]), conv2 (X, [4 3; 2 1], 'valid'));

%% translation equivariance (away from the border)
%!test
%! randn ('state', 15);
%! X = randn (12, 12, 2);  W = randn (3, 3, 2, 4);
%! Xs = circshift (X, [2 3]);
%! Y = nn_conv2d (X, W, [], 'Padding', 'same');  Ys = nn_conv2d (Xs, W, [], 'Padding', 'same');
%! assert (Ys(5:end-1, 6:end-1, :), Y(3:end-3, 3:end-4, :), 1e-12);

%% ---- empty sizes ----
%!test
%! for c = {'double', 'single'}
%!   W = ones (3, 3, 2, 4, c{1});  b = cast ((1:4).', c{1});
%!   % N = 0
%!   Y = nn_conv2d (zeros (5, 5, 2, 0, c{1}), W, b);
%!   assert (size (Y), [3 3 4 0]);  assert (class (Y), c{1});
%!   [dX, dW, db] = nn_conv2d (zeros (5, 5, 2, 0, c{1}), W, b, zeros (3, 3, 4, 0, c{1}));
%!   assert (size (dX), [5 5 2 0]);
%!   assert (dW, zeros (3, 3, 2, 4, c{1}));
%!   assert (db, zeros (4, 1, c{1}));
%!   % C = 0: the output is the bias
%!   Y = nn_conv2d (zeros (5, 5, 0, 2, c{1}), zeros (3, 3, 0, 4, c{1}), b, 'Padding', 1);
%!   assert (Y, repmat (reshape (b, 1, 1, 4), [5 5 1 2]));
%!   [dX, dW, db] = nn_conv2d (zeros (5, 5, 0, 2, c{1}), zeros (3, 3, 0, 4, c{1}), b, ...
%!                             ones (3, 3, 4, 2, c{1}));
%!   assert (size (dX), [5 5 0 2]);  assert (size (dW), [3 3 0 4]);
%!   assert (db, 18 * ones (4, 1, c{1}));
%!   % Cout = 0
%!   Y = nn_conv2d (ones (5, 5, 2, 2, c{1}), zeros (3, 3, 2, 0, c{1}), []);
%!   assert (size (Y), [3 3 0 2]);
%!   [dX, dW, db] = nn_conv2d (ones (5, 5, 2, 2, c{1}), zeros (3, 3, 2, 0, c{1}), [], ...
%!                             zeros (3, 3, 0, 2, c{1}));
%!   assert (dX, zeros (5, 5, 2, 2, c{1}));
%!   assert (size (dW), [3 3 2 0]);  assert (size (db), [0 1]);
%!   % 1x1 kernel with Cout = 0 and groups
%!   [dX, dW] = nn_conv2d (ones (2, 2, 2, 1, c{1}), zeros (1, 1, 1, 0, c{1}), [], ...
%!                         zeros (2, 2, 0, 1, c{1}), 'Groups', 2);
%!   assert (dX, zeros (2, 2, 2, c{1}));
%! end

%% Inf and NaN propagate
%!test
%! Y = nn_conv2d ([1 NaN; 1 1], ones (2), 0);
%! assert (isnan (Y));
%! assert (nn_conv2d ([Inf 1; 1 1], ones (2)), Inf);

%% ---- errors: counts ----
%!error id=nnlab:nn_conv2d:nargin nn_conv2d ()
%!error id=nnlab:nn_conv2d:nargin nn_conv2d (1)
%!error id=nnlab:nn_conv2d:nargin nn_conv2d (1, 1, 1, 1, repmat ({'Stride', 1}, 1, 33){:})
%!error id=nnlab:nn_conv2d:nargout [a, b] = nn_conv2d (1, 1)
%!error id=nnlab:nn_conv2d:nargout [a, b] = nn_conv2d (1, 1, 1, 'Stride', 1)
%!error id=nnlab:nn_conv2d:nargout [a, b, c, d] = nn_conv2d (1, 1, 1, 1)

%% ---- errors: classes ----
%!error id=nnlab:nn_conv2d:class nn_conv2d (int8 (1), 1)
%!error id=nnlab:nn_conv2d:class nn_conv2d (true, 1)
%!error id=nnlab:nn_conv2d:class nn_conv2d ('a', 1)
%!error id=nnlab:nn_conv2d:class nn_conv2d ({1}, 1)
%!error id=nnlab:nn_conv2d:class nn_conv2d (struct ('a', 1), 1)
%!error id=nnlab:nn_conv2d:class nn_conv2d (@sin, 1)
%!error id=nnlab:nn_conv2d:class nn_conv2d (1, uint8 (1))
%!error id=nnlab:nn_conv2d:class nn_conv2d (1, false)
%!error id=nnlab:nn_conv2d:class nn_conv2d (1, {1})
%!error id=nnlab:nn_conv2d:class nn_conv2d (1, 1, int16 (1))
%!error id=nnlab:nn_conv2d:class nn_conv2d (1, 1, true)
%!error id=nnlab:nn_conv2d:class nn_conv2d (1, 1, {1})
%!error id=nnlab:nn_conv2d:class nn_conv2d (1, 1, 'Stride', 1)
%!error id=nnlab:nn_conv2d:class nn_conv2d (1, 1, 1, int8 (1))
%!error id=nnlab:nn_conv2d:class nn_conv2d (1, 1, 1, true)
%!error id=nnlab:nn_conv2d:class nn_conv2d (1, 1, 1, {1})
%!error id=nnlab:nn_conv2d:class nn_conv2d (1, 1, 1, struct ())
%!error <before the options> nn_conv2d (1, 1, 'Stride', 1)

%% ---- errors: complex, sparse, mixed classes ----
%!error id=nnlab:nn_conv2d:complex nn_conv2d (1i, 1)
%!error id=nnlab:nn_conv2d:complex nn_conv2d (1, complex (1, 0))
%!error id=nnlab:nn_conv2d:complex nn_conv2d (1, 1, 1i)
%!error id=nnlab:nn_conv2d:complex nn_conv2d (1, 1, 1, 1i)
%!error id=nnlab:nn_conv2d:sparse nn_conv2d (sparse (1), 1)
%!error id=nnlab:nn_conv2d:sparse nn_conv2d (1, sparse (1))
%!error id=nnlab:nn_conv2d:sparse nn_conv2d (1, 1, sparse (1))
%!error id=nnlab:nn_conv2d:sparse nn_conv2d (1, 1, 1, sparse (1))
%!error id=nnlab:nn_conv2d:mixedClass nn_conv2d (single (1), 1)
%!error id=nnlab:nn_conv2d:mixedClass nn_conv2d (1, single (1))
%!error id=nnlab:nn_conv2d:mixedClass nn_conv2d (1, 1, single (1))
%!error id=nnlab:nn_conv2d:mixedClass nn_conv2d (1, 1, 1, single (1))
%!error id=nnlab:nn_conv2d:mixedClass nn_conv2d (single (1), single (1), [], 1)

%% ---- errors: sizes ----
%!error id=nnlab:nn_conv2d:size nn_conv2d (ones (3, 3, 1, 1, 2), ones (2, 2))
%!error id=nnlab:nn_conv2d:size nn_conv2d (ones (3, 3), ones (2, 2, 1, 1, 2))
%!error id=nnlab:nn_conv2d:size nn_conv2d (ones (3, 3), ones (2, 2), ones (1, 1, 2))
%!error id=nnlab:nn_conv2d:size nn_conv2d (ones (3, 3, 2), ones (2, 2, 3, 4))
%!error id=nnlab:nn_conv2d:size nn_conv2d (ones (3, 3, 2), ones (2, 2, 1, 4))
%!error id=nnlab:nn_conv2d:size nn_conv2d (ones (3, 3, 2), ones (2, 2, 2, 4), ones (3, 1))
%!error id=nnlab:nn_conv2d:size nn_conv2d (ones (3, 3, 2), ones (2, 2, 2, 4), ones (2, 2))
%!error id=nnlab:nn_conv2d:size nn_conv2d (ones (3, 3, 2), ones (2, 2, 2, 4), zeros (0, 1))
%!error id=nnlab:nn_conv2d:size nn_conv2d (ones (3, 3), zeros (0, 2))
%!error id=nnlab:nn_conv2d:size nn_conv2d (ones (3, 3), zeros (2, 0))
%!error id=nnlab:nn_conv2d:size nn_conv2d (ones (3, 3), ones (4, 4))
%!error id=nnlab:nn_conv2d:size nn_conv2d (ones (3, 3), ones (2, 2), [], 'Dilation', 3)
%!error id=nnlab:nn_conv2d:size nn_conv2d (zeros (0, 3), ones (1, 1))
%!error id=nnlab:nn_conv2d:size nn_conv2d (ones (3, 3, 3), ones (2, 2, 1, 3), [], 'Groups', 2)
%!error id=nnlab:nn_conv2d:size nn_conv2d (ones (3, 3, 4), ones (2, 2, 2, 3), [], 'Groups', 2)
%!error id=nnlab:nn_conv2d:size nn_conv2d (ones (3, 3, 4), ones (2, 2, 4, 2), [], 'Groups', 2)
%!error id=nnlab:nn_conv2d:size nn_conv2d (ones (3, 3), ones (2, 2), [], ones (3, 3))
%!error id=nnlab:nn_conv2d:size nn_conv2d (ones (3, 3), ones (2, 2), [], [])
%!error id=nnlab:nn_conv2d:size nn_conv2d (ones (3, 3, 1, 2), ones (2, 2), [], ones (2, 2))
%!error id=nnlab:nn_conv2d:size nn_conv2d (ones (3, 3), ones (2, 2, 1, 2), [], ones (2, 2))
%!error id=nnlab:nn_conv2d:size nn_conv2d (ones (3, 3), ones (2, 2), [], ones (2, 2), 'Padding', 1)
%!error <dY must be 2x2x1x1> nn_conv2d (ones (3, 3), ones (2, 2), [], ones (3, 3))
%!error <smaller than the dilated kernel> nn_conv2d (ones (3, 3), ones (4, 4))
%!error <groups must divide> nn_conv2d (ones (3, 3, 3), ones (2, 2, 1, 3), [], 'Groups', 2)
%!error <Cin = C/groups = 2> nn_conv2d (ones (3, 3, 4), ones (2, 2, 4, 2), [], 'Groups', 2)
%!error <b must be a vector of 4 elements> nn_conv2d (ones (3, 3, 2), ones (2, 2, 2, 4), ones (3, 1))

%% ---- errors: options ----
%!error id=nnlab:nn_conv2d:option nn_conv2d (1, 1, [], 'Strides', 1)
%!error id=nnlab:nn_conv2d:option nn_conv2d (1, 1, [], 'Stride')
%!error id=nnlab:nn_conv2d:option nn_conv2d (1, 1, [], 1, 'Stride')
%!error id=nnlab:nn_conv2d:option nn_conv2d (1, 1, [], 1, 2, 1)
%!error id=nnlab:nn_conv2d:option nn_conv2d (1, 1, [], 'Stride', 1, 'pad', 1)
%!error id=nnlab:nn_conv2d:optionValue nn_conv2d (1, 1, [], 'Stride', 0)
%!error id=nnlab:nn_conv2d:optionValue nn_conv2d (1, 1, [], 'Stride', -1)
%!error id=nnlab:nn_conv2d:optionValue nn_conv2d (1, 1, [], 'Stride', 1.5)
%!error id=nnlab:nn_conv2d:optionValue nn_conv2d (1, 1, [], 'Stride', NaN)
%!error id=nnlab:nn_conv2d:optionValue nn_conv2d (1, 1, [], 'Stride', Inf)
%!error id=nnlab:nn_conv2d:optionValue nn_conv2d (1, 1, [], 'Stride', [1 2 3])
%!error id=nnlab:nn_conv2d:optionValue nn_conv2d (1, 1, [], 'Stride', [])
%!error id=nnlab:nn_conv2d:optionValue nn_conv2d (1, 1, [], 'Stride', 2^31)
%!error id=nnlab:nn_conv2d:optionValue nn_conv2d (1, 1, [], 'Stride', 'same')
%!error id=nnlab:nn_conv2d:optionValue nn_conv2d (1, 1, [], 'Stride', {1})
%!error id=nnlab:nn_conv2d:optionValue nn_conv2d (1, 1, [], 'Dilation', 0)
%!error id=nnlab:nn_conv2d:optionValue nn_conv2d (1, 1, [], 'Dilation', [1 2 3 4])
%!error id=nnlab:nn_conv2d:optionValue nn_conv2d (1, 1, [], 'Padding', -1)
%!error id=nnlab:nn_conv2d:optionValue nn_conv2d (1, 1, [], 'Padding', 0.5)
%!error id=nnlab:nn_conv2d:optionValue nn_conv2d (1, 1, [], 'Padding', [1 2 3])
%!error id=nnlab:nn_conv2d:optionValue nn_conv2d (1, 1, [], 'Padding', [0 0 0 -1])
%!error id=nnlab:nn_conv2d:optionValue nn_conv2d (1, 1, [], 'Padding', 'full')
%!error id=nnlab:nn_conv2d:optionValue nn_conv2d (1, 1, [], 'Padding', ['sa'; 'me'])
%!error id=nnlab:nn_conv2d:optionValue nn_conv2d (1, 1, [], 'Padding', 1i)
%!error id=nnlab:nn_conv2d:optionValue nn_conv2d (1, 1, [], 'Groups', 0)
%!error id=nnlab:nn_conv2d:optionValue nn_conv2d (1, 1, [], 'Groups', 2.5)
%!error id=nnlab:nn_conv2d:optionValue nn_conv2d (1, 1, [], 'Groups', [1 1])
%!error id=nnlab:nn_conv2d:optionValue nn_conv2d (ones (5), ones (3), [], 'Padding', 'same', 'Stride', 2)
%!error id=nnlab:nn_conv2d:optionValue nn_conv2d (ones (5), ones (3), [], 'Stride', [1 2], 'Padding', 'same')
%!error <needs stride 1> nn_conv2d (ones (5), ones (3), [], 'Padding', 'same', 'Stride', 2)
%!error <has no option 'strides'> nn_conv2d (1, 1, [], 'Strides', 1)

%% ---- errors: too large ----
%!error id=nnlab:nn_conv2d:tooLarge nn_conv2d (1, 1, [], 'Padding', 2^31 - 1)
%!error id=nnlab:nn_conv2d:outOfMemory nn_conv2d (1, zeros (1, 1, 1, 1e4), [], 'Padding', 1e5)
%!error id=nnlab:nn_conv2d:outOfMemory nn_conv2d (single (1), zeros (1, 1, 1, 1e4, 'single'), [], 'Padding', 1e5)
%!test
%! % empty in a huge dimension: nothing to allocate, no error
%! Y = nn_conv2d (zeros (2^40, 1, 1, 0), zeros (1, 1, 1, 2), [1; 2]);
%! assert (size (Y), [2^40, 1, 2, 0]);
%! [dX, dW, db] = nn_conv2d (zeros (2^40, 1, 1, 0), zeros (1, 1, 1, 2), [1; 2], zeros (2^40, 1, 2, 0));
%! assert (size (dX), [2^40, 1, 1, 0]);  assert (dW, zeros (1, 1, 1, 2));  assert (db, [0; 0]);

## 'InputGradient', false: dW and db as with dX, and dX empty
%!test
%! X = randn (6, 5, 3, 2); W = randn (3, 2, 3, 4); b = randn (4, 1);
%! dY = randn (size (nn_conv2d (X, W, b, 'Padding', 1)));
%! [dX, dW, db] = nn_conv2d (X, W, b, dY, 'Padding', 1);
%! [dX2, dW2, db2] = nn_conv2d (X, W, b, dY, 'Padding', 1, 'InputGradient', false);
%! assert (isempty (dX2)); assert (isequal (dW2, dW)); assert (isequal (db2, db));
%! [~, dWs] = nn_conv2d (single (X), single (W), single (b), single (dY), 'Padding', 1);
%! [dX3, dW3] = nn_conv2d (single (X), single (W), single (b), single (dY), 'Padding', 1, 'InputGradient', 0);
%! assert (isempty (dX3)); assert (class (dX3), 'single'); assert (isequal (dW3, dWs));
%!error id=nnlab:nn_conv2d:optionValue nn_conv2d (ones (3), ones (2), [], ones (2), 'InputGradient', 2)
%!error id=nnlab:nn_conv2d:optionValue nn_conv2d (ones (3), ones (2), [], 'InputGradient', false)

## blocks of whole images (patches of >= 32 taps, N >= 2) against one image
## at a time (N = 1 takes the per-image path): groups, padding, stride,
## dilation, an odd last block
%!test
%! randn ('seed', 11);
%! cases = {{9, 9, 8, 4, [3 3], {'Padding', 1}}, ...
%!          {10, 7, 12, 6, [3 2], {'Groups', 2, 'Stride', 2, 'Padding', [1 0]}}, ...
%!          {8, 8, 6, 4, [3 3], {'Dilation', 2, 'Padding', 'same'}}};
%! for k = 1:numel (cases)
%!   [H, Wd, C, Co, kk, opts] = cases{k}{:};
%!   G = 1; i = find (strcmp (opts, 'Groups')); if ~isempty (i), G = opts{i + 1}; end
%!   N = 37;
%!   X = randn (H, Wd, C, N); W = randn (kk(1), kk(2), C / G, Co); b = randn (Co, 1);
%!   Y = nn_conv2d (X, W, b, opts{:});
%!   dY = randn (size (Y));
%!   [dX, dW, db] = nn_conv2d (X, W, b, dY, opts{:});
%!   Y1 = zeros (size (Y)); dX1 = zeros (size (X)); dW1 = zeros (size (W));
%!   for n = 1:N
%!     Y1(:, :, :, n) = nn_conv2d (X(:, :, :, n), W, b, opts{:});
%!     [a, w] = nn_conv2d (X(:, :, :, n), W, b, dY(:, :, :, n), opts{:});
%!     dX1(:, :, :, n) = a; dW1 = dW1 + w;
%!   end
%!   assert (Y, Y1, 1e-12 * max (abs (Y1(:))));
%!   assert (dX, dX1, 1e-12 * max (abs (dX1(:))));
%!   assert (dW, dW1, 1e-12 * max (abs (dW1(:))));
%!   Ys = nn_conv2d (single (X), single (W), single (b), opts{:});
%!   assert (Ys, single (Y), 1e-5 * max (abs (Y(:))));
%! end
