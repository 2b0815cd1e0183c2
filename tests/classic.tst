## Tests of the full-batch classical trainers: nn_jacobian (the Jacobian in
## C), nn_train's 'lm', 'scg', 'trainrp', nn_minimize's 'scg' and 'rprop'.

%!function Y = fwd_theta (net, theta, X)
%!  Y = nn_predict (nn_roll (net, theta), X);
%!endfunction

%!function [W, b, acts] = dense_parts (net)
%!  W = {}; b = {}; acts = {};
%!  for i = 1:numel (net.layers)
%!    L = net.layers(i);
%!    if strcmp (L.type, 'dense')
%!      W{end+1} = L.W; b{end+1} = L.b; acts{end+1} = 'linear';
%!    else
%!      acts{end} = L.act;
%!    end
%!  end
%!endfunction

## the Jacobian against central differences, in nn_unroll's order
%!test
%! for a = {{'tanh', 'linear'}, {'sigmoid', 'sigmoid'}, {'softplus', 'softmax'}, {'elu', 'tanh'}}
%!   net = nn_mlp ([3 4 2], 'Hidden', a{1}{1}, 'Output', a{1}{2}, 'Seed', 4);
%!   X = randn (6, 3);
%!   [W, b, acts] = dense_parts (net);
%!   [J, Y] = nn_jacobian (X, W, b, acts);
%!   assert (size (J), [12 numel(nn_unroll (net))]);
%!   assert (Y, nn_predict (net, X), 1e-14);
%!   th = nn_unroll (net);
%!   Jn = zeros (size (J));
%!   h = 1e-6;
%!   for p = 1:numel (th)
%!     e = zeros (size (th)); e(p) = h;
%!     Jn(:, p) = (reshape (fwd_theta (net, th + e, X), [], 1) - reshape (fwd_theta (net, th - e, X), [], 1)) / (2 * h);
%!   end
%!   assert (J, Jn, 1e-8);
%! end

## three dense layers; the Gauss-Newton pair is J'J and J'e; single
%!test
%! net = nn_mlp ([2 5 3 2], 'Hidden', 'tanh', 'Seed', 2);
%! X = randn (7, 2); T = randn (7, 2);
%! [W, b, acts] = dense_parts (net);
%! [J, Y] = nn_jacobian (X, W, b, acts);
%! [JJ, Je, sse] = nn_jacobian (X, W, b, acts, T);
%! e = Y(:) - T(:);
%! assert (JJ, J' * J, 1e-12); assert (Je, J' * e, 1e-12); assert (sse, e' * e, 1e-12);
%! th = nn_unroll (net); h = 1e-6;
%! for p = [1 7 20 size(J, 2)]
%!   d = zeros (size (th)); d(p) = h;
%!   jn = (reshape (fwd_theta (net, th + d, X), [], 1) - reshape (fwd_theta (net, th - d, X), [], 1)) / (2 * h);
%!   assert (J(:, p), jn, 1e-8);
%! end
%! s = @(c) cellfun (@single, c, 'UniformOutput', false);
%! [Js, Ys] = nn_jacobian (single (X), s (W), s (b), acts);
%! assert (class (Js), 'single'); assert (class (Ys), 'single');
%! assert (double (Js), J, 1e-5);
%! [JJs, Jes, sses] = nn_jacobian (single (X), s (W), s (b), acts, single (T));
%! assert (class (JJs), 'single'); assert (double (JJs), JJ, 1e-4); assert (sses, sse, 1e-4);

## the damped solve: Cholesky, and QR when not positive definite
%!test
%! A = [4 1 0; 1 3 1; 0 1 2]; g = [1; 2; 3];
%! [dx, how] = nn_jacobian ('solve', A, g, 0.5);
%! assert (dx, (A + 0.5 * eye (3)) \ g, 1e-12); assert (how, 1);
%! [dx, how] = nn_jacobian ('solve', -A, g, 0);
%! assert (dx, -A \ g, 1e-12); assert (how, 2);
%! [dx, how] = nn_jacobian ('solve', single (A), single (g), 0.5);
%! assert (class (dx), 'single'); assert (double (dx), (A + 0.5 * eye (3)) \ g, 1e-5);

%!error id=nnlab:nn_jacobian:mu nn_jacobian ('solve', eye (2), [1; 1], -1)
%!error id=nnlab:nn_jacobian:size nn_jacobian ('solve', ones (2, 3), [1; 1], 1)
%!error id=nnlab:nn_jacobian:size nn_jacobian ('solve', eye (2), [1; 1; 1], 1)
%!error id=nnlab:nn_jacobian:mode nn_jacobian ('bogus', eye (2), [1; 1], 1)
%!error id=nnlab:nn_jacobian:act nn_jacobian (ones (2, 1), {ones(1)}, {0}, {'nosuch'})
%!error id=nnlab:nn_jacobian:size nn_jacobian (ones (2, 2), {ones(1)}, {0}, {'tanh'})
%!error id=nnlab:nn_jacobian:size nn_jacobian (ones (2, 1), {ones(1)}, {[0; 0]}, {'tanh'})
%!error id=nnlab:nn_jacobian:size nn_jacobian (ones (2, 1), {ones(1)}, {0}, {'tanh'}, ones (3, 1))
%!error id=nnlab:nn_jacobian:class nn_jacobian (ones (2, 1), ones (1), {0}, {'tanh'})
%!error nn_jacobian (ones (2, 1), {single(1)}, {0}, {'tanh'})
%!error id=nnlab:nn_jacobian:nargin nn_jacobian (ones (2, 1))

## LM on a 1-10-1 tanh fit of a smooth curve: MSE 1e-5 in under 100
## epochs (it takes about 10 here); Adam is far from it after 100
%!test
%! x = linspace (-1, 1, 41)'; t = sin (2 * x) .* exp (-x .^ 2);
%! net = nn_mlp ([1 10 1], 'Hidden', 'tanh', 'Seed', 1);
%! [n1, i1] = nn_train (net, x, t, 'Optimizer', 'lm', 'Epochs', 100, 'Goal', 1e-5, 'Verbose', false);
%! assert (i1.stop_reason, 'goal'); assert (i1.epochs < 100);
%! assert (i1.loss(end) <= 1e-5);
%! assert (i1.loss(end), mean ((nn_predict (n1, x) - t) .^ 2), 1e-12);
%! assert (all (diff (i1.loss) < 0));           % LM only takes steps that lower the loss
%! [~, i2] = nn_train (net, x, t, 'Optimizer', 'adam', 'Epochs', 100, 'BatchSize', 41, 'Verbose', false);
%! assert (i2.loss(end) > 1e-4);
%! ## MATLAB's name, single
%! [n3, i3] = nn_train (nn_mlp ([1 10 1], 'Hidden', 'tanh', 'Seed', 1, 'Class', 'single'), ...
%!                      single (x), single (t), 'Optimizer', 'trainlm', 'Epochs', 100, ...
%!                      'Goal', 1e-5, 'Verbose', false);
%! assert (n3.class, 'single'); assert (class (n3.layers(1).W), 'single');
%! assert (i3.loss(end) < 1e-4);

## LM with L2: the step minimises MSE + L2/2 |W|^2 (the loss reported)
%!test
%! x = linspace (-1, 1, 21)'; t = x .^ 2;
%! net = nn_mlp ([1 4 1], 'Hidden', 'tanh', 'Seed', 3);
%! [n1, i1] = nn_train (net, x, t, 'Optimizer', 'lm', 'Epochs', 30, 'L2', 1e-3, 'Verbose', false);
%! w = [n1.layers(1).W(:); n1.layers(3).W(:)];
%! assert (i1.loss(end), mean ((nn_predict (n1, x) - t) .^ 2) + 1e-3 / 2 * sum (w .^ 2), 1e-12);
%! assert (all (diff (i1.loss) <= 0));

## LM's stop rules: MuMax, MinGrad, validation (MaxFail)
%!test
%! x = linspace (-1, 1, 21)'; t = 2 * x + 1;
%! net = nn_mlp ([1 1], 'Seed', 1);
%! [n1, i1] = nn_train (net, x, t, 'Optimizer', 'lm', 'Epochs', 50, 'Verbose', false);
%! assert (any (strcmp (i1.stop_reason, {'mingrad', 'mumax', 'goal'})));
%! assert (n1.layers(1).W, 2, 1e-8); assert (n1.layers(1).b, 1, 1e-8);
%! x = linspace (-1, 1, 60)'; t = sin (3 * x) + 0.1 * cos (40 * x);
%! [n2, i2] = nn_train (nn_mlp ([1 20 1], 'Hidden', 'tanh', 'Seed', 1), x, t, 'Optimizer', 'lm', ...
%!                      'Epochs', 300, 'ValidationFraction', 0.3, 'MaxFail', 3, 'Seed', 5, 'Verbose', false);
%! assert (numel (i2.val_loss), i2.epochs); assert (all (isfinite (i2.val_loss)));
%! assert (any (strcmp (i2.stop_reason, {'patience', 'mingrad', 'mumax', 'epochs'})));

## SCG: on a linear network with MSE (a quadratic) it finds the least
## squares solution, as conjugate gradients do in about P iterations
%!test
%! X = randn (30, 3); T = X * [1; -2; 0.5] + 0.3 + 0.01 * randn (30, 1);
%! net = nn_mlp ([3 1], 'Seed', 2);
%! [n1, i1] = nn_train (net, X, T, 'Optimizer', 'scg', 'Epochs', 60, 'Verbose', false, 'Loss', 'mse');
%! c = [ones(30, 1) X] \ T;
%! assert ([n1.layers(1).b; n1.layers(1).W(:)], c, 1e-6);
%! assert (i1.loss(end) < i1.loss(1));
%! ## 'trainscg', cross-entropy on classes, a loss LM does not take
%! [X, y] = nn_toy ('blobs', 'N', 60, 'Seed', 1);
%! [n2, i2] = nn_train (nn_mlp ([2 6 max(y)], 'Hidden', 'tanh', 'Seed', 1), X, y, ...
%!                      'Optimizer', 'trainscg', 'Epochs', 40, 'Verbose', false);
%! assert (i2.loss_name, 'ce'); assert (i2.loss(end) < 0.5 * i2.loss(1));

## 'trainrp' is nn_step's rprop on the full-batch gradient: the same as
## minibatch rprop with one unshuffled batch of all observations
%!test
%! X = randn (25, 3); T = tanh (X * [1; 2; -1]);
%! net = nn_mlp ([3 5 1], 'Hidden', 'tanh', 'Seed', 3);
%! opts = {'Epochs', 30, 'Verbose', false, 'Loss', 'mse', 'Etas', [0.5 1.2], 'StepSizes', [1e-6 50]};
%! [n1, i1] = nn_train (net, X, T, 'Optimizer', 'trainrp', 'LearningRate', 0.07, opts{:});
%! [n2, i2] = nn_train (net, X, T, 'Optimizer', 'rprop', 'LearningRate', 0.07, 'BatchSize', 25, ...
%!                      'Shuffle', false, 'Engine', 'm', opts{:});
%! assert (nn_unroll (n1), nn_unroll (n2), 1e-12);
%! ## info.loss of 'trainrp' is the loss after the epoch, of rprop's during it
%! assert (i1.loss(1:end-1), i2.loss(2:end), 1e-12);
%! assert (i1.loss(end) < i1.loss(1));

## the seed: dropout's mask fixed for the run, runs repeat exactly
%!test
%! X = randn (20, 2); T = X(:, 1) .* X(:, 2);
%! net = nn_sequential (2, nn_layer('dense', 6), nn_layer('tanh'), nn_layer('dropout', 0.2), nn_layer('dense', 1), 'Seed', 1);
%! [a, ia] = nn_train (net, X, T, 'Optimizer', 'scg', 'Epochs', 10, 'Seed', 4, 'Verbose', false);
%! [b, ib] = nn_train (net, X, T, 'Optimizer', 'scg', 'Epochs', 10, 'Seed', 4, 'Verbose', false);
%! assert (isequal (nn_unroll (a), nn_unroll (b))); assert (isequal (ia.loss, ib.loss));

## the verbose lines and the stop reason
%!test
%! x = linspace (-1, 1, 21)'; t = x .^ 3;
%! net = nn_mlp ([1 5 1], 'Hidden', 'tanh', 'Seed', 1);
%! out = evalc ("nn_train (net, x, t, 'Optimizer', 'lm', 'Epochs', 100, 'Goal', 1e-3);");
%! assert (! isempty (strfind (out, 'optimizer lm (full batch)')));
%! assert (! isempty (strfind (out, 'epoch   1/100  loss')));
%! assert (! isempty (strfind (out, 'stopped because the loss reached ''Goal'' = 0.001')));

## nn_minimize: 'scg' and 'rprop'; the default is unchanged
%!test
%! A = [4 1 0 0 0; 1 3 1 0 0; 0 1 5 1 0; 0 0 1 2 0; 0 0 0 0 1]; b = (1:5)';
%! f = @(x) deal (0.5 * x' * A * x - b' * x, A * x - b);
%! [x, J, info] = nn_minimize (f, zeros (5, 1), 'Method', 'scg', 'MaxIter', 100);
%! assert (x, A \ b, 1e-6);
%! [x, J, info] = nn_minimize (f, zeros (5, 1), 'Method', 'rprop', 'MaxIter', 300);
%! assert (x, A \ b, 1e-2); assert (J < 0.5 * info.cost(1));
%! [x1, J1, i1] = nn_minimize (f, zeros (5, 1));
%! assert (x1, A \ b, 1e-7); assert (i1.stop_reason, 'tolgrad');
%! [x2, J2, i2] = nn_minimize (f, zeros (5, 1), 'Method', 'lbfgs');
%! assert (isequal (x1, x2));

## nn_minimize 'scg' on nn_cost: a network's parameters
%!test
%! [X, T] = nn_logic_data ('xor');
%! net = nn_mlp ([2 3 1], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 2);
%! [th, J, info] = nn_minimize (@(t) nn_cost (t, net, X, T, 0), nn_unroll (net), 'Method', 'scg', 'MaxIter', 50);
%! assert (J < info.cost(1)); assert (numel (info.cost), info.iterations + 1);
%! assert (issorted (flipud (info.cost)));      % scg takes only steps that lower the cost

%!error id=nnlab:nn_minimize:optionValue nn_minimize (@(x) deal (x^2, 2*x), 1, 'Method', 'cg')
%!error id=nnlab:nn_minimize:optionValue nn_minimize (@(x) deal (x^2, 2*x), 1, 'Method', 'scg', 'Sigma', 0)
%!error id=nnlab:nn_minimize:optionValue nn_minimize (@(x) deal (x^2, 2*x), 1, 'Method', 'rprop', 'Etas', [2 3])

## nn_train's errors
%!shared X, T, net
%! X = randn (10, 2); T = randn (10, 1);
%! net = nn_mlp ([2 3 1], 'Hidden', 'tanh', 'Seed', 1);
%!error id=nnlab:nn_train:optionValue nn_train (net, X, T, 'Optimizer', 'lm', 'BatchSize', 5, 'Verbose', false)
%!error id=nnlab:nn_train:optionValue nn_train (net, X, T, 'Optimizer', 'scg', 'Checkpoint', 'x.ck', 'Verbose', false)
%!error id=nnlab:nn_train:optionValue nn_train (net, X, T, 'Optimizer', 'lm', 'Mu', -1, 'Verbose', false)
%!error id=nnlab:nn_train:optionValue nn_train (net, X, T, 'Optimizer', 'lm', 'MuDec', 2, 'Verbose', false)
%!error id=nnlab:nn_train:optionValue nn_train (net, X, T, 'Optimizer', 'lm', 'MaxFail', 0, 'Verbose', false)
%!error id=nnlab:nn_train:optionValue nn_train (net, X, T, 'Optimizer', 'adam', 'Goal', 1e-3, 'Verbose', false)
%!error id=nnlab:nn_train:optimizer nn_train (net, X, T, 'Optimizer', 'lm', 'Loss', 'mae', 'Verbose', false)
%!error id=nnlab:nn_train:optimizer nn_train (net, X, T, 'Optimizer', 'lm', 'LossOptions', {'reduction', 'sum'}, 'Verbose', false)
%!error id=nnlab:nn_train:optimizer nn_train (nn_sequential (2, nn_layer('dense', 3), nn_layer('dropout', 0.5), nn_layer('dense', 1)), X, T, 'Optimizer', 'lm', 'Verbose', false)
%!error id=nnlab:nn_train:optimizer nn_train (nn_sequential (2, nn_layer('dense', 3), nn_layer('leaky_relu', 'alpha', 0.2), nn_layer('dense', 1)), X, T, 'Optimizer', 'lm', 'Verbose', false)
