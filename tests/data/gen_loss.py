#!/usr/bin/python3
"""PyTorch reference values for nn_loss (tests/loss.tst reads them).

Run with Debian's python3-torch:  /usr/bin/python3 tests/data/gen_loss.py
Writes tests/data/loss_<NAME>.txt in Octave's text format (read with load).
Each file holds ncases cases; case c has inputs cC_Z, cC_T, cC_W (the
per-observation weights) and options (cC_delta, cC_margin,
cC_label_smoothing, cC_pos_weight) and, for each reduction RED (mean, sum,
none), weighting U (u: no weights, w: weights W) and type P (d: float64, s:
float32), the loss cC_RED_U_P_L and its gradient cC_RED_U_P_dZ (for 'none'
the gradient of sum(L)).  Inputs are rounded to float32 so that both types
see the same numbers.  Unweighted references use PyTorch's own reduction;
the weighted ones apply nnlab's definition to PyTorch's reduction='none':
  per-observation losses: none w_i l_i, sum sum_i w_i l_i, mean that / sum(w);
  elementwise losses:     none w_i l_ij, sum sum_ij w_i l_ij,
                          mean that / (K sum(w)).
Class indices are stored 1-based (Octave) and shifted for PyTorch.
"""
import os
import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
PER_OBS = {'ce', 'nll', 'margin_ranking', 'pairwise_logistic'}
rng = np.random.default_rng(20261126)
N, K = 4, 3
W = np.array([[0.5], [2.0], [0.0], [1.25]])


def f32(a):
    return np.asarray(a, dtype=np.float32).astype(np.float64)


def away(a, b, gap=0.1):
    """Push a away from b (a kink) by at least gap."""
    d = a - b
    return np.where(np.abs(d) < gap, b + np.where(d < 0, -gap, gap) * 2, a)


def torch_loss(name, z, t, opts, red):
    """PyTorch's loss (reduction red) of logits/probabilities z, target t."""
    if name == 'mse':
        return F.mse_loss(z, t, reduction=red)
    if name == 'mae':
        return F.l1_loss(z, t, reduction=red)
    if name == 'huber':
        return F.huber_loss(z, t, reduction=red, delta=opts.get('delta', 1.0))
    if name == 'bce':
        return F.binary_cross_entropy(z, t, reduction=red)
    if name == 'bce_logits':
        pw = opts.get('pos_weight')
        if pw is not None:
            pw = torch.tensor(np.ravel(pw), dtype=z.dtype)
        return F.binary_cross_entropy_with_logits(z, t, reduction=red, pos_weight=pw)
    if name == 'hinge':   # Keras: mean(max(0, 1 - t z)), {0,1} mapped to {-1,1}
        t2 = torch.where(t == 0, -torch.ones_like(t), t)
        l = torch.clamp(1 - t2 * z, min=0)
        return reduce_plain(l, red)
    if name in ('ce', 'nll'):
        ls = opts.get('label_smoothing', 0.0)
        if t.shape[1] == 1:
            target = (t[:, 0] - 1).long()
        else:
            target = t
        if name == 'ce':
            l = F.cross_entropy(z, target, reduction=red, label_smoothing=ls)
        else:
            l = F.nll_loss(z, target, reduction=red)
        return l.reshape(-1, 1) if red == 'none' else l
    if name == 'margin_ranking':
        l = F.margin_ranking_loss(z[:, 0], z[:, 1], t[:, 0],
                                  margin=opts.get('margin', 0.0), reduction=red)
        return l.reshape(-1, 1) if red == 'none' else l
    if name == 'pairwise_logistic':   # RankNet = BCE with logits on z1 - z2
        l = F.binary_cross_entropy_with_logits(z[:, 0] - z[:, 1], (t[:, 0] + 1) / 2,
                                               reduction=red)
        return l.reshape(-1, 1) if red == 'none' else l
    raise ValueError(name)


def reduce_plain(l, red):
    return l if red == 'none' else l.sum() if red == 'sum' else l.mean()


def reference(name, Z, T, Wt, opts, red, dtype):
    z = torch.tensor(Z, dtype=dtype, requires_grad=True)
    t = torch.tensor(T, dtype=dtype)
    if Wt is None:
        L = torch_loss(name, z, t, opts, red)
    else:
        w = torch.tensor(Wt, dtype=dtype)        # N x 1
        l = torch_loss(name, z, t, opts, 'none') * w
        if red == 'none':
            L = l
        elif red == 'sum':
            L = l.sum()
        else:
            cols = 1 if name in PER_OBS else Z.shape[1]
            L = l.sum() / (w.sum() * cols)
    L.sum().backward()
    return (np.atleast_2d(L.detach().numpy().astype(np.float64)),
            z.grad.numpy().astype(np.float64))


def cases(name):
    """List of (Z, T, opts) for one loss."""
    rn = lambda *s: f32(rng.standard_normal(s))
    un = lambda lo, hi, *s: f32(rng.uniform(lo, hi, s))
    out = []
    if name == 'mse':
        out.append((rn(N, K) * 2, rn(N, K), {}))
    elif name == 'mae':
        t = rn(N, K)
        out.append((f32(away(rn(N, K) * 2, t)), t, {}))
    elif name == 'huber':
        for delta in (None, 0.5):
            t = rn(N, K)
            d = 1.0 if delta is None else delta
            z = t + f32(away(away(rn(N, K) * 1.5, d), -d))
            out.append((f32(z), t, {} if delta is None else {'delta': delta}))
    elif name == 'bce':
        out.append((un(0.02, 0.98, N, K), un(0, 1, N, K), {}))
        z = un(0.02, 0.98, N, K)
        z[0, 0], z[1, 1], z[2, 2], z[3, 0] = 0.0, 1.0, 0.0, 1.0  # clamped logs
        t = f32(rng.integers(0, 2, (N, K)))
        t[0, 0], t[1, 1], t[2, 2], t[3, 0] = 1.0, 1.0, 0.0, 0.0
        out.append((z, t, {}))
    elif name == 'bce_logits':
        out.append((rn(N, K) * 3, un(0, 1, N, K), {}))
        out.append((rn(N, K) * 3, f32(rng.integers(0, 2, (N, K))),
                    {'pos_weight': np.array([[0.5, 2.0, 3.0]])}))
        out.append((rn(N, K) * 3, un(0, 1, N, K), {'pos_weight': 2.5}))
    elif name == 'hinge':
        for zero_one in (False, True):
            t = f32(rng.integers(0, 2, (N, K)))
            t2 = t * 2 - 1
            z = f32(away(rn(N, K) * 1.5, t2) * 1.0)   # keep 1 - t z off 0
            out.append((z, t if zero_one else t2, {}))
    elif name == 'ce':
        idx = f32(rng.integers(1, K + 1, (N, 1)))
        out.append((rn(N, K) * 2, idx, {}))
        p = torch.softmax(torch.tensor(rn(N, K)), 1).numpy()
        out.append((rn(N, K) * 2, f32(p), {}))
        out.append((rn(N, K) * 2, f32(rng.integers(1, K + 1, (N, 1))),
                    {'label_smoothing': 0.1}))
        p = torch.softmax(torch.tensor(rn(N, K) * 2), 1).numpy()
        out.append((rn(N, K) * 2, f32(p), {'label_smoothing': 0.25}))
    elif name == 'nll':
        z = torch.log_softmax(torch.tensor(rn(N, K)), 1).numpy()
        out.append((f32(z), f32(rng.integers(1, K + 1, (N, 1))), {}))
    elif name in ('margin_ranking', 'pairwise_logistic'):
        for margin in ((0.0, 0.5) if name == 'margin_ranking' else (None,)):
            t = f32(rng.integers(0, 2, (N, 1)) * 2 - 1)
            z = rn(N, 2)
            if margin is not None:   # keep -t (z1 - z2) + margin off 0
                x = -t[:, 0] * (z[:, 0] - z[:, 1]) + margin
                z[:, 0] += np.where(np.abs(x) < 0.1, -t[:, 0] * 0.3, 0)
                z = f32(z)
            out.append((z, t, {} if margin is None else {'margin': margin}))
    return out


def write_var(f, name, a, single=False):
    a = np.atleast_2d(np.asarray(a, dtype=np.float64))
    fmt_num = fmt32 if single else fmt64
    f.write('# name: %s\n# type: matrix\n# rows: %d\n# columns: %d\n'
            % (name, a.shape[0], a.shape[1]))
    for row in a:
        f.write(' ' + ' '.join(fmt_num(v) for v in row) + '\n')
    f.write('\n\n')


def fmt64(v):
    return repr(float(v))   # shortest exact round-trip


def fmt32(v):
    return str(np.float32(v))   # shortest float32 round-trip


def main():
    names = ['mse', 'mae', 'huber', 'bce', 'bce_logits', 'hinge', 'ce', 'nll',
             'margin_ranking', 'pairwise_logistic']
    for name in names:
        cs = cases(name)
        path = os.path.join(HERE, 'loss_%s.txt' % name)
        with open(path, 'w') as f:
            f.write('# Created by tests/data/gen_loss.py (PyTorch %s)\n'
                    % torch.__version__)
            write_var(f, 'ncases', len(cs))
            for c, (Z, T, opts) in enumerate(cs, 1):
                p = 'c%d_' % c
                write_var(f, p + 'Z', Z)
                write_var(f, p + 'T', T)
                write_var(f, p + 'W', W)
                for key, val in opts.items():
                    write_var(f, p + key, val)
                for red in ('mean', 'sum', 'none'):
                    for u, Wt in (('u', None), ('w', W)):
                        for s, dt in (('d', torch.float64), ('s', torch.float32)):
                            L, dZ = reference(name, Z, T, Wt, opts, red, dt)
                            q = p + '%s_%s_%s_' % (red, u, s)
                            write_var(f, q + 'L', L, s == 's')
                            write_var(f, q + 'dZ', dZ, s == 's')


if __name__ == '__main__':
    main()
