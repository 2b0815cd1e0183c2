/* Unit tests of lib/act.c and lib/act_options.c (cmocka). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "nn.h"

static const char *const all_names[] = {
    "threshold", "linear", "sigmoid", "tanh", "relu", "leaky_relu", "elu",
    "softplus", "gelu", "silu", "softmax", "log_softmax"
};
#define NNAMES ((int)(sizeof all_names / sizeof all_names[0]))

/* got within rel (relative) of want, or equal (Inf, 0). */
static void close_to(double got, double want, double rel)
{
    if (!(got == want || fabs(got - want) <= rel * fabs(want)))
        fail_msg("got %.17g, want %.17g (rel %.1g)", got, want, rel);
}

static double fwd_d(const char *name, double x)
{
    double y;
    assert_int_equal(nn_act_forward_d(nn_act_lookup(name), NULL, 1, 1, &x, &y), NN_OK);
    return y;
}

static double bwd_d(const char *name, double x)
{
    double dy = 1, dx;
    assert_int_equal(nn_act_backward_d(nn_act_lookup(name), NULL, 1, 1, &x, &dy, &dx), NN_OK);
    return dx;
}

static float fwd_s(const char *name, float x)
{
    float y;
    assert_int_equal(nn_act_forward_s(nn_act_lookup(name), NULL, 1, 1, &x, &y), NN_OK);
    return y;
}

static float bwd_s(const char *name, float x)
{
    float dy = 1, dx;
    assert_int_equal(nn_act_backward_s(nn_act_lookup(name), NULL, 1, 1, &x, &dy, &dx), NN_OK);
    return dx;
}

static void test_names(void **state)
{
    int i;
    (void)state;
    assert_int_equal(NNAMES, NN_ACT_COUNT);
    for (i = 0; i < NNAMES; i++) {
        char quoted[32];
        assert_int_equal(nn_act_lookup(all_names[i]), i);
        assert_string_equal(nn_act_name(i), all_names[i]);
        snprintf(quoted, sizeof quoted, "'%s'", all_names[i]);
        assert_non_null(strstr(nn_act_names(), quoted));
    }
    assert_int_equal(nn_act_lookup("swish"), -1);
    assert_int_equal(nn_act_lookup("ReLU"), -1);   /* names arrive lower-cased */
    assert_int_equal(nn_act_lookup(NULL), -1);
    assert_string_equal(nn_act_name(-1), "?");
    assert_string_equal(nn_act_name(NN_ACT_COUNT), "?");
}

static void test_options(void **state)
{
    nn_act_opts o;
    char msg[256];
    double v;
    (void)state;
    nn_act_defaults(NN_ACT_LEAKY_RELU, &o);
    assert_true(o.alpha == 0.01);
    nn_act_defaults(NN_ACT_ELU, &o);
    assert_true(o.alpha == 1.0);
    nn_act_defaults(NN_ACT_SOFTPLUS, &o);
    assert_true(o.beta == 1.0 && o.threshold == 20.0);

    nn_act_defaults(NN_ACT_LEAKY_RELU, &o);
    v = -0.3;
    assert_int_equal(nn_act_option(NN_ACT_LEAKY_RELU, &o, "negative_slope", &v, 1, NULL, msg, sizeof msg), NN_OK);
    assert_true(o.alpha == -0.3);
    v = NAN;
    assert_int_equal(nn_act_option(NN_ACT_LEAKY_RELU, &o, "alpha", &v, 1, NULL, msg, sizeof msg), NN_EVALUE);
    assert_true(o.alpha == -0.3);
    assert_int_equal(nn_act_option(NN_ACT_LEAKY_RELU, &o, "alpha", NULL, 0, "x", msg, sizeof msg), NN_EVALUE);
    assert_int_equal(nn_act_option(NN_ACT_LEAKY_RELU, &o, "beta", &v, 1, NULL, msg, sizeof msg), NN_ENAME);
    assert_non_null(strstr(msg, "softplus"));

    nn_act_defaults(NN_ACT_ELU, &o);
    v = -1;
    assert_int_equal(nn_act_option(NN_ACT_ELU, &o, "alpha", &v, 1, NULL, msg, sizeof msg), NN_EVALUE);
    v = 0;
    assert_int_equal(nn_act_option(NN_ACT_ELU, &o, "alpha", &v, 1, NULL, msg, sizeof msg), NN_OK);
    assert_int_equal(nn_act_option(NN_ACT_ELU, &o, "negative_slope", &v, 1, NULL, msg, sizeof msg), NN_ENAME);

    nn_act_defaults(NN_ACT_SOFTPLUS, &o);
    v = 0;
    assert_int_equal(nn_act_option(NN_ACT_SOFTPLUS, &o, "beta", &v, 1, NULL, msg, sizeof msg), NN_EVALUE);
    assert_int_equal(nn_act_option(NN_ACT_SOFTPLUS, &o, "threshold", &v, 1, NULL, msg, sizeof msg), NN_EVALUE);
    v = INFINITY;
    assert_int_equal(nn_act_option(NN_ACT_SOFTPLUS, &o, "beta", &v, 1, NULL, msg, sizeof msg), NN_EVALUE);
    assert_int_equal(nn_act_option(NN_ACT_SOFTPLUS, &o, "threshold", &v, 1, NULL, msg, sizeof msg), NN_OK);
    assert_true(isinf(o.threshold));
    assert_int_equal(nn_act_option(NN_ACT_SOFTPLUS, &o, "alpha", &v, 1, NULL, msg, sizeof msg), NN_ENAME);

    v = 1;
    assert_int_equal(nn_act_option(NN_ACT_RELU, &o, "alpha", &v, 1, NULL, msg, sizeof msg), NN_ENAME);
    assert_non_null(strstr(msg, "takes no options"));
    assert_int_equal(nn_act_option(NN_ACT_SOFTMAX, &o, "dim", &v, 1, NULL, NULL, 0), NN_ENAME);
}

static void test_values_double(void **state)
{
    (void)state;
    close_to(fwd_d("sigmoid", 0), 0.5, 0);
    close_to(fwd_d("sigmoid", 2), 1 / (1 + exp(-2.0)), 1e-15);
    close_to(fwd_d("sigmoid", -30), exp(-30.0) / (1 + exp(-30.0)), 1e-15);
    close_to(bwd_d("sigmoid", 30), exp(-30.0) / pow(1 + exp(-30.0), 2), 1e-14);
    close_to(fwd_d("tanh", 0.5), tanh(0.5), 1e-15);
    close_to(bwd_d("tanh", 20), 4 * exp(-40.0) / pow(1 + exp(-40.0), 2), 1e-14);
    close_to(fwd_d("relu", -2), 0, 0);
    close_to(bwd_d("relu", 0), 0, 0);
    close_to(bwd_d("leaky_relu", 0), 0.01, 0);
    close_to(fwd_d("elu", -1e-10), expm1(-1e-10), 1e-15);
    close_to(bwd_d("elu", 0), 1, 0);
    close_to(fwd_d("softplus", 1), log1p(exp(1.0)), 1e-15);
    close_to(fwd_d("softplus", 20), 20 + log1p(exp(-20.0)), 1e-15);
    close_to(fwd_d("softplus", 20.5), 20.5, 0);
    close_to(bwd_d("softplus", 20.5), 1, 0);
    close_to(fwd_d("gelu", 1), 0.5 * erfc(-1 / sqrt(2.0)), 1e-15);
    close_to(fwd_d("gelu", -10), -5 * erfc(10 / sqrt(2.0)), 1e-13);
    close_to(bwd_d("gelu", 0), 0.5, 1e-15);
    close_to(fwd_d("silu", 3), 3 / (1 + exp(-3.0)), 1e-15);
    close_to(bwd_d("silu", 0), 0.5, 1e-15);
    close_to(fwd_d("threshold", 0), 1, 0);
    close_to(fwd_d("threshold", -1e-300), 0, 0);
}

static void test_values_float(void **state)
{
    (void)state;
    close_to(fwd_s("sigmoid", 2.0f), 1 / (1 + exp(-2.0)), 1e-6);
    close_to(bwd_s("sigmoid", 30.0f), exp(-30.0) / pow(1 + exp(-30.0), 2), 1e-5);
    close_to(bwd_s("tanh", 10.0f), 4 * exp(-20.0) / pow(1 + exp(-20.0), 2), 1e-5);
    close_to(fwd_s("elu", -1e-5f), expm1((double)-1e-5f), 1e-6);
    close_to(fwd_s("softplus", 5.0f), log1p(exp(5.0)), 1e-6);
    close_to(fwd_s("gelu", -5.0f), -2.5 * erfc(5 / sqrt(2.0)), 1e-5);
    close_to(fwd_s("silu", -20.0f), -20 / (1 + exp(20.0)), 1e-5);
    close_to(bwd_s("gelu", 1.0f), 0.5 * erfc(-1 / sqrt(2.0)) + exp(-0.5) / sqrt(2 * 3.14159265358979323846), 1e-6);
}

/* No overflow, no NaN for finite input however large; limits at +-Inf. */
static void test_extremes(void **state)
{
    const double xs[] = { -1e300, -1e4, -1000, -745, -100, 0, 100, 745, 1000, 1e4, 1e300 };
    int i, k;
    (void)state;
    for (k = NN_ACT_SIGMOID; k <= NN_ACT_SILU; k++) {
        for (i = 0; i < (int)(sizeof xs / sizeof xs[0]); i++) {
            double x = xs[i], y, dy = 1, dx;
            float xf = (float)fmax(fmin(x, 1e30), -1e30), yf, dyf = 1, dxf;
            assert_int_equal(nn_act_forward_d(k, NULL, 1, 1, &x, &y), NN_OK);
            assert_int_equal(nn_act_backward_d(k, NULL, 1, 1, &x, &dy, &dx), NN_OK);
            if (!isfinite(y) || !isfinite(dx))
                fail_msg("%s(%g): y %g dx %g", nn_act_name(k), x, y, dx);
            assert_int_equal(nn_act_forward_s(k, NULL, 1, 1, &xf, &yf), NN_OK);
            assert_int_equal(nn_act_backward_s(k, NULL, 1, 1, &xf, &dyf, &dxf), NN_OK);
            if (!isfinite(yf) || !isfinite(dxf))
                fail_msg("%s(%g) in float: y %g dx %g", nn_act_name(k), (double)xf, (double)yf, (double)dxf);
        }
    }
    close_to(fwd_d("gelu", -INFINITY), 0, 0);
    close_to(bwd_d("gelu", INFINITY), 1, 0);
    close_to(fwd_d("silu", -INFINITY), 0, 0);
    close_to(bwd_d("silu", INFINITY), 1, 0);
    close_to(bwd_d("silu", -INFINITY), 0, 0);
    close_to(fwd_d("elu", -INFINITY), -1, 0);
    close_to(fwd_d("softplus", 1000), 1000, 0);
    close_to(fwd_s("softplus", -1000.0f), 0, 0);
    close_to(fwd_s("gelu", -INFINITY), 0, 0);
    assert_true(isnan(fwd_d("sigmoid", NAN)) && isnan(bwd_d("sigmoid", NAN)));
    assert_true(isnan(fwd_s("relu", NAN)) && isnan(bwd_s("relu", NAN)));
    assert_true(isnan(fwd_d("threshold", NAN)) && isnan(bwd_d("threshold", NAN)));
    assert_true(isnan(fwd_d("gelu", NAN)) && isnan(bwd_d("silu", NAN)));
}

/* 2 x 3, column-major: rows [1000 -1000 0] and [0 -50 -50]. */
static void test_softmax(void **state)
{
    const double X[6] = { 1000, 0, -1000, -50, 0, -50 };
    const double dY[6] = { 1, 2, 3, 4, 5, 6 };
    double Y[6], dX[6], e = exp(-50.0);
    float Xf[6], Yf[6];
    int i;
    (void)state;
    assert_int_equal(nn_act_forward_d(NN_ACT_SOFTMAX, NULL, 2, 3, X, Y), NN_OK);
    close_to(Y[0], 1 / (1 + exp(-1000.0)), 1e-15);
    close_to(Y[2], 0, 0);
    close_to(Y[1], 1 / (1 + 2 * e), 1e-15);
    close_to(Y[3], e / (1 + 2 * e), 1e-14);
    assert_int_equal(nn_act_forward_d(NN_ACT_LOG_SOFTMAX, NULL, 2, 3, X, Y), NN_OK);
    close_to(Y[1], -log1p(2 * e), 1e-14);     /* keeps its digits */
    close_to(Y[3], -50 - log1p(2 * e), 1e-15);
    close_to(Y[2], -2000, 1e-15);
    /* softmax backward of row 2 at its maximum: y (dY - y.dY) */
    assert_int_equal(nn_act_backward_d(NN_ACT_SOFTMAX, NULL, 2, 3, X, dY, dX), NN_OK);
    {
        double s = 1 + 2 * e, y0 = 1 / s, y1 = e / s;
        double dot = (2 + 4 * e + 6 * e) / s;
        close_to(dX[1], y0 * (e * (2 - 4) + e * (2 - 6)) / s, 1e-13);
        close_to(dX[3], y1 * (4 - dot), 1e-13);
    }
    assert_int_equal(nn_act_backward_d(NN_ACT_LOG_SOFTMAX, NULL, 2, 3, X, dY, dX), NN_OK);
    close_to(dX[1], 2 - (2 + 4 + 6) / (1 + 2 * e), 1e-14);
    for (i = 0; i < 6; i++)
        Xf[i] = (float)X[i];
    assert_int_equal(nn_act_forward_s(NN_ACT_SOFTMAX, NULL, 2, 3, Xf, Yf), NN_OK);
    close_to(Yf[0], 1, 1e-7);
    close_to(Yf[1], 1, 1e-7);
    assert_int_equal(nn_act_forward_s(NN_ACT_LOG_SOFTMAX, NULL, 2, 3, Xf, Yf), NN_OK);
    close_to(Yf[3], -50, 1e-7);
}

/* Many rows (several blocks) and many columns: rows sum to 1, and the
 * backward product is the one of the formula. */
static void test_softmax_blocks(void **state)
{
    /* blocks of up to 2048 rows, fewer for many columns */
    const nn_int shapes[][2] = { { 5000, 3 }, { 3, 3000 }, { 1100, 64 }, { 1, 1 } };
    int s;
    (void)state;
    for (s = 0; s < 4; s++) {
        nn_int n = shapes[s][0], k = shapes[s][1], i, j;
        double *X = malloc((size_t)(n * k) * sizeof *X), *Y = malloc((size_t)(n * k) * sizeof *Y);
        float *Xf = malloc((size_t)(n * k) * sizeof *Xf), *Yf = malloc((size_t)(n * k) * sizeof *Yf);
        assert_true(X && Y && Xf && Yf);
        for (i = 0; i < n * k; i++)
            Xf[i] = (float)(X[i] = 40 * sin(0.37 * (double)i));
        assert_int_equal(nn_act_forward_d(NN_ACT_SOFTMAX, NULL, n, k, X, Y), NN_OK);
        assert_int_equal(nn_act_forward_s(NN_ACT_SOFTMAX, NULL, n, k, Xf, Yf), NN_OK);
        for (i = 0; i < n; i++) {
            double sd = 0, sf = 0;
            for (j = 0; j < k; j++) {
                sd += Y[i + j * n];
                sf += Yf[i + j * n];
            }
            close_to(sd, 1, 1e-13);
            close_to(sf, 1, 1e-5);
        }
        {   /* backward across the blocks (3 arrays: smaller blocks):
             * Y .* (dY - sum(dY .* Y, 2)), with dY = X */
            double *dX = malloc((size_t)(n * k) * sizeof *dX);
            assert_true(dX != NULL);
            assert_int_equal(nn_act_backward_d(NN_ACT_SOFTMAX, NULL, n, k, X, X, dX), NN_OK);
            for (i = 0; i < n; i++) {
                long double dot = 0;
                for (j = 0; j < k; j++)
                    dot += (long double)X[i + j * n] * Y[i + j * n];
                for (j = 0; j < k; j++)
                    assert_true(fabsl(dX[i + j * n] - Y[i + j * n] * (X[i + j * n] - dot)) <=
                                1e-12L * (1 + fabsl(dot)));
            }
            free(dX);
        }
        free(X); free(Y); free(Xf); free(Yf);
    }
}

static void test_errors(void **state)
{
    double x = 1, y;
    nn_act_opts o;
    (void)state;
    nn_act_defaults(NN_ACT_RELU, &o);
    assert_int_equal(nn_act_forward_d(-1, &o, 1, 1, &x, &y), NN_ENAME);
    assert_int_equal(nn_act_forward_d(NN_ACT_COUNT, &o, 1, 1, &x, &y), NN_ENAME);
    assert_int_equal(nn_act_backward_s(NN_ACT_COUNT, NULL, 0, 0, NULL, NULL, NULL), NN_ENAME);
    assert_int_equal(nn_act_forward_d(NN_ACT_RELU, &o, -1, 1, &x, &y), NN_EARG);
    assert_int_equal(nn_act_forward_d(NN_ACT_SOFTMAX, &o, 0, 5, NULL, NULL), NN_OK);
    assert_int_equal(nn_act_backward_d(NN_ACT_LOG_SOFTMAX, &o, 5, 0, NULL, NULL, NULL), NN_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_options),
        cmocka_unit_test(test_values_double),
        cmocka_unit_test(test_values_float),
        cmocka_unit_test(test_extremes),
        cmocka_unit_test(test_softmax),
        cmocka_unit_test(test_softmax_blocks),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
