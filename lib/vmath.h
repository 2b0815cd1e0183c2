/* Vectorisable exp, expm1, log1p and erfc for double and float (internal).
 *
 * Static inline, branch-free (selects only), no table look-ups and no
 * calls, so that a compiler can vectorise a loop that calls them.  Each is
 * a range reduction followed by a polynomial:
 *
 *   exp    x = k ln2 + r, |r| <= ln2/2 (ln2 in two parts, k ln2hi exact);
 *          e^r = 1 + r + r^2 P(r), P of degree 9 (4 in float)
 *          interpolated at Chebyshev nodes; 2^k applied as two powers of
 *          2 so that the one rounding into the subnormal range is the
 *          last multiplication.
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
 * The long polynomials are evaluated as two (even and odd) chains in the
 * square of the variable rather than one Horner chain: a vectorised loop's
 * speed is bounded by the latency of its longest chain.  Also here, for the
 * kernels of act.c, leaner or fused variants: vm_exp_neg (x <= 0),
 * vm_log1p_unit (log1p on [0, 1], a polynomial), vm_expm1_neg (x <= 0),
 * vm_phi_d and vm_gelu_grad_d (gelu's Phi, and gelu' from one
 * exponential, one form for all x), vm_phi_fast_f and vm_gelu_grad_f (the
 * same in float arithmetic); tests/c/test_act_vmath.c measures them.
 * (vm_erfc_d and vm_erfc_f, the general erfc, serve no kernel now that
 * gelu has vm_phi; they stay, tested, for a loss or kernel that needs erfc
 * itself.)
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

/* e^r - 1 - r for |r| <= ln2/2: r^2 P(r), P of degree 9 (double) or 4
 * (float) interpolating (e^r - 1 - r)/r^2 at Chebyshev nodes
 * (tests/data/fit_vmath.py); 0.8 ulp for expm1(r) in both.
 * Even and odd coefficients in two chains of r^2 (half the latency of one
 * Horner chain, which would bound a vectorised loop's speed). */
static inline double vm_expm1r_d(double r)
{
    double r2 = r * r, e, o;
    e = 2.7620075879983367e-07;
    e = e * r2 + 2.4801521322368692e-05;
    e = e * r2 + 0.0013888888917196719;
    e = e * r2 + 0.041666666666624164;
    e = e * r2 + 0.5000000000000001;
    o = 2.5100375832561234e-08;
    o = o * r2 + 2.7557268480310024e-06;
    o = o * r2 + 0.00019841269863040545;
    o = o * r2 + 0.008333333333330065;
    o = o * r2 + 0.16666666666666669;
    return r2 * (e + r * o);
}

static inline float vm_expm1r_f(float r)
{
    float r2 = r * r, e, o;
    e = 0.0013926175888627768f;
    e = e * r2 + 0.041666556149721146f;
    e = e * r2 + 0.5f;
    o = 0.008363173343241215f;
    o = o * r2 + 0.16666577756404877f;
    return r2 * (e + r * o);
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

/* exp for x up to 709 (88 in float), as the kernels take it, of -|x| or
 * of x - rowmax (vm_exp_neg); beyond, the result is not right.  vm_exp is
 * the same with x clamped above, for all x.  NaN gives NaN. */
static inline double vm_exp_neg_d(double x)
{
    double k, r;
    x = x < -746.0 ? -746.0 : x;             /* NaN stays NaN */
    k = (x * VM_LOG2E_D + VM_SH_D) - VM_SH_D;
    r = (x - k * VM_LN2HI_D) - k * VM_LN2LO_D;
    return vm_scale_d(1.0 + (r + vm_expm1r_d(r)), k);
}

static inline float vm_exp_neg_f(float x)
{
    float k, r;
    x = x < -104.0f ? -104.0f : x;
    k = (x * VM_LOG2E_F + VM_SH_F) - VM_SH_F;
    r = (x - k * VM_LN2HI_F) - k * VM_LN2LO_F;
    return vm_scale_f(1.0f + (r + vm_expm1r_f(r)), k);
}

static inline double vm_exp_d(double x)
{
    return vm_exp_neg_d(x > 710.0 ? 710.0 : x);
}

static inline float vm_exp_f(float x)
{
    return vm_exp_neg_f(x > 89.0f ? 89.0f : x);
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

/* expm1 for x <= 0 (x > 0 is taken as 0; NaN gives NaN), as tanh and elu
 * need it: vm_expm1's first form only (k <= 0), without its other branch
 * and clamp. */
static inline double vm_expm1_neg_d(double x)
{
    double xc, k, hi, lo, r, rl, q, s, a;
    xc = x < -40.0 ? -40.0 : x;
    xc = xc > 0.0 ? 0.0 : xc;
    k = (xc * VM_LOG2E_D + VM_SH_D) - VM_SH_D;
    hi = xc - k * VM_LN2HI_D;
    lo = k * VM_LN2LO_D;
    r = hi - lo;
    rl = (hi - r) - lo;
    q = rl + vm_expm1r_d(r);
    s = vm_pow2i_d(k - 1.0);
    a = ((2.0 * s - 1.0) + s * (2.0 * r)) + s * (2.0 * q);
    return x == 0 ? x : a;                   /* -0 */
}

static inline float vm_expm1_neg_f(float x)
{
    float xc, k, hi, lo, r, rl, q, s, a;
    xc = x < -20.0f ? -20.0f : x;
    xc = xc > 0.0f ? 0.0f : xc;
    k = (xc * VM_LOG2E_F + VM_SH_F) - VM_SH_F;
    hi = xc - k * VM_LN2HI_F;
    lo = k * VM_LN2LO_F;
    r = hi - lo;
    rl = (hi - r) - lo;
    q = rl + vm_expm1r_f(r);
    s = vm_pow2i_f(k - 1.0f);
    a = ((2.0f * s - 1.0f) + s * (2.0f * r)) + s * (2.0f * q);
    return x == 0 ? x : a;
}

/* log1p for finite x > -1 (no special cases) */
static inline double vm_log1p_core_d(double x)
{
    double u, bb, c, k, m, f, s, z, z2, R, Ro, h, y;
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
    z2 = z * z;                              /* two chains of z^2 */
    R = 2.0 / 19;
    R = R * z2 + 2.0 / 15;
    R = R * z2 + 2.0 / 11;
    R = R * z2 + 2.0 / 7;
    R = R * z2 + 2.0 / 3;
    Ro = 2.0 / 21;
    Ro = Ro * z2 + 2.0 / 17;
    Ro = Ro * z2 + 2.0 / 13;
    Ro = Ro * z2 + 2.0 / 9;
    Ro = Ro * z2 + 2.0 / 5;
    R = z * (R + z * Ro);
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
    float u, bb, c, k, m, f, s, z, z2, R, Ro, h, y;
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
    z2 = z * z;
    R = 2.0f / 11;
    R = R * z2 + 2.0f / 7;
    R = R * z2 + 2.0f / 3;
    Ro = 2.0f / 9;
    Ro = Ro * z2 + 2.0f / 5;
    R = z * (R + z * Ro);
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

/* log1p for 0 <= x <= 1 (NaN gives NaN), as for softplus's log1p(exp(-|x|)):
 * x + x^2 Q(x), Q a polynomial (degree 19 in double, 8 in float;
 * interpolation at Chebyshev nodes of [0, 1], computed with mpmath by
 * tests/data/fit_vmath.py) of (log1p(x) - x)/x^2, whose nearest
 * singularity is at x = -1: no division and no reduction; 2 ulp with its
 * roundings.  Q = A + x^10 B (x^5 in float): two chains of half the
 * length. */
static inline double vm_log1p_unit_d(double x)
{
    double a, b, x2 = x * x, x4 = x2 * x2;
    a = 0.09044038405818781;
    a = a * x + -0.09989940978337618;
    a = a * x + 0.11109469727104494;
    a = a * x + -0.12499802193640867;
    a = a * x + 0.14285697368176903;
    a = a * x + -0.1666666569676973;
    a = a * x + 0.19999999965822401;
    a = a * x + -0.2499999999935962;
    a = a * x + 0.33333333333328546;
    a = a * x + -0.49999999999999994;
    b = 3.496499999517753e-05;
    b = b * x + -0.00038701111085803037;
    b = b * x + 0.002030846248409763;
    b = b * x + -0.006761419498849802;
    b = b * x + 0.016177448292083774;
    b = b * x + -0.030006248922024147;
    b = b * x + 0.045718328874219644;
    b = b * x + -0.06024571849605114;
    b = b * x + 0.07206052783890503;
    b = b * x + -0.0816358369873179;
    return x + x2 * (a + (x4 * x4 * x2) * b);
}

static inline float vm_log1p_unit_f(float x)
{
    float a, b, x2 = x * x;
    a = -0.15847565233707428f;
    a = a * x + 0.198541060090065f;
    a = a * x + -0.24986526370048523f;
    a = a * x + 0.3333284258842468f;
    a = a * x + -0.4999999701976776f;
    b = -0.004466211423277855f;
    b = b * x + 0.025224054232239723f;
    b = b * x + -0.06675772368907928f;
    b = b * x + 0.11561845242977142f;
    return x + x2 * (a + (x2 * x2 * x) * b);
}

/* erfc's G(t) (before the division by z + 1), t = (z - 2) / (z + 1), for
 * z >= 0 (vm_erfc_d's).  Two chains of t^2. */
static inline double vm_erfc_g_d(double z)
{
    double q, t, t2, ga, gb;
    q = 1.0 / (z + 1.0);
    t = (z - 2.0) * q;                       /* z - 2 exact for z in [1, 4] */
    t2 = t * t;
    ga = 4.1752614642430906e-09;
    ga = ga * t2 + -3.477314220179425e-08;
    ga = ga * t2 + 1.0789112557493118e-07;
    ga = ga * t2 + -1.0081553244372874e-07;
    ga = ga * t2 + -1.633719204272434e-07;
    ga = ga * t2 + 2.6920569146505735e-10;
    ga = ga * t2 + 2.1006461635831764e-06;
    ga = ga * t2 + -1.825333204810254e-06;
    ga = ga * t2 + -1.9608652963361887e-05;
    ga = ga * t2 + 5.67281316161778e-05;
    ga = ga * t2 + 0.0001161020891358012;
    ga = ga * t2 + -0.001415978085328709;
    ga = ga * t2 + 0.006413152952718383;
    ga = ga * t2 + -0.027474964136079406;
    ga = ga * t2 + 0.7661870289315172;
    gb = 2.662942483253204e-09;
    gb = gb * t2 + -1.712981577963033e-08;
    gb = gb * t2 + 3.1608243097315174e-08;
    gb = gb * t2 + 2.8177116849811442e-08;
    gb = gb * t2 + -1.1529370827329989e-07;
    gb = gb * t2 + -2.64139084796585e-07;
    gb = gb * t2 + 9.253254188249303e-07;
    gb = gb * t2 + 2.0446993342024968e-06;
    gb = gb * t2 + -1.1017281229034107e-05;
    gb = gb * t2 + -6.678296700982742e-06;
    gb = gb * t2 + 0.00015468267878568834;
    gb = gb * t2 + -0.0004122479138115125;
    gb = gb * t2 + -0.0008130745837975937;
    gb = gb * t2 + 0.016393860865379736;
    gb = gb * t2 + -0.19498112774988918;
    return ga + t * gb;
}

/* E(zz), erf(z) = z E(z^2) (Taylor, for z < 1/2), zz = z^2: vm_erfc_d's
 * other branch. */
static inline double vm_erf_e_d(double zz)
{
    double e, eo, h2 = zz * zz;
    e = 9.422759064650411e-11;
    e = e * h2 + 1.4807192815879218e-08;
    e = e * h2 + 1.6462114365889248e-06;
    e = e * h2 + 0.00012055332981789664;
    e = e * h2 + 0.005223977625442188;
    e = e * h2 + 0.11283791670955126;
    e = e * h2 + 1.1283791670955126;
    eo = -1.2290555301717928e-09;
    eo = eo * h2 + -1.6365844691234924e-07;
    eo = eo * h2 + -1.492565035840625e-05;
    eo = eo * h2 + -0.0008548327023450853;
    eo = eo * h2 + -0.026866170645131252;
    eo = eo * h2 + -0.37612638903183754;
    return e + zz * eo;
}

/* erfc(|x|) as exp(-(hi + lo)) g q, hi + lo = x^2 */
static inline double vm_erfc_d(double x)
{
    double z, g, zh, zl, hi, lo, k, r, v, e;
    z = x < 0 ? -x : x;
    z = z > 28.0 ? 28.0 : z;                 /* erfc(27.3) < 2^-1074 */
    g = vm_erfc_g_d(z);
    zh = vm_double(vm_bits_d(z) & UINT64_C(0xfffffffff8000000)); /* 26 bits */
    zl = z - zh;
    hi = z * z;
    lo = ((zh * zh - hi) + 2.0 * zh * zl) + zl * zl;
    k = (-hi * VM_LOG2E_D + VM_SH_D) - VM_SH_D;
    r = (-hi - k * VM_LN2HI_D) - (k * VM_LN2LO_D + lo);
    g = g / (z + 1.0);
    v = vm_scale_d(g + g * (r + vm_expm1r_d(r)), k);
    v = x < 0 ? 2.0 - v : v;
    /* z < 1/2: 1 -+ erf(z), erf(z) = z E(z^2) (Taylor), for the digits of
     * results near 1, which the t map would amplify */
    e = z * vm_erf_e_d(hi);
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

/* gelu's Phi(x) = erfc(-x/sqrt(2))/2 in double, one form for all x: with
 * z = a/sqrt(2), a = |x|, Phi(-a) = erfc(z)/2 = exp(-a^2/2) G(t) q/2, q =
 * 1/(z + 4), t = (z - 4) q in [-1, 0.75] (z <= 28), G a polynomial of
 * degree 20 (interpolation at Chebyshev nodes, computed with mpmath by
 * tests/data/fit_vmath.py; relative error 8e-16 with its roundings).
 * a^2/2 = hi + lo exactly (a cut, not z) in the exponent, so that the
 * rounding of a/sqrt(2) costs no digits there (erfc of the rounded z would
 * lose up to 2 z^2 u, 1.6e-13 at x = -38).  Near x = 0, where Phi is near
 * 1/2, G's form is as accurate as a Taylor series of erf (vm_erfc_d's
 * other branch), so there is none.  vm_phi_g_d(a) is G(t) q/2;
 * vm_phi_exp_d(a, &k) is e^r - 1 with exp(-a^2/2) = 2^k e^r. */
static inline double vm_phi_g_d(double a)
{
    double z, q, t, t2, ga, gb;
    z = a * 0.70710678118654752440;
    q = 1.0 / (z + 4.0);
    t = 1.0 - 8.0 * q;                       /* (z - 4) / (z + 4) */
    t2 = t * t;
    ga = -6.606630030954918e-09;
    ga = ga * t2 + 1.0506935915995339e-07;
    ga = ga * t2 + -8.268845944455933e-07;
    ga = ga * t2 + 4.683431327222623e-06;
    ga = ga * t2 + -3.6314238931910024e-06;
    ga = ga * t2 + -0.0004550534645094846;
    ga = ga * t2 + 0.00611205575389842;
    ga = ga * t2 + 0.07638151490204452;
    ga = ga * t2 + 0.3308515878783134;
    ga = ga * t2 + 0.7732087022652312;
    ga = ga * t2 + 1.095995661000491;
    gb = 7.461551723360206e-09;
    gb = gb * t2 + -9.314264318554981e-08;
    gb = gb * t2 + 1.4445805985487228e-06;
    gb = gb * t2 + -1.887396165570362e-05;
    gb = gb * t2 + 0.00017681785329035966;
    gb = gb * t2 + -0.00028096004828847605;
    gb = gb * t2 + -0.02637005317568621;
    gb = gb * t2 + -0.17401093725244177;
    gb = gb * t2 + -0.5408538313128007;
    gb = gb * t2 + -0.9765487290808864;
    return (ga + t * gb) * (0.5 * q);
}

static inline double vm_phi_exp_d(double a, double *k)
{
    double ah, al, hi, lo, r;
    ah = vm_double(vm_bits_d(a) & UINT64_C(0xfffffffff8000000));
    al = a - ah;
    hi = a * a;
    lo = ((ah * ah - hi) + 2.0 * ah * al) + al * al;
    hi = 0.5 * hi;
    lo = 0.5 * lo;
    *k = (-hi * VM_LOG2E_D + VM_SH_D) - VM_SH_D;
    r = (-hi - *k * VM_LN2HI_D) - (*k * VM_LN2LO_D + lo);
    return r + vm_expm1r_d(r);
}

static inline double vm_phi_d(double x)
{
    double a, g, k, p, v;
    a = fabs(x);
    a = a > 39.6 ? 39.6 : a;                 /* exp(-39.6^2/2) < 2^-1074 */
    g = vm_phi_g_d(a);
    p = vm_phi_exp_d(a, &k);
    v = vm_scale_d(g + g * p, k);            /* Phi(-a) */
    return x < 0 ? v : 1.0 - v;
}

/* gelu'(x) = Phi(x) + x phi(x), phi(x) = exp(-x^2/2)/sqrt(2 pi), from
 * vm_phi_d's parts and one exponential e = exp(-a^2/2): for x >= 0, (1 -
 * e g) + a e/sqrt(2 pi); for x < 0, e (g - a/sqrt(2 pi)).  (Where e is
 * subnormal, e g rounds twice: only results below 2^-1022 lose digits.) */
static inline double vm_gelu_grad_d(double x)
{
    double a, g, k, p, e;
    a = fabs(x);
    a = a > 39.6 ? 39.6 : a;
    g = vm_phi_g_d(a);
    p = vm_phi_exp_d(a, &k);
    e = vm_scale_d(1.0 + p, k);
    return x < 0 ? e * (g - a * 0.39894228040143267794)
                 : (1.0 - e * g) + a * (e * 0.39894228040143267794);
}

/* gelu's Phi(x) = erfc(-x/sqrt(2))/2 in float arithmetic, for the single
 * kernels (twice the lanes of double arithmetic): with z =
 * a/sqrt(2), a = |x|, Phi(-a) = erfc(z)/2 = exp(-a^2/2) G(t) q/2, q = 1/(z +
 * 3/2), t = (z - 3/2) q, G of degree 11 (interpolation at Chebyshev nodes
 * of [-1, 0.75] (z <= 10.1), computed with mpmath).  With 3/2 (not 4 as in
 * vm_phi_d's map) G hardly depends on t near z = 0, so the rounding of t
 * costs little there and one form serves the whole range.  The exponent
 * a^2/2 is rounded once (relative error of the result up to a^2/2 ulp,
 * 6e-6 at a = 14, as erfc of the rounded z would have anyway).
 * vm_phi_g_f(a) is G(t) q/2. */
static inline float vm_phi_g_f(float a)
{
    float z, q, t, t2, ga, gb;
    z = a * 0.707106781f;
    q = 1.0f / (z + 1.5f);
    t = 1.0f - 3.0f * q;                     /* (z - 3/2) / (z + 3/2) */
    t2 = t * t;
    ga = -0.000222851173f;
    ga = ga * t2 + 0.000858548156f;
    ga = ga * t2 + -0.000802927243f;
    ga = ga * t2 + -0.00812064763f;
    ga = ga * t2 + 0.0756218359f;
    ga = ga * t2 + 0.96475625f;
    gb = -6.70448353e-05f;
    gb = gb * t2 + -7.88577308e-05f;
    gb = gb * t2 + 0.00178007153f;
    gb = gb * t2 + -0.00946238916f;
    gb = gb * t2 + 0.0477684364f;
    gb = gb * t2 + -0.507849991f;
    return (ga + t * gb) * (0.5f * q);
}

static inline float vm_phi_fast_f(float x)
{
    float a, g, hi, k, r, v;
    a = fabsf(x);
    a = a > 14.3f ? 14.3f : a;               /* Phi(-14.3) < 2^-150 */
    g = vm_phi_g_f(a);
    hi = 0.5f * (a * a);
    k = (-hi * VM_LOG2E_F + VM_SH_F) - VM_SH_F;
    r = (-hi - k * VM_LN2HI_F) - k * VM_LN2LO_F;
    v = vm_scale_f(g + g * (r + vm_expm1r_f(r)), k);   /* Phi(-a) */
    return x < 0 ? v : 1.0f - v;
}

/* gelu'(x) = Phi(x) + x phi(x), phi(x) = exp(-x^2/2)/sqrt(2 pi), in float
 * arithmetic (vm_phi_fast_f's parts and its bound).  For x >= 0 both terms
 * are positive.  For x = -a < 0 it is e W(a), e = exp(-a^2/2), W(a) =
 * G q/2 - a/sqrt(2 pi), whose two terms cancel at its root a0 = 0.75179...
 * (where gelu' changes sign); on [1/2, 1] W is taken as (a - a0) P(a -
 * 3/4) instead, P of degree 5 (interpolation at Chebyshev nodes, computed
 * with mpmath; 3 ulp), a - a0 formed from a0's float and its remainder,
 * so that the digits near the root are kept. */
static inline float vm_gelu_grad_f(float x)
{
    float a, g, hi, k, r, e, s, p, w, wb;
    a = fabsf(x);
    a = a > 15.0f ? 15.0f : a;               /* exp(-112.5) 15 < 2^-150 */
    g = vm_phi_g_f(a);
    hi = 0.5f * (a * a);
    k = (-hi * VM_LOG2E_F + VM_SH_F) - VM_SH_F;
    r = (-hi - k * VM_LN2HI_F) - k * VM_LN2LO_F;
    e = vm_scale_f(1.0f + (r + vm_expm1r_f(r)), k);    /* exp(-a^2/2) */
    s = a - 0.75f;
    p = 0.0017601539148017764f;
    p = p * s + -0.005231908522546291f;
    p = p * s + 0.014350354671478271f;
    p = p * s + -0.03665739670395851f;
    p = p * s + 0.08488757908344269f;
    p = p * s + -0.5725581645965576f;
    wb = ((a - 0.7517915368080139f) - -1.211444988769017e-08f) * p;
    w = g - a * 0.398942280f;
    wb = a < 1.0f ? wb : w;                  /* selects only: no && */
    w = a > 0.5f ? wb : w;
    return x < 0 ? e * w : (1.0f - e * g) + a * (e * 0.398942280f);
}

#endif
