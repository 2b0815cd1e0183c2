%% Tests of nn_loss: PyTorch references (tests/data/loss_*.txt, written by
%% tests/data/gen_loss.py), finite-difference gradients, extreme logits,
%% reductions and weights, and every error.

%!function check_close (a, b, tol, what)
%!  % elementwise relative error, exact where the reference is 0
%!  if (~isequal (size (a), size (b)))
%!    error ('%s: size %s, but PyTorch gives %s', what, mat2str (size (a)), mat2str (size (b)));
%!  end
%!  a = double (a);
%!  err = abs (a(:) - b(:));
%!  bad = find (err > tol * abs (b(:)), 1);
%!  if (~isempty (bad))
%!    error ('%s: element %d is %.17g but PyTorch gives %.17g (relative error %.3g > %g)', ...
%!           what, bad, a(bad), b(bad), err(bad) / abs (b(bad)), tol);
%!  end
%!endfunction

%!function args = case_options (S, p)
%!  args = {};
%!  opt = {'delta', 'margin', 'label_smoothing', 'pos_weight', 'sigma', 'scale', 'eps', 'full', 'log_input'};
%!  for i = 1:numel (opt)
%!    if (isfield (S, [p opt{i}]))
%!      args = [args, opt(i), {S.([p opt{i}])}];
%!    end
%!  end
%!endfunction

%!function g = fd_grad (Z, T, name, args)
%!  % central differences of sum(L)
%!  h = 1e-6;
%!  g = zeros (size (Z));
%!  for i = 1:numel (Z)
%!    Zp = Z;  Zp(i) = Zp(i) + h;
%!    Zm = Z;  Zm(i) = Zm(i) - h;
%!    Lp = nn_loss (Zp, T, name, args{:});
%!    Lm = nn_loss (Zm, T, name, args{:});
%!    g(i) = (sum (Lp(:)) - sum (Lm(:))) / (2 * h);
%!  end
%!endfunction

%!function c = grad_cases ()
%!  % {name, Z, T, options}, all away from kinks
%!  randn ('state', 42);  rand ('state', 42);
%!  N = 5;  K = 3;
%!  Y = randn (N, K);
%!  D = 0.3 + rand (N, K);  S = sign (randn (N, K));  S(S == 0) = 1;
%!  P = rand (N, K);  P = P ./ sum (P, 2);
%!  idx = [1; 3; 2; 3; 1];
%!  B = double (rand (N, K) > 0.5);
%!  t = [1; -1; 1; 1; -1];
%!  Z2 = randn (N, 2);
%!  x = -t .* (Z2(:, 1) - Z2(:, 2));
%!  near = abs (x) < 0.2 | abs (x + 0.5) < 0.2;
%!  Z2(near, 1) = Z2(near, 1) + 0.7;
%!  c = {
%!    'mse', Y, randn(N, K), {}
%!    'mae', Y + D .* S, Y, {}
%!    'huber', Y + 0.5 * D .* S, Y, {}
%!    'huber', Y + 2 * D .* S, Y, {'delta', 1.5}
%!    'huber', Y + 0.1 * D .* S, Y, {'delta', 0.05}
%!    'bce', 0.05 + 0.9 * rand(N, K), P, {}
%!    'bce', 0.05 + 0.9 * rand(N, K), B, {}
%!    'bce_logits', 3 * Y, P, {}
%!    'bce_logits', 3 * Y, B, {'pos_weight', [0.5 2 3]}
%!    'bce_logits', 3 * Y, P, {'pos_weight', 4}
%!    'hinge', (1 + D) .* S, 2 * B - 1, {}
%!    'hinge', 0.5 * D .* S, B, {}
%!    'ce', 2 * Y, idx, {}
%!    'ce', 2 * Y, P, {}
%!    'ce', 2 * Y, idx, {'label_smoothing', 0.2}
%!    'ce', 2 * Y, P, {'label_smoothing', 1}
%!    'nll', Y, idx, {}
%!    'margin_ranking', Z2, t, {}
%!    'margin_ranking', Z2, t, {'margin', 0.5}
%!    'pairwise_logistic', 3 * Z2, t, {}
%!    'bernoulli', 3 * Y, P, {'pos_weight', [0.5 2 3]}
%!    'categorical', 2 * Y, idx, {'label_smoothing', 0.2}
%!    'categorical', 2 * Y, P, {}
%!    'gaussian', Y + D .* S, Y, {}
%!    'gaussian', Y + D .* S, Y, {'sigma', 0.6, 'full', true}
%!    'gaussian', [Y + D .* S, 0.8 * randn(N, K)], Y, {}
%!    'gaussian', [Y + D .* S, 0.8 * randn(N, K)], Y, {'full', 1, 'eps', 0.01}
%!    'laplace', Y + D .* S, Y, {}
%!    'laplace', Y + D .* S, Y, {'scale', 0.4, 'full', true}
%!    'laplace', [Y + D .* S, 0.8 * randn(N, K)], Y, {}
%!    'laplace', [Y + D .* S, 0.8 * randn(N, K)], Y, {'full', true, 'eps', 1e-3}
%!    'poisson', Y, round(3 * P), {}
%!    'poisson', Y, 4 * P, {'full', true}
%!    'poisson', 0.2 + 3 * rand(N, K), round(5 * P), {'log_input', false}
%!    'poisson', 0.2 + 3 * rand(N, K), round(5 * P), {'log_input', 0, 'full', 1, 'eps', 0.5}
%!  };
%!endfunction

%% ---- PyTorch references, double (1e-12) and single (1e-5) ---------------
%!test
%! names = {'mse', 'mae', 'huber', 'bce', 'bce_logits', 'hinge', 'ce', 'nll', ...
%!          'margin_ranking', 'pairwise_logistic', 'bernoulli', 'categorical', ...
%!          'gaussian', 'laplace', 'poisson'};
%! reds = {'mean', 'sum', 'none'};
%! for q = 1:numel (names)
%!   S = load (fullfile ('tests', 'data', ['loss_' names{q} '.txt']));
%!   for c = 1:S.ncases
%!     p = sprintf ('c%d_', c);
%!     opts = case_options (S, p);
%!     for r = 1:3
%!       for u = 'uw'
%!         args = [opts, {'reduction', reds{r}}];
%!         if (u == 'w')
%!           args = [args, {'weights', S.([p 'W'])}];
%!         end
%!         what = sprintf ('%s case %d %s %s', names{q}, c, reds{r}, u);
%!         % double against float64 PyTorch
%!         q2 = sprintf ('%s%s_%s_', p, reds{r}, u);
%!         [L, dZ] = nn_loss (S.([p 'Z']), S.([p 'T']), names{q}, args{:});
%!         assert (class (L), 'double');
%!         check_close (L, S.([q2 'd_L']), 1e-12, [what ' double L']);
%!         check_close (dZ, S.([q2 'd_dZ']), 1e-12, [what ' double dZ']);
%!         % single against float32 PyTorch, and against the float64 values
%!         [L, dZ] = nn_loss (single (S.([p 'Z'])), single (S.([p 'T'])), names{q}, args{:});
%!         assert (class (L), 'single');
%!         assert (class (dZ), 'single');
%!         check_close (L, S.([q2 's_L']), 1e-5, [what ' single L']);
%!         check_close (dZ, S.([q2 's_dZ']), 1e-5, [what ' single dZ']);
%!         check_close (L, S.([q2 'd_L']), 1e-5, [what ' single L vs float64']);
%!         check_close (dZ, S.([q2 'd_dZ']), 1e-5, [what ' single dZ vs float64']);
%!       end
%!     end
%!   end
%! end

%% ---- gradients against central finite differences (double) -------------
%!test
%! c = grad_cases ();
%! randn ('state', 7);
%! reds = {'mean', 'sum', 'none'};
%! for i = 1:size (c, 1)
%!   [name, Z, T, opts] = c{i, :};
%!   w = 0.25 + rand (size (Z, 1), 1);
%!   for r = 1:3
%!     for weighted = [false, true]
%!       args = [opts, {'reduction', reds{r}}];
%!       if (weighted)
%!         args = [args, {'weights', w}];
%!       end
%!       [~, dZ] = nn_loss (Z, T, name, args{:});
%!       g = fd_grad (Z, T, name, args);
%!       err = max (abs (dZ(:) - g(:))) / max (1, max (abs (g(:))));
%!       if (err > 1e-7)
%!         error ('%s (case %d, %s): dZ differs from finite differences by %g', ...
%!                name, i, reds{r}, err);
%!       end
%!     end
%!   end
%! end

%% ---- extreme inputs: finite loss and gradient --------------------------
%!test
%! z = [0 1 -1 1e4 -1e4 30 -30 1e30 -1e30];
%! for cls = {'double', 'single'}
%!   Z = cast (z', cls{1});
%!   n = numel (z);
%!   B = cast (mod ((1:n)', 2), cls{1});
%!   for red = {'mean', 'sum', 'none'}
%!     r = red{1};
%!     [L, d] = nn_loss (Z, B, 'bce_logits', 'reduction', r);
%!     assert (all (isfinite ([L(:); d(:)])), ['bce_logits ' cls{1}]);
%!     [L, d] = nn_loss ([Z, -Z], [B, 1 - B], 'bce_logits', 'reduction', r, 'pos_weight', [3 0.5]);
%!     assert (all (isfinite ([L(:); d(:)])));
%!     [L, d] = nn_loss (Z, 2 * B - 1, 'hinge', 'reduction', r);
%!     assert (all (isfinite ([L(:); d(:)])));
%!     Zc = [Z, -Z, zeros(n, 1, cls{1})];
%!     [L, d] = nn_loss (Zc, cast (mod ((0:n-1)', 3) + 1, cls{1}), 'ce', 'reduction', r);
%!     assert (all (isfinite ([L(:); d(:)])), ['ce ' cls{1}]);
%!     Tp = repmat (cast ([0.2 0.3 0.5], cls{1}), n, 1);
%!     [L, d] = nn_loss (Zc, Tp, 'ce', 'reduction', r, 'label_smoothing', 0.1);
%!     assert (all (isfinite ([L(:); d(:)])), ['ce probabilities ' cls{1}]);
%!     Zp = [Z, zeros(n, 1, cls{1})];
%!     [L, d] = nn_loss (Zp, 2 * B - 1, 'pairwise_logistic', 'reduction', r);
%!     assert (all (isfinite ([L(:); d(:)])), ['pairwise_logistic ' cls{1}]);
%!     [L, d] = nn_loss (Zp, 2 * B - 1, 'margin_ranking', 'reduction', r);
%!     assert (all (isfinite ([L(:); d(:)])));
%!   end
%!   % saturated but exact: the loss of a confident right answer is tiny
%!   [L, d] = nn_loss (cast ([1e4; -1e4], cls{1}), cast ([1; 0], cls{1}), 'bce_logits');
%!   assert ([L; d], zeros (3, 1, cls{1}));
%!   [L, d] = nn_loss (cast ([1e4; -1e4], cls{1}), cast ([0; 1], cls{1}), 'bce_logits', 'reduction', 'none');
%!   assert (L, cast ([1e4; 1e4], cls{1}));
%!   assert (d, cast ([1; -1], cls{1}));
%!   [L, d] = nn_loss (cast ([1e4 0 -1e4], cls{1}), cast (3, cls{1}), 'ce');
%!   assert (L, cast (2e4, cls{1}));
%!   assert (d, cast ([1 0 -1], cls{1}));
%! end
%! % bce with probabilities 0 and 1: each log clamped at -100
%! [L, d] = nn_loss ([0; 1; 0; 1], [1; 0; 0; 1], 'bce', 'reduction', 'none');
%! assert (L, [100; 100; 0; 0]);
%! assert (all (isfinite (d)));

%% ---- definitions: reductions, weights, targets ------------------------
%!test
%! % 'mean' and 'sum' against 'none'; weights scale rows
%! randn ('state', 3);
%! Z = randn (4, 3);  T = randn (4, 3);  w = [0.5; 2; 0; 1];
%! Ln = nn_loss (Z, T, 'huber', 'reduction', 'none');
%! assert (size (Ln), [4 3]);
%! assert (nn_loss (Z, T, 'huber'), mean (Ln(:)), 1e-15);
%! assert (nn_loss (Z, T, 'huber', 'reduction', 'sum'), sum (Ln(:)), 1e-14);
%! assert (nn_loss (Z, T, 'huber', 'reduction', 'none', 'weights', w), w .* Ln, 1e-15);
%! assert (nn_loss (Z, T, 'huber', 'weights', w), sum (sum (w .* Ln)) / (3 * sum (w)), 1e-15);
%! assert (nn_loss (Z, T, 'huber', 'weights', ones (4, 1)), mean (Ln(:)), 1e-15);
%! % per-observation losses: 'none' is N x 1, mean over observations
%! idx = [1; 2; 3; 3];
%! Lc = nn_loss (Z, idx, 'ce', 'reduction', 'none');
%! assert (size (Lc), [4 1]);
%! assert (nn_loss (Z, idx, 'ce', 'weights', w), sum (w .* Lc) / sum (w), 1e-15);
%! assert (nn_loss (Z, idx, 'ce', 'reduction', 'sum', 'weights', w), sum (w .* Lc), 1e-14);
%! % the formula: logsumexp minus the logit of the class
%! assert (Lc, log (sum (exp (Z), 2)) - Z(sub2ind (size (Z), (1:4)', idx)), 1e-14);
%! % one-hot probabilities give the same loss and gradient as indices
%! [L1, d1] = nn_loss (Z, idx, 'ce', 'label_smoothing', 0.3);
%! [L2, d2] = nn_loss (Z, full (sparse (1:4, idx, 1, 4, 3)), 'ce', 'label_smoothing', 0.3);
%! assert ([L1; d1(:)], [L2; d2(:)], 1e-15);
%! % nll of log-softmax is ce
%! LS = Z - log (sum (exp (Z), 2));
%! [L3, d3] = nn_loss (LS, idx, 'nll', 'reduction', 'none');
%! assert (L3, Lc, 1e-14);
%! assert (d3, -full (sparse (1:4, idx, 1, 4, 3)));
%! % hinge: {0, 1} targets are mapped to {-1, 1}
%! B = double (T > 0);
%! [L1, d1] = nn_loss (Z, B, 'hinge');
%! [L2, d2] = nn_loss (Z, 2 * B - 1, 'hinge');
%! assert ([L1; d1(:)], [L2; d2(:)]);
%! assert (L2, mean (mean (max (0, 1 - (2 * B - 1) .* Z))), 1e-15);
%! % scalar pos_weight broadcasts like a row of equal weights
%! P = rand (4, 3);
%! [L1, d1] = nn_loss (Z, P, 'bce_logits', 'pos_weight', 2);
%! [L2, d2] = nn_loss (Z, P, 'bce_logits', 'pos_weight', [2 2 2]);
%! assert ([L1; d1(:)], [L2; d2(:)]);
%! % pairwise_logistic is RankNet: log(1 + exp(-t (z1 - z2)))
%! t = [1; -1; 1; -1];
%! L = nn_loss (Z(:, 1:2), t, 'pairwise_logistic', 'reduction', 'none');
%! assert (L, log1p (exp (-t .* (Z(:, 1) - Z(:, 2)))), 1e-15);
%! L = nn_loss (Z(:, 1:2), t, 'margin_ranking', 'reduction', 'none', 'margin', 0.2);
%! assert (L, max (0, -t .* (Z(:, 1) - Z(:, 2)) + 0.2), 1e-15);

%!test
%! % kinks: mae has gradient 0 at 0; hinge and margin_ranking count the kink as active
%! [L, d] = nn_loss ([1 2], [1 3], 'mae', 'reduction', 'sum');
%! assert ([L d], [1 0 -1]);
%! [L, d] = nn_loss ([1; -1], [1; -1], 'hinge', 'reduction', 'sum');
%! assert ([L; d], [0; -1; 1]);
%! [L, d] = nn_loss ([0 0], 1, 'margin_ranking', 'reduction', 'sum');
%! assert ([L d], [0 -1 1]);

%!test
%! % empty batches and degenerate shapes
%! for red = {'mean', 'sum', 'none'}
%!   [L, d] = nn_loss (zeros (0, 3), zeros (0, 3), 'mse', 'reduction', red{1});
%!   assert (size (d), [0 3]);
%!   [L2, d2] = nn_loss (zeros (0, 3), zeros (0, 1), 'ce', 'reduction', red{1});
%!   assert (size (d2), [0 3]);
%!   switch (red{1})
%!     case 'mean', assert (isnan (L) && isnan (L2));
%!     case 'sum',  assert ([L L2], [0 0]);
%!     case 'none', assert ([size(L) size(L2)], [0 3 0 1]);
%!   end
%! end
%! % all weights zero: the weighted mean is 0/0
%! assert (isnan (nn_loss ([1; 2], [0; 0], 'mse', 'weights', [0; 0])));
%! % one class: the loss is 0
%! [L, d] = nn_loss ([3; -2], [1; 1], 'ce');
%! assert ([L; d], zeros (3, 1));
%! % long vector options; weights of any real class
%! Z = randn (100, 80);  P = rand (100, 80);  w = rand (100, 1);  pw = 2 * rand (1, 80);
%! L = nn_loss (Z, P, 'bce_logits', 'weights', w, 'pos_weight', pw, 'reduction', 'none');
%! ref = w .* (pw .* P .* log1p (exp (-Z)) + (1 - P) .* log1p (exp (Z)));
%! assert (L, ref, 1e-13);
%! assert (nn_loss (Z, P, 'mse', 'weights', single (w)), nn_loss (Z, P, 'mse', 'weights', w), 1e-7);
%! assert (nn_loss (Z, P, 'mse', 'weights', true (100, 1)), nn_loss (Z, P, 'mse'), 1e-15);
%! % only the loss asked for
%! assert (nn_loss (single ([1 2]), single ([1 1]), 'mse'), single (0.5));
%! % names and option names are case-insensitive
%! assert (nn_loss ([1 2], [1 1], 'MSE', 'Reduction', 'SUM'), 1);

%% ---- errors --------------------------------------------------------------
%% calls, classes, names
%!error id=nnlab:nn_loss:nargin nn_loss ([1 2], [1 2])
%!error id=nnlab:nn_loss:nargout [a, b, c] = nn_loss ([1 2], [1 2], 'mse')
%!error id=nnlab:nn_loss:class nn_loss (int32 ([1 2]), int32 ([1 2]), 'mse')
%!error id=nnlab:nn_loss:class nn_loss ([1 2], 'ab', 'mse')
%!error id=nnlab:nn_loss:mixedClass nn_loss ([1 2], single ([1 2]), 'mse')
%!error id=nnlab:nn_loss:mixedClass nn_loss (single ([1 2]), [1 2], 'ce')
%!error id=nnlab:nn_loss:complex nn_loss ([1 2] + 1i, [1 2], 'mse')
%!error id=nnlab:nn_loss:sparse nn_loss (sparse ([1 2]), sparse ([1 2]), 'mse')
%!error id=nnlab:nn_loss:size nn_loss (ones (2, 2, 2), ones (2, 2, 2), 'mse')
%!error id=nnlab:nn_loss:name nn_loss ([1 2], [1 2], 'cross_entropy')
%!error id=nnlab:nn_loss:name nn_loss ([1 2], [1 2], 3)
%% options
%!error id=nnlab:nn_loss:option nn_loss ([1 2], [1 2], 'mse', 'reduction')
%!error id=nnlab:nn_loss:option nn_loss ([1 2], [1 2], 'mse', 'nosuch', 1)
%!error id=nnlab:nn_loss:option nn_loss ([1 2], [1 2], 'mse', 'delta', 1)
%!error id=nnlab:nn_loss:option nn_loss ([1 2], [1 2], 'ce', 'margin', 1)
%!error id=nnlab:nn_loss:option nn_loss ([1 2], [1 2], 'margin_ranking', 'label_smoothing', 0.1)
%!error id=nnlab:nn_loss:option nn_loss ([1 2], [1 1], 'bce', 'pos_weight', 1)
%!error id=nnlab:nn_loss:name nn_loss ([1 2], [1 2], 'mse', 3, 1)
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 2], 'mse', 'reduction', 'avg')
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 2], 'mse', 'reduction', 1)
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 2], 'mse', 'weights', -1)
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 2], 'mse', 'weights', NaN)
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 2], 'mse', 'weights', Inf)
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 2], 'mse', 'weights', 'a')
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 2], 'mse', 'weights', {1})
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 2], 'mse', 'weights', int8 (1))
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 2], 'mse', 'weights', 1 + 1i)
%!error id=nnlab:nn_loss:size nn_loss ([1 2; 3 4], [1 2; 3 4], 'mse', 'weights', 1)
%!error id=nnlab:nn_loss:size nn_loss ([1 2; 3 4], [1 2; 3 4], 'mse', 'weights', [1 1])
%!error id=nnlab:nn_loss:size nn_loss ([1 2; 3 4], [1; 2], 'ce', 'weights', [1; 1; 1])
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 2], 'huber', 'delta', 0)
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 2], 'huber', 'delta', -1)
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 2], 'huber', 'delta', NaN)
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 2], 'huber', 'delta', Inf)
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 2], 'huber', 'delta', [1 2])
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 2], 'huber', 'delta', 'big')
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], 1, 'margin_ranking', 'margin', NaN)
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], 1, 'margin_ranking', 'margin', -Inf)
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], 1, 'margin_ranking', 'margin', [])
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], 1, 'ce', 'label_smoothing', -0.1)
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], 1, 'ce', 'label_smoothing', 1.5)
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], 1, 'ce', 'label_smoothing', NaN)
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], 1, 'ce', 'label_smoothing', [0 0])
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 0], 'bce_logits', 'pos_weight', -1)
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 0], 'bce_logits', 'pos_weight', NaN)
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 0], 'bce_logits', 'pos_weight', 'x')
%!error id=nnlab:nn_loss:size nn_loss ([1 2], [1 0], 'bce_logits', 'pos_weight', [1 2 3])
%!error id=nnlab:nn_loss:size nn_loss ([1 2], [1 0], 'bce_logits', 'pos_weight', [1; 2])
%!error id=nnlab:nn_loss:size nn_loss ([1 2], [1 0], 'bce_logits', 'pos_weight', [])
%% sizes
%!error <needs T of the size of Z \(2x3\)> nn_loss (ones (2, 3), ones (2, 2), 'mse')
%!error id=nnlab:nn_loss:size nn_loss (ones (2, 3), ones (3, 3), 'mae')
%!error id=nnlab:nn_loss:size nn_loss (ones (2, 3), ones (3, 2), 'huber')
%!error id=nnlab:nn_loss:size nn_loss (ones (2, 3) / 2, ones (2, 1), 'bce')
%!error id=nnlab:nn_loss:size nn_loss (ones (2, 3), ones (2, 1), 'bce_logits')
%!error id=nnlab:nn_loss:size nn_loss (ones (2, 3), ones (2, 1), 'hinge')
%!error <needs T of size 2x1 \(class indices\) or 2x3> nn_loss (ones (2, 3), ones (2, 2), 'ce')
%!error id=nnlab:nn_loss:size nn_loss (ones (2, 3), ones (3, 1), 'ce')
%!error id=nnlab:nn_loss:size nn_loss (ones (2, 0), ones (2, 1), 'ce')
%!error id=nnlab:nn_loss:size nn_loss (ones (2, 3), ones (2, 3) / 3, 'nll')
%!error id=nnlab:nn_loss:size nn_loss (ones (2, 0), ones (2, 1), 'nll')
%!error <needs Z of size Nx2> nn_loss (ones (2, 3), ones (2, 1), 'margin_ranking')
%!error id=nnlab:nn_loss:size nn_loss (ones (2, 2), ones (2, 2), 'margin_ranking')
%!error id=nnlab:nn_loss:size nn_loss (ones (2, 1), ones (2, 1), 'pairwise_logistic')
%!error id=nnlab:nn_loss:size nn_loss (ones (2, 2), ones (1, 2), 'pairwise_logistic')
%% domains of Z and T
%!error <Z\(1,2\) = 1.5 lies outside \[0, 1\]> nn_loss ([0.5 1.5], [1 1], 'bce')
%!error id=nnlab:nn_loss:domain nn_loss ([0.5 -0.1], [1 1], 'bce')
%!error id=nnlab:nn_loss:domain nn_loss ([0.5 NaN], [1 1], 'bce')
%!error id=nnlab:nn_loss:domain nn_loss ([0.5 0.5], [1 2], 'bce')
%!error id=nnlab:nn_loss:domain nn_loss (single ([0.5 0.5]), single ([-1 1]), 'bce')
%!error id=nnlab:nn_loss:domain nn_loss ([0.5 0.5], [1 NaN], 'bce_logits')
%!error id=nnlab:nn_loss:domain nn_loss ([0.5 0.5], [1 -1], 'bce_logits')
%!error <T\(2,1\) = 2> nn_loss ([1; 2], [1; 2], 'hinge')
%!error <both 0 .* and -1> nn_loss ([1 2 3], [0 1 -1], 'hinge')
%!error id=nnlab:nn_loss:domain nn_loss ([1 2], [0.5 1], 'hinge')
%!error <whole numbers from 1 to 3 .*T\(2\) = 0> nn_loss (ones (2, 3), [1; 0], 'ce')
%!error id=nnlab:nn_loss:domain nn_loss (ones (2, 3), [1; 4], 'ce')
%!error id=nnlab:nn_loss:domain nn_loss (ones (2, 3), [1; 1.5], 'ce')
%!error id=nnlab:nn_loss:domain nn_loss (ones (2, 3), [1; NaN], 'ce')
%!error id=nnlab:nn_loss:domain nn_loss (single (ones (2, 3)), single ([1; -1]), 'ce')
%!error id=nnlab:nn_loss:domain nn_loss (ones (1, 3), [0.5 0.5 -0.5], 'ce')
%!error id=nnlab:nn_loss:domain nn_loss (ones (1, 3), [0.5 0.5 1.5], 'ce')
%!error id=nnlab:nn_loss:domain nn_loss (ones (2, 3), [0; 1], 'nll')
%!error id=nnlab:nn_loss:domain nn_loss (ones (2, 3), [3; 3.5], 'nll')
%!error id=nnlab:nn_loss:domain nn_loss (ones (2, 3), [2; 4], 'nll')
%!error <T = 1 .* or -1 .*T\(2\) = 0> nn_loss (ones (2, 2), [1; 0], 'margin_ranking')
%!error id=nnlab:nn_loss:domain nn_loss (ones (2, 2), [1; 2], 'margin_ranking')
%!error id=nnlab:nn_loss:domain nn_loss (ones (2, 2), [1; 0.5], 'pairwise_logistic')
%!error id=nnlab:nn_loss:domain nn_loss (ones (2, 2), [-1; NaN], 'pairwise_logistic')

%% ---- ce over many rows (blocks of rows in lib/loss.c) against the formula
%!test
%! N = 700; K = 7;
%! Z = 4 * randn (N, K); idx = randi (K, N, 1); w = rand (N, 1);
%! P = rand (N, K); P = P ./ sum (P, 2);
%! for s = [0 0.2]
%!   for T = {idx, P}
%!     t = T{1};
%!     if (columns (t) == 1), Tp = full (sparse (1:N, t, 1, N, K)); else, Tp = t; end
%!     Tp = (1 - s) * Tp + s / K;
%!     m = max (Z, [], 2);
%!     ls = Z - m - log (sum (exp (Z - m), 2));
%!     Lr = -sum (Tp .* ls, 2);
%!     G = (exp (ls) .* sum (Tp, 2) - Tp) .* w / sum (w);
%!     [L, d] = nn_loss (Z, t, 'ce', 'weights', w, 'label_smoothing', s);
%!     assert (L, sum (w .* Lr) / sum (w), 1e-12);
%!     assert (d, G, 1e-14);
%!     [L, d] = nn_loss (single (Z), single (t), 'ce', 'reduction', 'none', 'label_smoothing', s);
%!     assert (double (L), Lr, 2e-5 * max (1, max (abs (Lr))));
%!     assert (double (d), exp (ls) .* sum (Tp, 2) - Tp, 2e-6);
%!   end
%! end
%! % a row with NaN or +Inf gives NaN; the other rows are untouched
%! Z(300, 2) = NaN; Z(650, 5) = Inf;
%! [L, d] = nn_loss (Z, idx, 'ce', 'reduction', 'none');
%! assert (isnan (L([300 650])) && all (isnan (d(300, :))) && all (isnan (d(650, :))));
%! assert (all (isfinite (L([1:299 301:649 651:N]))));
%!error id=nnlab:nn_loss:domain
%! P = rand (700, 4);  P(650, 3) = NaN;   % in a later block of rows
%! nn_loss (randn (700, 4), P, 'ce');

%% ---- likelihood-named losses: definitions --------------------------------
%!test
%! randn ('state', 11);  rand ('state', 11);
%! Z = randn (5, 3);  T = randn (5, 3);  w = rand (5, 1);
%! % bernoulli and categorical are bce_logits and ce under other names
%! P = rand (5, 3);
%! for red = {'mean', 'sum', 'none'}
%!   a = {'reduction', red{1}, 'weights', w};
%!   [L1, d1] = nn_loss (Z, P, 'bernoulli', a{:}, 'pos_weight', [1 2 3]);
%!   [L2, d2] = nn_loss (Z, P, 'bce_logits', a{:}, 'pos_weight', [1 2 3]);
%!   assert (isequal (L1, L2) && isequal (d1, d2));
%!   [L1, d1] = nn_loss (Z, [1; 3; 2; 2; 1], 'categorical', a{:}, 'label_smoothing', 0.1);
%!   [L2, d2] = nn_loss (Z, [1; 3; 2; 2; 1], 'ce', a{:}, 'label_smoothing', 0.1);
%!   assert (isequal (L1, L2) && isequal (d1, d2));
%! end
%! % gaussian, fixed sigma: (z - t)^2 / (2 sigma^2) + log(sigma) [+ log(2 pi)/2]
%! [L, d] = nn_loss (Z, T, 'gaussian', 'reduction', 'none');
%! [Lm, dm] = nn_loss (Z, T, 'mse', 'reduction', 'none');
%! assert (L, Lm / 2, 1e-15);  assert (d, dm / 2, 1e-15);
%! L = nn_loss (Z, T, 'gaussian', 'sigma', 0.5, 'full', true, 'reduction', 'none');
%! assert (L, (Z - T) .^ 2 / 0.5 + log (0.5) + log (2 * pi) / 2, 1e-14);
%! % the variance is clamped at eps: sigma^2 = 1e-8 counts as 1e-6
%! assert (nn_loss (Z, T, 'gaussian', 'sigma', 1e-4), nn_loss (Z, T, 'gaussian', 'sigma', 1e-3), 1e-12);
%! % laplace, fixed scale: |z - t| / b + log b [+ log 2]; b = 1 is mae
%! [L, d] = nn_loss (Z, T, 'laplace');
%! [Lm, dm] = nn_loss (Z, T, 'mae');
%! assert ([L; d(:)], [Lm; dm(:)], 1e-15);
%! L = nn_loss (Z, T, 'laplace', 'scale', 2, 'full', 1, 'reduction', 'none');
%! assert (L, abs (Z - T) / 2 + log (4), 1e-14);
%! % learned: Z = [mean, log variance] / [location, log scale], one loss per element of T
%! S = 0.7 * randn (5, 3);
%! [L, d] = nn_loss ([Z S], T, 'gaussian', 'reduction', 'none', 'full', true);
%! assert (size (L), [5 3]);  assert (size (d), [5 6]);
%! assert (L, 0.5 * (S + (Z - T) .^ 2 ./ exp (S) + log (2 * pi)), 1e-14);
%! assert (d, [(Z - T) ./ exp(S), 0.5 * (1 - (Z - T) .^ 2 ./ exp (S))], 1e-14);
%! [L, d] = nn_loss ([Z S], T, 'laplace', 'reduction', 'none');
%! assert (L, abs (Z - T) ./ exp (S) + S, 1e-14);
%! assert (d, [sign(Z - T) ./ exp(S), 1 - abs(Z - T) ./ exp(S)], 1e-14);
%! % 'mean' over the elements of T, weighted as the elementwise losses
%! Ln = nn_loss ([Z S], T, 'gaussian', 'reduction', 'none');
%! assert (nn_loss ([Z S], T, 'gaussian'), mean (Ln(:)), 1e-15);
%! assert (nn_loss ([Z S], T, 'gaussian', 'weights', w), sum (sum (w .* Ln)) / (3 * sum (w)), 1e-15);
%! % the learned shape with fixed log variance log(sigma^2) is the fixed sigma
%! assert (nn_loss ([Z, log(0.49) * ones(5, 3)], T, 'gaussian'), nn_loss (Z, T, 'gaussian', 'sigma', 0.7), 1e-14);
%! % poisson: exp(z) - t z (log_input), z - t log(z + eps); Stirling's term for t > 1
%! C = [0 1 2; 3 4 5; 0 0 7; 1 2 3; 9 0 1];
%! [L, d] = nn_loss (Z, C, 'poisson', 'reduction', 'none');
%! assert (L, exp (Z) - C .* Z, 1e-14);  assert (d, exp (Z) - C, 1e-14);
%! R = exp (Z);
%! [L, d] = nn_loss (R, C, 'poisson', 'log_input', false, 'reduction', 'none', 'full', true);
%! st = C .* log (C) - C + log (2 * pi * C) / 2;
%! st(C <= 1) = 0;
%! assert (L, R - C .* log (R + 1e-8) + st, 1e-13);
%! assert (d, 1 - C ./ (R + 1e-8), 1e-14);
%! % non-integer counts are allowed; with eps 0 a rate 0 gives 0 log 0 = NaN
%! % for t = 0 and Inf for t > 0, as PyTorch
%! assert (isfinite (nn_loss (R, C + 0.5, 'poisson', 'log_input', 0)));
%! L = nn_loss ([0 1 0], [0 2 1], 'poisson', 'log_input', false, 'eps', 0, 'reduction', 'none');
%! assert (isnan (L(1)) && L(2) == 1 && L(3) == Inf);

%!test
%! % the clamp of the variance (scale): v = max(exp(s), eps), as PyTorch's
%! % GaussianNLLLoss, which does not differentiate the clamp: the value is
%! % constant in s below log(eps), the gradient is dl/dv (at v = eps) exp(s)
%! z = [0.3; -1];  t = [1; 0.5];  s = [-9; -8];  r = z - t;  e = 1e-3;
%! for cls = {'double', 'single'}
%!   c = @(x) cast (x, cls{1});
%!   [L, d] = nn_loss (c([z s]), c(t), 'gaussian', 'eps', e, 'reduction', 'none');
%!   tol = 1e-13 * strcmp (cls{1}, 'double') + 1e-6 * strcmp (cls{1}, 'single');
%!   assert (double (L), 0.5 * (log (e) + r .^ 2 / e), tol * 1e4);
%!   assert (double (d), [r / e, 0.5 * (1 / e - r .^ 2 / e ^ 2) .* exp(s)], tol * 1e6);
%!   [L, d] = nn_loss (c([z s]), c(t), 'laplace', 'eps', e, 'reduction', 'none');
%!   assert (double (L), abs (r) / e + log (e), tol * 1e4);
%!   assert (double (d), [sign(r) / e, (1 / e - abs(r) / e ^ 2) .* exp(s)], tol * 1e6);
%! end
%! assert (nn_loss ([z s - 1], t, 'gaussian', 'eps', e), nn_loss ([z s], t, 'gaussian', 'eps', e));
%! % huge and tiny log variances stay finite or give the limit
%! [L, d] = nn_loss ([0 800; 0 -800], [1; 1], 'gaussian', 'reduction', 'none');
%! assert (L, [400; 0.5 * (log(1e-6) + 1e6)], 1e-9);
%! assert (all (isfinite (d(:))));
%! [L, d] = nn_loss ([0 800; 0 -800], [1; 1], 'laplace', 'reduction', 'none');
%! assert (L, [800; log(1e-6) + 1e6], 1e-9);
%! assert (all (isfinite (d(:))));
%! % single and double agree
%! randn ('state', 5);
%! Z = randn (20, 4);  T = randn (20, 2);
%! for nm = {'gaussian', 'laplace'}
%!   [L, d] = nn_loss (Z, T, nm{1}, 'full', true);
%!   [Ls, ds] = nn_loss (single (Z), single (T), nm{1}, 'full', true);
%!   assert (double (Ls), L, 1e-5 * abs (L));
%!   assert (double (ds), d, 1e-5);
%! end

%% ---- likelihood-named losses: errors ---------------------------------------
%!error <option 'sigma' fixes the standard deviation> nn_loss ([1 2], 1, 'gaussian', 'sigma', 2)
%!error id=nnlab:nn_loss:option nn_loss ([1 2; 3 4], [1; 2], 'laplace', 'scale', 2)
%!error id=nnlab:nn_loss:option nn_loss ([1 2], [1 2], 'gaussian', 'scale', 2)
%!error id=nnlab:nn_loss:option nn_loss ([1 2], [1 2], 'laplace', 'sigma', 2)
%!error id=nnlab:nn_loss:option nn_loss ([1 2], [1 2], 'poisson', 'sigma', 2)
%!error id=nnlab:nn_loss:option nn_loss ([1 2], [1 2], 'mse', 'full', true)
%!error id=nnlab:nn_loss:option nn_loss ([1 2], [1 2], 'gaussian', 'log_input', true)
%!error id=nnlab:nn_loss:option nn_loss ([1 2], [1 2], 'bernoulli', 'label_smoothing', 0.1)
%!error id=nnlab:nn_loss:option nn_loss ([1 2], 1, 'categorical', 'pos_weight', 1)
%!error <it has: 'reduction', 'weights', 'sigma', 'eps', 'full'> nn_loss ([1 2], [1 2], 'gaussian', 'delta', 1)
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 2], 'gaussian', 'sigma', 0)
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 2], 'gaussian', 'sigma', -1)
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 2], 'gaussian', 'sigma', Inf)
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 2], 'gaussian', 'sigma', [1 2])
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 2], 'laplace', 'scale', NaN)
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 2], 'gaussian', 'eps', 0)
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 2], 'laplace', 'eps', -1e-3)
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 2], 'poisson', 'eps', -1)
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 2], 'poisson', 'eps', NaN)
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 2], 'gaussian', 'full', 2)
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 2], 'poisson', 'log_input', 'yes')
%!error id=nnlab:nn_loss:optionValue nn_loss ([1 2], [1 2], 'poisson', 'full', [1 1])
%!error <two columns per column of T \(\[mean, log variance\]\)> nn_loss (ones (2, 3), ones (2, 2), 'gaussian')
%!error id=nnlab:nn_loss:size nn_loss (ones (2, 4), ones (2, 3), 'laplace')
%!error id=nnlab:nn_loss:size nn_loss (ones (2, 2), ones (3, 1), 'gaussian')
%!error id=nnlab:nn_loss:size nn_loss (ones (2, 2), ones (2, 1), 'poisson')
%!error id=nnlab:nn_loss:size nn_loss (ones (2, 2), ones (2, 1), 'bernoulli')
%!error id=nnlab:nn_loss:size nn_loss (ones (2, 3), ones (2, 2), 'categorical')
%!error id=nnlab:nn_loss:size nn_loss ([1 2; 3 4], [1; 2], 'gaussian', 'weights', [1; 1; 1])
%!error <takes counts, finite numbers .*but T\(1,2\) = -1> nn_loss ([1 2], [0 -1], 'poisson')
%!error id=nnlab:nn_loss:domain nn_loss ([1 2], [0 NaN], 'poisson')
%!error id=nnlab:nn_loss:domain nn_loss ([1 2], [0 Inf], 'poisson')
%!error id=nnlab:nn_loss:domain nn_loss (single ([1 2]), single ([-2 1]), 'poisson')
%!error <takes rates .*but Z\(2,1\) = -0.5> nn_loss ([1; -0.5], [1; 1], 'poisson', 'log_input', false)
%!error id=nnlab:nn_loss:domain nn_loss ([1; NaN], [1; 1], 'poisson', 'log_input', 0)
%!error id=nnlab:nn_loss:domain nn_loss ([0.5 2], [1 2], 'bernoulli')
%!error id=nnlab:nn_loss:domain nn_loss (ones (2, 3), [1; 4], 'categorical')

%% ---- the likelihood losses in nn_train: the learned shape, both engines
%!test
%! randn ('state', 4);
%! X = linspace (0, 1, 60)';  T = X + (0.05 + 0.3 * X) .* randn (60, 1);
%! args = {'Epochs', 4, 'BatchSize', 20, 'Optimizer', 'sgd', 'LearningRate', 0.05, 'Seed', 3, 'Verbose', false};
%! for nm = {'gaussian', 'laplace'}
%!   net = nn_mlp ([1 6 2], 'Hidden', 'tanh', 'Seed', 1);
%!   [a, ia] = nn_train (net, X, T, 'Loss', nm{1}, args{:}, 'Engine', 'm');
%!   [b, ib] = nn_train (net, X, T, 'Loss', nm{1}, args{:}, 'Engine', 'c');
%!   assert (isequal (ia.loss, ib.loss) && isequal (a, b));
%!   assert (all (isfinite (ia.loss)));
%!   assert (ia.loss(end), nn_loss (nn_predict (a, X), T, nm{1}), 0.2);
%! end
%! % poisson counts, bernoulli 0/1 and categorical labels, on the engine
%! C = round (3 * X);  B = double (X > 0.5);  K = 1 + (X > 0.3) + (X > 0.7);
%! for c = {{'poisson', C, 1}, {'bernoulli', B, 1}, {'categorical', K, 3}}
%!   [nm, TT, k] = c{1}{:};
%!   [~, ia] = nn_train (nn_mlp ([1 6 k], 'Seed', 1), X, TT, 'Loss', nm, args{:}, 'Engine', 'c');
%!   assert (all (isfinite (ia.loss)));
%! end
%!error id=nnlab:nn_train:size nn_train (nn_mlp ([1 3]), (1:4)', (1:4)', 'Loss', 'gaussian', 'Verbose', false)

## the likelihood names in nn_train and nn_evaluate: the metric of the loss
## they stand for (bernoulli as bce_logits, categorical as ce), and the
## regression metrics of the predicted mean (the first of two columns per
## target; the rate exp(Y) for poisson)
%!test
%! x = linspace (0, 1, 60)'; t = sin (3 * x);
%! net = nn_mlp ([1 6 2], 'Hidden', 'tanh', 'Seed', 2);
%! [net, info] = nn_train (net, x, t, 'Loss', 'gaussian', 'Epochs', 3, 'Verbose', false, 'Seed', 2);
%! assert (info.metric_name, 'mae');
%! Y = nn_predict (net, x);
%! assert (info.metric(end), mean (abs (Y(:, 1) - t)), 0.5);   % during the epoch, near the end's
%! assert (all (isfinite (info.metric)));
%! r = nn_evaluate (net, x, t, 'Loss', 'gaussian');
%! assert (r.mae, mean (abs (Y(:, 1) - t)), 1e-12);
%! assert (r.loss, nn_loss (Y, t, 'gaussian'), 1e-12);
%!test
%! x = linspace (0, 1, 40)'; c = round (exp (1 + x));
%! net = nn_mlp ([1 4 1], 'Hidden', 'tanh', 'Seed', 3);
%! [net, info] = nn_train (net, x, c, 'Loss', 'poisson', 'Epochs', 2, 'Verbose', false, 'Seed', 3);
%! assert (info.metric_name, 'mae'); assert (all (isfinite (info.metric)));
%! r = nn_evaluate (net, x, c, 'Loss', 'poisson');
%! assert (r.mae, mean (abs (exp (nn_predict (net, x)) - c)), 1e-12);
%!test
%! x = linspace (-1, 1, 40)'; y = double (x > 0); yc = 1 + (x > -0.3) + (x > 0.3);
%! [nb, ib] = nn_train (nn_mlp ([1 3 1], 'Seed', 4), x, y, 'Loss', 'bernoulli', 'Epochs', 2, 'Verbose', false, 'Seed', 4);
%! [nl, il] = nn_train (nn_mlp ([1 3 1], 'Seed', 4), x, y, 'Loss', 'bce_logits', 'Epochs', 2, 'Verbose', false, 'Seed', 4);
%! assert (ib.metric_name, 'accuracy'); assert (ib.metric, il.metric); assert (ib.loss, il.loss);
%! assert (nn_evaluate (nb, x, y, 'Loss', 'bernoulli').auc, nn_evaluate (nl, x, y, 'Loss', 'bce_logits').auc);
%! [nc, ic] = nn_train (nn_mlp ([1 3 3], 'Seed', 4), x, yc, 'Loss', 'categorical', 'Epochs', 2, 'Verbose', false, 'Seed', 4);
%! [ne, ie] = nn_train (nn_mlp ([1 3 3], 'Seed', 4), x, yc, 'Loss', 'ce', 'Epochs', 2, 'Verbose', false, 'Seed', 4);
%! assert (ic.metric, ie.metric); assert (ic.loss, ie.loss);
%! assert (nn_evaluate (nc, x, yc, 'Loss', 'categorical').accuracy, nn_evaluate (ne, x, yc, 'Loss', 'ce').accuracy);
%!error id=nnlab:nn_loss:domain nn_loss ([1; 2], [-1; 2], 'poisson')
