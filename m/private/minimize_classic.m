function [x, fx, g, history, it, nev, reason] = minimize_classic(mk, x, fx, g, o, iter_lines)
% MINIMIZE_CLASSIC  nn_minimize's 'Method' 'scg' (Moller's scaled conjugate
%   gradient, train_scg, as MATLAB's trainscg: no line search, one or two
%   gradients an iteration) and 'rprop' (nn_step's rprop: PyTorch's
%   defaults lr 0.01, etas [0.5 1.2], step sizes [1e-6 50], or the options
%   'LearningRate', 'Etas', 'StepSizes').  Arguments and results as
%   minimize_lbfgs.  'TolFun' looks at iterations that moved x (a failed
%   scg step changes nothing and does not stop the run); for rprop it
%   takes the change of the cost in either direction.
  nev = 1;
  history = fx;
  it = 0;
  st = [];
  args = {};
  names = {'lr', 'etas', 'step_sizes'};
  vals = {o.LearningRate, o.Etas, o.StepSizes};
  for k = 1:3
    if ~isempty(vals{k})
      args = [args, names(k), vals(k)]; %#ok<AGROW>
    end
  end
  reason = '';
  while isempty(reason)
    if it >= o.MaxIter
      reason = 'maxiter';
      break
    end
    fun = mk(it + 1);
    fprev = fx;
    xprev = x;
    switch o.Method
      case 'scg'
        probe = isempty(st) || st.success;       % a gradient for the curvature too
        [x, fx, g, st] = train_scg(@(z) three(fun, z), x, fx, g, st, o.Sigma, o.Lambda, []);
        nev = nev + 1 + probe;
      case 'rprop'
        try
          [x, st] = nn_step(x, g, st, 'rprop', args{:});
        catch err
          id = regexprep(err.identifier, '^nnlab:nn_step:', 'nnlab:nn_minimize:');
          error(id, '%s', regexprep(err.message, '^nn_step: ', 'nn_minimize: '));
        end
        [fx, g] = fun(x);
        nev = nev + 1;
    end
    it = it + 1;
    history(end + 1) = fx; %#ok<AGROW>
    s = x - xprev;
    if iter_lines
      fprintf('%6d  %16.10g  %12.4g  %12.4g\n', it, fx, max(abs(g)), norm(s));
    end
    moved = any(s ~= 0);
    if ~isfinite(fx)
      x = xprev;
      fx = fprev;
      reason = 'linesearch';
    elseif max(abs(g)) <= o.TolGrad
      reason = 'tolgrad';
    elseif moved && abs(fprev - fx) <= o.TolFun * max(1, abs(fprev))
      reason = 'tolfun';
    elseif moved && norm(s) <= o.TolX * max(1, norm(x))
      reason = 'tolx';
    end
  end
end

function [f, g, Y] = three(fun, z)
  [f, g] = fun(z);
  Y = [];
end
