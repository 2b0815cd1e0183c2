/* Unit tests of lib/batchnorm.c (cmocka). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "nn.h"

static nn_batchnorm_shape shape(nn_int inner, nn_int C, nn_int outer)
{
    nn_batchnorm_shape s;
    s.inner = inner; s.C = C; s.outer = outer;
    return s;
}

/* Rows X (4 x 2): values, running statistics, gradients in both modes, in
 * double and float, against sums done here. */
static void test_rows(void **state)
{
    double X[8] = { 1, 2, 3, 6, 10, 20, 30, 60 }, dY[8] = { 1, -1, 2, 0, 0.5, 1, -2, 3 };
    double g[2] = { 2, -1 }, b[2] = { 0.5, 1 }, Y[8], rm[2] = { 1, 2 }, rv[2] = { 3, 4 };
    double mo[2], vo[2], dX[8], dg[2], db[2];
    float Xs[8], dYs[8], gs[2], bs[2], Ys[8], mos[2], vos[2], dXs[8], dgs[2], dbs[2];
    nn_batchnorm_shape s = shape(4, 2, 1);
    nn_batchnorm_opts o;
    int c, i;
    (void)state;
    for (i = 0; i < 8; i++) {
        Xs[i] = (float)X[i];
        dYs[i] = (float)dY[i];
    }
    for (c = 0; c < 2; c++) {
        gs[c] = (float)g[c];
        bs[c] = (float)b[c];
    }
    nn_batchnorm_defaults(&o);
    assert_true(o.training == 1 && o.momentum == 0.1 && o.eps == 1e-5);
    assert_int_equal(nn_batchnorm_check(&s, &o), NN_OK);
    assert_int_equal(nn_batchnorm_forward_d(&s, &o, X, g, b, rm, rv, mo, vo, Y), NN_OK);
    assert_int_equal(nn_batchnorm_forward_s(&s, &o, Xs, gs, bs, NULL, NULL, mos, vos, Ys), NN_OK);
    assert_int_equal(nn_batchnorm_backward_d(&s, &o, X, g, NULL, NULL, dY, dX, dg, db), NN_OK);
    assert_int_equal(nn_batchnorm_backward_s(&s, &o, Xs, gs, NULL, NULL, dYs, dXs, dgs, dbs), NN_OK);
    for (c = 0; c < 2; c++) {
        const double *x = X + 4 * c, *dy = dY + 4 * c;
        double mu = 0, v = 0, r, sg = 0, sgx = 0;
        for (i = 0; i < 4; i++)
            mu += x[i] / 4;
        for (i = 0; i < 4; i++)
            v += (x[i] - mu) * (x[i] - mu) / 4;
        r = 1 / sqrt(v + 1e-5);
        for (i = 0; i < 4; i++) {
            sg += dy[i];
            sgx += dy[i] * (x[i] - mu) * r;
        }
        assert_true(fabs(mo[c] - (0.9 * rm[c] + 0.1 * mu)) < 1e-14 * (1 + fabs(mu)));
        assert_true(fabs(vo[c] - (0.9 * rv[c] + 0.1 * v * 4 / 3)) < 1e-13 * (1 + v));
        assert_true(fabs(mos[c] - 0.1 * mu) < 1e-5 * (1 + fabs(mu)));
        assert_true(fabs(vos[c] - (0.9 + 0.1 * v * 4 / 3)) < 1e-5 * (1 + v));
        assert_true(fabs(db[c] - sg) < 1e-14 && fabs(dbs[c] - sg) < 1e-5);
        assert_true(fabs(dg[c] - sgx) < 1e-13 && fabs(dgs[c] - sgx) < 1e-5);
        for (i = 0; i < 4; i++) {
            double xh = (x[i] - mu) * r;
            double y = xh * g[c] + b[c];
            double d = g[c] * r * (dy[i] - sg / 4 - xh * sgx / 4);
            assert_true(fabs(Y[4 * c + i] - y) < 1e-13);
            assert_true(fabs(Ys[4 * c + i] - y) < 1e-5);
            assert_true(fabs(dX[4 * c + i] - d) < 1e-12 * (1 + fabs(d)));
            assert_true(fabs(dXs[4 * c + i] - d) < 1e-5 * (1 + fabs(d)));
        }
    }
    /* evaluation: the running statistics, copied to the outputs */
    o.training = 0;
    assert_int_equal(nn_batchnorm_forward_d(&s, &o, X, g, b, rm, rv, mo, vo, Y), NN_OK);
    assert_int_equal(nn_batchnorm_backward_d(&s, &o, X, g, rm, rv, dY, dX, dg, db), NN_OK);
    for (c = 0; c < 2; c++) {
        double r = 1 / sqrt(rv[c] + 1e-5);
        assert_true(mo[c] == rm[c] && vo[c] == rv[c]);
        for (i = 0; i < 4; i++) {
            assert_true(fabs(Y[4 * c + i] - ((X[4 * c + i] - rm[c]) * r * g[c] + b[c])) < 1e-13);
            assert_true(fabs(dX[4 * c + i] - g[c] * r * dY[4 * c + i]) < 1e-14);
        }
    }
    /* NULL outputs of the backward pass are skipped */
    assert_int_equal(nn_batchnorm_backward_d(&s, &o, X, NULL, NULL, NULL, dY, NULL, NULL, db), NN_OK);
}

/* Images (inner 3, C 2, outer 2): a channel's values are two runs. */
static void test_images(void **state)
{
    double X[12], Y[12], Yr[4 * 3];
    nn_batchnorm_shape s = shape(3, 2, 2), r = shape(6, 1, 1);
    nn_batchnorm_opts o;
    int i;
    (void)state;
    for (i = 0; i < 12; i++)
        X[i] = sin(1.0 + i) * 3 + i;
    nn_batchnorm_defaults(&o);
    assert_int_equal(nn_batchnorm_forward_d(&s, &o, X, NULL, NULL, NULL, NULL, NULL, NULL, Y), NN_OK);
    {   /* channel 0 is X[0..2] and X[6..8]: as one run of 6 */
        double x0[6] = { X[0], X[1], X[2], X[6], X[7], X[8] };
        assert_int_equal(nn_batchnorm_forward_d(&r, &o, x0, NULL, NULL, NULL, NULL, NULL, NULL, Yr), NN_OK);
        for (i = 0; i < 3; i++) {
            assert_true(fabs(Y[i] - Yr[i]) < 1e-15);
            assert_true(fabs(Y[6 + i] - Yr[3 + i]) < 1e-15);
        }
    }
}

/* Sizes and options. */
static void test_check(void **state)
{
    nn_batchnorm_opts o;
    nn_batchnorm_shape s;
    char msg[256];
    double v;
    (void)state;
    nn_batchnorm_defaults(&o);
    s = shape(1, 3, 1);
    assert_int_equal(nn_batchnorm_check(&s, &o), NN_EVALUE);     /* one value each */
    o.training = 0;
    assert_int_equal(nn_batchnorm_check(&s, &o), NN_OK);
    o.training = 1;
    s = shape(1, 0, 1);
    assert_int_equal(nn_batchnorm_check(&s, &o), NN_OK);
    s = shape(0, 3, 5);
    assert_int_equal(nn_batchnorm_check(&s, &o), NN_OK);
    s = shape(-1, 3, 1);
    assert_int_equal(nn_batchnorm_check(&s, &o), NN_EARG);
    s = shape(PTRDIFF_MAX / 2, 3, 1);
    assert_int_equal(nn_batchnorm_check(&s, &o), NN_ETOOBIG);
    s = shape(PTRDIFF_MAX / 2, 1, 3);
    assert_int_equal(nn_batchnorm_check(&s, &o), NN_ETOOBIG);
    s = shape(2, 2, 2);
    assert_int_equal(nn_batchnorm_forward_d(&s, &o, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), NN_EARG);
    v = 0.5;
    assert_int_equal(nn_batchnorm_option(&o, "momentum", &v, 1, NULL, msg, sizeof msg), NN_OK);
    assert_true(o.momentum == 0.5);
    v = 1.5;
    assert_int_equal(nn_batchnorm_option(&o, "momentum", &v, 1, NULL, msg, sizeof msg), NN_EVALUE);
    v = 0;
    assert_int_equal(nn_batchnorm_option(&o, "eps", &v, 1, NULL, msg, sizeof msg), NN_EVALUE);
    assert_int_equal(nn_batchnorm_option(&o, "training", &v, 1, NULL, msg, sizeof msg), NN_OK);
    assert_true(o.training == 0);
    assert_int_equal(nn_batchnorm_option(&o, "training", NULL, 0, "yes", msg, sizeof msg), NN_EVALUE);
    assert_int_equal(nn_batchnorm_option(&o, "bogus", &v, 1, NULL, msg, sizeof msg), NN_ENAME);
    assert_non_null(strstr(msg, "bogus"));
    o.eps = -1;
    assert_int_equal(nn_batchnorm_check(&s, &o), NN_EVALUE);
}

/* A large mean and a small spread keep their digits (float and double). */
static void test_offset(void **state)
{
    double X[4] = { 1e8 + 1, 1e8 + 2, 1e8 + 3, 1e8 + 4 }, Y[4];
    float Xs[4] = { 4096.0f + 0.25f, 4096.0f + 0.5f, 4096.0f + 0.75f, 4096.0f + 1.0f }, Ys[4];
    nn_batchnorm_shape s = shape(4, 1, 1);
    nn_batchnorm_opts o;
    int i;
    (void)state;
    nn_batchnorm_defaults(&o);
    o.eps = 1e-12;
    assert_int_equal(nn_batchnorm_forward_d(&s, &o, X, NULL, NULL, NULL, NULL, NULL, NULL, Y), NN_OK);
    assert_int_equal(nn_batchnorm_forward_s(&s, &o, Xs, NULL, NULL, NULL, NULL, NULL, NULL, Ys), NN_OK);
    for (i = 0; i < 4; i++) {
        double want = (i - 1.5) / sqrt(1.25 + 1e-12);
        assert_true(fabs(Y[i] - want) < 1e-14);
        assert_true(fabs(Ys[i] - 0.25 * (i - 1.5) / sqrt(0.078125 + 1e-12)) < 1e-5);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rows),
        cmocka_unit_test(test_images),
        cmocka_unit_test(test_check),
        cmocka_unit_test(test_offset),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
