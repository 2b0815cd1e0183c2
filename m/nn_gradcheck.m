% -*- texinfo -*-
% @deftypefn  {} {@var{d} =} nn_gradcheck (@var{net}, @var{X}, @var{T})
% @deftypefnx {} {[@var{d}, @var{num}, @var{ana}, @var{idx}] =} nn_gradcheck (@var{net}, @var{X}, @var{T}, @var{name}, @var{value}, @dots{})
% Check the gradient of @code{nn_cost} (back-propagation) against central
% finite differences, as the classic course's @code{checkNNGradients} does.
%
% For each checked parameter @code{theta(k)} (see @code{nn_unroll}) the
% numerical derivative is
% @code{(J(theta + h e_k) - J(theta - h e_k)) / (2h)}, where @code{e_k} is 1
% in place k and 0 elsewhere, and @var{d} is the
% relative difference
%
% @example
% d = norm (num - ana) / norm (num + ana)
% @end example
%
% (0 when both are 0).  A correct gradient gives a tiny number, about
% 1e-10 for a small network in double (somewhat more when the checked
% derivatives are themselves tiny); a wrong one gives something near 1.  @var{num} and @var{ana} are
% the numerical and back-propagated derivatives of the checked parameters,
% whose indices into @code{nn_unroll (net)} are @var{idx}.
%
% @table @code
% @item 'L2'
% the penalty @code{L2/2 sum(W(:).^2)} on the weights, as @code{nn_train}
% and @code{nn_cost} take it (default 0).
% @item 'Lambda'
% the same penalty in the course's scaling, @code{lambda/(2m)}, as
% @code{nn_cost}'s positional @var{lambda} (@code{'L2', l2} is
% @code{'Lambda', l2 * m}).  Give one of the two.
% @item 'Loss', 'LossOptions'
% as for @code{nn_cost} (default: the loss @code{nn_cost} picks).
% @item 'Step'
% @var{h}, default 1e-5 (the error of a central difference is about
% @var{h} squared times the third derivative, plus a rounding error of
% about @code{1e-16 J / h}).
% @item 'Count'
% check only this many parameters, chosen at random (default: all of them);
% each one costs two evaluations of the cost on all of @var{X}.
% @item 'Seed'
% a whole number to choose the same parameters every time (your own random
% streams are left untouched).
% @end table
%
% The check always runs in double: a single-precision network is converted
% to double first (single precision cannot resolve differences of step
% 1e-5), so it checks the formulas, not the rounding of single.  Dropout
% layers are switched off, as in @code{nn_cost}.
%
% An error of @code{nn_cost} in one of the finite-difference evaluations
% (which the first evaluation, at the network's own parameters, did not
% raise) says which parameter and which evaluation, e.g.
% @code{nn_gradcheck: the cost at theta(12) + Step (@dots{} parameter 3 of
% 20 checked, evaluation 5 of 40) failed: @dots{}}, with the identifier
% @code{nnlab:nn_gradcheck:<what>}.
%
% @example
% net = nn_mlp ([3 5 4 3], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 1);
% X = randn (5, 3); y = [1; 2; 3; 1; 2];
% d = nn_gradcheck (net, X, y, 'Lambda', 1)      % about 1e-10
% @end example
% @seealso{nn_cost, nn_backward, nn_unroll}
% @end deftypefn
function [d, num, ana, idx] = nn_gradcheck(net, X, T, varargin)
  fn = 'nn_gradcheck';
  if nargin < 3
    error('nnlab:nn_gradcheck:nargin', 'nn_gradcheck: usage d = nn_gradcheck(net, X, T, ''Lambda'', lambda)');
  end
  check_net(fn, net);
  o = parse_options(fn, struct('Lambda', 0, 'L2', 0, 'Loss', '', 'LossOptions', {{}}, 'Step', 1e-5, ...
                               'Count', [], 'Seed', []), varargin);
  check_value(fn, 'Lambda', o.Lambda, 'scalar', 0, Inf);
  check_value(fn, 'L2', o.L2, 'scalar', 0, Inf);
  if o.Lambda > 0 && o.L2 > 0
    error('nnlab:nn_gradcheck:optionValue', ['nn_gradcheck: give the penalty once: ''L2'' ' ...
          '(l2/2, as nn_train) or ''Lambda'' (the course''s lambda/(2m)), not both']);
  end
  if o.L2 > 0
    pen = {'L2', o.L2};
  else
    pen = {o.Lambda};
  end
  check_value(fn, 'Loss', o.Loss, 'string');
  check_value(fn, 'Step', o.Step, 'scalar', 0, 1);
  if o.Step <= 0
    error('nnlab:nn_gradcheck:optionValue', 'nn_gradcheck: option ''Step'' must be a small number > 0, such as 1e-5');
  end
  if ~isempty(o.Seed)
    check_value(fn, 'Seed', o.Seed, 'count', 0, 2^32 - 1);
  end
  if ~isempty(o.Count)
    check_value(fn, 'Count', o.Count, 'count', 1, 2^53);
  end
  net = to_double(net);
  theta = nn_unroll(net);
  n = numel(theta);
  cost = @(t) nn_cost(t, net, X, T, pen{:}, 'Loss', o.Loss, 'LossOptions', o.LossOptions);
  try
    [~, grad] = cost(theta);
  catch err
    rethrow_as(fn, err);
  end
  if isempty(o.Count) || o.Count >= n
    idx = (1:n)';
  else
    idx = sort(seeded(o.Seed, @() randperm(n, o.Count)))';
  end
  h = double(o.Step);
  num = zeros(numel(idx), 1);
  for j = 1:numel(idx)
    k = idx(j);
    tp = theta;
    tp(k) = tp(k) + h;
    tm = theta;
    tm(k) = tm(k) - h;
    num(j) = (cost_at(fn, cost, tp, k, '+', j, numel(idx)) - ...
              cost_at(fn, cost, tm, k, '-', j, numel(idx))) / (2 * h);
  end
  ana = grad(idx);
  den = norm(num + ana);
  if den == 0
    d = norm(num - ana);
  else
    d = norm(num - ana) / den;
  end
end

function J = cost_at(fn, cost, t, k, pm, j, count)
% One evaluation of the finite differences; an error in it names the
% parameter and the evaluation (nnlab ids as nnlab:FN:<what>, others as
% nnlab:FN:evaluation), and keeps the traceback into the cost.
  try
    J = cost(t);
  catch err
    parts = strsplit(err.identifier, ':');
    if numel(parts) == 3 && strcmp(parts{1}, 'nnlab')
      id = ['nnlab:' fn ':' parts{3}];
    else
      id = ['nnlab:' fn ':evaluation'];
    end
    msg = sprintf(['%s: the cost at theta(%d) %s Step (theta as nn_unroll gives it; parameter ' ...
                   '%d of %d checked, evaluation %d of %d) failed: %s'], fn, k, pm, j, count, ...
                  2 * j - strcmp(pm, '+'), 2 * count, err.message);
    error(struct('identifier', id, 'message', msg, 'stack', err.stack));
  end
end

function net = to_double(net)
% The same network in double precision.
  if strcmp(net.class, 'double')
    return
  end
  for i = 1:numel(net.layers)
    h = layer_home(net.layers(i).type);
    for f = h.params
      net.layers(i).(f{1}) = double(net.layers(i).(f{1}));
    end
  end
  net.class = 'double';
  net.summary = regexprep(net.summary, 'single$', 'double');
end

%!test
%! net = nn_mlp([3 5 4 3], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 1);
%! X = sin(reshape(1:15, 5, 3)); y = [1; 2; 3; 1; 2];
%! [d, num, ana, idx] = nn_gradcheck(net, X, y, 'Lambda', 1);
%! assert(d < 1e-9); assert(idx, (1:numel(nn_unroll(net)))');
%! assert(num, ana, 1e-9);
%!test
%! net = nn_mlp([2 4 2], 'Hidden', 'tanh', 'Class', 'single', 'Seed', 2);
%! [d, num, ~, idx] = nn_gradcheck(net, [1 2; -1 0; 0.5 0.5], [1; 2; 2], 'Count', 5, 'Seed', 3);
%! assert(d < 1e-8); assert(numel(num), 5); assert(numel(unique(idx)), 5);
%!test
%! net = nn_mlp([3 4 2], 'Hidden', 'tanh', 'Seed', 4);
%! X = cos(reshape(1:12, 4, 3)); y = [1; 2; 2; 1];
%! [d, num] = nn_gradcheck(net, X, y, 'L2', 0.5);
%! [~, num2] = nn_gradcheck(net, X, y, 'Lambda', 0.5 * 4);
%! assert(d < 1e-9); assert(num, num2, 1e-12);
%!error id=nnlab:nn_gradcheck:optionValue nn_gradcheck(nn_mlp([2 1]), [1 2], 1, 'L2', 1, 'Lambda', 1)
%!test
%! % an error in one of the finite-difference evaluations names the parameter
%! % and the evaluation: bce needs outputs in [0, 1], and theta(1) + Step is 1 + 1e-5
%! net = nn_mlp([1 1]); net.layers(1).W = 0; net.layers(1).b = 1;
%! try
%!   nn_gradcheck(net, 0.5, 1, 'Loss', 'bce');
%!   error('no error');
%! catch err
%!   assert(err.identifier, 'nnlab:nn_gradcheck:domain');
%!   assert(strncmp(err.message, 'nn_gradcheck: the cost at theta(1) + Step', 41));
%!   assert(~isempty(strfind(err.message, 'evaluation 1 of 4')));
%!   assert(~isempty(strfind(err.message, 'lies outside [0, 1]')));
%! end
%!error id=nnlab:nn_gradcheck:nargin nn_gradcheck(nn_mlp([2 1]), [1 2])
%!error id=nnlab:nn_gradcheck:net nn_gradcheck(1, 2, 3)
%!error id=nnlab:nn_gradcheck:optionValue nn_gradcheck(nn_mlp([2 1]), [1 2], 1, 'Step', 0)
%!error id=nnlab:nn_gradcheck:optionValue nn_gradcheck(nn_mlp([2 1]), [1 2], 1, 'Count', 0)
%!error id=nnlab:nn_gradcheck:option nn_gradcheck(nn_mlp([2 1]), [1 2], 1, 'Bogus', 1)
%!error id=nnlab:nn_gradcheck:size nn_gradcheck(nn_mlp([2 1]), [1 2 3], 1)
%!error id=nnlab:nn_gradcheck:name nn_gradcheck(nn_mlp([2 1]), [1 2], 1, 'Loss', 'nosuch')
