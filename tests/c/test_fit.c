/* Unit tests of lib/ fused training epoch (nn_fit.h), with cmocka: a tiny
 * network trained by nn_fit against a hand-written reference loop. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>
#include "nn.h"

/* 3 inputs, 4 tanh units, 2 linear outputs; 7 observations, batches of 3 */
#define NOBS 7
#define NIN 3
#define NH 4
#define NOUT 2
#define BATCH 3
#define NSTEPS 3

static double X[NOBS * NIN], T[NOBS * NOUT];          /* column-major */
static double W1[NH * NIN], b1[NH], W2[NOUT * NH], b2[NOUT];
static const nn_int PERM[NOBS] = { 4, 0, 6, 2, 5, 1, 3 };

static void init_data(void)
{
    int i;
    for (i = 0; i < NOBS * NIN; i++)
        X[i] = sin(1.3 * i + 0.2);
    for (i = 0; i < NOBS * NOUT; i++)
        T[i] = cos(0.7 * i);
    for (i = 0; i < NH * NIN; i++)
        W1[i] = 0.4 * sin(2.1 * i + 1);
    for (i = 0; i < NH; i++)
        b1[i] = 0.1 * i - 0.15;
    for (i = 0; i < NOUT * NH; i++)
        W2[i] = 0.5 * cos(1.7 * i);
    for (i = 0; i < NOUT; i++)
        b2[i] = 0.05 * i;
}

static void near(double a, double b, double tol)
{
    if (!(fabs(a - b) <= tol * (1 + fabs(b)))) {
        print_error("%.17g != %.17g (tol %g)\n", a, b, tol);
        fail();
    }
}

/* The reference: plain loops, mse, sgd with momentum mu and L2 l2. */
static void reference(double lr, double mu, double l2, double *w1, double *c1,
                      double *w2, double *c2, double *losses, double *Yall)
{
    double m1[NH * NIN], mc1[NH], m2[NOUT * NH], mc2[NOUT];
    int s, r, i, j, k;
    for (s = 0; s < NSTEPS; s++) {
        int m = NOBS - s * BATCH < BATCH ? NOBS - s * BATCH : BATCH;
        double h[BATCH][NH], dz[BATCH][NOUT], dh[BATCH][NH];
        double g1[NH * NIN], gc1[NH], g2[NOUT * NH], gc2[NOUT], L = 0;
        for (r = 0; r < m; r++) {
            nn_int o = PERM[s * BATCH + r];
            for (j = 0; j < NH; j++) {
                double a = c1[j];
                for (k = 0; k < NIN; k++)
                    a += X[o + k * NOBS] * w1[j + k * NH];
                h[r][j] = tanh(a);
            }
            for (j = 0; j < NOUT; j++) {
                double a = c2[j];
                for (k = 0; k < NH; k++)
                    a += h[r][k] * w2[j + k * NOUT];
                Yall[o + j * NOBS] = a;
                L += (a - T[o + j * NOBS]) * (a - T[o + j * NOBS]) / (m * NOUT);
                dz[r][j] = 2 * (a - T[o + j * NOBS]) / (m * NOUT);
            }
        }
        memset(g1, 0, sizeof g1); memset(gc1, 0, sizeof gc1);
        memset(g2, 0, sizeof g2); memset(gc2, 0, sizeof gc2);
        for (r = 0; r < m; r++) {
            nn_int o = PERM[s * BATCH + r];
            for (j = 0; j < NOUT; j++) {
                gc2[j] += dz[r][j];
                for (k = 0; k < NH; k++)
                    g2[j + k * NOUT] += dz[r][j] * h[r][k];
            }
            for (k = 0; k < NH; k++) {
                double a = 0;
                for (j = 0; j < NOUT; j++)
                    a += dz[r][j] * w2[j + k * NOUT];
                dh[r][k] = a * (1 - h[r][k] * h[r][k]);
                gc1[k] += dh[r][k];
                for (i = 0; i < NIN; i++)
                    g1[k + i * NH] += dh[r][k] * X[o + i * NOBS];
            }
        }
        /* L2 and sgd with momentum, layer 1 then layer 2, W then b */
        {
            double sq = 0;
            for (i = 0; i < NH * NIN; i++) { sq += w1[i] * w1[i]; g1[i] += l2 * w1[i]; }
            if (l2 > 0) L += l2 / 2 * sq;
            for (i = 0; i < NH * NIN; i++) {
                m1[i] = s == 0 ? g1[i] : mu * m1[i] + g1[i];
                w1[i] -= lr * m1[i];
            }
            for (i = 0; i < NH; i++) {
                mc1[i] = s == 0 ? gc1[i] : mu * mc1[i] + gc1[i];
                c1[i] -= lr * mc1[i];
            }
            sq = 0;
            for (i = 0; i < NOUT * NH; i++) { sq += w2[i] * w2[i]; g2[i] += l2 * w2[i]; }
            if (l2 > 0) L += l2 / 2 * sq;
            for (i = 0; i < NOUT * NH; i++) {
                m2[i] = s == 0 ? g2[i] : mu * m2[i] + g2[i];
                w2[i] -= lr * m2[i];
            }
            for (i = 0; i < NOUT; i++) {
                mc2[i] = s == 0 ? gc2[i] : mu * mc2[i] + gc2[i];
                c2[i] -= lr * mc2[i];
            }
        }
        losses[s] = L;
    }
}

/* nn_fit_d on copies of the parameters; the optimizer sgd(lr, momentum). */
typedef struct {
    double w1[NH * NIN], c1[NH], w2[NOUT * NH], c2[NOUT];
    double bw1[NH * NIN], bc1[NH], bw2[NOUT * NH], bc2[NOUT];
    nn_fit_layer_d L[3];
    nn_loss_opts lo;
    nn_optim_opts oo;
    nn_fit_config c;
} run_d;

static void setup(run_d *R, int loss, double lr, double mu, double l2)
{
    char msg[256];
    memset(R, 0, sizeof *R);
    memcpy(R->w1, W1, sizeof W1); memcpy(R->c1, b1, sizeof b1);
    memcpy(R->w2, W2, sizeof W2); memcpy(R->c2, b2, sizeof b2);
    R->L[0].type = NN_FIT_DENSE; R->L[0].units = NH;
    R->L[0].W = R->w1; R->L[0].b = R->c1;
    R->L[0].bufW[0] = R->bw1; R->L[0].bufb[0] = R->bc1;
    R->L[0].freshW = R->L[0].freshb = 1;
    R->L[1].type = NN_FIT_ACT; R->L[1].act = NN_ACT_TANH;
    nn_act_defaults(NN_ACT_TANH, &R->L[1].act_opts);
    R->L[2].type = NN_FIT_DENSE; R->L[2].units = NOUT;
    R->L[2].W = R->w2; R->L[2].b = R->c2;
    R->L[2].bufW[0] = R->bw2; R->L[2].bufb[0] = R->bc2;
    R->L[2].freshW = R->L[2].freshb = 1;
    nn_loss_defaults(loss, &R->lo);
    nn_optim_defaults(NN_OPTIM_SGD, &R->oo);
    assert_int_equal(nn_optim_option(NN_OPTIM_SGD, &R->oo, "lr", &lr, 1, NULL, msg, sizeof msg), NN_OK);
    assert_int_equal(nn_optim_option(NN_OPTIM_SGD, &R->oo, "momentum", &mu, 1, NULL, msg, sizeof msg), NN_OK);
    R->c.n = NOBS; R->c.in = NIN; R->c.batch = BATCH; R->c.perm = PERM;
    R->c.max_steps = -1; R->c.loss = loss; R->c.loss_opts = &R->lo;
    R->c.tcols = NOUT; R->c.optim = NN_OPTIM_SGD; R->c.optim_opts = &R->oo; R->c.l2 = l2;
}

static void check_against_reference(double l2)
{
    run_d R;
    double Xd[NOBS * NIN], losses[NSTEPS], Y[NOBS * NOUT];
    double w1[NH * NIN], c1[NH], w2[NOUT * NH], c2[NOUT];
    double rl[NSTEPS], rY[NOBS * NOUT];
    nn_int stopped = -1;
    int i;
    init_data();
    memcpy(Xd, X, sizeof X);
    setup(&R, NN_LOSS_MSE, 0.1, 0.9, l2);
    assert_int_equal(nn_fit_d(&R.c, 3, R.L, Xd, T, losses, Y, &stopped, NULL), NN_OK);
    assert_int_equal(stopped, 0);
    memcpy(w1, W1, sizeof W1); memcpy(c1, b1, sizeof b1);
    memcpy(w2, W2, sizeof W2); memcpy(c2, b2, sizeof b2);
    reference(0.1, 0.9, l2, w1, c1, w2, c2, rl, rY);
    for (i = 0; i < NSTEPS; i++) near(losses[i], rl[i], 1e-13);
    for (i = 0; i < NOBS * NOUT; i++) near(Y[i], rY[i], 1e-13);
    for (i = 0; i < NH * NIN; i++) near(R.w1[i], w1[i], 1e-13);
    for (i = 0; i < NH; i++) near(R.c1[i], c1[i], 1e-13);
    for (i = 0; i < NOUT * NH; i++) near(R.w2[i], w2[i], 1e-13);
    for (i = 0; i < NOUT; i++) near(R.c2[i], c2[i], 1e-13);
    /* the steps are counted, the states no longer fresh */
    assert_true(R.L[0].stepsW == NSTEPS && R.L[2].stepsb == NSTEPS);
    assert_int_equal(R.L[0].freshW, 0);
    assert_int_equal(R.L[2].freshb, 0);
}

static void test_fit_reference(void **state)
{
    (void)state;
    check_against_reference(0);
}

static void test_fit_reference_l2(void **state)
{
    (void)state;
    check_against_reference(0.05);
}

/* The same kernels, called by hand in nn_train's order: bit-identical. */
static void test_fit_same_kernels(void **state)
{
    run_d R, H;
    double Xd[NOBS * NIN], losses[NSTEPS], Y[NOBS * NOUT];
    nn_int stopped;
    int s;
    (void)state;
    init_data();
    memcpy(Xd, X, sizeof X);
    setup(&R, NN_LOSS_MSE, 0.1, 0.9, 0);
    setup(&H, NN_LOSS_MSE, 0.1, 0.9, 0);
    assert_int_equal(nn_fit_d(&R.c, 3, R.L, Xd, T, losses, Y, &stopped, NULL), NN_OK);
    for (s = 0; s < NSTEPS; s++) {
        int m = NOBS - s * BATCH < BATCH ? NOBS - s * BATCH : BATCH, r, j;
        double Xb[BATCH * NIN], Tb[BATCH * NOUT], Z1[BATCH * NH], A1[BATCH * NH];
        double Z2[BATCH * NOUT], dZ[BATCH * NOUT], dA[BATCH * NH], dH[BATCH * NH];
        double gW1[NH * NIN], gb1[NH], gW2[NOUT * NH], gb2[NOUT], L;
        double *b1buf[1] = { H.bw1 }, *c1buf[1] = { H.bc1 };
        double *b2buf[1] = { H.bw2 }, *c2buf[1] = { H.bc2 };
        for (r = 0; r < m; r++) {
            for (j = 0; j < NIN; j++) Xb[r + j * m] = X[PERM[s * BATCH + r] + j * NOBS];
            for (j = 0; j < NOUT; j++) Tb[r + j * m] = T[PERM[s * BATCH + r] + j * NOBS];
        }
        nn_dense_forward_d(m, NIN, NH, Xb, H.w1, H.c1, Z1);
        nn_act_forward_d(NN_ACT_TANH, NULL, m, NH, Z1, A1);
        nn_dense_forward_d(m, NH, NOUT, A1, H.w2, H.c2, Z2);
        nn_loss_d(NN_LOSS_MSE, &H.lo, m, NOUT, Z2, NOUT, Tb, &L, dZ);
        nn_dense_backward_d(m, NH, NOUT, A1, H.w2, dZ, dA, gW2, gb2);
        nn_act_backward_d(NN_ACT_TANH, NULL, m, NH, Z1, dA, dH);
        nn_dense_backward_d(m, NIN, NH, Xb, H.w1, dH, NULL, gW1, gb1);
        nn_optim_step_d(NN_OPTIM_SGD, &H.oo, NH * NIN, H.w1, gW1, b1buf, s + 1, s == 0);
        nn_optim_step_d(NN_OPTIM_SGD, &H.oo, NH, H.c1, gb1, c1buf, s + 1, s == 0);
        nn_optim_step_d(NN_OPTIM_SGD, &H.oo, NOUT * NH, H.w2, gW2, b2buf, s + 1, s == 0);
        nn_optim_step_d(NN_OPTIM_SGD, &H.oo, NOUT, H.c2, gb2, c2buf, s + 1, s == 0);
        assert_true(memcmp(&L, &losses[s], sizeof L) == 0);
    }
    assert_true(memcmp(H.w1, R.w1, sizeof H.w1) == 0);
    assert_true(memcmp(H.c1, R.c1, sizeof H.c1) == 0);
    assert_true(memcmp(H.w2, R.w2, sizeof H.w2) == 0);
    assert_true(memcmp(H.c2, R.c2, sizeof H.c2) == 0);
}

/* The chunk size (rows gathered at a time) and the order of the gather
 * change no bit of the result, also when the chunk does not divide the data
 * or perm repeats a row. */
static void test_fit_chunks(void **state)
{
    static const nn_int DUP[NOBS] = { 4, 4, 6, 2, 2, 1, 4 };
    const nn_int *perms[2] = { PERM, DUP };
    const nn_int chunks[6] = { 1, 2, 3, 6, 7, 100 };
    int p, k, g;
    (void)state;
    init_data();
    for (g = 0; g < 3; g++)
    for (p = 0; p < 2; p++) {
        run_d A, R;
        double la[NSTEPS], ya[NOBS * NOUT], lr[NSTEPS], yr[NOBS * NOUT];
        nn_int stopped;
        setup(&A, NN_LOSS_MSE, 0.1, 0.9, 0.01);
        A.c.perm = perms[p];
        memset(ya, 0, sizeof ya);
        assert_int_equal(nn_fit_d(&A.c, 3, A.L, X, T, la, ya, &stopped, NULL), NN_OK);
        for (k = 0; k < 6; k++) {
            setup(&R, NN_LOSS_MSE, 0.1, 0.9, 0.01);
            R.c.perm = perms[p];
            R.c.chunk = chunks[k];
            R.c.gather = g;            /* automatic, chunk order, row order */
            memset(yr, 0, sizeof yr);
            assert_int_equal(nn_fit_d(&R.c, 3, R.L, X, T, lr, yr, &stopped, NULL), NN_OK);
            assert_true(memcmp(la, lr, sizeof la) == 0);
            assert_true(memcmp(ya, yr, sizeof ya) == 0);
            assert_true(memcmp(A.w1, R.w1, sizeof A.w1) == 0);
            assert_true(memcmp(A.c2, R.c2, sizeof A.c2) == 0);
            assert_true(memcmp(A.bw1, R.bw1, sizeof A.bw1) == 0);
        }
    }
}

/* nn_fit_epochs keeps one plan for all its epochs (nn_fit_kept): the same
 * bits as nn_fit called by hand for each epoch, with chunks that do not
 * divide the data (a chunk left over from an epoch is not reused), in
 * either gather order, and with a row repeated. */
static void test_fit_epochs_kept(void **state)
{
    enum { EP = 4 };
    static const nn_int DUP[NOBS] = { 4, 4, 6, 2, 2, 1, 4 };
    const nn_int chunks[3] = { 2, 3, 100 };
    nn_int perms[NOBS * EP], e, se, ss, stopped;
    double le[NSTEPS * EP], lh[NSTEPS * EP];
    int i, k, g;
    (void)state;
    init_data();
    for (e = 0; e < EP; e++)
        for (i = 0; i < NOBS; i++)
            perms[e * NOBS + i] = e == 2 ? DUP[i] : PERM[(i + 3 * e) % NOBS];
    for (g = 0; g < 3; g++)
        for (k = 0; k < 3; k++) {
            run_d A, H;
            setup(&A, NN_LOSS_MSE, 0.1, 0.9, 0.01);
            A.c.chunk = chunks[k];
            A.c.gather = g;
            assert_int_equal(nn_fit_epochs_d(&A.c, EP, perms, 3, A.L, X, T, le, NULL,
                                             NULL, &se, &ss, NULL), NN_OK);
            assert_true(se == 0 && ss == 0);
            setup(&H, NN_LOSS_MSE, 0.1, 0.9, 0.01);
            H.c.chunk = chunks[k];
            H.c.gather = g;
            for (e = 0; e < EP; e++) {
                H.c.perm = perms + e * NOBS;
                assert_int_equal(nn_fit_d(&H.c, 3, H.L, X, T, lh + e * NSTEPS, NULL,
                                          &stopped, NULL), NN_OK);
            }
            assert_true(memcmp(le, lh, sizeof le) == 0);
            assert_true(memcmp(A.w1, H.w1, sizeof A.w1) == 0);
            assert_true(memcmp(A.w2, H.w2, sizeof A.w2) == 0);
            assert_true(memcmp(A.c2, H.c2, sizeof A.c2) == 0);
            assert_true(memcmp(A.bw1, H.bw1, sizeof A.bw1) == 0);
        }
}

/* A network that starts with an activation: the batch is copied for it. */
static void test_fit_act_first(void **state)
{
    run_d R, H;
    nn_fit_layer_d L[4];
    double l1[NSTEPS], l2[NSTEPS];
    nn_int stopped;
    (void)state;
    init_data();
    setup(&R, NN_LOSS_MSE, 0.1, 0, 0);
    setup(&H, NN_LOSS_MSE, 0.1, 0, 0);
    /* sigmoid, then the network of setup() */
    memset(&L[0], 0, sizeof L[0]);
    L[0].type = NN_FIT_ACT; L[0].act = NN_ACT_SIGMOID;
    nn_act_defaults(NN_ACT_SIGMOID, &L[0].act_opts);
    memcpy(L + 1, R.L, 3 * sizeof L[0]);
    R.c.chunk = 3;
    assert_int_equal(nn_fit_d(&R.c, 4, L, X, T, l1, NULL, &stopped, NULL), NN_OK);
    /* against the data passed through the sigmoid first */
    {
        double S[NOBS * NIN];
        int i;
        nn_act_forward_d(NN_ACT_SIGMOID, NULL, NOBS, NIN, X, S);
        for (i = 0; i < NOBS * NIN; i++)
            X[i] = S[i];
        assert_int_equal(nn_fit_d(&H.c, 3, H.L, X, T, l2, NULL, &stopped, NULL), NN_OK);
        init_data();
    }
    assert_true(memcmp(l1, l2, sizeof l1) == 0);
    assert_true(memcmp(L[1].W, H.w1, sizeof H.w1) == 0);
}

/* Divergence: the step is reported; a run with max_steps = stopped - 1
 * gives the last finite parameters. */
static void test_fit_diverged(void **state)
{
    run_d R;
    double Xd[NOBS * NIN], losses[NSTEPS], Y[NOBS * NOUT];
    nn_int stopped = 0, again = -1;
    int i;
    (void)state;
    init_data();
    for (i = 0; i < NOBS * NOUT; i++)
        T[i] *= 1e30;
    memcpy(Xd, X, sizeof X);
    setup(&R, NN_LOSS_MSE, 1e200, 0, 0);
    assert_int_equal(nn_fit_d(&R.c, 3, R.L, Xd, T, losses, Y, &stopped, NULL), NN_OK);
    assert_true(stopped >= 1 && stopped <= NSTEPS);
    setup(&R, NN_LOSS_MSE, 1e200, 0, 0);
    R.c.max_steps = stopped - 1;
    assert_int_equal(nn_fit_d(&R.c, 3, R.L, Xd, T, losses, NULL, &again, NULL), NN_OK);
    assert_int_equal(again, 0);
    for (i = 0; i < NH * NIN; i++) assert_true(isfinite(R.w1[i]));
    for (i = 0; i < NOUT * NH; i++) assert_true(isfinite(R.w2[i]));
    if (stopped == 1)
        assert_true(memcmp(R.w1, W1, sizeof W1) == 0);
}

/* nn_fit_epochs: the epochs in one call, and after a divergence the
 * replay from W0/b0 gives the network of before the diverging step, as
 * nn_fit run by hand up to there; without W0 the layers keep the values
 * after it. */
static void test_fit_epochs_replay(void **state)
{
    enum { EP = 3 };
    run_d R, H;
    double Xd[NOBS * NIN], losses[NSTEPS * EP], l1[NSTEPS];
    nn_int perms[NOBS * EP], se = -1, ss = -1, e, stopped;
    int i;
    (void)state;
    init_data();
    for (i = 0; i < NOBS * NOUT; i++)
        T[i] *= 1e30;
    memcpy(Xd, X, sizeof X);
    for (e = 0; e < EP; e++)
        for (i = 0; i < NOBS; i++)
            perms[e * NOBS + i] = PERM[(i + e) % NOBS];
    setup(&R, NN_LOSS_MSE, 1e100, 0.9, 0);
    R.L[0].W0 = W1; R.L[0].b0 = b1; R.L[2].W0 = W2; R.L[2].b0 = b2;
    assert_int_equal(nn_fit_epochs_d(&R.c, EP, perms, 3, R.L, Xd, T, losses, NULL,
                                     NULL, &se, &ss, NULL), NN_OK);
    assert_true(se >= 1 && ss >= 2);
    /* by hand: epochs 1..se-1, then ss-1 steps of epoch se */
    setup(&H, NN_LOSS_MSE, 1e100, 0.9, 0);
    for (e = 0; e < se; e++) {
        H.c.perm = perms + e * NOBS;
        H.c.max_steps = e == se - 1 ? ss - 1 : -1;
        assert_int_equal(nn_fit_d(&H.c, 3, H.L, Xd, T, l1, NULL, &stopped, NULL), NN_OK);
        assert_int_equal(stopped, 0);
    }
    assert_true(memcmp(R.w1, H.w1, sizeof H.w1) == 0);
    assert_true(memcmp(R.w2, H.w2, sizeof H.w2) == 0);
    assert_true(memcmp(R.bw2, H.bw2, sizeof H.bw2) == 0);
    assert_true(R.L[2].stepsW == H.L[2].stepsW && R.L[2].freshW == H.L[2].freshW);
    for (i = 0; i < NH * NIN; i++) assert_true(isfinite(R.w1[i]));
    /* no start values: the values after the diverging step */
    setup(&R, NN_LOSS_MSE, 1e100, 0.9, 0);
    assert_int_equal(nn_fit_epochs_d(&R.c, EP, perms, 3, R.L, Xd, T, losses, NULL,
                                     NULL, &e, &stopped, NULL), NN_OK);
    assert_true(e == se && stopped == ss);
    assert_true(memcmp(R.w1, H.w1, sizeof H.w1) != 0);
    /* bad arguments */
    assert_int_equal(nn_fit_epochs_d(&R.c, -1, perms, 3, R.L, Xd, T, losses, NULL,
                                     NULL, &se, &ss, NULL), NN_EARG);
    assert_int_equal(nn_fit_epochs_d(&R.c, EP, perms, 3, R.L, Xd, T, losses, NULL,
                                     NULL, NULL, &ss, NULL), NN_EARG);
}

/* Float runs too, and close to double. */
static void test_fit_single(void **state)
{
    float fX[NOBS * NIN], fT[NOBS * NOUT], w1[NH * NIN], c1[NH], w2[NOUT * NH], c2[NOUT];
    float bw1[NH * NIN], bc1[NH], bw2[NOUT * NH], bc2[NOUT], Y[NOBS * NOUT];
    double Xd[NOBS * NIN], losses[NSTEPS];
    nn_fit_layer_s L[3];
    run_d R;
    nn_int stopped;
    int i;
    (void)state;
    init_data();
    memcpy(Xd, X, sizeof X);
    setup(&R, NN_LOSS_MSE, 0.1, 0.9, 0);
    for (i = 0; i < NOBS * NIN; i++) fX[i] = (float)Xd[i];
    for (i = 0; i < NOBS * NOUT; i++) fT[i] = (float)T[i];
    for (i = 0; i < NH * NIN; i++) w1[i] = (float)W1[i];
    for (i = 0; i < NH; i++) c1[i] = (float)b1[i];
    for (i = 0; i < NOUT * NH; i++) w2[i] = (float)W2[i];
    for (i = 0; i < NOUT; i++) c2[i] = (float)b2[i];
    memset(L, 0, sizeof L);
    L[0].type = NN_FIT_DENSE; L[0].units = NH; L[0].W = w1; L[0].b = c1;
    L[0].bufW[0] = bw1; L[0].bufb[0] = bc1; L[0].freshW = L[0].freshb = 1;
    L[1].type = NN_FIT_ACT; L[1].act = NN_ACT_TANH;
    L[2].type = NN_FIT_DENSE; L[2].units = NOUT; L[2].W = w2; L[2].b = c2;
    L[2].bufW[0] = bw2; L[2].bufb[0] = bc2; L[2].freshW = L[2].freshb = 1;
    assert_int_equal(nn_fit_s(&R.c, 3, L, fX, fT, losses, Y, &stopped, NULL), NN_OK);
    assert_int_equal(nn_fit_d(&R.c, 3, R.L, Xd, T, losses, NULL, &stopped, NULL), NN_OK);
    for (i = 0; i < NH * NIN; i++) near(w1[i], R.w1[i], 1e-5);
    for (i = 0; i < NOUT * NH; i++) near(w2[i], R.w2[i], 1e-5);
}

static void test_fit_errors(void **state)
{
    run_d R;
    double Xd[NOBS * NIN], losses[NSTEPS], Y[NOBS * NOUT];
    nn_loss_fact f;
    nn_int stopped;
    nn_int bad[NOBS] = { 0, 1, 2, 3, 4, 5, 7 };
    (void)state;
    init_data();
    memcpy(Xd, X, sizeof X);
    /* a target outside the domain of the loss, in the second batch */
    setup(&R, NN_LOSS_BCE_LOGITS, 0.1, 0, 0);
    {
        double Tb[NOBS * NOUT];
        int i;
        for (i = 0; i < NOBS * NOUT; i++) Tb[i] = 0.5;
        Tb[PERM[4]] = 2;
        assert_int_equal(nn_fit_d(&R.c, 3, R.L, Xd, Tb, losses, Y, &stopped, &f), NN_EARG);
        assert_int_equal(stopped, 2);
        /* the row of T, not of the batch */
        assert_true(f.what == NN_LOSS_BAD_T_PROB && f.row == PERM[4] && f.col == 0 &&
                    f.value == 2);
    }
    /* an unknown layer type, a bad activation, sizes, an index out of range */
    setup(&R, NN_LOSS_MSE, 0.1, 0, 0);
    R.L[1].type = 7;
    assert_int_equal(nn_fit_d(&R.c, 3, R.L, Xd, T, losses, Y, &stopped, NULL), NN_EARG);
    setup(&R, NN_LOSS_MSE, 0.1, 0, 0);
    R.L[1].act = NN_ACT_COUNT;
    assert_int_equal(nn_fit_d(&R.c, 3, R.L, Xd, T, losses, Y, &stopped, NULL), NN_EARG);
    setup(&R, NN_LOSS_MSE, 0.1, 0, 0);
    R.c.batch = 0;
    assert_int_equal(nn_fit_d(&R.c, 3, R.L, Xd, T, losses, Y, &stopped, NULL), NN_EARG);
    setup(&R, NN_LOSS_MSE, 0.1, 0, 0);
    R.lo.reduction = NN_RED_NONE;
    assert_int_equal(nn_fit_d(&R.c, 3, R.L, Xd, T, losses, Y, &stopped, NULL), NN_EARG);
    setup(&R, NN_LOSS_MSE, 0.1, 0, 0);
    R.c.perm = bad;
    assert_int_equal(nn_fit_d(&R.c, 3, R.L, Xd, T, losses, Y, &stopped, NULL), NN_EARG);
    /* no data: no step */
    setup(&R, NN_LOSS_MSE, 0.1, 0, 0);
    R.c.n = 0;
    assert_int_equal(nn_fit_d(&R.c, 3, R.L, Xd, T, losses, Y, &stopped, NULL), NN_OK);
    assert_int_equal(R.L[0].freshW, 1);
    assert_true(memcmp(R.w1, W1, sizeof W1) == 0);
}

/* The working copy (xcopy): X of more than NN_FIT_XCOPY_MIN bytes is
 * trained from its transposed copy, bit for bit as from chunks; the copy is
 * kept for a call with xreuse and made again without it. */
#define BN 6000
#define BIN 100
typedef struct {
    double w1[NH * BIN], c1[NH], w2[NOUT * NH], c2[NOUT];
    nn_fit_layer_d L[3];
    nn_loss_opts lo;
    nn_optim_opts oo;
    nn_fit_config c;
    double losses[2 * ((BN + 63) / 64)];
} big_run;

static void big_setup(big_run *R, const nn_int *perm)
{
    int i;
    memset(R, 0, sizeof *R);
    for (i = 0; i < NH * BIN; i++) R->w1[i] = 0.05 * sin(0.37 * i);
    for (i = 0; i < NOUT * NH; i++) R->w2[i] = 0.5 * cos(1.7 * i);
    R->L[0].type = NN_FIT_DENSE; R->L[0].units = NH;
    R->L[0].W = R->w1; R->L[0].b = R->c1;
    R->L[0].freshW = R->L[0].freshb = 1;
    R->L[1].type = NN_FIT_ACT; R->L[1].act = NN_ACT_TANH;
    nn_act_defaults(NN_ACT_TANH, &R->L[1].act_opts);
    R->L[2].type = NN_FIT_DENSE; R->L[2].units = NOUT;
    R->L[2].W = R->w2; R->L[2].b = R->c2;
    R->L[2].freshW = R->L[2].freshb = 1;
    nn_loss_defaults(NN_LOSS_MSE, &R->lo);
    nn_optim_defaults(NN_OPTIM_SGD, &R->oo);
    R->c.n = BN; R->c.in = BIN; R->c.batch = 64; R->c.perm = perm;
    R->c.max_steps = -1; R->c.loss = NN_LOSS_MSE; R->c.loss_opts = &R->lo;
    R->c.tcols = NOUT; R->c.optim = NN_OPTIM_SGD; R->c.optim_opts = &R->oo;
}

static void big_same(const big_run *A, const big_run *B)
{
    assert_true(memcmp(A->losses, B->losses, sizeof A->losses) == 0);
    assert_true(memcmp(A->w1, B->w1, sizeof A->w1) == 0);
    assert_true(memcmp(A->c2, B->c2, sizeof A->c2) == 0);
}

static void test_fit_xcopy(void **state)
{
    static double bX[BN * BIN], bT[BN * NOUT];
    static nn_int perms[2 * BN];
    static big_run A, C;
    nn_int i, se, ss;
    (void)state;
    for (i = 0; i < BN * BIN; i++) bX[i] = sin(0.001 * i * i + 0.3 * i);
    for (i = 0; i < BN * NOUT; i++) bT[i] = cos(0.7 * i);
    for (i = 0; i < 2 * BN; i++)              /* two orders: steps of 7 mod BN */
        perms[i] = (i % BN) * (i < BN ? 7 : 11) % BN;
    nn_fit_release_copy();
    /* chunks */
    big_setup(&A, perms);
    assert_int_equal(nn_fit_epochs_d(&A.c, 2, perms, 3, A.L, bX, bT, A.losses, NULL,
                                     NULL, &se, &ss, NULL), NN_OK);
    assert_true(nn_fit_copy_bytes() == 0);
    /* the copy: the same bits, and the copy kept */
    big_setup(&C, perms);
    C.c.xcopy = 1;
    assert_int_equal(nn_fit_epochs_d(&C.c, 2, perms, 3, C.L, bX, bT, C.losses, NULL,
                                     NULL, &se, &ss, NULL), NN_OK);
    assert_true(nn_fit_copy_bytes() == (double)BN * BIN * sizeof(double));
    big_same(&A, &C);
    /* X changed in place: without xreuse the copy is made again */
    bX[5] = 0.25;
    big_setup(&A, perms);
    assert_int_equal(nn_fit_epochs_d(&A.c, 2, perms, 3, A.L, bX, bT, A.losses, NULL,
                                     NULL, &se, &ss, NULL), NN_OK);
    big_setup(&C, perms);
    C.c.xcopy = 1;
    assert_int_equal(nn_fit_epochs_d(&C.c, 2, perms, 3, C.L, bX, bT, C.losses, NULL,
                                     NULL, &se, &ss, NULL), NN_OK);
    big_same(&A, &C);
    /* with xreuse (the caller's promise) the kept copy is used as it is:
     * the change of bX is not seen, which shows the copy was reused */
    bX[5] = -3;
    big_setup(&C, perms);
    C.c.xcopy = 1;
    C.c.xreuse = 1;
    assert_int_equal(nn_fit_epochs_d(&C.c, 2, perms, 3, C.L, bX, bT, C.losses, NULL,
                                     NULL, &se, &ss, NULL), NN_OK);
    big_same(&A, &C);
    nn_fit_release_copy();
    assert_true(nn_fit_copy_bytes() == 0);
    /* too small for a copy: none is made */
    for (i = 0; i < 100; i++)
        perms[i] = 99 - i;
    big_setup(&C, perms);
    C.c.xcopy = 1;
    C.c.n = 100;
    assert_int_equal(nn_fit_epochs_d(&C.c, 1, perms, 3, C.L, bX, bT, C.losses, NULL,
                                     NULL, &se, &ss, NULL), NN_OK);
    assert_true(nn_fit_copy_bytes() == 0);
}

/* A network on images: conv 2 filters 2x2 (padding 1) - relu - maxpool 2x2
 * - flatten - dense 2 on 4x4x1 images, 5 of them, batches of 2, sgd, mse;
 * nn_fit's steps equal the kernels called by hand, bit for bit; and the
 * layers that do not fit their input are NN_EARG. */
#define IH 4
#define IN_ (IH * IH)
#define NI 5
#define NF 2
#define CO 5                  /* conv output: 5 x 5 x 2 */
#define PO 2                  /* pool output: 2 x 2 x 2 */
#define FL (PO * PO * NF)
static void image_layers(nn_fit_layer_d *L, double *Wc, double *bc, double *Wd,
                         double *bd)
{
    memset(L, 0, 5 * sizeof *L);
    L[0].type = NN_FIT_CONV; L[0].units = NF; L[0].kh = L[0].kw = 2;
    nn_conv2d_defaults(&L[0].conv_opts);
    L[0].conv_opts.pad[0] = L[0].conv_opts.pad[1] = 1;
    L[0].conv_opts.pad[2] = L[0].conv_opts.pad[3] = 1;
    L[0].W = Wc; L[0].b = bc; L[0].freshW = L[0].freshb = 1;
    L[1].type = NN_FIT_ACT; L[1].act = NN_ACT_RELU;
    L[2].type = NN_FIT_POOL; L[2].act = NN_POOL_MAX; L[2].kh = L[2].kw = 2;
    nn_pool_defaults(&L[2].pool_opts);
    L[3].type = NN_FIT_FLATTEN;
    L[4].type = NN_FIT_DENSE; L[4].units = 2; L[4].W = Wd; L[4].b = bd;
    L[4].freshW = L[4].freshb = 1;
}

static void test_fit_images(void **state)
{
    double Xi[IN_ * NI], Ti[NI * 2], Wc[4 * NF], bc[NF], Wd[2 * FL], bd[2];
    double rWc[4 * NF], rbc[NF], rWd[2 * FL], rbd[2], losses[3], rl[3];
    const nn_int perm[NI] = { 3, 0, 4, 1, 2 };
    nn_fit_layer_d L[5];
    nn_fit_config c;
    nn_optim_opts oo;
    nn_loss_opts lo;
    nn_int stopped, s, i, r, j, nW[5], nb[5], K;
    char msg[200];
    (void)state;
    for (i = 0; i < IN_ * NI; i++) Xi[i] = sin(0.37 * i + 0.1);
    for (i = 0; i < NI * 2; i++) Ti[i] = cos(0.9 * i);
    for (i = 0; i < 4 * NF; i++) Wc[i] = rWc[i] = 0.5 * cos(1.3 * i);
    for (i = 0; i < NF; i++) bc[i] = rbc[i] = 0.1 * i;
    for (i = 0; i < 2 * FL; i++) Wd[i] = rWd[i] = 0.3 * sin(0.7 * i + 0.5);
    bd[0] = rbd[0] = 0.05; bd[1] = rbd[1] = -0.05;
    nn_optim_defaults(NN_OPTIM_SGD, &oo);
    oo.lr = 0.1;
    nn_loss_defaults(NN_LOSS_MSE, &lo);
    memset(&c, 0, sizeof c);
    c.n = NI; c.in = IN_; c.batch = 2; c.perm = perm; c.max_steps = -1;
    c.loss = NN_LOSS_MSE; c.loss_opts = &lo; c.tcols = 2;
    c.optim = NN_OPTIM_SGD; c.optim_opts = &oo; c.xcols = 1;
    c.image[0] = IH; c.image[1] = IH; c.image[2] = 1;
    image_layers(L, Wc, bc, Wd, bd);
    assert_int_equal(nn_fit_sizes_d(&c, 5, L, nW, nb, &K, msg, sizeof msg), NN_OK);
    assert_int_equal(nW[0], 4 * NF); assert_int_equal(nb[0], NF);
    assert_int_equal(nW[4], 2 * FL); assert_int_equal(K, 2);
    assert_int_equal(nn_fit_d(&c, 5, L, Xi, Ti, losses, NULL, &stopped, NULL), NN_OK);
    assert_int_equal(stopped, 0);

    /* the same steps by hand */
    for (s = 0; s < 3; s++) {
        nn_int m = NI - 2 * s < 2 ? NI - 2 * s : 2;
        double xb[IN_ * 2], z1[CO * CO * NF * 2], a1[CO * CO * NF * 2], p1[FL * 2];
        double f[2 * FL], y[2 * 2], tb[2 * 2], dy[2 * 2], df[2 * FL], dp[FL * 2];
        double da[CO * CO * NF * 2], dz[CO * CO * NF * 2], gWc[4 * NF], gbc[NF];
        double gWd[2 * FL], gbd[2], Lb;
        nn_conv2d_shape cs;
        nn_pool_shape ps;
        for (r = 0; r < m; r++) {
            memcpy(xb + r * IN_, Xi + perm[2 * s + r] * IN_, IN_ * sizeof(double));
            for (j = 0; j < 2; j++)
                tb[r + j * m] = Ti[perm[2 * s + r] + j * NI];
        }
        memset(&cs, 0, sizeof cs);
        cs.H = cs.W = IH; cs.C = 1; cs.N = m; cs.kh = cs.kw = 2; cs.Cout = NF;
        assert_int_equal(nn_conv2d_setup(&cs, &L[0].conv_opts, msg, sizeof msg), NN_OK);
        memset(&ps, 0, sizeof ps);
        ps.H = ps.W = CO; ps.C = NF; ps.N = m; ps.kh = ps.kw = 2;
        assert_int_equal(nn_pool_setup(&ps, &L[2].pool_opts, msg, sizeof msg), NN_OK);
        nn_conv2d_forward_d(&cs, xb, rWc, rbc, z1);
        nn_act_forward_d(NN_ACT_RELU, NULL, CO * CO * NF, m, z1, a1);
        nn_pool_forward_d(NN_POOL_MAX, &ps, a1, p1);
        for (r = 0; r < m; r++)
            for (j = 0; j < FL; j++)
                f[r + j * m] = p1[j + r * FL];
        nn_dense_forward_d(m, FL, 2, f, rWd, rbd, y);
        assert_int_equal(nn_loss_d(NN_LOSS_MSE, &lo, m, 2, y, 2, tb, &Lb, dy), NN_OK);
        nn_dense_backward_d(m, FL, 2, f, rWd, dy, df, gWd, gbd);
        for (r = 0; r < m; r++)
            for (j = 0; j < FL; j++)
                dp[j + r * FL] = df[r + j * m];
        nn_pool_backward_d(NN_POOL_MAX, &ps, a1, dp, da);
        nn_act_backward_d(NN_ACT_RELU, NULL, CO * CO * NF, m, z1, da, dz);
        nn_conv2d_backward_d(&cs, xb, rWc, dz, NULL, gWc, gbc);
        for (i = 0; i < 4 * NF; i++) rWc[i] = rWc[i] - 0.1 * gWc[i];
        for (i = 0; i < NF; i++) rbc[i] = rbc[i] - 0.1 * gbc[i];
        for (i = 0; i < 2 * FL; i++) rWd[i] = rWd[i] - 0.1 * gWd[i];
        for (i = 0; i < 2; i++) rbd[i] = rbd[i] - 0.1 * gbd[i];
        rl[s] = Lb;
    }
    for (s = 0; s < 3; s++) assert_true(losses[s] == rl[s]);
    for (i = 0; i < 4 * NF; i++) assert_true(Wc[i] == rWc[i]);
    for (i = 0; i < NF; i++) assert_true(bc[i] == rbc[i]);
    for (i = 0; i < 2 * FL; i++) assert_true(Wd[i] == rWd[i]);
    for (i = 0; i < 2; i++) assert_true(bd[i] == rbd[i]);

    /* layers that do not fit: a dense layer on images, images without
     * xcols, a conv layer on rows, a network ending on images */
    L[3].type = NN_FIT_ACT; L[3].act = NN_ACT_LINEAR;
    assert_int_equal(nn_fit_d(&c, 5, L, Xi, Ti, losses, NULL, &stopped, NULL), NN_EARG);
    assert_int_equal(nn_fit_sizes_d(&c, 5, L, nW, nb, &K, msg, sizeof msg), NN_EARG);
    assert_non_null(strstr(msg, "flatten"));
    L[3].type = NN_FIT_FLATTEN;
    c.xcols = 0;
    assert_int_equal(nn_fit_d(&c, 5, L, Xi, Ti, losses, NULL, &stopped, NULL), NN_EARG);
    c.xcols = 1;
    c.image[0] = c.image[1] = c.image[2] = 0;
    assert_int_equal(nn_fit_d(&c, 5, L, Xi, Ti, losses, NULL, &stopped, NULL), NN_EARG);
    c.image[0] = c.image[1] = IH; c.image[2] = 1;
    assert_int_equal(nn_fit_sizes_d(&c, 3, L, nW, nb, &K, msg, sizeof msg), NN_EARG);
    assert_non_null(strstr(msg, "ends on images"));
    c.image[2] = 2;          /* H*W*C is not the width of X */
    assert_int_equal(nn_fit_d(&c, 5, L, Xi, Ti, losses, NULL, &stopped, NULL), NN_EARG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fit_reference),
        cmocka_unit_test(test_fit_reference_l2),
        cmocka_unit_test(test_fit_same_kernels),
        cmocka_unit_test(test_fit_chunks),
        cmocka_unit_test(test_fit_act_first),
        cmocka_unit_test(test_fit_diverged),
        cmocka_unit_test(test_fit_epochs_replay),
        cmocka_unit_test(test_fit_epochs_kept),
        cmocka_unit_test(test_fit_single),
        cmocka_unit_test(test_fit_errors),
        cmocka_unit_test(test_fit_xcopy),
        cmocka_unit_test(test_fit_images),
    };
    int failed;
    failed = cmocka_run_group_tests(tests, NULL, NULL);
    nn_fit_release();
    return failed;
}
