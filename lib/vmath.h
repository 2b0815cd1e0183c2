/* Vectorisable exp, expm1, log1p and erfc for double and float (internal).
 *
 * Static inline, branch-free (selects only), no table look-ups and no
 * calls, so that a compiler can vectorise a loop that calls them.  Each is
 * a range reduction followed by a polynomial:
 *
 *   exp    x = k ln2 + r, |r| <= ln2/2 (ln2 in two parts, k ln2hi exact);
 *          e^r = 1 + r + r^2 (1/2 + r/6 + ...), Taylor to r^13 (r^7 in
 *          float); 2^k applied as two powers of 2 so that the one rounding
 *          into the subnormal range is the last multiplication.
 *   expm1  the same reduction, with r kept as r + rl (double length);
 *          2^k (e^r - 1) + (2^k - 1), summed so that no digit is lost
 *          (for k = 0 it is r + r^2 Q(r) itself).
 *   log1p  1 + x = u + c exactly; u = 2^k m, sqrt(2)/2 <= m < sqrt(2), f =
 *          m - 1 (f = x itself when x is in that range), s = f / (2 + f),
 *          log(1 + f) = 2 atanh(s) = f - f^2/2 + s (f^2/2 + R(s^2)), R the
 *          Taylor series of 2 atanh(s)/s - 2 to s^20 (s^10 in float), and
 *          log1p(x) = k ln2 + log(1 + f) + c/u (c/u to a few per cent).
 *   erfc   for z = |x| >= 1/2: erfc(z) = exp(-z^2) G(t) / (z + 1) with
 *          t = (z - 2) / (z + 1) = 1 - 3 / (z + 1) in [-1, 1): G(t) =
 *          erfcx(z) (z + 1) is smooth on [-1, 1] (G(1) = 1/sqrt(pi)); here
 *          it is a polynomial of degree 29 (interpolation at Chebyshev
 *          nodes, computed with mpmath; relative error 2e-18).  z^2 is split
 *          exactly into hi + lo (Dekker; z cut into 26 + 27 bits by
 *          masking), so exp(-z^2) keeps its digits up to z = 27.  For z <
 *          1/2 (results near 1, where the t map would amplify rounding
 *          errors): 1 - erf(z), erf(z) = z E(z^2), E the Taylor series to
 *          z^24.  erfc(-z) = 2 - erfc(z) (1 + erf(z) below 1/2).  The float
 *          version works in double (degree 12 in (z - 3) / (z + 3), z^2
 *          exact in double) and rounds once.
 *
 * Accuracy against glibc (tests/c/test_vmath.c, millions of points over
 * the whole range): see the maxima measured there; bounded by 2 ulp (exp,
 * expm1, log1p) and 4 ulp (erfc).  NaN gives NaN; +-Inf, +-0, overflow and
 * underflow (through the subnormals) are as in C99 Annex F.
 *
 * They rely on round-to-nearest and on the compiler not reassociating
 * (no -ffast-math).  Contraction into FMA is allowed (every exact step is
 * written so that a fused multiply-add keeps it exact) and changes results
 * by less than the bounds above. */
#ifndef NNLAB_VMATH_H
#define NNLAB_VMATH_H

#include <math.h>
#include <stdint.h>
#include <string.h>

#define VM_SH_D 6755399441055744.0     /* 1.5 * 2^52: (x + SH) - SH rounds */
#define VM_SH_F 12582912.0f                  /* 1.5 * 2^23 */
#define VM_LOG2E_D 0x1.71547652b82fep+0
#define VM_LN2HI_D 0x1.62e42fee00000p-1      /* 28 bits: k ln2hi exact */
#define VM_LN2LO_D 0x1.a39ef35793c76p-33
#define VM_LOG2E_F 1.44269504089f
#define VM_LN2HI_F 0.693359375f              /* 9 bits */
#define VM_LN2LO_F -2.12194440e-4f

/* bit patterns (memcpy: well defined in C99, and vectorisable) */
static inline uint64_t vm_bits_d(double x)
{
    uint64_t u;
    memcpy(&u, &x, sizeof u);
    return u;
}

static inline double vm_double(uint64_t u)
{
    double x;
    memcpy(&x, &u, sizeof x);
    return x;
}

static inline uint32_t vm_bits_f(float x)
{
    uint32_t u;
    memcpy(&u, &x, sizeof u);
    return u;
}

static inline float vm_float(uint32_t u)
{
    float x;
    memcpy(&x, &u, sizeof x);
    return x;
}

/* 2^k for an integral k in [-1022, 1023] (resp. [-126, 127]): the low bits
 * of k + 1.5 * 2^52 are k; moved to the exponent field. */
static inline double vm_pow2i_d(double k)
{
    return vm_double(vm_bits_d(k + (VM_SH_D + 1023.0)) << 52);
}

static inline float vm_pow2i_f(float k)
{
    return vm_float(vm_bits_f(k + (VM_SH_F + 127.0f)) << 23);
}

/* e^r - 1 - r for |r| <= ln2/2 (Taylor; truncation < 2^-56 relative) */
static inline double vm_expm1r_d(double r)
{
    double q = 1.0 / 6227020800.0;
    q = q * r + 1.0 / 479001600.0;
    q = q * r + 1.0 / 39916800.0;
    q = q * r + 1.0 / 3628800.0;
    q = q * r + 1.0 / 362880.0;
    q = q * r + 1.0 / 40320.0;
    q = q * r + 1.0 / 5040.0;
    q = q * r + 1.0 / 720.0;
    q = q * r + 1.0 / 120.0;
    q = q * r + 1.0 / 24.0;
    q = q * r + 1.0 / 6.0;
    q = q * r + 0.5;
    return (r * r) * q;
}

static inline float vm_expm1r_f(float r)
{
    float q = 1.0f / 40320.0f;
    q = q * r + 1.0f / 5040.0f;
    q = q * r + 1.0f / 720.0f;
    q = q * r + 1.0f / 120.0f;
    q = q * r + 1.0f / 24.0f;
    q = q * r + 1.0f / 6.0f;
    q = q * r + 0.5f;
    return (r * r) * q;
}

/* p 2^k for an integral k, |k| <= 2044 (double) or 252 (float), as two
 * powers of 2: only the last product can round (into the subnormals). */
static inline double vm_scale_d(double p, double k)
{
    double k1 = (k * 0.5 + VM_SH_D) - VM_SH_D;
    return p * vm_pow2i_d(k1) * vm_pow2i_d(k - k1);
}

static inline float vm_scale_f(float p, float k)
{
    float k1 = (k * 0.5f + VM_SH_F) - VM_SH_F;
    return p * vm_pow2i_f(k1) * vm_pow2i_f(k - k1);
}

static inline double vm_exp_d(double x)
{
    double k, r;
    x = x < -746.0 ? -746.0 : x;             /* NaN stays NaN */
    x = x > 710.0 ? 710.0 : x;
    k = (x * VM_LOG2E_D + VM_SH_D) - VM_SH_D;
    r = (x - k * VM_LN2HI_D) - k * VM_LN2LO_D;
    return vm_scale_d(1.0 + (r + vm_expm1r_d(r)), k);
}

static inline float vm_exp_f(float x)
{
    float k, r;
    x = x < -104.0f ? -104.0f : x;
    x = x > 89.0f ? 89.0f : x;
    k = (x * VM_LOG2E_F + VM_SH_F) - VM_SH_F;
    r = (x - k * VM_LN2HI_F) - k * VM_LN2LO_F;
    return vm_scale_f(1.0f + (r + vm_expm1r_f(r)), k);
}

/* x = k ln2 + r + rl; with s = 2^(k-1): for k < 56, (2^k - 1) + 2^k r +
 * 2^k (rl + Q) (the first sum exact or nearly), else 2^k (1 + r + rl + Q),
 * which cannot overflow before the true value does. */
static inline double vm_expm1_d(double x)
{
    double xc, k, hi, lo, r, rl, q, s, a, b;
    xc = x < -40.0 ? -40.0 : x;
    xc = xc > 710.0 ? 710.0 : xc;
    k = (xc * VM_LOG2E_D + VM_SH_D) - VM_SH_D;
    hi = xc - k * VM_LN2HI_D;
    lo = k * VM_LN2LO_D;
    r = hi - lo;
    rl = (hi - r) - lo;
    q = rl + vm_expm1r_d(r);
    s = vm_pow2i_d(k - 1.0);
    a = ((2.0 * s - 1.0) + s * (2.0 * r)) + s * (2.0 * q);
    b = s * ((2.0 + 2.0 * r) + 2.0 * q);
    a = k < 56.0 ? a : b;
    return x == 0 ? x : a;                   /* -0 */
}

static inline float vm_expm1_f(float x)
{
    float xc, k, hi, lo, r, rl, q, s, a, b;
    xc = x < -20.0f ? -20.0f : x;
    xc = xc > 88.8f ? 88.8f : xc;
    k = (xc * VM_LOG2E_F + VM_SH_F) - VM_SH_F;
    hi = xc - k * VM_LN2HI_F;
    lo = k * VM_LN2LO_F;
    r = hi - lo;
    rl = (hi - r) - lo;
    q = rl + vm_expm1r_f(r);
    s = vm_pow2i_f(k - 1.0f);
    a = ((2.0f * s - 1.0f) + s * (2.0f * r)) + s * (2.0f * q);
    b = s * ((2.0f + 2.0f * r) + 2.0f * q);
    a = k < 27.0f ? a : b;
    return x == 0 ? x : a;
}

/* log1p for finite x > -1 (no special cases) */
static inline double vm_log1p_core_d(double x)
{
    double u, bb, c, k, m, f, s, z, R, h, y;
    uint64_t iu, t;
    int sm;
    u = 1.0 + x;
    bb = u - x;
    c = (x - (u - bb)) + (1.0 - bb);         /* 1 + x = u + c */
    iu = vm_bits_d(u);
    t = iu + (UINT64_C(0x3ff0000000000000) - UINT64_C(0x3fe6a09e667f3bcd));
    k = vm_double((t >> 52) | UINT64_C(0x4330000000000000))
        - (4503599627370496.0 + 1023.0);
    m = vm_double(iu - (t & UINT64_C(0xfff0000000000000))
                  + UINT64_C(0x3ff0000000000000));
    sm = (x > -0.2928932188134524) & (x < 0.41421356237309503);
    /* c/u is below half an ulp of the result: 1/u = 2^-k / m to 3%, 1/m =
     * 1 - f + f^2 - f^3 (f = m - 1), spares a division (2^-k taken as
     * 2^-1022 for k > 1022, where c/u is negligible anyway) */
    f = m - 1.0;
    c = sm ? 0.0 : c * (vm_pow2i_d(k > 1022.0 ? -1022.0 : -k)
                        * (1.0 - f * (1.0 - f * (1.0 - f))));
    f = sm ? x : f;
    k = sm ? 0.0 : k;
    s = f / (2.0 + f);
    z = s * s;
    R = 2.0 / 21;
    R = R * z + 2.0 / 19;
    R = R * z + 2.0 / 17;
    R = R * z + 2.0 / 15;
    R = R * z + 2.0 / 13;
    R = R * z + 2.0 / 11;
    R = R * z + 2.0 / 9;
    R = R * z + 2.0 / 7;
    R = R * z + 2.0 / 5;
    R = R * z + 2.0 / 3;
    R = R * z;
    h = 0.5 * f * f;
    y = f - (h - (s * (h + R) + (k * VM_LN2LO_D + c)));
    y = sm ? y : k * VM_LN2HI_D + y;         /* sm: -0 stays -0 */
    return y;
}

static inline double vm_log1p_d(double x)
{
    double y = vm_log1p_core_d(x);
    y = x == INFINITY ? x : y;
    y = x == -1.0 ? -INFINITY : y;
    return x < -1.0 ? NAN : y;
}

/* log1p for finite x > -1 (no special cases) */
static inline float vm_log1p_core_f(float x)
{
    float u, bb, c, k, m, f, s, z, R, h, y;
    uint32_t iu, t;
    int sm;
    u = 1.0f + x;
    bb = u - x;
    c = (x - (u - bb)) + (1.0f - bb);
    iu = vm_bits_f(u);
    t = iu + (UINT32_C(0x3f800000) - UINT32_C(0x3f3504f3));
    k = vm_float((t >> 23) | UINT32_C(0x4b000000)) - (8388608.0f + 127.0f);
    m = vm_float(iu - (t & UINT32_C(0xff800000)) + UINT32_C(0x3f800000));
    sm = (x > -0.29289321f) & (x < 0.41421356f);
    f = m - 1.0f;
    c = sm ? 0.0f : c * (vm_pow2i_f(k > 126.0f ? -126.0f : -k)
                         * (1.0f - f * (1.0f - f * (1.0f - f))));
    f = sm ? x : f;
    k = sm ? 0.0f : k;
    s = f / (2.0f + f);
    z = s * s;
    R = 2.0f / 11;
    R = R * z + 2.0f / 9;
    R = R * z + 2.0f / 7;
    R = R * z + 2.0f / 5;
    R = R * z + 2.0f / 3;
    R = R * z;
    h = 0.5f * f * f;
    y = f - (h - (s * (h + R) + (k * VM_LN2LO_F + c)));
    y = sm ? y : k * VM_LN2HI_F + y;
    return y;
}

static inline float vm_log1p_f(float x)
{
    float y = vm_log1p_core_f(x);
    y = x == INFINITY ? x : y;
    y = x == -1.0f ? -INFINITY : y;
    return x < -1.0f ? NAN : y;
}

/* erfc(|x|) as exp(-(hi + lo)) g q, hi + lo = x^2 */
static inline double vm_erfc_d(double x)
{
    double z, q, t, g, zh, zl, hi, lo, k, r, v, e;
    z = x < 0 ? -x : x;
    z = z > 28.0 ? 28.0 : z;                 /* erfc(27.3) < 2^-1074 */
    q = 1.0 / (z + 1.0);
    t = 1.0 - 3.0 * q;                       /* (z - 2) / (z + 1) */
    g = 2.662942483253204e-09;
    g = g * t + 4.1752614642430906e-09;
    g = g * t + -1.712981577963033e-08;
    g = g * t + -3.477314220179425e-08;
    g = g * t + 3.1608243097315174e-08;
    g = g * t + 1.0789112557493118e-07;
    g = g * t + 2.8177116849811442e-08;
    g = g * t + -1.0081553244372874e-07;
    g = g * t + -1.1529370827329989e-07;
    g = g * t + -1.633719204272434e-07;
    g = g * t + -2.64139084796585e-07;
    g = g * t + 2.6920569146505735e-10;
    g = g * t + 9.253254188249303e-07;
    g = g * t + 2.1006461635831764e-06;
    g = g * t + 2.0446993342024968e-06;
    g = g * t + -1.825333204810254e-06;
    g = g * t + -1.1017281229034107e-05;
    g = g * t + -1.9608652963361887e-05;
    g = g * t + -6.678296700982742e-06;
    g = g * t + 5.67281316161778e-05;
    g = g * t + 0.00015468267878568834;
    g = g * t + 0.0001161020891358012;
    g = g * t + -0.0004122479138115125;
    g = g * t + -0.001415978085328709;
    g = g * t + -0.0008130745837975937;
    g = g * t + 0.006413152952718383;
    g = g * t + 0.016393860865379736;
    g = g * t + -0.027474964136079406;
    g = g * t + -0.19498112774988918;
    g = g * t + 0.7661870289315172;
    zh = vm_double(vm_bits_d(z) & UINT64_C(0xfffffffff8000000)); /* 26 bits */
    zl = z - zh;
    hi = z * z;
    lo = ((zh * zh - hi) + 2.0 * zh * zl) + zl * zl;
    k = (-hi * VM_LOG2E_D + VM_SH_D) - VM_SH_D;
    r = (-hi - k * VM_LN2HI_D) - (k * VM_LN2LO_D + lo);
    v = vm_scale_d((1.0 + (r + vm_expm1r_d(r))) * (g / (z + 1.0)), k);
    v = x < 0 ? 2.0 - v : v;
    /* z < 1/2: 1 -+ erf(z), erf(z) = z E(z^2) (Taylor), for the digits of
     * results near 1, which the t map would amplify */
    e = 9.422759064650411e-11;
    e = e * hi + -1.2290555301717928e-09;
    e = e * hi + 1.4807192815879218e-08;
    e = e * hi + -1.6365844691234924e-07;
    e = e * hi + 1.6462114365889248e-06;
    e = e * hi + -1.492565035840625e-05;
    e = e * hi + 0.00012055332981789664;
    e = e * hi + -0.0008548327023450853;
    e = e * hi + 0.005223977625442188;
    e = e * hi + -0.026866170645131252;
    e = e * hi + 0.11283791670955126;
    e = e * hi + -0.37612638903183754;
    e = e * hi + 1.1283791670955126;
    e = z * e;
    e = x < 0 ? 1.0 + e : 1.0 - e;
    return z < 0.5 ? e : v;
}

/* In double: z^2 is exact, one rounding at the end. */
static inline float vm_erfc_f(float xf)
{
    double x = xf, z, q, t, g, hi, k, r, v;
    z = x < 0 ? -x : x;
    z = z > 11.0 ? 11.0 : z;                 /* erfcf(10.1) < 2^-149 */
    q = 1.0 / (z + 3.0);
    t = (z - 3.0) * q;
    g = -1.0302478671350565e-05;
    g = g * t + 1.9655910560487885e-05;
    g = g * t + 9.873707158612905e-05;
    g = g * t + -0.0002649834217254595;
    g = g * t + -0.0005426214440275764;
    g = g * t + 0.003027424456584946;
    g = g * t + -0.00121434170392917;
    g = g * t + -0.026825370112629254;
    g = g * t + 0.11952807506461957;
    g = g * t + -0.3104674893110152;
    g = g * t + 0.5902283378006228;
    g = g * t + -0.8833944451868795;
    g = g * t + 1.0740069072830063;
    hi = z * z;
    k = (-hi * VM_LOG2E_D + VM_SH_D) - VM_SH_D;
    r = (-hi - k * VM_LN2HI_D) - k * VM_LN2LO_D;
    v = vm_pow2i_d(k) * ((1.0 + (r + vm_expm1r_d(r))) * (g * q));
    return (float)(x < 0 ? 2.0 - v : v);
}

#endif
