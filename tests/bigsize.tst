%% Tests of large sizes: an output too large for memory, or whose size in
%% bytes overflows, is refused with nnlab:<fn>:outOfMemory or :tooLarge
%% before anything is allocated; empty arrays with huge dimensions (which
%% hold no memory) work.  Every input here is small.

%!error id=nnlab:nn_dense:outOfMemory nn_dense (zeros (1e5, 1), zeros (1e6, 1))
%!error id=nnlab:nn_dense:outOfMemory nn_dense (zeros (1e5, 1, 'single'), zeros (1e6, 1, 'single'))
%!error id=nnlab:nn_dense:outOfMemory nn_dense (zeros (1e5, 1), zeros (1e6, 1), zeros (1e6, 1))
%!error id=nnlab:nn_dense:outOfMemory nn_dense (zeros (3, 0), zeros (2^40, 0))
%!error id=nnlab:nn_dense:tooLarge nn_dense (zeros (2^31, 0), zeros (2^31, 0))
%!error id=nnlab:nn_dense:tooLarge nn_dense (zeros (2^40, 0, 'single'), zeros (2^40, 0, 'single'))

%!test
%! % the message names the size in GiB
%! try
%!   nn_dense (zeros (1e5, 1), zeros (1e6, 1));
%!   error ('no error');
%! catch err
%!   assert (err.identifier, 'nnlab:nn_dense:outOfMemory');
%!   assert (! isempty (regexp (err.message, '100000 x 1000000 double needs 745\.1 GiB', 'once')));
%! end

%!test
%! % Octave survives and still works after the refusals
%! for i = 1:3
%!   try
%!     nn_dense (zeros (1e5, 1), zeros (1e6, 1));
%!   catch
%!   end
%! end
%! assert (nn_dense (2, 3, 1), 7);

%!test
%! % empty inputs with huge dimensions: empty outputs of the right size
%! N = 2^40;
%! assert (size (nn_dense (zeros (N, 0), zeros (0, 0))), [N, 0]);
%! assert (size (nn_dense (zeros (0, N), zeros (0, N))), [0, 0]);
%! [dX, dW, db] = nn_dense (zeros (N, 0), zeros (0, 0), [], zeros (N, 0));
%! assert (size (dX), [N, 0]);  assert (size (dW), [0, 0]);  assert (size (db), [0, 1]);
%! assert (size (nn_act (zeros (N, 0), 'relu')), [N, 0]);
%! assert (size (nn_act (zeros (N, 0), 'softmax')), [N, 0]);
%! assert (size (nn_act (zeros (0, N, 'single'), 'log_softmax', zeros (0, N, 'single'))), [0, N]);
%! [Y, M] = nn_dropout (zeros (N, 0), 0.5);
%! assert (size (Y), [N, 0]);  assert (size (M), [N, 0]);
%! assert (size (nn_dropout (zeros (0, N), 0.5, zeros (0, N), zeros (0, N))), [0, N]);
%! [P, S] = nn_step (zeros (N, 0), zeros (N, 0), [], 'adam');
%! assert (size (P), [N, 0]);  assert (size (S.exp_avg_sq), [N, 0]);
%! [P, S] = nn_step (P, zeros (N, 0), S, 'adam');
%! assert (S.step, 2);

%!test
%! % losses of an N x 0 Z: no scratch of N values is allocated
%! N = 2^40;
%! [L, dZ] = nn_loss (zeros (N, 0), zeros (N, 0), 'mse');
%! assert (isnan (L));  assert (size (dZ), [N, 0]);
%! [L, dZ] = nn_loss (zeros (N, 0, 'single'), zeros (N, 0, 'single'), 'bce', 'reduction', 'sum');
%! assert (L, single (0));  assert (size (dZ), [N, 0]);
%! [L, dZ] = nn_loss (zeros (N, 0), zeros (N, 0), 'huber', 'reduction', 'none');
%! assert (size (L), [N, 0]);  assert (size (dZ), [N, 0]);
%! assert (isnan (nn_loss (zeros (0, N), zeros (0, 1), 'ce')));
