## Tests of nn_act (run from the repository root: test('tests/act.tst')).
## Reference vectors: tests/data/act_*.txt, written by tests/data/gen_act.py
## with torch.nn.functional and autograd (PyTorch 1.13), each value checked
## against 60-digit arithmetic (see the script for where PyTorch's own
## formula loses digits and the exact value is stored instead).

%!function f = act_data_file (name)
%!  f = fullfile ('tests', 'data', name);
%!  if (! exist (f, 'file'))
%!    f = fullfile (fileparts (which ('nn_act')), '..', 'tests', 'data', name);
%!  end
%!endfunction

## got equals want within rel (relative) + floor (absolute); Inf must match
## exactly, NaN never appears in want and must not appear in got.
%!function act_close (got, want, rel, floor, what)
%!  got = double (got(:));
%!  want = double (want(:));
%!  ok = (got == want) | (abs (got - want) <= rel * abs (want) + floor);
%!  if (! all (ok))
%!    i = find (! ok, 1);
%!    error ('%s: element %d is %.17g but should be %.17g (%d of %d wrong)', ...
%!           what, i, got(i), want(i), sum (! ok), numel (ok));
%!  end
%!endfunction

## One elementwise reference file: forward and backward in double and single.
%!function act_check_file (suffix, name, opts)
%!  D = load (act_data_file (['act_' suffix '.txt']));
%!  x = D(:,1); dy = D(:,2);
%!  what = sprintf ('%s %s', suffix, 'double');
%!  y = nn_act (x, name, [], opts{:});
%!  assert (isa (y, 'double') && isequal (size (y), size (x)));
%!  act_close (y, D(:,3), 1e-12, 1e-300, [what ' Y']);
%!  act_close (nn_act (x, name, dy, opts{:}), D(:,4), 1e-12, 1e-300, [what ' dX']);
%!  what = sprintf ('%s %s', suffix, 'single');
%!  y = nn_act (single (x), name, [], opts{:});
%!  assert (isa (y, 'single'));
%!  act_close (y, D(:,5), 1e-5, 1e-37, [what ' Y']);
%!  dx = nn_act (single (x), name, single (dy), opts{:});
%!  assert (isa (dx, 'single'));
%!  act_close (dx, D(:,6), 1e-5, 1e-37, [what ' dX']);
%!  ## the same numbers as a matrix (column-major layout does not matter)
%!  X = reshape (x(1:60), 12, 5); dY = reshape (dy(1:60), 12, 5);
%!  assert (isequal (nn_act (X, name, dY, opts{:}), ...
%!                   reshape (nn_act (x(1:60), name, dy(1:60), opts{:}), 12, 5)));
%!endfunction

## Row-wise reference file: [X dY Y dX Y32 dX32], K columns each.
%!function act_check_rows (name)
%!  D = load (act_data_file (['act_' name '.txt']));
%!  K = columns (D) / 6;
%!  B = @(b) D(:, (b-1)*K + (1:K));
%!  X = B(1); dY = B(2);
%!  act_close (nn_act (X, name), B(3), 1e-12, 1e-300, [name ' double Y']);
%!  act_close (nn_act (X, name, dY), B(4), 1e-12, 1e-300, [name ' double dX']);
%!  act_close (nn_act (single (X), name), B(5), 1e-5, 1e-37, [name ' single Y']);
%!  act_close (nn_act (single (X), name, single (dY)), B(6), 1e-5, 1e-37, ...
%!             [name ' single dX']);
%!endfunction

## Central finite differences of L = sum(dY .* f(X)) against the backward.
%!function act_check_fd (X, name, opts)
%!  dY = cos (3 * (1:numel (X)))' * 1.7;
%!  dY = reshape (dY, size (X));
%!  g = nn_act (X, name, dY, opts{:});
%!  fd = zeros (size (X));
%!  for i = 1:numel (X)
%!    h = 1e-6 * max (1, abs (X(i)));
%!    Xp = X; Xp(i) += h;
%!    Xm = X; Xm(i) -= h;
%!    fd(i) = (sum (sum (dY .* nn_act (Xp, name, [], opts{:}))) - ...
%!             sum (sum (dY .* nn_act (Xm, name, [], opts{:})))) / (2 * h);
%!  end
%!  err = max (abs (fd(:) - g(:))) / max (1, max (abs (g(:))));
%!  if (err > 1e-7)
%!    error ('%s: finite differences differ from the backward by %g', name, err);
%!  end
%!endfunction

## ---- PyTorch reference values ------------------------------------------
%!test act_check_file ('threshold', 'threshold', {});
%!test act_check_file ('linear', 'linear', {});
%!test act_check_file ('sigmoid', 'sigmoid', {});
%!test act_check_file ('tanh', 'tanh', {});
%!test act_check_file ('relu', 'relu', {});
%!test act_check_file ('leaky_relu', 'leaky_relu', {});
%!test act_check_file ('leaky_relu_a0.2', 'leaky_relu', {'negative_slope', 0.2});
%!test act_check_file ('leaky_relu_a0.2', 'leaky_relu', {'alpha', 0.2});
%!test act_check_file ('leaky_relu_a-0.5', 'leaky_relu', {'alpha', -0.5});
%!test act_check_file ('elu', 'elu', {});
%!test act_check_file ('elu_a0.5', 'elu', {'alpha', 0.5});
%!test act_check_file ('softplus', 'softplus', {});
%!test act_check_file ('softplus_b2_t10', 'softplus', {'beta', 2, 'threshold', 10});
%!test act_check_file ('softplus_b0.5', 'softplus', {'beta', single(0.5)});
%!test act_check_file ('gelu', 'gelu', {});
%!test act_check_file ('silu', 'silu', {});
%!test act_check_rows ('softmax');
%!test act_check_rows ('log_softmax');

## ---- conventions ----------------------------------------------------------
## derivatives at the kinks as PyTorch's autograd
%!assert (nn_act ([-1 0 1], 'relu', [5 5 5]), [0 0 5])
%!assert (nn_act ([-1 0 1], 'leaky_relu', [5 5 5]), [0.05 0.05 5], 1e-15)
%!assert (nn_act ([-1 0 1], 'elu', [5 5 5], 'alpha', 0.5), [2.5*exp(-1) 2.5 5], 1e-15)
%!assert (nn_act ([0 1e-300], 'threshold', [5 5]), [0 0])
## softplus switches to x only where beta*x > threshold
%!assert (nn_act ([5 5.5], 'softplus', [], 'beta', 2, 'threshold', 10), [log1p(exp(10))/2 5.5], 1e-15)
%!assert (nn_act ([5 5.5], 'softplus', [1 1], 'beta', 2, 'threshold', 10), [1/(1+exp(-10)) 1], 1e-15)
%!assert (nn_act (800, 'softplus', [], 'threshold', Inf), 800)
%!assert (nn_act (800, 'softplus', 1, 'threshold', Inf), 1)
## defaults, option names, NAME case, [] for dY
%!test
%! x = linspace (-3, 3, 13);
%! assert (isequal (nn_act (x, 'leaky_relu'), nn_act (x, 'leaky_relu', [], 'alpha', 0.01)));
%! assert (isequal (nn_act (x, 'leaky_relu', [], 'negative_slope', 0.3), ...
%!                  nn_act (x, 'leaky_relu', [], 'alpha', 0.3)));
%! assert (isequal (nn_act (x, 'elu'), nn_act (x, 'elu', [], 'alpha', 1)));
%! assert (isequal (nn_act (x, 'softplus'), nn_act (x, 'softplus', [], 'beta', 1, 'threshold', 20)));
%! assert (isequal (nn_act (x, 'ReLU'), nn_act (x, 'relu', [])));
%! assert (isequal (nn_act (x, 'elu', [], 'ALPHA', 2), nn_act (x, 'elu', [], 'alpha', 2)));
%! assert (isequal (nn_act (x, 'elu', [], 'alpha', 2, 'alpha', 3), nn_act (x, 'elu', [], 'alpha', 3)));
%! assert (isequal (nn_act (x, 'elu', [], 'alpha', int8(2)), nn_act (x, 'elu', [], 'alpha', 2)));
%! assert (isequal (nn_act (x, 'leaky_relu', [], 'alpha', 0), nn_act (x, 'relu')));
%! assert (isequal (nn_act (x, 'elu', [], 'alpha', 0), nn_act (x, 'relu')));
%! assert (isequal (nn_act (x, 'linear', zeros (0, 0, 'single')), x));
## rows of softmax sum to 1; log_softmax is its log; by rows, not columns
%!test
%! X = [1 2 3; 3 2 1; -1000 0 1000; 5 5 5];
%! Y = nn_act (X, 'softmax');
%! assert (sum (Y, 2), ones (4, 1), 1e-15);
%! assert (Y(1,:), exp (1:3) / sum (exp (1:3)), 1e-15);
%! assert (Y(4,:), [1 1 1] / 3, 1e-15);
%! L = nn_act (X, 'log_softmax');
%! assert (L([1 2 4],:), log (Y([1 2 4],:)), 1e-13);
%! assert (L(3,:), [-2000 -1000 0] - log1p (exp (-1000)), 1e-13);
%! assert (sum (nn_act (X', 'softmax'), 2), ones (3, 1), 1e-15);
## ties for the row maximum
%!test
%! X = [2 2 0; 1 1 1; -Inf 3 3]; dY = [0.3 -1 2; 1 2 -4; 5 0.5 -0.25];
%! S = exp (X - max (X, [], 2)); S = S ./ sum (S, 2);
%! assert (nn_act (X, 'softmax'), S, 1e-15);
%! assert (nn_act (X, 'softmax', dY), S .* (dY - sum (dY .* S, 2)), 1e-15);
%! assert (nn_act (X, 'log_softmax', dY), dY - S .* sum (dY, 2), 1e-15);
%! assert (nn_act (single (X), 'log_softmax', single (dY)), single (dY - S .* sum (dY, 2)), 1e-6);
## a confident row keeps its digits: log(1 - 1e-20) and its gradient
%!test
%! y = nn_act ([0 -46.0517018598809], 'log_softmax');
%! assert (y(1), -1e-20, 1e-32);
%! g = nn_act ([0 -46.0517018598809], 'softmax', [1 0]);
%! assert (g(1), 1e-20, 1e-32);
%! g = nn_act ([0 -46.0517018598809], 'log_softmax', [1 1]);
%! assert (g(1), 1 - 2 * (1 - 1e-20), 1e-15);
%! g = nn_act ([0 -46.0517018598809], 'log_softmax', [1 0]);
%! assert (g(1), 1e-20, 1e-32);

## ---- NaN, Inf and extremes -----------------------------------------------
%!test
%! names = {'threshold', 'linear', 'sigmoid', 'tanh', 'relu', 'leaky_relu', ...
%!          'elu', 'softplus', 'gelu', 'silu'};
%! for c = {'double', 'single'}
%!   x = cast ([NaN -1 NaN 2], c{1});
%!   for i = 1:numel (names)
%!     y = nn_act (x, names{i});
%!     dx = nn_act (x, names{i}, ones (size (x), c{1}));
%!     assert (isnan (y([1 3])) & ! isnan (y([2 4])), names{i});
%!     if (! strcmp (names{i}, 'linear'))   # its dX is dY
%!       assert (isnan (dx([1 3])) & ! isnan (dx([2 4])), names{i});
%!     end
%!     assert (isa (y, c{1}) && isa (dx, c{1}));
%!   end
%! end
%!test
%! X = [1 NaN 3; 1 2 3; NaN 0 0];
%! for n = {'softmax', 'log_softmax'}
%!   Y = nn_act (X, n{1});
%!   dX = nn_act (X, n{1}, ones (3));
%!   assert (all (isnan (Y([1 3],:))(:)) && all (isnan (dX([1 3],:))(:)));
%!   assert (! any (isnan (Y(2,:))) && ! any (isnan (dX(2,:))));
%! end
## finite in, finite out, however large; limits at +-Inf
%!test
%! x = [-1e4 -1000 -745 -100 -1e-300 0 1e-300 100 745 1000 1e4];
%! names = {'sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'softplus', 'gelu', 'silu'};
%! for c = {'double', 'single'}
%!   for i = 1:numel (names)
%!     assert (all (isfinite (nn_act (cast (x, c{1}), names{i}))), names{i});
%!     assert (all (isfinite (nn_act (cast (x, c{1}), names{i}, ones (size (x), c{1})))), names{i});
%!   end
%!   X = cast ([x; -x; 1e4 * ones(size (x))], c{1});
%!   for n = {'softmax', 'log_softmax'}
%!     assert (all (isfinite (nn_act (X, n{1}))(:)));
%!     assert (all (isfinite (nn_act (X, n{1}, X))(:)));
%!   end
%! end
%!assert (nn_act ([-Inf Inf], 'gelu'), [0 Inf])
%!assert (nn_act ([-Inf Inf], 'gelu', [1 1]), [0 1])
%!assert (nn_act ([-Inf Inf], 'silu'), [0 Inf])
%!assert (nn_act ([-Inf Inf], 'silu', [1 1]), [0 1])
%!assert (nn_act ([-Inf Inf], 'sigmoid', [1 1]), [0 0])
%!assert (nn_act ([-Inf Inf], 'tanh', [1 1]), [0 0])
%!assert (nn_act ([-Inf 0 1], 'softmax'), [0 1 exp(1)] / (1 + exp (1)), 1e-15)
%!assert (nn_act ([-Inf 0 1], 'log_softmax'), [-Inf 0 1] - log (1 + exp (1)), 1e-15)
## a row whose maximum is +Inf gives NaN, as PyTorch
%!assert (all (isnan (nn_act ([Inf 0 1], 'softmax'))))
%!assert (all (isnan (nn_act ([Inf 0 1], 'log_softmax'))))
## sigmoid, tanh derivatives keep their digits where 1 - y would be 0
%!assert (nn_act (40, 'sigmoid', 1), exp (-40) / (1 + exp (-40))^2, 1e-30)
%!assert (nn_act (-40, 'gelu'), -40 * erfc (40 / sqrt (2)) / 2, -1e-13)

## ---- sizes ---------------------------------------------------------------
%!test
%! names = {'threshold', 'linear', 'sigmoid', 'tanh', 'relu', 'leaky_relu', ...
%!          'elu', 'softplus', 'gelu', 'silu', 'softmax', 'log_softmax'};
%! for i = 1:numel (names)
%!   for sz = {[0 0], [0 3], [3 0], [1 1], [1 7], [7 1]}
%!     X = reshape (linspace (-2, 2, prod (sz{1})), sz{1});
%!     Y = nn_act (X, names{i});
%!     assert (size (Y), sz{1});
%!     assert (size (nn_act (X, names{i}, X)), sz{1});
%!     assert (size (nn_act (single (X), names{i}, single (X))), sz{1});
%!   end
%! end
%!assert (nn_act (5, 'softmax'), 1)
%!assert (nn_act (5, 'log_softmax'), 0)
%!assert (nn_act ([5; -3], 'softmax', [2; 7]), [0; 0])
## many rows (several blocks) and many columns, against the plain formula
%!test
%! rand ('seed', 1); randn ('seed', 1);
%! for sz = {[1000 7], [3 5000], [517 40]}
%!   X = 30 * randn (sz{1});
%!   dY = randn (sz{1});
%!   E = exp (X - max (X, [], 2));
%!   S = E ./ sum (E, 2);
%!   assert (nn_act (X, 'softmax'), S, 1e-13);
%!   assert (nn_act (X, 'log_softmax'), (X - max (X, [], 2)) - log (sum (E, 2)), 1e-12 * max (abs (X(:))));
%!   assert (nn_act (X, 'softmax', dY), S .* (dY - sum (dY .* S, 2)), 1e-13 * max (abs (dY(:))));
%!   assert (nn_act (X, 'log_softmax', dY), dY - S .* sum (dY, 2), 1e-12 * max (abs (dY(:))));
%!   assert (nn_act (single (X), 'softmax'), single (S), 1e-5);  # single(X) is off by 30*eps
%! end
## single and double agree on ordinary inputs
%!test
%! randn ('seed', 2);
%! X = 4 * randn (50, 6); dY = randn (50, 6);
%! for n = {'sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'softplus', 'gelu', 'silu', 'softmax', 'log_softmax'}
%!   assert (double (nn_act (single (X), n{1})), nn_act (X, n{1}), 1e-5 * max (1, max (abs (X(:)))));
%!   assert (double (nn_act (single (X), n{1}, single (dY))), nn_act (X, n{1}, dY), 1e-5 * max (abs (dY(:))));
%! end

## ---- finite-difference checks (double, points away from the kinks) --------
%!shared Xfd
%! randn ('seed', 7);
%! Xfd = 3 * randn (4, 5);
%! Xfd(abs (Xfd) < 0.1) = 0.5;
%!test act_check_fd (Xfd, 'threshold', {});
%!test act_check_fd (Xfd, 'linear', {});
%!test act_check_fd (Xfd, 'sigmoid', {});
%!test act_check_fd (Xfd, 'tanh', {});
%!test act_check_fd (Xfd, 'relu', {});
%!test act_check_fd (Xfd, 'leaky_relu', {});
%!test act_check_fd (Xfd, 'leaky_relu', {'alpha', -0.3});
%!test act_check_fd (Xfd, 'elu', {});
%!test act_check_fd (Xfd, 'elu', {'alpha', 0.4});
%!test act_check_fd (Xfd, 'softplus', {});
%!test act_check_fd (Xfd, 'softplus', {'beta', 3, 'threshold', 5});
%!test act_check_fd (Xfd, 'softplus', {'beta', 0.25, 'threshold', Inf});
%!test act_check_fd (Xfd, 'gelu', {});
%!test act_check_fd (Xfd, 'silu', {});
%!test act_check_fd (Xfd, 'softmax', {});
%!test act_check_fd (Xfd, 'log_softmax', {});
%!test act_check_fd (100 * Xfd, 'softmax', {});
%!test act_check_fd (Xfd([1 1 1],:) + [0; 1e-3; -2e-3], 'log_softmax', {});

## ---- errors ----------------------------------------------------------------
## counts
%!error <Usage> nn_act ()
%!error id=nnlab:nn_act:nargin nn_act (1)
%!error id=nnlab:nn_act:nargout [a, b] = nn_act (1, 'relu')
## X
%!error id=nnlab:nn_act:class nn_act (int32 (1), 'relu')
%!error id=nnlab:nn_act:class nn_act (true, 'relu')
%!error id=nnlab:nn_act:class nn_act ('abc', 'relu')
%!error id=nnlab:nn_act:class nn_act ({1}, 'relu')
%!error id=nnlab:nn_act:class nn_act (struct ('a', 1), 'relu')
%!error id=nnlab:nn_act:sparse nn_act (sparse (1), 'relu')
%!error id=nnlab:nn_act:complex nn_act (1i, 'relu')
%!error id=nnlab:nn_act:size nn_act (ones (2, 2, 2), 'relu')
## NAME
%!error id=nnlab:nn_act:name nn_act (1, 2)
%!error id=nnlab:nn_act:name nn_act (1, {'relu'})
%!error id=nnlab:nn_act:name nn_act (1, ['re'; 'lu'])
%!error <choose one of 'threshold', 'linear', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'softplus', 'gelu', 'silu', 'softmax', 'log_softmax'> nn_act (1, 'swish')
%!error id=nnlab:nn_act:name nn_act (1, '')
## dY
%!error id=nnlab:nn_act:size nn_act (ones (2, 3), 'relu', ones (3, 2))
%!error id=nnlab:nn_act:size nn_act (ones (2, 3), 'softmax', ones (2, 1))
%!error id=nnlab:nn_act:mixedClass nn_act (ones (2), 'relu', single (ones (2)))
%!error id=nnlab:nn_act:mixedClass nn_act (single (ones (2)), 'softmax', ones (2))
%!error id=nnlab:nn_act:class nn_act (ones (2), 'relu', int8 (ones (2)))
%!error id=nnlab:nn_act:class nn_act (ones (2), 'relu', true (2))
%!error <not an option name> nn_act (ones (2), 'leaky_relu', 'alpha', 0.1)
%!error id=nnlab:nn_act:sparse nn_act (ones (2), 'relu', sparse (ones (2)))
%!error id=nnlab:nn_act:complex nn_act (ones (2), 'relu', 1i * ones (2))
%!error id=nnlab:nn_act:size nn_act (ones (2), 'relu', ones (2, 2, 2))
## option names
%!error id=nnlab:nn_act:option nn_act (1, 'elu', [], 'alpha')
%!error id=nnlab:nn_act:option nn_act (1, 'elu', [], 'alpha', 1, 'beta')
%!error id=nnlab:nn_act:option nn_act (1, 'elu', [], 3, 1)
%!error id=nnlab:nn_act:option nn_act (1, 'elu', [], 'negative_slope', 1)
%!error <'beta' is an option of 'softplus'> nn_act (1, 'elu', [], 'beta', 1)
%!error id=nnlab:nn_act:option nn_act (1, 'leaky_relu', [], 'beta', 1)
%!error id=nnlab:nn_act:option nn_act (1, 'leaky_relu', [], 'threshold', 1)
%!error id=nnlab:nn_act:option nn_act (1, 'softplus', [], 'alpha', 1)
%!error id=nnlab:nn_act:option nn_act (1, 'softplus', [], 'foo', 1)
%!error <takes no options> nn_act (1, 'relu', [], 'alpha', 1)
%!test
%! for n = {'threshold', 'linear', 'sigmoid', 'tanh', 'relu', 'gelu', 'silu', 'softmax', 'log_softmax'}
%!   for o = {'alpha', 'negative_slope', 'beta', 'threshold', 'dim'}
%!     try
%!       nn_act (1, n{1}, [], o{1}, 1);
%!       error ('no error for %s with %s', n{1}, o{1});
%!     catch err
%!       assert (err.identifier, 'nnlab:nn_act:option');
%!     end
%!   end
%! end
## option values
%!error id=nnlab:nn_act:optionValue nn_act (1, 'leaky_relu', [], 'alpha', NaN)
%!error id=nnlab:nn_act:optionValue nn_act (1, 'leaky_relu', [], 'alpha', Inf)
%!error id=nnlab:nn_act:optionValue nn_act (1, 'leaky_relu', [], 'alpha', -Inf)
%!error id=nnlab:nn_act:optionValue nn_act (1, 'leaky_relu', [], 'alpha', [0.1 0.2])
%!error id=nnlab:nn_act:optionValue nn_act (1, 'leaky_relu', [], 'alpha', [])
%!error id=nnlab:nn_act:optionValue nn_act (1, 'leaky_relu', [], 'alpha', 'x')
%!error id=nnlab:nn_act:optionValue nn_act (1, 'leaky_relu', [], 'alpha', {0.1})
%!error id=nnlab:nn_act:optionValue nn_act (1, 'leaky_relu', [], 'alpha', 1i)
%!error id=nnlab:nn_act:optionValue nn_act (1, 'leaky_relu', [], 'negative_slope', NaN)
%!error id=nnlab:nn_act:optionValue nn_act (1, 'leaky_relu', [], 'negative_slope', 'big')
%!error id=nnlab:nn_act:optionValue nn_act (1, 'elu', [], 'alpha', -1)
%!error id=nnlab:nn_act:optionValue nn_act (1, 'elu', [], 'alpha', NaN)
%!error id=nnlab:nn_act:optionValue nn_act (1, 'elu', [], 'alpha', Inf)
%!error id=nnlab:nn_act:optionValue nn_act (1, 'elu', [], 'alpha', [1 1])
%!error id=nnlab:nn_act:optionValue nn_act (1, 'elu', [], 'alpha', 'one')
%!error id=nnlab:nn_act:optionValue nn_act (1, 'softplus', [], 'beta', 0)
%!error id=nnlab:nn_act:optionValue nn_act (1, 'softplus', [], 'beta', -1)
%!error id=nnlab:nn_act:optionValue nn_act (1, 'softplus', [], 'beta', NaN)
%!error id=nnlab:nn_act:optionValue nn_act (1, 'softplus', [], 'beta', Inf)
%!error id=nnlab:nn_act:optionValue nn_act (1, 'softplus', [], 'beta', [1 2])
%!error id=nnlab:nn_act:optionValue nn_act (1, 'softplus', [], 'beta', 'b')
%!error id=nnlab:nn_act:optionValue nn_act (1, 'softplus', [], 'threshold', 0)
%!error id=nnlab:nn_act:optionValue nn_act (1, 'softplus', [], 'threshold', -5)
%!error id=nnlab:nn_act:optionValue nn_act (1, 'softplus', [], 'threshold', NaN)
%!error id=nnlab:nn_act:optionValue nn_act (1, 'softplus', [], 'threshold', -Inf)
%!error id=nnlab:nn_act:optionValue nn_act (1, 'softplus', [], 'threshold', [10 20])
%!error id=nnlab:nn_act:optionValue nn_act (1, 'softplus', [], 'threshold', 't')
%!error id=nnlab:nn_act:optionValue nn_act (1, 'softplus', [], 'threshold', struct ())
