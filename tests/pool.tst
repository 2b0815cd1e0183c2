%% Tests of nn_pool: values and gradients against PyTorch's max_pool2d,
%% avg_pool2d and adaptive pooling (tests/data/pool_cases.txt, written by
%% tests/data/gen_pool.py), ties and NaN routed as PyTorch routes them,
%% against a direct Octave implementation on a grid, central finite
%% differences in double, empty sizes, and every bad argument.

%!function f = pool_data_file (name)
%!  f = fullfile ('tests', 'data', name);
%!  if (! exist (f, 'file'))
%!    f = fullfile (fileparts (which ('nn_pool')), '..', 'tests', 'data', name);
%!  end
%!endfunction

%!function [v, s] = pool_draws (s, count)
%!  % the Park-Miller values of tests/data/gen_conv.py: 24-bit, in [-1, 1)
%!  v = zeros (count, 1);
%!  for k = 1:count
%!    s = mod (16807 * s, 2147483647);
%!    v(k) = floor (s / 128) / 8388608 - 1;
%!  end
%!endfunction

%!function [Y, dX] = pool_ref (X, kind, k, st, pd, cp, dY)
%!  % the definition, output by output, scanning rows first as PyTorch does
%!  [H, W, C, N] = size (X);
%!  Ho = floor ((H + 2 * pd(1) - k(1)) / st(1)) + 1;
%!  Wo = floor ((W + 2 * pd(2) - k(2)) / st(2)) + 1;
%!  Y = zeros (Ho, Wo, C, N);  dX = zeros (size (X));
%!  for n = 1:N
%!    for c = 1:C
%!      for q = 1:Wo
%!        for p = 1:Ho
%!          h0 = (p - 1) * st(1) - pd(1) + 1;  w0 = (q - 1) * st(2) - pd(2) + 1;
%!          hs = max (h0, 1):min (h0 + k(1) - 1, H);  ws = max (w0, 1):min (w0 + k(2) - 1, W);
%!          Z = X(hs, ws, c, n);
%!          if (strcmp (kind, 'max'))
%!            Zt = Z.';                            % row by row
%!            [m, i] = max (Zt(:));                % the first maximum; NaN: below
%!            if (any (isnan (Zt(:))))
%!              i = find (isnan (Zt(:)), 1, 'last');  m = NaN;
%!            end
%!            [jw, jh] = ind2sub (size (Zt), i);
%!            Y(p, q, c, n) = m;
%!            if (nargout > 1)
%!              dX(hs(jh), ws(jw), c, n) += dY(p, q, c, n);
%!            end
%!          else
%!            d = ifelse_ (cp, k(1) * k(2), numel (Z));
%!            Y(p, q, c, n) = sum (Z(:)) / d;
%!            if (nargout > 1)
%!              dX(hs, ws, c, n) += dY(p, q, c, n) / d;
%!            end
%!          end
%!        end
%!      end
%!    end
%!  end
%!endfunction

%!function r = ifelse_ (c, a, b)
%!  if (c), r = a; else, r = b; end
%!endfunction

%!function ok = pool_close (got, want, tol)
%!  got = double (got(:));  want = double (want(:));
%!  same = (isnan (got) & isnan (want)) | (got == want);
%!  ok = numel (got) == numel (want) && ...
%!       all (same | abs (got - want) <= tol * max ([1; abs(want(isfinite (want)))]));
%!endfunction

%!function d = sz4 (a)
%!  d = [size(a), ones(1, 4 - ndims (a))];
%!endfunction

%% ---- values and gradients equal PyTorch's ----
%!test
%! D = load (pool_data_file ('pool_cases.txt'));
%! ncase = D(1);  k = 2;
%! assert (ncase >= 20);
%! for t = 1:ncase
%!   h = D(k:k+15).';  k += 16;
%!   [H, Wd, C, N, kh, kw, sh, sw, ph, pw, mx, cp, gl, ties, special] = num2cell (h(1:15)){:};
%!   [vx, s] = pool_draws (h(16), H * Wd * C * N);
%!   if (ties), vx = round (2 * vx); end
%!   i = (1:numel (vx)).';
%!   if (special == 1), vx(mod (i, 7) == 3) = NaN; end
%!   if (special == 2), vx(mod (i, 5) == 1) = -Inf; end
%!   Ho = floor ((H + 2 * ph - kh) / sh) + 1;  Wo = floor ((Wd + 2 * pw - kw) / sw) + 1;
%!   vd = pool_draws (s, Ho * Wo * C * N);
%!   X = reshape (vx, H, Wd, C, N);  dY = reshape (vd, Ho, Wo, C, N);
%!   kind = ifelse_ (mx, 'max', 'avg');
%!   if (gl)
%!     args = {kind, 'global'};
%!   else
%!     args = {kind, [kh kw]};
%!   end
%!   opts = {};
%!   if (sh != kh || sw != kw), opts = [opts, {'Stride', [sh sw]}]; end
%!   if (ph || pw), opts = [opts, {'Padding', ifelse_(ph == pw, ph, [ph pw])}]; end
%!   if (! cp), opts = [opts, {'CountIncludePad', false}]; end
%!   for prec = 1:2
%!     refY = D(k:k+Ho*Wo*C*N-1);  k += Ho * Wo * C * N;
%!     refdX = D(k:k+H*Wd*C*N-1);  k += H * Wd * C * N;
%!     if (prec == 1), cast_ = @double; tol = 1e-12; else, cast_ = @single; tol = 1e-5; end
%!     Y = nn_pool (cast_ (X), args{:}, opts{:});
%!     dX = nn_pool (cast_ (X), args{:}, cast_ (dY), opts{:});
%!     assert (class (Y), class (cast_ (1)));
%!     assert (sz4 (Y), [Ho, Wo, C, N]);
%!     assert (sz4 (dX), [H, Wd, C, N]);
%!     if (! pool_close (Y, refY, tol) || ! pool_close (dX, refdX, tol))
%!       error ('case %d (%s) differs from torch', t, class (Y));
%!     end
%!     if (mx)     % max: the same winners, so the same bits
%!       assert (isequaln (Y(:), cast_ (refY)));   % (single: 9 digits, the float exactly)
%!     end
%!   end
%! end
%! assert (k, numel (D) + 1);

%% ---- a grid of shapes and options against the definition ----
%!test
%! randn ('state', 21);  rand ('state', 21);
%! for t = 1:120
%!   k = randi (4, 1, 2);  st = randi (3, 1, 2);  pd = floor (k / 2) .* (rand (1, 2) < 0.5);
%!   H = max (1, k(1) - 2 * pd(1)) + randi ([0 5]);  Wd = max (1, k(2) - 2 * pd(2)) + randi ([0 5]);
%!   C = randi (3);  N = randi (2);  cp = rand < 0.5;
%!   X = randn (H, Wd, C, N);
%!   if (rand < 0.3), X = round (X); end      % ties
%!   for kind = {'max', 'avg'}
%!     Yr = pool_ref (X, kind{1}, k, st, pd, cp, []);
%!     dY = randn (size (Yr));
%!     [Yr, dXr] = pool_ref (X, kind{1}, k, st, pd, cp, dY);
%!     args = {X, kind{1}, k, 'Stride', st, 'Padding', pd, 'CountIncludePad', cp};
%!     assert (pool_close (nn_pool (args{:}), Yr, 1e-14));
%!     assert (pool_close (nn_pool (args{1:3}, dY, args{4:end}), dXr, 1e-14));
%!     args{1} = single (X);
%!     assert (pool_close (nn_pool (args{:}), Yr, 1e-6));
%!     assert (pool_close (nn_pool (args{1:3}, single (dY), args{4:end}), dXr, 1e-6));
%!   end
%! end

%% ---- central finite differences in double ----
%!function pool_fd (X, varargin)
%!  % (max: continuous random values have no ties, so it is differentiable)
%!  G = randn (size (nn_pool (X, varargin{:})));
%!  dX = nn_pool (X, varargin{1:2}, G, varargin{3:end});
%!  L = @(X) sum (G(:) .* reshape (nn_pool (X, varargin{:}), [], 1));
%!  h = 1e-6;
%!  for i = 1:numel (X)
%!    E = zeros (size (X));  E(i) = h;
%!    assert (dX(i), (L (X + E) - L (X - E)) / (2 * h), 1e-7 * (1 + abs (dX(i))));
%!  end
%!endfunction

%!test
%! randn ('state', 22);
%! for kind = {'max', 'avg'}
%!   pool_fd (randn (6, 6, 2, 2), kind{1}, [2 2]);
%!   pool_fd (randn (7, 6, 1, 2), kind{1}, [3 3], 'Stride', [2 1], 'Padding', 1);
%!   pool_fd (randn (5, 7, 2, 1), kind{1}, [3 2], 'Stride', 1, 'Padding', [1 0], 'CountIncludePad', false);
%!   pool_fd (randn (4, 5, 3, 2), kind{1}, 'global');
%!   pool_fd (randn (5, 5), kind{1}, 2, 'Stride', 3);
%! end

%% ---- semantics ----
%!test
%! X = reshape (1:16, 4, 4);
%! assert (nn_pool (X, 'max', [2 2]), [6 14; 8 16]);
%! assert (nn_pool (X, 'avg', 2), [3.5 11.5; 5.5 13.5]);
%! assert (nn_pool (X, 'avg', 'global'), 8.5);
%! assert (nn_pool (X, 'MAX', 'GLOBAL'), 16);
%! assert (nn_pool (X, 'max', [2 2], ones (2)), [0 0 0 0; 0 1 0 1; 0 0 0 0; 0 1 0 1]);
%! assert (nn_pool (X, 'avg', [2 2], ones (2)), 0.25 * ones (4));
%! % a tie goes to the first in row order (X(1,2) before X(2,1)), as in PyTorch
%! assert (nn_pool ([0 1; 1 0], 'max', [2 2], 5), [0 5; 0 0]);
%! % NaN wins; of several, the last in row order
%! assert (isnan (nn_pool ([1 NaN; 2 3], 'max', 2)));
%! assert (nn_pool ([NaN 1; NaN 3], 'max', 2, 1), [0 0; 1 0]);
%! % -Inf only: -Inf, gradient to the first pixel
%! assert (nn_pool (-Inf (2), 'max', 2), -Inf);
%! assert (nn_pool (-Inf (2), 'max', 2, 7), [7 0; 0 0]);
%! % padding never wins a max, and counts in an average by default
%! assert (nn_pool (-ones (2), 'max', 2, 'Padding', 1), -ones (2));
%! assert (nn_pool (ones (2), 'avg', 2, 'Padding', 1), 0.25 * ones (2));
%! assert (nn_pool (ones (2), 'avg', 2, 'Padding', 1, 'CountIncludePad', false), ones (2));
%! % per channel and per image
%! X = cat (4, cat (3, X, -X), cat (3, 2 * X, X'));
%! Y = nn_pool (X, 'max', [2 2]);
%! assert (size (Y), [2 2 2 2]);
%! assert (Y(:, :, 2, 1), [-1 -9; -3 -11]);
%! assert (Y(:, :, 1, 2), 2 * [6 14; 8 16]);
%! % the stride defaults to the window; option forms
%! assert (isequal (nn_pool (X, 'avg', 2), nn_pool (X, 'avg', [2 2], 'stride', [2 2])));
%! assert (isequal (nn_pool (X, 'avg', [3 3], 'Stride', 1, 'Padding', 1), ...
%!                  nn_pool (X, 'avg', [3 3], 'STRIDE', [1 1], 'padding', [1 1])));
%! assert (nn_pool (X, 'avg', 'global'), mean (mean (X, 1), 2), 1e-14);
%! assert (class (nn_pool (single (X), 'max', 2)), 'single');

%% ---- empty sizes ----
%!test
%! for c = {'double', 'single'}
%!   Y = nn_pool (zeros (4, 4, 0, 2, c{1}), 'max', 2);
%!   assert (size (Y), [2 2 0 2]);  assert (class (Y), c{1});
%!   assert (size (nn_pool (zeros (4, 4, 3, 0, c{1}), 'avg', 2, zeros (2, 2, 3, 0, c{1}))), [4 4 3 0]);
%!   assert (size (nn_pool (zeros (4, 6, 2, 0, c{1}), 'avg', 'global')), [1 1 2 0]);
%! end

%% ---- errors ----
%!error id=nnlab:nn_pool:nargin nn_pool ()
%!error id=nnlab:nn_pool:nargin nn_pool (1, 'max')
%!error id=nnlab:nn_pool:nargin nn_pool (1, 'max', 1, 1, repmat ({'Stride', 1}, 1, 33){:})
%!error id=nnlab:nn_pool:nargout [a, b] = nn_pool (1, 'max', 1)
%!error id=nnlab:nn_pool:nargout [a, b] = nn_pool (1, 'max', 1, 1)
%!error id=nnlab:nn_pool:class nn_pool (int8 (1), 'max', 1)
%!error id=nnlab:nn_pool:class nn_pool (true, 'max', 1)
%!error id=nnlab:nn_pool:class nn_pool ('a', 'max', 1)
%!error id=nnlab:nn_pool:class nn_pool ({1}, 'max', 1)
%!error id=nnlab:nn_pool:class nn_pool (1, 'max', 1, int8 (1))
%!error id=nnlab:nn_pool:class nn_pool (1, 'max', 1, {1})
%!error id=nnlab:nn_pool:complex nn_pool (1i, 'max', 1)
%!error id=nnlab:nn_pool:complex nn_pool (1, 'max', 1, 1i)
%!error id=nnlab:nn_pool:sparse nn_pool (sparse (1), 'max', 1)
%!error id=nnlab:nn_pool:sparse nn_pool (1, 'max', 1, sparse (1))
%!error id=nnlab:nn_pool:mixedClass nn_pool (1, 'max', 1, single (1))
%!error id=nnlab:nn_pool:mixedClass nn_pool (single (1), 'avg', 1, 1)
%!error id=nnlab:nn_pool:name nn_pool (1, 'min', 1)
%!error id=nnlab:nn_pool:name nn_pool (1, 'average', 1)
%!error id=nnlab:nn_pool:name nn_pool (1, 1, 1)
%!error id=nnlab:nn_pool:name nn_pool (1, {'max'}, 1)
%!error id=nnlab:nn_pool:name nn_pool (1, ['ma'; 'xx'], 1)
%!error <choose 'max' or 'avg'> nn_pool (1, 'min', 1)
%!error id=nnlab:nn_pool:size nn_pool (1, 'max', 0)
%!error id=nnlab:nn_pool:size nn_pool (1, 'max', [1 0])
%!error id=nnlab:nn_pool:size nn_pool (1, 'max', 1.5)
%!error id=nnlab:nn_pool:size nn_pool (1, 'max', NaN)
%!error id=nnlab:nn_pool:size nn_pool (1, 'max', [1 1 1])
%!error id=nnlab:nn_pool:size nn_pool (1, 'max', [])
%!error id=nnlab:nn_pool:size nn_pool (1, 'max', int8 (2))
%!error id=nnlab:nn_pool:size nn_pool (1, 'max', 2^31)
%!error id=nnlab:nn_pool:size nn_pool (1, 'max', 'local')
%!error id=nnlab:nn_pool:size nn_pool (ones (3), 'max', 4)
%!error id=nnlab:nn_pool:size nn_pool (ones (3), 'max', [2 4])
%!error id=nnlab:nn_pool:size nn_pool (zeros (0, 3), 'avg', 'global')
%!error id=nnlab:nn_pool:size nn_pool (ones (3, 3, 1, 1, 2), 'max', 2)
%!error id=nnlab:nn_pool:size nn_pool (ones (4), 'max', 2, ones (3))
%!error id=nnlab:nn_pool:size nn_pool (ones (4), 'max', 2, ones (2, 2, 2))
%!error id=nnlab:nn_pool:size nn_pool (ones (4), 'max', 2, [])
%!error <smaller than the window> nn_pool (ones (3), 'max', 4)
%!error <dY must be 2x2x1x1> nn_pool (ones (4), 'max', 2, ones (3))
%!error id=nnlab:nn_pool:option nn_pool (1, 'max', 1, 'Strides', 1)
%!error id=nnlab:nn_pool:option nn_pool (1, 'max', 1, 'Stride')
%!error id=nnlab:nn_pool:option nn_pool (1, 'max', 1, 1, 'Stride')
%!error id=nnlab:nn_pool:option nn_pool (1, 'max', 1, 'Dilation', 1)
%!error id=nnlab:nn_pool:optionValue nn_pool (1, 'max', 1, 'Stride', 0)
%!error id=nnlab:nn_pool:optionValue nn_pool (1, 'max', 1, 'Stride', 1.5)
%!error id=nnlab:nn_pool:optionValue nn_pool (1, 'max', 1, 'Stride', [1 2 3])
%!error id=nnlab:nn_pool:optionValue nn_pool (1, 'max', 1, 'Stride', 'same')
%!error id=nnlab:nn_pool:optionValue nn_pool (1, 'max', 1, 'Padding', -1)
%!error id=nnlab:nn_pool:optionValue nn_pool (1, 'max', 1, 'Padding', [0 0 0 0])
%!error id=nnlab:nn_pool:optionValue nn_pool (1, 'max', 1, 'Padding', 'same')
%!error id=nnlab:nn_pool:optionValue nn_pool (ones (5), 'max', 2, 'Padding', 2)
%!error id=nnlab:nn_pool:optionValue nn_pool (ones (5), 'max', 3, 'Padding', [1 2])
%!error id=nnlab:nn_pool:optionValue nn_pool (ones (5), 'max', 'global', 'Padding', 1)
%!error id=nnlab:nn_pool:optionValue nn_pool (1, 'avg', 1, 'CountIncludePad', 2)
%!error id=nnlab:nn_pool:optionValue nn_pool (1, 'avg', 1, 'CountIncludePad', 'yes')
%!error <at most half the window> nn_pool (ones (5), 'max', 2, 'Padding', 2)
%!test
%! % empty in a huge dimension: nothing to allocate
%! assert (size (nn_pool (zeros (2^40, 1, 1, 0), 'max', 1)), [2^40, 1, 1, 0]);

## max pooling without padding (the kernels' fast paths, 2 x 2 unrolled and
## its backward writing every pixel) against a plain loop: ties (small
## integers), NaN, -Inf, odd sizes (a last row or column no window covers)
%!function [Y, dX] = naive_max (X, k, st, dY)
%!  [H, W, C, N] = size (X); Ho = floor ((H - k(1)) / st(1)) + 1; Wo = floor ((W - k(2)) / st(2)) + 1;
%!  Y = zeros (Ho, Wo, C, N, class (X)); dX = zeros (size (X), class (X));
%!  for n = 1:N, for c = 1:C, for ow = 1:Wo, for oh = 1:Ho
%!    h0 = (oh - 1) * st(1); w0 = (ow - 1) * st(2); best = -Inf; bh = h0 + 1; bw = w0 + 1;
%!    for h = h0 + (1:k(1)), for w = w0 + (1:k(2))
%!      v = X(h, w, c, n);
%!      if v > best || isnan (v), best = v; bh = h; bw = w; end
%!    end, end
%!    Y(oh, ow, c, n) = X(bh, bw, c, n);
%!    dX(bh, bw, c, n) += dY(oh, ow, c, n);
%!  end, end, end, end
%!endfunction
%!test
%! rand ('seed', 7); randn ('seed', 7);
%! for cc = {'double', 'single'}
%!   cls = cc{1};
%!   for sz = {[6 6 2 3], [7 5 1 2], [5 8 3 1], [2 2 1 1], [3 3 2 2]}
%!     for kk = {[2 2 2 2], [3 3 3 3], [2 3 1 2], [3 2 2 1]}
%!       k = kk{1}(1:2); st = kk{1}(3:4);
%!       s = sz{1};
%!       if any (s(1:2) < k), continue; end
%!       X = cast (floor (3 * rand (s)), cls);
%!       X(rand (s) < 0.05) = NaN; X(rand (s) < 0.05) = -Inf;
%!       Y = nn_pool (X, 'max', k, 'Stride', st);
%!       dY = cast (randn (size (Y)), cls);
%!       dX = nn_pool (X, 'max', k, dY, 'Stride', st);
%!       [Yr, dXr] = naive_max (X, k, st, dY);
%!       assert (isequaln (Y, Yr)); assert (class (Y), cls);
%!       assert (isequal (dX, dXr)); assert (class (dX), cls);
%!     end
%!   end
%! end
