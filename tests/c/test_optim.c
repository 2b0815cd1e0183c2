/* Unit tests of lib/ optimizer updates (nn_optim.h), with cmocka. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>
#include "nn.h"

#define N 4

static const double P0[N] = { 1.0, -2.0, 3.0, 0.5 };
static const double G0[N] = { 0.5, -1.0, 0.0, 2.0 };

static void near(double a, double b, double tol)
{
    if (!(fabs(a - b) <= tol * (1 + fabs(b)))) {
        print_error("%.17g != %.17g (tol %g)\n", a, b, tol);
        fail();
    }
}

static int set1(int kind, nn_optim_opts *o, const char *name, double v)
{
    char msg[256];
    return nn_optim_option(kind, o, name, &v, 1, NULL, msg, sizeof msg);
}

static int set2(int kind, nn_optim_opts *o, const char *name, double a, double b)
{
    char msg[256];
    double v[2];
    v[0] = a;
    v[1] = b;
    return nn_optim_option(kind, o, name, v, 2, NULL, msg, sizeof msg);
}

static double sgn(double x) { return x > 0 ? 1 : x < 0 ? -1 : 0; }

/* ---- names, defaults ---------------------------------------------------- */

static void test_names(void **state)
{
    static const char *const want[] = { "sgd", "adagrad", "rmsprop", "adam",
                                        "adamw", "rprop" };
    int k;
    (void)state;
    assert_int_equal(NN_OPTIM_COUNT, 6);
    for (k = 0; k < NN_OPTIM_COUNT; k++) {
        assert_int_equal(nn_optim_lookup(want[k]), k);
        assert_string_equal(nn_optim_name(k), want[k]);
        assert_non_null(strstr(nn_optim_names(), want[k]));
    }
    assert_int_equal(nn_optim_lookup("adadelta"), -1);
    assert_int_equal(nn_optim_lookup("Adam"), -1);    /* names are lower case */
    assert_int_equal(nn_optim_lookup(NULL), -1);
    assert_string_equal(nn_optim_name(-1), "?");
    assert_string_equal(nn_optim_name(NN_OPTIM_COUNT), "?");
}

static void test_defaults(void **state)
{
    nn_optim_opts o;
    (void)state;
    nn_optim_defaults(NN_OPTIM_SGD, &o);
    near(o.lr, 1e-3, 0);
    near(o.momentum, 0, 0);
    near(o.dampening, 0, 0);
    near(o.weight_decay, 0, 0);
    assert_int_equal(o.nesterov, 0);
    assert_int_equal(o.maximize, 0);
    nn_optim_defaults(NN_OPTIM_ADAGRAD, &o);
    near(o.lr, 1e-2, 0);
    near(o.eps, 1e-10, 0);
    near(o.lr_decay, 0, 0);
    near(o.initial_accumulator_value, 0, 0);
    nn_optim_defaults(NN_OPTIM_RMSPROP, &o);
    near(o.lr, 1e-2, 0);
    near(o.alpha, 0.99, 0);
    near(o.eps, 1e-8, 0);
    assert_int_equal(o.centered, 0);
    nn_optim_defaults(NN_OPTIM_ADAM, &o);
    near(o.lr, 1e-3, 0);
    near(o.beta1, 0.9, 0);
    near(o.beta2, 0.999, 0);
    near(o.eps, 1e-8, 0);
    near(o.weight_decay, 0, 0);
    assert_int_equal(o.amsgrad, 0);
    nn_optim_defaults(NN_OPTIM_ADAMW, &o);
    near(o.lr, 1e-3, 0);
    near(o.weight_decay, 1e-2, 0);
    nn_optim_defaults(NN_OPTIM_RPROP, &o);
    near(o.lr, 1e-2, 0);
    near(o.etaminus, 0.5, 0);
    near(o.etaplus, 1.2, 0);
    near(o.step_min, 1e-6, 0);
    near(o.step_max, 50, 0);
}

/* ---- options ------------------------------------------------------------ */

static void test_options_valid(void **state)
{
    nn_optim_opts o;
    (void)state;
    nn_optim_defaults(NN_OPTIM_ADAM, &o);
    assert_int_equal(set2(NN_OPTIM_ADAM, &o, "betas", 0.8, 0.95), NN_OK);
    near(o.beta1, 0.8, 0);
    near(o.beta2, 0.95, 0);
    assert_int_equal(set2(NN_OPTIM_ADAM, &o, "betas", 0, 0), NN_OK);
    assert_int_equal(set1(NN_OPTIM_ADAM, &o, "amsgrad", 1), NN_OK);
    assert_int_equal(o.amsgrad, 1);
    assert_int_equal(set1(NN_OPTIM_ADAMW, &o, "lr", 0), NN_OK);
    assert_int_equal(set1(NN_OPTIM_ADAGRAD, &o, "eps", 0), NN_OK);
    assert_int_equal(set1(NN_OPTIM_RMSPROP, &o, "alpha", 1), NN_OK);
    assert_int_equal(set1(NN_OPTIM_RMSPROP, &o, "alpha", 0), NN_OK);
    assert_int_equal(set1(NN_OPTIM_SGD, &o, "dampening", -0.5), NN_OK);
    assert_int_equal(set2(NN_OPTIM_RPROP, &o, "etas", 0.3, 1.5), NN_OK);
    near(o.etaminus, 0.3, 0);
    near(o.etaplus, 1.5, 0);
    assert_int_equal(set2(NN_OPTIM_RPROP, &o, "step_sizes", 0, 0), NN_OK);
    assert_int_equal(set2(NN_OPTIM_RPROP, &o, "step_sizes", 0.1, 0.1), NN_OK);
    near(o.step_min, 0.1, 0);
    assert_int_equal(set1(NN_OPTIM_RPROP, &o, "maximize", 1), NN_OK);
    assert_int_equal(o.maximize, 1);
}

static void test_options_bad_values(void **state)
{
    static const double lr_default[NN_OPTIM_COUNT] = { 1e-3, 1e-2, 1e-2, 1e-3,
                                                      1e-3, 1e-2 };
    nn_optim_opts o;
    char msg[256];
    int k;
    (void)state;
    for (k = 0; k < NN_OPTIM_COUNT; k++) {
        nn_optim_defaults(k, &o);
        assert_int_equal(set1(k, &o, "lr", -1e-9), NN_EVALUE);
        assert_int_equal(set1(k, &o, "lr", NAN), NN_EVALUE);
        assert_int_equal(set1(k, &o, "lr", INFINITY), NN_EVALUE);
        assert_int_equal(set2(k, &o, "lr", 0.1, 0.1), NN_EVALUE);
        assert_int_equal(set1(k, &o, "maximize", 0.5), NN_EVALUE);
        msg[0] = '\0';
        assert_int_equal(nn_optim_option(k, &o, "lr", NULL, 0, "fast", msg, sizeof msg),
                         NN_EVALUE);
        assert_non_null(strstr(msg, "'lr'"));
        assert_int_equal(nn_optim_option(k, &o, "nosuch", NULL, 0, NULL, msg, sizeof msg),
                         NN_ENAME);
        assert_non_null(strstr(msg, "'nosuch'"));
        assert_non_null(strstr(msg, nn_optim_name(k)));
        near(o.lr, lr_default[k], 0);     /* unchanged by the failures */
    }
    assert_int_equal(set1(NN_OPTIM_SGD, &o, "momentum", -0.1), NN_EVALUE);
    assert_int_equal(set1(NN_OPTIM_SGD, &o, "weight_decay", -0.1), NN_EVALUE);
    assert_int_equal(set1(NN_OPTIM_SGD, &o, "dampening", NAN), NN_EVALUE);
    assert_int_equal(set1(NN_OPTIM_SGD, &o, "nesterov", 2), NN_EVALUE);
    assert_int_equal(set1(NN_OPTIM_ADAGRAD, &o, "lr_decay", -1), NN_EVALUE);
    assert_int_equal(set1(NN_OPTIM_ADAGRAD, &o, "initial_accumulator_value", -1), NN_EVALUE);
    assert_int_equal(set1(NN_OPTIM_ADAGRAD, &o, "eps", -1), NN_EVALUE);
    assert_int_equal(set1(NN_OPTIM_ADAGRAD, &o, "weight_decay", -1), NN_EVALUE);
    assert_int_equal(set1(NN_OPTIM_RMSPROP, &o, "alpha", -0.1), NN_EVALUE);
    assert_int_equal(set1(NN_OPTIM_RMSPROP, &o, "alpha", 1.01), NN_EVALUE);
    assert_int_equal(set1(NN_OPTIM_RMSPROP, &o, "momentum", -1), NN_EVALUE);
    assert_int_equal(set1(NN_OPTIM_RMSPROP, &o, "centered", -1), NN_EVALUE);
    assert_int_equal(set1(NN_OPTIM_RMSPROP, &o, "eps", -1), NN_EVALUE);
    nn_optim_defaults(NN_OPTIM_ADAM, &o);
    assert_int_equal(set2(NN_OPTIM_ADAM, &o, "betas", 1, 0.999), NN_EVALUE);
    assert_int_equal(set2(NN_OPTIM_ADAM, &o, "betas", 0.9, 1), NN_EVALUE);
    assert_int_equal(set2(NN_OPTIM_ADAM, &o, "betas", -0.1, 0.5), NN_EVALUE);
    assert_int_equal(set2(NN_OPTIM_ADAMW, &o, "betas", 0.9, NAN), NN_EVALUE);
    assert_int_equal(set1(NN_OPTIM_ADAM, &o, "betas", 0.9), NN_EVALUE);
    near(o.beta1, 0.9, 0);          /* unchanged by the failures */
    near(o.beta2, 0.999, 0);
    assert_int_equal(set1(NN_OPTIM_ADAM, &o, "eps", -1e-8), NN_EVALUE);
    assert_int_equal(set1(NN_OPTIM_ADAMW, &o, "weight_decay", -1e-8), NN_EVALUE);
    assert_int_equal(set1(NN_OPTIM_ADAM, &o, "amsgrad", 3), NN_EVALUE);
    nn_optim_defaults(NN_OPTIM_RPROP, &o);
    assert_int_equal(set2(NN_OPTIM_RPROP, &o, "etas", 0, 1.2), NN_EVALUE);
    assert_int_equal(set2(NN_OPTIM_RPROP, &o, "etas", 1, 1.2), NN_EVALUE);
    assert_int_equal(set2(NN_OPTIM_RPROP, &o, "etas", 0.5, 1), NN_EVALUE);
    assert_int_equal(set2(NN_OPTIM_RPROP, &o, "etas", 0.5, INFINITY), NN_EVALUE);
    assert_int_equal(set1(NN_OPTIM_RPROP, &o, "etas", 0.5), NN_EVALUE);
    assert_int_equal(set2(NN_OPTIM_RPROP, &o, "step_sizes", -1, 1), NN_EVALUE);
    assert_int_equal(set2(NN_OPTIM_RPROP, &o, "step_sizes", 2, 1), NN_EVALUE);
    assert_int_equal(set2(NN_OPTIM_RPROP, &o, "step_sizes", 0, INFINITY), NN_EVALUE);
    near(o.etaminus, 0.5, 0);
    near(o.step_max, 50, 0);
}

static void test_options_per_method(void **state)
{
    nn_optim_opts o;
    (void)state;
    nn_optim_defaults(NN_OPTIM_SGD, &o);
    assert_int_equal(set2(NN_OPTIM_SGD, &o, "betas", 0.9, 0.99), NN_ENAME);
    assert_int_equal(set1(NN_OPTIM_SGD, &o, "eps", 1e-8), NN_ENAME);
    assert_int_equal(set1(NN_OPTIM_ADAGRAD, &o, "momentum", 0.9), NN_ENAME);
    assert_int_equal(set1(NN_OPTIM_ADAGRAD, &o, "alpha", 0.9), NN_ENAME);
    assert_int_equal(set1(NN_OPTIM_RMSPROP, &o, "dampening", 0.9), NN_ENAME);
    assert_int_equal(set1(NN_OPTIM_RMSPROP, &o, "amsgrad", 1), NN_ENAME);
    assert_int_equal(set1(NN_OPTIM_ADAM, &o, "momentum", 0.9), NN_ENAME);
    assert_int_equal(set1(NN_OPTIM_ADAMW, &o, "nesterov", 1), NN_ENAME);
    assert_int_equal(set1(NN_OPTIM_RPROP, &o, "weight_decay", 0.1), NN_ENAME);
    assert_int_equal(set1(NN_OPTIM_RPROP, &o, "eps", 0.1), NN_ENAME);
    assert_int_equal(set1(-1, &o, "lr", 0.1), NN_ENAME);
    assert_int_equal(set1(NN_OPTIM_COUNT, &o, "lr", 0.1), NN_ENAME);
}

static void test_check(void **state)
{
    nn_optim_opts o;
    char msg[256];
    (void)state;
    nn_optim_defaults(NN_OPTIM_SGD, &o);
    assert_int_equal(nn_optim_check(NN_OPTIM_SGD, &o, msg, sizeof msg), NN_OK);
    o.nesterov = 1;
    assert_int_equal(nn_optim_check(NN_OPTIM_SGD, &o, msg, sizeof msg), NN_EVALUE);
    o.momentum = 0.9;
    assert_int_equal(nn_optim_check(NN_OPTIM_SGD, &o, msg, sizeof msg), NN_OK);
    o.dampening = 0.1;
    assert_int_equal(nn_optim_check(NN_OPTIM_SGD, &o, msg, sizeof msg), NN_EVALUE);
    assert_non_null(strstr(msg, "Nesterov"));
}

static void test_buffers(void **state)
{
    nn_optim_opts o;
    const char *b[NN_OPTIM_MAX_BUFFERS];
    (void)state;
    nn_optim_defaults(NN_OPTIM_SGD, &o);
    assert_int_equal(nn_optim_buffers(NN_OPTIM_SGD, &o, b), 0);
    o.momentum = 0.5;
    assert_int_equal(nn_optim_buffers(NN_OPTIM_SGD, &o, b), 1);
    assert_string_equal(b[0], "momentum_buffer");
    nn_optim_defaults(NN_OPTIM_ADAGRAD, &o);
    assert_int_equal(nn_optim_buffers(NN_OPTIM_ADAGRAD, &o, b), 1);
    assert_string_equal(b[0], "sum");
    nn_optim_defaults(NN_OPTIM_RMSPROP, &o);
    assert_int_equal(nn_optim_buffers(NN_OPTIM_RMSPROP, &o, b), 1);
    assert_string_equal(b[0], "square_avg");
    o.momentum = 0.5;
    o.centered = 1;
    assert_int_equal(nn_optim_buffers(NN_OPTIM_RMSPROP, &o, b), 3);
    assert_string_equal(b[1], "momentum_buffer");
    assert_string_equal(b[2], "grad_avg");
    o.momentum = 0;
    assert_int_equal(nn_optim_buffers(NN_OPTIM_RMSPROP, &o, b), 2);
    assert_string_equal(b[1], "grad_avg");
    nn_optim_defaults(NN_OPTIM_ADAMW, &o);
    assert_int_equal(nn_optim_buffers(NN_OPTIM_ADAMW, &o, b), 2);
    assert_string_equal(b[0], "exp_avg");
    assert_string_equal(b[1], "exp_avg_sq");
    o.amsgrad = 1;
    assert_int_equal(nn_optim_buffers(NN_OPTIM_ADAM, &o, b), 3);
    assert_string_equal(b[2], "max_exp_avg_sq");
    nn_optim_defaults(NN_OPTIM_RPROP, &o);
    assert_int_equal(nn_optim_buffers(NN_OPTIM_RPROP, &o, b), 2);
    assert_string_equal(b[0], "prev");
    assert_string_equal(b[1], "step_size");
    assert_int_equal(nn_optim_buffers(-1, &o, b), 0);
}

/* ---- steps -------------------------------------------------------------- */

/* Buffers filled with garbage: a fresh step must not read them. */
static void garbage(double b[][N], int nb)
{
    int i, j;
    for (i = 0; i < nb; i++)
        for (j = 0; j < N; j++)
            b[i][j] = 1e300;
}

static void test_step_sgd(void **state)
{
    nn_optim_opts o;
    double P[N], buf[1][N];
    double *bufs[1] = { buf[0] };
    int i;
    (void)state;
    nn_optim_defaults(NN_OPTIM_SGD, &o);
    memcpy(P, P0, sizeof P);
    assert_int_equal(nn_optim_step_d(NN_OPTIM_SGD, &o, N, P, G0, NULL, 1, 1), NN_OK);
    for (i = 0; i < N; i++)
        near(P[i], P0[i] - 1e-3 * G0[i], 1e-15);
    /* momentum, dampening, weight decay over two steps */
    o.lr = 0.1;
    o.momentum = 0.9;
    o.dampening = 0.25;
    o.weight_decay = 0.01;
    memcpy(P, P0, sizeof P);
    garbage(buf, 1);
    assert_int_equal(nn_optim_step_d(NN_OPTIM_SGD, &o, N, P, G0, bufs, 1, 1), NN_OK);
    for (i = 0; i < N; i++) {
        double g = G0[i] + 0.01 * P0[i];
        near(buf[0][i], g, 1e-15);
        near(P[i], P0[i] - 0.1 * g, 1e-15);
    }
    {
        double Q[N], B[N];
        memcpy(Q, P, sizeof Q);
        memcpy(B, buf[0], sizeof B);
        assert_int_equal(nn_optim_step_d(NN_OPTIM_SGD, &o, N, P, G0, bufs, 2, 0), NN_OK);
        for (i = 0; i < N; i++) {
            double g = G0[i] + 0.01 * Q[i], b = 0.9 * B[i] + 0.75 * g;
            near(buf[0][i], b, 1e-15);
            near(P[i], Q[i] - 0.1 * b, 1e-15);
        }
    }
    /* nesterov, maximize */
    o.dampening = 0;
    o.nesterov = 1;
    o.maximize = 1;
    o.weight_decay = 0;
    memcpy(P, P0, sizeof P);
    assert_int_equal(nn_optim_step_d(NN_OPTIM_SGD, &o, N, P, G0, bufs, 1, 1), NN_OK);
    for (i = 0; i < N; i++)
        near(P[i], P0[i] + 0.1 * 1.9 * G0[i], 1e-15);
}

static void test_step_adagrad(void **state)
{
    nn_optim_opts o;
    double P[N], buf[1][N];
    double *bufs[1] = { buf[0] };
    int i;
    (void)state;
    nn_optim_defaults(NN_OPTIM_ADAGRAD, &o);
    o.initial_accumulator_value = 0.25;
    o.lr_decay = 0.5;
    memcpy(P, P0, sizeof P);
    garbage(buf, 1);
    assert_int_equal(nn_optim_step_d(NN_OPTIM_ADAGRAD, &o, N, P, G0, bufs, 1, 1), NN_OK);
    for (i = 0; i < N; i++) {
        double s = 0.25 + G0[i] * G0[i];
        near(buf[0][i], s, 1e-15);
        near(P[i], P0[i] - 0.01 * G0[i] / (sqrt(s) + 1e-10), 1e-15);
    }
    /* step 3 with lr_decay: lr / (1 + 2*0.5) */
    memcpy(P, P0, sizeof P);
    for (i = 0; i < N; i++)
        buf[0][i] = 1;
    assert_int_equal(nn_optim_step_d(NN_OPTIM_ADAGRAD, &o, N, P, G0, bufs, 3, 0), NN_OK);
    for (i = 0; i < N; i++)
        near(P[i], P0[i] - 0.005 * G0[i] / (sqrt(1 + G0[i] * G0[i]) + 1e-10), 1e-15);
}

static void test_step_rmsprop(void **state)
{
    nn_optim_opts o;
    double P[N], buf[3][N];
    double *bufs[3] = { buf[0], buf[1], buf[2] };
    int i;
    (void)state;
    nn_optim_defaults(NN_OPTIM_RMSPROP, &o);
    memcpy(P, P0, sizeof P);
    garbage(buf, 1);
    assert_int_equal(nn_optim_step_d(NN_OPTIM_RMSPROP, &o, N, P, G0, bufs, 1, 1), NN_OK);
    for (i = 0; i < N; i++) {
        double v = 0.01 * G0[i] * G0[i];
        near(buf[0][i], v, 1e-15);
        near(P[i], P0[i] - 0.01 * G0[i] / (sqrt(v) + 1e-8), 1e-14);
    }
    /* centered with momentum: buffers square_avg, momentum_buffer, grad_avg */
    o.centered = 1;
    o.momentum = 0.5;
    memcpy(P, P0, sizeof P);
    garbage(buf, 3);
    assert_int_equal(nn_optim_step_d(NN_OPTIM_RMSPROP, &o, N, P, G0, bufs, 1, 1), NN_OK);
    for (i = 0; i < N; i++) {
        double g = G0[i], v = 0.01 * g * g, a = 0.01 * g;
        double d = sqrt(v - a * a) + 1e-8, b = g / d;
        near(buf[0][i], v, 1e-15);
        near(buf[1][i], b, 1e-13);
        near(buf[2][i], a, 1e-15);
        near(P[i], P0[i] - 0.01 * b, 1e-13);
    }
    /* a variance rounded below zero gives eps, not NaN */
    for (i = 0; i < N; i++) {
        buf[0][i] = 1;
        buf[1][i] = 0;
        buf[2][i] = 2;      /* grad_avg^2 > square_avg */
    }
    memcpy(P, P0, sizeof P);
    assert_int_equal(nn_optim_step_d(NN_OPTIM_RMSPROP, &o, N, P, G0, bufs, 2, 0), NN_OK);
    for (i = 0; i < N; i++)
        assert_true(isfinite(P[i]));
}

static void test_step_adam(void **state)
{
    nn_optim_opts o;
    double P[N], buf[3][N];
    double *bufs[3] = { buf[0], buf[1], buf[2] };
    int i, kind;
    (void)state;
    for (kind = NN_OPTIM_ADAM; kind <= NN_OPTIM_ADAMW; kind++) {
        double shrink = kind == NN_OPTIM_ADAMW ? 1 - 1e-3 * 1e-2 : 1;
        nn_optim_defaults(kind, &o);
        memcpy(P, P0, sizeof P);
        garbage(buf, 3);
        assert_int_equal(nn_optim_step_d(kind, &o, N, P, G0, bufs, 1, 1), NN_OK);
        for (i = 0; i < N; i++) {
            near(buf[0][i], 0.1 * G0[i], 1e-15);
            near(buf[1][i], 0.001 * G0[i] * G0[i], 1e-15);
            /* the first step moves lr*sign(g) after bias correction */
            near(P[i], P0[i] * shrink - 1e-3 * G0[i] / (fabs(G0[i]) + 1e-8), 1e-14);
        }
        /* step 2 from a given state with amsgrad keeping the maximum */
        o.amsgrad = 1;
        for (i = 0; i < N; i++) {
            buf[0][i] = 0.1;
            buf[1][i] = 0.5;
            buf[2][i] = 3.0;
        }
        memcpy(P, P0, sizeof P);
        assert_int_equal(nn_optim_step_d(kind, &o, N, P, G0, bufs, 2, 0), NN_OK);
        for (i = 0; i < N; i++) {
            double g = G0[i], m = 0.9 * 0.1 + 0.1 * g;
            double v = 0.999 * 0.5 + 0.001 * g * g, w = v > 3 ? v : 3;
            double bc1 = 1 - 0.9 * 0.9, bc2 = 1 - 0.999 * 0.999;
            near(buf[0][i], m, 1e-15);
            near(buf[1][i], v, 1e-15);
            near(buf[2][i], w, 1e-15);
            near(P[i], P0[i] * shrink - 1e-3 / bc1 * m / (sqrt(w) / sqrt(bc2) + 1e-8),
                 1e-14);
        }
    }
    /* adam's weight decay is coupled: it enters the gradient */
    nn_optim_defaults(NN_OPTIM_ADAM, &o);
    o.weight_decay = 0.1;
    memcpy(P, P0, sizeof P);
    assert_int_equal(nn_optim_step_d(NN_OPTIM_ADAM, &o, N, P, G0, bufs, 1, 1), NN_OK);
    for (i = 0; i < N; i++)
        near(buf[0][i], 0.1 * (G0[i] + 0.1 * P0[i]), 1e-15);
}

static void test_step_rprop(void **state)
{
    nn_optim_opts o;
    double P[N], buf[2][N];
    double *bufs[2] = { buf[0], buf[1] };
    const double G1[N] = { -1.0, -1.0, 1.0, 1.0 };
    int i;
    (void)state;
    nn_optim_defaults(NN_OPTIM_RPROP, &o);
    memcpy(P, P0, sizeof P);
    garbage(buf, 2);
    assert_int_equal(nn_optim_step_d(NN_OPTIM_RPROP, &o, N, P, G0, bufs, 1, 1), NN_OK);
    for (i = 0; i < N; i++) {
        near(buf[0][i], G0[i], 0);
        near(buf[1][i], 0.01, 0);
        near(P[i], P0[i] - 0.01 * sgn(G0[i]), 1e-15);
    }
    /* sign change: step * 0.5 and no move, prev = 0; same sign: * 1.2;
     * previous 0: step kept */
    memcpy(P, P0, sizeof P);
    assert_int_equal(nn_optim_step_d(NN_OPTIM_RPROP, &o, N, P, G1, bufs, 2, 0), NN_OK);
    near(buf[1][0], 0.005, 1e-15);
    near(buf[1][1], 0.012, 1e-15);
    near(buf[1][2], 0.01, 1e-15);
    near(buf[1][3], 0.012, 1e-15);
    near(buf[0][0], 0, 0);
    near(buf[0][1], -1, 0);
    near(P[0], P0[0], 0);
    near(P[1], P0[1] + 0.012, 1e-15);
    near(P[2], P0[2] - 0.01, 1e-15);
    near(P[3], P0[3] - 0.012, 1e-15);
    /* clamping to step_sizes */
    o.step_min = 0.004;
    o.step_max = 0.0125;
    for (i = 0; i < N; i++) {
        buf[0][i] = i < 2 ? 1 : -1;
        buf[1][i] = i % 2 ? 0.0124 : 0.005;
    }
    memcpy(P, P0, sizeof P);
    {
        const double G2[N] = { 1, 1, 1, 1 };
        assert_int_equal(nn_optim_step_d(NN_OPTIM_RPROP, &o, N, P, G2, bufs, 5, 0), NN_OK);
    }
    near(buf[1][0], 0.005 * 1.2, 1e-15);
    near(buf[1][1], 0.0125, 0);
    near(buf[1][2], 0.004, 0);
    near(buf[1][3], 0.0124 * 0.5, 1e-15);
}

static void test_step_single(void **state)
{
    nn_optim_opts o;
    float Pf[N], Gf[N], bf[3][N];
    float *fb[3] = { bf[0], bf[1], bf[2] };
    double P[N], bd[3][N];
    double *db[3] = { bd[0], bd[1], bd[2] };
    int i, k, t;
    (void)state;
    for (i = 0; i < N; i++)
        Gf[i] = (float)G0[i];
    for (k = 0; k < NN_OPTIM_COUNT; k++) {
        nn_optim_defaults(k, &o);
        if (k == NN_OPTIM_SGD || k == NN_OPTIM_RMSPROP)
            o.momentum = 0.5;
        if (k == NN_OPTIM_RMSPROP)
            o.centered = 1;
        if (k == NN_OPTIM_ADAM)
            o.amsgrad = 1;
        for (i = 0; i < N; i++) {
            Pf[i] = (float)P0[i];
            P[i] = P0[i];
        }
        for (t = 1; t <= 10; t++) {
            assert_int_equal(nn_optim_step_s(k, &o, N, Pf, Gf, fb, t, t == 1), NN_OK);
            assert_int_equal(nn_optim_step_d(k, &o, N, P, G0, db, t, t == 1), NN_OK);
        }
        for (i = 0; i < N; i++)
            near(Pf[i], P[i], 1e-5);
    }
}

static void test_step_errors(void **state)
{
    nn_optim_opts o;
    double P[N], buf[N];
    double *bufs[1] = { buf };
    double *nob[1] = { NULL };
    (void)state;
    memcpy(P, P0, sizeof P);
    nn_optim_defaults(NN_OPTIM_ADAGRAD, &o);
    assert_int_equal(nn_optim_step_d(NN_OPTIM_ADAGRAD, &o, -1, P, G0, bufs, 1, 1), NN_EARG);
    assert_int_equal(nn_optim_step_d(NN_OPTIM_ADAGRAD, &o, N, P, G0, NULL, 1, 1), NN_EARG);
    assert_int_equal(nn_optim_step_d(NN_OPTIM_ADAGRAD, &o, N, P, G0, nob, 1, 1), NN_EARG);
    assert_int_equal(nn_optim_step_d(NN_OPTIM_ADAGRAD, &o, N, P, G0, bufs, 0, 1), NN_EARG);
    assert_int_equal(nn_optim_step_d(NN_OPTIM_ADAGRAD, &o, N, P, G0, bufs, NAN, 1), NN_EARG);
    assert_int_equal(nn_optim_step_d(NN_OPTIM_ADAGRAD, &o, N, NULL, G0, bufs, 1, 1), NN_EARG);
    assert_int_equal(nn_optim_step_d(NN_OPTIM_COUNT, &o, N, P, G0, bufs, 1, 1), NN_ENAME);
    assert_int_equal(nn_optim_step_d(-1, &o, N, P, G0, bufs, 1, 1), NN_ENAME);
    assert_int_equal(nn_optim_step_d(NN_OPTIM_ADAGRAD, NULL, N, P, G0, bufs, 1, 1), NN_EARG);
    /* nothing was changed */
    assert_memory_equal(P, P0, sizeof P);
    /* an empty parameter is fine */
    assert_int_equal(nn_optim_step_d(NN_OPTIM_ADAGRAD, &o, 0, NULL, NULL, nob, 1, 1), NN_OK);
}

/* The vectorised loops of sgd (momentum) and adam/adamw give the bits of
 * the general loop: maximizing with negated gradients takes the general
 * loop with the same arithmetic (g = -(-G) exactly). */
static void run_fast_general(int kind, double wd, int steps)
{
    enum { M = 37 };
    double P1[M], P2[M], G[M], NG[M], a1[M], a2[M], b1[M], b2[M];
    double *bufs1[NN_OPTIM_MAX_BUFFERS] = { a1, b1, NULL }, *bufs2[NN_OPTIM_MAX_BUFFERS] = { a2, b2, NULL };
    nn_optim_opts o, om;
    char msg[128];
    double mu = 0.9;
    int i, s;
    nn_optim_defaults(kind, &o);
    if (kind == NN_OPTIM_SGD)
        assert_int_equal(nn_optim_option(kind, &o, "momentum", &mu, 1, NULL, msg, sizeof msg), NN_OK);
    if (kind == NN_OPTIM_ADAMW)
        assert_int_equal(nn_optim_option(kind, &o, "weight_decay", &wd, 1, NULL, msg, sizeof msg), NN_OK);
    om = o;
    om.maximize = 1;
    for (i = 0; i < M; i++)
        P1[i] = P2[i] = sin(0.9 * i + 0.1);
    for (s = 1; s <= steps; s++) {
        for (i = 0; i < M; i++) {
            G[i] = cos(1.3 * i * s) * (i % 5 == 0 ? 1e-8 : 1);
            NG[i] = -G[i];
        }
        assert_int_equal(nn_optim_step_d(kind, &o, M, P1, G, bufs1, s, s == 1), NN_OK);
        assert_int_equal(nn_optim_step_d(kind, &om, M, P2, NG, bufs2, s, s == 1), NN_OK);
    }
    assert_true(memcmp(P1, P2, sizeof P1) == 0);
    assert_true(memcmp(a1, a2, sizeof a1) == 0);
}

static void test_step_fast_loops(void **state)
{
    (void)state;
    run_fast_general(NN_OPTIM_SGD, 0, 6);
    run_fast_general(NN_OPTIM_ADAM, 0, 6);
    run_fast_general(NN_OPTIM_ADAMW, 0.01, 6);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_step_fast_loops),
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_options_valid),
        cmocka_unit_test(test_options_bad_values),
        cmocka_unit_test(test_options_per_method),
        cmocka_unit_test(test_check),
        cmocka_unit_test(test_buffers),
        cmocka_unit_test(test_step_sgd),
        cmocka_unit_test(test_step_adagrad),
        cmocka_unit_test(test_step_rmsprop),
        cmocka_unit_test(test_step_adam),
        cmocka_unit_test(test_step_rprop),
        cmocka_unit_test(test_step_single),
        cmocka_unit_test(test_step_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
