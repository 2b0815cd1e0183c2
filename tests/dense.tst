%% Tests of nn_dense: values against Octave's own products, all shapes,
%% finite-difference gradients, and every bad argument.

%!function check_forward (X, W, b)
%!  % Y against X*W.' + b.' within the rounding bound of an in-term dot product
%!  Y = nn_dense (X, W, b);
%!  R = X * W.';
%!  M = abs (X) * abs (W).';
%!  if (~isempty (b))
%!    R = R + b(:).';
%!    M = M + abs (b(:).');
%!  end
%!  assert (class (Y), class (X));
%!  assert (size (Y), [rows(X), rows(W)]);
%!  tol = (columns (X) + 4) * eps (class (X)) * double (M);
%!  assert (all (abs (double (Y) - double (R)) <= tol + realmin (class (X)))(:));
%!endfunction

%!function check_backward (X, W, b, dY)
%!  [dX, dW, db] = nn_dense (X, W, b, dY);
%!  c = class (X);
%!  assert (class (dX), c);  assert (class (dW), c);  assert (class (db), c);
%!  assert (size (dX), size (X));
%!  assert (size (dW), size (W));
%!  assert (size (db), [rows(W), 1]);
%!  e = eps (c);
%!  t = (columns (W) + rows (W) + rows (X) + 4) * e;
%!  assert (all (abs (double (dX) - double (dY * W)) <= t * double (abs (dY) * abs (W)) + realmin (c))(:));
%!  assert (all (abs (double (dW) - double (dY.' * X)) <= t * double (abs (dY).' * abs (X)) + realmin (c))(:));
%!  % db is summed in double: within one rounding of the exact sum
%!  s = sum (double (dY), 1).';
%!  assert (all (abs (double (db) - s) <= 2 * e * abs (s) + 1e-12 * sum (abs (double (dY)), 1).' + realmin (c)));
%!endfunction

%!function check_fd (X, W, b)
%!  % central finite differences of L = sum(sum(G .* nn_dense(X, W, b)))
%!  G = randn (rows (X), rows (W));
%!  [dX, dW, db] = nn_dense (X, W, b, G);
%!  L = @(X, W, b) sum (sum (G .* nn_dense (X, W, b)));
%!  h = 1e-6;
%!  for i = 1:numel (X)
%!    E = zeros (size (X));  E(i) = h;
%!    assert (dX(i), (L (X + E, W, b) - L (X - E, W, b)) / (2 * h), 1e-7 * (1 + abs (dX(i))));
%!  end
%!  for i = 1:numel (W)
%!    E = zeros (size (W));  E(i) = h;
%!    assert (dW(i), (L (X, W + E, b) - L (X, W - E, b)) / (2 * h), 1e-7 * (1 + abs (dW(i))));
%!  end
%!  if (~isempty (b))
%!    for i = 1:numel (b)
%!      E = zeros (size (b));  E(i) = h;
%!      assert (db(i), (L (X, W, b + E) - L (X, W, b - E)) / (2 * h), 1e-7 * (1 + abs (db(i))));
%!    end
%!  end
%!endfunction

%% ---- forward and backward values, every small shape, both classes ----
%!test
%! randn ('state', 1);
%! for c = {'double', 'single'}
%!   for N = [1 2 7]
%!     for in = [1 3 8]
%!       for out = [1 2 5]
%!         X = randn (N, in, c{1});  W = randn (out, in, c{1});
%!         b = randn (out, 1, c{1});  dY = randn (N, out, c{1});
%!         check_forward (X, W, b);
%!         check_forward (X, W, []);
%!         check_backward (X, W, b, dY);
%!         check_backward (X, W, [], dY);
%!       end
%!     end
%!   end
%! end

%% for matrix shapes Octave calls the same gemm: identical bits (products
%% of more than 64 multiply-adds; smaller ones are summed in C, below)
%!test
%! randn ('state', 2);
%! X = randn (9, 6);  W = randn (4, 6);  b = randn (4, 1);  dY = randn (9, 4);
%! assert (isequal (nn_dense (X, W, b), X * W.' + b.'));
%! assert (isequal (nn_dense (X, W), X * W.'));
%! [dX, dW, db] = nn_dense (X, W, b, dY);
%! assert (isequal (dX, dY * W));
%! assert (isequal (dW, dY.' * X));
%! assert (isequal (db, sum (dY, 1).'));
%! Xs = single (X);  Ws = single (W);  bs = single (b);  dYs = single (dY);
%! assert (isequal (nn_dense (Xs, Ws, bs), Xs * Ws.' + bs.'));
%! [dX, dW] = nn_dense (Xs, Ws, bs, dYs);
%! assert (isequal (dX, dYs * Ws));
%! assert (isequal (dW, dYs.' * Xs));

%% products of at most 64 multiply-adds (the XOR network's) are summed in
%% C, term by term in order, as this loop does: the same bits
%!function Y = ordered_product (A, B)
%!  Y = zeros (rows (A), columns (B), class (A));
%!  for i = 1:rows (A)
%!    for j = 1:columns (B)
%!      s = A(i, 1) * B(1, j);
%!      for l = 2:columns (A)
%!        s = s + A(i, l) * B(l, j);
%!      end
%!      Y(i, j) = s;
%!    end
%!  end
%!endfunction
%!test
%! randn ('state', 3);
%! for cls = {'double', 'single'}
%!   X = randn (4, 2, cls{1});  W = randn (8, 2, cls{1});  b = randn (8, 1, cls{1});
%!   dY = randn (4, 8, cls{1});
%!   assert (isequal (nn_dense (X, W, b), ordered_product (X, W.') + b.'));
%!   [dX, dW] = nn_dense (X, W, b, dY);
%!   assert (isequal (dX, ordered_product (dY, W)));
%!   assert (isequal (dW, ordered_product (dY.', X)));
%!   assert (norm (dW - dY.' * X, 1) <= 8 * eps (cls{1}) * norm (abs (dY.') * abs (X), 1));
%! end

%% a small exact case
%!test
%! X = [1 2 3; 4 5 6];  W = [1 0 -1; 2 1 0];  b = [0.5; -1];
%! assert (nn_dense (X, W, b), [-1.5 3; -1.5 12]);
%! [dX, dW, db] = nn_dense (X, W, b, [1 0; 0 1]);
%! assert (dX, [1 0 -1; 2 1 0]);
%! assert (dW, [1 2 3; 4 5 6]);
%! assert (db, [1; 1]);

%% bias: omitted, [] and zeros agree; a row vector is accepted
%!test
%! X = randn (4, 3);  W = randn (2, 3);
%! Y = nn_dense (X, W);
%! assert (isequal (Y, nn_dense (X, W, [])));
%! assert (isequal (Y, nn_dense (X, W, zeros (2, 1))));
%! b = randn (2, 1);
%! assert (isequal (nn_dense (X, W, b), nn_dense (X, W, b.')));
%! dY = randn (4, 2);
%! [dX1, dW1, db1] = nn_dense (X, W, [], dY);
%! [dX2, dW2, db2] = nn_dense (X, W, b, dY);
%! assert (isequal (dX1, dX2) && isequal (dW1, dW2) && isequal (db1, db2));

%% fewer outputs in the backward call
%!test
%! X = randn (4, 3);  W = randn (2, 3);  dY = randn (4, 2);
%! [dX, dW, db] = nn_dense (X, W, [], dY);
%! assert (isequal (nn_dense (X, W, [], dY), dX));
%! [a, c] = nn_dense (X, W, [], dY);
%! assert (isequal (a, dX) && isequal (c, dW));

%% ---- empty sizes: empty products are zeros ----
%!test
%! for c = {'double', 'single'}
%!   W = ones (3, 2, c{1});  b = [1; 2; 3];  b = cast (b, c{1});
%!   % N = 0
%!   Y = nn_dense (zeros (0, 2, c{1}), W, b);
%!   assert (size (Y), [0 3]);  assert (class (Y), c{1});
%!   [dX, dW, db] = nn_dense (zeros (0, 2, c{1}), W, b, zeros (0, 3, c{1}));
%!   assert (size (dX), [0 2]);
%!   assert (dW, zeros (3, 2, c{1}));
%!   assert (db, zeros (3, 1, c{1}));
%!   % in = 0: Y is b' on every row, dW is 3 x 0
%!   Y = nn_dense (zeros (4, 0, c{1}), zeros (3, 0, c{1}), b);
%!   assert (Y, repmat (b.', 4, 1));
%!   assert (nn_dense (zeros (4, 0, c{1}), zeros (3, 0, c{1})), zeros (4, 3, c{1}));
%!   [dX, dW, db] = nn_dense (zeros (4, 0, c{1}), zeros (3, 0, c{1}), b, ones (4, 3, c{1}));
%!   assert (size (dX), [4 0]);  assert (size (dW), [3 0]);
%!   assert (db, 4 * ones (3, 1, c{1}));
%!   % out = 0
%!   Y = nn_dense (ones (4, 2, c{1}), zeros (0, 2, c{1}), zeros (0, 1, c{1}));
%!   assert (size (Y), [4 0]);
%!   [dX, dW, db] = nn_dense (ones (4, 2, c{1}), zeros (0, 2, c{1}), [], zeros (4, 0, c{1}));
%!   assert (dX, zeros (4, 2, c{1}));
%!   assert (size (dW), [0 2]);  assert (size (db), [0 1]);
%!   % everything empty
%!   assert (size (nn_dense (zeros (0, 0, c{1}), zeros (0, 0, c{1}))), [0 0]);
%!   [dX, dW, db] = nn_dense (zeros (0, 0, c{1}), zeros (0, 0, c{1}), [], zeros (0, 0, c{1}));
%!   assert (size (dX), [0 0]);  assert (size (dW), [0 0]);  assert (size (db), [0 1]);
%! end

%% ---- large N ----
%!test
%! randn ('state', 3);
%! for c = {'double', 'single'}
%!   X = randn (1e5, 10, c{1});  W = randn (4, 10, c{1});  b = randn (4, 1, c{1});
%!   dY = randn (1e5, 4, c{1});
%!   check_forward (X, W, b);
%!   check_backward (X, W, b, dY);
%! end
%!test
%! % the double bias gradient is Octave's sum, bit for bit
%! dY = randn (1e5, 3);
%! [~, ~, db] = nn_dense (ones (1e5, 2), ones (3, 2), [], dY);
%! assert (isequal (db, sum (dY, 1).'));

%% Inf and NaN propagate as in Octave's product
%!test
%! Y = nn_dense ([Inf 1; 1 1], [1 1], NaN);
%! assert (isnan (Y));
%! assert (nn_dense ([Inf 0], [1 0]), Inf);

%% ---- finite-difference gradients in double ----
%!test
%! randn ('state', 4);
%! check_fd (randn (5, 3), randn (4, 3), randn (4, 1));
%! check_fd (randn (1, 3), randn (2, 3), randn (2, 1));
%! check_fd (randn (4, 1), randn (1, 1), randn (1, 1));
%! check_fd (randn (3, 2), randn (1, 2), []);
%! check_fd (randn (1, 1), randn (3, 1), randn (3, 1));

%% ---- errors: counts ----
%!error id=nnlab:nn_dense:nargin nn_dense ()
%!error id=nnlab:nn_dense:nargin nn_dense (1)
%!error id=nnlab:nn_dense:nargin nn_dense (1, 1, 1, 1, 1)
%!error id=nnlab:nn_dense:nargout [a, b] = nn_dense (1, 1)
%!error id=nnlab:nn_dense:nargout [a, b] = nn_dense (1, 1, 1)
%!error id=nnlab:nn_dense:nargout [a, b, c, d] = nn_dense (1, 1, 1, 1)

%% ---- errors: classes of X, W, b, dY ----
%!error id=nnlab:nn_dense:class nn_dense (int8 (1), 1)
%!error id=nnlab:nn_dense:class nn_dense (uint32 (1), 1)
%!error id=nnlab:nn_dense:class nn_dense (true, 1)
%!error id=nnlab:nn_dense:class nn_dense ('a', 1)
%!error id=nnlab:nn_dense:class nn_dense ({1}, 1)
%!error id=nnlab:nn_dense:class nn_dense (struct ('a', 1), 1)
%!error id=nnlab:nn_dense:class nn_dense (@sin, 1)
%!error id=nnlab:nn_dense:class nn_dense (1, int16 (1))
%!error id=nnlab:nn_dense:class nn_dense (1, false)
%!error id=nnlab:nn_dense:class nn_dense (1, 'a')
%!error id=nnlab:nn_dense:class nn_dense (1, {1})
%!error id=nnlab:nn_dense:class nn_dense (1, struct ())
%!error id=nnlab:nn_dense:class nn_dense (1, 1, int8 (1))
%!error id=nnlab:nn_dense:class nn_dense (1, 1, true)
%!error id=nnlab:nn_dense:class nn_dense (1, 1, 'b')
%!error id=nnlab:nn_dense:class nn_dense (1, 1, {1})
%!error id=nnlab:nn_dense:class nn_dense (1, 1, struct ('b', 1))
%!error id=nnlab:nn_dense:class nn_dense (1, 1, 1, int8 (1))
%!error id=nnlab:nn_dense:class nn_dense (1, 1, 1, true)
%!error id=nnlab:nn_dense:class nn_dense (1, 1, 1, 'd')
%!error id=nnlab:nn_dense:class nn_dense (1, 1, 1, {1})
%!error id=nnlab:nn_dense:class nn_dense (1, 1, 1, struct ())

%% ---- errors: complex, sparse ----
%!error id=nnlab:nn_dense:complex nn_dense (1i, 1)
%!error id=nnlab:nn_dense:complex nn_dense (1, complex (1, 0))
%!error id=nnlab:nn_dense:complex nn_dense (1, 1, 1i)
%!error id=nnlab:nn_dense:complex nn_dense (1, 1, 1, 1i)
%!error id=nnlab:nn_dense:complex nn_dense (single (1i), single (1))
%!error id=nnlab:nn_dense:sparse nn_dense (sparse (1), 1)
%!error id=nnlab:nn_dense:sparse nn_dense (1, sparse (1))
%!error id=nnlab:nn_dense:sparse nn_dense (1, 1, sparse (1))
%!error id=nnlab:nn_dense:sparse nn_dense (1, 1, 1, sparse (1))

%% ---- errors: mixed single and double ----
%!error id=nnlab:nn_dense:mixedClass nn_dense (single (1), 1)
%!error id=nnlab:nn_dense:mixedClass nn_dense (1, single (1))
%!error id=nnlab:nn_dense:mixedClass nn_dense (1, 1, single (1))
%!error id=nnlab:nn_dense:mixedClass nn_dense (single (1), single (1), 1)
%!error id=nnlab:nn_dense:mixedClass nn_dense (1, 1, 1, single (1))
%!error id=nnlab:nn_dense:mixedClass nn_dense (single (1), single (1), [], 1)

%% ---- errors: sizes ----
%!error id=nnlab:nn_dense:size nn_dense (ones (2, 3), ones (4, 2))
%!error id=nnlab:nn_dense:size nn_dense (ones (2, 3), ones (3, 4))
%!error id=nnlab:nn_dense:size nn_dense (ones (2, 3), ones (1, 2))
%!error id=nnlab:nn_dense:size nn_dense (ones (2, 3), ones (4, 3), ones (3, 1))
%!error id=nnlab:nn_dense:size nn_dense (ones (2, 3), ones (4, 3), ones (5, 1))
%!error id=nnlab:nn_dense:size nn_dense (ones (2, 3), ones (4, 3), ones (2, 2))
%!error id=nnlab:nn_dense:size nn_dense (ones (2, 3), ones (4, 3), zeros (0, 1))
%!error id=nnlab:nn_dense:size nn_dense (ones (2, 3), ones (4, 3), [], ones (2, 3))
%!error id=nnlab:nn_dense:size nn_dense (ones (2, 3), ones (4, 3), [], ones (4, 2))
%!error id=nnlab:nn_dense:size nn_dense (ones (2, 3), ones (4, 3), [], ones (3, 4))
%!error id=nnlab:nn_dense:size nn_dense (ones (2, 3), ones (4, 3), [], [])

%% ---- errors: N-d arrays ----
%!error id=nnlab:nn_dense:size nn_dense (ones (2, 3, 2), ones (4, 3))
%!error id=nnlab:nn_dense:size nn_dense (ones (2, 3), ones (4, 3, 2))
%!error id=nnlab:nn_dense:size nn_dense (ones (2, 3), ones (4, 3), ones (4, 1, 2))
%!error id=nnlab:nn_dense:size nn_dense (ones (2, 3), ones (4, 3), [], ones (2, 4, 2))

%% the error text names the problem
%!error <W needs 3 columns> nn_dense (ones (2, 3), ones (4, 2))
%!error <b must be a vector of 4 elements> nn_dense (ones (2, 3), ones (4, 3), ones (3, 1))
%!error <dY must be 2 x 4> nn_dense (ones (2, 3), ones (4, 3), [], ones (4, 2))
