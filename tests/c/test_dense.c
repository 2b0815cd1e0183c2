/* Unit tests of lib/dense.c (cmocka). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <limits.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "nn.h"

/* Deterministic values in [-1, 1). */
static double val(nn_int i, int salt)
{
    return sin(0.7 * (double)i + 1.3 * salt) * cos(0.31 * (double)i * salt + 0.2);
}

static double *dfill(nn_int n, int salt)
{
    nn_int i;
    double *p = (double *)malloc((size_t)(n > 0 ? n : 1) * sizeof(double));
    assert_non_null(p);
    for (i = 0; i < n; i++)
        p[i] = val(i, salt);
    return p;
}

static float *sfrom(const double *d, nn_int n)
{
    nn_int i;
    float *p = (float *)malloc((size_t)(n > 0 ? n : 1) * sizeof(float));
    assert_non_null(p);
    for (i = 0; i < n; i++)
        p[i] = (float)d[i];
    return p;
}

/* |got - want| <= tol_ulps * eps * mag, the bound of a k-term dot product
 * computed in floating point (mag is the sum of absolute terms). */
static void near(double got, long double want, long double mag, double eps, int k)
{
    long double bound = (long double)(k + 2) * eps * mag + 1e-300L;
    if (!(fabsl((long double)got - want) <= bound))
        fail_msg("got %.17g, want %.17Lg (bound %.3Lg)", got, want, bound);
}

/* Forward and backward of every shape below against loops in long double,
 * in double and in float (float inputs are the double values rounded). */
static void check_shape(nn_int n, nn_int in, nn_int out, int with_b)
{
    double *X = dfill(n * in, 1), *W = dfill(out * in, 2), *b = dfill(out, 3);
    double *dY = dfill(n * out, 4);
    double *Y = dfill(n * out, 9), *dX = dfill(n * in, 9), *dW = dfill(out * in, 9),
           *db = dfill(out, 9);
    float *Xs = sfrom(X, n * in), *Ws = sfrom(W, out * in), *bs = sfrom(b, out),
          *dYs = sfrom(dY, n * out), *Ys = sfrom(Y, n * out), *dXs = sfrom(dX, n * in),
          *dWs = sfrom(dW, out * in), *dbs = sfrom(db, out);
    nn_int i, j, l;
    assert_int_equal(nn_dense_forward_d(n, in, out, X, W, with_b ? b : NULL, Y), NN_OK);
    assert_int_equal(nn_dense_forward_s(n, in, out, Xs, Ws, with_b ? bs : NULL, Ys), NN_OK);
    assert_int_equal(nn_dense_backward_d(n, in, out, X, W, dY, dX, dW, db), NN_OK);
    assert_int_equal(nn_dense_backward_s(n, in, out, Xs, Ws, dYs, dXs, dWs, dbs), NN_OK);
    for (i = 0; i < n; i++)
        for (j = 0; j < out; j++) {
            long double s = with_b ? b[j] : 0, m = fabsl(s), ss = with_b ? bs[j] : 0;
            long double ms = fabsl(ss);
            for (l = 0; l < in; l++) {
                s += (long double)X[i + l * n] * W[j + l * out];
                m += fabsl((long double)X[i + l * n] * W[j + l * out]);
                ss += (long double)Xs[i + l * n] * Ws[j + l * out];
                ms += fabsl((long double)Xs[i + l * n] * Ws[j + l * out]);
            }
            near(Y[i + j * n], s, m, DBL_EPSILON, (int)in);
            near(Ys[i + j * n], ss, ms, FLT_EPSILON, (int)in);
        }
    for (i = 0; i < n; i++)         /* dX = dY * W */
        for (l = 0; l < in; l++) {
            long double s = 0, m = 0, ss = 0, ms = 0;
            for (j = 0; j < out; j++) {
                s += (long double)dY[i + j * n] * W[j + l * out];
                m += fabsl((long double)dY[i + j * n] * W[j + l * out]);
                ss += (long double)dYs[i + j * n] * Ws[j + l * out];
                ms += fabsl((long double)dYs[i + j * n] * Ws[j + l * out]);
            }
            near(dX[i + l * n], s, m, DBL_EPSILON, (int)out);
            near(dXs[i + l * n], ss, ms, FLT_EPSILON, (int)out);
        }
    for (j = 0; j < out; j++)       /* dW = dY' * X, db = sum(dY, 1)' */
        for (l = 0; l < in; l++) {
            long double s = 0, m = 0, ss = 0, ms = 0;
            for (i = 0; i < n; i++) {
                s += (long double)dY[i + j * n] * X[i + l * n];
                m += fabsl((long double)dY[i + j * n] * X[i + l * n]);
                ss += (long double)dYs[i + j * n] * Xs[i + l * n];
                ms += fabsl((long double)dYs[i + j * n] * Xs[i + l * n]);
            }
            near(dW[j + l * out], s, m, DBL_EPSILON, (int)n);
            near(dWs[j + l * out], ss, ms, FLT_EPSILON, (int)n);
        }
    for (j = 0; j < out; j++) {
        long double s = 0, m = 0, ss = 0, ms = 0;
        for (i = 0; i < n; i++) {
            s += dY[i + j * n];
            m += fabsl((long double)dY[i + j * n]);
            ss += dYs[i + j * n];
            ms += fabsl((long double)dYs[i + j * n]);
        }
        near(db[j], s, m, DBL_EPSILON, (int)n);
        /* float sums are accumulated in double: within 1 float rounding */
        near(dbs[j], ss, fabsl(ss) + ms * 1e-9L, FLT_EPSILON, 0);
    }
    free(X); free(W); free(b); free(dY); free(Y); free(dX); free(dW); free(db);
    free(Xs); free(Ws); free(bs); free(dYs); free(Ys); free(dXs); free(dWs); free(dbs);
}

/* lib/dense.c's small product (nn_gemm in nn_real.h sends products of at
 * most NN_GEMM_SMALL multiply-adds to it) */
void nn_gemm_small_d(char ta, char tb, nn_int m, nn_int n, nn_int k,
                     const double *A, nn_int lda, const double *B, nn_int ldb,
                     double beta, double *C, nn_int ldc);

/* Every transpose, leading dimensions beyond the sizes, beta 0 (C not
 * read: NaN in it stays out) and 1: the ordered sums, bit for bit. */
static void test_gemm_small(void **state)
{
    enum { M = 3, N = 4, K = 5, LD = 7 };
    double A[LD * LD], B[LD * LD], C[LD * N], want;
    const char tr[2] = { 'N', 'T' };
    int ia, ib, i, j, l, beta;
    (void)state;
    for (i = 0; i < LD * LD; i++) {
        A[i] = sin(1.3 * i + 0.2);
        B[i] = cos(0.7 * i * i + 0.1);
    }
    for (ia = 0; ia < 2; ia++)
        for (ib = 0; ib < 2; ib++)
            for (beta = 0; beta < 2; beta++) {
                for (i = 0; i < LD * N; i++)
                    C[i] = beta ? 0.5 * i : NAN;
                nn_gemm_small_d(tr[ia], tr[ib], M, N, K, A, LD, B, LD, beta, C, LD);
                for (j = 0; j < N; j++)
                    for (i = 0; i < LD; i++) {
                        if (i >= M) {
                            /* rows beyond m untouched */
                            assert_true(beta ? C[i + j * LD] == 0.5 * (i + j * LD)
                                             : isnan(C[i + j * LD]));
                            continue;
                        }
                        want = 0;
                        for (l = 0; l < K; l++) {
                            double a = ia ? A[l + i * LD] : A[i + l * LD];
                            double b = ib ? B[j + l * LD] : B[l + j * LD];
                            want = l == 0 ? a * b : want + a * b;
                        }
                        if (beta)
                            want = 0.5 * (i + j * LD) + want;
                        assert_true(C[i + j * LD] == want);
                    }
            }
}

static void test_shapes(void **state)
{
    static const nn_int shapes[][3] = {
        { 1, 1, 1 }, { 1, 5, 3 }, { 7, 1, 3 }, { 7, 5, 1 }, { 1, 1, 9 },
        { 9, 1, 1 }, { 1, 9, 1 }, { 13, 17, 11 }, { 64, 33, 20 }, { 300, 7, 2 },
    };
    size_t t;
    (void)state;
    for (t = 0; t < sizeof shapes / sizeof shapes[0]; t++) {
        check_shape(shapes[t][0], shapes[t][1], shapes[t][2], 1);
        check_shape(shapes[t][0], shapes[t][1], shapes[t][2], 0);
    }
}

/* in = 0: Y = b' (or 0), dW is 0 x 0, dX = 0; n = 0: dW = 0, db = 0;
 * out = 0: dX = 0.  Outputs start as garbage (NaN) to see them written. */
static void test_empty(void **state)
{
    double b[3] = { 1, -2, 3 }, W[6] = { 1, 2, 3, 4, 5, 6 }, X[8], dY[12];
    double Y[12], dX[8], dW[6], db[3];
    float bs[3] = { 1, -2, 3 }, Ys[12];
    int i, j;
    (void)state;
    for (i = 0; i < 8; i++) X[i] = 1;
    for (i = 0; i < 12; i++) dY[i] = 1;

    /* in = 0 (k = 0 forward product) */
    for (i = 0; i < 12; i++) Y[i] = Ys[i] = NAN;
    assert_int_equal(nn_dense_forward_d(4, 0, 3, X, W, b, Y), NN_OK);
    assert_int_equal(nn_dense_forward_s(4, 0, 3, NULL, NULL, bs, Ys), NN_OK);
    for (j = 0; j < 3; j++)
        for (i = 0; i < 4; i++) {
            assert_true(Y[i + j * 4] == b[j]);
            assert_true(Ys[i + j * 4] == bs[j]);
        }
    for (i = 0; i < 12; i++) Y[i] = NAN;
    assert_int_equal(nn_dense_forward_d(4, 0, 3, X, W, NULL, Y), NN_OK);
    for (i = 0; i < 12; i++)
        assert_true(Y[i] == 0);
    for (i = 0; i < 3; i++) db[i] = NAN;
    assert_int_equal(nn_dense_backward_d(4, 0, 3, X, W, dY, dX, dW, db), NN_OK);
    for (i = 0; i < 3; i++)
        assert_true(db[i] == 4);

    /* n = 0: dW = dY' * X is a k = 0 product, zeros; db zeros */
    for (i = 0; i < 6; i++) dW[i] = NAN;
    for (i = 0; i < 3; i++) db[i] = NAN;
    assert_int_equal(nn_dense_backward_d(0, 2, 3, X, W, dY, dX, dW, db), NN_OK);
    for (i = 0; i < 6; i++)
        assert_true(dW[i] == 0);
    for (i = 0; i < 3; i++)
        assert_true(db[i] == 0);
    assert_int_equal(nn_dense_forward_d(0, 2, 3, X, W, b, Y), NN_OK);

    /* out = 0: dX = dY * W is a k = 0 product, zeros */
    for (i = 0; i < 8; i++) dX[i] = NAN;
    assert_int_equal(nn_dense_backward_d(4, 2, 0, X, W, dY, dX, dW, db), NN_OK);
    for (i = 0; i < 8; i++)
        assert_true(dX[i] == 0);

    /* every output is optional */
    assert_int_equal(nn_dense_backward_d(4, 2, 3, X, W, dY, NULL, NULL, NULL), NN_OK);
    for (i = 0; i < 3; i++) db[i] = NAN;
    assert_int_equal(nn_dense_backward_d(4, 2, 3, X, W, dY, NULL, NULL, db), NN_OK);
    for (i = 0; i < 3; i++)
        assert_true(db[i] == 4);
}

/* Sizes the BLAS integer cannot hold are NN_ETOOBIG before any memory is
 * touched (the pointers here are far too small); empty products of such
 * sizes need no BLAS and succeed.  Negative sizes are NN_EARG. */
static void test_sizes(void **state)
{
    double a[4] = { 0 }, c[4] = { 0 };
    float as[4] = { 0 }, cs[4] = { 0 };
    (void)state;
    if (sizeof(nn_blas_int) < sizeof(nn_int)) {
        nn_int big = (nn_int)INT_MAX + 1;
        assert_int_equal(nn_dense_forward_d(big, 1, 1, a, a, NULL, c), NN_ETOOBIG);
        assert_int_equal(nn_dense_forward_d(1, big, 1, a, a, NULL, c), NN_ETOOBIG);
        assert_int_equal(nn_dense_forward_s(1, 1, big, as, as, NULL, cs), NN_ETOOBIG);
        assert_int_equal(nn_dense_backward_d(big, 1, 1, a, a, a, c, c, c), NN_ETOOBIG);
        assert_int_equal(nn_dense_backward_s(1, 1, big, as, as, as, cs, cs, cs), NN_ETOOBIG);
        /* empty outputs: nothing to compute */
        assert_int_equal(nn_dense_forward_d(big, 1, 0, a, a, NULL, c), NN_OK);
        assert_int_equal(nn_dense_forward_d(0, big, 1, a, a, NULL, c), NN_OK);
        assert_int_equal(nn_dense_backward_d(big, 0, 0, a, a, a, c, c, c), NN_OK);
    }
    assert_int_equal(nn_dense_forward_d(-1, 1, 1, a, a, NULL, c), NN_EARG);
    assert_int_equal(nn_dense_forward_s(1, -1, 1, as, as, NULL, cs), NN_EARG);
    assert_int_equal(nn_dense_backward_d(1, 1, -1, a, a, a, c, c, c), NN_EARG);
}

/* Inf and NaN go through as BLAS propagates them. */
static void test_nonfinite(void **state)
{
    double X[2] = { INFINITY, 1 }, W[1] = { 2 }, b[1] = { NAN }, Y[2];
    (void)state;
    assert_int_equal(nn_dense_forward_d(2, 1, 1, X, W, NULL, Y), NN_OK);
    assert_true(isinf(Y[0]) && Y[1] == 2);
    assert_int_equal(nn_dense_forward_d(2, 1, 1, X, W, b, Y), NN_OK);
    assert_true(isnan(Y[0]) && isnan(Y[1]));
}

/* X given as a block of rows of a taller matrix (leading dimension ldx):
 * bit for bit the result of the same rows copied out; ldx < n refused. */
static void test_leading_dimension(void **state)
{
    enum { TALL = 9, N = 4, IN = 3, OUT = 2, R0 = 3 };
    double big[TALL * IN], X[N * IN], W[OUT * IN], b[OUT], dY[N * OUT];
    double Y1[N * OUT], Y2[N * OUT], dW1[OUT * IN], dW2[OUT * IN], db1[OUT], db2[OUT];
    double dX1[N * IN], dX2[N * IN];
    int i, j;
    (void)state;
    for (i = 0; i < TALL * IN; i++) big[i] = sin(0.7 * i + 0.3);
    for (i = 0; i < OUT * IN; i++) W[i] = cos(1.1 * i);
    for (i = 0; i < OUT; i++) b[i] = 0.1 * i - 0.05;
    for (i = 0; i < N * OUT; i++) dY[i] = sin(2.3 * i);
    for (i = 0; i < N; i++)
        for (j = 0; j < IN; j++)
            X[i + j * N] = big[R0 + i + j * TALL];
    assert_int_equal(nn_dense_forward_d(N, IN, OUT, X, W, b, Y1), NN_OK);
    assert_int_equal(nn_dense_forward_ld_d(N, IN, OUT, big + R0, TALL, W, b, Y2), NN_OK);
    assert_true(memcmp(Y1, Y2, sizeof Y1) == 0);
    assert_int_equal(nn_dense_backward_d(N, IN, OUT, X, W, dY, dX1, dW1, db1), NN_OK);
    assert_int_equal(nn_dense_backward_ld_d(N, IN, OUT, big + R0, TALL, W, dY, dX2, dW2, db2), NN_OK);
    assert_true(memcmp(dW1, dW2, sizeof dW1) == 0);
    assert_true(memcmp(db1, db2, sizeof db1) == 0);
    assert_true(memcmp(dX1, dX2, sizeof dX1) == 0);
    assert_int_equal(nn_dense_forward_ld_d(N, IN, OUT, big, N - 1, W, b, Y2), NN_EARG);
    assert_int_equal(nn_dense_backward_ld_d(N, IN, OUT, big, 0, W, dY, NULL, dW2, NULL), NN_EARG);
    /* n = 0 with ldx = 1 is fine */
    assert_int_equal(nn_dense_forward_ld_d(0, IN, OUT, big, 1, W, b, Y2), NN_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gemm_small),
        cmocka_unit_test(test_shapes),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_sizes),
        cmocka_unit_test(test_nonfinite),
        cmocka_unit_test(test_leading_dimension),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
