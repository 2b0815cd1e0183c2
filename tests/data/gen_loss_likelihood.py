#!/usr/bin/python3
"""PyTorch reference values for nn_loss's likelihood-named losses
(tests/loss.tst reads them), in the format of gen_loss.py, whose helpers
this script uses.

Run with Debian's python3-torch:  /usr/bin/python3 tests/data/gen_loss_likelihood.py
Writes tests/data/loss_<NAME>.txt for bernoulli, categorical, gaussian,
laplace and poisson.  Case options: cC_sigma, cC_scale, cC_eps, cC_full,
cC_log_input.  The references:
  bernoulli, categorical: torch's BCEWithLogitsLoss and CrossEntropyLoss;
  gaussian: torch.nn.GaussianNLLLoss with var = sigma^2 (fixed), or, for Z
    = [mean, log variance], var = exp(log variance), the gradient by
    autograd through the exp (so torch's eps clamp is torch's own);
  laplace: -torch.distributions.Laplace(loc, b).log_prob(t) (minus log 2
    unless 'full'), b = scale or exp(log scale), clamped at eps as
    GaussianNLLLoss clamps the variance (in place, without autograd);
  poisson: torch.nn.PoissonNLLLoss (log_input, full, eps).
Weighted references apply nnlab's definition to reduction 'none'; the
mean divides by (columns of T) * sum(w).
"""
import os
import numpy as np
import torch
import torch.nn.functional as F
import gen_loss as G

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20261207)
N, K = 4, 3


def rn(*s):
    return G.f32(rng.standard_normal(s))


def un(lo, hi, *s):
    return G.f32(rng.uniform(lo, hi, s))


def clamped(v, eps):
    """v clamped at eps in place without autograd, as GaussianNLLLoss."""
    v = v.clone()
    with torch.no_grad():
        v.clamp_(min=eps)
    return v


def torch_loss(name, z, t, opts):
    """Elementwise (reduction 'none') loss of the n x k (or n x 2k) z."""
    k = t.shape[1]
    eps = opts.get('eps')
    full = bool(opts.get('full', 0))
    if name == 'bernoulli':
        return G.torch_loss('bce_logits', z, t, opts, 'none')
    if name == 'categorical':
        return G.torch_loss('ce', z, t, opts, 'none')
    if name == 'gaussian':
        e = 1e-6 if eps is None else eps
        if z.shape[1] == 2 * k:
            mu, var = z[:, :k], torch.exp(z[:, k:])
        else:
            mu = z
            var = torch.full_like(t, opts.get('sigma', 1.0) ** 2)
        return F.gaussian_nll_loss(mu, t, var, full=full, eps=e, reduction='none')
    if name == 'laplace':
        e = 1e-6 if eps is None else eps
        if z.shape[1] == 2 * k:
            mu, b = z[:, :k], torch.exp(z[:, k:])
        else:
            mu = z
            b = torch.full_like(t, opts.get('scale', 1.0))
        b = clamped(b, e)
        l = -torch.distributions.Laplace(mu, b).log_prob(t)
        return l if full else l - np.log(2.0)
    if name == 'poisson':
        e = 1e-8 if eps is None else eps
        return F.poisson_nll_loss(z, t, log_input=bool(opts.get('log_input', 1)),
                                  full=full, eps=e, reduction='none')
    raise ValueError(name)


def reference(name, Z, T, Wt, opts, red, dtype):
    z = torch.tensor(Z, dtype=dtype, requires_grad=True)
    t = torch.tensor(T, dtype=dtype)
    l = torch_loss(name, z, t, opts)
    if l.dim() == 1:
        l = l.reshape(-1, 1)
    per_obs = name == 'categorical'
    if Wt is None:
        L = l if red == 'none' else l.sum() if red == 'sum' else l.mean()
    else:
        w = torch.tensor(Wt, dtype=dtype)
        l = l * w
        cols = 1 if per_obs else T.shape[1]
        L = l if red == 'none' else l.sum() if red == 'sum' else l.sum() / (w.sum() * cols)
    L.sum().backward()
    return (np.atleast_2d(L.detach().numpy().astype(np.float64)),
            z.grad.numpy().astype(np.float64))


def learned(mu, s, t, power):
    """[mu, s] with s kept off log |mu - t|^power, where the gradient with
    respect to s (1 - |r|^power / exp(s), times 1/2 for gaussian) would
    cancel and the float32 references would lose their digits."""
    c = power * np.log(np.abs(mu - t) + 1e-30)
    return np.hstack([mu, G.f32(G.away(s, c, 0.3))])


def cases(name):
    out = []
    if name == 'bernoulli':
        out.append((rn(N, K) * 3, un(0, 1, N, K), {}))
        out.append((rn(N, K) * 1.5, G.f32(rng.integers(0, 2, (N, K))),
                    {'pos_weight': np.array([[0.5, 2.0, 3.0]])}))
    elif name == 'categorical':
        out.append((rn(N, K) * 2, G.f32(rng.integers(1, K + 1, (N, 1))), {}))
        p = torch.softmax(torch.tensor(rn(N, K)), 1).numpy()
        out.append((rn(N, K) * 2, G.f32(p), {'label_smoothing': 0.1}))
    elif name == 'gaussian':
        out.append((rn(N, K) * 2, rn(N, K), {}))
        out.append((rn(N, K) * 2, rn(N, K), {'sigma': 0.7, 'full': 1}))
        t = rn(N, K)
        out.append((learned(rn(N, K) * 2, rn(N, K) * 0.8, t, 2), t, {}))
        s = rn(N, K)
        t = rn(N, K)
        z = learned(rn(N, K), s, t, 2)
        z[0, K], z[2, K + 1], z[3, K + 2] = -4.0, -5.0, -3.5   # exp(s) < eps
        out.append((z, t, {'eps': 0.05, 'full': 1}))
        t = rn(N, 1)
        out.append((learned(rn(N, 1), rn(N, 1), t, 2), t, {}))
    elif name == 'laplace':
        t = rn(N, K)
        out.append((G.f32(G.away(rn(N, K) * 2, t)), t, {}))
        t = rn(N, K)
        out.append((G.f32(G.away(rn(N, K) * 2, t)), t, {'scale': 0.5, 'full': 1}))
        t = rn(N, K)
        out.append((learned(G.f32(G.away(rn(N, K) * 2, t)), rn(N, K) * 0.8, t, 1), t, {}))
        t = rn(N, K)
        z = learned(G.f32(G.away(rn(N, K), t)), rn(N, K), t, 1)
        z[0, K], z[2, K + 1], z[3, K + 2] = -4.0, -5.0, -3.5   # exp(s) < eps
        out.append((z, t, {'eps': 0.05, 'full': 1}))
    elif name == 'poisson':
        # z kept off log t (off t for rates), where exp(z) - t (1 - t/z)
        # would cancel and the float32 references would lose their digits
        cnt = lambda: G.f32(rng.integers(0, 6, (N, K)))
        off = lambda z, c: G.f32(G.away(z, c, 0.2))
        t = cnt()
        out.append((off(rn(N, K), np.log(t + 1e-30)), t, {}))
        t = cnt()
        out.append((off(rn(N, K), np.log(t + 1e-30)), t, {'full': 1}))
        t = cnt()
        out.append((off(un(0.1, 4, N, K), t), t, {'log_input': 0}))
        t = cnt()
        z = off(un(0.1, 4, N, K), t - 0.1)
        z[1, 1] = 0.0
        out.append((z, t, {'log_input': 0, 'full': 1, 'eps': 0.1}))
    return out


def main():
    for name in ['bernoulli', 'categorical', 'gaussian', 'laplace', 'poisson']:
        cs = cases(name)
        with open(os.path.join(HERE, 'loss_%s.txt' % name), 'w') as f:
            f.write('# Created by tests/data/gen_loss_likelihood.py (PyTorch %s)\n'
                    % torch.__version__)
            G.write_var(f, 'ncases', len(cs))
            for c, (Z, T, opts) in enumerate(cs, 1):
                p = 'c%d_' % c
                G.write_var(f, p + 'Z', Z)
                G.write_var(f, p + 'T', T)
                G.write_var(f, p + 'W', G.W)
                for key, val in opts.items():
                    G.write_var(f, p + key, val)
                for red in ('mean', 'sum', 'none'):
                    for u, Wt in (('u', None), ('w', G.W)):
                        for s, dt in (('d', torch.float64), ('s', torch.float32)):
                            L, dZ = reference(name, Z, T, Wt, opts, red, dt)
                            q = p + '%s_%s_%s_' % (red, u, s)
                            G.write_var(f, q + 'L', L, s == 's')
                            G.write_var(f, q + 'dZ', dZ, s == 's')


if __name__ == '__main__':
    main()
