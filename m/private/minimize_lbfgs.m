function [x, fx, g, history, it, nev, reason] = minimize_lbfgs(mk, x, fx, g, o, iter_lines)
% MINIMIZE_LBFGS  nn_minimize's default method: L-BFGS with a line search
%   for the strong Wolfe conditions.  MK(k) is the function evaluated at
%   iteration k (its errors name the iteration); X, FX, G the start (FX, G
%   already evaluated, and not yet within 'TolGrad': nn_minimize tests the
%   start and prints the table's head for every method).  Returns the last
%   point, the costs (HISTORY, one per iteration and the start), the
%   iterations IT, evaluations NEV and the stop REASON ('maxiter',
%   'tolgrad', 'tolfun', 'tolx', 'linesearch').
  n = numel(x);
  nev = 1;
  history = fx;
  M = o.Memory;
  S = zeros(n, 0);
  Yd = zeros(n, 0);
  rho = zeros(1, 0);
  it = 0;
  reason = '';
  while isempty(reason)
    if it >= o.MaxIter
      reason = 'maxiter';
      break
    end
    % the user's errors from here on name the iteration being made
    fun = mk(it + 1);
    % search direction by the two-loop recursion
    d = direction(g, S, Yd, rho);
    gd = g' * d;
    if ~(gd < 0) || ~isfinite(gd)
      S = zeros(n, 0); Yd = zeros(n, 0); rho = zeros(1, 0);
      d = -g;
      gd = -(g' * g);
    end
    if isempty(rho)
      a1 = min(1, 1 / norm(g));
    else
      a1 = 1;
    end
    [a, fa, ga, k, ok] = wolfe(fun, x, fx, g, d, gd, a1, 30);
    nev = nev + k;
    if ~ok
      if ~isempty(rho)
        % forget the curvature model and try the steepest descent
        S = zeros(n, 0); Yd = zeros(n, 0); rho = zeros(1, 0);
        continue
      end
      reason = 'linesearch';
      break
    end
    it = it + 1;
    s = a * d;
    y = ga - g;
    x = x + s;
    fprev = fx;
    fx = fa;
    g = ga;
    history(end + 1) = fx; %#ok<AGROW>
    sy = s' * y;
    if sy > 1e-10 * norm(s) * norm(y)
      if size(S, 2) >= M
        S(:, 1) = []; Yd(:, 1) = []; rho(1) = [];
      end
      S(:, end + 1) = s; %#ok<AGROW>
      Yd(:, end + 1) = y; %#ok<AGROW>
      rho(end + 1) = 1 / sy; %#ok<AGROW>
    end
    if iter_lines
      fprintf('%6d  %16.10g  %12.4g  %12.4g\n', it, fx, max(abs(g)), a * norm(d));
    end
    if max(abs(g)) <= o.TolGrad
      reason = 'tolgrad';
    elseif fprev - fx <= o.TolFun * max(1, abs(fprev))
      reason = 'tolfun';
    elseif norm(s) <= o.TolX * max(1, norm(x))
      reason = 'tolx';
    end
  end

end

function d = direction(g, S, Y, rho)
% L-BFGS two-loop recursion: d = -H g, H built from the pairs (s, y).
  q = g;
  k = numel(rho);
  alpha = zeros(1, k);
  for i = k:-1:1
    alpha(i) = rho(i) * (S(:, i)' * q);
    q = q - alpha(i) * Y(:, i);
  end
  if k > 0
    q = q * ((S(:, k)' * Y(:, k)) / (Y(:, k)' * Y(:, k)));
  end
  for i = 1:k
    beta = rho(i) * (Y(:, i)' * q);
    q = q + (alpha(i) - beta) * S(:, i);
  end
  d = -q;
end

function [a, fa, ga, nev, ok] = wolfe(fun, x, f0, g0, d, dphi0, a1, maxev)
% Step length a > 0 along d satisfying the strong Wolfe conditions:
% bracket an interval that holds such steps, then zoom into it.
  c1 = 1e-4;
  c2 = 0.9;
  ap = 0; fp = f0; dp = dphi0; gp = g0;
  a = a1;
  nev = 0;
  while nev < maxev
    [fa, ga] = fun(x + a * d);
    nev = nev + 1;
    dphi = ga' * d;
    if ~isfinite(fa) || ~isfinite(dphi) || fa > f0 + c1 * a * dphi0 || (nev > 1 && fa >= fp)
      [a, fa, ga, k, ok] = zoom(fun, x, f0, dphi0, d, ap, fp, dp, gp, a, fa, dphi, maxev - nev);
      nev = nev + k;
      return
    end
    if abs(dphi) <= -c2 * dphi0
      ok = true;
      return
    end
    if dphi >= 0
      [a, fa, ga, k, ok] = zoom(fun, x, f0, dphi0, d, a, fa, dphi, ga, ap, fp, dp, maxev - nev);
      nev = nev + k;
      return
    end
    % still going down at a: try a longer step
    an = cubic(ap, fp, dp, a, fa, dphi);
    if ~isfinite(an) || an <= a
      an = 4 * a;
    end
    an = min(max(an, 1.1 * a), 10 * a);
    ap = a; fp = fa; dp = dphi; gp = ga;
    a = an;
  end
  % out of evaluations: the last step tried lowered the cost enough
  a = ap; fa = fp; ga = gp;
  ok = ap > 0;
end

function [a, fa, ga, nev, ok] = zoom(fun, x, f0, dphi0, d, lo, flo, dlo, glo, hi, fhi, dhi, maxev)
% Shrink [lo, hi] (lo: the best step so far with enough decrease) until a
% step satisfies the strong Wolfe conditions.
  c1 = 1e-4;
  c2 = 0.9;
  nev = 0;
  nd = norm(d);
  nx = norm(x);
  while nev < maxev
    w = hi - lo;
    if abs(w) * nd <= 1e-14 * (1 + nx)
      break
    end
    if isfinite(fhi) && isfinite(dhi)
      a = cubic(lo, flo, dlo, hi, fhi, dhi);
      left = min(lo, hi) + 0.1 * abs(w);
      right = max(lo, hi) - 0.1 * abs(w);
      if ~isfinite(a)
        a = lo + w / 2;
      else
        a = min(max(a, left), right);
      end
    else
      a = lo + w / 4;      % NaN or Inf at hi: shrink fast
    end
    [fa, ga] = fun(x + a * d);
    nev = nev + 1;
    dphi = ga' * d;
    if ~isfinite(fa) || ~isfinite(dphi) || fa > f0 + c1 * a * dphi0 || fa >= flo
      hi = a; fhi = fa; dhi = dphi;
    else
      if abs(dphi) <= -c2 * dphi0
        ok = true;
        return
      end
      if dphi * w >= 0
        hi = lo; fhi = flo; dhi = dlo;
      end
      lo = a; flo = fa; dlo = dphi; glo = ga;
    end
  end
  % no step met both conditions: keep the best one if it moved at all
  a = lo; fa = flo; ga = glo;
  ok = lo > 0 && flo < f0;
end

function a = cubic(a1, f1, d1, a2, f2, d2)
% Minimiser of the cubic through (a1, f1) and (a2, f2) with slopes d1, d2;
% NaN when it has none.
  t = d1 + d2 - 3 * (f1 - f2) / (a1 - a2);
  disc = t * t - d1 * d2;
  if ~(disc >= 0) || a1 == a2
    a = NaN;
    return
  end
  r = sign(a2 - a1) * sqrt(disc);
  den = d2 - d1 + 2 * r;
  if den == 0
    a = NaN;
    return
  end
  a = a2 - (a2 - a1) * (d2 + r - t) / den;
end
