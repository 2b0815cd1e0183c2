/* 2-D max and average pooling; see nn_pool.h. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "nn_real.h"

/* a * b into *r, 0 when it overflows (a, b >= 0). */
static int mul_ok(nn_int a, nn_int b, nn_int *r)
{
    if (b != 0 && a > PTRDIFF_MAX / b)
        return 0;
    *r = a * b;
    return 1;
}

/* The output length along one axis; -1 when the padded input is shorter
 * than the window, -2 on overflow. */
static nn_int out_len(nn_int n, nn_int p, nn_int k, nn_int st)
{
    nn_int span;
    if (p > (PTRDIFF_MAX - n) / 2)
        return -2;
    span = n + 2 * p;
    return span < k ? -1 : (span - k) / st + 1;
}

/* ---- type-free part, compiled once (in the double object) ------------- */
#ifndef NN_SINGLE

#define OPT_MAX 2147483647.0

static int fail(int code, char *msg, size_t msglen, const char *fmt,
                const char *arg)
{
    if (msg != NULL && msglen > 0)
        snprintf(msg, msglen, fmt, arg);
    return code;
}

int nn_pool_kind(const char *name)
{
    if (name != NULL && strcmp(name, "max") == 0)
        return NN_POOL_MAX;
    if (name != NULL && strcmp(name, "avg") == 0)
        return NN_POOL_AVG;
    return -1;
}

void nn_pool_defaults(nn_pool_opts *o)
{
    memset(o, 0, sizeof *o);
    o->count_pad = 1;
}

/* nval (1 or 2) whole numbers in [lo, OPT_MAX] into out[0..1]. */
static int pair(const double *val, nn_int nval, double lo, nn_int *out)
{
    nn_int i;
    if (val == NULL || (nval != 1 && nval != 2))
        return 0;
    for (i = 0; i < nval; i++)
        if (!(val[i] >= lo && val[i] <= OPT_MAX) || val[i] != floor(val[i]))
            return 0;
    out[0] = (nn_int)val[0];
    out[1] = (nn_int)val[nval - 1];
    return 1;
}

int nn_pool_option(nn_pool_opts *o, const char *name, const double *val,
                   nn_int nval, const char *str, char *msg, size_t msglen)
{
    if (name == NULL)
        name = "";
    if (strcmp(name, "stride") == 0) {
        if (str != NULL || !pair(val, nval, 1, o->stride))
            return fail(NN_EVALUE, msg, msglen, "option '%s' takes a whole number "
                        ">= 1 or two of them [vertical horizontal] (at most 2^31-1)",
                        name);
        return NN_OK;
    }
    if (strcmp(name, "padding") == 0) {
        if (str != NULL || !pair(val, nval, 0, o->pad))
            return fail(NN_EVALUE, msg, msglen, "option '%s' takes a whole number "
                        ">= 0 or [vertical horizontal], padding both sides alike "
                        "(as in PyTorch), at most half the window", name);
        return NN_OK;
    }
    if (strcmp(name, "countincludepad") == 0) {
        if (str != NULL || val == NULL || nval != 1 || (val[0] != 0 && val[0] != 1))
            return fail(NN_EVALUE, msg, msglen, "option '%s' takes true or false",
                        "CountIncludePad");
        o->count_pad = val[0] == 1;
        return NN_OK;
    }
    return fail(NN_ENAME, msg, msglen, "nn_pool has no option '%s' (it has: "
                "'Stride', 'Padding', 'CountIncludePad')", name);
}

int nn_pool_setup(nn_pool_shape *s, const nn_pool_opts *o, char *msg,
                  size_t msglen)
{
    char buf[256];
    nn_int e;
    if (s->H < 0 || s->W < 0 || s->C < 0 || s->N < 0 || s->kh < 1 || s->kw < 1)
        return fail(NN_EARG, msg, msglen, "%s", "the sizes must be >= 0 and the "
                    "window at least 1 x 1");
    s->sh = o->stride[0] > 0 ? o->stride[0] : s->kh;
    s->sw = o->stride[1] > 0 ? o->stride[1] : s->kw;
    s->ph = o->pad[0];
    s->pw = o->pad[1];
    s->count_pad = o->count_pad;
    if (s->ph < 0 || s->pw < 0 || s->ph > s->kh / 2 || s->pw > s->kw / 2) {
        snprintf(buf, sizeof buf, "the padding (%ld x %ld) must be at most half "
                 "the window (%ld x %ld), as in PyTorch", (long)s->ph, (long)s->pw,
                 (long)s->kh, (long)s->kw);
        return fail(NN_EVALUE, msg, msglen, "%s", buf);
    }
    s->Ho = out_len(s->H, s->ph, s->kh, s->sh);
    s->Wo = out_len(s->W, s->pw, s->kw, s->sw);
    if (s->Ho == -2 || s->Wo == -2)
        return fail(NN_ETOOBIG, msg, msglen, "%s", "a size is too large");
    if (s->Ho < 1 || s->Wo < 1) {
        snprintf(buf, sizeof buf, "the padded input (%ld x %ld) is smaller than "
                 "the window (%ld x %ld): the output would be empty",
                 (long)(s->H + 2 * s->ph), (long)(s->W + 2 * s->pw), (long)s->kh,
                 (long)s->kw);
        return fail(NN_EARG, msg, msglen, "%s", buf);
    }
    if (!mul_ok(s->H, s->W, &e) || !mul_ok(e, s->C, &e) || !mul_ok(e, s->N, &e) ||
        !mul_ok(e, (nn_int)sizeof(double), &e) || !mul_ok(s->Ho, s->Wo, &e) ||
        !mul_ok(e, s->C, &e) || !mul_ok(e, s->N, &e) ||
        !mul_ok(e, (nn_int)sizeof(double), &e))
        return fail(NN_ETOOBIG, msg, msglen, "%s", "the arrays are too large for "
                    "this machine's address space");
    return NN_OK;
}

int nn_pool_is_max2(const nn_pool_shape *s)
{
    return s->kh == 2 && s->kw == 2 && s->sh == 2 && s->sw == 2 && s->ph == 0 &&
           s->pw == 0;
}

#endif

/* ---- typed part ------------------------------------------------------- */

/* What nn_pool_setup made sure of, checked again so that a shape that did
 * not pass it cannot index out of bounds. */
static int valid(const nn_pool_shape *s)
{
    nn_int e;
    return s->H >= 0 && s->W >= 0 && s->C >= 0 && s->N >= 0 && s->kh >= 1 &&
           s->kw >= 1 && s->sh >= 1 && s->sw >= 1 && s->ph >= 0 && s->pw >= 0 &&
           s->ph <= s->kh / 2 && s->pw <= s->kw / 2 && s->Ho >= 1 && s->Wo >= 1 &&
           s->Ho == out_len(s->H, s->ph, s->kh, s->sh) &&
           s->Wo == out_len(s->W, s->pw, s->kw, s->sw) &&
           mul_ok(s->H, s->W, &e) && mul_ok(e, s->C, &e) && mul_ok(e, s->N, &e) &&
           mul_ok(s->Ho, s->Wo, &e) && mul_ok(e, s->C, &e) && mul_ok(e, s->N, &e);
}

/* The pixels of output (oh, ow) inside the image: rows [h0, h1), columns
 * [w0, w1) (never empty: the padding is at most half the window). */
static void window(const nn_pool_shape *s, nn_int oh, nn_int ow, nn_int *h0,
                   nn_int *h1, nn_int *w0, nn_int *w1)
{
    nn_int a = oh * s->sh - s->ph, b = ow * s->sw - s->pw;
    *h1 = a + s->kh < s->H ? a + s->kh : s->H;
    *w1 = b + s->kw < s->W ? b + s->kw : s->W;
    *h0 = a > 0 ? a : 0;
    *w0 = b > 0 ? b : 0;
}

/* The winner of one window at p (kh x kw, column stride H): the offset of
 * its largest value, the first one in PyTorch's order (by rows) on ties, a
 * NaN (the last one) over any number. */
#define WINNER(p, kh, kw, H, bi)                                              \
    do {                                                                      \
        nn_int h_, w_;                                                        \
        real b_ = (p)[0];                                                     \
        (bi) = 0;                                                             \
        for (h_ = 0; h_ < (kh); h_++)                                         \
            for (w_ = 0; w_ < (kw); w_++) {                                   \
                real v_ = (p)[h_ + (H) * w_];                                 \
                if (v_ > b_ || v_ != v_) {                                    \
                    b_ = v_;                                                  \
                    (bi) = h_ + (H) * w_;                                     \
                }                                                             \
            }                                                                 \
    } while (0)

/* The winner of a 2 x 2 window, a (h, w), b (h, w+1), c (h+1, w), d (h+1,
 * w+1) in PyTorch's order: 0..3, the first largest, a NaN (the last one)
 * over any number.  z is NaN when a value is NaN or infinite: only then the
 * comparisons that mind NaN.  Otherwise no branches (random data
 * mispredicts them): the winner's index by arithmetic on the comparisons. */
static inline int win4(real a, real b, real c, real d)
{
    real z = (a - a) + (b - b) + (c - c) + (d - d), m;
    int t, bi;
    if (z == z) {
        t = b > a;
        m = b > a ? b : a;
        bi = t;
        t = c > m;
        m = c > m ? c : m;
        bi += t * (2 - bi);
        t = d > m;
        bi += t * (3 - bi);
    } else {
        m = a;
        bi = 0;
        t = (b > m) | (b != b);
        m = t ? b : m;
        bi = t ? 1 : bi;
        t = (c > m) | (c != c);
        m = t ? c : m;
        bi = t ? 2 : bi;
        t = (d > m) | (d != d);
        bi = t ? 3 : bi;
    }
    return bi;
}

/* max_pool without padding (every window inside the image), the common
 * case: the same winners, without the clipping of each window; 2 x 2
 * windows unrolled. */
static void max_pool_inside(const nn_pool_shape *s, const real *X, real *Y,
                            const real *dY, real *dX)
{
    nn_int planes = s->C * s->N, H = s->H, HW = s->H * s->W, P = s->Ho * s->Wo;
    nn_int k, oh, ow, bi;
    for (k = 0; k < planes; k++) {
        const real *x = X + HW * k;
        for (ow = 0; ow < s->Wo; ow++) {
            const real *col = x + H * s->sw * ow;
            nn_int o = P * k + s->Ho * ow;
            for (oh = 0; oh < s->Ho; oh++) {
                const real *p = col + s->sh * oh;
                if (s->kh == 2 && s->kw == 2) {
                    /* without branches: random data mispredicts them */
                    real a = p[0], b = p[H], c = p[1], d = p[1 + H], m;
                    int w, nan = (a != a) | (b != b) | (c != c) | (d != d);
                    if (dX == NULL) {
                        m = b > a ? b : a;
                        m = c > m ? c : m;
                        m = d > m ? d : m;
                        Y[o + oh] = nan ? a + b + c + d : m;
                        continue;
                    }
                    w = win4(a, b, c, d);          /* 0..3 by rows */
                    bi = (w >> 1) + H * (w & 1);
                } else {
                    WINNER(p, s->kh, s->kw, H, bi);
                    if (dX == NULL) {
                        Y[o + oh] = p[bi];
                        continue;
                    }
                }
                dX[(p - X) + bi] += dY[o + oh];
            }
        }
    }
}

/* The backward pass of 2 x 2 max pooling with stride 2 and no padding
 * (the windows tile the image): every pixel of dX written once, dY at the
 * winner and 0 elsewhere, so no clearing of dX first.  The winners from X,
 * or with win != NULL as the forward pass kept them. */
static void max_pool2_backward(const nn_pool_shape *s, const real *X,
                               const unsigned char *win, const real *dY, real *dX)
{
    nn_int planes = s->C * s->N, H = s->H, W = s->W, HW = H * W;
    nn_int Ho = s->Ho, Wo = s->Wo, P = Ho * Wo, k, oh, ow, h, w;
    for (k = 0; k < planes; k++) {
        const real *x = X != NULL ? X + HW * k : NULL, *dy = dY + P * k;
        const unsigned char *wk = win != NULL ? win + P * k : NULL;
        real *dx = dX + HW * k;
        for (ow = 0; ow < Wo; ow++) {
            const real *c0 = x != NULL ? x + H * 2 * ow : NULL, *c1 = c0 != NULL ? c0 + H : NULL;
            real *d0 = dx + H * 2 * ow, *d1 = d0 + H;
            for (oh = 0; oh < Ho; oh++) {
                real g = dy[oh + Ho * ow];
                int bi = wk != NULL ? wk[oh + Ho * ow]
                                    : win4(c0[2 * oh], c1[2 * oh], c0[2 * oh + 1],
                                           c1[2 * oh + 1]);
                /* the four pixels zeroed and the winner's written last */
                d0[2 * oh] = R(0);
                d1[2 * oh] = R(0);
                d0[2 * oh + 1] = R(0);
                d1[2 * oh + 1] = R(0);
                /* bi: 0 (h, w), 1 (h, w+1), 2 (h+1, w), 3 (h+1, w+1) */
                d0[2 * oh + (bi >> 1) + H * (bi & 1)] = g;
            }
            for (h = 2 * Ho; h < H; h++)     /* an odd last row */
                d0[h] = d1[h] = R(0);
        }
        for (w = 2 * Wo; w < W; w++)         /* an odd last column */
            for (h = 0; h < H; h++)
                dx[h + H * w] = R(0);
    }
}

/* Max pooling of every plane: Y = the maxima, or with dX != NULL the
 * backward pass dX(winner) += dY. */
static void max_pool(const nn_pool_shape *s, const real *X, real *Y,
                     const real *dY, real *dX)
{
    nn_int planes = s->C * s->N, HW = s->H * s->W, P = s->Ho * s->Wo, k;
    if (s->ph == 0 && s->pw == 0) {
        max_pool_inside(s, X, Y, dY, dX);
        return;
    }
    for (k = 0; k < planes; k++) {
        const real *x = X + HW * k;
        nn_int oh, ow, h, w, h0, h1, w0, w1;
        for (ow = 0; ow < s->Wo; ow++)
            for (oh = 0; oh < s->Ho; oh++) {
                nn_int o = oh + s->Ho * ow, best_i;
                real best = -(real)INFINITY;
                window(s, oh, ow, &h0, &h1, &w0, &w1);
                best_i = h0 + s->H * w0;
                for (h = h0; h < h1; h++)          /* PyTorch's order: by rows */
                    for (w = w0; w < w1; w++) {
                        real v = x[h + s->H * w];
                        if (v > best || isnan(v)) {
                            best = v;
                            best_i = h + s->H * w;
                        }
                    }
                if (dX != NULL)
                    dX[HW * k + best_i] += dY[P * k + o];
                else
                    Y[P * k + o] = best;
            }
    }
}

/* Average pooling of every plane: Y = the means, or with dX != NULL the
 * backward pass dX(window) += dY / divisor. */
static void avg_pool(const nn_pool_shape *s, const real *X, real *Y,
                     const real *dY, real *dX)
{
    nn_int planes = s->C * s->N, HW = s->H * s->W, P = s->Ho * s->Wo, k;
    for (k = 0; k < planes; k++) {
        nn_int oh, ow, h, w, h0, h1, w0, w1;
        for (ow = 0; ow < s->Wo; ow++)
            for (oh = 0; oh < s->Ho; oh++) {
                nn_int o = P * k + oh + s->Ho * ow;
                double div;
                window(s, oh, ow, &h0, &h1, &w0, &w1);
                div = s->count_pad ? (double)s->kh * (double)s->kw
                                   : (double)(h1 - h0) * (double)(w1 - w0);
                if (dX != NULL) {
                    real g = (real)(dY[o] / div);
                    real *dx = dX + HW * k;
                    for (h = h0; h < h1; h++)
                        for (w = w0; w < w1; w++)
                            dx[h + s->H * w] += g;
                } else {
                    const real *x = X + HW * k;
                    double sum = 0;
                    for (h = h0; h < h1; h++)      /* PyTorch's order: by rows */
                        for (w = w0; w < w1; w++)
                            sum += x[h + s->H * w];
                    Y[o] = (real)(sum / div);
                }
            }
    }
}

int NN_(nn_pool_forward)(int kind, const nn_pool_shape *s, const real *X,
                         real *Y)
{
    if (!valid(s) || (kind != NN_POOL_MAX && kind != NN_POOL_AVG))
        return NN_EARG;
    if (kind == NN_POOL_MAX)
        max_pool(s, X, Y, NULL, NULL);
    else
        avg_pool(s, X, Y, NULL, NULL);
    return NN_OK;
}

int NN_(nn_pool_backward)(int kind, const nn_pool_shape *s, const real *X,
                          const real *dY, real *dX)
{
    nn_int n = s->H * s->W * s->C * s->N;
    if (!valid(s) || (kind != NN_POOL_MAX && kind != NN_POOL_AVG))
        return NN_EARG;
    if (kind == NN_POOL_MAX && nn_pool_is_max2(s)) {
        max_pool2_backward(s, X, NULL, dY, dX);
        return NN_OK;
    }
    if (n > 0)
        memset(dX, 0, (size_t)n * sizeof(real));
    if (kind == NN_POOL_MAX)
        max_pool(s, X, NULL, dY, dX);
    else
        avg_pool(s, X, NULL, dY, dX);
    return NN_OK;
}

int NN_(nn_pool_max2_forward)(const nn_pool_shape *s, const real *X, real *Y,
                              unsigned char *win)
{
    nn_int planes, H, HW, Ho, Wo, P, k, oh, ow;
    if (!valid(s) || !nn_pool_is_max2(s))
        return NN_EARG;
    planes = s->C * s->N;
    H = s->H;
    HW = s->H * s->W;
    Ho = s->Ho;
    Wo = s->Wo;
    P = Ho * Wo;
    for (k = 0; k < planes; k++) {
        const real *x = X + HW * k;
        real *y = Y + P * k;
        unsigned char *wk = win + P * k;
        for (ow = 0; ow < Wo; ow++) {
            const real *c0 = x + H * 2 * ow, *c1 = c0 + H;
            for (oh = 0; oh < Ho; oh++) {
                real v[4];
                int bi;
                v[0] = c0[2 * oh];
                v[1] = c1[2 * oh];
                v[2] = c0[2 * oh + 1];
                v[3] = c1[2 * oh + 1];
                bi = win4(v[0], v[1], v[2], v[3]);
                y[oh + Ho * ow] = v[bi];
                wk[oh + Ho * ow] = (unsigned char)bi;
            }
        }
    }
    return NN_OK;
}

int NN_(nn_pool_max2_backward)(const nn_pool_shape *s, const unsigned char *win,
                               const real *dY, real *dX)
{
    if (!valid(s) || !nn_pool_is_max2(s))
        return NN_EARG;
    max_pool2_backward(s, NULL, win, dY, dX);
    return NN_OK;
}
