/* Unit tests of lib/dropout.c (cmocka). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "nn.h"

#define TWO53 9007199254740992.0

static double *dalloc(nn_int n)
{
    double *p = (double *)malloc((size_t)(n > 0 ? n : 1) * sizeof(double));
    assert_non_null(p);
    return p;
}

static float *salloc(nn_int n)
{
    float *p = (float *)malloc((size_t)(n > 0 ? n : 1) * sizeof(float));
    assert_non_null(p);
    return p;
}

/* The first output of SplitMix64 started at state 0 is 0xE220A8397B1DCDAF
 * (the published reference value).  Seed 0 gives key mix(0) = 0, so
 * element 0 uses exactly that word: with k0 = word >> 11 it is kept for
 * p = k0 / 2^53 and dropped for p = (k0 + 1) / 2^53. */
static void test_reference_bits(void **state)
{
    uint64_t k0 = UINT64_C(0xE220A8397B1DCDAF) >> 11;
    uint64_t k1 = UINT64_C(0x6E789E6AA1B965F4) >> 11;
    (void)state;
    assert_int_equal(nn_dropout_keep(0, (double)k0 / TWO53, 0), 1);
    assert_int_equal(nn_dropout_keep(0, (double)(k0 + 1) / TWO53, 0), 0);
    assert_int_equal(nn_dropout_keep(0, (double)k1 / TWO53, 1), 1);
    assert_int_equal(nn_dropout_keep(0, (double)(k1 + 1) / TWO53, 1), 0);
}

/* Masks computed by an independent implementation of the definition in
 * nn_dropout.h (Python integers), first 32 elements. */
static void test_golden_masks(void **state)
{
    static const struct { uint64_t seed; double p; const char *bits; } g[] = {
        { 0, 0.5, "10010001010111110101111011001110" },
        { 1, 0.5, "10010100011110010110001101101010" },
        { 42, 0.3, "10001000101110010001101111011001" },
        { UINT64_C(9007199254740991), 0.9, "00000100000000000000000010000000" },
    };
    size_t t;
    int i;
    (void)state;
    for (t = 0; t < sizeof g / sizeof g[0]; t++) {
        double X[32], Y[32], M[32];
        float Xs[32], Ys[32], Ms[32];
        for (i = 0; i < 32; i++) {
            X[i] = 1;
            Xs[i] = 1;
        }
        assert_int_equal(nn_dropout_forward_d(32, g[t].p, g[t].seed, X, Y, M), NN_OK);
        assert_int_equal(nn_dropout_forward_s(32, g[t].p, g[t].seed, Xs, Ys, Ms), NN_OK);
        for (i = 0; i < 32; i++) {
            int want = g[t].bits[i] == '1';
            assert_int_equal(nn_dropout_keep(g[t].seed, g[t].p, (uint64_t)i), want);
            assert_int_equal(M[i] != 0, want);
            assert_int_equal(Ms[i] != 0, want);
        }
    }
}

static void test_forward_values(void **state)
{
    const nn_int n = 1000;
    const double ps[] = { 0.1, 0.25, 0.5, 0.7, 0.99 };
    double *X = dalloc(n), *Y = dalloc(n), *M = dalloc(n), *Y2 = dalloc(n);
    float *Xs = salloc(n), *Ys = salloc(n), *Ms = salloc(n);
    nn_int i;
    size_t t;
    (void)state;
    for (i = 0; i < n; i++) {
        X[i] = sin((double)i) * 3;
        Xs[i] = (float)X[i];
    }
    for (t = 0; t < sizeof ps / sizeof ps[0]; t++) {
        double p = ps[t], s = 1.0 / (1.0 - p);
        float ss = 1.0f / (float)(1.0 - p);
        assert_true(nn_dropout_scale_d(p) == s);
        assert_true(nn_dropout_scale_s(p) == ss);
        assert_int_equal(nn_dropout_forward_d(n, p, 7, X, Y, M), NN_OK);
        assert_int_equal(nn_dropout_forward_s(n, p, 7, Xs, Ys, Ms), NN_OK);
        for (i = 0; i < n; i++) {
            assert_true(M[i] == 0 || M[i] == s);
            assert_true(Ms[i] == 0 || Ms[i] == ss);
            assert_true(Y[i] == X[i] * M[i]);
            assert_true(Ys[i] == Xs[i] * Ms[i]);
            assert_int_equal(M[i] != 0, Ms[i] != 0);
            assert_int_equal(M[i] != 0, nn_dropout_keep(7, p, (uint64_t)i));
        }
        /* without M the same Y */
        assert_int_equal(nn_dropout_forward_d(n, p, 7, X, Y2, NULL), NN_OK);
        assert_memory_equal(Y, Y2, (size_t)n * sizeof(double));
    }
    free(X); free(Y); free(M); free(Y2); free(Xs); free(Ys); free(Ms);
}

/* The keep rate of a large mask is within 6 standard deviations of 1 - p. */
static void test_keep_rate(void **state)
{
    const nn_int n = 1000000;
    const double ps[] = { 0.01, 0.2, 0.5, 0.8, 0.999 };
    double *X = dalloc(n), *Y = dalloc(n), *M = dalloc(n);
    nn_int i, kept;
    size_t t;
    (void)state;
    for (i = 0; i < n; i++)
        X[i] = 1;
    for (t = 0; t < sizeof ps / sizeof ps[0]; t++) {
        double p = ps[t], sd = sqrt(p * (1 - p) / (double)n), rate;
        assert_int_equal(nn_dropout_forward_d(n, p, 1000 + t, X, Y, M), NN_OK);
        for (kept = 0, i = 0; i < n; i++)
            kept += M[i] != 0;
        rate = (double)kept / (double)n;
        assert_true(fabs(rate - (1 - p)) < 6 * sd);
    }
    free(X); free(Y); free(M);
}

/* Neighbouring elements and neighbouring seeds are not correlated: the
 * agreement of two masks with p = 0.5 is near 1/2. */
static void test_independence(void **state)
{
    const nn_int n = 200000;
    double *X = dalloc(n), *A = dalloc(n), *B = dalloc(n), *Y = dalloc(n);
    double sd = 0.5 / sqrt((double)n);
    nn_int i, same;
    (void)state;
    for (i = 0; i < n; i++)
        X[i] = 1;
    nn_dropout_forward_d(n, 0.5, 5, X, Y, A);
    nn_dropout_forward_d(n, 0.5, 6, X, Y, B);
    for (same = 0, i = 0; i < n; i++)
        same += (A[i] != 0) == (B[i] != 0);
    assert_true(fabs((double)same / (double)n - 0.5) < 6 * sd);
    for (same = 0, i = 1; i < n; i++)
        same += (A[i] != 0) == (A[i - 1] != 0);
    assert_true(fabs((double)same / (double)(n - 1) - 0.5) < 6 * sd);
    /* the same seed again: the same mask */
    nn_dropout_forward_d(n, 0.5, 5, X, Y, B);
    assert_memory_equal(A, B, (size_t)n * sizeof(double));
    free(X); free(A); free(B); free(Y);
}

static void test_p_edges(void **state)
{
    double X[4] = { 1, INFINITY, NAN, -2 }, Y[4], M[4];
    float Xs[4] = { 1, INFINITY, NAN, -2 }, Ys[4], Ms[4];
    int i;
    (void)state;
    assert_int_equal(nn_dropout_forward_d(4, 0, 3, X, Y, M), NN_OK);
    assert_memory_equal(X, Y, sizeof X);
    for (i = 0; i < 4; i++)
        assert_true(M[i] == 1);
    assert_int_equal(nn_dropout_forward_s(4, 0, 3, Xs, Ys, Ms), NN_OK);
    assert_memory_equal(Xs, Ys, sizeof Xs);
    /* p = 1: X * 0, so Inf and NaN give NaN (as PyTorch) */
    assert_int_equal(nn_dropout_forward_d(4, 1, 3, X, Y, M), NN_OK);
    assert_true(Y[0] == 0 && isnan(Y[1]) && isnan(Y[2]) && Y[3] == 0 && signbit(Y[3]));
    for (i = 0; i < 4; i++)
        assert_true(M[i] == 0);
    assert_int_equal(nn_dropout_forward_s(4, 1, 3, Xs, Ys, Ms), NN_OK);
    assert_true(Ys[0] == 0 && isnan(Ys[1]) && isnan(Ys[2]) && Ys[3] == 0);
    assert_true(isinf(nn_dropout_scale_d(1)));
    /* empty */
    assert_int_equal(nn_dropout_forward_d(0, 0.5, 3, X, Y, M), NN_OK);
    /* bad arguments */
    assert_int_equal(nn_dropout_forward_d(4, -0.1, 3, X, Y, M), NN_EARG);
    assert_int_equal(nn_dropout_forward_d(4, 1.1, 3, X, Y, M), NN_EARG);
    assert_int_equal(nn_dropout_forward_d(4, NAN, 3, X, Y, M), NN_EARG);
    assert_int_equal(nn_dropout_forward_s(-1, 0.5, 3, Xs, Ys, Ms), NN_EARG);
    /* a tiny p drops (almost) nothing, p just below 1 keeps (almost) nothing */
    assert_int_equal(nn_dropout_keep(3, 1e-300, 0), 1);
    assert_int_equal(nn_dropout_keep(3, 1, 0), 0);
}

static void test_backward(void **state)
{
    const nn_int n = 500;
    double *X = dalloc(n), *Y = dalloc(n), *M = dalloc(n), *dY = dalloc(n), *dX = dalloc(n);
    float *Ms = salloc(n), *dYs = salloc(n), *dXs = salloc(n), *Xs = salloc(n), *Ys = salloc(n);
    nn_int i, bad = -1;
    (void)state;
    for (i = 0; i < n; i++) {
        X[i] = Xs[i] = 1;
        dY[i] = cos((double)i);
        dYs[i] = (float)dY[i];
    }
    nn_dropout_forward_d(n, 0.4, 11, X, Y, M);
    nn_dropout_forward_s(n, 0.4, 11, Xs, Ys, Ms);
    assert_int_equal(nn_dropout_backward_d(n, 0.4, dY, M, dX, &bad), NN_OK);
    assert_int_equal(nn_dropout_backward_s(n, 0.4, dYs, Ms, dXs, &bad), NN_OK);
    for (i = 0; i < n; i++) {
        assert_true(dX[i] == dY[i] * M[i]);
        assert_true(dXs[i] == dYs[i] * Ms[i]);
    }
    /* a mask computed in double as 1/(1-p) and rounded to float is accepted */
    for (i = 0; i < n; i++)
        Ms[i] = M[i] == 0 ? 0.0f : (float)(1.0 / (1.0 - 0.4));
    assert_int_equal(nn_dropout_backward_s(n, 0.4, dYs, Ms, dXs, NULL), NN_OK);
    /* bad values: reported with the first bad index */
    M[17] = 1;
    M[30] = -1;
    assert_int_equal(nn_dropout_backward_d(n, 0.4, dY, M, dX, &bad), NN_EVALUE);
    assert_int_equal(bad, 17);
    M[17] = NAN;
    assert_int_equal(nn_dropout_backward_d(n, 0.4, dY, M, dX, &bad), NN_EVALUE);
    assert_int_equal(bad, 17);
    /* p = 1: only zeros; p = 0: only ones */
    for (i = 0; i < n; i++)
        M[i] = 0;
    assert_int_equal(nn_dropout_backward_d(n, 1, dY, M, dX, &bad), NN_OK);
    for (i = 0; i < n; i++)
        assert_true(dX[i] == 0);
    M[3] = INFINITY;
    assert_int_equal(nn_dropout_backward_d(n, 1, dY, M, dX, &bad), NN_EVALUE);
    assert_int_equal(bad, 3);
    for (i = 0; i < n; i++)
        M[i] = 1;
    assert_int_equal(nn_dropout_backward_d(n, 0, dY, M, dX, NULL), NN_OK);
    assert_memory_equal(dX, dY, (size_t)n * sizeof(double));
    assert_int_equal(nn_dropout_backward_d(n, 0.5, dY, M, dX, NULL), NN_EVALUE);
    M[5] = 0;
    assert_int_equal(nn_dropout_backward_d(n, 0, dY, M, dX, &bad), NN_EVALUE);
    assert_int_equal(bad, 5);
    assert_int_equal(nn_dropout_backward_d(n, NAN, dY, M, dX, NULL), NN_EARG);
    assert_int_equal(nn_dropout_backward_d(-2, 0.5, dY, M, dX, NULL), NN_EARG);
    free(X); free(Y); free(M); free(dY); free(dX);
    free(Ms); free(dYs); free(dXs); free(Xs); free(Ys);
}

static void test_options(void **state)
{
    nn_dropout_opts o;
    char msg[256];
    double v;
    (void)state;
    nn_dropout_defaults(&o);
    assert_int_equal(o.has_seed, 0);
    v = 123;
    assert_int_equal(nn_dropout_option(&o, "seed", &v, 1, NULL, msg, sizeof msg), NN_OK);
    assert_int_equal(o.has_seed, 1);
    assert_true(o.seed == 123);
    v = TWO53 - 1;
    assert_int_equal(nn_dropout_option(&o, "seed", &v, 1, NULL, msg, sizeof msg), NN_OK);
    assert_true(o.seed == UINT64_C(9007199254740991));
    v = 0;
    assert_int_equal(nn_dropout_option(&o, "seed", &v, 1, NULL, msg, sizeof msg), NN_OK);
    assert_true(o.seed == 0);
    {
        const double bad[] = { -1, 0.5, TWO53, 1e300, INFINITY, NAN };
        size_t i;
        for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
            msg[0] = '\0';
            assert_int_equal(nn_dropout_option(&o, "seed", &bad[i], 1, NULL, msg,
                                               sizeof msg), NN_EVALUE);
            assert_true(strlen(msg) > 0);
        }
    }
    assert_int_equal(nn_dropout_option(&o, "seed", NULL, 0, "abc", msg, sizeof msg), NN_EVALUE);
    v = 1;
    assert_int_equal(nn_dropout_option(&o, "seed", &v, 0, NULL, msg, sizeof msg), NN_EVALUE);
    assert_int_equal(nn_dropout_option(&o, "seeds", &v, 1, NULL, msg, sizeof msg), NN_ENAME);
    assert_non_null(strstr(msg, "seeds"));
    assert_int_equal(nn_dropout_option(&o, NULL, &v, 1, NULL, NULL, 0), NN_ENAME);
    assert_int_equal(nn_dropout_check_p(0, NULL, 0), NN_OK);
    assert_int_equal(nn_dropout_check_p(1, NULL, 0), NN_OK);
    assert_int_equal(nn_dropout_check_p(-0.0, NULL, 0), NN_OK);
    assert_int_equal(nn_dropout_check_p(1 + 1e-15, msg, sizeof msg), NN_EARG);
    assert_int_equal(nn_dropout_check_p(NAN, msg, sizeof msg), NN_EARG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reference_bits),
        cmocka_unit_test(test_golden_masks),
        cmocka_unit_test(test_forward_values),
        cmocka_unit_test(test_keep_rate),
        cmocka_unit_test(test_independence),
        cmocka_unit_test(test_p_edges),
        cmocka_unit_test(test_backward),
        cmocka_unit_test(test_options),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
