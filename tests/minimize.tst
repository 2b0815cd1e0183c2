## nn_minimize as a student ports it from the course (issue 17, item 3):
## an optimset struct, fmincg's output order, no-gradient and user errors.
## Run with test('tests/minimize.tst').

%!function J = one_output(t)
%!  J = sum(t .^ 2);
%!endfunction
%!function [J, grad] = grad_never_set(t)
%!  J = sum(t .^ 2);
%!endfunction
%!function [J, grad] = fails_below(t)
%!  if t(1) < 1.5
%!    error('my:own', 'my cost cannot take %g', t(1));
%!  end
%!  J = t(1) ^ 2;
%!  grad = 2 * t;
%!endfunction

## ---- an optimset struct: fmincg's outputs [theta, J_history, exitflag] ----
%!test
%! % a convex quadratic: the minimiser; J_history as fmincg's fX
%! A = [4 1 0; 1 3 1; 0 1 5]; b = [1; 2; 3];
%! f = @(x) deal(0.5 * x' * A * x - b' * x, A * x - b);
%! [x, Jh, flag, info] = nn_minimize(f, zeros(3, 1), optimset('MaxIter', 50));
%! assert(x, A \ b, 1e-7);
%! assert(flag, 1); assert(info.exitflag, 1); assert(info.stop_reason, 'tolgrad');
%! assert(iscolumn(Jh)); assert(numel(Jh), info.iterations);
%! assert(Jh, info.cost(2:end)); assert(Jh(end), 0.5 * x' * A * x - b' * x, 1e-15);
%!test
%! % the course's ex4 call with fmincg replaced: MaxIter iterations, a falling history
%! X = [0 0; 0 1; 1 0; 1 1]; y = [1; 2; 2; 1];
%! net = nn_mlp([2 3 2], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Init', 'uniform', 'Seed', 2);
%! costFunction = @(p) nn_cost(p, net, X, y, 0.01);
%! options = optimset('MaxIter', 7);
%! [nn_params, cost] = nn_minimize(costFunction, nn_unroll(net), options);
%! assert(size(nn_params), size(nn_unroll(net)));
%! assert(size(cost), [7 1]); assert(all(diff(cost) <= 0));
%! assert(cost(end), costFunction(nn_params), 1e-12);
%! assert(cost(1) < costFunction(nn_unroll(net)));
%!test
%! % the same options as a struct or as pairs give the same theta
%! f = @(x) deal(100 * (x(2) - x(1)^2)^2 + (1 - x(1))^2, ...
%!              [-400 * x(1) * (x(2) - x(1)^2) - 2 * (1 - x(1)); 200 * (x(2) - x(1)^2)]);
%! [x1, J1, info1] = nn_minimize(f, [-1.2; 1], 'MaxIter', 20, 'TolFun', 1e-3, 'Memory', 5);
%! [x2, Jh, flag, info2] = nn_minimize(f, [-1.2; 1], struct('maxiter', 20, 'TolFun', 1e-3, 'Memory', 5));
%! assert(x2, x1); assert(Jh(end), J1); assert(info2, info1); assert(flag, info1.exitflag);
%!test
%! % empty fields mean the default, as optimset leaves them; pairs after the struct win
%! f = @(x) deal(sum((x - 2) .^ 2), 2 * (x - 2));
%! [x, Jh, flag] = nn_minimize(f, [0; 0], optimset());
%! assert(x, [2; 2], 1e-8); assert(flag, 1);
%! [~, Jh, flag, info] = nn_minimize(f, [0; 0], optimset('MaxIter', 5), 'MaxIter', 0);
%! assert(size(Jh), [0 1]); assert(flag, 0); assert(info.stop_reason, 'maxiter');
%! assert(info.cost, 8);
%!test
%! % exitflag: 0 MaxIter, 3 TolFun, 2 TolX, -3 no step lowers the cost
%! X = [0 0; 0 1; 1 0; 1 1]; T = [0; 1; 1; 0];
%! net = nn_mlp([2 3 1], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 2);
%! cost = @(t) nn_cost(t, net, X, T, 0.1);
%! [~, Jh, flag] = nn_minimize(cost, nn_unroll(net), optimset('MaxIter', 3));
%! assert(flag, 0); assert(numel(Jh), 3);
%! [~, ~, flag, info] = nn_minimize(cost, nn_unroll(net), optimset('TolFun', 1e-2), 'TolGrad', 0);
%! assert(flag, 3); assert(info.stop_reason, 'tolfun');
%! [~, ~, flag, info] = nn_minimize(cost, nn_unroll(net), optimset('TolX', 10, 'TolFun', 0), 'TolGrad', 0);
%! assert(flag, 2); assert(info.stop_reason, 'tolx'); assert(info.iterations, 1);
%! [~, ~, flag] = nn_minimize(@(x) deal(sum(x .^ 2), -2 * x), [1; 1], optimset());
%! assert(flag, -3);
%!test
%! % TolX as a name/value pair too; the old outputs keep their meaning
%! f = @(x) deal(sum((x - 1) .^ 4), 4 * (x - 1) .^ 3);
%! [x, J, info] = nn_minimize(f, [0; 0], 'TolX', 1e-3, 'TolFun', 0, 'TolGrad', 0);
%! assert(info.stop_reason, 'tolx'); assert(info.exitflag, 2); assert(isscalar(J));
%! assert(J, info.cost(end));

## ---- Display, Verbose, GradObj ----
%!test
%! f = @(x) deal(sum((x - 1) .^ 2), 2 * (x - 1));
%! s = evalc('nn_minimize(f, [0; 0; 0], optimset(''Display'', ''iter''));');
%! assert(~isempty(strfind(s, 'max|grad|'))); assert(~isempty(strfind(s, 'nn_minimize:')));
%! s = evalc('nn_minimize(f, [0; 0; 0], optimset(''Display'', ''final''));');
%! assert(isempty(strfind(s, 'max|grad|'))); assert(~isempty(strfind(s, 'nn_minimize:')));
%! s = evalc('nn_minimize(f, [0; 0; 0], optimset(''Display'', ''off''));'); assert(s, '');
%! s = evalc('nn_minimize(f, [0; 0; 0], optimset(''Display'', ''none''));'); assert(s, '');
%! s = evalc('nn_minimize(f, [0; 0; 0], optimset(''Display'', ''iter-detailed''));');
%! assert(~isempty(strfind(s, 'max|grad|')));
%! % Display wins over Verbose
%! s = evalc('nn_minimize(f, [0; 0; 0], ''Verbose'', true, ''Display'', ''off'');'); assert(s, '');
%! % notify: only when it did not converge
%! s = evalc('nn_minimize(f, [0; 0; 0], optimset(''Display'', ''notify''));'); assert(s, '');
%! s = evalc('nn_minimize(f, [0; 0; 0], optimset(''Display'', ''notify'', ''MaxIter'', 0));');
%! assert(~isempty(strfind(s, 'MaxIter')));
%! % the default prints nothing, with a struct as without
%! s = evalc('nn_minimize(f, [0; 0; 0], optimset(''MaxIter'', 5));'); assert(s, '');
%!test
%! f = @(x) deal(sum(x .^ 2), 2 * x);
%! [x, Jh, flag] = nn_minimize(f, [1; 2], optimset('GradObj', 'on'));
%! assert(x, [0; 0], 1e-8); assert(flag, 1);
%!warning <MaxFunEvals> nn_minimize(@(x) deal(x^2, 2*x), 1, optimset('MaxFunEvals', 10));
%!test
%! warning('off', 'nnlab:nn_minimize:ignoredOption', 'local');
%! x = nn_minimize(@(x) deal(x^2, 2*x), 1, optimset('MaxFunEvals', 10, 'OutputFcn', @(varargin) false));
%! assert(abs(x) < 1e-8);
%!error id=nnlab:nn_minimize:gradient nn_minimize(@(x) deal(x^2, 2*x), 1, optimset('GradObj', 'off'))
%!error <f must return \[J, grad\]> nn_minimize(@(x) deal(x^2, 2*x), 1, optimset('GradObj', 'off'))
%!error id=nnlab:nn_minimize:optionValue nn_minimize(@(x) deal(x^2, 2*x), 1, 'GradObj', 'yes')
%!error id=nnlab:nn_minimize:optionValue nn_minimize(@(x) deal(x^2, 2*x), 1, optimset('Display', 'loud'))
%!error id=nnlab:nn_minimize:optionValue nn_minimize(@(x) deal(x^2, 2*x), 1, 'Display', 3)
%!error id=nnlab:nn_minimize:optionValue nn_minimize(@(x) deal(x^2, 2*x), 1, optimset('MaxIter', -50))
%!error id=nnlab:nn_minimize:optionValue nn_minimize(@(x) deal(x^2, 2*x), 1, optimset('TolX', -1))
%!error id=nnlab:nn_minimize:option nn_minimize(@(x) deal(x^2, 2*x), 1, struct('Bogus', 1))
%!error id=nnlab:nn_minimize:option nn_minimize(@(x) deal(x^2, 2*x), 1, struct('MaxIter', {1, 2}))
%!error id=nnlab:nn_minimize:option nn_minimize(@(x) deal(x^2, 2*x), 1, 50)
%!error id=nnlab:nn_minimize:option nn_minimize(@(x) deal(x^2, 2*x), 1, optimset('MaxIter', 5), 'Bogus', 1)
%!error id=nnlab:nn_minimize:nargout [a, b, c, d] = nn_minimize(@(x) deal(x^2, 2*x), 1, 'MaxIter', 5);

## ---- a cost function without a gradient ----
%!error id=nnlab:nn_minimize:gradient nn_minimize(@(t) sum(t .^ 2), [1; 2])
%!error <f must return \[J, grad\]> nn_minimize(@(t) sum(t .^ 2), [1; 2])
%!error id=nnlab:nn_minimize:gradient nn_minimize(@one_output, [1; 2])
%!error id=nnlab:nn_minimize:gradient nn_minimize(@(t) one_output(t), [1; 2], optimset('MaxIter', 5))
%!error id=nnlab:nn_minimize:gradient nn_minimize(@grad_never_set, [1; 2])
%!error id=nnlab:nn_minimize:gradient nn_minimize(@(t) deal(sum(t .^ 2), []), [1; 2])
%!test
%! % the message says what to return and names the function
%! try
%!   nn_minimize(@one_output, [1; 2]);
%!   error('no error');
%! catch err
%!   assert(err.identifier, 'nnlab:nn_minimize:gradient');
%!   assert(~isempty(strfind(err.message, 'f must return [J, grad]')));
%!   assert(~isempty(strfind(err.message, 'one_output')));
%!   assert(~isempty(strfind(err.message, 'THETA0')));
%! end

## ---- errors inside the user's function name it and the iteration ----
%!test
%! % at THETA0
%! try
%!   nn_minimize(@fails_below, [1; 0]);
%!   error('no error');
%! catch err
%!   assert(err.identifier, 'nnlab:nn_minimize:costFunction');
%!   assert(strncmp(err.message, 'nn_minimize: ', 13));
%!   assert(~isempty(strfind(err.message, 'fails_below')));
%!   assert(~isempty(strfind(err.message, 'at THETA0')));
%!   assert(~isempty(strfind(err.message, 'my cost cannot take 1')));
%!   assert(~isempty(err.stack)); assert(err.stack(1).name, 'fails_below');
%! end
%!test
%! % in the first iteration: from 2, the first step lands at 1
%! try
%!   nn_minimize(@fails_below, [2; 0]);
%!   error('no error');
%! catch err
%!   assert(err.identifier, 'nnlab:nn_minimize:costFunction');
%!   assert(~isempty(strfind(err.message, 'in iteration 1')));
%!   assert(~isempty(strfind(err.message, 'my cost cannot take')));
%! end
%!test
%! % nn_cost's own errors (0-based labels) come out named too
%! net = nn_mlp([2 3 2], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 1);
%! cost = @(t) nn_cost(t, net, [0 0; 1 1], [0; 1]);
%! try
%!   nn_minimize(cost, nn_unroll(net), optimset('MaxIter', 5));
%!   error('no error');
%! catch err
%!   assert(err.identifier, 'nnlab:nn_minimize:costFunction');
%!   assert(~isempty(strfind(err.message, 'nn_cost')));
%!   assert(~isempty(strfind(err.message, '@(t) nn_cost')));
%!   assert(~isempty(strfind(err.message, 'at THETA0')));
%! end
%!error id=nnlab:nn_minimize:costFunction nn_minimize(@(t) deal(sum(t), [1 2] * [3 4]), [1; 2])
