function g = grade_check(part, d, res, idx, label, tol)
% GRADE_CHECK  Grade one part of nn_grade from the student's results.
%   G = grade_check(PART, D, RES, IDX, LABEL, TOL): RES{IDX(c)} is the
%   outcome of the call on case c of D (grade_data); for the parts of the
%   cost function IDX has one row per network, the call with lambda = 0
%   first, then the one with the network's lambda.  LABEL names the
%   student's function in the hints.  G has fields pass, mistake (a code of
%   grade_mistakes, 'error', 'size', 'nonfinite', 'unknown', ...), hint
%   and error (the largest relative error, NaN when not compared).
  g = struct('pass', false, 'mistake', '', 'hint', '', 'error', NaN);
  switch part
    case {'cost', 'cost_reg', 'grad', 'grad_reg'}
      g = check_cost(g, part, d, res, idx, label, tol);
    case 'sigmoid_gradient'
      g = check_sg(g, d, res, idx, label, tol);
    case 'predict'
      g = check_predict(g, d, res, idx, label);
    case 'init'
      g = grade_init_check(g, d, res, idx, label);
  end
end

function g = check_cost(g, part, d, res, idx, label, tol)
  reg = any(strcmp(part, {'cost_reg', 'grad_reg'}));
  isJ = any(strcmp(part, {'cost', 'cost_reg'}));
  C = numel(d.cost);
  S = cell(1, C);
  R = cell(1, C);
  for c = 1:C
    e = d.cost(c);
    lam = reg * e.lambda;
    call = sprintf('%s(nn_params, %d, %d, %d, X, y, %g) on network %d (%d-%d-%d, m = %d)', ...
                   label, e.n, e.h, e.K, lam, c, e.n, e.h, e.K, e.m);
    r = res{idx(c, 1 + reg)};
    if ~strcmp(r.status, 'ok')
      g = failed_call(g, r, call);
      return
    end
    net = nn_from_thetas({reshape(e.theta(1:e.h * (e.n + 1)), e.h, e.n + 1), ...
                          reshape(e.theta(e.h * (e.n + 1) + 1:end), e.K, e.h + 1)});
    [J, grad] = nn_cost(e.theta, net, e.X, e.y, lam);
    if isJ
      v = r.out{1};
      R{c} = J;
      if ~is_array(v)
        g = bad(g, 'class', sprintf('J is %s, not a real number, for %s.', kind(v), call));
        return
      end
      if ~isscalar(v)
        g = bad(g, 'size', sprintf(['J is %s, not a scalar, for %s: sum over the examples and ' ...
                'the classes, sum(sum(...)).'], dims(v), call));
        return
      end
    else
      v = r.out{2};
      R{c} = grad;
      N = numel(e.theta);
      if ~is_array(v)
        g = bad(g, 'class', sprintf('grad is %s, not real numbers, for %s.', kind(v), call));
        return
      end
      if ~isequal(size(v), [N 1])
        if isempty(v)
          why = 'is it set to [Theta1_grad(:); Theta2_grad(:)]?';
        elseif numel(v) == N
          why = 'unroll it into a column, grad = [Theta1_grad(:); Theta2_grad(:)].';
        elseif numel(v) == N + e.n + 1
          why = ['Delta1 has a row too many: drop the bias column of delta2, ' ...
                 '(delta3 * Theta2(:, 2:end)) .* sigmoidGradient(z2).'];
        else
          why = 'it must have one entry per entry of nn_params, in the same order.';
        end
        g = bad(g, 'size', sprintf('grad is %s but nn_params is %dx1, for %s: %s', dims(v), N, call, why));
        return
      end
    end
    v = double(v);
    if ~all(isfinite(v(:)))
      what = 'J';
      if ~isJ
        what = 'grad';
      end
      g = bad(g, 'nonfinite', sprintf(['%s has NaN or Inf entries for %s: a log of 0, a division ' ...
              'by 0, or an uninitialised variable?'], what, call));
      return
    end
    S{c} = v;
  end
  [g, done] = compare(g, S, R, tol);
  if done
    return
  end
  list = grade_mistakes(part);
  best = Inf;
  for i = 1:numel(list)
    k = find(list{i} == '+', 1);
    e = -Inf;
    for c = 1:C
      p = d.cost(c);
      [J, grad] = grade_model(p.theta, p.n, p.h, p.K, p.X, p.y, reg * p.lambda, ...
                              list{i}(1:k - 1), list{i}(k + 1:end));
      if isJ
        e = max(e, relerr(S{c}, J));
      else
        e = max(e, relerr(S{c}, grad));
      end
    end
    if e < best
      best = e;
      code = list{i};
    end
  end
  if best <= tol
    g.mistake = regexprep(code, '^\+|\+$', '');
    g.hint = mistake_hint(g.mistake);
    return
  end
  % not a known mistake: where the result is furthest from the right one
  [~, c] = max(cellfun(@relerr, S, R));
  p = d.cost(c);
  lam = reg * p.lambda;
  where = sprintf('network %d (%d-%d-%d, m = %d, lambda = %g)', c, p.n, p.h, p.K, p.m, lam);
  if isJ
    msg = sprintf('J = %.6g on %s, where nnlab has %.6g.', S{c}, where, R{c});
  else
    [~, i] = max(abs(S{c} - R{c}));
    n1 = p.h * (p.n + 1);
    if i <= n1
      [a, b] = ind2sub([p.h, p.n + 1], i);
      ent = sprintf('Theta1_grad(%d, %d)', a, b);
    else
      [a, b] = ind2sub([p.K, p.h + 1], i - n1);
      ent = sprintf('Theta2_grad(%d, %d)', a, b);
    end
    msg = sprintf(['the largest difference is in %s on %s: %.6g where nnlab has %.6g (compare with ' ...
                   'finite differences, checkNNGradients or nn_gradcheck).'], ent, where, S{c}(i), R{c}(i));
  end
  g = bad(g, 'unknown', ['wrong, not a known mistake: ' msg]);
end

function g = check_sg(g, d, res, idx, label, tol)
  C = numel(d.sg);
  S = cell(1, C);
  R = cell(1, C);
  for c = 1:C
    z = d.sg{c};
    call = sprintf('%s(z) with z %s', label, dims(z));
    r = res{idx(c)};
    if ~strcmp(r.status, 'ok')
      g = failed_call(g, r, call);
      return
    end
    v = r.out{1};
    if ~is_array(v)
      g = bad(g, 'class', sprintf('it returns %s, not real numbers, for %s.', kind(v), call));
      return
    end
    if ~isequal(size(v), size(z))
      g = bad(g, 'size', sprintf(['it returns %s for %s: the result has the size of z, one derivative ' ...
              'per entry (use .* and ./, elementwise).'], dims(v), call));
      return
    end
    v = double(v);
    if ~all(isfinite(v(:)))
      g = bad(g, 'nonfinite', sprintf('it returns NaN or Inf for %s (z has entries as large as %g).', ...
              call, max(abs(z(:)))));
      return
    end
    S{c} = v;
    R{c} = nn_act(z, 'sigmoid', ones(size(z)));
  end
  [g, done] = compare(g, S, R, tol);
  if done
    return
  end
  g = diagnose(g, 'sigmoid_gradient', S, @(code, c) grade_helper_model(code, d.sg{c}), tol);
  if isempty(g.mistake)
    g = bad(g, 'unknown', sprintf(['wrong, not a known mistake: it gives %.6g at z = 0, where the ' ...
            'derivative of the sigmoid is 0.25.'], S{1}));
  end
end

function g = check_predict(g, d, res, idx, label)
  C = numel(d.pred);
  S = cell(1, C);
  R = cell(1, C);
  for c = 1:C
    p = d.pred(c);
    m = rows(p.X);
    call = sprintf('%s(Theta1, Theta2, X) with Theta1 %s, Theta2 %s, X %s', label, ...
                   dims(p.Theta1), dims(p.Theta2), dims(p.X));
    r = res{idx(c)};
    if ~strcmp(r.status, 'ok')
      g = failed_call(g, r, call);
      return
    end
    v = r.out{1};
    if ~is_array(v)
      g = bad(g, 'class', sprintf('p is %s, not numbers, for %s.', kind(v), call));
      return
    end
    if ~isequal(size(v), [m 1])
      if isequal(size(v), [1 m])
        why = 'a row; it must be a column of m labels, [~, p] = max(h2, [], 2).';
      elseif isequal(size(v), [1 rows(p.Theta2)])
        why = 'one entry per class: take the max over each row, max(h2, [], 2).';
      else
        why = 'it must be a column of m labels, one per row of X.';
      end
      g = bad(g, 'size', sprintf('p is %s for %s (m = %d): %s', dims(v), call, m, why));
      return
    end
    S{c} = double(v);
    net = nn_from_thetas({p.Theta1, p.Theta2});
    [~, R{c}] = max(nn_predict(net, p.X), [], 2);
  end
  wrong = sum(cellfun(@(s, r) sum(s ~= r), S, R));
  total = sum(cellfun(@numel, R));
  g.error = wrong / total;
  if wrong == 0
    g.pass = true;
    return
  end
  if all_zeros(S)
    g = bad(g, 'zeros', mistake_hint('zeros'));
    return
  end
  % labels are whole numbers; 1e-9 leaves room for the rounding of the max value (pred_value)
  g = diagnose(g, 'predict', S, @(code, c) grade_helper_model(code, d.pred(c).Theta1, ...
                                                              d.pred(c).Theta2, d.pred(c).X), 1e-9);
  if isempty(g.mistake)
    g = bad(g, 'unknown', sprintf('wrong, not a known mistake: %d of %d labels differ from nnlab''s.', ...
            wrong, total));
  end
end

function [g, done] = compare(g, S, R, tol)
% The student's results S against nnlab's R: g.error, the largest relative
% error; done when that passes, or when S is the template's all zeros.
  g.error = max(cellfun(@relerr, S, R));
  done = true;
  if g.error <= tol
    g.pass = true;
  elseif all_zeros(S)
    g = bad(g, 'zeros', mistake_hint('zeros'));
  else
    done = false;
  end
end

function g = diagnose(g, part, S, model, tol)
  % the known mistake of PART whose results match S on every case
  list = grade_mistakes(part);
  best = Inf;
  for i = 1:numel(list)
    e = -Inf;
    for c = 1:numel(S)
      M = model(list{i}, c);
      if ~isequal(size(M), size(S{c}))
        e = Inf;
        break
      end
      e = max(e, relerr(S{c}, M));
    end
    if e < best
      best = e;
      code = list{i};
    end
  end
  if best <= tol
    g.mistake = code;
    g.hint = mistake_hint(code);
  end
end

function g = failed_call(g, r, call)
  % one line: a parse error's message has the code and a caret on lines of their own
  lines = strsplit(r.msg, char(10));
  lines = lines(cellfun('isempty', regexp(lines, '^\s*\^?\s*$', 'once')));
  r.msg = regexprep(strjoin(strtrim(lines), ' '), '\s+', ' ');
  switch r.status
    case 'error'
      where = '';
      if ~isempty(r.where)
        where = sprintf(' (in %s)', r.where);
      end
      hint = '';
      if ~isempty(strfind(r.msg, 'nonconformant'))
        if strncmp(call, 'sigmoid', 7) || ~isempty(strfind(call, '(z) with z'))
          hint = ' Use .* and ./ (elementwise), not * and /.';
        else
          hint = [' Check the sizes: the bias column [ones(m, 1) X], the transposes, and .* for ' ...
                  'elementwise products.'];
        end
      end
      g = bad(g, 'error', sprintf('error%s: %s, for %s.%s', where, r.msg, call, hint));
    case 'timeout'
      g = bad(g, 'timeout', sprintf('%s: %s', call, r.msg));
    otherwise
      g = bad(g, r.status, sprintf('%s: %s', call, r.msg));
  end
end

function g = bad(g, code, hint)
  g.pass = false;
  g.mistake = code;
  g.hint = hint;
end

function h = mistake_hint(code)
  [~, h] = grade_mistakes(code);
  if ~isempty(regexp(h, '^(the|this|it|min) ', 'once'))
    h = [upper(h(1)) h(2:end)];
  end
end

function tf = all_zeros(S)
  % every result 0: the template's value, not written yet
  tf = all(cellfun(@(s) all(s(:) == 0), S));
end

function tf = is_array(v)
  tf = (isnumeric(v) || islogical(v)) && isreal(v) && ~issparse(v) && ndims(v) == 2;
end

function e = relerr(s, r)
  e = norm(double(s(:)) - r(:)) / max(norm(r(:)), 1e-12);
end

function s = kind(v)
  % what V is, for a message: 'a cell', 'complex (a log or sqrt of a negative number?)', ...
  if isnumeric(v) && ~isreal(v)
    s = 'complex (a log or a sqrt of a negative number?)';
  elseif isnumeric(v) && issparse(v)
    s = 'sparse';
  elseif isnumeric(v) || islogical(v)
    s = sprintf('a %d-dimensional array', ndims(v));
  else
    s = ['a ' class(v)];
  end
end

function s = dims(v)
  s = sprintf('%dx%d', rows(v), columns(v));
end
