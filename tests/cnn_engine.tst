## The compiled engine (nn_fit) on convolutional networks (issue 13): its
## results equal the step-by-step path's bit for bit, for every layer type
## and option, optimizer, precision, data layout and training policy; and
## nn_fit's checks of image networks.

%!function [a, ia, b, ib] = both(net, X, T, varargin)
%!  % the same training by the compiled engine and step by step
%!  o = [{'Verbose', false, 'Seed', 3}, varargin];
%!  [a, ia] = nn_train(net, X, T, o{:}, 'Engine', 'c');
%!  [b, ib] = nn_train(net, X, T, o{:}, 'Engine', 'm');
%!endfunction

%!function net = make_net(cls)
%!  net = nn_sequential([9 8 2], nn_layer('conv2d', 4, [3 3], 'Padding', 1), 'relu', ...
%!                      nn_layer('maxpool', [2 2]), nn_layer('conv2d', 5, [2 3], 'Stride', [1 2]), 'tanh', ...
%!                      nn_layer('avgpool', [2 1]), nn_layer('flatten'), nn_layer('dense', 6), 'relu', ...
%!                      nn_layer('dense', 3), 'Seed', 1, 'Class', cls);
%!endfunction

%!function assert_same(a, ia, b, ib)
%!  assert(isequal(a, b));
%!  assert(isequal(ia.loss, ib.loss) && isequal(ia.metric, ib.metric));
%!  assert(isequaln(ia.val_loss, ib.val_loss) && isequal(ia.best_epoch, ib.best_epoch));
%!endfunction

%!shared net, X, T
%! net = make_net('double');
%! X = sin(reshape(1:(9 * 8 * 2 * 37), 9, 8, 2, 37) / 7);
%! T = mod((1:37).', 3) + 1;

%!test
%! % every optimizer, with L2, a last batch that is shorter, several epochs
%! for m = {'sgd', 'adagrad', 'rmsprop', 'adam', 'adamw', 'rprop'}
%!   [a, ia, b, ib] = both(net, X, T, 'Loss', 'ce', 'Optimizer', m{1}, 'Epochs', 3, 'BatchSize', 8, 'L2', 1e-3);
%!   assert_same(a, ia, b, ib);
%!   assert(~isequal(a.layers(1).W, net.layers(1).W));
%! end
%! [a, ia, b, ib] = both(net, X, T, 'Loss', 'ce', 'Optimizer', 'sgd', 'Momentum', 0.9, 'Epochs', 2, 'BatchSize', 8);
%! assert_same(a, ia, b, ib);

%!test
%! % single precision, and images given as rows (the engine trains from their
%! % transpose; 'LowMemory' trains step by step)
%! s = make_net('single');
%! Xs = single(X);
%! [a, ia, b, ib] = both(s, Xs, T, 'Loss', 'ce', 'Optimizer', 'adam', 'Epochs', 2, 'BatchSize', 5);
%! assert_same(a, ia, b, ib);
%! assert(class(a.layers(4).W), 'single');
%! R = reshape(Xs, [], 37).';
%! [c, ic] = nn_train(s, R, T, 'Loss', 'ce', 'Optimizer', 'adam', 'Epochs', 2, 'BatchSize', 5, ...
%!                    'Verbose', false, 'Seed', 3, 'Engine', 'c');
%! assert_same(a, ia, c, ic);
%! d = nn_train(s, R, T, 'Loss', 'ce', 'Optimizer', 'adam', 'Epochs', 2, 'BatchSize', 5, ...
%!              'Verbose', false, 'Seed', 3, 'LowMemory', true);
%! assert(isequal(a, d));

%!test
%! % the options of the layers: dilation, groups (depthwise), 'same' padding,
%! % max pooling with stride and padding, average pooling without the padding,
%! % global pooling, and activations on images
%! n2 = nn_sequential([10 9 4], nn_layer('conv2d', 4, 3, 'Groups', 4, 'Padding', 'same'), 'elu', ...
%!                    nn_layer('conv2d', 6, [2 2], 'Dilation', [2 1], 'Groups', 2), 'sigmoid', ...
%!                    nn_layer('maxpool', [3 2], 'Stride', [2 1], 'Padding', [1 0]), ...
%!                    nn_layer('avgpool', 2, 'Padding', 1, 'CountIncludePad', false), 'leaky_relu', ...
%!                    nn_layer('conv2d', 3, 1), nn_layer('globalavgpool'), nn_layer('flatten'), ...
%!                    nn_layer('dense', 2), 'Seed', 2);
%! X2 = cos(reshape(1:(10 * 9 * 4 * 21), 10, 9, 4, 21) / 5);
%! T2 = [sin(1:21).', cos(1:21).'];
%! [a, ia, b, ib] = both(n2, X2, T2, 'Loss', 'mse', 'Optimizer', 'rmsprop', 'Epochs', 2, 'BatchSize', 4);
%! assert_same(a, ia, b, ib);
%! % a flatten layer straight after the input, and a network ending on it
%! n3 = nn_sequential([3 2 2], nn_layer('flatten'), nn_layer('dense', 2), 'Seed', 1);
%! [a, ia, b, ib] = both(n3, X2(1:3, 1:2, 1:2, :), T2, 'Loss', 'mse', 'Epochs', 2, 'BatchSize', 6);
%! assert_same(a, ia, b, ib);
%! n4 = nn_sequential([3 2 2], nn_layer('conv2d', 2, 1), 'relu', nn_layer('flatten'), 'Seed', 1);
%! [a, ia, b, ib] = both(n4, X2(1:3, 1:2, 1:2, :), rand(21, 12), 'Loss', 'mse', 'Epochs', 2, 'BatchSize', 6);
%! assert_same(a, ia, b, ib);

%!test
%! % validation, early stopping and checkpoint/resume (one call of the engine
%! % per epoch), and a subset of the rows
%! o = {'Loss', 'ce', 'Optimizer', 'sgd', 'LearningRate', 0.3, 'BatchSize', 6, 'ValidationFraction', 0.25, ...
%!      'Patience', 2};
%! [a, ia, b, ib] = both(net, X, T, o{:}, 'Epochs', 5);
%! assert_same(a, ia, b, ib);
%! assert(numel(ia.val_loss), numel(ia.loss));
%! f = [tempname() '.mat'];
%! nn_train(net, X, T, o{:}, 'Epochs', 2, 'Seed', 3, 'Verbose', false, 'Checkpoint', f);
%! c = nn_train(net, X, T, o{:}, 'Epochs', 5, 'Seed', 3, 'Verbose', false, 'Resume', f);
%! delete(f);
%! assert(isequal(c, a));
%! [a, ia, b, ib] = both(net, X, T, 'Loss', 'ce', 'Epochs', 2, 'BatchSize', 4, 'Rows', 3:30);
%! assert_same(a, ia, b, ib);
%! [a, ia, b, ib] = both(net, X, T, 'Loss', 'ce', 'Epochs', 2, 'BatchSize', 4, 'ValidationData', {X(:, :, :, 1:5), T(1:5)});
%! assert_same(a, ia, b, ib);

%!test
%! % a divergence: both stop at the same step with the last finite network
%! Y = 1e3 * [sin(1:37).', cos(1:37).', sin(2:38).'];
%! evalc('[a, ia, b, ib] = both(net, X, Y, ''Loss'', ''mse'', ''Optimizer'', ''sgd'', ''LearningRate'', 1e9, ''Epochs'', 4, ''BatchSize'', 8);');
%! assert_same(a, ia, b, ib);
%! assert(ia.stop_reason, 'diverged');
%! assert(all(isfinite(a.layers(1).W(:))));

%!test
%! % nn_fit on images: its IMAGE argument and the layers, checked
%! D = net.layers;
%! S = cell(1, numel(D));
%! Xc = reshape(X, [], 37);
%! P = (0:36).';
%! D2 = nn_fit(Xc, T, P, 8, D, S, S, 'ce', {}, 'sgd', {}, 0, 'none', 'columns', [9 8 2]);
%! assert(~isequal(D2(1).W, D(1).W));
%! assert(size(D2(4).W), size(D(4).W));
%!error id=nnlab:nn_fit:size nn_fit(rand(144, 5), rand(5, 3), (0:4).', 2, nn_sequential([9 8 2], nn_layer('flatten'), nn_layer('dense', 3)).layers, {[], []}, {[], []}, 'mse', {}, 'sgd', {}, 0, 'none', 'rows', [9 8 2])
%!error id=nnlab:nn_fit:size nn_fit(rand(144, 5), rand(5, 3), (0:4).', 2, nn_sequential([9 8 2], nn_layer('flatten'), nn_layer('dense', 3)).layers, {[], []}, {[], []}, 'mse', {}, 'sgd', {}, 0, 'none', 'columns', [9 8 3])
%!error id=nnlab:nn_fit:size nn_fit(rand(144, 5), rand(5, 3), (0:4).', 2, nn_sequential([9 8 2], nn_layer('flatten'), nn_layer('dense', 3)).layers, {[], []}, {[], []}, 'mse', {}, 'sgd', {}, 0, 'none', 'columns', [9 8 -2])
%!error id=nnlab:nn_fit:size nn_fit(rand(144, 5), rand(5, 3), (0:4).', 2, nn_sequential([9 8 2], nn_layer('flatten'), nn_layer('dense', 3)).layers, {[], []}, {[], []}, 'mse', {}, 'sgd', {}, 0, 'none', 'columns', 'abc')
%!error <dense layer takes rows> nn_fit(rand(144, 5), rand(5, 3), (0:4).', 2, nn_sequential(144, nn_layer('dense', 3)).layers, {[]}, {[]}, 'mse', {}, 'sgd', {}, 0, 'none', 'columns', [9 8 2])
%!error <conv2d layer takes images> nn_fit(rand(5, 144), rand(5, 3), (0:4).', 2, nn_sequential([9 8 2], nn_layer('conv2d', 3, 1), nn_layer('flatten')).layers, {[], []}, {[], []}, 'mse', {}, 'sgd', {}, 0, 'none', 'rows')
%!error <ends on images> nn_fit(rand(144, 5), rand(5, 3), (0:4).', 2, nn_sequential([9 8 2], nn_layer('conv2d', 3, 1), nn_layer('flatten')).layers(1), {[]}, {[]}, 'mse', {}, 'sgd', {}, 0, 'none', 'columns', [9 8 2])
%!error id=nnlab:nn_fit:size
%! D = nn_sequential([9 8 2], nn_layer('conv2d', 3, 2), nn_layer('flatten')).layers;
%! D(1).W = rand(2, 2, 3, 3);
%! nn_fit(rand(144, 5), rand(5, 168), (0:4).', 2, D, {[], []}, {[], []}, 'mse', {}, 'sgd', {}, 0, 'none', 'columns', [9 8 2]);
%!error id=nnlab:nn_fit:layers
%! D = nn_sequential([9 8 2], nn_layer('maxpool', 2), nn_layer('flatten'), nn_layer('dense', 1)).layers;
%! D(1).window = 'wide';
%! nn_fit(rand(144, 5), rand(5, 1), (0:4).', 2, D, {[], [], []}, {[], [], []}, 'mse', {}, 'sgd', {}, 0, 'none', 'columns', [9 8 2]);
%!error id=nnlab:nn_fit:option
%! D = nn_sequential([9 8 2], nn_layer('conv2d', 3, 2), nn_layer('flatten')).layers;
%! D(1).opts = {'Strid', 2};
%! nn_fit(rand(144, 5), rand(5, 168), (0:4).', 2, D, {[], []}, {[], []}, 'mse', {}, 'sgd', {}, 0, 'none', 'columns', [9 8 2]);
%!error id=nnlab:nn_fit:optionValue
%! D = nn_sequential([9 8 2], nn_layer('conv2d', 3, 2, 'Padding', 1), nn_layer('flatten')).layers;
%! D(1).opts = {'Padding', -3};
%! nn_fit(rand(144, 5), rand(5, 168), (0:4).', 2, D, {[], []}, {[], []}, 'mse', {}, 'sgd', {}, 0, 'none', 'columns', [9 8 2]);

%!test
%! % a relu and the max pooling after it: the engine pools first and applies
%! % relu to the pooled values (fit_internal.h); the same numbers as step by
%! % step, with windows that are all <= 0 (a negative conv bias), ties among
%! % positive values (whole-numbered images), a relu right on the input, two
%! % relus in a row, and windows with stride and padding
%! Xi = round(3 * sin(reshape(1:(8 * 8 * 1 * 21), 8, 8, 1, 21) / 3));
%! Ti = mod((1:21).', 2) + 1;
%! nets = {nn_sequential([8 8 1], nn_layer('conv2d', 3, [3 3], 'Padding', 1), 'relu', ...
%!                       nn_layer('maxpool', [2 2]), nn_layer('flatten'), nn_layer('dense', 2), 'Seed', 2), ...
%!         nn_sequential([8 8 1], 'relu', nn_layer('maxpool', [3 2], 'Stride', [2 1], 'Padding', [1 0]), ...
%!                       nn_layer('conv2d', 2, [2 2]), 'relu', 'relu', nn_layer('maxpool', 2), ...
%!                       nn_layer('flatten'), nn_layer('dense', 2), 'Seed', 4), ...
%!         nn_sequential([8 8 1], nn_layer('conv2d', 2, [1 1]), 'relu', nn_layer('maxpool', [8 8]), ...
%!                       nn_layer('flatten'), nn_layer('dense', 2), 'Seed', 5)};
%! for k = 1:numel(nets)
%!   n = nets{k};
%!   for j = 1:numel(n.layers)
%!     if strcmp(n.layers(j).type, 'conv2d')
%!       n.layers(j).b(:) = -0.5;
%!     end
%!   end
%!   [a, ia, b, ib] = both(n, Xi, Ti, 'Loss', 'ce', 'Optimizer', 'adam', 'Epochs', 3, 'BatchSize', 4);
%!   assert_same(a, ia, b, ib);
%!   [a, ia, b, ib] = both(n, single(Xi), Ti, 'Loss', 'ce', 'Optimizer', 'sgd', 'Epochs', 2, 'BatchSize', 7);
%!   assert_same(a, ia, b, ib);
%! end
