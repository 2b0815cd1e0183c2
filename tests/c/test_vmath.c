/* Accuracy of lib/vmath.h against the C library (cmocka).
 *
 * Each function is compared, on millions of points over its whole range
 * (random bit patterns, uniform and log-uniform sweeps, the overflow and
 * underflow boundaries, subnormals, +-0, +-Inf, NaN; for float also every
 * 1024th float), with the C library's long double function (double) or
 * double function (float), which are far more accurate than the bound, and
 * the error is measured in ulps of the correctly rounded result (Inf
 * counted as the power of 2 after the largest finite number).  The bounds
 * are 2 ulp for exp, expm1, log1p and 4 ulp for erfc; the measured maxima
 * are printed, with the largest difference to the double (float) libm
 * function itself. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#define DBL_TRUE_MIN 0x1p-1074   /* C11; not in C99 */
#define FLT_TRUE_MIN 0x1p-149f
#include "vmath.h"

static uint64_t rng = 88172645463325252ULL;

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static double unif(double a, double b)
{
    return a + (b - a) * ((double)(next() >> 11) * 0x1p-53);
}

/* log-uniform on [a, b], 0 < a < b */
static double logu(double a, double b)
{
    return exp(unif(log(a), log(b)));
}

/* ---- error in ulps ------------------------------------------------- */

typedef struct {
    const char *name;
    double bound;
    double max_ulp;     /* against the accurate reference */
    double at;
    double max_lib;     /* against libm in the same precision */
    long count;
} stats;

/* ulp of a correctly rounded value near y in a format with p digits and
 * minimum exponent emin (so subnormals have ulp 2^(emin - p + 1)) */
static long double ulp_of(long double y, int p, int emin)
{
    int e;
    if (y == 0 || isinf(y))
        return ldexpl(1.0L, emin - p + 1);
    e = ilogbl(y);
    if (e < emin)
        e = emin;
    return ldexpl(1.0L, e - p + 1);
}

static double ulp_err(long double got, long double ref, int p, int emin,
                      int emax)
{
    long double big = ldexpl(1.0L, emax + 1);
    if (isnan(ref) || isnan(got))
        return isnan(ref) && isnan(got) ? 0 : INFINITY;
    if (isinf(ref) && isinf(got))
        return signbit(ref) == signbit(got) ? 0 : INFINITY;
    if (isinf(got))
        got = copysignl(big, got);
    if (isinf(ref))
        ref = copysignl(big, ref);
    if (fabsl(ref) >= big)      /* reference beyond the format: rounds to Inf */
        ref = copysignl(big, ref);
    return (double)(fabsl(got - ref) / ulp_of(ref, p, emin));
}

static void record_d(stats *s, double x, double got, long double ref,
                     double lib)
{
    double e = ulp_err(got, ref, DBL_MANT_DIG, DBL_MIN_EXP - 1, DBL_MAX_EXP - 1);
    double el = ulp_err(got, lib, DBL_MANT_DIG, DBL_MIN_EXP - 1, DBL_MAX_EXP - 1);
    if (e > s->max_ulp) {
        s->max_ulp = e;
        s->at = x;
    }
    if (el > s->max_lib)
        s->max_lib = el;
    s->count++;
}

static void record_f(stats *s, float x, float got, double ref, float lib)
{
    double e = ulp_err(got, ref, FLT_MANT_DIG, FLT_MIN_EXP - 1, FLT_MAX_EXP - 1);
    double el = ulp_err(got, lib, FLT_MANT_DIG, FLT_MIN_EXP - 1, FLT_MAX_EXP - 1);
    if (e > s->max_ulp) {
        s->max_ulp = e;
        s->at = x;
    }
    if (el > s->max_lib)
        s->max_lib = el;
    s->count++;
}

static void report(stats *s)
{
    print_message("%-12s %9ld points: max %.3f ulp (at %.17g), %.3f ulp from libm; bound %g\n",
                  s->name, s->count, s->max_ulp, s->at, s->max_lib, s->bound);
    if (!(s->max_ulp <= s->bound))
        fail_msg("%s: %.3f ulp at %.17g exceeds %g", s->name, s->max_ulp,
                 s->at, s->bound);
}

/* ---- drivers ------------------------------------------------------- */

typedef double (*fun_d)(double);
typedef long double (*ref_d)(long double);
typedef float (*fun_f)(float);
typedef float (*lib_f)(float);
typedef double (*refd_f)(double);

static void one_d(stats *s, fun_d f, ref_d rf, fun_d lib, double x)
{
    record_d(s, x, f(x), rf((long double)x), lib(x));
}

static void one_f(stats *s, fun_f f, refd_f rf, lib_f lib, float x)
{
    record_f(s, x, f(x), rf((double)x), lib(x));
}

static const double specials_d[] = {
    0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, DBL_MIN, -DBL_MIN,
    DBL_TRUE_MIN, -DBL_TRUE_MIN, DBL_MAX, -DBL_MAX, DBL_EPSILON, -DBL_EPSILON,
    0x1p-1022 / 3, -0x1p-1030, 709.782712893384, 709.7827128933841,
    -708.39641853226408, -745.13321910194110, -745.1332191019412, -746.0,
    710.0, -40.0, -37.0, 36.0, 37.5, 56.0, 27.2, 26.5, 26.6, 27.3, 28.0,
    0.41421356237309503, 0.41421356237309509, -0.2928932188134524,
    -0.29289321881345243, 0.34657359027997264, -0.34657359027997264,
    1e-300, -1e-300, 1e300, -0.9999999999999999, 1e-8, -1e-8
};

static const float specials_f[] = {
    0.0f, -0.0f, 1.0f, -1.0f, 0.5f, -0.5f, FLT_MIN, -FLT_MIN, FLT_TRUE_MIN,
    -FLT_TRUE_MIN, FLT_MAX, -FLT_MAX, FLT_EPSILON, 88.72283f, 88.722839f,
    -87.33654f, -103.97208f, -103.972084f, -104.0f, 89.0f, -20.0f, -17.0f,
    10.0f, 10.05f, 10.1f, 11.0f, 0.41421356f, 0.41421357f, -0.29289321f,
    -0.29289323f, 1e-30f, -1e-30f, 1e30f, -0.99999994f, 1e-4f, -1e-4f
};

/* every class of argument: specials, random bits, sweeps over [a, b], a
 * log-uniform sweep over tiny..huge of both signs */
static void sweep_d(stats *s, fun_d f, ref_d rf, fun_d lib, double a,
                    double b, long n)
{
    size_t i;
    long j;
    for (i = 0; i < sizeof specials_d / sizeof specials_d[0]; i++)
        one_d(s, f, rf, lib, specials_d[i]);
    one_d(s, f, rf, lib, INFINITY);
    one_d(s, f, rf, lib, -INFINITY);
    one_d(s, f, rf, lib, NAN);
    for (j = 0; j < n; j++) {
        double x;
        uint64_t u = next();
        memcpy(&x, &u, sizeof x);
        one_d(s, f, rf, lib, x);                        /* any bit pattern */
        one_d(s, f, rf, lib, unif(a, b));               /* the main range */
        one_d(s, f, rf, lib, unif(-1, 1));
        x = logu(0x1p-1074, 1e300);
        one_d(s, f, rf, lib, (j & 1) ? -x : x);         /* tiny to huge */
        x = logu(1e-6, 1);
        one_d(s, f, rf, lib, (j & 1) ? -x : x);
    }
}

static void sweep_f(stats *s, fun_f f, refd_f rf, lib_f lib, float a,
                    float b, long n)
{
    size_t i;
    long j;
    uint64_t u;
    for (i = 0; i < sizeof specials_f / sizeof specials_f[0]; i++)
        one_f(s, f, rf, lib, specials_f[i]);
    one_f(s, f, rf, lib, INFINITY);
    one_f(s, f, rf, lib, -INFINITY);
    one_f(s, f, rf, lib, NAN);
    for (u = 0; u < (UINT64_C(1) << 32); u += 1024) {    /* every 1024th float */
        uint32_t b32 = (uint32_t)u + (uint32_t)(next() & 1023);
        float x;
        memcpy(&x, &b32, sizeof x);
        one_f(s, f, rf, lib, x);
    }
    for (j = 0; j < n; j++) {
        one_f(s, f, rf, lib, (float)unif(a, b));
        one_f(s, f, rf, lib, (float)unif(-1, 1));
    }
}

/* the wrappers give function pointers to the static inline functions */
static double v_exp_d(double x) { return vm_exp_d(x); }
static double v_expm1_d(double x) { return vm_expm1_d(x); }
static double v_log1p_d(double x) { return vm_log1p_d(x); }
static double v_erfc_d(double x) { return vm_erfc_d(x); }
static float v_exp_f(float x) { return vm_exp_f(x); }
static float v_expm1_f(float x) { return vm_expm1_f(x); }
static float v_log1p_f(float x) { return vm_log1p_f(x); }
static float v_erfc_f(float x) { return vm_erfc_f(x); }
static long double r_exp(long double x) { return expl(x); }
static long double r_expm1(long double x) { return expm1l(x); }
static long double r_log1p(long double x) { return log1pl(x); }
static long double r_erfc(long double x) { return erfcl(x); }
static double l_exp(double x) { return exp(x); }
static double l_expm1(double x) { return expm1(x); }
static double l_log1p(double x) { return log1p(x); }
static double l_erfc(double x) { return erfc(x); }
static float l_expf(float x) { return expf(x); }
static float l_expm1f(float x) { return expm1f(x); }
static float l_log1pf(float x) { return log1pf(x); }
static float l_erfcf(float x) { return erfcf(x); }

#define NPTS 400000L    /* x 5 kinds of points per double sweep */

static void test_exp_d(void **state)
{
    stats s = { "exp", 2, 0, 0, 0, 0 };
    (void)state;
    sweep_d(&s, v_exp_d, r_exp, l_exp, -746, 710, NPTS);
    sweep_d(&s, v_exp_d, r_exp, l_exp, -746, -700, NPTS / 4);  /* subnormal */
    sweep_d(&s, v_exp_d, r_exp, l_exp, 700, 710, NPTS / 4);    /* overflow */
    report(&s);
}

static void test_expm1_d(void **state)
{
    stats s = { "expm1", 2, 0, 0, 0, 0 };
    (void)state;
    sweep_d(&s, v_expm1_d, r_expm1, l_expm1, -40, 710, NPTS);
    sweep_d(&s, v_expm1_d, r_expm1, l_expm1, -3, 3, NPTS);
    sweep_d(&s, v_expm1_d, r_expm1, l_expm1, 30, 45, NPTS / 4);
    report(&s);
}

static void test_log1p_d(void **state)
{
    stats s = { "log1p", 2, 0, 0, 0, 0 };
    (void)state;
    sweep_d(&s, v_log1p_d, r_log1p, l_log1p, -1, 10, NPTS);
    sweep_d(&s, v_log1p_d, r_log1p, l_log1p, -1, -0.99, NPTS / 4);
    sweep_d(&s, v_log1p_d, r_log1p, l_log1p, 0, 1e6, NPTS / 4);
    report(&s);
}

static void test_erfc_d(void **state)
{
    stats s = { "erfc", 4, 0, 0, 0, 0 };
    (void)state;
    sweep_d(&s, v_erfc_d, r_erfc, l_erfc, -6, 28, NPTS);
    sweep_d(&s, v_erfc_d, r_erfc, l_erfc, 20, 28, NPTS / 4);  /* subnormal */
    report(&s);
}

static void test_exp_f(void **state)
{
    stats s = { "expf", 2, 0, 0, 0, 0 };
    (void)state;
    sweep_f(&s, v_exp_f, exp, l_expf, -104, 89, NPTS);
    report(&s);
}

static void test_expm1_f(void **state)
{
    stats s = { "expm1f", 2, 0, 0, 0, 0 };
    (void)state;
    sweep_f(&s, v_expm1_f, expm1, l_expm1f, -20, 89, NPTS);
    report(&s);
}

static void test_log1p_f(void **state)
{
    stats s = { "log1pf", 2, 0, 0, 0, 0 };
    (void)state;
    sweep_f(&s, v_log1p_f, log1p, l_log1pf, -1, 10, NPTS);
    report(&s);
}

static void test_erfc_f(void **state)
{
    stats s = { "erfcf", 4, 0, 0, 0, 0 };
    (void)state;
    sweep_f(&s, v_erfc_f, erfc, l_erfcf, -4, 11, NPTS);
    report(&s);
}

/* exact values at the special points */
static void test_specials(void **state)
{
    (void)state;
    assert_true(vm_exp_d(0.0) == 1 && vm_exp_f(-0.0f) == 1);
    assert_true(vm_exp_d(-INFINITY) == 0 && !signbit(vm_exp_d(-INFINITY)));
    assert_true(isinf(vm_exp_d(INFINITY)) && isinf(vm_exp_f(INFINITY)));
    assert_true(vm_exp_d(710) == INFINITY && vm_exp_f(89) == INFINITY);
    assert_true(vm_exp_d(-746) == 0 && vm_exp_f(-104) == 0);
    assert_true(vm_exp_d(-745.1) == DBL_TRUE_MIN);
    assert_true(isnan(vm_exp_d(NAN)) && isnan(vm_exp_f(NAN)));
    assert_true(vm_expm1_d(-0.0) == 0 && signbit(vm_expm1_d(-0.0)));
    assert_true(vm_expm1_f(-0.0f) == 0 && signbit(vm_expm1_f(-0.0f)));
    assert_true(vm_expm1_d(0.0) == 0 && !signbit(vm_expm1_d(0.0)));
    assert_true(vm_expm1_d(-INFINITY) == -1 && vm_expm1_f(-INFINITY) == -1);
    assert_true(vm_expm1_d(INFINITY) == INFINITY && vm_expm1_f(INFINITY) == INFINITY);
    assert_true(vm_expm1_d(DBL_TRUE_MIN) == DBL_TRUE_MIN);
    assert_true(vm_expm1_f(-FLT_TRUE_MIN) == -FLT_TRUE_MIN);
    assert_true(isnan(vm_expm1_d(NAN)) && isnan(vm_expm1_f(NAN)));
    assert_true(vm_log1p_d(-0.0) == 0 && signbit(vm_log1p_d(-0.0)));
    assert_true(vm_log1p_f(-0.0f) == 0 && signbit(vm_log1p_f(-0.0f)));
    assert_true(vm_log1p_d(-1) == -INFINITY && vm_log1p_f(-1) == -INFINITY);
    assert_true(isnan(vm_log1p_d(-1.5)) && isnan(vm_log1p_f(-INFINITY)));
    assert_true(vm_log1p_d(INFINITY) == INFINITY && vm_log1p_f(INFINITY) == INFINITY);
    assert_true(vm_log1p_d(-DBL_TRUE_MIN) == -DBL_TRUE_MIN);
    assert_true(isnan(vm_log1p_d(NAN)) && isnan(vm_log1p_f(NAN)));
    assert_true(vm_erfc_d(0.0) == 1 && vm_erfc_f(-0.0f) == 1);
    assert_true(vm_erfc_d(INFINITY) == 0 && vm_erfc_d(-INFINITY) == 2);
    assert_true(vm_erfc_f(INFINITY) == 0 && vm_erfc_f(-INFINITY) == 2);
    assert_true(vm_erfc_d(27.3) == 0 && vm_erfc_d(26.5) > 0);
    assert_true(isnan(vm_erfc_d(NAN)) && isnan(vm_erfc_f(NAN)));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_specials),
        cmocka_unit_test(test_exp_d),
        cmocka_unit_test(test_expm1_d),
        cmocka_unit_test(test_log1p_d),
        cmocka_unit_test(test_erfc_d),
        cmocka_unit_test(test_exp_f),
        cmocka_unit_test(test_expm1_f),
        cmocka_unit_test(test_log1p_f),
        cmocka_unit_test(test_erfc_f),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
