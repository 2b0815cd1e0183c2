/* Accuracy of the functions of lib/vmath.h that tests/c/test_vmath.c does
 * not cover, those written for act.c's kernels (cmocka), on millions of
 * points each:
 *   vm_log1p_unit_d, _f (softplus: log1p on [0, 1], a polynomial)  3 and
 *     2 ulp;
 *   vm_exp_neg_d, _f (exp for x <= 0)  the bits of vm_exp;
 *   vm_expm1_neg_d, _f (tanh, elu: expm1 for x <= 0)  2 ulp, as vm_expm1;
 *   vm_phi_d (gelu: Phi(x))  12 ulp of the value at x itself;
 *     vm_gelu_grad_d (gelu')  12 ulp of its larger term;
 *   vm_phi_fast_f (Phi in float arithmetic, gelu's single forward)
 *     8 ulp beyond the x^2/2 of its once-rounded exponent: every 16th
 *     float in [-15, 15] (every 4096th below 2^-10); vm_gelu_grad_f
 *     (gelu' in float arithmetic, gelu's single backward) 12 ulp beyond
 *     x^2/2 on the same floats and densely around its root near -0.75.
 * References: long double (double functions) or double (float functions)
 * C library results; errors in ulps of the correctly rounded result
 * (subnormal ulp below the normal range); and the special values. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "vmath.h"

/* ulp of a float near y (> 0) */
static double ulp_f(double y)
{
    int e;
    double u;
    if (y == 0)
        return 0x1p-149;
    frexp(y, &e);
    u = ldexp(1.0, e - 24);
    return u < 0x1p-149 ? 0x1p-149 : u;
}

/* ulp of a double near y (> 0) */
static double ulp_d(double y)
{
    int e;
    if (y == 0)
        return 0x1p-1074;
    frexp(y, &e);
    return ldexp(1.0, e - 53);
}

static uint64_t rng = 88172645463325252ULL;

static double unif01(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (double)(rng >> 11) * 0x1p-53;
}

static void test_log1p_unit(void **state)
{
    double worst = 0, at = 0, worstf = 0, atf = 0;
    long i;
    (void)state;
    for (i = 0; i < 3000000; i++) {
        /* uniform on [0, 1], log-uniform near 0, and near sqrt(2) - 1
         * (where an earlier form switched) */
        double x = i % 3 == 0 ? unif01()
                 : i % 3 == 1 ? exp2(-60.0 * unif01())
                 : 0.41421356237309503 + 1e-6 * (unif01() - 0.5);
        double ref = (double)log1pl((long double)x), got = vm_log1p_unit_d(x);
        double e = fabs(got - ref) / ulp_d(ref);
        float xf = (float)x;
        double reff = log1p((double)xf), gotf = vm_log1p_unit_f(xf);
        double ef = fabs(gotf - reff) / ulp_f(reff);
        if (e > worst) { worst = e; at = x; }
        if (ef > worstf) { worstf = ef; atf = xf; }
    }
    printf("log1p_unit_d   3000000 points: max %.3f ulp (at %.17g); bound 3\n",
           worst, at);
    printf("log1p_unit_f   3000000 points: max %.3f ulp (at %.9g); bound 2\n",
           worstf, atf);
    if (!(worst <= 3.0))
        fail_msg("vm_log1p_unit_d: %.3f ulp at %.17g exceeds 3", worst, at);
    if (!(worstf <= 2.0))
        fail_msg("vm_log1p_unit_f: %.3f ulp at %.9g exceeds 2", worstf, atf);
    assert_true(vm_log1p_unit_d(0.0) == 0.0 && vm_log1p_unit_f(0.0f) == 0.0f);
    assert_true(vm_log1p_unit_d(1.0) == log(2.0));
    assert_true(vm_log1p_unit_f(1.0f) == logf(2.0f));
    assert_true(isnan(vm_log1p_unit_d(NAN)) && isnan(vm_log1p_unit_f(NAN)));
}

/* vm_phi_d (gelu): Phi(x) = erfc(-x/sqrt(2))/2 against long double, of x
 * itself: within 12 ulp (G's polynomial and its roundings, the rounding
 * of x/sqrt(2) in G's argument; the one form for all x costs 3 ulp of the
 * earlier 5).  vm_gelu_grad_d: Phi(x) + x phi(x) within 12 ulp of the
 * larger of its two terms (the sum cancels near x = -0.75, where its own
 * relative error grows as in any double formula of it). */
static void test_phi(void **state)
{
    double wp = 0, atp = 0, wg = 0, atg = 0;
    long i;
    (void)state;
    for (i = 0; i < 2000000; i++) {
        double x = i % 2 ? -40.0 + 50.0 * unif01() : -3.0 + 6.0 * unif01();
        long double xl = x;
        long double pl = erfcl(-xl / sqrtl(2.0L)) / 2.0L;
        long double ql = xl * expl(-xl * xl / 2.0L) /
                         sqrtl(2.0L * 3.14159265358979323846264338327950288L);
        double pref = (double)pl, gref = (double)(pl + ql);
        double scale = (double)(fabsl(pl) > fabsl(ql) ? fabsl(pl) : fabsl(ql));
        double p = vm_phi_d(x), g = vm_gelu_grad_d(x), e1, e2;
        e1 = pref > 0x1p-1022 ? fabs(p - pref) / ulp_d(pref) : 0;
        e2 = scale > 0x1p-1022 ? fabs(g - gref) / ulp_d(scale) : 0;
        if (e1 > wp) { wp = e1; atp = x; }
        if (e2 > wg) { wg = e2; atg = x; }
    }
    printf("phi_d          2000000 points: Phi max %.3f ulp (at %.17g), "
           "gelu' max %.3f ulp of its larger term (at %.17g); bounds 12, "
           "12\n", wp, atp, wg, atg);
    if (!(wp <= 12.0 && wg <= 12.0))
        fail_msg("vm_phi_d / vm_gelu_grad_d: %.3f / %.3f ulp exceeds 12",
                 wp, wg);
    assert_true(vm_phi_d(-INFINITY) == 0.0 && vm_phi_d(INFINITY) == 1.0);
    assert_true(vm_phi_d(0.0) == 0.5 && isnan(vm_phi_d(NAN)));
    assert_true(vm_phi_d(-38.0) > 0.0 && vm_phi_d(-38.0) < 1e-300);
    assert_true(vm_gelu_grad_d(-INFINITY) == 0.0);
    assert_true(vm_gelu_grad_d(INFINITY) == 1.0);
    assert_true(vm_gelu_grad_d(0.0) == 0.5 && isnan(vm_gelu_grad_d(NAN)));
}

/* vm_exp_neg_d and _f (exp for x <= 0): the bits of vm_exp, whose steps
 * they are, on [-800, 0] and at the ends */
static void test_exp_neg(void **state)
{
    long i;
    (void)state;
    for (i = 0; i < 3000000; i++) {
        double x = i % 2 ? -800.0 * unif01() : -exp2(-60.0 * unif01());
        float xf = (float)(i % 2 ? x / 7 : x);
        assert_true(vm_exp_neg_d(x) == vm_exp_d(x));
        assert_true(vm_exp_neg_f(xf) == vm_exp_f(xf));
    }
    assert_true(vm_exp_neg_d(0.0) == 1.0 && vm_exp_neg_f(-0.0f) == 1.0f);
    assert_true(vm_exp_neg_d(-INFINITY) == 0.0 && vm_exp_neg_f(-INFINITY) == 0.0f);
    assert_true(isnan(vm_exp_neg_d(NAN)) && isnan(vm_exp_neg_f(NAN)));
    assert_true(vm_exp_neg_d(-745.0) > 0.0 && vm_exp_neg_f(-103.0f) > 0.0f);
}

/* vm_expm1_neg_d and _f (tanh, elu) on [-45, 0]: 2 ulp, as vm_expm1 */
static void test_expm1_neg(void **state)
{
    double wd = 0, atd = 0, wf = 0, atf = 0;
    long i;
    (void)state;
    for (i = 0; i < 3000000; i++) {
        double x = i % 2 ? -45.0 * unif01() : -exp2(-60.0 * unif01());
        double ref = (double)expm1l((long double)x), got = vm_expm1_neg_d(x);
        float xf = (float)x;
        double reff = expm1((double)xf), gotf = vm_expm1_neg_f(xf);
        double e = fabs(got - ref) / ulp_d(fabs(ref));
        double ef = fabs(gotf - reff) / ulp_f(fabs(reff));
        if (e > wd) { wd = e; atd = x; }
        if (ef > wf) { wf = ef; atf = xf; }
    }
    printf("expm1_neg_d    3000000 points: max %.3f ulp (at %.17g); bound 2\n",
           wd, atd);
    printf("expm1_neg_f    3000000 points: max %.3f ulp (at %.9g); bound 2\n",
           wf, atf);
    if (!(wd <= 2.0 && wf <= 2.0))
        fail_msg("vm_expm1_neg: %.3f / %.3f ulp exceeds 2", wd, wf);
    assert_true(vm_expm1_neg_d(0.0) == 0.0 && !signbit(vm_expm1_neg_d(0.0)));
    assert_true(vm_expm1_neg_d(-0.0) == 0.0 && signbit(vm_expm1_neg_d(-0.0)));
    assert_true(signbit(vm_expm1_neg_f(-0.0f)));
    assert_true(vm_expm1_neg_d(-INFINITY) == -1.0);
    assert_true(vm_expm1_neg_f(-INFINITY) == -1.0f);
    assert_true(isnan(vm_expm1_neg_d(NAN)) && isnan(vm_expm1_neg_f(NAN)));
}

/* The float sweep of vm_phi_fast_f and vm_gelu_grad_f: floats of both
 * signs up to 15 in magnitude (every 16th bit pattern from 2^-10 on, every
 * 4096th below) and the `dense` floats within 1e-2 of `at0`; the largest
 * error in ulps of the reference beyond the x^2/2 that the once-rounded
 * exponent may cost.  Returns it, with its place and the point count. */
static double float_sweep(float (*f)(float), double (*ref)(float),
                          long dense, float at0, double *at, long *count)
{
    double worst = 0;
    uint32_t u, end = UINT32_C(0x41700000);
    *at = 0;
    *count = 0;
    for (u = 0; u <= end + (uint32_t)dense; u++) {
        float x;
        int s;
        if (u <= end) {
            if ((u & (u >= UINT32_C(0x3a800000) ? 15 : 4095)) != 0)
                continue;
            memcpy(&x, &u, sizeof x);
        } else {
            x = at0 + 1e-2f * ((float)(long)(u - end) / (float)dense * 2 - 1);
        }
        for (s = 0; s < 2; s++) {
            float xs = s ? -x : x;
            double r = ref(xs), e = fabs(f(xs) - r) / ulp_f(fabs(r)) -
                                    0.5 * (double)xs * xs;
            ++*count;
            if (e > worst) {
                worst = e;
                *at = xs;
            }
        }
    }
    return worst;
}

static double phi_ref(float x)
{
    long double xl = x;
    return (double)(erfcl(-xl / sqrtl(2.0L)) / 2.0L);
}

static double gelu_grad_ref(float x)
{
    long double xl = x;
    return (double)(erfcl(-xl / sqrtl(2.0L)) / 2.0L +
                    xl * expl(-xl * xl / 2.0L) /
                    sqrtl(2.0L * 3.14159265358979323846264338327950288L));
}

/* vm_phi_fast_f: 8 ulp beyond x^2/2 */
static void test_phi_fast_f(void **state)
{
    double at, worst;
    long count;
    (void)state;
    worst = float_sweep(vm_phi_fast_f, phi_ref, 0, 0.0f, &at, &count);
    printf("phi_fast_f     %ld points: max %.3f ulp beyond x^2/2 (at %.9g); "
           "bound 8\n", count, worst, at);
    if (!(worst <= 8.0))
        fail_msg("vm_phi_fast_f: %.3f ulp beyond x^2/2 at %.9g exceeds 8",
                 worst, at);
    assert_true(vm_phi_fast_f(INFINITY) == 1.0f);
    assert_true(vm_phi_fast_f(-INFINITY) == 0.0f);
    assert_true(vm_phi_fast_f(0.0f) == 0.5f);
    assert_true(vm_phi_fast_f(-0.0f) == 0.5f);
    assert_true(isnan(vm_phi_fast_f(NAN)));
    assert_true(vm_phi_fast_f(-14.5f) == 0.0f);
    assert_true(vm_phi_fast_f(-13.0f) > 0.0f);
    assert_true(vm_phi_fast_f(6.0f) == 1.0f);
}

/* vm_gelu_grad_f, gelu'(x) = Phi(x) + x phi(x), also densely around its
 * root near -0.75: 12 ulp beyond x^2/2 (vm_phi_fast_f's 8, and W's terms
 * cancel by up to half elsewhere) */
static void test_gelu_grad_f(void **state)
{
    double at, worst;
    long count;
    (void)state;
    worst = float_sweep(vm_gelu_grad_f, gelu_grad_ref, 2000000, -0.7517915f,
                        &at, &count);
    printf("gelu_grad_f    %ld points: max %.3f ulp beyond x^2/2 (at %.9g); "
           "bound 12\n", count, worst, at);
    if (!(worst <= 12.0))
        fail_msg("vm_gelu_grad_f: %.3f ulp beyond x^2/2 at %.9g exceeds 12",
                 worst, at);
    assert_true(vm_gelu_grad_f(INFINITY) == 1.0f);
    assert_true(vm_gelu_grad_f(-INFINITY) == 0.0f);
    assert_true(vm_gelu_grad_f(0.0f) == 0.5f);
    assert_true(isnan(vm_gelu_grad_f(NAN)));
    assert_true(vm_gelu_grad_f(-16.0f) == 0.0f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_log1p_unit),
        cmocka_unit_test(test_phi),
        cmocka_unit_test(test_exp_neg),
        cmocka_unit_test(test_expm1_neg),
        cmocka_unit_test(test_phi_fast_f),
        cmocka_unit_test(test_gelu_grad_f),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
