/* Unit tests of lib/loss.c and lib/loss_options.c (cmocka). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "nn.h"

#define NMAX 64

/* Deterministic values in [-1, 1). */
static double val(nn_int i, int salt)
{
    return sin(0.7 * (double)i + 1.3 * salt) * cos(0.31 * (double)i * salt + 0.2);
}

static void opts(int kind, nn_loss_opts *o, nn_reduction red)
{
    nn_loss_defaults(kind, o);
    o->reduction = red;
}

static void close_to(double got, double want, double rel)
{
    if (!(fabs(got - want) <= rel * fmax(1.0, fabs(want))))
        fail_msg("got %.17g, want %.17g", got, want);
}

/* ---- names and options ------------------------------------------------ */

static void test_names(void **state)
{
    int k;
    (void)state;
    for (k = 0; k < NN_LOSS_COUNT; k++) {
        assert_int_equal(nn_loss_lookup(nn_loss_name(k)), k);
        assert_non_null(strstr(nn_loss_names(), nn_loss_name(k)));
    }
    assert_int_equal(nn_loss_lookup("cross_entropy"), -1);
    assert_int_equal(nn_loss_lookup(NULL), -1);
    assert_string_equal(nn_loss_name(-1), "?");
    assert_int_equal(nn_reduction_lookup("none"), NN_RED_NONE);
    assert_int_equal(nn_reduction_lookup("avg"), -1);
    assert_true(nn_loss_per_observation(NN_LOSS_CE));
    assert_true(nn_loss_per_observation(NN_LOSS_PAIRWISE_LOGISTIC));
    assert_false(nn_loss_per_observation(NN_LOSS_HINGE));
}

static void test_options(void **state)
{
    nn_loss_opts o;
    char msg[256];
    double v;
    double w[3] = { 1, 0, 2 }, bad[2] = { 1, -1 };
    (void)state;
    nn_loss_defaults(NN_LOSS_HUBER, &o);
    assert_int_equal(o.reduction, NN_RED_MEAN);
    assert_true(o.delta == 1.0 && o.margin == 0.0 && o.label_smoothing == 0.0);
    assert_null(o.weights);
    assert_null(o.pos_weight);

    assert_int_equal(nn_loss_option(NN_LOSS_MSE, &o, "reduction", NULL, 0, "sum",
                                    msg, sizeof msg), NN_OK);
    assert_int_equal(o.reduction, NN_RED_SUM);
    assert_int_equal(nn_loss_option(NN_LOSS_MSE, &o, "reduction", NULL, 0, "avg",
                                    msg, sizeof msg), NN_EVALUE);
    assert_int_equal(nn_loss_option(NN_LOSS_MSE, &o, "reduction", NULL, 0, NULL,
                                    msg, sizeof msg), NN_EVALUE);

    v = 0.5;
    assert_int_equal(nn_loss_option(NN_LOSS_HUBER, &o, "delta", &v, 1, NULL, msg,
                                    sizeof msg), NN_OK);
    assert_true(o.delta == 0.5);
    v = 0;
    assert_int_equal(nn_loss_option(NN_LOSS_HUBER, &o, "delta", &v, 1, NULL, msg,
                                    sizeof msg), NN_EVALUE);
    assert_non_null(strstr(msg, "delta"));
    v = NAN;
    assert_int_equal(nn_loss_option(NN_LOSS_MARGIN_RANKING, &o, "margin", &v, 1,
                                    NULL, msg, sizeof msg), NN_EVALUE);
    v = -2;
    assert_int_equal(nn_loss_option(NN_LOSS_MARGIN_RANKING, &o, "margin", &v, 1,
                                    NULL, msg, sizeof msg), NN_OK);
    assert_true(o.margin == -2);
    v = 1.01;
    assert_int_equal(nn_loss_option(NN_LOSS_CE, &o, "label_smoothing", &v, 1,
                                    NULL, msg, sizeof msg), NN_EVALUE);
    v = 1;
    assert_int_equal(nn_loss_option(NN_LOSS_CE, &o, "label_smoothing", &v, 1,
                                    NULL, msg, sizeof msg), NN_OK);

    /* options of other losses */
    v = 1;
    assert_int_equal(nn_loss_option(NN_LOSS_MSE, &o, "delta", &v, 1, NULL, msg,
                                    sizeof msg), NN_ENAME);
    assert_non_null(strstr(msg, "'mse' has no option 'delta'"));
    assert_int_equal(nn_loss_option(NN_LOSS_CE, &o, "pos_weight", &v, 1, NULL,
                                    msg, sizeof msg), NN_ENAME);
    assert_non_null(strstr(msg, "label_smoothing"));

    /* vector options keep the caller's pointer */
    assert_int_equal(nn_loss_option(NN_LOSS_MSE, &o, "weights", w, 3, NULL, msg,
                                    sizeof msg), NN_OK);
    assert_ptr_equal(o.weights, w);
    assert_int_equal(o.n_weights, 3);
    assert_int_equal(nn_loss_option(NN_LOSS_MSE, &o, "weights", bad, 2, NULL, msg,
                                    sizeof msg), NN_EVALUE);
    assert_non_null(strstr(msg, "element 2"));
    assert_int_equal(nn_loss_option(NN_LOSS_BCE_LOGITS, &o, "pos_weight", w, 3,
                                    NULL, msg, sizeof msg), NN_OK);
    assert_int_equal(o.n_pos_weight, 3);
    assert_int_equal(nn_loss_option(NN_LOSS_BCE_LOGITS, &o, "pos_weight", NULL, 0,
                                    "x", msg, sizeof msg), NN_EVALUE);
}

static void test_sizes(void **state)
{
    nn_loss_opts o;
    char msg[256];
    double w[4] = { 1, 1, 1, 1 };
    nn_int r, c;
    (void)state;
    nn_loss_defaults(NN_LOSS_MSE, &o);
    assert_int_equal(nn_loss_check_sizes(NN_LOSS_MSE, &o, 4, 3, 4, 3, msg, sizeof msg), NN_OK);
    assert_int_equal(nn_loss_check_sizes(NN_LOSS_MSE, &o, 4, 3, 4, 2, msg, sizeof msg), NN_EARG);
    assert_non_null(strstr(msg, "(4x3), but T is 4x2"));
    assert_int_equal(nn_loss_check_sizes(NN_LOSS_CE, &o, 4, 3, 4, 1, msg, sizeof msg), NN_OK);
    assert_int_equal(nn_loss_check_sizes(NN_LOSS_CE, &o, 4, 3, 4, 3, msg, sizeof msg), NN_OK);
    assert_int_equal(nn_loss_check_sizes(NN_LOSS_CE, &o, 4, 3, 4, 2, msg, sizeof msg), NN_EARG);
    assert_int_equal(nn_loss_check_sizes(NN_LOSS_CE, &o, 4, 0, 4, 1, msg, sizeof msg), NN_EARG);
    assert_int_equal(nn_loss_check_sizes(NN_LOSS_NLL, &o, 4, 3, 4, 3, msg, sizeof msg), NN_EARG);
    assert_non_null(strstr(msg, "4x1"));
    assert_int_equal(nn_loss_check_sizes(NN_LOSS_MARGIN_RANKING, &o, 4, 2, 4, 1, msg, sizeof msg), NN_OK);
    assert_int_equal(nn_loss_check_sizes(NN_LOSS_MARGIN_RANKING, &o, 4, 3, 4, 1, msg, sizeof msg), NN_EARG);
    assert_int_equal(nn_loss_check_sizes(NN_LOSS_PAIRWISE_LOGISTIC, &o, 4, 2, 3, 1, msg, sizeof msg), NN_EARG);
    o.weights = w;
    o.n_weights = 3;
    assert_int_equal(nn_loss_check_sizes(NN_LOSS_MSE, &o, 4, 3, 4, 3, msg, sizeof msg), NN_EARG);
    assert_non_null(strstr(msg, "weights"));
    o.n_weights = 4;
    o.pos_weight = w;
    o.n_pos_weight = 2;
    assert_int_equal(nn_loss_check_sizes(NN_LOSS_BCE_LOGITS, &o, 4, 3, 4, 3, msg, sizeof msg), NN_EARG);
    o.n_pos_weight = 3;
    assert_int_equal(nn_loss_check_sizes(NN_LOSS_BCE_LOGITS, &o, 4, 3, 4, 3, msg, sizeof msg), NN_OK);

    o.reduction = NN_RED_NONE;
    nn_loss_out_size(NN_LOSS_CE, &o, 4, 3, &r, &c);
    assert_true(r == 4 && c == 1);
    nn_loss_out_size(NN_LOSS_HINGE, &o, 4, 3, &r, &c);
    assert_true(r == 4 && c == 3);
    assert_int_equal(nn_loss_out_count(NN_LOSS_MSE, &o, 4, 3), 12);
    o.reduction = NN_RED_SUM;
    assert_int_equal(nn_loss_out_count(NN_LOSS_MSE, &o, 4, 3), 1);
}

/* ---- values ------------------------------------------------------------ */

static double softplus(double x) { return fmax(x, 0) + log1p(exp(-fabs(x))); }

/* Reference loss of row i (per-observation) or element (elementwise), in
 * plain double from the formulas of the help. */
static double ref_elem(int kind, const nn_loss_opts *o, double z, double t, double pw)
{
    double d = z - t;
    switch (kind) {
    case NN_LOSS_MSE: return d * d;
    case NN_LOSS_MAE: return fabs(d);
    case NN_LOSS_HUBER:
        return fabs(d) < o->delta ? 0.5 * d * d : o->delta * (fabs(d) - 0.5 * o->delta);
    case NN_LOSS_BCE: return -(t * log(z) + (1 - t) * log(1 - z));
    case NN_LOSS_BCE_LOGITS: return pw * t * softplus(-z) + (1 - t) * softplus(z);
    case NN_LOSS_HINGE: return fmax(0, 1 - (t == 0 ? -1 : t) * z);
    default: return NAN;
    }
}

static double ref_row(int kind, const nn_loss_opts *o, nn_int n, nn_int k,
                      const double *Z, nn_int tcols, const double *T, nn_int i)
{
    nn_int j;
    double m = -INFINITY, s = 0, l = 0, eps = o->label_smoothing;
    switch (kind) {
    case NN_LOSS_CE:
        for (j = 0; j < k; j++) m = fmax(m, Z[i + j * n]);
        for (j = 0; j < k; j++) s += exp(Z[i + j * n] - m);
        for (j = 0; j < k; j++) {
            double t = tcols == 1 ? (double)((nn_int)T[i] - 1 == j) : T[i + j * n];
            t = (1 - eps) * t + eps / (double)k;
            l += t * (m + log(s) - Z[i + j * n]);
        }
        return l;
    case NN_LOSS_NLL: return -Z[i + ((nn_int)T[i] - 1) * n];
    case NN_LOSS_MARGIN_RANKING: return fmax(0, -T[i] * (Z[i] - Z[i + n]) + o->margin);
    case NN_LOSS_PAIRWISE_LOGISTIC: return softplus(-T[i] * (Z[i] - Z[i + n]));
    default: return NAN;
    }
}

/* Fills Z and T (n x k, T n x tcols) with valid data for the loss. */
static void make_data(int kind, nn_int n, nn_int k, nn_int tcols, double *Z, double *T)
{
    nn_int i;
    for (i = 0; i < n * k; i++) {
        Z[i] = 3 * val(i, 1);
        if (kind == NN_LOSS_BCE) Z[i] = 0.5 + 0.45 * val(i, 1);
    }
    for (i = 0; i < n * tcols; i++) {
        double v = val(i, 2);
        switch (kind) {
        case NN_LOSS_BCE: case NN_LOSS_BCE_LOGITS: T[i] = 0.5 + 0.5 * v; break;
        case NN_LOSS_HINGE: T[i] = v > 0 ? 1 : 0; break;
        case NN_LOSS_CE:
            T[i] = tcols == 1 ? (double)(1 + i % k) : fabs(v);
            break;
        case NN_LOSS_NLL: T[i] = (double)(1 + (i * 7) % k); break;
        case NN_LOSS_MARGIN_RANKING: case NN_LOSS_PAIRWISE_LOGISTIC:
            T[i] = v > 0 ? 1 : -1; break;
        default: T[i] = v; break;
        }
    }
}

/* Value against the reference formulas, and gradient against central
 * differences, for every reduction, with and without weights, in double;
 * float against double. */
static void check_loss(int kind, nn_int n, nn_int k, nn_int tcols, double option)
{
    double Z[NMAX], T[NMAX], dZ[NMAX], L[NMAX], Lp[NMAX], Lm[NMAX], w[NMAX];
    float Zs[NMAX], Ts[NMAX], dZs[NMAX], Ls[NMAX];
    double pw[3] = { 0.5, 2, 1.5 };
    nn_loss_opts o;
    int red, weighted;
    nn_int i, j, cnt;
    assert_true(n * k <= NMAX && n * tcols <= NMAX);
    make_data(kind, n, k, tcols, Z, T);
    for (i = 0; i < n; i++) w[i] = 0.25 + fabs(val(i, 5));
    for (red = NN_RED_MEAN; red <= NN_RED_NONE; red++)
        for (weighted = 0; weighted < 2; weighted++) {
            double sum = 0, wsum = 0, h = 1e-6;
            opts(kind, &o, (nn_reduction)red);
            o.delta = option > 0 ? option : 1;
            o.margin = option;
            o.label_smoothing = option;
            if (kind == NN_LOSS_BCE_LOGITS && option > 0) {
                o.pos_weight = pw;
                o.n_pos_weight = k;
            }
            if (weighted) {
                o.weights = w;
                o.n_weights = n;
            }
            assert_int_equal(nn_loss_d(kind, &o, n, k, Z, tcols, T, L, dZ), NN_OK);
            cnt = nn_loss_out_count(kind, &o, n, k);
            /* value */
            for (i = 0; i < n; i++) {
                double wi = weighted ? w[i] : 1;
                wsum += wi;
                if (nn_loss_per_observation(kind)) {
                    double l = wi * ref_row(kind, &o, n, k, Z, tcols, T, i);
                    sum += l;
                    if (red == NN_RED_NONE) close_to(L[i], l, 1e-13);
                } else
                    for (j = 0; j < k; j++) {
                        double l = wi * ref_elem(kind, &o, Z[i + j * n], T[i + j * n],
                                                 o.pos_weight ? pw[j] : 1);
                        sum += l;
                        if (red == NN_RED_NONE) close_to(L[i + j * n], l, 1e-13);
                    }
            }
            if (red == NN_RED_SUM) close_to(L[0], sum, 1e-13);
            if (red == NN_RED_MEAN)
                close_to(L[0], sum / (wsum * (nn_loss_per_observation(kind) ? 1 : (double)k)), 1e-13);
            /* gradient of sum(L) */
            for (i = 0; i < n * k; i++) {
                double z = Z[i], sp = 0, sm = 0;
                Z[i] = z + h;
                assert_int_equal(nn_loss_d(kind, &o, n, k, Z, tcols, T, Lp, NULL), NN_OK);
                Z[i] = z - h;
                assert_int_equal(nn_loss_d(kind, &o, n, k, Z, tcols, T, Lm, NULL), NN_OK);
                Z[i] = z;
                for (j = 0; j < cnt; j++) { sp += Lp[j]; sm += Lm[j]; }
                if (!(fabs(dZ[i] - (sp - sm) / (2 * h)) <= 1e-7))
                    fail_msg("%s: dZ[%ld] = %.10g, finite differences %.10g",
                             nn_loss_name(kind), (long)i, dZ[i], (sp - sm) / (2 * h));
            }
            /* float */
            for (i = 0; i < n * k; i++) Zs[i] = (float)Z[i];
            for (i = 0; i < n * tcols; i++) Ts[i] = (float)T[i];
            assert_int_equal(nn_loss_s(kind, &o, n, k, Zs, tcols, Ts, Ls, dZs), NN_OK);
            for (i = 0; i < cnt; i++)
                assert_true(fabs(Ls[i] - L[i]) <= 1e-5 * fmax(1, fabs(L[i])));
            for (i = 0; i < n * k; i++)
                assert_true(fabs(dZs[i] - dZ[i]) <= 1e-5 * fmax(1, fabs(dZ[i])));
        }
}

static void test_elementwise(void **state)
{
    (void)state;
    check_loss(NN_LOSS_MSE, 4, 3, 3, 0);
    check_loss(NN_LOSS_MAE, 4, 3, 3, 0);
    check_loss(NN_LOSS_HUBER, 4, 3, 3, 0);
    check_loss(NN_LOSS_HUBER, 4, 3, 3, 0.7);
    check_loss(NN_LOSS_BCE, 4, 3, 3, 0);
    check_loss(NN_LOSS_BCE_LOGITS, 4, 3, 3, 0);
    check_loss(NN_LOSS_BCE_LOGITS, 4, 3, 3, 1);   /* with pos_weight */
    check_loss(NN_LOSS_HINGE, 4, 3, 3, 0);
}

static void test_per_observation(void **state)
{
    (void)state;
    check_loss(NN_LOSS_CE, 5, 4, 1, 0);
    check_loss(NN_LOSS_CE, 5, 4, 4, 0);
    check_loss(NN_LOSS_CE, 5, 4, 1, 0.2);
    check_loss(NN_LOSS_CE, 5, 4, 4, 0.3);
    check_loss(NN_LOSS_CE, 3, 1, 1, 0);
    check_loss(NN_LOSS_NLL, 5, 4, 1, 0);
    check_loss(NN_LOSS_MARGIN_RANKING, 6, 2, 1, 0.4);
    check_loss(NN_LOSS_PAIRWISE_LOGISTIC, 6, 2, 1, 0);
}

/* The one-pass softmax over many columns, with the row maximum moving,
 * against two passes in long double. */
static void test_ce_wide(void **state)
{
    enum { n = 3, k = 400 };
    static double Z[n * k], T[n], dZ[n * k], L[n];
    nn_loss_opts o;
    nn_int i, j;
    (void)state;
    for (j = 0; j < k; j++)
        for (i = 0; i < n; i++)
            Z[i + j * n] = (i == 0 ? (double)j / 10 : i == 1 ? -(double)j / 10
                                                           : 50 * val(j, 3));
    Z[2 + 7 * n] = 1e4;   /* a huge logit early in the row */
    T[0] = 400; T[1] = 1; T[2] = 8;
    opts(NN_LOSS_CE, &o, NN_RED_NONE);
    assert_int_equal(nn_loss_d(NN_LOSS_CE, &o, n, k, Z, 1, T, L, dZ), NN_OK);
    for (i = 0; i < n; i++) {
        long double m = -INFINITY, s = 0, g;
        for (j = 0; j < k; j++) m = fmaxl(m, Z[i + j * n]);
        for (j = 0; j < k; j++) s += expl(Z[i + j * n] - m);
        close_to(L[i], (double)(m + logl(s) - Z[i + ((nn_int)T[i] - 1) * n]), 1e-12);
        for (j = 0; j < k; j++) {
            g = expl(Z[i + j * n] - m) / s - ((nn_int)T[i] - 1 == j);
            assert_true(fabsl(dZ[i + j * n] - g) <= 1e-14L);
        }
    }
    assert_true(L[2] == 0);   /* class 8 holds the huge logit */
}

/* Many rows (several blocks of rows), T as indices and as one-hot rows,
 * value only and with the gradient, against two passes in long double. */
static void test_ce_blocks(void **state)
{
    enum { n = 5000, k = 10 };
    double *Z = malloc(n * k * sizeof *Z), *T = malloc(n * sizeof *T);
    double *P = calloc(n * k, sizeof *P), *dZ = malloc(n * k * sizeof *dZ);
    double *L = malloc(n * sizeof *L), *L2 = malloc(n * sizeof *L2);
    nn_loss_opts o;
    nn_int i, j;
    (void)state;
    assert_true(Z && T && P && dZ && L && L2);
    for (i = 0; i < n * k; i++)
        Z[i] = 20 * val(i, 7);
    for (i = 0; i < n; i++) {
        T[i] = (double)(1 + i % k);
        P[i + (i % k) * n] = 1;
    }
    opts(NN_LOSS_CE, &o, NN_RED_NONE);
    assert_int_equal(nn_loss_d(NN_LOSS_CE, &o, n, k, Z, 1, T, L, dZ), NN_OK);
    assert_int_equal(nn_loss_d(NN_LOSS_CE, &o, n, k, Z, k, P, L2, NULL), NN_OK);
    for (i = 0; i < n; i++) {
        long double m = -INFINITY, s = 0, g;
        for (j = 0; j < k; j++) m = fmaxl(m, Z[i + j * n]);
        for (j = 0; j < k; j++) s += expl(Z[i + j * n] - m);
        close_to(L[i], (double)(m + logl(s) - Z[i + (i % k) * n]), 1e-12);
        close_to(L2[i], L[i], 1e-12);
        for (j = 0; j < k; j++) {
            g = expl(Z[i + j * n] - m) / s - (i % k == j);
            assert_true(fabsl(dZ[i + j * n] - g) <= 1e-14L);
        }
    }
    free(Z); free(T); free(P); free(dZ); free(L); free(L2);
}

/* ---- domains, empty input, extremes ------------------------------------- */

static void test_domain(void **state)
{
    double Z[6] = { 0.5, 0.5, 0.5, 0.5, 0.5, 0.5 }, T[6], L[6], dZ[6];
    nn_loss_fact f;
    nn_loss_opts o;
    (void)state;
    opts(NN_LOSS_CE, &o, NN_RED_MEAN);
    T[0] = 1; T[1] = 4;
    assert_int_equal(nn_loss_d(NN_LOSS_CE, &o, 2, 3, Z, 1, T, L, dZ), NN_EARG);
    assert_int_equal(nn_loss_check_d(NN_LOSS_CE, &o, 2, 3, Z, 1, T, &f), NN_EARG);
    assert_true(f.what == NN_LOSS_BAD_T_CLASS && f.row == 1 && f.value == 4);
    T[1] = 2.5;
    assert_int_equal(nn_loss_d(NN_LOSS_NLL, &o, 2, 3, Z, 1, T, L, dZ), NN_EARG);
    T[1] = NAN;
    assert_int_equal(nn_loss_d(NN_LOSS_NLL, &o, 2, 3, Z, 1, T, L, NULL), NN_EARG);
    T[0] = 1; T[1] = 0; T[2] = -1; T[3] = 1;
    assert_int_equal(nn_loss_check_d(NN_LOSS_HINGE, &o, 2, 2, Z, 2, T, &f), NN_EARG);
    assert_true(f.what == NN_LOSS_BAD_T_MIXED && f.row == 1 && f.col == 0 &&
                f.row2 == 0 && f.col2 == 1);
    assert_int_equal(nn_loss_d(NN_LOSS_MARGIN_RANKING, &o, 2, 2, Z, 1, T, L, dZ), NN_EARG);
    T[1] = 1;
    Z[3] = 1.5;
    assert_int_equal(nn_loss_check_d(NN_LOSS_BCE, &o, 2, 2, Z, 2, T, &f), NN_EARG);
    assert_true(f.what == NN_LOSS_BAD_Z_PROB && f.row == 1 && f.col == 1 && f.value == 1.5);
    assert_int_equal(nn_loss_check_d(NN_LOSS_BCE, &o, 2, 2, Z, 2, T, NULL), NN_EARG);
    T[2] = 1.5;
    assert_int_equal(nn_loss_d(NN_LOSS_BCE_LOGITS, &o, 2, 2, Z, 2, T, L, dZ), NN_EARG);
    /* sizes are checked by the kernel too */
    assert_int_equal(nn_loss_d(NN_LOSS_MSE, &o, 2, 2, Z, 1, T, L, dZ), NN_EARG);
    assert_int_equal(nn_loss_d(-1, &o, 2, 2, Z, 2, T, L, dZ), NN_ENAME);
}

static void test_empty_and_extremes(void **state)
{
    double Z[8] = { 0, 1, -1, 1e4, -1e4, 1e300, -1e300, 30 };
    double T[8] = { 1, 0, 1, 0, 1, 1, 0, 1 }, L[8], dZ[8];
    float Zs[8], Ls[8], dZs[8];
    nn_loss_opts o;
    int i, kind;
    (void)state;
    opts(NN_LOSS_MSE, &o, NN_RED_MEAN);
    assert_int_equal(nn_loss_d(NN_LOSS_MSE, &o, 0, 3, Z, 3, T, L, dZ), NN_OK);
    assert_true(isnan(L[0]));
    assert_int_equal(nn_loss_d(NN_LOSS_CE, &o, 0, 3, Z, 1, T, L, dZ), NN_OK);
    assert_true(isnan(L[0]));
    o.reduction = NN_RED_SUM;
    assert_int_equal(nn_loss_d(NN_LOSS_CE, &o, 0, 3, Z, 1, T, L, dZ), NN_OK);
    assert_true(L[0] == 0);

    for (i = 0; i < 8; i++) {
        Zs[i] = (float)(fabs(Z[i]) > 1e30 ? (Z[i] > 0 ? 1e30 : -1e30) : Z[i]);
    }
    /* the logit losses; bernoulli and categorical are bce_logits and ce,
     * the likelihood losses of distribution parameters are in
     * test_likelihood */
    for (kind = 0; kind < NN_LOSS_BERNOULLI; kind++) {
        nn_int k = kind == NN_LOSS_MARGIN_RANKING || kind == NN_LOSS_PAIRWISE_LOGISTIC
                       ? 2 : kind == NN_LOSS_CE || kind == NN_LOSS_NLL ? 4 : 1;
        nn_int n = 8 / k, tcols = nn_loss_per_observation(kind) ? 1 : k;
        double Td[8];
        float Tf[8];
        if (kind == NN_LOSS_BCE || kind == NN_LOSS_MSE || kind == NN_LOSS_MAE ||
            kind == NN_LOSS_HUBER || kind == NN_LOSS_NLL)
            continue;   /* not logits */
        for (i = 0; i < 8; i++) {
            Td[i] = kind == NN_LOSS_CE ? 1 + i % k
                  : kind == NN_LOSS_HINGE || kind == NN_LOSS_BCE_LOGITS ? T[i]
                  : 2 * T[i] - 1;
            Tf[i] = (float)Td[i];
        }
        opts(kind, &o, NN_RED_NONE);
        assert_int_equal(nn_loss_d(kind, &o, n, k, Z, tcols, Td, L, dZ), NN_OK);
        assert_int_equal(nn_loss_s(kind, &o, n, k, Zs, tcols, Tf, Ls, dZs), NN_OK);
        for (i = 0; i < n * (nn_loss_per_observation(kind) ? 1 : k); i++)
            assert_true(isfinite(L[i]) && isfinite(Ls[i]));
        for (i = 0; i < 8; i++)
            assert_true(isfinite(dZ[i]) && isfinite(dZs[i]));
    }
}

/* ---- likelihood-named losses ------------------------------------------ */

/* Gradient of sum(L) against central differences for every reduction,
 * with and without weights; float against double; returns L (reduction
 * 'none', unweighted) in Lnone. */
static void check_fd(int kind, const nn_loss_opts *base, nn_int n, nn_int k,
                     double *Z, nn_int tcols, const double *T, double *Lnone)
{
    double dZ[NMAX], L[NMAX], Lp[NMAX], Lm[NMAX], w[NMAX];
    float Zs[NMAX], Ts[NMAX], dZs[NMAX], Ls[NMAX];
    nn_loss_opts o;
    nn_int i, j, r, c;
    int red, weighted;
    for (i = 0; i < n; i++) w[i] = 0.25 + fabs(val(i, 5));
    for (red = NN_RED_MEAN; red <= NN_RED_NONE; red++)
        for (weighted = 0; weighted < 2; weighted++) {
            double h = 1e-6;
            o = *base;
            o.reduction = (nn_reduction)red;
            o.weights = weighted ? w : NULL;
            o.n_weights = weighted ? n : 0;
            assert_int_equal(nn_loss_check_sizes(kind, &o, n, k, n, tcols, NULL, 0), NN_OK);
            nn_loss_value_size(kind, &o, n, k, tcols, &r, &c);
            assert_int_equal(nn_loss_d(kind, &o, n, k, Z, tcols, T, L, dZ), NN_OK);
            if (red == NN_RED_NONE && !weighted)
                memcpy(Lnone, L, (size_t)(r * c) * sizeof(double));
            for (i = 0; i < n * k; i++) {
                double z = Z[i], sp = 0, sm = 0;
                Z[i] = z + h;
                assert_int_equal(nn_loss_d(kind, &o, n, k, Z, tcols, T, Lp, NULL), NN_OK);
                Z[i] = z - h;
                assert_int_equal(nn_loss_d(kind, &o, n, k, Z, tcols, T, Lm, NULL), NN_OK);
                Z[i] = z;
                for (j = 0; j < r * c; j++) { sp += Lp[j]; sm += Lm[j]; }
                if (!(fabs(dZ[i] - (sp - sm) / (2 * h)) <= 1e-7 * fmax(1, fabs(dZ[i]))))
                    fail_msg("%s: dZ[%ld] = %.10g, finite differences %.10g",
                             nn_loss_name(kind), (long)i, dZ[i], (sp - sm) / (2 * h));
            }
            for (i = 0; i < n * k; i++) Zs[i] = (float)Z[i];
            for (i = 0; i < n * tcols; i++) Ts[i] = (float)T[i];
            assert_int_equal(nn_loss_s(kind, &o, n, k, Zs, tcols, Ts, Ls, dZs), NN_OK);
            for (i = 0; i < r * c; i++)
                assert_true(fabs(Ls[i] - L[i]) <= 1e-5 * fmax(1, fabs(L[i])));
            for (i = 0; i < n * k; i++)
                assert_true(fabs(dZs[i] - dZ[i]) <= 1e-5 * fmax(1, fabs(dZ[i])));
        }
}

static void test_likelihood(void **state)
{
    double Z[NMAX], T[NMAX], L[NMAX], L2[NMAX], C[NMAX];
    const double half_log_2pi = 0.5 * log(2 * 3.14159265358979323846);
    nn_loss_opts o;
    nn_int n = 5, kt = 3, i, j;
    char msg[256];
    double v;
    (void)state;
    for (i = 0; i < 2 * n * kt; i++) Z[i] = 2 * val(i, 1);
    for (i = 0; i < n * kt; i++) {
        T[i] = val(i, 2);
        C[i] = (double)((i * 7) % 5);
    }
    /* gaussian, fixed sigma and learned [mean, log variance] */
    nn_loss_defaults(NN_LOSS_GAUSSIAN, &o);
    check_fd(NN_LOSS_GAUSSIAN, &o, n, kt, Z, kt, T, L);
    for (i = 0; i < n * kt; i++)
        close_to(L[i], 0.5 * (Z[i] - T[i]) * (Z[i] - T[i]), 1e-15);
    v = 0.6;
    assert_int_equal(nn_loss_option(NN_LOSS_GAUSSIAN, &o, "sigma", &v, 1, NULL, msg, sizeof msg), NN_OK);
    v = 1;
    assert_int_equal(nn_loss_option(NN_LOSS_GAUSSIAN, &o, "full", &v, 1, NULL, msg, sizeof msg), NN_OK);
    check_fd(NN_LOSS_GAUSSIAN, &o, n, kt, Z, kt, T, L);
    for (i = 0; i < n * kt; i++)
        close_to(L[i], (Z[i] - T[i]) * (Z[i] - T[i]) / 0.72 + log(0.6) + half_log_2pi, 1e-14);
    /* learned: the sigma given is refused */
    assert_int_equal(nn_loss_check_sizes(NN_LOSS_GAUSSIAN, &o, n, 2 * kt, n, kt, msg, sizeof msg), NN_EARG);
    assert_non_null(strstr(msg, "'sigma'"));
    assert_int_equal(nn_loss_d(NN_LOSS_GAUSSIAN, &o, n, 2 * kt, Z, kt, T, L, NULL), NN_EARG);
    nn_loss_defaults(NN_LOSS_GAUSSIAN, &o);
    o.full = 1;
    check_fd(NN_LOSS_GAUSSIAN, &o, n, 2 * kt, Z, kt, T, L);
    for (j = 0; j < kt; j++)
        for (i = 0; i < n; i++) {
            double m = Z[i + j * n], s = Z[i + (j + kt) * n], t = T[i + j * n];
            close_to(L[i + j * n], 0.5 * (s + (m - t) * (m - t) * exp(-s)) + half_log_2pi, 1e-14);
        }
    /* laplace, fixed and learned [location, log scale] */
    nn_loss_defaults(NN_LOSS_LAPLACE, &o);
    check_fd(NN_LOSS_LAPLACE, &o, n, kt, Z, kt, T, L);
    for (i = 0; i < n * kt; i++) close_to(L[i], fabs(Z[i] - T[i]), 1e-15);
    v = 0.4;
    assert_int_equal(nn_loss_option(NN_LOSS_LAPLACE, &o, "scale", &v, 1, NULL, msg, sizeof msg), NN_OK);
    check_fd(NN_LOSS_LAPLACE, &o, n, kt, Z, kt, T, L);
    for (i = 0; i < n * kt; i++) close_to(L[i], fabs(Z[i] - T[i]) / 0.4 + log(0.4), 1e-14);
    nn_loss_defaults(NN_LOSS_LAPLACE, &o);
    check_fd(NN_LOSS_LAPLACE, &o, n, 2 * kt, Z, kt, T, L);
    for (j = 0; j < kt; j++)
        for (i = 0; i < n; i++) {
            double m = Z[i + j * n], s = Z[i + (j + kt) * n], t = T[i + j * n];
            close_to(L[i + j * n], fabs(m - t) * exp(-s) + s, 1e-14);
        }
    /* poisson, log rates and rates */
    nn_loss_defaults(NN_LOSS_POISSON, &o);
    assert_true(o.log_input == 1 && o.eps == 1e-8);
    check_fd(NN_LOSS_POISSON, &o, n, kt, Z, kt, C, L);
    for (i = 0; i < n * kt; i++) close_to(L[i], exp(Z[i]) - C[i] * Z[i], 1e-14);
    o.log_input = 0;
    o.full = 1;
    for (i = 0; i < n * kt; i++) Z[i] = 0.3 + fabs(Z[i]);
    check_fd(NN_LOSS_POISSON, &o, n, kt, Z, kt, C, L);
    for (i = 0; i < n * kt; i++) {
        double t = C[i], st = t > 1 ? t * log(t) - t + 0.5 * log(2 * 3.14159265358979323846 * t) : 0;
        close_to(L[i], Z[i] - t * log(Z[i] + 1e-8) + st, 1e-14);
    }
    /* bernoulli and categorical: the numbers of bce_logits and ce */
    nn_loss_defaults(NN_LOSS_BERNOULLI, &o);
    for (i = 0; i < n * kt; i++) T[i] = 0.5 + 0.5 * val(i, 2);
    assert_int_equal(nn_loss_d(NN_LOSS_BERNOULLI, &o, n, kt, Z, kt, T, L, NULL), NN_OK);
    assert_int_equal(nn_loss_d(NN_LOSS_BCE_LOGITS, &o, n, kt, Z, kt, T, L2, NULL), NN_OK);
    assert_true(L[0] == L2[0]);
    check_fd(NN_LOSS_BERNOULLI, &o, n, kt, Z, kt, T, L);
    nn_loss_defaults(NN_LOSS_CATEGORICAL, &o);
    for (i = 0; i < n; i++) C[i] = (double)(1 + i % kt);
    assert_true(nn_loss_per_observation(NN_LOSS_CATEGORICAL));
    assert_int_equal(nn_loss_d(NN_LOSS_CATEGORICAL, &o, n, kt, Z, 1, C, L, NULL), NN_OK);
    assert_int_equal(nn_loss_d(NN_LOSS_CE, &o, n, kt, Z, 1, C, L2, NULL), NN_OK);
    assert_true(L[0] == L2[0]);
    check_fd(NN_LOSS_CATEGORICAL, &o, n, kt, Z, 1, C, L);
}

static void test_likelihood_options(void **state)
{
    nn_loss_opts o;
    nn_loss_fact f;
    char msg[256];
    double v, Z[4] = { 1, -1, 0.5, 2 }, T[4] = { 0, 2, -1, 1 };
    nn_int r, c;
    (void)state;
    assert_int_equal(nn_loss_alias_of(NN_LOSS_BERNOULLI), NN_LOSS_BCE_LOGITS);
    assert_int_equal(nn_loss_alias_of(NN_LOSS_CATEGORICAL), NN_LOSS_CE);
    assert_int_equal(nn_loss_alias_of(NN_LOSS_GAUSSIAN), NN_LOSS_GAUSSIAN);
    assert_true(nn_loss_learned(NN_LOSS_GAUSSIAN, 4, 2));
    assert_true(nn_loss_learned(NN_LOSS_LAPLACE, 2, 1));
    assert_false(nn_loss_learned(NN_LOSS_GAUSSIAN, 2, 2));
    assert_false(nn_loss_learned(NN_LOSS_POISSON, 2, 1));
    assert_false(nn_loss_learned(NN_LOSS_GAUSSIAN, 0, 0));
    nn_loss_defaults(NN_LOSS_GAUSSIAN, &o);
    assert_true(o.sigma == 1 && o.eps == 1e-6 && !o.full);
    v = 0;
    assert_int_equal(nn_loss_option(NN_LOSS_GAUSSIAN, &o, "sigma", &v, 1, NULL, msg, sizeof msg), NN_EVALUE);
    assert_int_equal(nn_loss_option(NN_LOSS_GAUSSIAN, &o, "eps", &v, 1, NULL, msg, sizeof msg), NN_EVALUE);
    assert_int_equal(nn_loss_option(NN_LOSS_POISSON, &o, "eps", &v, 1, NULL, msg, sizeof msg), NN_OK);
    v = 2;
    assert_int_equal(nn_loss_option(NN_LOSS_GAUSSIAN, &o, "full", &v, 1, NULL, msg, sizeof msg), NN_EVALUE);
    assert_int_equal(nn_loss_option(NN_LOSS_GAUSSIAN, &o, "scale", &v, 1, NULL, msg, sizeof msg), NN_ENAME);
    assert_non_null(strstr(msg, "'sigma', 'eps', 'full'"));
    assert_int_equal(nn_loss_option(NN_LOSS_POISSON, &o, "log", &v, 1, NULL, msg, sizeof msg), NN_ENAME);
    assert_int_equal(nn_loss_option(NN_LOSS_BERNOULLI, &o, "pos_weight", &v, 1, NULL, msg, sizeof msg), NN_OK);
    assert_int_equal(nn_loss_option(NN_LOSS_CATEGORICAL, &o, "label_smoothing", &v, 1, NULL, msg, sizeof msg), NN_EVALUE);
    /* sizes */
    nn_loss_defaults(NN_LOSS_GAUSSIAN, &o);
    assert_int_equal(nn_loss_check_sizes(NN_LOSS_GAUSSIAN, &o, 4, 2, 4, 1, msg, sizeof msg), NN_OK);
    assert_int_equal(nn_loss_check_sizes(NN_LOSS_GAUSSIAN, &o, 4, 3, 4, 1, msg, sizeof msg), NN_EARG);
    assert_non_null(strstr(msg, "[mean, log variance]"));
    assert_int_equal(nn_loss_check_sizes(NN_LOSS_POISSON, &o, 4, 2, 4, 1, msg, sizeof msg), NN_EARG);
    assert_int_equal(nn_loss_check_sizes(NN_LOSS_CATEGORICAL, &o, 4, 3, 4, 2, msg, sizeof msg), NN_EARG);
    o.reduction = NN_RED_NONE;
    nn_loss_value_size(NN_LOSS_GAUSSIAN, &o, 4, 2, 1, &r, &c);
    assert_true(r == 4 && c == 1);
    nn_loss_value_size(NN_LOSS_GAUSSIAN, &o, 4, 2, 2, &r, &c);
    assert_true(r == 4 && c == 2);
    nn_loss_value_size(NN_LOSS_CATEGORICAL, &o, 4, 3, 1, &r, &c);
    assert_true(r == 4 && c == 1);
    /* domains of poisson */
    nn_loss_defaults(NN_LOSS_POISSON, &o);
    assert_int_equal(nn_loss_check_d(NN_LOSS_POISSON, &o, 2, 2, Z, 2, T, &f), NN_EARG);
    assert_true(f.what == NN_LOSS_BAD_T_COUNT && f.row == 0 && f.col == 1 && f.value == -1);
    T[2] = 3;
    assert_int_equal(nn_loss_check_d(NN_LOSS_POISSON, &o, 2, 2, Z, 2, T, &f), NN_OK);
    o.log_input = 0;
    assert_int_equal(nn_loss_check_d(NN_LOSS_POISSON, &o, 2, 2, Z, 2, T, &f), NN_EARG);
    assert_true(f.what == NN_LOSS_BAD_Z_RATE && f.row == 1 && f.col == 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_options),
        cmocka_unit_test(test_sizes),
        cmocka_unit_test(test_elementwise),
        cmocka_unit_test(test_per_observation),
        cmocka_unit_test(test_ce_wide),
        cmocka_unit_test(test_ce_blocks),
        cmocka_unit_test(test_domain),
        cmocka_unit_test(test_empty_and_extremes),
        cmocka_unit_test(test_likelihood),
        cmocka_unit_test(test_likelihood_options),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
