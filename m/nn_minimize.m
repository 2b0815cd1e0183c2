% -*- texinfo -*-
% @deftypefn  {} {@var{theta} =} nn_minimize (@var{f}, @var{theta0})
% @deftypefnx {} {[@var{theta}, @var{J}, @var{info}] =} nn_minimize (@var{f}, @var{theta0}, @var{name}, @var{value}, @dots{})
% @deftypefnx {} {[@var{theta}, @var{J_history}, @var{exitflag}, @var{info}] =} nn_minimize (@var{f}, @var{theta0}, @var{options})
% Minimise a smooth function of many variables, such as the cost of a
% network from @code{nn_cost}, by the limited-memory BFGS method (L-BFGS)
% with a line search that satisfies the strong Wolfe conditions.  It takes
% the place of the course's @code{fmincg}, so that no course file is needed.
%
% @var{f} is a function handle: @code{[J, grad] = f (theta)} returns the
% value (a real scalar) and the gradient (as many elements as
% @var{theta}).  @var{theta0} is the starting point, a vector; @var{theta}
% has its shape and is @code{double}.
%
% @strong{Two ways to call it, with different outputs.}
%
% @itemize
% @item
% With name/value pairs (or no options), nnlab's own form:
% @code{[theta, J, info] = nn_minimize (f, theta0, 'MaxIter', 50)}.
% @var{J} is the final cost @code{f (theta)}, a scalar (as @code{fminunc}'s
% second output), and @var{info} is the struct described below.
%
% @item
% With an options struct as the third argument, as the course calls
% @code{fmincg}:
% @example
% options = optimset ('MaxIter', 50);
% [theta, J_history, exitflag] = nn_minimize (f, theta0, options);
% @end example
% The outputs come in @code{fmincg}'s order (@code{[X, fX, i] = fmincg (f,
% X, options)}): @var{J_history} is a column with the cost after each
% iteration (as @code{fmincg}'s @code{fX}: the cost at @var{theta0} is not
% in it, and it is empty when no iteration ran), so @code{J_history(end)}
% is the final cost.  @var{exitflag} says why it stopped, with the numbers
% of @code{fminunc}: 1 the gradient is small (@code{TolGrad}), 2 the step
% is small (@code{TolX}), 3 the cost changes little (@code{TolFun}), 0 the
% most iterations were made (@code{MaxIter}), -3 no step lowers the cost
% any more (see @code{'linesearch'} below).  The fourth output is
% @var{info}.  Name/value pairs may follow the struct and take precedence.
% @end itemize
%
% Options, as name/value pairs or as fields of the struct (names are
% case-insensitive; in a struct, empty fields mean the default, as
% @code{optimset} leaves them):
%
% @table @code
% @item 'MaxIter'
% the most iterations (line searches), default 100 (as @code{fmincg}).
% Each iteration calls @var{f} once or a few times.
% @item 'TolFun'
% stop when an iteration lowers @var{J} by no more than
% @code{TolFun * max (1, abs (J))} (default 1e-10).
% @item 'TolX'
% stop when an iteration moves @var{theta} by no more than
% @code{TolX * max (1, norm (theta))}, in the 2-norm (default 0: never).
% @item 'TolGrad'
% stop when the largest element of the gradient, in absolute value, is at
% most @code{TolGrad} (default 1e-8).
% @item 'Memory'
% the number of past steps L-BFGS remembers to model the curvature
% (default 10).
% @item 'Display'
% @code{'off'} (or @code{'none'}): print nothing; @code{'iter'}: one line
% per iteration (iteration, cost, largest gradient element, step length)
% and a final line; @code{'final'}: the final line only; @code{'notify'}:
% the final line only when it did not converge (@var{exitflag} <= 0).  The
% @code{-detailed} variants of @code{optimset} are taken as the plain ones.
% Default: as @code{'Verbose'}.
% @item 'Verbose'
% true is @code{'Display', 'iter'}, false (the default) is
% @code{'Display', 'off'}; @code{'Display'} wins when both are given.
% @item 'Method'
% @code{'lbfgs'} (the default, described here), @code{'scg'} (Moller's
% scaled conjugate gradient, as MATLAB's @code{trainscg}: no line search,
% two gradients per iteration, only steps that lower the cost; options
% @code{'Sigma'}, default 5e-5, and @code{'Lambda'}, 5e-7) or
% @code{'rprop'} (@code{nn_step}'s rprop on the gradient; options
% @code{'LearningRate'}, @code{'Etas'}, @code{'StepSizes'}, PyTorch's
% defaults 0.01, [0.5 1.2], [1e-6 50]; the cost may rise).  With both,
% @code{'TolFun'} stops on the change of the cost of an iteration that
% moved @var{theta}, and @code{'Memory'} is not used.
% @item 'GradObj'
% @code{'on'} (the default): @var{f} returns the gradient.
% @code{nn_minimize} always needs the gradient, so @code{'off'} is the
% error @code{nnlab:nn_minimize:gradient}.
% @end table
%
% Other fields that @code{optimset} knows (such as @code{MaxFunEvals} or
% @code{OutputFcn}) are not used: a non-empty one gives the warning
% @code{nnlab:nn_minimize:ignoredOption}.  A field that neither
% @code{optimset} nor this list knows is the error
% @code{nnlab:nn_minimize:option}.
%
% @var{info} has the fields @code{cost} (the history: @code{cost(1)} at
% @var{theta0}, then @var{J} after each iteration), @code{iterations},
% @code{evaluations} (calls of @var{f}), @code{gradnorm} (the largest
% absolute gradient element at @var{theta}), @code{stop_reason}
% (@code{'maxiter'}, @code{'tolfun'}, @code{'tolx'}, @code{'tolgrad'} or
% @code{'linesearch'}, when no step along the steepest descent lowers
% @var{J} any more, which happens at a minimum in floating point or when the
% gradient is wrong), @code{exitflag} (the number above) and
% @code{message}, a sentence.
%
% @strong{Differences from the course's @code{fmincg}}, for code ported
% from it:
% @itemize
% @item the third output is @var{exitflag}, not the number of iterations
% @code{i}; that number is @code{numel (J_history)} or
% @code{info.iterations}.
% @item the method is L-BFGS, not Polak-Ribiere conjugate gradients, so the
% iterates (and @var{J_history}) differ from @code{fmincg}'s.
% @item it prints nothing unless asked (@code{'Display', 'iter'});
% @code{fmincg} prints a line per iteration.
% @item it may stop before @code{MaxIter} (@code{TolGrad}, @code{TolFun},
% @code{TolX}); @code{fmincg} stops only at @code{MaxIter} or when its line
% search fails twice.
% @item a negative @code{MaxIter} (@code{fmincg}'s limit on function
% evaluations) is an error.
% @item with name/value pairs instead of a struct, the second and third
% outputs are the final cost and @var{info} (see above).
% @end itemize
% Ported from @code{fminunc}: @code{J_history(end)} is its @code{fval}, and
% @var{exitflag} has its numbering (Octave's @code{fminunc} gives -3 when
% its trust region becomes too small, that is when it makes no progress).
%
% Errors: when @var{f} returns no gradient (a function with one output, or
% a gradient never assigned or empty), the error is
% @code{nnlab:nn_minimize:gradient} ("f must return [J, grad]").  When
% @var{f} itself raises an error, @code{nn_minimize} raises
% @code{nnlab:nn_minimize:costFunction} with @var{f}'s message, prefixed by
% @var{f}'s name and where it failed (at @var{theta0}, or in which
% iteration); the traceback still points into @var{f}.
%
% The method: the search direction @math{d = -H g} comes from the last
% @code{Memory} steps @math{s} and gradient changes @math{y} by the
% two-loop recursion, with @math{H_0 = (s'y / y'y) I}; the first direction
% is the steepest descent.  The step length satisfies the strong Wolfe
% conditions @code{J(x + a d) <= J(x) + 1e-4 a g'd} and
% @code{|g(x + a d)'d| <= 0.9 |g'd|}, found by bracketing and zooming
% with cubic interpolation (Nocedal and Wright, Numerical Optimization,
% algorithms 3.5 and 3.6).  Steps where @var{f} returns NaN or Inf are
% shortened.
%
% @example
% net = nn_mlp ([2 3 1], 'Hidden', 'sigmoid', 'Output', 'sigmoid', 'Seed', 2);
% X = [0 0; 0 1; 1 0; 1 1]; T = [0; 1; 1; 0];
% cost = @@(t) nn_cost (t, net, X, T);
% [theta, J, info] = nn_minimize (cost, nn_unroll (net), 'MaxIter', 50);
% net = nn_roll (net, theta);
% plot (0:info.iterations, info.cost)
%
% % the course's ex4 call, fmincg replaced
% options = optimset ('MaxIter', 50);
% [theta, J_history] = nn_minimize (cost, nn_unroll (net), options);
% plot (J_history)
% @end example
% @seealso{nn_cost, nn_unroll, nn_roll, nn_gradcheck, optimset, fminunc}
% @end deftypefn
function [theta, out2, out3, out4] = nn_minimize(f, theta0, varargin)
  fn = 'nn_minimize';
  if nargin < 2
    error('nnlab:nn_minimize:nargin', 'nn_minimize: usage [theta, J, info] = nn_minimize(@(t) cost(t), theta0, ''MaxIter'', 100)');
  end
  if ~isa(f, 'function_handle')
    error('nnlab:nn_minimize:class', 'nn_minimize: F must be a function handle, e.g. @(t) nn_cost(t, net, X, T, lambda)');
  end
  if ~(isa(theta0, 'double') || isa(theta0, 'single')) || ~isreal(theta0) || ~isvector(theta0) || ...
     any(~isfinite(theta0(:)))
    error('nnlab:nn_minimize:class', 'nn_minimize: THETA0 must be a vector of finite real numbers (e.g. from nn_unroll)');
  end
  defaults = struct('MaxIter', 100, 'TolFun', 1e-10, 'TolX', 0, 'TolGrad', 1e-8, ...
                    'Memory', 10, 'Verbose', false, 'Display', '', 'GradObj', 'on', ...
                    'Method', 'lbfgs', 'Sigma', 5e-5, 'Lambda', 5e-7, 'LearningRate', [], ...
                    'Etas', [], 'StepSizes', []);
  args = varargin;
  course = ~isempty(args) && isstruct(args{1});
  if course
    args = [struct_options(fn, args{1}, fieldnames(defaults)), args(2:end)];
  elseif ~isempty(args) && ~ischar(args{1})
    error('nnlab:nn_minimize:option', ['nn_minimize: the third argument must be an options struct ' ...
          '(optimset (''MaxIter'', 50)) or name/value pairs (''MaxIter'', 50), but it is a %s'], ...
          class(args{1}));
  end
  if ~course && nargout > 3
    error('nnlab:nn_minimize:nargout', ['nn_minimize: with name/value pairs it returns [theta, J, info]; ' ...
          'give the options as a struct (optimset) for [theta, J_history, exitflag, info]']);
  end
  o = parse_options(fn, defaults, args);
  check_value(fn, 'MaxIter', o.MaxIter, 'count', 0, 1e9);
  check_value(fn, 'TolFun', o.TolFun, 'scalar', 0, Inf);
  check_value(fn, 'TolX', o.TolX, 'scalar', 0, Inf);
  check_value(fn, 'TolGrad', o.TolGrad, 'scalar', 0, Inf);
  check_value(fn, 'Memory', o.Memory, 'count', 1, 1000);
  check_value(fn, 'Verbose', o.Verbose, 'logical');
  display = display_mode(fn, o.Display, o.Verbose);
  check_value(fn, 'GradObj', o.GradObj, 'string');
  switch lower(o.GradObj)
    case 'on'
    case 'off'
      error('nnlab:nn_minimize:gradient', ['nn_minimize: f must return [J, grad]: nn_minimize always ' ...
            'needs the gradient, but GradObj is ''off''; make f return the gradient and leave ' ...
            'GradObj out or set it to ''on''']);
    otherwise
      error('nnlab:nn_minimize:optionValue', 'nn_minimize: option ''GradObj'' must be ''on'' or ''off''');
  end
  iter_lines = strcmp(display, 'iter');
  if ~ischar(o.Method) || ~any(strcmpi(o.Method, {'lbfgs', 'scg', 'rprop'}))
    error('nnlab:nn_minimize:optionValue', ['nn_minimize: option ''Method'' must be ' ...
          '''lbfgs'' (the default), ''scg'' or ''rprop''']);
  end
  o.Method = lower(o.Method);
  check_value(fn, 'Sigma', o.Sigma, 'scalar', 0, Inf);
  check_value(fn, 'Lambda', o.Lambda, 'scalar', 0, Inf);
  if ~(o.Sigma > 0 && o.Lambda > 0)
    error('nnlab:nn_minimize:optionValue', 'nn_minimize: ''Sigma'' and ''Lambda'' must be > 0');
  end

  shape = size(theta0);
  x = double(full(theta0(:)));
  n = numel(x);
  fname = handle_name(f);
  fun = @(z) evaluate(f, z, shape, n, 0, fname);
  [fx, g] = fun(x);
  if ~isfinite(fx) || any(~isfinite(g))
    error('nnlab:nn_minimize:domain', 'nn_minimize: F returns NaN or Inf (cost or gradient) at THETA0; start from another point');
  end
  mk = @(k) @(z) evaluate(f, z, shape, n, k, fname);
  % the table's head and the start's own test, for every method
  if iter_lines
    fprintf('%6s  %16s  %12s  %12s\n', 'iter', 'cost', 'max|grad|', 'step');
    fprintf('%6d  %16.10g  %12.4g  %12s\n', 0, fx, max(abs(g)), '');
  end
  if max(abs(g)) <= o.TolGrad
    [history, it, nev, reason] = deal(fx, 0, 1, 'tolgrad');
  elseif strcmp(o.Method, 'lbfgs')
    [x, fx, g, history, it, nev, reason] = minimize_lbfgs(mk, x, fx, g, o, iter_lines);
  else
    [x, fx, g, history, it, nev, reason] = minimize_classic(mk, x, fx, g, o, iter_lines);
  end

  theta = reshape(x, shape);
  J = fx;
  switch reason
    case 'maxiter'
      msg = sprintf('stopped after the most iterations allowed (MaxIter = %d)', o.MaxIter);
      flag = 0;
    case 'tolgrad'
      msg = sprintf('the largest gradient element is at most TolGrad = %g', o.TolGrad);
      flag = 1;
    case 'tolfun'
      msg = sprintf('the last iteration lowered the cost by at most TolFun = %g (relative)', o.TolFun);
      flag = 3;
    case 'tolx'
      msg = sprintf('the last iteration moved THETA by at most TolX = %g (relative)', o.TolX);
      flag = 2;
    otherwise
      msg = ['no step along the steepest descent lowers the cost any more ' ...
             '(a minimum up to rounding, or a gradient that does not match the cost)'];
      flag = -3;
  end
  info = struct('cost', history(:), 'iterations', it, 'evaluations', nev, ...
                'gradnorm', max(abs(g)), 'stop_reason', reason, 'exitflag', flag, 'message', msg);
  if iter_lines || strcmp(display, 'final') || (strcmp(display, 'notify') && flag <= 0)
    fprintf('nn_minimize: %s; cost %.10g after %d iterations, %d evaluations\n', msg, J, it, nev);
  end
  if course
    out2 = reshape(info.cost(2:end), [], 1);
    out3 = flag;
    out4 = info;
  else
    out2 = J;
    out3 = info;
  end
end

function args = struct_options(fn, s, names)
% The fields of an options struct (as optimset makes) as name/value pairs:
% empty fields are left out, fields optimset knows but nn_minimize does not
% use are left out with a warning, any other field is an error.
  if ~isscalar(s)
    error('nnlab:nn_minimize:option', ['nn_minimize: OPTIONS must be one struct, as optimset ' ...
          'returns, but it is a %dx%d struct array'], size(s, 1), size(s, 2));
  end
  fields = fieldnames(s);
  known = fieldnames(optimset());
  args = {};
  ignored = {};
  for i = 1:numel(fields)
    v = s.(fields{i});
    if isempty(v)
      continue
    end
    if any(strcmpi(fields{i}, names))
      args(end + 1:end + 2) = {fields{i}, v}; %#ok<AGROW>
    elseif any(strcmpi(fields{i}, known))
      ignored{end + 1} = fields{i}; %#ok<AGROW>
    else
      error('nnlab:nn_minimize:option', ['nn_minimize: the options struct has a field ''%s'' that ' ...
            'nn_minimize does not know; the options are: %s'], fields{i}, strjoin(names.', ', '));
    end
  end
  if ~isempty(ignored)
    warning('nnlab:nn_minimize:ignoredOption', ['nn_minimize: ignoring the optimset field(s) %s, ' ...
            'which nn_minimize does not use; it uses: %s'], strjoin(ignored, ', '), strjoin(names.', ', '));
  end
end

function mode = display_mode(fn, display, verbose)
% 'off', 'iter', 'final' or 'notify', from the Display and Verbose options.
  check_value(fn, 'Display', display, 'string');
  if isempty(display)
    if verbose
      mode = 'iter';
    else
      mode = 'off';
    end
    return
  end
  mode = regexprep(lower(display), '-detailed$', '');
  if strcmp(mode, 'none')
    mode = 'off';
  end
  if ~any(strcmp(mode, {'off', 'iter', 'final', 'notify'}))
    error('nnlab:nn_minimize:optionValue', ['nn_minimize: option ''Display'' must be ''off'', ' ...
          '''iter'', ''final'' or ''notify'', but it is ''%s'''], display);
  end
end

function name = handle_name(f)
% F as text for messages, shortened when long.
  name = func2str(f);
  if isempty(name) || name(1) ~= '@'
    name = ['@' name];
  end
  if numel(name) > 60
    name = [name(1:57) '...'];
  end
end

function [fx, g] = evaluate(f, x, shape, n, it, fname)
% Call the user's function and check what it returns; IT is the iteration
% being made (0: the call at THETA0), named in every error.
  if it == 0
    where = 'at THETA0 (its first call)';
  else
    where = sprintf('in iteration %d', it);
  end
  t = reshape(x, shape);
  try
    [fx, g] = f(t);
  catch err
    if no_gradient(f, t, err)
      error(struct('identifier', 'nnlab:nn_minimize:gradient', 'stack', err.stack, ...
                   'message', sprintf(['nn_minimize: f must return [J, grad] (the cost and its ' ...
                                       'gradient), but f = %s returned no gradient %s: %s'], ...
                                      fname, where, err.message)));
    end
    error(struct('identifier', 'nnlab:nn_minimize:costFunction', 'stack', err.stack, ...
                 'message', sprintf('nn_minimize: the cost function f = %s failed %s: %s', ...
                                    fname, where, err.message)));
  end
  if ~(isnumeric(fx) || islogical(fx)) || ~isscalar(fx) || ~isreal(fx)
    error('nnlab:nn_minimize:output', 'nn_minimize: F must return the cost as a real scalar first (%s)', where);
  end
  if isempty(g) && n > 0
    error('nnlab:nn_minimize:gradient', ['nn_minimize: f must return [J, grad] (the cost and its ' ...
          'gradient), but f = %s returned an empty gradient %s'], fname, where);
  end
  if ~(isnumeric(g) || islogical(g)) || ~isreal(g) || numel(g) ~= n
    error('nnlab:nn_minimize:output', ['nn_minimize: F must return the gradient second, with %d ' ...
          'elements like THETA, but it has %d (%s)'], n, numel(g), where);
  end
  fx = double(fx);
  g = double(full(g(:)));
end

function tf = no_gradient(f, t, err)
% Whether ERR, raised by [J, grad] = f(t), means that f gives no second
% output: an error of the kind Octave raises for a missing output, and f
% itself works when asked for J alone.
  tf = false;
  kind = (strcmp(err.identifier, 'Octave:invalid-fun-call') && ...
          ~isempty(strfind(err.message, 'too many outputs'))) || ...
         ~isempty(strfind(err.message, 'undefined in return list')) || ...
         strcmp(err.identifier, 'Octave:undefined-function') || ...
         strcmp(err.identifier, 'MATLAB:TooManyOutputs') || ...
         strcmp(err.identifier, 'MATLAB:unassignedOutputs');
  if ~kind
    return
  end
  try
    f(t);
    tf = true;
  catch
    tf = false;
  end
end

%!test
%! % a convex quadratic in 5 variables: the exact minimiser
%! A = [4 1 0 0 0; 1 3 1 0 0; 0 1 5 1 0; 0 0 1 2 0; 0 0 0 0 1]; b = (1:5)';
%! f = @(x) deal(0.5 * x' * A * x - b' * x, A * x - b);
%! [x, J, info] = nn_minimize(f, zeros(5, 1));
%! assert(x, A \ b, 1e-7); assert(info.stop_reason, 'tolgrad');
%! assert(J, info.cost(end)); assert(numel(info.cost), info.iterations + 1);
%!test
%! % Rosenbrock, from the classic start, a row vector
%! f = @(x) deal(100 * (x(2) - x(1)^2)^2 + (1 - x(1))^2, ...
%!              [-400 * x(1) * (x(2) - x(1)^2) - 2 * (1 - x(1)), 200 * (x(2) - x(1)^2)]);
%! [x, J, info] = nn_minimize(f, [-1.2 1], 'MaxIter', 200);
%! assert(size(x), [1 2]); assert(x, [1 1], 1e-5); assert(J < 1e-10);
%! assert(all(diff(info.cost) <= 0));
%!test
%! f = @(x) deal(sum(x .^ 2), 2 * x);
%! [x, J, info] = nn_minimize(f, [1; 2], 'MaxIter', 0);
%! assert(x, [1; 2]); assert(J, 5); assert(info.stop_reason, 'maxiter');
%!error id=nnlab:nn_minimize:nargin nn_minimize(@(x) x)
%!error id=nnlab:nn_minimize:class nn_minimize('cost', 1)
%!error id=nnlab:nn_minimize:class nn_minimize(@(x) deal(x^2, 2*x), {1})
%!error id=nnlab:nn_minimize:class nn_minimize(@(x) deal(x^2, 2*x), [1 NaN])
%!error id=nnlab:nn_minimize:optionValue nn_minimize(@(x) deal(x^2, 2*x), 1, 'MaxIter', -1)
%!error id=nnlab:nn_minimize:option nn_minimize(@(x) deal(x^2, 2*x), 1, 'Bogus', 1)
%!error id=nnlab:nn_minimize:output nn_minimize(@(x) deal(x^2, [1 2]), 1)
%!error id=nnlab:nn_minimize:output nn_minimize(@(x) deal([x x], 1), 1)
%!error id=nnlab:nn_minimize:domain nn_minimize(@(x) deal(NaN, 1), 1)
