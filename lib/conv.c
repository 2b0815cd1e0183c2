/* 2-D convolution (cross-correlation) by im2col + GEMM; see nn_conv.h. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "nn_real.h"
#include "clones.h"
#include "alloc.h"

/* Largest value of the BLAS integer type, computed without overflow. */
#define BLAS_INT_MAX (sizeof(nn_blas_int) >= sizeof(nn_int) ? PTRDIFF_MAX : (nn_int)INT_MAX)

/* a * b into *r, 0 when it overflows (a, b >= 0). */
static int mul_ok(nn_int a, nn_int b, nn_int *r)
{
    if (b != 0 && a > PTRDIFF_MAX / b)
        return 0;
    *r = a * b;
    return 1;
}

/* The output length along one axis: n input pixels, padding p0 + p1,
 * kernel k with dilation d and stride st.  -1 when the dilated kernel is
 * longer than the padded input, -2 on overflow. */
static nn_int out_len(nn_int n, nn_int p0, nn_int p1, nn_int k, nn_int d,
                      nn_int st)
{
    nn_int ext, span;
    if (!mul_ok(d, k - 1, &ext) || ext > PTRDIFF_MAX - 1 ||
        n > PTRDIFF_MAX - p0 || n + p0 > PTRDIFF_MAX - p1)
        return -2;
    ext += 1;
    span = n + p0 + p1;
    if (span < ext)
        return -1;
    return (span - ext) / st + 1;
}

/* ---- type-free part, compiled once (in the double object) ------------- */
#ifndef NN_SINGLE

/* Option values are whole numbers up to 2^31-1. */
#define OPT_MAX 2147483647.0

void nn_conv2d_defaults(nn_conv2d_opts *o)
{
    memset(o, 0, sizeof *o);
    o->stride[0] = o->stride[1] = 1;
    o->dilation[0] = o->dilation[1] = 1;
    o->groups = 1;
}

static int fail(int code, char *msg, size_t msglen, const char *fmt,
                const char *arg)
{
    if (msg != NULL && msglen > 0)
        snprintf(msg, msglen, fmt, arg);
    return code;
}

/* nval whole numbers in [lo, OPT_MAX] into out[0..nval-1]. */
static int whole(const double *val, nn_int nval, double lo, nn_int *out)
{
    nn_int i;
    for (i = 0; i < nval; i++) {
        if (!(val[i] >= lo && val[i] <= OPT_MAX) || val[i] != (double)(nn_int)val[i])
            return 0;
        out[i] = (nn_int)val[i];
    }
    return 1;
}

int nn_conv2d_option(nn_conv2d_opts *o, const char *name, const double *val,
                     nn_int nval, const char *str, char *msg, size_t msglen)
{
    nn_int v[4];
    if (name == NULL)
        name = "";
    if (strcmp(name, "stride") == 0 || strcmp(name, "dilation") == 0) {
        nn_int *dst = name[0] == 's' ? o->stride : o->dilation;
        if (str != NULL || val == NULL || (nval != 1 && nval != 2) ||
            !whole(val, nval, 1, v))
            return fail(NN_EVALUE, msg, msglen, "option '%s' takes a whole number "
                        ">= 1 or two of them [vertical horizontal] (at most "
                        "2^31-1)", name);
        dst[0] = v[0];
        dst[1] = v[nval - 1];
        return NN_OK;
    }
    if (strcmp(name, "padding") == 0) {
        if (str != NULL && (strcmp(str, "same") == 0 || strcmp(str, "valid") == 0)) {
            o->same = str[0] == 's';
            o->pad[0] = o->pad[1] = o->pad[2] = o->pad[3] = 0;
            return NN_OK;
        }
        if (str != NULL || val == NULL || (nval != 1 && nval != 2 && nval != 4) ||
            !whole(val, nval, 0, v))
            return fail(NN_EVALUE, msg, msglen, "option '%s' takes 'same', 'valid', "
                        "a whole number >= 0, [vertical horizontal] or [top bottom "
                        "left right] (at most 2^31-1)", name);
        o->same = 0;
        if (nval == 4) {
            memcpy(o->pad, v, sizeof o->pad);
        } else {
            o->pad[0] = o->pad[1] = v[0];
            o->pad[2] = o->pad[3] = v[nval - 1];
        }
        return NN_OK;
    }
    if (strcmp(name, "groups") == 0) {
        if (str != NULL || val == NULL || nval != 1 || !whole(val, 1, 1, v))
            return fail(NN_EVALUE, msg, msglen, "option '%s' takes a whole number "
                        ">= 1 that divides the input and output channel counts", name);
        o->groups = v[0];
        return NN_OK;
    }
    return fail(NN_ENAME, msg, msglen, "nn_conv2d has no option '%s' (it has: "
                "'Stride', 'Padding', 'Dilation', 'Groups')", name);
}

int nn_conv2d_setup(nn_conv2d_shape *s, const nn_conv2d_opts *o, char *msg,
                    size_t msglen)
{
    nn_int cg, e, e2;
    char buf[256];
    if (s->H < 0 || s->W < 0 || s->C < 0 || s->N < 0 || s->Cout < 0 ||
        s->kh < 1 || s->kw < 1)
        return fail(NN_EARG, msg, msglen, "%s", "the sizes must be >= 0 and the "
                    "kernel at least 1 x 1");
    s->groups = o->groups;
    s->sh = o->stride[0];
    s->sw = o->stride[1];
    s->dh = o->dilation[0];
    s->dw = o->dilation[1];
    if (s->groups < 1 || s->sh < 1 || s->sw < 1 || s->dh < 1 || s->dw < 1)
        return fail(NN_EVALUE, msg, msglen, "%s", "stride, dilation and groups "
                    "must be >= 1");
    if (o->same) {
        if (s->sh != 1 || s->sw != 1)
            return fail(NN_EVALUE, msg, msglen, "%s", "padding 'same' needs stride "
                        "1 (as in PyTorch); give the padding as numbers instead");
        if (!mul_ok(s->dh, s->kh - 1, &e) || !mul_ok(s->dw, s->kw - 1, &e2))
            return fail(NN_ETOOBIG, msg, msglen, "%s", "the dilated kernel is too large");
        s->pt = e / 2;
        s->pb = e - e / 2;
        s->pl = e2 / 2;
        s->pr = e2 - e2 / 2;
    } else {
        s->pt = o->pad[0];
        s->pb = o->pad[1];
        s->pl = o->pad[2];
        s->pr = o->pad[3];
    }
    if (s->pt < 0 || s->pb < 0 || s->pl < 0 || s->pr < 0)
        return fail(NN_EVALUE, msg, msglen, "%s", "the padding must be >= 0");
    if (s->C % s->groups != 0 || s->Cout % s->groups != 0) {
        snprintf(buf, sizeof buf, "%ld groups must divide both the %ld input "
                 "channels and the %ld output channels", (long)s->groups,
                 (long)s->C, (long)s->Cout);
        return fail(NN_EARG, msg, msglen, "%s", buf);
    }
    s->Ho = out_len(s->H, s->pt, s->pb, s->kh, s->dh, s->sh);
    s->Wo = out_len(s->W, s->pl, s->pr, s->kw, s->dw, s->sw);
    if (s->Ho == -2 || s->Wo == -2)
        return fail(NN_ETOOBIG, msg, msglen, "%s", "a size is too large");
    if (s->Ho < 1 || s->Wo < 1) {
        snprintf(buf, sizeof buf, "the padded input (%ld x %ld) is smaller than "
                 "the dilated kernel (%ld x %ld): the output would be empty",
                 (long)(s->H + s->pt + s->pb), (long)(s->W + s->pl + s->pr),
                 (long)(s->dh * (s->kh - 1) + 1), (long)(s->dw * (s->kw - 1) + 1));
        return fail(NN_EARG, msg, msglen, "%s", buf);
    }
    /* every element count (and its bytes) must be representable */
    cg = s->C / s->groups;
    if (!mul_ok(s->H, s->W, &e) || !mul_ok(e, s->C, &e) || !mul_ok(e, s->N, &e) ||
        !mul_ok(e, (nn_int)sizeof(double), &e) ||
        !mul_ok(s->Ho, s->Wo, &e) || !mul_ok(e, s->Cout, &e) || !mul_ok(e, s->N, &e) ||
        !mul_ok(e, (nn_int)sizeof(double), &e) ||
        !mul_ok(s->kh, s->kw, &e) || !mul_ok(e, cg, &e) ||
        !mul_ok(e, s->Cout > 0 ? s->Cout : 1, &e) ||
        !mul_ok(e, (nn_int)sizeof(double), &e))
        return fail(NN_ETOOBIG, msg, msglen, "%s", "the arrays are too large for "
                    "this machine's address space");
    return NN_OK;
}

#endif

/* ---- typed part ------------------------------------------------------- */

/* The sizes of the products of one image and group. */
typedef struct {
    nn_int P, K, Cg, Coutg;     /* output pixels, patch length, channels per group */
    nn_int pc;                  /* output pixels per im2col block */
    nn_int nb;                  /* images per block when >= 2 whole images fit
                                   (the block path), else 0 */
    int direct;                 /* 1x1, stride 1, no padding: X is the column matrix */
} geom;

/* Also checks what nn_conv2d_setup made sure of (NN_EARG if not), so that
 * a shape that did not pass it cannot index out of bounds. */
static int setup_geom(const nn_conv2d_shape *s, geom *g)
{
    size_t per;
    nn_int e;
    if (s->H < 0 || s->W < 0 || s->C < 0 || s->N < 0 || s->Cout < 0 ||
        s->kh < 1 || s->kw < 1 || s->groups < 1 || s->sh < 1 || s->sw < 1 ||
        s->dh < 1 || s->dw < 1 || s->pt < 0 || s->pb < 0 || s->pl < 0 ||
        s->pr < 0 || s->C % s->groups != 0 || s->Cout % s->groups != 0 ||
        s->Ho < 1 || s->Wo < 1 ||
        s->Ho != out_len(s->H, s->pt, s->pb, s->kh, s->dh, s->sh) ||
        s->Wo != out_len(s->W, s->pl, s->pr, s->kw, s->dw, s->sw))
        return NN_EARG;
    if (!mul_ok(s->H, s->W, &e) || !mul_ok(e, s->C, &e) || !mul_ok(e, s->N, &e) ||
        !mul_ok(s->Ho, s->Wo, &e) || !mul_ok(e, s->Cout, &e) || !mul_ok(e, s->N, &e) ||
        !mul_ok(s->kh, s->kw, &e) || !mul_ok(e, s->C, &e) || !mul_ok(e, s->Cout, &e))
        return NN_ETOOBIG;
    g->P = s->Ho * s->Wo;
    g->Cg = s->C / s->groups;
    g->Coutg = s->Cout / s->groups;
    g->K = s->kh * s->kw * g->Cg;
    g->direct = s->kh == 1 && s->kw == 1 && s->sh == 1 && s->sw == 1 &&
                s->pt == 0 && s->pb == 0 && s->pl == 0 && s->pr == 0;
    per = (size_t)(g->K > 0 ? g->K : 1) * sizeof(real);
    g->pc = (nn_int)(NN_CONV_COL_BYTES / per);
    if (g->pc < 1)
        g->pc = 1;
    /* whole images per block: one product for several images, which a
     * multi-threaded BLAS splits better than many small ones (conv 32->64
     * 3x3 on 13x13x32x128, 2 threads: 6.8 -> 5.8 ms forward); only for
     * patches of 32 taps or more (with fewer, gathering them costs more
     * than the product, and a block that leaves the cache slows it: conv
     * 1->32 on 28x28, 1 thread, 1.2 ms a call per image, 2.2 ms in blocks
     * of 4 MB); a block and its outputs (or dY) side by side take at most
     * NN_CONV_BLOCK_BYTES each */
    g->nb = 0;
    if (!g->direct && g->P > 0 && s->N >= 2 && g->K >= 32) {
        size_t half = NN_CONV_BLOCK_BYTES /
                      ((size_t)(g->K > g->Coutg ? g->K : g->Coutg) * sizeof(real));
        nn_int nb = (nn_int)(half / (size_t)g->P);
        if (nb > s->N)
            nb = s->N;
        if (nb >= 2)
            g->nb = nb;
    }
    if (g->pc > g->P)
        g->pc = g->P;
    /* the GEMM sizes and leading dimensions: P, K, Coutg, pc */
    if (s->N > 0 && g->K > 0 && g->Coutg > 0 &&
        (g->P > BLAS_INT_MAX || g->K > BLAS_INT_MAX || g->Coutg > BLAS_INT_MAX))
        return NN_ETOOBIG;
    return NN_OK;
}

/* Elements of each half of the buffer of the block path: the patches of
 * nb images (K columns) or their outputs side by side (Coutg columns). */
static size_t block_half(const geom *g)
{
    return (size_t)g->nb * (size_t)g->P * (size_t)(g->K > g->Coutg ? g->K : g->Coutg);
}

/* First index i in [0, n) with i*st + off >= 0, and one past the last
 * with i*st + off < len: the outputs whose input pixel is inside. */
static void inside(nn_int off, nn_int st, nn_int len, nn_int n, nn_int *lo,
                   nn_int *hi)
{
    nn_int a = -off, b = len - 1 - off;
    *lo = a <= 0 ? 0 : (a + st - 1) / st;
    *hi = b < 0 ? 0 : b / st + 1;
    if (*hi > n)
        *hi = n;
    if (*lo > *hi)
        *lo = *hi;
}

/* The im2col block of output pixels p0 .. p1-1 of one image and group:
 * col (p1-p0) x K, column q = i + kh*(j + kw*c) holding the input pixel
 * that kernel tap (i, j) of channel c sees.  x points at the group's first
 * channel.  With dx != NULL the other way round: dx += col, scattered
 * (col2im; dx at the group's first channel).  pc >= p1 - p0 is col's
 * leading dimension (the rows of a block of images). */
static void patches(const nn_conv2d_shape *s, const geom *g, nn_int p0,
                    nn_int p1, real *col, nn_int pc, const real *x, real *dx)
{
    nn_int H = s->H, c, i, j;
    for (c = 0; c < g->Cg; c++)
        for (j = 0; j < s->kw; j++) {
            nn_int wlo, whi, hoff, woff = j * s->dw - s->pl;
            inside(woff, s->sw, s->W, s->Wo, &wlo, &whi);
            for (i = 0; i < s->kh; i++) {
                real *cq = col + pc * (i + s->kh * (j + s->kw * c));
                nn_int hlo, hhi, p = p0, ow = p0 / s->Ho, oh0 = p0 % s->Ho;
                hoff = i * s->dh - s->pt;
                inside(hoff, s->sh, H, s->Ho, &hlo, &hhi);
                while (p < p1) {
                    /* one run of output rows oh0 .. oh1-1 of column ow */
                    nn_int oh1, a, b, oh;
                    nn_int base = H * (ow * s->sw + woff + s->W * c) + hoff;
                    nn_int ci = p - p0 - oh0;    /* cq[ci + oh] is pixel oh */
                    oh1 = oh0 + (p1 - p < s->Ho - oh0 ? p1 - p : s->Ho - oh0);
                    a = ow >= wlo && ow < whi ? (hlo > oh0 ? hlo : oh0) : oh1;
                    b = ow >= wlo && ow < whi ? (hhi < oh1 ? hhi : oh1) : oh1;
                    if (b < a)
                        b = a;
                    if (dx != NULL) {
                        if (s->sh == 1)
                            for (oh = a; oh < b; oh++)
                                dx[base + oh] += cq[ci + oh];
                        else
                            for (oh = a; oh < b; oh++)
                                dx[base + oh * s->sh] += cq[ci + oh];
                    } else {
                        for (oh = oh0; oh < a; oh++)
                            cq[ci + oh] = R(0);
                        if (s->sh == 1) {
                            if (b > a)
                                memcpy(cq + ci + a, x + base + a, (size_t)(b - a) * sizeof(real));
                        } else {
                            for (oh = a; oh < b; oh++)
                                cq[ci + oh] = x[base + oh * s->sh];
                        }
                        for (oh = b; oh < oh1; oh++)
                            cq[ci + oh] = R(0);
                    }
                    p += oh1 - oh0;
                    ow++;
                    oh0 = 0;
                }
            }
        }
}

/* Elements of the column buffer for g (0: none needed, direct). */
static size_t col_elements(const geom *g)
{
    if (g->direct || g->K == 0)
        return 0;
    return g->nb > 0 ? 2 * block_half(g) : (size_t)g->pc * (size_t)g->K;
}

/* The column buffer: work when given, else allocated (*own set), or NULL
 * (not needed) with st NN_OK. */
static real *col_buffer(const geom *g, real *work, int *own, int *st)
{
    real *col = NULL;
    size_t n = col_elements(g);
    *st = NN_OK;
    *own = 0;
    if (n > 0 && work != NULL)
        return work;
    if (n > 0) {
        col = (real *)nn_big_alloc(n * sizeof(real));
        *own = col != NULL;
        if (col == NULL)
            *st = NN_ENOMEM;
    }
    return col;
}

nn_int NN_(nn_conv2d_work)(const nn_conv2d_shape *s)
{
    /* the largest over batches of 1 .. N images: the block path's buffer
     * grows with the images per block, the other is the same for all */
    nn_conv2d_shape one = *s;
    geom g;
    size_t a, b;
    if (setup_geom(s, &g) != NN_OK)
        return -1;
    a = col_elements(&g);
    one.N = s->N > 0 ? 1 : 0;
    if (setup_geom(&one, &g) != NN_OK)
        return -1;
    b = col_elements(&g);
    return (nn_int)(a > b ? a : b);
}

/* Y(:,:,o0..o1-1,n) += b(o) for the planes of one image (b may be NULL):
 * right after the image's product, while its outputs are in cache. */
static void add_bias(nn_int P, nn_int o0, nn_int o1, const real *b, real *Yn)
{
    nn_int o, p;
    if (b == NULL)
        return;
    for (o = o0; o < o1; o++) {
        real bo = b[o], *y = Yn + P * o;
        for (p = 0; p < P; p++)
            y[p] += bo;
    }
}

/* The block path of the forward pass: for each group and block of nb
 * images, the patches of the block's images one under the other (rows * K,
 * rows = images * P), one product into the second half of buf, and its
 * columns copied to each image's outputs. */
static void forward_blocks(const nn_conv2d_shape *s, const geom *g,
                           const real *X, const real *Wt, const real *b, real *Y,
                           real *buf)
{
    nn_int HWC = s->H * s->W * s->C, P = g->P, n0, m, o, gr;
    real *col = buf, *yb = buf + block_half(g);
    for (gr = 0; gr < s->groups; gr++)
        for (n0 = 0; n0 < s->N; n0 += g->nb) {
            nn_int mb = s->N - n0 < g->nb ? s->N - n0 : g->nb, rows = mb * P;
            for (m = 0; m < mb; m++)
                patches(s, g, 0, P, col + m * P, rows,
                        X + HWC * (n0 + m) + s->H * s->W * g->Cg * gr, NULL);
            nn_gemm('N', 'N', rows, g->Coutg, g->K, col, rows,
                    Wt + g->K * g->Coutg * gr, g->K, R(0), yb, rows);
            for (m = 0; m < mb; m++) {
                real *Yn = Y + P * s->Cout * (n0 + m);
                for (o = 0; o < g->Coutg; o++)
                    memcpy(Yn + P * (g->Coutg * gr + o), yb + rows * o + m * P,
                           (size_t)P * sizeof(real));
                add_bias(P, g->Coutg * gr, g->Coutg * (gr + 1), b, Yn);
            }
        }
}

/* The block path of the backward pass: dY of the block's images gathered
 * side by side into the second half of buf, then dWt += patches' * dY and
 * the patches' gradient dY * W' (in the first half) scattered into dX. */
static void backward_blocks(const nn_conv2d_shape *s, const geom *g,
                            const real *X, const real *Wt, const real *dY,
                            real *dX, real *dWt, real *buf)
{
    nn_int HWC = s->H * s->W * s->C, P = g->P, n0, m, o, gr;
    real *col = buf, *yb = buf + block_half(g);
    for (gr = 0; gr < s->groups; gr++)
        for (n0 = 0; n0 < s->N; n0 += g->nb) {
            nn_int mb = s->N - n0 < g->nb ? s->N - n0 : g->nb, rows = mb * P;
            const real *wg = Wt + g->K * g->Coutg * gr;
            for (m = 0; m < mb; m++)
                for (o = 0; o < g->Coutg; o++)
                    memcpy(yb + rows * o + m * P,
                           dY + P * (s->Cout * (n0 + m) + g->Coutg * gr + o),
                           (size_t)P * sizeof(real));
            if (dWt != NULL) {
                for (m = 0; m < mb; m++)
                    patches(s, g, 0, P, col + m * P, rows,
                            X + HWC * (n0 + m) + s->H * s->W * g->Cg * gr, NULL);
                nn_gemm('T', 'N', g->K, g->Coutg, rows, col, rows, yb, rows,
                        n0 == 0 ? R(0) : R(1), dWt + g->K * g->Coutg * gr, g->K);
            }
            if (dX != NULL) {
                nn_gemm('N', 'T', rows, g->K, g->Coutg, yb, rows, wg, g->K, R(0),
                        col, rows);
                for (m = 0; m < mb; m++)
                    patches(s, g, 0, P, col + m * P, rows, NULL,
                            dX + HWC * (n0 + m) + s->H * s->W * g->Cg * gr);
            }
        }
}

int NN_(nn_conv2d_forward)(const nn_conv2d_shape *s, const real *X,
                           const real *Wt, const real *b, real *Y)
{
    return NN_(nn_conv2d_forward_ws)(s, X, Wt, b, Y, NULL);
}

int NN_(nn_conv2d_forward_ws)(const nn_conv2d_shape *s, const real *X,
                              const real *Wt, const real *b, real *Y, real *work)
{
    geom g;
    nn_int n, gr, p0, HWC = s->H * s->W * s->C;
    real *col;
    int own, st = setup_geom(s, &g);
    if (st != NN_OK)
        return st;
    if (s->N == 0 || s->Cout == 0)
        return NN_OK;
    if (g.K == 0)                   /* no input channels: Y = b */
        memset(Y, 0, (size_t)(g.P * s->Cout * s->N) * sizeof(real));
    col = col_buffer(&g, work, &own, &st);
    if (st != NN_OK)
        return st;
    if (g.nb > 0 && g.K > 0)
        forward_blocks(s, &g, X, Wt, b, Y, col);
    for (n = 0; n < s->N && g.K > 0 && g.nb == 0; n++)
        for (gr = 0; gr < s->groups; gr++) {
            const real *xg = X + HWC * n + s->H * s->W * g.Cg * gr;
            real *yg = Y + g.P * (s->Cout * n + g.Coutg * gr);
            for (p0 = 0; p0 < g.P; p0 += g.pc) {
                nn_int p1 = p0 + g.pc < g.P ? p0 + g.pc : g.P;
                const real *A = g.direct ? xg + p0 : col;
                if (!g.direct)
                    patches(s, &g, p0, p1, col, p1 - p0, xg, NULL);
                nn_gemm('N', 'N', p1 - p0, g.Coutg, g.K, A,
                        g.direct ? g.P : p1 - p0, Wt + g.K * g.Coutg * gr, g.K,
                        R(0), yg + p0, g.P);
            }
            add_bias(g.P, g.Coutg * gr, g.Coutg * (gr + 1), b, Y + g.P * s->Cout * n);
        }
    if (own)
        nn_big_free(col);
    for (n = 0; n < s->N && g.K == 0; n++)      /* Y = 0 + b */
        add_bias(g.P, 0, s->Cout, b, Y + g.P * s->Cout * n);
    return NN_OK;
}

/* The sum of d[0..n-1] in double, in 8 partial sums (element p into sum
 * p mod 8, in order), added pairwise at the end: the same bits on every
 * machine, and the loop vectorises (one running sum waits on each add). */
WIDE static double sum8(const real *RESTRICT d, nn_int n)
{
    double a[8] = { 0, 0, 0, 0, 0, 0, 0, 0 };
    nn_int p, j, n8 = n - n % 8;
    for (p = 0; p < n8; p += 8)
        for (j = 0; j < 8; j++)
            a[j] += (double)d[p + j];
    for (j = 0; p < n; p++, j++)
        a[j] += (double)d[p];
    return ((a[0] + a[1]) + (a[2] + a[3])) + ((a[4] + a[5]) + (a[6] + a[7]));
}

/* db(o) = sum of dY over pixels and images, in double: per image the sum
 * of its pixels (sum8), the images' sums in order. */
static void bias_grad(const nn_conv2d_shape *s, nn_int P, const real *dY,
                      real *db)
{
    nn_int o, n;
    for (o = 0; o < s->Cout; o++) {
        double acc = 0;
        for (n = 0; n < s->N; n++)
            acc += sum8(dY + P * (o + s->Cout * n), P);
        db[o] = (real)acc;
    }
}

int NN_(nn_conv2d_backward)(const nn_conv2d_shape *s, const real *X,
                            const real *Wt, const real *dY, real *dX,
                            real *dWt, real *db)
{
    return NN_(nn_conv2d_backward_ws)(s, X, Wt, dY, dX, dWt, db, NULL);
}

int NN_(nn_conv2d_backward_ws)(const nn_conv2d_shape *s, const real *X,
                               const real *Wt, const real *dY, real *dX,
                               real *dWt, real *db, real *work)
{
    geom g;
    nn_int n, gr, p0, HWC = s->H * s->W * s->C;
    real *col;
    int own, st = setup_geom(s, &g);
    if (st != NN_OK)
        return st;
    if (db != NULL)
        bias_grad(s, g.P, dY, db);
    if (dX == NULL && dWt == NULL)
        return NN_OK;
    if (s->N == 0 || s->Cout == 0 || g.K == 0) {   /* empty products: zeros */
        if (dWt != NULL && g.K * s->Cout > 0)
            memset(dWt, 0, (size_t)(g.K * s->Cout) * sizeof(real));
        if (dX != NULL && HWC * s->N > 0)
            memset(dX, 0, (size_t)(HWC * s->N) * sizeof(real));
        return NN_OK;
    }
    col = col_buffer(&g, work, &own, &st);
    if (st != NN_OK)
        return st;
    if (dX != NULL && !g.direct)
        memset(dX, 0, (size_t)(HWC * s->N) * sizeof(real));
    if (g.nb > 0)
        backward_blocks(s, &g, X, Wt, dY, dX, dWt, col);
    for (n = 0; n < s->N && g.nb == 0; n++)
        for (gr = 0; gr < s->groups; gr++) {
            nn_int xoff = HWC * n + s->H * s->W * g.Cg * gr;
            const real *dyg = dY + g.P * (s->Cout * n + g.Coutg * gr);
            const real *wg = Wt + g.K * g.Coutg * gr;
            for (p0 = 0; p0 < g.P; p0 += g.pc) {
                nn_int p1 = p0 + g.pc < g.P ? p0 + g.pc : g.P, pc = p1 - p0;
                if (dWt != NULL) {      /* dWt_g += col' * dY_g */
                    const real *A = g.direct ? X + xoff + p0 : col;
                    if (!g.direct)
                        patches(s, &g, p0, p1, col, pc, X + xoff, NULL);
                    nn_gemm('T', 'N', g.K, g.Coutg, pc, A, g.direct ? g.P : pc,
                            dyg + p0, g.P, n == 0 && p0 == 0 ? R(0) : R(1),
                            dWt + g.K * g.Coutg * gr, g.K);
                }
                if (dX != NULL) {       /* dcol = dY_g * W_g', then col2im */
                    if (g.direct) {
                        nn_gemm('N', 'T', pc, g.K, g.Coutg, dyg + p0, g.P, wg,
                                g.K, R(0), dX + xoff + p0, g.P);
                    } else {
                        nn_gemm('N', 'T', pc, g.K, g.Coutg, dyg + p0, g.P, wg,
                                g.K, R(0), col, pc);
                        patches(s, &g, p0, p1, col, pc, NULL, dX + xoff);
                    }
                }
            }
        }
    if (own)
        nn_big_free(col);
    return NN_OK;
}
