#!/usr/bin/python3
"""Reference values of nnlab's nn_conv2d from PyTorch.

Run with Debian's python3-torch:   /usr/bin/python3 tests/data/gen_conv.py
It rewrites tests/data/conv2d_cases.txt, read by tests/conv.tst (which does
not need torch).

The inputs are not stored: X, W, b and dY of each case come from the
Park-Miller generator s <- 16807 s mod (2^31 - 1), value floor(s/128)/2^23 - 1
(a 24-bit number in [-1, 1), exact in single and double), drawn in this order
and each in Octave's column-major order; tests/conv.tst draws the same.

The file is one number per line.  Each case: 19 integers
  H W C N kh kw Cout groups sh sw dh dw pt pb pl pr hasb same seed
(same = 1: the case calls nn_conv2d with 'Padding', 'same' and torch with
padding='same'; pt..pr are then the padding that implies), then in double
  Y dX dW db
(db = sum of dY per output channel, also without a bias), then the same four
from torch in float32 on the same inputs rounded to single.  Arrays are in
Octave's order: X(h,w,c,n) is torch's x[n,c,h,w].
"""
import torch
import torch.nn.functional as F

# H W C N kh kw Cout groups sh sw dh dw pt pb pl pr hasb same
CASES = [
    (5, 6, 3, 2, 3, 3, 4, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 0),   # plain
    (5, 6, 3, 2, 3, 3, 4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0),   # padding 1
    (7, 6, 2, 2, 3, 3, 3, 1, 2, 2, 1, 1, 1, 1, 1, 1, 1, 0),   # stride 2
    (7, 8, 2, 1, 3, 2, 3, 1, 2, 3, 1, 1, 1, 0, 2, 1, 1, 0),   # stride [2 3], asymmetric padding
    (7, 7, 2, 2, 3, 3, 2, 1, 1, 1, 2, 2, 0, 0, 0, 0, 1, 0),   # dilation 2
    (8, 7, 2, 1, 2, 3, 2, 1, 1, 1, 2, 1, 1, 2, 0, 1, 0, 0),   # dilation [2 1], no bias
    (5, 5, 4, 2, 3, 3, 6, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0),   # groups 2
    (6, 5, 3, 2, 3, 3, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0),   # depthwise
    (6, 5, 3, 1, 3, 3, 6, 3, 2, 1, 1, 1, 1, 1, 0, 0, 1, 0),   # depthwise x2, stride [2 1]
    (5, 4, 3, 2, 1, 1, 4, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 0),   # 1x1 (X is the column matrix)
    (5, 4, 3, 2, 1, 1, 4, 1, 2, 2, 1, 1, 0, 0, 0, 0, 1, 0),   # 1x1, stride 2
    (5, 4, 3, 2, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0),   # 1x1, padding 1
    (4, 5, 2, 2, 4, 5, 3, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 0),   # kernel as large as the input
    (1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 0),   # all sizes 1
    (6, 6, 1, 1, 3, 3, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 0),   # C = N = Cout = 1
    (5, 6, 3, 2, 3, 3, 4, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1),   # 'same', odd kernel
    (5, 6, 2, 2, 2, 4, 3, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1),   # 'same', even kernel
    (7, 6, 2, 1, 3, 2, 2, 1, 1, 1, 2, 3, 0, 0, 0, 0, 0, 1),   # 'same', dilation [2 3]
    (9, 8, 4, 2, 3, 3, 6, 2, 3, 2, 2, 1, 2, 1, 0, 3, 1, 0),   # groups, stride, dilation, padding
    (3, 3, 2, 2, 5, 5, 2, 1, 1, 1, 1, 1, 2, 2, 2, 2, 1, 0),   # kernel larger than the input
    (6, 1, 2, 2, 3, 1, 3, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0),   # one column
    (9, 9, 1, 2, 2, 2, 2, 1, 3, 3, 1, 1, 0, 0, 0, 0, 1, 0),   # stride above the kernel
    (4, 4, 2, 5, 3, 3, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0),   # N = 5
    (6, 5, 4, 2, 3, 2, 4, 4, 1, 2, 2, 1, 2, 2, 1, 0, 1, 0),   # depthwise, dilation, stride
]


def draws(seed, count):
    out = []
    s = seed
    for _ in range(count):
        s = (16807 * s) % 2147483647
        out.append((s // 128) / 8388608.0 - 1.0)
    return out, s


def to_torch4(v, d0, d1, d2, d3):
    # Octave's column-major d0 x d1 x d2 x d3 -> torch [d3][d2][d0][d1]
    t = torch.tensor(v, dtype=torch.float64).reshape(d3, d2, d1, d0)
    return t.permute(0, 1, 3, 2).contiguous()


def to_octave(t):
    # torch [n][c][h][w] -> Octave's column-major list
    return t.permute(0, 1, 3, 2).reshape(-1).tolist()


def out_len(n, p0, p1, k, d, s):
    return (n + p0 + p1 - d * (k - 1) - 1) // s + 1


def run(case, seed, dtype):
    H, W, C, N, kh, kw, Co, g, sh, sw, dh, dw, pt, pb, pl, pr, hasb, same = case
    if same:
        eh, ew = dh * (kh - 1), dw * (kw - 1)
        pt, pb, pl, pr = eh // 2, eh - eh // 2, ew // 2, ew - ew // 2
    Ho, Wo = out_len(H, pt, pb, kh, dh, sh), out_len(W, pl, pr, kw, dw, sw)
    vx, s = draws(seed, H * W * C * N)
    vw, s = draws(s, kh * kw * (C // g) * Co)
    vb, s = draws(s, Co) if hasb else ([], s)
    vd, s = draws(s, Ho * Wo * Co * N)
    x = to_torch4(vx, H, W, C, N).to(dtype).requires_grad_()
    w = to_torch4(vw, kh, kw, C // g, Co).to(dtype).requires_grad_()
    b = torch.tensor(vb, dtype=dtype).requires_grad_() if hasb else None
    dy = to_torch4(vd, Ho, Wo, Co, N).to(dtype)
    if same:
        y = F.conv2d(x, w, b, 1, 'same', (dh, dw), g)
    else:
        y = F.conv2d(F.pad(x, (pl, pr, pt, pb)), w, b, (sh, sw), 0, (dh, dw), g)
    assert y.shape == (N, Co, Ho, Wo)
    (y * dy).sum().backward()
    db = b.grad.tolist() if hasb else dy.sum(dim=(0, 2, 3)).tolist()
    arrays = [to_octave(y.detach()), to_octave(x.grad), to_octave(w.grad), db]
    return (H, W, C, N, kh, kw, Co, g, sh, sw, dh, dw, pt, pb, pl, pr, hasb,
            same, seed), arrays


def main():
    lines = ['%% nn_conv2d reference values (tests/data/gen_conv.py, torch %s): '
             'see that script for the layout' % torch.__version__]
    lines.append(str(len(CASES)))
    for k, case in enumerate(CASES):
        seed = 1000003 + 7919 * k
        head, a64 = run(case, seed, torch.float64)
        _, a32 = run(case, seed, torch.float32)
        lines.extend(str(v) for v in head)
        for arr in a64:
            lines.extend('%.17g' % v for v in arr)
        for arr in a32:
            lines.extend('%.9g' % v for v in arr)
    with open('tests/data/conv2d_cases.txt', 'w') as f:
        f.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main()
