#!/usr/bin/python3
"""Reference values of nnlab's nn_pool from PyTorch.

Run with Debian's python3-torch:   /usr/bin/python3 tests/data/gen_pool.py
It rewrites tests/data/pool_cases.txt, read by tests/pool.tst (which does
not need torch).

The inputs are not stored: X and dY of each case come from the Park-Miller
generator of tests/data/gen_conv.py (24-bit values in [-1, 1), exact in single
and double), X first, each in Octave's column-major order.  With ties = 1, X
is round(2 X) (values -2..2: many ties for max); special = 1 sets every X(i)
with mod(i, 7) = 3 (1-based) to NaN, special = 2 every X(i) with
mod(i, 5) = 1 to -Inf.

The file is one number per line.  Each case: 16 integers
  H W C N kh kw sh sw ph pw max countpad global ties special seed
(max: 1 max pooling, 0 average; global: torch's adaptive pooling to 1 x 1,
nnlab's window 'global'; kh..pw are then H W H W 0 0), then Y and dX in
double, then Y and dX from torch in float32 on the same inputs.
"""
import torch
import torch.nn.functional as F

# H W C N kh kw sh sw ph pw max countpad global ties special
CASES = [
    (6, 6, 2, 2, 2, 2, 2, 2, 0, 0, 1, 1, 0, 0, 0),   # max 2x2
    (7, 7, 2, 2, 3, 3, 2, 2, 1, 1, 1, 1, 0, 0, 0),   # max 3x3 stride 2 padding 1
    (7, 5, 2, 1, 3, 2, 1, 1, 1, 1, 1, 1, 0, 0, 0),   # max, overlapping windows
    (8, 6, 1, 2, 2, 3, 2, 3, 0, 1, 1, 1, 0, 0, 0),   # max, rectangular
    (5, 5, 3, 2, 5, 5, 1, 1, 0, 0, 1, 1, 0, 0, 0),   # max, window = image
    (7, 6, 2, 2, 2, 2, 2, 2, 0, 0, 1, 1, 0, 1, 0),   # max with ties
    (7, 7, 2, 2, 3, 3, 1, 1, 1, 1, 1, 1, 0, 1, 0),   # max with ties, overlapping, padded
    (6, 6, 1, 2, 3, 3, 1, 2, 1, 0, 1, 1, 0, 1, 1),   # max with NaN
    (6, 6, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1, 0, 0, 2),   # max with -Inf
    (5, 7, 3, 2, 5, 7, 5, 7, 0, 0, 1, 1, 1, 1, 0),   # global max
    (1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 0),   # all sizes 1
    (9, 4, 2, 1, 3, 1, 3, 1, 0, 0, 1, 1, 0, 0, 0),   # stride = window, 3 x 1
    (6, 6, 2, 2, 2, 2, 2, 2, 0, 0, 0, 1, 0, 0, 0),   # avg 2x2
    (7, 7, 2, 2, 3, 3, 2, 2, 1, 1, 0, 1, 0, 0, 0),   # avg, padding counted
    (7, 7, 2, 2, 3, 3, 2, 2, 1, 1, 0, 0, 0, 0, 0),   # avg, padding not counted
    (7, 5, 2, 1, 3, 2, 1, 1, 1, 1, 0, 0, 0, 0, 0),   # avg, overlapping
    (8, 6, 1, 2, 2, 3, 2, 3, 0, 1, 0, 1, 0, 0, 0),   # avg, rectangular
    (5, 7, 3, 2, 5, 7, 5, 7, 0, 0, 0, 1, 1, 0, 0),   # global average
    (4, 4, 1, 1, 4, 4, 4, 4, 0, 0, 0, 1, 0, 0, 0),   # avg, window = image
    (6, 5, 2, 2, 2, 2, 3, 2, 1, 0, 0, 1, 0, 0, 0),   # avg, stride above the window
    (6, 6, 1, 1, 3, 3, 1, 2, 1, 0, 0, 1, 0, 0, 2),   # avg with -Inf
]


def draws(seed, count):
    out = []
    s = seed
    for _ in range(count):
        s = (16807 * s) % 2147483647
        out.append((s // 128) / 8388608.0 - 1.0)
    return out, s


def to_torch4(v, d0, d1, d2, d3):
    t = torch.tensor(v, dtype=torch.float64).reshape(d3, d2, d1, d0)
    return t.permute(0, 1, 3, 2).contiguous()


def to_octave(t):
    return t.permute(0, 1, 3, 2).reshape(-1).tolist()


def run(case, seed, dtype):
    H, W, C, N, kh, kw, sh, sw, ph, pw, mx, cp, gl, ties, special = case
    Ho = (H + 2 * ph - kh) // sh + 1
    Wo = (W + 2 * pw - kw) // sw + 1
    vx, s = draws(seed, H * W * C * N)
    if ties:
        vx = [float(round(2 * v)) for v in vx]
    for i in range(1, len(vx) + 1):
        if special == 1 and i % 7 == 3:
            vx[i - 1] = float('nan')
        if special == 2 and i % 5 == 1:
            vx[i - 1] = float('-inf')
    vd, s = draws(s, Ho * Wo * C * N)
    x = to_torch4(vx, H, W, C, N).to(dtype).requires_grad_()
    dy = to_torch4(vd, Ho, Wo, C, N).to(dtype)
    if gl:
        y = F.adaptive_max_pool2d(x, 1) if mx else F.adaptive_avg_pool2d(x, 1)
    elif mx:
        y = F.max_pool2d(x, (kh, kw), (sh, sw), (ph, pw))
    else:
        y = F.avg_pool2d(x, (kh, kw), (sh, sw), (ph, pw), count_include_pad=bool(cp))
    assert y.shape == (N, C, Ho, Wo)
    (y * dy).sum().backward()
    return [to_octave(y.detach()), to_octave(x.grad)]


def main():
    lines = ['%% nn_pool reference values (tests/data/gen_pool.py, torch %s): '
             'see that script for the layout' % torch.__version__]
    lines.append(str(len(CASES)))
    for k, case in enumerate(CASES):
        seed = 2000003 + 7919 * k
        lines.extend(str(v) for v in case)
        lines.append(str(seed))
        for arr in run(case, seed, torch.float64):
            lines.extend('%.17g' % v for v in arr)
        for arr in run(case, seed, torch.float32):
            lines.extend('%.9g' % v for v in arr)
    with open('tests/data/pool_cases.txt', 'w') as f:
        f.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main()
