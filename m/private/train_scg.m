function [x, f, g, st, Y] = train_scg(fg, x, f, g, st, sigma0, lambda0, Y)
% TRAIN_SCG  One iteration of Moller's scaled conjugate gradient (as
%   MATLAB's trainscg), for nn_train ('Optimizer', 'scg') and nn_minimize
%   ('Method', 'scg').  FG(x) returns [f, g, Y]: the loss, its gradient and
%   anything else (Y, kept with the point taken).  X, F, G: the current
%   point; ST the state ([] before the first iteration).  SIGMA0 scales the
%   finite difference of gradients that stands for the Hessian times p;
%   LAMBDA0 is the first regularisation (trainscg's sigma 5e-5, lambda 5e-7).
%
%   The iteration (Moller 1993): with p the direction and r = -g,
%   s = (g(x + sigma p) - g(x)) / sigma for sigma = SIGMA0/|p| (only after a
%   successful step), delta = p's + (lambda - lambdab)|p|^2, made positive by
%   raising lambda; the step alpha = (p'r)/delta; the comparison Delta =
%   2 delta (f(x) - f(x + alpha p)) / (p'r)^2.  Delta >= 0 takes the step
%   and the new direction r + beta p (beta = (|r'|^2 - r'.r)/(p'r),
%   restarted at -g every n iterations); Delta >= 0.75 quarters lambda;
%   Delta < 0.25 raises it by delta (1 - Delta)/|p|^2.
  n = numel(x);
  if isempty(st)
    st = struct('p', -g, 'r', -g, 'success', true, 'lambda', lambda0, 'lambdab', 0, ...
                'delta', 0, 'k', 0, 'pp', 0);
  end
  p = st.p;
  r = st.r;
  pp = double(p' * p);
  if pp == 0
    return                             % a zero gradient: at a stationary point
  end
  if st.success
    sig = sigma0 / sqrt(pp);
    [~, g2] = fg(x + sig * p);
    s = (g2 - g) / sig;
    st.delta = double(p' * s);
  end
  delta = st.delta + (st.lambda - st.lambdab) * pp;
  if delta <= 0
    st.lambdab = 2 * (st.lambda - delta / pp);
    delta = -delta + st.lambda * pp;
    st.lambda = st.lambdab;
  end
  st.delta = delta;                    % carried to an iteration after a failed step
  mu = double(p' * r);
  alpha = mu / delta;
  xn = x + alpha * p;
  [fn, gn, Yn] = fg(xn);
  Delta = 2 * delta * (f - fn) / mu ^ 2;
  st.k = st.k + 1;
  if Delta >= 0 && isfinite(fn)
    rn = -gn;
    x = xn;
    f = fn;
    g = gn;
    Y = Yn;
    st.lambdab = 0;
    st.success = true;
    if mod(st.k, n) == 0
      st.p = rn;
    else
      beta = double(rn' * rn - rn' * r) / mu;
      st.p = rn + beta * p;
    end
    st.r = rn;
    if Delta >= 0.75
      st.lambda = st.lambda / 4;
    end
  else
    st.lambdab = st.lambda;
    st.success = false;
  end
  if Delta < 0.25 || ~isfinite(fn)
    st.lambda = st.lambda + delta * (1 - Delta) / pp;
    if ~isfinite(st.lambda)
      st.lambda = 1e20;
    end
  end
end
