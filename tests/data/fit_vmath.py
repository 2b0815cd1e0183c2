#!/usr/bin/env python3
"""Coefficients of two polynomials of lib/vmath.h (needs python3-mpmath).

  G    vm_phi_d: erfc(z) = exp(-z^2) G(t) / (z + 4), t = (z - 4)/(z + 4),
       degree 20 on t in [-1, (28 - 4)/(28 + 4)] (z in [0, 28]);
  Q    vm_log1p_unit_d/_f: log1p(x) = x + x^2 Q(x) on [0, 1], degree 19
       (double) and 8 (float);
  E    vm_expm1r_d/_f: e^r - 1 - r = r^2 E(r) on |r| <= ln2/2, degree 9
       (double) and 4 (float);
  P    vm_gelu_grad_f: W(a) = Phi(-a) exp(a^2/2) - a/sqrt(2 pi) = (a - a0)
       P(a - 3/4) on [1/2, 1], a0 the root of W (printed as a float and its
       remainder), degree 5, in float.

Each is the interpolant at the Chebyshev nodes of its interval, computed
with 40 digits and rounded to the C type; the script prints the
coefficients from the constant term up, and the largest relative error of
the final result over a grid, with the roundings of the evaluation as
vmath.h does it (Horner; G and E as two chains in the square, Q as A +
x^10 B, x^5 in float).  usage: python3 fit_vmath.py
"""
import struct
import mpmath as mp

mp.mp.dps = 40


def f32(v):
    return struct.unpack('f', struct.pack('f', v))[0]


def chebyshev_fit(f, a, b, n):
    """Monomial coefficients (constant first) of the degree-n interpolant
    of f at the Chebyshev nodes of [a, b]."""
    nodes = [mp.cos(mp.pi * (k + mp.mpf(1) / 2) / (n + 1)) for k in range(n + 1)]
    fs = [f((a + b) / 2 + (b - a) / 2 * s) for s in nodes]
    ch = [2 * mp.fsum(fs[k] * mp.cos(mp.pi * j * (k + mp.mpf(1) / 2) / (n + 1))
                      for k in range(n + 1)) / (n + 1) for j in range(n + 1)]
    ch[0] /= 2

    def mul(p, q):
        r = [mp.mpf(0)] * (len(p) + len(q) - 1)
        for i, x in enumerate(p):
            for j, y in enumerate(q):
                r[i + j] += x * y
        return r

    def add(p, q):
        m = max(len(p), len(q))
        p = p + [0] * (m - len(p))
        q = q + [0] * (m - len(q))
        return [x + y for x, y in zip(p, q)]

    s = [-(a + b) / (b - a), 2 / (b - a)]     # s(t) in [-1, 1]
    t0, t1 = [mp.mpf(1)], s
    poly = add([ch[0]], [ch[1] * x for x in t1])
    for j in range(2, n + 1):
        t2 = add([2 * x for x in mul(s, t1)], [-x for x in t0])
        poly = add(poly, [ch[j] * x for x in t2])
        t0, t1 = t1, t2
    return poly


def horner(cs, x, rnd):
    v = cs[-1]
    for c in reversed(cs[:-1]):
        v = rnd(rnd(v * x) + c)
    return v


def fit_g():
    c, zmax = mp.mpf(4), mp.mpf(28)

    def g(t):
        z = c * (1 + t) / (1 - t)
        return mp.erfc(z) * mp.exp(z * z) * (z + c)

    cs = [float(x) for x in chebyshev_fit(g, mp.mpf(-1), (zmax - c) / (zmax + c), 20)]
    worst = 0
    for i in range(3001):
        z = 28.0 * (i / 3000.0) ** 2
        q = 1.0 / (z + 4.0)
        t = 1.0 - 8.0 * q
        t2 = t * t
        v = (horner(cs[0::2], t2, float) + t * horner(cs[1::2], t2, float)) * q
        ref = mp.erfc(z) * mp.exp(mp.mpf(z) ** 2)
        worst = max(worst, abs((v - ref) / ref))
    return cs, float(worst)


def fit_q(n, rnd, split):
    def q(x):
        return (mp.log1p(x) - x) / x ** 2 if x != 0 else mp.mpf(-0.5)

    cs = [rnd(float(x)) for x in chebyshev_fit(q, mp.mpf(0), mp.mpf(1), n)]
    worst = 0
    for i in range(1, 8001):
        x = rnd((i / 8000.0) ** 2)
        xs = x
        for _ in range(split - 1):
            xs = rnd(xs * x)
        v = rnd(horner(cs[:split], x, rnd) + rnd(xs * horner(cs[split:], x, rnd)))
        v = rnd(x + rnd(rnd(x * x) * v))
        ref = mp.log1p(mp.mpf(x))
        worst = max(worst, abs((v - ref) / ref))
    return cs, float(worst)


def fit_p():
    def w(a):
        return mp.erfc(a / mp.sqrt(2)) / 2 * mp.exp(a * a / 2) - a / mp.sqrt(2 * mp.pi)

    a0 = mp.findroot(w, 0.75)
    a0f = f32(float(a0))
    a0lo = f32(float(a0 - a0f))

    def p(s):
        a = s + mp.mpf('0.75')
        return w(a) / (a - a0) if abs(a - a0) > mp.mpf(10) ** -30 else mp.diff(w, a0)

    cs = [f32(float(x)) for x in chebyshev_fit(p, mp.mpf(-0.25), mp.mpf(0.25), 5)]
    worst = 0
    for i in range(2001):
        a = f32(0.5 + 0.5 * i / 2000)
        v = f32(f32(f32(a - a0f) - a0lo) * horner(cs, f32(a - 0.75), f32))
        ref = w(mp.mpf(a))
        worst = max(worst, abs((v - ref) / ref))
    return a0f, a0lo, cs, float(worst)


def fit_e(n, rnd):
    h = mp.log(2) / 2

    def e(r):
        if abs(r) < mp.mpf(10) ** -8:
            return mp.mpf(0.5) + r / 6 + r * r / 24
        return (mp.exp(r) - 1 - r) / r ** 2

    cs = [rnd(float(x)) for x in chebyshev_fit(e, -h, h, n)]
    worst = 0
    for i in range(-4000, 4001):
        r = rnd(float(h) * i / 4000)
        if r == 0:
            continue
        r2 = rnd(r * r)
        q = rnd(horner(cs[0::2], r2, rnd) + rnd(r * horner(cs[1::2], r2, rnd)))
        v = rnd(r + rnd(r2 * q))
        ref = mp.expm1(mp.mpf(r))
        worst = max(worst, abs((v - ref) / ref))
    return cs, float(worst)


if __name__ == '__main__':
    cs, w = fit_g()
    print('G (vm_phi_d), constant first; relative error %.3g' % w)
    print('\n'.join(repr(c) for c in cs))
    for name, n, rnd, split in (('double', 19, float, 10), ('float', 8, f32, 5)):
        cs, w = fit_q(n, rnd, split)
        print('Q (vm_log1p_unit, %s), constant first; relative error %.3g' % (name, w))
        print('\n'.join(repr(c) for c in cs))
    a0f, a0lo, cs, w = fit_p()
    print('P (vm_gelu_grad_f, float), a0 = %r + %r, constant first; relative '
          'error %.3g' % (a0f, a0lo, w))
    print('\n'.join(repr(c) for c in cs))
    for name, n, rnd in (('double', 9, float), ('float', 4, f32)):
        cs, w = fit_e(n, rnd)
        print('E (vm_expm1r, %s), constant first; relative error of expm1 %.3g'
              % (name, w))
        print('\n'.join(repr(c) for c in cs))
