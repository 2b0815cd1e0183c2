/* Unit tests of lib/jacobian.c (cmocka): the Jacobian of a 2-3-2 network
 * against central differences, the Gauss-Newton pair against J'J and J'e,
 * the damped solve (Cholesky and its QR fall-back), the size checks. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "nn.h"
#include "nn_jacobian.h"

#define N 5
#define P 17                 /* 3*(2+1) + 2*(3+1) */

static const nn_int sizes[3] = {2, 3, 2};

static double val(int i, int salt)
{
    return sin(0.7 * i + 1.3 * salt) * cos(0.31 * i * salt + 0.2);
}

/* theta in nn_unroll's order: [b1; W1(:); b2; W2(:)] */
static void split(double *th, const double **W, const double **b)
{
    b[0] = th;
    W[0] = th + 3;
    b[1] = th + 9;
    W[1] = th + 11;
}

static void outputs(double *th, const int *acts, const double *X, double *Y)
{
    const double *W[2], *b[2];
    split(th, W, b);
    assert_int_equal(nn_jacobian_d(2, sizes, W, b, acts, N, X, Y, NULL), NN_OK);
}

static void test_central_differences(void **state)
{
    int acts[2] = {NN_ACT_TANH, NN_ACT_SIGMOID}, p, r, a;
    double th[P], X[N * 2], J[N * 2 * P], Y[N * 2], Yp[N * 2], Ym[N * 2];
    const double *W[2], *b[2];
    (void)state;
    for (a = 0; a < 2; a++) {
        if (a == 1) {
            acts[0] = NN_ACT_SOFTPLUS;
            acts[1] = NN_ACT_SOFTMAX;      /* row-wise: the vector-Jacobian products */
        }
        for (p = 0; p < P; p++)
            th[p] = val(p, 3);
        for (r = 0; r < N * 2; r++)
            X[r] = val(r, 5);
        split(th, W, b);
        assert_int_equal(nn_jacobian_d(2, sizes, W, b, acts, N, X, Y, J), NN_OK);
        for (p = 0; p < P; p++) {
            double h = 1e-6, keep = th[p];
            th[p] = keep + h;
            outputs(th, acts, X, Yp);
            th[p] = keep - h;
            outputs(th, acts, X, Ym);
            th[p] = keep;
            for (r = 0; r < N * 2; r++)
                assert_true(fabs(J[r + p * N * 2] - (Yp[r] - Ym[r]) / (2 * h)) < 1e-8);
        }
    }
}

static void test_gauss_newton(void **state)
{
    int acts[2] = {NN_ACT_TANH, NN_ACT_LINEAR}, p, q, r;
    double th[P], X[N * 2], T[N * 2], J[N * 2 * P], Y[N * 2], JJ[P * P], Je[P], sse, e2 = 0;
    const double *W[2], *b[2];
    (void)state;
    for (p = 0; p < P; p++)
        th[p] = val(p, 7);
    for (r = 0; r < N * 2; r++) {
        X[r] = val(r, 2);
        T[r] = val(r, 9);
    }
    split(th, W, b);
    assert_int_equal(nn_jacobian_d(2, sizes, W, b, acts, N, X, Y, J), NN_OK);
    assert_int_equal(nn_gauss_newton_d(2, sizes, W, b, acts, N, X, T, JJ, Je, &sse), NN_OK);
    for (r = 0; r < N * 2; r++)
        e2 += (Y[r] - T[r]) * (Y[r] - T[r]);
    assert_true(fabs(sse - e2) < 1e-12);
    for (p = 0; p < P; p++) {
        double s = 0;
        for (r = 0; r < N * 2; r++)
            s += J[r + p * N * 2] * (Y[r] - T[r]);
        assert_true(fabs(Je[p] - s) < 1e-12);
        for (q = 0; q < P; q++) {
            double t = 0;
            for (r = 0; r < N * 2; r++)
                t += J[r + p * N * 2] * J[r + q * N * 2];
            assert_true(fabs(JJ[p + q * P] - t) < 1e-12);
        }
    }
}

static void test_solve(void **state)
{
    double A[9] = {4, 1, 0, 1, 3, 1, 0, 1, 2}, g[3] = {1, 2, 3}, x[3], B[9];
    float As[9], gs[3], xs[3];
    int how = 0, i;
    (void)state;
    assert_int_equal(nn_lm_solve_d(3, A, g, 0.5, x, &how), NN_OK);
    assert_int_equal(how, 1);
    /* (A + 0.5 I) x = g */
    for (i = 0; i < 3; i++)
        assert_true(fabs((A[i] + (i == 0) * 0.5) * x[0] + (A[i + 3] + (i == 1) * 0.5) * x[1] +
                         (A[i + 6] + (i == 2) * 0.5) * x[2] - g[i]) < 1e-12);
    /* negative definite: QR */
    for (i = 0; i < 9; i++)
        B[i] = -A[i];
    assert_int_equal(nn_lm_solve_d(3, B, g, 0, x, &how), NN_OK);
    assert_int_equal(how, 2);
    for (i = 0; i < 3; i++)
        assert_true(fabs(B[i] * x[0] + B[i + 3] * x[1] + B[i + 6] * x[2] - g[i]) < 1e-12);
    for (i = 0; i < 9; i++)
        As[i] = (float)A[i];
    for (i = 0; i < 3; i++)
        gs[i] = (float)g[i];
    assert_int_equal(nn_lm_solve_s(3, As, gs, 0.5, xs, &how), NN_OK);
    assert_int_equal(how, 1);
    /* a zero matrix with mu 0: gels returns the zero step, not garbage */
    memset(B, 0, sizeof B);
    assert_int_equal(nn_lm_solve_d(3, B, g, 0, x, &how), NN_OK);
    assert_int_equal(how, 2);
    for (i = 0; i < 3; i++)
        assert_true(x[i] == 0);
    assert_int_equal(nn_lm_solve_d(3, A, g, -1, x, &how), NN_EARG);
}

static void test_sizes(void **state)
{
    int acts[2] = {NN_ACT_TANH, 99};
    nn_int bad[3] = {2, 0, 2};
    double th[P] = {0}, X[N * 2] = {0}, J[N * 2 * P];
    const double *W[2], *b[2];
    (void)state;
    split(th, W, b);
    assert_int_equal(nn_jacobian_d(2, sizes, W, b, acts, N, X, NULL, J), NN_EARG);
    acts[1] = NN_ACT_LINEAR;
    assert_int_equal(nn_jacobian_d(2, bad, W, b, acts, N, X, NULL, J), NN_EARG);
    assert_int_equal(nn_jacobian_d(0, sizes, W, b, acts, N, X, NULL, J), NN_EARG);
    assert_int_equal(nn_jacobian_d(2, sizes, W, b, acts, -1, X, NULL, J), NN_EARG);
    assert_int_equal(nn_jacobian_d(2, sizes, W, b, acts, 0, X, NULL, J), NN_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_central_differences),
        cmocka_unit_test(test_gauss_newton),
        cmocka_unit_test(test_solve),
        cmocka_unit_test(test_sizes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
