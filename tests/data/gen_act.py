#!/usr/bin/python3
"""Reference values of nnlab's activations (nn_act) from PyTorch.

Run with Debian's python3-torch:   /usr/bin/python3 tests/data/gen_act.py
It rewrites tests/data/act_*.txt, read by tests/act.tst (which does not need
torch).

Each value is torch.nn.functional's (forward) and autograd's (backward, the
product with the fixed dY) in float64 and float32.  Every value is also
computed with 60-digit decimal arithmetic; where PyTorch's own formula loses
digits (e.g. sigmoid'(x) = (1 - y) y for x > 0, tanh' for large |x|, gelu
for x << 0 where 1 + erf(x/sqrt(2)) cancels, elu = exp(x) - 1 near 0) or
returns NaN at +-Inf where the limit is a number (gelu, silu), the file holds
the exact value instead, and this script reports how often and how far
PyTorch was off.  Kept PyTorch values are within 1e-14 (double) or 1e-6
(single) relative of the exact value.

Elementwise files act_<case>.txt hold one point per line:
    x  dy  y  dx  y32  dx32
y, dx: for double x and dy; y32, dx32: for single(x) and single(dy), given
in double.  Row-wise files act_softmax.txt and act_log_softmax.txt hold the
N x K matrices side by side: [X dY Y dX Y32 dX32], each K columns.
"""
import math
import os
import sys
from decimal import Decimal, getcontext

import torch
import torch.nn.functional as F

getcontext().prec = 90
D = Decimal
PI = D("3.14159265358979323846264338327950288419716939937510582097494459230781640628620899")
SQRT2 = D(2).sqrt()
SQRT2PI = (2 * PI).sqrt()
SQRTPI = PI.sqrt()
INF = float("inf")

# ---- exact (decimal) formulas -------------------------------------------


def dexp(z):
    return z.exp()


def dexpm1(z):
    """exp(z) - 1 without cancellation for small |z|."""
    if abs(z) < D("1e-3"):
        s, term, n = D(0), z, 1
        while abs(term) > D(10) ** -100 * abs(z):
            s += term
            n += 1
            term = term * z / n
        return s
    return dexp(z) - 1


def dlog1p(u):
    """log(1 + u) without losing a small u."""
    if abs(u) < D("1e-3"):
        s, term, n = D(0), u, 1
        while abs(term) > D(10) ** -100 * abs(u):
            s += term / n
            n += 1
            term = -term * u
        return s
    return (1 + u).ln()


def dsig(z):
    if z >= 0:
        return 1 / (1 + dexp(-z))
    e = dexp(z)
    return e / (1 + e)


def derfc(z):
    """erfc(z) to about 60 digits."""
    if z < 0:
        return 2 - derfc(-z)
    if z < 6:
        # erf(z) = 2/sqrt(pi) sum (-1)^n z^(2n+1) / (n! (2n+1))
        s, term, n, z2 = D(0), z, 0, z * z
        while True:
            add = term / (2 * n + 1)
            s += add
            if abs(add) < D(10) ** -85 and n > 5:
                break
            n += 1
            term = -term * z2 / n
        return 1 - 2 / SQRTPI * s
    # continued fraction (Lentz), good for z >= 6
    # erfc(z) = exp(-z^2)/sqrt(pi) * 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + ...))))
    f = D(0)
    for n in range(400, 0, -1):
        f = (D(n) / 2) / (z + f)
    return dexp(-z * z) / SQRTPI / (z + f)


def dPhi(z):
    return derfc(-z / SQRT2) / 2


def exact(name, opts, x, dy):
    """(y, dx) for a finite Decimal x (or +-inf as float), Decimal dy."""
    if isinstance(x, float):  # +-Inf: limits
        s = 1 if x > 0 else -1
        lim = {
            "threshold": (1 if s > 0 else 0, 0),
            "linear": (x, 1),
            "sigmoid": (1 if s > 0 else 0, 0),
            "tanh": (s, 0),
            "relu": (x if s > 0 else 0, 1 if s > 0 else 0),
            "leaky_relu": (x if s > 0 else x * opts.get("alpha", 0.01),
                           1 if s > 0 else opts.get("alpha", 0.01)),
            "elu": (x if s > 0 else -opts.get("alpha", 1.0),
                    1 if s > 0 else 0),
            "softplus": (x if s > 0 else 0, 1 if s > 0 else 0),
            "gelu": (x if s > 0 else 0, 1 if s > 0 else 0),
            "silu": (x if s > 0 else 0, 1 if s > 0 else 0),
        }[name]
        return float(lim[0]), float(lim[1]) * float(dy)
    if name == "threshold":
        y, d = D(1 if x >= 0 else 0), D(0)
    elif name == "linear":
        y, d = x, D(1)
    elif name == "sigmoid":
        y = dsig(x)
        d = dsig(x) * dsig(-x)
    elif name == "tanh":
        e = dexp(-2 * abs(x))
        t = -dexpm1(-2 * abs(x)) / (1 + e)
        y = t if x >= 0 else -t
        d = 4 * e / (1 + e) ** 2
    elif name == "relu":
        y, d = (x, D(1)) if x > 0 else (D(0), D(0))
    elif name == "leaky_relu":
        a = D(opts.get("alpha", 0.01))
        y, d = (x, D(1)) if x > 0 else (a * x, a)
    elif name == "elu":
        a = D(opts.get("alpha", 1.0))
        y, d = (x, D(1)) if x > 0 else (a * dexpm1(x), a * dexp(x))
    elif name == "softplus":
        b, t = D(opts.get("beta", 1.0)), D(opts.get("threshold", 20.0))
        if b * x > t:
            y, d = x, D(1)
        else:
            bx = b * x
            y = (max(bx, D(0)) + dlog1p(dexp(-abs(bx)))) / b
            d = dsig(bx)
    elif name == "gelu":
        p = dPhi(x)
        y = x * p
        d = p + x * dexp(-x * x / 2) / SQRT2PI
    elif name == "silu":
        s = dsig(x)
        y = x * s
        d = s * (1 + x * dsig(-x))
    else:
        raise ValueError(name)
    return float(y), float(d * dy)


def exact_rows(name, X, dY):
    """Row-wise softmax / log_softmax of float lists (may hold -inf)."""
    Y, dX = [], []
    for xr, dyr in zip(X, dY):
        m = max(xr)
        e = [D(0) if v == -INF else dexp(D(v) - D(m)) for v in xr]
        s = sum(e)
        p = [ei / s for ei in e]
        dyd = [D(v) for v in dyr]
        if name == "softmax":
            dot = sum(pi * di for pi, di in zip(p, dyd))
            Y.append([float(pi) for pi in p])
            dX.append([float(pi * (di - dot)) for pi, di in zip(p, dyd)])
        else:
            ls = s.ln()
            Y.append([-INF if v == -INF else float(D(v) - D(m) - ls) for v in xr])
            g = sum(dyd)
            dX.append([float(di - pi * g) for pi, di in zip(p, dyd)])
    return Y, dX


# ---- PyTorch --------------------------------------------------------------


def torch_fn(name, opts):
    return {
        "threshold": lambda t: torch.ceil((torch.sign(t) + 1) / 2),
        "linear": lambda t: t * 1,
        "sigmoid": torch.sigmoid,
        "tanh": torch.tanh,
        "relu": F.relu,
        "leaky_relu": lambda t: F.leaky_relu(t, opts.get("alpha", 0.01)),
        "elu": lambda t: F.elu(t, opts.get("alpha", 1.0)),
        "softplus": lambda t: F.softplus(t, opts.get("beta", 1.0),
                                         opts.get("threshold", 20.0)),
        "gelu": F.gelu,
        "silu": F.silu,
        "softmax": lambda t: F.softmax(t, dim=1),
        "log_softmax": lambda t: F.log_softmax(t, dim=1),
    }[name]


def torch_eval(name, opts, x, dy, dtype):
    xt = torch.tensor(x, dtype=dtype, requires_grad=True)
    y = torch_fn(name, opts)(xt)
    (g,) = torch.autograd.grad(y, xt, torch.tensor(dy, dtype=dtype))
    return y.detach().double().tolist(), g.double().tolist()


def f32(v):
    return float(torch.tensor(v, dtype=torch.float32).item())


STATS = []
VERBOSE = "-v" in sys.argv


def merge(tv, ev, rel, floor, what):
    """PyTorch's value unless it is NaN or off the exact value."""
    out, bad, worst = [], 0, 0.0
    for t, e in zip(tv, ev):
        ok = not math.isnan(t) and (
            t == e or (math.isfinite(e) and abs(t - e) <= rel * abs(e) + floor))
        if not ok:
            bad += 1
            if math.isfinite(t) and math.isfinite(e) and e != 0:
                worst = max(worst, abs(t - e) / abs(e))
            elif math.isfinite(t) and e == 0:
                worst = max(worst, INF if abs(t) > floor else 0)
            else:
                worst = INF if not math.isnan(t) else worst
        out.append(t if ok else e)
        if not ok and VERBOSE:
            print("  %s: torch %r exact %r" % (what, t, e))
    if bad:
        STATS.append("%-24s %3d of %3d PyTorch values replaced by the exact "
                     "value%s" % (what, bad, len(tv),
                                  " (NaN in PyTorch)" if worst == 0 else
                                  " (worst relative error of PyTorch %.1e)" % worst))
    return out


# ---- inputs ---------------------------------------------------------------

XS = [-INF, -1000, -800, -745, -720, -709, -700, -100, -88, -50, -40, -30,
      -20.5, -20, -15, -10, -7, -5, -4, -3, -2.5, -2, -1.5, -1.25, -1, -0.75,
      -0.5, -0.25, -0.1, -1e-3, -1e-8, -1e-40, -1e-300, 0, 1e-300, 1e-40,
      1e-8, 1e-3, 0.1, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 7, 10,
      15, 20, 20.5, 30, 40, 50, 88, 100, 700, 709, 745, 800, 1000, INF]
DY = [1.5, -0.75, 2.25, -1.25, 0.5, 3.0, -2.0]  # exact in single

# (file suffix, activation, options)
CASES = [
    ("threshold", "threshold", {}),
    ("linear", "linear", {}),
    ("sigmoid", "sigmoid", {}),
    ("tanh", "tanh", {}),
    ("relu", "relu", {}),
    ("leaky_relu", "leaky_relu", {}),
    ("leaky_relu_a0.2", "leaky_relu", {"alpha": 0.2}),
    ("leaky_relu_a-0.5", "leaky_relu", {"alpha": -0.5}),
    ("elu", "elu", {}),
    ("elu_a0.5", "elu", {"alpha": 0.5}),
    ("softplus", "softplus", {}),
    ("softplus_b2_t10", "softplus", {"beta": 2.0, "threshold": 10.0}),
    ("softplus_b0.5", "softplus", {"beta": 0.5}),
    ("gelu", "gelu", {}),
    ("silu", "silu", {}),
]

ROWS = [
    [1, 2, 3, 4, 5],
    [-1000, 0, 1000, 999, -999],
    [1000, 1000, 1000, 1000, 1000],
    [-1000, -1000, -1000, -1000, -999],
    [-INF, 0, 1, -INF, 2],
    [0, 0, 0, 0, 0],
    [1e-300, -1e-300, 1e-8, 0, -1e-8],
    [50, -50, 25, -25, 0],
    [745, 0, -745, 700, 709],
    [-0.3, 1.7, -2.9, 0.45, 3.3],
    [-INF, -INF, -INF, -INF, 5],
    [0.5, 0.5 + 1e-12, 0.5 - 1e-12, 0.5, 0.5],
    [-20, -10, 0, 10, 20],
]


def fmt(v):
    if math.isinf(v):
        return "Inf" if v > 0 else "-Inf"
    return "%.17g" % v


def elementwise(outdir, suffix, name, opts):
    x = [float(v) for v in XS]
    dy = [DY[i % len(DY)] for i in range(len(x))]
    cols = []
    for dtype, cast, rel, floor in ((torch.float64, float, 1e-14, 1e-300),
                                    (torch.float32, f32, 1e-6, 1e-37)):
        xc = [cast(v) for v in x]
        dyc = [cast(v) for v in dy]
        ty, tg = torch_eval(name, opts, xc, dyc, dtype)
        ex = [exact(name, opts, v if math.isinf(v) else D(v), D(d))
              for v, d in zip(xc, dyc)]
        tag = "%s %s" % (suffix, "double" if cast is float else "single")
        cols.append(merge(ty, [e[0] for e in ex], rel, floor, tag + " y"))
        cols.append(merge(tg, [e[1] for e in ex], rel, floor, tag + " dx"))
    path = os.path.join(outdir, "act_%s.txt" % suffix)
    with open(path, "w") as f:
        f.write("%% nn_act '%s' %s: x dy y dx y32 dx32 (tests/data/gen_act.py, "
                "torch %s)\n" % (name, opts, torch.__version__))
        for i in range(len(x)):
            f.write(" ".join(fmt(v) for v in (x[i], dy[i], cols[0][i], cols[1][i],
                                              cols[2][i], cols[3][i])) + "\n")


def rowwise(outdir, name):
    X = [[float(v) for v in r] for r in ROWS]
    k = len(X[0])
    dY = [[DY[(i + 2 * j) % len(DY)] for j in range(k)] for i in range(len(X))]
    blocks = [X, dY]
    for dtype, cast, rel, floor in ((torch.float64, float, 1e-14, 1e-300),
                                    (torch.float32, f32, 1e-6, 1e-37)):
        Xc = [[cast(v) for v in r] for r in X]
        dYc = [[cast(v) for v in r] for r in dY]
        ty, tg = torch_eval(name, {}, Xc, dYc, dtype)
        ey, eg = exact_rows(name, Xc, dYc)
        tag = "%s %s" % (name, "double" if cast is float else "single")
        flat = lambda A: [v for r in A for v in r]
        y = merge(flat(ty), flat(ey), rel, floor, tag + " y")
        g = merge(flat(tg), flat(eg), rel, floor, tag + " dx")
        blocks.append([y[i * k:(i + 1) * k] for i in range(len(X))])
        blocks.append([g[i * k:(i + 1) * k] for i in range(len(X))])
    path = os.path.join(outdir, "act_%s.txt" % name)
    with open(path, "w") as f:
        f.write("%% nn_act '%s' by rows, K = %d: [X dY Y dX Y32 dX32] "
                "(tests/data/gen_act.py, torch %s)\n" % (name, k, torch.__version__))
        for i in range(len(X)):
            f.write(" ".join(fmt(v) for B in blocks for v in B[i]) + "\n")


def main():
    outdir = os.path.dirname(os.path.abspath(__file__))
    for suffix, name, opts in CASES:
        elementwise(outdir, suffix, name, opts)
    for name in ("softmax", "log_softmax"):
        rowwise(outdir, name)
    print("wrote act_*.txt to %s" % outdir)
    print("\n".join(STATS) if STATS else "PyTorch matched everywhere")


if __name__ == "__main__":
    sys.exit(main())
