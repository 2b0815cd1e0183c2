#!/usr/bin/python3
"""Reference values of nnlab's nn_batchnorm from PyTorch.

Run with Debian's python3-torch:   /usr/bin/python3 tests/data/gen_batchnorm.py
It rewrites tests/data/batchnorm_cases.txt, read by tests/batchnorm.tst (which
does not need torch).

The inputs are not stored: they come from the Park-Miller generator of
tests/data/gen_conv.py (24-bit values v in [-1, 1)), in this order, each in
Octave's column-major order: X (then X = offset + scale * v, computed in
double and rounded to the case's class), dY, gamma = 1 + v/2, beta = v, the
running mean = v and the running variance = 1 + v (these two only when
state = 1; else torch's start, mean 0 and variance 1).

The file is one number per line.  Each case: 14 numbers
  images d1 d2 d3 d4 training momentum eps affine state offset scale count seed
(images 1: X is d1 x d2 x d3 x d4, H x W x C x N; images 0: X is d1 x d2,
N rows by C features, d3 = d4 = 1; affine 0: gamma = beta = [], 1: both,
2: gamma only; count: S.count given to nnlab when state = 1), then Y, the
new running mean, the new running variance, dX, dgamma and dbeta from
torch.nn.functional.batch_norm in float64, then the same in float32 on the
same inputs (rounded to float32).  L = sum(Y .* dY) gives the gradients.
"""
import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_conv import draws, to_torch4, to_octave as to_octave4   # noqa: E402

# images d1 d2 d3 d4 training momentum eps affine state offset scale count
CASES = [
    (0, 8, 3, 1, 1, 1, 0.1, 1e-5, 1, 0, 0, 1, 0),      # rows, fresh state
    (0, 8, 3, 1, 1, 1, 0.3, 1e-5, 1, 1, 0, 1, 4),      # rows, a state, momentum
    (0, 8, 3, 1, 1, 0, 0.1, 1e-5, 1, 1, 0, 1, 4),      # rows, evaluation
    (0, 2, 4, 1, 1, 1, 0.1, 1e-5, 0, 1, 0, 1, 1),      # two rows, no affine
    (0, 1, 5, 1, 1, 0, 0.1, 1e-5, 1, 1, 0, 1, 7),      # one row, evaluation
    (0, 16, 1, 1, 1, 1, 0.1, 1e-3, 1, 1, 0, 1, 2),     # one feature, eps
    (1, 4, 5, 3, 2, 1, 0.1, 1e-5, 1, 1, 0, 1, 3),      # images
    (1, 4, 5, 3, 2, 0, 0.1, 1e-5, 1, 1, 0, 1, 3),      # images, evaluation
    (1, 1, 1, 4, 6, 1, 0.1, 1e-5, 1, 1, 0, 1, 0),      # 1 x 1 images
    (1, 3, 3, 2, 1, 1, 0.1, 1e-5, 1, 1, 0, 1, 0),      # one image
    (1, 5, 4, 1, 3, 1, 0.1, 1e-5, 2, 1, 0, 1, 5),      # one channel, gamma only
    (1, 6, 6, 2, 4, 1, 0.1, 1e-5, 1, 1, 1000, 1e-3, 0),  # large mean, small spread
    (0, 10, 2, 1, 1, 1, 1.0, 1e-5, 1, 1, 100, 1, 9),   # momentum 1
    (0, 10, 2, 1, 1, 1, 0.0, 1e-5, 1, 1, 0, 1, 9),     # momentum 0
    (1, 2, 2, 3, 2, 0, 0.1, 1e-5, 1, 0, 0, 1, 0),      # evaluation, fresh state
    (1, 7, 3, 5, 3, 1, 0.1, 0.1, 1, 1, 0, 2, 11),      # eps 0.1, larger sizes
    (1, 2, 3, 2, 2, 0, 0.1, 1e-3, 0, 1, 0, 1, 1),      # evaluation, no affine
    (0, 3, 2, 1, 1, 1, 0.1, 1e-5, 1, 1, -5, 1e-4, 0),  # tiny spread: var ~ eps
]


def to_torch(v, images, d):
    if images:
        return to_torch4(v, *d)
    return torch.tensor(v, dtype=torch.float64).reshape(d[1], d[0]).t().contiguous()


def to_octave(t, images):
    if images:
        return to_octave4(t)
    return t.t().reshape(-1).tolist()


def run(case, seed, dtype):
    images, d1, d2, d3, d4, training, mom, eps, affine, state, off, sc, _ = case
    d = (d1, d2, d3, d4)
    C = d3 if images else d2
    numel = d1 * d2 * d3 * d4
    vx, s = draws(seed, numel)
    vd, s = draws(s, numel)
    vg, s = draws(s, C)
    vb, s = draws(s, C)
    vm, s = draws(s, C)
    vv, s = draws(s, C)
    x = (off + sc * to_torch(vx, images, d)).to(dtype).requires_grad_()
    dy = to_torch(vd, images, d).to(dtype)
    g = b = None
    if affine >= 1:
        g = (1 + 0.5 * torch.tensor(vg, dtype=torch.float64)).to(dtype).requires_grad_()
    if affine == 1:
        b = torch.tensor(vb, dtype=torch.float64).to(dtype).requires_grad_()
    if state:
        rm = torch.tensor(vm, dtype=torch.float64).to(dtype)
        rv = (1 + torch.tensor(vv, dtype=torch.float64)).to(dtype)
    else:
        rm = torch.zeros(C, dtype=dtype)
        rv = torch.ones(C, dtype=dtype)
    rm0, rv0 = rm.clone(), rv.clone()
    y = F.batch_norm(x, rm, rv, g, b, bool(training), mom, eps)
    (y * dy).sum().backward()
    dims = [k for k in range(dy.dim()) if k != 1]
    db = b.grad if b is not None else dy.sum(dim=dims)
    if g is not None:
        dg = g.grad
    else:   # no gamma: dgamma is that of gamma = 1 (on copies of the state)
        x1 = x.detach().clone().requires_grad_()
        g1 = torch.ones(C, dtype=dtype, requires_grad=True)
        y1 = F.batch_norm(x1, rm0.clone(), rv0.clone(), g1, None, bool(training),
                          mom, eps)
        (y1 * dy).sum().backward()
        dg = g1.grad
    return [to_octave(y.detach(), images), rm.tolist(), rv.tolist(),
            to_octave(x.grad, images), dg.tolist(), db.tolist()]


def main():
    lines = ['%% nn_batchnorm reference values (tests/data/gen_batchnorm.py, '
             'torch %s): see that script for the layout' % torch.__version__]
    lines.append(str(len(CASES)))
    for k, case in enumerate(CASES):
        seed = 3000017 + 7919 * k
        lines.extend('%.17g' % v for v in case)
        lines.append(str(seed))
        for dtype, fmt in ((torch.float64, '%.17g'), (torch.float32, '%.9g')):
            for arr in run(case, seed, dtype):
                lines.extend(fmt % v for v in arr)
    with open('tests/data/batchnorm_cases.txt', 'w') as f:
        f.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main()
