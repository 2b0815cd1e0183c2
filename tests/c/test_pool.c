/* Unit tests of lib/pool.c (cmocka). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "nn.h"

static void make(nn_int H, nn_int W, nn_int C, nn_int N, nn_int kh, nn_int kw,
                 const nn_pool_opts *o, nn_pool_shape *s, int want)
{
    char msg[256];
    memset(s, 0, sizeof *s);
    s->H = H; s->W = W; s->C = C; s->N = N; s->kh = kh; s->kw = kw;
    assert_int_equal(nn_pool_setup(s, o, msg, sizeof msg), want);
}

/* 4 x 4, one plane, 2 x 2 windows: values, ties, NaN, -Inf, gradients. */
static void test_small(void **state)
{
    nn_pool_opts o;
    nn_pool_shape s;
    double X[16], Y[4], dY[4] = { 1, 2, 3, 4 }, dX[16];
    float Xs[16], Ys[4], dYs[4] = { 1, 2, 3, 4 }, dXs[16];
    int i;
    (void)state;
    for (i = 0; i < 16; i++)
        Xs[i] = (float)(X[i] = i + 1);
    nn_pool_defaults(&o);
    make(4, 4, 1, 1, 2, 2, &o, &s, NN_OK);
    assert_true(s.Ho == 2 && s.Wo == 2 && s.sh == 2 && s.sw == 2);
    assert_int_equal(nn_pool_forward_d(NN_POOL_MAX, &s, X, Y), NN_OK);
    assert_true(Y[0] == 6 && Y[1] == 8 && Y[2] == 14 && Y[3] == 16);
    assert_int_equal(nn_pool_forward_s(NN_POOL_AVG, &s, Xs, Ys), NN_OK);
    assert_true(Ys[0] == 3.5f && Ys[1] == 5.5f && Ys[2] == 11.5f && Ys[3] == 13.5f);
    assert_int_equal(nn_pool_backward_d(NN_POOL_MAX, &s, X, dY, dX), NN_OK);
    for (i = 0; i < 16; i++)
        assert_true(dX[i] == (i == 5 ? 1 : i == 7 ? 2 : i == 13 ? 3 : i == 15 ? 4 : 0));
    assert_int_equal(nn_pool_backward_s(NN_POOL_AVG, &s, Xs, dYs, dXs), NN_OK);
    assert_true(dXs[0] == 0.25f && dXs[5] == 0.25f && dXs[15] == 1.0f);
    /* ties: the first in row order; X(0,1) (index 4) before X(1,0) (index 1) */
    memset(X, 0, sizeof X);
    X[1] = X[4] = 1;
    assert_int_equal(nn_pool_backward_d(NN_POOL_MAX, &s, X, dY, dX), NN_OK);
    assert_true(dX[4] == 1 && dX[1] == 0);
    /* NaN wins, the last NaN in row order */
    X[0] = X[1] = NAN;
    assert_int_equal(nn_pool_forward_d(NN_POOL_MAX, &s, X, Y), NN_OK);
    assert_true(isnan(Y[0]));
    assert_int_equal(nn_pool_backward_d(NN_POOL_MAX, &s, X, dY, dX), NN_OK);
    assert_true(dX[1] == 1 && dX[0] == 0);
    /* -Inf only: -Inf, routed to the window's first pixel */
    for (i = 0; i < 16; i++)
        X[i] = -INFINITY;
    assert_int_equal(nn_pool_forward_d(NN_POOL_MAX, &s, X, Y), NN_OK);
    assert_true(isinf(Y[3]) && Y[3] < 0);
    assert_int_equal(nn_pool_backward_d(NN_POOL_MAX, &s, X, dY, dX), NN_OK);
    assert_true(dX[0] == 1 && dX[2] == 2 && dX[8] == 3 && dX[10] == 4);
}

/* Padding: never wins a max; counted or not in an average. */
static void test_padding(void **state)
{
    nn_pool_opts o;
    nn_pool_shape s;
    double X[4] = { -1, -2, -3, -4 }, Y[9], dY[9], dX[4];
    int i;
    (void)state;
    nn_pool_defaults(&o);
    o.stride[0] = o.stride[1] = 1;
    o.pad[0] = o.pad[1] = 1;
    make(2, 2, 1, 1, 3, 3, &o, &s, NN_OK);
    assert_true(s.Ho == 2 && s.Wo == 2);
    assert_int_equal(nn_pool_forward_d(NN_POOL_MAX, &s, X, Y), NN_OK);
    for (i = 0; i < 4; i++)
        assert_true(Y[i] == -1);
    assert_int_equal(nn_pool_forward_d(NN_POOL_AVG, &s, X, Y), NN_OK);
    assert_true(Y[0] == -10.0 / 9);
    o.count_pad = 0;
    make(2, 2, 1, 1, 3, 3, &o, &s, NN_OK);
    assert_int_equal(nn_pool_forward_d(NN_POOL_AVG, &s, X, Y), NN_OK);
    assert_true(Y[0] == -2.5);
    for (i = 0; i < 4; i++)
        dY[i] = 1;
    assert_int_equal(nn_pool_backward_d(NN_POOL_AVG, &s, X, dY, dX), NN_OK);
    for (i = 0; i < 4; i++)
        assert_true(dX[i] == 1);
    /* the padding is at most half the window */
    o.pad[0] = 2;
    make(5, 5, 1, 1, 3, 3, &o, &s, NN_EVALUE);
    o.pad[0] = 2;
    make(5, 5, 1, 1, 4, 3, &o, &s, NN_OK);
}

/* Options, sizes and refusals. */
static void test_setup(void **state)
{
    nn_pool_opts o;
    nn_pool_shape s;
    char msg[256];
    double one = 1, two[2] = { 2, 3 }, bad[3] = { 0, 1.5, 1 }, big = 2147483648.0;
    (void)state;
    assert_int_equal(nn_pool_kind("max"), NN_POOL_MAX);
    assert_int_equal(nn_pool_kind("avg"), NN_POOL_AVG);
    assert_int_equal(nn_pool_kind("mean"), -1);
    assert_int_equal(nn_pool_kind(NULL), -1);
    nn_pool_defaults(&o);
    assert_true(o.count_pad == 1 && o.stride[0] == 0 && o.pad[1] == 0);
    assert_int_equal(nn_pool_option(&o, "stride", two, 2, NULL, msg, sizeof msg), NN_OK);
    assert_true(o.stride[0] == 2 && o.stride[1] == 3);
    assert_int_equal(nn_pool_option(&o, "padding", &one, 1, NULL, msg, sizeof msg), NN_OK);
    assert_true(o.pad[0] == 1 && o.pad[1] == 1);
    assert_int_equal(nn_pool_option(&o, "countincludepad", bad, 1, NULL, msg, sizeof msg), NN_OK);
    assert_int_equal(o.count_pad, 0);
    assert_int_equal(nn_pool_option(&o, "dilation", &one, 1, NULL, msg, sizeof msg), NN_ENAME);
    assert_int_equal(nn_pool_option(&o, NULL, &one, 1, NULL, NULL, 0), NN_ENAME);
    assert_int_equal(nn_pool_option(&o, "stride", bad, 1, NULL, msg, sizeof msg), NN_EVALUE);
    assert_int_equal(nn_pool_option(&o, "stride", bad + 1, 1, NULL, msg, sizeof msg), NN_EVALUE);
    assert_int_equal(nn_pool_option(&o, "stride", &big, 1, NULL, msg, sizeof msg), NN_EVALUE);
    assert_int_equal(nn_pool_option(&o, "stride", bad, 3, NULL, msg, sizeof msg), NN_EVALUE);
    assert_int_equal(nn_pool_option(&o, "stride", NULL, 0, "same", msg, sizeof msg), NN_EVALUE);
    assert_int_equal(nn_pool_option(&o, "padding", bad + 1, 1, NULL, msg, sizeof msg), NN_EVALUE);
    assert_int_equal(nn_pool_option(&o, "countincludepad", bad + 1, 1, NULL, msg, sizeof msg), NN_EVALUE);
    nn_pool_defaults(&o);
    make(7, 5, 2, 3, 3, 2, &o, &s, NN_OK);
    assert_true(s.Ho == 2 && s.Wo == 2);
    make(2, 5, 1, 1, 3, 2, &o, &s, NN_EARG);
    make(-1, 5, 1, 1, 3, 2, &o, &s, NN_EARG);
    make(5, 5, 1, 1, 0, 2, &o, &s, NN_EARG);
    make(PTRDIFF_MAX / 2, PTRDIFF_MAX / 2, 1, 1, 1, 1, &o, &s, NN_ETOOBIG);
    /* an unchecked shape or kind is refused */
    memset(&s, 0, sizeof s);
    assert_int_equal(nn_pool_forward_d(NN_POOL_MAX, &s, NULL, NULL), NN_EARG);
    make(2, 2, 1, 1, 2, 2, &o, &s, NN_OK);
    assert_int_equal(nn_pool_forward_d(7, &s, two, two), NN_EARG);
}

/* Many planes against a direct loop; empty sizes. */
static void test_planes(void **state)
{
    nn_pool_opts o;
    nn_pool_shape s;
    enum { H = 9, W = 7, C = 3, N = 2 };
    double X[H * W * C * N], Y[3 * 3 * C * N], dY[3 * 3 * C * N], dX[H * W * C * N];
    double dXr[H * W * C * N];
    nn_int i, k, p, q, h, w;
    (void)state;
    for (i = 0; i < H * W * C * N; i++)
        X[i] = sin(0.37 * (double)i);
    for (i = 0; i < 3 * 3 * C * N; i++)
        dY[i] = cos(0.11 * (double)i);
    nn_pool_defaults(&o);
    o.stride[0] = 2; o.stride[1] = 2;
    o.pad[0] = 1; o.pad[1] = 0;
    make(H, W, C, N, 3, 3, &o, &s, NN_OK);
    assert_true(s.Ho == 5 && s.Wo == 3);
    o.stride[0] = 3;
    make(H, W, C, N, 3, 3, &o, &s, NN_OK);
    assert_true(s.Ho == 3 && s.Wo == 3);
    assert_int_equal(nn_pool_forward_d(NN_POOL_AVG, &s, X, Y), NN_OK);
    assert_int_equal(nn_pool_backward_d(NN_POOL_AVG, &s, X, dY, dX), NN_OK);
    memset(dXr, 0, sizeof dXr);
    for (k = 0; k < C * N; k++)
        for (q = 0; q < 3; q++)
            for (p = 0; p < 3; p++) {
                double sum = 0;
                for (h = 3 * p - 1; h < 3 * p + 2; h++)
                    for (w = 2 * q; w < 2 * q + 3; w++)
                        if (h >= 0 && h < H && w < W) {
                            sum += X[h + H * w + H * W * k];
                            dXr[h + H * w + H * W * k] += dY[p + 3 * q + 9 * k] / 9;
                        }
                assert_true(fabs(Y[p + 3 * q + 9 * k] - sum / 9) <= 1e-15);
            }
    for (i = 0; i < H * W * C * N; i++)
        assert_true(fabs(dX[i] - dXr[i]) <= 1e-15);
    /* no planes: nothing to do */
    make(4, 4, 0, 3, 2, 2, &o, &s, NN_OK);
    assert_int_equal(nn_pool_forward_d(NN_POOL_MAX, &s, NULL, NULL), NN_OK);
    assert_int_equal(nn_pool_backward_s(NN_POOL_AVG, &s, NULL, NULL, NULL), NN_OK);
}

/* The 2 x 2 tiling case with the winners kept (nn_pool_max2_*): the same
 * outputs and gradients as nn_pool_forward/backward, bit for bit, on odd
 * sizes (a last row and column no window covers), ties, signed zeros,
 * infinities and NaN; other shapes refused. */
static void test_max2(void **state)
{
    static const double special[] = { 0.0, -0.0, 1.0, 1.0, -1.0, INFINITY, -INFINITY, NAN, 2.5 };
    nn_pool_opts o;
    nn_pool_shape s;
    const nn_int H = 7, W = 5, C = 3, N = 2, n = H * W * C * N;
    double X[7 * 5 * 3 * 2], Y1[3 * 2 * 3 * 2], Y2[3 * 2 * 3 * 2], dY[3 * 2 * 3 * 2];
    double dX1[7 * 5 * 3 * 2], dX2[7 * 5 * 3 * 2];
    float Xs[7 * 5 * 3 * 2], Ys1[3 * 2 * 3 * 2], Ys2[3 * 2 * 3 * 2], dYs[3 * 2 * 3 * 2];
    float dXs1[7 * 5 * 3 * 2], dXs2[7 * 5 * 3 * 2];
    unsigned char win[3 * 2 * 3 * 2];
    nn_int i, ny;
    (void)state;
    nn_pool_defaults(&o);
    make(H, W, C, N, 2, 2, &o, &s, NN_OK);
    assert_true(nn_pool_is_max2(&s));
    ny = s.Ho * s.Wo * C * N;
    for (i = 0; i < n; i++) {
        X[i] = i % 4 == 0 ? special[(i / 4) % 9] : sin(1.7 * (double)i);
        Xs[i] = (float)X[i];
    }
    for (i = 0; i < ny; i++) {
        dY[i] = 1 + i;
        dYs[i] = (float)dY[i];
    }
    assert_int_equal(nn_pool_forward_d(NN_POOL_MAX, &s, X, Y1), NN_OK);
    assert_int_equal(nn_pool_max2_forward_d(&s, X, Y2, win), NN_OK);
    for (i = 0; i < ny; i++) {
        assert_true(win[i] < 4);
        if (isnan(Y1[i]))
            assert_true(isnan(Y2[i]));
        else
            assert_memory_equal(Y1 + i, Y2 + i, sizeof(double));
    }
    assert_int_equal(nn_pool_backward_d(NN_POOL_MAX, &s, X, dY, dX1), NN_OK);
    assert_int_equal(nn_pool_max2_backward_d(&s, win, dY, dX2), NN_OK);
    assert_memory_equal(dX1, dX2, sizeof dX1);
    assert_int_equal(nn_pool_forward_s(NN_POOL_MAX, &s, Xs, Ys1), NN_OK);
    assert_int_equal(nn_pool_max2_forward_s(&s, Xs, Ys2, win), NN_OK);
    for (i = 0; i < ny; i++)
        if (!isnan(Ys1[i]))
            assert_memory_equal(Ys1 + i, Ys2 + i, sizeof(float));
    assert_int_equal(nn_pool_backward_s(NN_POOL_MAX, &s, Xs, dYs, dXs1), NN_OK);
    assert_int_equal(nn_pool_max2_backward_s(&s, win, dYs, dXs2), NN_OK);
    assert_memory_equal(dXs1, dXs2, sizeof dXs1);
    /* not the tiling case */
    o.stride[0] = o.stride[1] = 1;
    make(H, W, C, N, 2, 2, &o, &s, NN_OK);
    assert_false(nn_pool_is_max2(&s));
    assert_int_equal(nn_pool_max2_forward_d(&s, X, Y2, win), NN_EARG);
    assert_int_equal(nn_pool_max2_backward_d(&s, win, dY, dX2), NN_EARG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_small),
        cmocka_unit_test(test_padding),
        cmocka_unit_test(test_setup),
        cmocka_unit_test(test_planes),
        cmocka_unit_test(test_max2),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
