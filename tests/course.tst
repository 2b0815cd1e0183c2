## Course interop: nn_unroll, nn_roll, nn_thetas, nn_from_thetas, nn_cost,
## nn_minimize, nn_gradcheck.  Run with test('tests/course.tst').

%!function [J, grad] = course_cost(Theta1, Theta2, X, y, K, lambda)
%! % The classic course's cost and back-propagation for a 2-layer sigmoid
%! % network, written out from its formulas (labels y in 1..K).
%! m = size(X, 1);
%! g = @(z) 1 ./ (1 + exp(-z));
%! Y = double(bsxfun(@eq, y(:), 1:K));
%! a1 = [ones(m, 1) X];
%! z2 = a1 * Theta1';
%! a2 = [ones(m, 1) g(z2)];
%! h = g(a2 * Theta2');
%! J = sum(sum(-Y .* log(h) - (1 - Y) .* log(1 - h))) / m + ...
%!     lambda / (2 * m) * (sum(sum(Theta1(:, 2:end) .^ 2)) + sum(sum(Theta2(:, 2:end) .^ 2)));
%! d3 = h - Y;
%! d2 = (d3 * Theta2(:, 2:end)) .* g(z2) .* (1 - g(z2));
%! G1 = d2' * a1 / m;
%! G2 = d3' * a2 / m;
%! G1(:, 2:end) = G1(:, 2:end) + lambda / m * Theta1(:, 2:end);
%! G2(:, 2:end) = G2(:, 2:end) + lambda / m * Theta2(:, 2:end);
%! grad = [G1(:); G2(:)];
%!endfunction

%!function [X, y] = blobs(m)
%! % three separable clouds in 4 dimensions, labels 1..3, deterministic
%! y = mod((0:m - 1)', 3) + 1;
%! C = [2 0 0 1; -1 2 0 -1; 0 -2 2 0];
%! X = C(y, :) + 0.5 * sin((1:m)' * [1.3 2.1 0.7 3.1]);
%!endfunction

## ---- nn_unroll / nn_roll ----
%!test
%! net = nn_mlp([4 6 5 3], 'Hidden', 'relu', 'Seed', 1);
%! theta = nn_unroll(net);
%! assert(size(theta), [(4 + 1) * 6 + (6 + 1) * 5 + (5 + 1) * 3, 1]);
%! assert(nn_roll(net, theta), net);
%! r = nn_roll(net, 2 * theta);
%! assert(nn_unroll(r), 2 * theta);
%! assert(r.layers(3).W, 2 * net.layers(3).W);
%!test
%! % the order: [b W] of each layer, column by column, as the course's Theta
%! net = nn_mlp([3 2 2], 'Seed', 4);
%! t = nn_thetas(net);
%! assert(nn_unroll(net), [t{1}(:); t{2}(:)]);
%! assert(nn_unroll(net), cell2mat(cellfun(@(x) x(:), t, 'UniformOutput', false)'));
%! assert(nn_unroll(net), [net.layers(1).b; net.layers(1).W(:); net.layers(3).b; net.layers(3).W(:)]);
%!test
%! % dropout and activation layers hold no parameters
%! net = nn_sequential(3, nn_layer('dense', 4), 'sigmoid', nn_layer('dropout', 0.5), ...
%!                     nn_layer('dense', 2), 'Seed', 2);
%! theta = nn_unroll(net);
%! assert(numel(theta), 16 + 10);
%! assert(nn_roll(net, theta), net);
%!test
%! % single networks: theta is double, rolled back to single
%! net = nn_mlp([3 4 2], 'Class', 'single', 'Seed', 3);
%! theta = nn_unroll(net);
%! assert(class(theta), 'double');
%! r = nn_roll(net, theta);
%! assert(r, net);
%! assert(class(nn_roll(net, theta + 0.1).layers(1).W), 'single');

## ---- nn_thetas / nn_from_thetas ----
%!test
%! net = nn_mlp([3 5 4 2], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 6);
%! assert(nn_from_thetas(nn_thetas(net)), net);
%! th = {reshape(1:8, 2, 4) / 10, reshape(1:6, 2, 3) / 10};
%! assert(nn_thetas(nn_from_thetas(th)), th);
%!test
%! % a network built from the course's matrices predicts as the course does
%! Theta1 = sin(reshape(1:15, 5, 3)); Theta2 = cos(reshape(1:18, 3, 6));
%! X = [0.5 -1; 2 0.25; -1 1; 0 0];
%! net = nn_from_thetas({Theta1, Theta2});
%! g = @(z) 1 ./ (1 + exp(-z));
%! h = g([ones(4, 1) g([ones(4, 1) X] * Theta1')] * Theta2');
%! assert(nn_predict(net, X), h, 1e-14);
%! assert(net.summary, '2-5(sigmoid)-3(sigmoid): 33 parameters, double');
%!test
%! net = nn_from_thetas({ones(4, 3), ones(2, 5), ones(1, 3)}, 'Hidden', {'relu', 'tanh'}, 'Output', 'linear');
%! assert(net.sizes, [2 4 2 1]);
%! assert({net.layers.type}, {'dense', 'act', 'dense', 'act', 'dense'});
%! assert({net.layers([2 4]).act}, {'relu', 'tanh'});
%!error id=nnlab:nn_from_thetas:size nn_from_thetas({ones(4, 3), ones(2, 4)})
%!error id=nnlab:nn_from_thetas:optionValue nn_from_thetas({ones(4, 3), ones(2, 5), ones(1, 3)}, 'Hidden', {'relu'})

## ---- nn_cost against the course's formulas ----
%!test
%! % a 2-layer sigmoid network: J and grad as the course computes them, lambda 0 and 1.5
%! Theta1 = 0.3 * sin(reshape(1:20, 5, 4)); Theta2 = 0.4 * cos(reshape(1:18, 3, 6));
%! [X, y] = blobs(7);
%! X = X(:, 1:3);
%! net = nn_from_thetas({Theta1, Theta2});
%! theta = nn_unroll(net);
%! assert(theta, [Theta1(:); Theta2(:)]);
%! for lambda = [0 1.5]
%!   [J, grad] = nn_cost(theta, net, X, y, lambda);
%!   [Jc, gc] = course_cost(Theta1, Theta2, X, y, 3, lambda);
%!   assert(J, Jc, 1e-13);
%!   assert(grad, gc, 1e-13);
%!   assert(nn_cost(theta, net, X, y, lambda), Jc, 1e-13);
%! end
%!test
%! % labels 1..K and one-hot rows give the same J and gradient
%! net = nn_mlp([4 5 3], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 8);
%! [X, y] = blobs(9);
%! Y = double(bsxfun(@eq, y, 1:3));
%! theta = nn_unroll(net);
%! [J1, g1] = nn_cost(theta, net, X, y, 0.7);
%! [J2, g2] = nn_cost(theta, net, X, Y, 0.7);
%! assert(J1, J2, 1e-15); assert(g1, g2, 1e-15);
%! % the same with logical targets and for the loss 'mse'
%! assert(nn_cost(theta, net, X, logical(Y), 0.7), J1, 1e-15);
%! assert(nn_cost(theta, net, X, y, 0, 'Loss', 'mse'), nn_cost(theta, net, X, Y, 0, 'Loss', 'mse'), 1e-15);
%!test
%! % 'mse': squared error summed over the outputs, averaged over the observations, no 1/2
%! net = nn_mlp([2 3 2], 'Hidden', 'tanh', 'Seed', 9);
%! X = [1 2; 0 -1; 0.5 0.5]; T = [0.1 0.2; -0.3 0.4; 1 0];
%! theta = nn_unroll(net);
%! Yp = nn_predict(net, X);
%! assert(nn_cost(theta, net, X, T), sum(sum((Yp - T) .^ 2)) / 3, 1e-14);
%! W = [net.layers(1).W(:); net.layers(3).W(:)];
%! assert(nn_cost(theta, net, X, T, 2, 'Loss', 'mse'), sum(sum((Yp - T) .^ 2)) / 3 + 2 / 6 * sum(W .^ 2), 1e-14);
%!test
%! % 'ce' on logits with labels (the default for linear outputs and labels) equals softmax cross-entropy by hand
%! net = nn_mlp([4 6 3], 'Hidden', 'relu', 'Seed', 10);
%! [X, y] = blobs(6);
%! theta = nn_unroll(net);
%! Z = nn_predict(net, X);
%! P = exp(Z) ./ sum(exp(Z), 2);
%! ce = -mean(log(P(sub2ind(size(P), (1:6)', y))));
%! assert(nn_cost(theta, net, X, y), ce, 1e-14);
%! assert(nn_cost(theta, net, X, y, 0, 'Loss', 'ce'), ce, 1e-14);
%! assert(nn_cost(theta, net, X, double(bsxfun(@eq, y, 1:3)), 0, 'Loss', 'ce'), ce, 1e-14);
%!test
%! % the weights inside NET are ignored: only theta counts
%! net = nn_mlp([4 3 3], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 11);
%! other = nn_mlp([4 3 3], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 12);
%! [X, y] = blobs(5);
%! theta = nn_unroll(net);
%! assert(nn_cost(theta, other, X, y, 1), nn_cost(theta, net, X, y, 1));
%!test
%! % dropout is off: the cost is deterministic and as without the dropout layer
%! a = nn_sequential(4, nn_layer('dense', 5), 'sigmoid', nn_layer('dropout', 0.5), nn_layer('dense', 3), 'sigmoid', 'Seed', 13);
%! b = nn_sequential(4, nn_layer('dense', 5), 'sigmoid', nn_layer('dense', 3), 'sigmoid', 'Seed', 13);
%! [X, y] = blobs(6);
%! theta = nn_unroll(a);
%! [J1, g1] = nn_cost(theta, a, X, y, 1);
%! [J2, g2] = nn_cost(theta, a, X, y, 1);
%! [J3, g3] = nn_cost(theta, b, X, y, 1);
%! assert(J1, J2); assert(g1, g2); assert(J1, J3, 1e-15); assert(g1, g3, 1e-15);
%!test
%! % a single network: J and grad are double and close to the double network's
%! net = nn_mlp([4 5 3], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 14);
%! s = nn_mlp([4 5 3], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 14, 'Class', 'single');
%! [X, y] = blobs(8);
%! theta = nn_unroll(net);
%! [J, g] = nn_cost(theta, net, X, y, 1);
%! [Js, gs] = nn_cost(theta, s, X, y, 1);
%! assert(class(Js), 'double'); assert(class(gs), 'double');
%! assert(Js, J, 1e-5); assert(gs, g, 1e-5);
%!test
%! % a row theta gives a row gradient
%! net = nn_mlp([2 2 1], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 1);
%! [~, g] = nn_cost(nn_unroll(net)', net, [0 1; 1 0], [1; 0]);
%! assert(size(g), [1 9]);
%!error id=nnlab:nn_cost:class nn_cost(nn_unroll(nn_mlp([2 1])), nn_mlp([2 1]), [1 2], {1})
%!error id=nnlab:nn_cost:size nn_cost(nn_unroll(nn_mlp([2 1])), nn_mlp([2 1]), zeros(0, 2), zeros(0, 1))
%!error id=nnlab:nn_cost:optionValue nn_cost(nn_unroll(nn_mlp([2 1])), nn_mlp([2 1]), [1 2], 1, 0, 'Loss', 3)
%!error id=nnlab:nn_cost:optionValue nn_cost(nn_unroll(nn_mlp([2 1])), nn_mlp([2 1]), [1 2], 1, 0, 'LossOptions', 3)
%!error id=nnlab:nn_cost:option nn_cost(nn_unroll(nn_mlp([2 1])), nn_mlp([2 1]), [1 2], 1, 0, 'Loss', 'huber', 'LossOptions', {'bogus', 1})

## ---- nn_gradcheck ----
%!test
%! % a 3-layer sigmoid network, bce, lambda 1: below 1e-9 in double
%! net = nn_mlp([3 5 4 3], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Init', 'uniform', 'Seed', 15);
%! X = sin(reshape(1:15, 5, 3)); y = mod((1:5)', 3) + 1;
%! [d, num, ana] = nn_gradcheck(net, X, y, 'Lambda', 1);
%! assert(d < 1e-9);
%! assert(numel(num), numel(nn_unroll(net)));
%! [~, g] = nn_cost(nn_unroll(net), net, X, y, 1);
%! assert(ana, g);
%!test
%! % other losses and activations
%! [X, y] = blobs(6);
%! net = nn_mlp([4 5 3], 'Hidden', 'tanh', 'Seed', 16);
%! assert(nn_gradcheck(net, X, y, 'Lambda', 0.5) < 1e-9);                  % ce on logits
%! assert(nn_gradcheck(net, X, sin(X(:, 1:3)), 'Loss', 'mse', 'Lambda', 2) < 1e-9);
%! net = nn_mlp([4 5 1], 'Hidden', 'sigmoid', 'Seed', 17);
%! assert(nn_gradcheck(net, X, double(y == 2), 'Lambda', 0.1) < 1e-9);      % bce_logits
%!test
%! % a random subset, repeatable with a seed; a single network is checked in double
%! net = nn_mlp([4 8 3], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 18, 'Class', 'single');
%! [X, y] = blobs(6);
%! [d1, ~, ~, i1] = nn_gradcheck(net, X, y, 'Count', 7, 'Seed', 5, 'Lambda', 1);
%! [d2, ~, ~, i2] = nn_gradcheck(net, X, y, 'Count', 7, 'Seed', 5, 'Lambda', 1);
%! assert(i1, i2); assert(d1, d2); assert(numel(i1), 7); assert(d1 < 1e-9);
%! assert(all(i1 >= 1 & i1 <= 67));
%!test
%! % a large step shows up as a larger difference
%! net = nn_mlp([3 5 4 3], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Init', 'uniform', 'Seed', 15);
%! X = sin(reshape(1:15, 5, 3)); y = mod((1:5)', 3) + 1;
%! assert(nn_gradcheck(net, X, y, 'Step', 0.5) > 1e-4);
%!error id=nnlab:nn_gradcheck:domain nn_gradcheck(nn_mlp([2 1], 'Output', 'sigmoid'), [1 2], 3, 'Loss', 'bce')
%!error id=nnlab:nn_gradcheck:label nn_gradcheck(nn_mlp([2 3]), [1 2], 4, 'Loss', 'mse')

## ---- nn_minimize ----
%!test
%! % XOR: L-BFGS drives the cost to about 0 and beats 50 steps of gradient descent
%! X = [0 0; 0 1; 1 0; 1 1]; T = [0; 1; 1; 0];
%! net = nn_mlp([2 3 1], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 2);
%! cost = @(t) nn_cost(t, net, X, T);
%! t0 = nn_unroll(net);
%! [theta, J, info] = nn_minimize(cost, t0, 'MaxIter', 50);
%! assert(J < 1e-4); assert(J, cost(theta));
%! assert(round(nn_predict(nn_roll(net, theta), X)), T);
%! assert(info.cost(1), cost(t0)); assert(info.cost(end), J);
%! assert(all(diff(info.cost) <= 0));
%! assert(info.iterations <= 50); assert(numel(info.cost), info.iterations + 1);
%! assert(info.evaluations >= info.iterations + 1);
%! t = t0;
%! for k = 1:50
%!   [~, g] = cost(t);
%!   t = t - 1 * g;
%! end
%! assert(J < cost(t) / 100);
%!test
%! % course-like: 3 classes, labels, lambda 1; 50 iterations classify the training set
%! [X, y] = blobs(60);
%! net = nn_mlp([4 8 3], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Init', 'uniform', 'Seed', 19);
%! cost = @(t) nn_cost(t, net, X, y, 1);
%! t0 = nn_unroll(net);
%! [theta, J, info] = nn_minimize(cost, t0, 'MaxIter', 50);
%! assert(J < cost(t0) / 3);
%! [~, pred] = max(nn_predict(nn_roll(net, theta), X), [], 2);
%! assert(mean(pred == y) >= 0.95);
%! t = t0;
%! for k = 1:50
%!   [~, g] = cost(t);
%!   t = t - 1 * g;
%! end
%! assert(J < cost(t));
%!test
%! % the stopping rules
%! X = [0 0; 0 1; 1 0; 1 1]; T = [0; 1; 1; 0];
%! net = nn_mlp([2 3 1], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 2);
%! cost = @(t) nn_cost(t, net, X, T, 0.1);
%! [~, ~, info] = nn_minimize(cost, nn_unroll(net), 'MaxIter', 3);
%! assert(info.iterations, 3); assert(info.stop_reason, 'maxiter');
%! [~, ~, info] = nn_minimize(cost, nn_unroll(net), 'TolGrad', 1e-3);
%! assert(info.stop_reason, 'tolgrad'); assert(info.gradnorm <= 1e-3);
%! [~, ~, info] = nn_minimize(cost, nn_unroll(net), 'TolFun', 1e-2, 'TolGrad', 0);
%! assert(info.stop_reason, 'tolfun'); assert(ischar(info.message));
%!test
%! % a wrong gradient: the line search gives up rather than loop forever
%! f = @(x) deal(sum(x .^ 2), -2 * x);
%! [x, J, info] = nn_minimize(f, [1; 1]);
%! assert(info.stop_reason, 'linesearch'); assert(J <= 2);
%!function v = ifelse_nan(x)
%! if x < 0.45
%!   v = NaN;
%! else
%!   v = (x - 0.5) ^ 2;
%! end
%!endfunction
%!test
%! % NaN beyond a wall: steps are shortened
%! f = @(x) deal(ifelse_nan(x), 2 * (x - 0.5));
%! [x, J] = nn_minimize(f, 0.9);
%! assert(x, 0.5, 1e-6);
%!test
%! % 'Verbose' prints one line per iteration
%! f = @(x) deal(sum((x - 1) .^ 2), 2 * (x - 1));
%! s = evalc('nn_minimize(f, [0; 0; 0], ''Verbose'', true);');
%! assert(~isempty(strfind(s, 'iter'))); assert(~isempty(strfind(s, 'nn_minimize:')));
%!test
%! % the memory option changes nothing on a 1-D problem
%! f = @(x) deal((x - 3) ^ 4 + x ^ 2, 4 * (x - 3) ^ 3 + 2 * x);
%! x1 = nn_minimize(f, 0, 'Memory', 1); x2 = nn_minimize(f, 0, 'Memory', 20);
%! assert(x1, x2, 1e-6);
%!error id=nnlab:nn_minimize:optionValue nn_minimize(@(x) deal(x^2, 2*x), 1, 'Memory', 0)
%!error id=nnlab:nn_minimize:optionValue nn_minimize(@(x) deal(x^2, 2*x), 1, 'TolFun', -1)
%!error id=nnlab:nn_minimize:optionValue nn_minimize(@(x) deal(x^2, 2*x), 1, 'Verbose', 'yes')

## ---- Octave's own fminunc ----
%!test
%! X = [0 0; 0 1; 1 0; 1 1]; T = [0; 1; 1; 0];
%! net = nn_mlp([2 3 1], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 2);
%! cost = @(t) nn_cost(t, net, X, T, 0);
%! t0 = nn_unroll(net);
%! [t, fval] = fminunc(cost, t0, optimset('GradObj', 'on', 'MaxIter', 50, 'Display', 'off'));
%! assert(fval, cost(t), 1e-12);
%! assert(fval < cost(t0) / 10);
%!test
%! [X, y] = blobs(30);
%! net = nn_mlp([4 5 3], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Init', 'uniform', 'Seed', 20);
%! cost = @(t) nn_cost(t, net, X, y, 1);
%! t0 = nn_unroll(net);
%! t = fminunc(cost, t0, optimset('GradObj', 'on', 'MaxIter', 50, 'Display', 'off'));
%! assert(cost(t) < cost(t0) / 2);
