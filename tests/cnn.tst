## Convolutional networks (issue 13): the layers conv2d, maxpool, avgpool,
## globalavgpool and flatten in nn_sequential, on H x W x C x N images or on
## their rows; forward, gradients, training, save/load and the errors.

%!shared net, X
%! net = nn_sequential([8 8 1], nn_layer('conv2d', 4, [3 3], 'Padding', 1), 'relu', ...
%!                     nn_layer('maxpool', [2 2]), nn_layer('conv2d', 6, 3), 'tanh', ...
%!                     nn_layer('globalavgpool'), nn_layer('flatten'), nn_layer('dense', 3), 'Seed', 1);
%! X = sin(reshape(1:320, 8, 8, 1, 5));

%!test
%! % the shapes: each layer's output, and net.sizes counts features
%! assert(net.image, [8 8 1]);
%! assert(net.sizes, [64 256 24 3]);
%! assert(net.summary, '8x8x1-conv3x3x4(relu)-maxpool2x2-conv3x3x6(tanh)-globalavgpool-6-3: 283 parameters, double');
%! assert(size(net.layers(1).W), [3 3 1 4]); assert(size(net.layers(4).W), [3 3 4 6]);
%! s = nn_summary(net);
%! assert(~isempty(strfind(s, '4 x 4 x 4 x N')) && ~isempty(strfind(s, 'W 3x3x4x6, b 6x1')));

%!test
%! % images or their rows (column-major, one image a row): the same outputs
%! Y = nn_predict(net, X);
%! assert(size(Y), [5 3]);
%! assert(nn_predict(net, reshape(X, 64, []).'), Y);
%! % the layers are the kernels, in turn
%! Z = nn_conv2d(X, net.layers(1).W, net.layers(1).b, 'Padding', 1);
%! Z = nn_pool(max(Z, 0), 'max', [2 2]);
%! Z = tanh(nn_conv2d(Z, net.layers(4).W, net.layers(4).b));
%! Z = reshape(mean(mean(Z, 1), 2), 6, []).';
%! assert(Y, Z * net.layers(8).W.' + net.layers(8).b.', 1e-12);

%!test
%! % gradients through every layer type, by central differences
%! assert(nn_gradcheck(net, X(:, :, :, 1:3), [1; 2; 3], 'Loss', 'ce') < 1e-8);
%! n2 = nn_sequential([6 5 2], nn_layer('conv2d', 3, [3 2], 'Stride', [1 2], 'Dilation', [1 1]), 'sigmoid', ...
%!                    nn_layer('avgpool', 2, 'Stride', 1), nn_layer('flatten'), nn_layer('dense', 2), 'Seed', 2);
%! assert(nn_gradcheck(n2, cos(reshape(1:240, 6, 5, 2, 4)), [0.5 1; 2 0; 1 1; 0 0], 'L2', 0.1) < 1e-8);
%! n3 = nn_sequential([5 5 4], nn_layer('conv2d', 4, 3, 'Groups', 4, 'Padding', 'same'), 'relu', ...
%!                    nn_layer('flatten'), nn_layer('dense', 1), 'Seed', 3);
%! assert(nn_gradcheck(n3, cos(reshape(1:300, 5, 5, 4, 3)), [1; 0; 1], 'Loss', 'bce_logits') < 1e-8);

%!test
%! % training, seeded and
%! % the same from images and from rows; save and load keep the network
%! T = [1; 2; 3; 1; 2];
%! a = nn_train(net, X, T, 'Loss', 'ce', 'Epochs', 3, 'BatchSize', 2, 'Seed', 4, 'Verbose', false);
%! [b, info] = nn_train(net, reshape(X, 64, []).', T, 'Loss', 'ce', 'Epochs', 3, 'BatchSize', 2, ...
%!                      'Seed', 4, 'Verbose', false, 'Engine', 'auto');
%! assert(isequal(a, b));
%! assert(~isequal(a.layers(1).W, net.layers(1).W));
%! assert(info.loss(end) < info.loss(1));
%! f = [tempname() '.mat'];
%! nn_save(f, a); c = nn_load(f); delete(f);
%! assert(isequal(c, a));
%! r = nn_evaluate(a, X, T);
%! assert(r.n, 5);

%!test
%! % dropout and activations on images
%! n4 = nn_sequential([4 4 2], nn_layer('conv2d', 2, 3), nn_layer('dropout', 0.5), 'elu', ...
%!                    nn_layer('flatten'), nn_layer('dense', 2), 'Seed', 1);
%! Xi = reshape(1:64, 4, 4, 2, 2) / 64;
%! [Y, cache] = nn_forward(n4, Xi);
%! assert(size(Y), [2 2]);
%! g = nn_backward(n4, cache, ones(2, 2));
%! assert(size(g(1).W), [3 3 2 2]);
%! n4 = nn_train(n4, Xi, [1; 2], 'Loss', 'ce', 'Epochs', 2, 'Seed', 1, 'Verbose', false);
%! assert(all(isfinite(n4.layers(1).W(:))));

%!test
%! % single precision
%! s = nn_sequential([6 6 1], nn_layer('conv2d', 2, 3), 'relu', nn_layer('flatten'), nn_layer('dense', 1), ...
%!                   'Seed', 1, 'Class', 'single');
%! assert(class(nn_predict(s, rand(6, 6, 1, 3))), 'single');

%!test
%! % batch normalisation on images: gamma is W and beta b (C x 1), the
%! % running statistics in L.state; evaluation uses them, training the batch's
%! n = nn_sequential([6 6 2], nn_layer('conv2d', 3, 3), nn_layer('batchnorm'), 'relu', ...
%!                   nn_layer('flatten'), nn_layer('dense', 2), 'Seed', 5);
%! assert(n.layers(2).W, ones(3, 1)); assert(n.layers(2).b, zeros(3, 1));
%! assert(isempty(n.layers(2).state));
%! assert(~isempty(strfind(nn_summary(n), 'batchnorm')));
%! Xi = cos(reshape(1:288, 6, 6, 2, 4));
%! Z = nn_conv2d(Xi, n.layers(1).W, n.layers(1).b);
%! Y = nn_predict(n, Xi);
%! Zb = max(Z / sqrt(1 + 1e-5), 0);      % mean 0 and variance 1 at the start
%! assert(Y, reshape(Zb, [], 4).' * n.layers(5).W.' + n.layers(5).b.', 1e-12);
%! % one full-batch step of sgd with learning rate 0: the state is the batch's
%! [a, info] = nn_train(n, Xi, [1; 2; 1; 2], 'Loss', 'ce', 'Optimizer', 'sgd', 'LearningRate', 0, ...
%!                      'Epochs', 1, 'BatchSize', 4, 'Shuffle', false, 'Verbose', false);
%! [~, S] = nn_batchnorm(Z, ones(3, 1), zeros(3, 1), []);
%! assert(a.layers(2).state, S);
%! assert(a.layers(2).state.count, 1);
%! assert(isequal(a.layers(1).W, n.layers(1).W));
%! % gradients in training mode (batch statistics), by central differences
%! assert(nn_gradcheck(n, Xi, [1; 2; 2; 1], 'Loss', 'ce') < 1e-8);
%! [Yt, cache] = nn_forward(n, Xi, 'Training', true);
%! [~, St] = nn_batchnorm(Z, ones(3, 1), zeros(3, 1), []);
%! assert(cache.masks{2}.state, St);
%! g = nn_backward(n, cache, ones(4, 2));
%! assert(size(g(2).W), [3 1]);

%!test
%! % batch normalisation of rows (per feature) between dense layers, with every
%! % optimizer, validation and early stopping, seeded; save/load and
%! % checkpoint/resume keep its state bit for bit
%! n = nn_sequential(4, nn_layer('dense', 5), nn_layer('batchnorm', 'Momentum', 0.2), 'tanh', ...
%!                   nn_layer('dense', 1), 'Seed', 6);
%! Xr = sin((1:60).' * (1:4) / 7); yr = sum(Xr, 2) > 0;
%! assert(nn_gradcheck(n, Xr(1:5, :), yr(1:5), 'Loss', 'bce_logits', 'L2', 0.1) < 1e-8);
%! for m = {'sgd', 'adagrad', 'rmsprop', 'adam', 'adamw', 'rprop'}
%!   o = {'Loss', 'bce_logits', 'Optimizer', m{1}, 'Epochs', 3, 'BatchSize', 16, 'Seed', 7, 'Verbose', false};
%!   [a, ia] = nn_train(n, Xr, yr, o{:});
%!   b = nn_train(n, Xr, yr, o{:});
%!   assert(isequal(a, b));
%!   assert(a.layers(2).state.count, 12);
%!   assert(all(isfinite(ia.loss)));
%! end
%! o = {'Loss', 'bce_logits', 'Optimizer', 'adam', 'BatchSize', 16, 'Seed', 8, 'Verbose', false, ...
%!      'ValidationFraction', 0.25, 'Patience', 2};
%! [a, ia] = nn_train(n, Xr, yr, o{:}, 'Epochs', 6);
%! assert(numel(ia.val_loss), numel(ia.loss));
%! assert(all(isfinite(ia.val_loss)));
%! f = [tempname() '.mat'];
%! nn_train(n, Xr, yr, o{:}, 'Epochs', 3, 'Checkpoint', f);
%! b = nn_train(n, Xr, yr, o{:}, 'Epochs', 6, 'Resume', f);
%! delete(f);
%! assert(isequal(a, b));
%! nn_save(f, a); c = nn_load(f); delete(f);
%! assert(isequal(c, a));
%! assert(nn_predict(c, Xr), nn_predict(a, Xr));

%!test
%! % a batchnorm layer in single precision
%! s = nn_sequential([5 5 1], nn_layer('conv2d', 2, 3), nn_layer('batchnorm'), nn_layer('flatten'), ...
%!                   nn_layer('dense', 1), 'Seed', 1, 'Class', 'single');
%! assert(class(s.layers(2).W), 'single');
%! s = nn_train(s, rand(5, 5, 1, 6), rand(6, 1), 'Epochs', 2, 'BatchSize', 3, 'Verbose', false);
%! assert(class(s.layers(2).state.mean), 'single');
%! assert(class(nn_predict(s, rand(5, 5, 1, 3))), 'single');

%!error id=nnlab:nn_train:batch nn_train(nn_sequential(3, nn_layer('dense', 2), nn_layer('batchnorm'), nn_layer('dense', 1)), rand(5, 3), rand(5, 1), 'BatchSize', 4, 'Verbose', false)
%!error id=nnlab:nn_layer:option nn_layer('batchnorm', 'Momentun', 0.1)
%!error id=nnlab:nn_layer:option nn_layer('batchnorm', 'Momentum')
%!error <optionValue|Momentum> nn_sequential(3, nn_layer('dense', 2), nn_layer('batchnorm', 'Momentum', 2), nn_layer('dense', 1))
%!error id=nnlab:nn_train:optionValue nn_train(nn_sequential(3, nn_layer('dense', 2), nn_layer('batchnorm'), nn_layer('dense', 1)), rand(6, 3), rand(6, 1), 'Engine', 'c', 'Verbose', false)
%!error id=nnlab:nn_predict:net
%! n = nn_sequential(3, nn_layer('dense', 2), nn_layer('batchnorm'), nn_layer('dense', 1));
%! n.layers(2).W = ones(3, 1);
%! nn_predict(n, rand(4, 3));

%!error id=nnlab:nn_sequential:layer nn_sequential([8 8 1], nn_layer('dense', 3))
%!error id=nnlab:nn_sequential:layer nn_sequential(64, nn_layer('conv2d', 3, 3), nn_layer('dense', 1))
%!error id=nnlab:nn_sequential:layer nn_sequential([8 8 1], nn_layer('conv2d', 3, 3))
%!error id=nnlab:nn_sequential:layer nn_sequential(64, nn_layer('maxpool', 2), nn_layer('dense', 1))
%!error id=nnlab:nn_sequential:size nn_sequential([8 8], nn_layer('dense', 1))
%!error id=nnlab:nn_sequential:size nn_sequential([8 8 0], nn_layer('dense', 1))
%!error id=nnlab:nn_sequential:size nn_sequential([4 4 1], nn_layer('conv2d', 3, 5), nn_layer('flatten'), nn_layer('dense', 1))
%!error id=nnlab:nn_sequential:size nn_sequential([4 4 3], nn_layer('conv2d', 4, 3, 'Groups', 2), nn_layer('flatten'), nn_layer('dense', 1))
%!error id=nnlab:nn_sequential:optionValue nn_sequential([4 4 1], nn_layer('conv2d', 2, 3, 'Stride', 0), nn_layer('flatten'), nn_layer('dense', 1))
%!error id=nnlab:nn_layer:nargin nn_layer('conv2d', 3)
%!error id=nnlab:nn_layer:size nn_layer('conv2d', 0, 3)
%!error id=nnlab:nn_layer:size nn_layer('conv2d', 2, [3 3 3])
%!error id=nnlab:nn_layer:size nn_layer('maxpool', 0)
%!error id=nnlab:nn_layer:option nn_layer('conv2d', 2, 3, 'Strid', 2)
%!error id=nnlab:nn_layer:option nn_layer('conv2d', 2, 3, 'Stride')
%!error id=nnlab:nn_layer:option nn_layer('maxpool', 2, 'CountIncludePad', false)
%!error id=nnlab:nn_layer:nargin nn_layer('maxpool')
%!error id=nnlab:nn_layer:nargin nn_layer('flatten', 2)
%!error id=nnlab:nn_layer:nargin nn_layer('globalavgpool', 2)
%!error id=nnlab:nn_predict:size nn_predict(nn_sequential([4 4 1], nn_layer('flatten'), nn_layer('dense', 1)), rand(4, 4, 2, 3))
