/* Unit tests of lib/conv.c (cmocka). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
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

/* |got - want| <= (k + 2) * eps * mag: the bound of a k-term sum. */
static void near(double got, long double want, long double mag, double eps, nn_int k)
{
    long double bound = (long double)(k + 2) * eps * mag + 1e-300L;
    if (!(fabsl((long double)got - want) <= bound))
        fail_msg("got %.17g, want %.17Lg (bound %.3Lg)", got, want, bound);
}

/* The shape of a case: sizes, then the options. */
typedef struct {
    nn_int H, W, C, N, kh, kw, Cout, groups, sh, sw, dh, dw, pt, pb, pl, pr;
} conv_case;

static void make_shape(const conv_case *c, nn_conv2d_shape *s)
{
    nn_conv2d_opts o;
    char msg[256];
    nn_conv2d_defaults(&o);
    o.stride[0] = c->sh; o.stride[1] = c->sw;
    o.dilation[0] = c->dh; o.dilation[1] = c->dw;
    o.pad[0] = c->pt; o.pad[1] = c->pb; o.pad[2] = c->pl; o.pad[3] = c->pr;
    o.groups = c->groups;
    memset(s, 0, sizeof *s);
    s->H = c->H; s->W = c->W; s->C = c->C; s->N = c->N;
    s->kh = c->kh; s->kw = c->kw; s->Cout = c->Cout;
    assert_int_equal(nn_conv2d_setup(s, &o, msg, sizeof msg), NN_OK);
}

/* The input pixel that output (oh, ow) tap (i, j) sees, or -1 (padding). */
static nn_int src(const nn_conv2d_shape *s, nn_int oh, nn_int ow, nn_int i,
                  nn_int j, nn_int c, nn_int n)
{
    nn_int h = oh * s->sh - s->pt + i * s->dh, w = ow * s->sw - s->pl + j * s->dw;
    if (h < 0 || h >= s->H || w < 0 || w >= s->W)
        return -1;
    return h + s->H * (w + s->W * (c + s->C * n));
}

/* Forward and backward in double and float against sums in long double:
 * Y by its definition; dX, dW, db by accumulating every product term. */
static void check_case(const conv_case *cc)
{
    nn_conv2d_shape s;
    nn_int nx, nw, ny, P, K, Cg, Cog, n, o, oh, ow, i, j, c;
    double *X, *Wt, *b, *dY, *Y, *dX, *dW, *db;
    float *Xs, *Ws, *bs, *dYs, *Ys, *dXs, *dWs, *dbs;
    long double *rdX, *mdX, *rdW, *mdW, *rdXs, *mdXs, *rdWs, *mdWs;
    make_shape(cc, &s);
    P = s.Ho * s.Wo; Cg = s.C / s.groups; Cog = s.Cout / s.groups;
    K = s.kh * s.kw * Cg;
    nx = s.H * s.W * s.C * s.N; nw = K * s.Cout; ny = P * s.Cout * s.N;
    X = dfill(nx, 1); Wt = dfill(nw, 2); b = dfill(s.Cout, 3); dY = dfill(ny, 4);
    Y = dfill(ny, 9); dX = dfill(nx, 9); dW = dfill(nw, 9); db = dfill(s.Cout, 9);
    Xs = sfrom(X, nx); Ws = sfrom(Wt, nw); bs = sfrom(b, s.Cout); dYs = sfrom(dY, ny);
    Ys = sfrom(Y, ny); dXs = sfrom(dX, nx); dWs = sfrom(dW, nw); dbs = sfrom(db, s.Cout);
    rdX = calloc((size_t)nx + 1, sizeof *rdX); mdX = calloc((size_t)nx + 1, sizeof *mdX);
    rdW = calloc((size_t)nw + 1, sizeof *rdW); mdW = calloc((size_t)nw + 1, sizeof *mdW);
    rdXs = calloc((size_t)nx + 1, sizeof *rdXs); mdXs = calloc((size_t)nx + 1, sizeof *mdXs);
    rdWs = calloc((size_t)nw + 1, sizeof *rdWs); mdWs = calloc((size_t)nw + 1, sizeof *mdWs);
    assert_true(rdX && mdX && rdW && mdW && rdXs && mdXs && rdWs && mdWs);
    assert_int_equal(nn_conv2d_forward_d(&s, X, Wt, b, Y), NN_OK);
    assert_int_equal(nn_conv2d_forward_s(&s, Xs, Ws, bs, Ys), NN_OK);
    assert_int_equal(nn_conv2d_backward_d(&s, X, Wt, dY, dX, dW, db), NN_OK);
    assert_int_equal(nn_conv2d_backward_s(&s, Xs, Ws, dYs, dXs, dWs, dbs), NN_OK);
    for (n = 0; n < s.N; n++)
        for (o = 0; o < s.Cout; o++)
            for (ow = 0; ow < s.Wo; ow++)
                for (oh = 0; oh < s.Ho; oh++) {
                    nn_int y = oh + s.Ho * (ow + s.Wo * (o + s.Cout * n));
                    long double r = b[o], m = fabsl(r), rs = bs[o], ms = fabsl(rs);
                    for (c = 0; c < Cg; c++)
                        for (j = 0; j < s.kw; j++)
                            for (i = 0; i < s.kh; i++) {
                                nn_int x = src(&s, oh, ow, i, j, (o / Cog) * Cg + c, n);
                                nn_int w = i + s.kh * (j + s.kw * (c + Cg * o));
                                long double t, ts;
                                if (x < 0)
                                    continue;
                                t = (long double)X[x] * Wt[w];
                                ts = (long double)Xs[x] * Ws[w];
                                r += t; m += fabsl(t); rs += ts; ms += fabsl(ts);
                                t = (long double)dY[y] * Wt[w];
                                ts = (long double)dYs[y] * Ws[w];
                                rdX[x] += t; mdX[x] += fabsl(t);
                                rdXs[x] += ts; mdXs[x] += fabsl(ts);
                                t = (long double)dY[y] * X[x];
                                ts = (long double)dYs[y] * Xs[x];
                                rdW[w] += t; mdW[w] += fabsl(t);
                                rdWs[w] += ts; mdWs[w] += fabsl(ts);
                            }
                    near(Y[y], r, m, DBL_EPSILON, K);
                    near(Ys[y], rs, ms, FLT_EPSILON, K);
                }
    for (i = 0; i < nx; i++) {
        near(dX[i], rdX[i], mdX[i], DBL_EPSILON, s.kh * s.kw * Cog);
        near(dXs[i], rdXs[i], mdXs[i], FLT_EPSILON, s.kh * s.kw * Cog);
    }
    for (i = 0; i < nw; i++) {
        near(dW[i], rdW[i], mdW[i], DBL_EPSILON, P * s.N);
        near(dWs[i], rdWs[i], mdWs[i], FLT_EPSILON, P * s.N);
    }
    for (o = 0; o < s.Cout; o++) {
        long double r = 0, m = 0, rs = 0, ms = 0;
        for (n = 0; n < s.N; n++)
            for (i = 0; i < P; i++) {
                r += dY[i + P * (o + s.Cout * n)];
                m += fabsl((long double)dY[i + P * (o + s.Cout * n)]);
                rs += dYs[i + P * (o + s.Cout * n)];
                ms += fabsl((long double)dYs[i + P * (o + s.Cout * n)]);
            }
        near(db[o], r, m, DBL_EPSILON, P * s.N);
        /* float sums are accumulated in double: within one float rounding */
        near(dbs[o], rs, fabsl(rs) + ms * 1e-9L, FLT_EPSILON, 0);
    }
    free(X); free(Wt); free(b); free(dY); free(Y); free(dX); free(dW); free(db);
    free(Xs); free(Ws); free(bs); free(dYs); free(Ys); free(dXs); free(dWs); free(dbs);
    free(rdX); free(mdX); free(rdW); free(mdW); free(rdXs); free(mdXs); free(rdWs); free(mdWs);
}

static void test_values(void **state)
{
    static const conv_case cases[] = {
        /* H  W  C  N kh kw Co  g sh sw dh dw pt pb pl pr */
        { 5, 6, 3, 2, 3, 3, 4, 1, 1, 1, 1, 1, 0, 0, 0, 0 },
        { 5, 6, 3, 2, 3, 3, 4, 1, 1, 1, 1, 1, 1, 1, 1, 1 },
        { 7, 8, 2, 1, 3, 2, 3, 1, 2, 3, 1, 1, 1, 0, 2, 1 },
        { 8, 7, 2, 1, 2, 3, 2, 1, 1, 1, 2, 1, 1, 2, 0, 1 },
        { 5, 5, 4, 2, 3, 3, 6, 2, 1, 1, 1, 1, 1, 1, 1, 1 },
        { 6, 5, 3, 2, 3, 3, 6, 3, 2, 1, 2, 1, 1, 1, 0, 2 },
        { 5, 4, 3, 2, 1, 1, 4, 1, 1, 1, 1, 1, 0, 0, 0, 0 },    /* direct */
        { 5, 4, 4, 2, 1, 1, 4, 2, 1, 1, 3, 3, 0, 0, 0, 0 },    /* direct, groups */
        { 5, 4, 3, 2, 1, 1, 4, 1, 2, 1, 1, 1, 0, 1, 0, 0 },
        { 4, 5, 2, 2, 4, 5, 3, 1, 1, 1, 1, 1, 0, 0, 0, 0 },
        { 3, 3, 2, 1, 5, 5, 2, 1, 1, 1, 1, 1, 2, 2, 2, 2 },
        { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0 },
        { 9, 9, 1, 2, 2, 2, 2, 1, 3, 3, 1, 1, 0, 0, 0, 0 },
        /* a patch of 3*3*1200 doubles: many im2col blocks per image */
        { 12, 11, 1200, 1, 3, 3, 2, 1, 1, 1, 1, 1, 1, 0, 0, 1 },
        /* ... and in the direct path: a block is a part of X */
        { 40, 40, 1400, 1, 1, 1, 2, 1, 1, 1, 1, 1, 0, 0, 0, 0 },
    };
    size_t t;
    (void)state;
    for (t = 0; t < sizeof cases / sizeof cases[0]; t++)
        check_case(&cases[t]);
}

/* Every option form, and every refusal. */
static void test_options(void **state)
{
    nn_conv2d_opts o;
    char msg[256];
    double v[4] = { 1, 2, 3, 4 }, bad[2] = { 0, 1.5 }, big = 2147483648.0;
    (void)state;
    nn_conv2d_defaults(&o);
    assert_int_equal(o.stride[0] * o.stride[1] * o.dilation[0] * o.dilation[1] * o.groups, 1);
    assert_int_equal(o.pad[0] + o.pad[1] + o.pad[2] + o.pad[3] + o.same, 0);
    assert_int_equal(nn_conv2d_option(&o, "stride", v + 1, 1, NULL, msg, sizeof msg), NN_OK);
    assert_true(o.stride[0] == 2 && o.stride[1] == 2);
    assert_int_equal(nn_conv2d_option(&o, "stride", v, 2, NULL, msg, sizeof msg), NN_OK);
    assert_true(o.stride[0] == 1 && o.stride[1] == 2);
    assert_int_equal(nn_conv2d_option(&o, "dilation", v + 2, 1, NULL, msg, sizeof msg), NN_OK);
    assert_true(o.dilation[0] == 3 && o.dilation[1] == 3);
    assert_int_equal(nn_conv2d_option(&o, "padding", v, 4, NULL, msg, sizeof msg), NN_OK);
    assert_true(o.pad[0] == 1 && o.pad[1] == 2 && o.pad[2] == 3 && o.pad[3] == 4);
    assert_int_equal(nn_conv2d_option(&o, "padding", v, 2, NULL, msg, sizeof msg), NN_OK);
    assert_true(o.pad[0] == 1 && o.pad[1] == 1 && o.pad[2] == 2 && o.pad[3] == 2);
    assert_int_equal(nn_conv2d_option(&o, "padding", NULL, 0, "same", msg, sizeof msg), NN_OK);
    assert_true(o.same == 1);
    assert_int_equal(nn_conv2d_option(&o, "padding", NULL, 0, "valid", msg, sizeof msg), NN_OK);
    assert_true(o.same == 0 && o.pad[0] == 0 && o.pad[3] == 0);
    assert_int_equal(nn_conv2d_option(&o, "groups", v + 3, 1, NULL, msg, sizeof msg), NN_OK);
    assert_true(o.groups == 4);

    assert_int_equal(nn_conv2d_option(&o, "strides", v, 1, NULL, msg, sizeof msg), NN_ENAME);
    assert_non_null(strstr(msg, "'strides'"));
    assert_int_equal(nn_conv2d_option(&o, NULL, v, 1, NULL, msg, sizeof msg), NN_ENAME);
    assert_int_equal(nn_conv2d_option(&o, "stride", bad, 1, NULL, msg, sizeof msg), NN_EVALUE);
    assert_int_equal(nn_conv2d_option(&o, "stride", bad + 1, 1, NULL, msg, sizeof msg), NN_EVALUE);
    assert_int_equal(nn_conv2d_option(&o, "stride", &big, 1, NULL, msg, sizeof msg), NN_EVALUE);
    assert_int_equal(nn_conv2d_option(&o, "stride", v, 3, NULL, msg, sizeof msg), NN_EVALUE);
    assert_int_equal(nn_conv2d_option(&o, "stride", v, 0, NULL, msg, sizeof msg), NN_EVALUE);
    assert_int_equal(nn_conv2d_option(&o, "stride", NULL, 0, "same", msg, sizeof msg), NN_EVALUE);
    assert_int_equal(nn_conv2d_option(&o, "dilation", bad, 1, NULL, msg, sizeof msg), NN_EVALUE);
    assert_int_equal(nn_conv2d_option(&o, "padding", v, 3, NULL, msg, sizeof msg), NN_EVALUE);
    assert_int_equal(nn_conv2d_option(&o, "padding", bad + 1, 1, NULL, msg, sizeof msg), NN_EVALUE);
    assert_int_equal(nn_conv2d_option(&o, "padding", NULL, 0, "full", msg, sizeof msg), NN_EVALUE);
    assert_int_equal(nn_conv2d_option(&o, "groups", bad, 1, NULL, msg, sizeof msg), NN_EVALUE);
    assert_int_equal(nn_conv2d_option(&o, "groups", v, 2, NULL, msg, sizeof msg), NN_EVALUE);
    {
        double nan = NAN, inf = INFINITY, neg = -1;
        assert_int_equal(nn_conv2d_option(&o, "padding", &nan, 1, NULL, msg, sizeof msg), NN_EVALUE);
        assert_int_equal(nn_conv2d_option(&o, "padding", &inf, 1, NULL, msg, sizeof msg), NN_EVALUE);
        assert_int_equal(nn_conv2d_option(&o, "padding", &neg, 1, NULL, msg, sizeof msg), NN_EVALUE);
    }
    /* msg may be NULL */
    assert_int_equal(nn_conv2d_option(&o, "x", v, 1, NULL, NULL, 0), NN_ENAME);
}

static int setup(nn_int H, nn_int W, nn_int C, nn_int kh, nn_int kw, nn_int Cout,
                 const nn_conv2d_opts *o, nn_conv2d_shape *s)
{
    char msg[256];
    memset(s, 0, sizeof *s);
    s->H = H; s->W = W; s->C = C; s->N = 1; s->kh = kh; s->kw = kw; s->Cout = Cout;
    return nn_conv2d_setup(s, o, msg, sizeof msg);
}

/* The output size, 'same', and the refusals of nn_conv2d_setup. */
static void test_setup(void **state)
{
    nn_conv2d_opts o;
    nn_conv2d_shape s;
    (void)state;
    nn_conv2d_defaults(&o);
    assert_int_equal(setup(5, 7, 2, 3, 3, 4, &o, &s), NN_OK);
    assert_true(s.Ho == 3 && s.Wo == 5);
    o.stride[0] = 2; o.stride[1] = 3; o.pad[0] = 1; o.pad[1] = 0; o.pad[2] = 2; o.pad[3] = 1;
    assert_int_equal(setup(5, 7, 2, 3, 3, 4, &o, &s), NN_OK);
    assert_true(s.Ho == 2 && s.Wo == 3);        /* (5+1-3)/2+1, (7+3-3)/3+1 */
    /* 'same': the odd unit of padding at the bottom and right */
    nn_conv2d_defaults(&o);
    o.same = 1; o.dilation[1] = 3;
    assert_int_equal(setup(5, 7, 2, 2, 4, 4, &o, &s), NN_OK);
    assert_true(s.Ho == 5 && s.Wo == 7);
    assert_true(s.pt == 0 && s.pb == 1 && s.pl == 4 && s.pr == 5);
    o.stride[0] = 2;
    assert_int_equal(setup(5, 7, 2, 2, 4, 4, &o, &s), NN_EVALUE);
    /* groups must divide both channel counts */
    nn_conv2d_defaults(&o);
    o.groups = 2;
    assert_int_equal(setup(5, 5, 4, 3, 3, 6, &o, &s), NN_OK);
    assert_int_equal(setup(5, 5, 3, 3, 3, 6, &o, &s), NN_EARG);
    assert_int_equal(setup(5, 5, 4, 3, 3, 5, &o, &s), NN_EARG);
    /* the output would be empty */
    nn_conv2d_defaults(&o);
    assert_int_equal(setup(2, 5, 1, 3, 3, 1, &o, &s), NN_EARG);
    o.dilation[0] = 2;
    assert_int_equal(setup(4, 5, 1, 3, 3, 1, &o, &s), NN_EARG);
    o.pad[0] = 1;
    assert_int_equal(setup(4, 5, 1, 3, 3, 1, &o, &s), NN_OK);
    assert_int_equal(s.Ho, 1);
    /* bad sizes and overflows */
    nn_conv2d_defaults(&o);
    assert_int_equal(setup(-1, 5, 1, 3, 3, 1, &o, &s), NN_EARG);
    assert_int_equal(setup(5, 5, 1, 0, 3, 1, &o, &s), NN_EARG);
    assert_int_equal(setup(5, 5, 1, 3, 3, -1, &o, &s), NN_EARG);
    o.pad[0] = o.pad[1] = o.pad[2] = o.pad[3] = 2147483647;
    assert_int_equal(setup(1, 1, 1, 1, 1, 1, &o, &s), NN_ETOOBIG);
    nn_conv2d_defaults(&o);
    o.dilation[0] = 2147483647;
    assert_int_equal(setup(5, 5, 1, PTRDIFF_MAX / 4, 1, 1, &o, &s), NN_ETOOBIG);
    nn_conv2d_defaults(&o);
    assert_int_equal(setup(PTRDIFF_MAX / 2, PTRDIFF_MAX / 2, 1, 1, 1, 1, &o, &s), NN_ETOOBIG);
}

/* Empty sizes, optional outputs, outputs that start as garbage. */
static void test_empty(void **state)
{
    nn_conv2d_shape s;
    conv_case c0 = { 3, 3, 0, 2, 2, 2, 3, 1, 1, 1, 1, 1, 0, 0, 0, 0 };
    conv_case n0 = { 3, 3, 2, 0, 2, 2, 3, 1, 1, 1, 1, 1, 0, 0, 0, 0 };
    conv_case o0 = { 3, 3, 2, 2, 2, 2, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1 };
    double b[3] = { 1, 2, 3 }, Y[24], dY[32], dX[36], dW[24], db[3];
    int i;
    (void)state;
    for (i = 0; i < 32; i++) dY[i] = 1;
    /* C = 0: Y is the bias, db the sums */
    make_shape(&c0, &s);
    for (i = 0; i < 24; i++) Y[i] = NAN;
    assert_int_equal(nn_conv2d_forward_d(&s, NULL, NULL, b, Y), NN_OK);
    for (i = 0; i < 24; i++)
        assert_true(Y[i] == b[(i / 4) % 3]);
    assert_int_equal(nn_conv2d_backward_d(&s, NULL, NULL, dY, dX, dW, db), NN_OK);
    for (i = 0; i < 3; i++)
        assert_true(db[i] == 8);
    /* N = 0: dW and db are zeros */
    make_shape(&n0, &s);
    for (i = 0; i < 24; i++) dW[i] = NAN;
    for (i = 0; i < 3; i++) db[i] = NAN;
    assert_int_equal(nn_conv2d_forward_d(&s, NULL, dW, b, NULL), NN_OK);
    assert_int_equal(nn_conv2d_backward_d(&s, NULL, dW, NULL, dX, dW, db), NN_OK);
    for (i = 0; i < 24; i++)
        assert_true(dW[i] == 0);
    for (i = 0; i < 3; i++)
        assert_true(db[i] == 0);
    /* Cout = 0: dX zeros */
    make_shape(&o0, &s);
    for (i = 0; i < 36; i++) dX[i] = NAN;
    assert_int_equal(nn_conv2d_backward_d(&s, dX, NULL, NULL, dX, NULL, NULL), NN_OK);
    for (i = 0; i < 36; i++)
        assert_true(dX[i] == 0);
    /* nothing asked for */
    assert_int_equal(nn_conv2d_backward_d(&s, NULL, NULL, NULL, NULL, NULL, NULL), NN_OK);
}

/* A shape that did not pass nn_conv2d_setup is refused. */
static void test_unchecked(void **state)
{
    nn_conv2d_shape s;
    double x = 1, y = 0;
    (void)state;
    memset(&s, 0, sizeof s);
    s.H = s.W = s.C = s.N = s.kh = s.kw = s.Cout = 1;
    s.sh = s.sw = s.dh = s.dw = 1;
    assert_int_equal(nn_conv2d_forward_d(&s, &x, &x, NULL, &y), NN_EARG);   /* groups 0, Ho 0 */
    s.groups = 1; s.Ho = s.Wo = 1;
    assert_int_equal(nn_conv2d_forward_d(&s, &x, &x, NULL, &y), NN_OK);
    assert_true(y == 1);
}

/* The _ws forms with the caller's work (nn_conv2d_work elements) give the
 * same bits as the ones that allocate, on the block path (32 taps or more,
 * several images), the pixel-block path, the direct 1x1 one and one image;
 * a work buffer exactly as long as asked for (guard values after it stay). */
static void test_work(void **state)
{
    static const conv_case cases[] = {
        {9, 8, 8, 5, 3, 3, 6, 1, 1, 1, 1, 1, 1, 1, 1, 1},    /* K = 72: blocks */
        {9, 8, 8, 1, 3, 3, 6, 1, 1, 1, 1, 1, 1, 1, 1, 1},    /* one image */
        {7, 6, 2, 3, 2, 3, 4, 1, 2, 1, 1, 2, 0, 1, 1, 0},    /* K = 12 */
        {5, 4, 3, 2, 1, 1, 2, 1, 1, 1, 1, 1, 0, 0, 0, 0}     /* direct */
    };
    size_t k;
    (void)state;
    for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        nn_conv2d_shape s;
        nn_int nx, nw, ny, nwork, i;
        double *X, *Wt, *b, *dY, *Y1, *Y2, *dX1, *dX2, *dW1, *dW2, db1[8], db2[8], *work;
        make_shape(cases + k, &s);
        nx = s.H * s.W * s.C * s.N;
        nw = s.kh * s.kw * (s.C / s.groups) * s.Cout;
        ny = s.Ho * s.Wo * s.Cout * s.N;
        nwork = nn_conv2d_work_d(&s);
        assert_true(nwork >= 0);
        if (k == 3)
            assert_int_equal(nwork, 0);
        X = dfill(nx, 1); Wt = dfill(nw, 2); b = dfill(s.Cout, 3); dY = dfill(ny, 4);
        Y1 = dfill(ny, 0); Y2 = dfill(ny, 0); dX1 = dfill(nx, 0); dX2 = dfill(nx, 0);
        dW1 = dfill(nw, 0); dW2 = dfill(nw, 0); work = dfill(nwork + 4, 5);
        for (i = 0; i < 4; i++)
            work[nwork + i] = 12345;
        assert_int_equal(nn_conv2d_forward_d(&s, X, Wt, b, Y1), NN_OK);
        assert_int_equal(nn_conv2d_forward_ws_d(&s, X, Wt, b, Y2, work), NN_OK);
        assert_memory_equal(Y1, Y2, (size_t)ny * sizeof(double));
        assert_int_equal(nn_conv2d_backward_d(&s, X, Wt, dY, dX1, dW1, db1), NN_OK);
        assert_int_equal(nn_conv2d_backward_ws_d(&s, X, Wt, dY, dX2, dW2, db2, work), NN_OK);
        assert_memory_equal(dX1, dX2, (size_t)nx * sizeof(double));
        assert_memory_equal(dW1, dW2, (size_t)nw * sizeof(double));
        assert_memory_equal(db1, db2, (size_t)s.Cout * sizeof(double));
        for (i = 0; i < 4; i++)
            assert_true(work[nwork + i] == 12345);
        free(X); free(Wt); free(b); free(dY); free(Y1); free(Y2); free(dX1); free(dX2);
        free(dW1); free(dW2); free(work);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_options),
        cmocka_unit_test(test_setup),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_unchecked),
        cmocka_unit_test(test_work),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
