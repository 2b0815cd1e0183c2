/* 2-D max and average pooling, as torch.nn.functional.max_pool2d and
 * avg_pool2d (ceil_mode False, dilation 1).  Included by nn.h.
 *
 * Layout as in nn_conv.h: X is H x W x C x N, column-major, and each of the
 * C*N planes of H x W pixels is pooled on its own into Ho x Wo, with
 *   Ho = floor((H + 2*ph - kh) / sh) + 1      (likewise Wo)
 * for the window kh x kw, stride sh x sw and padding ph, pw on both sides
 * (at most half the window, as torch requires, so that every window holds
 * at least one pixel of the image).  Output (oh, ow) pools the pixels
 * h = oh*sh - ph .. +kh-1, w = ow*sw - pw .. +kw-1 that are inside.
 *
 * Max: the largest value, scanned as PyTorch scans (row by row: h outer, w
 * inner) and kept when strictly larger or NaN, so that of equal values the
 * first in that order wins and a NaN wins; padding never wins (a window of
 * -Inf gives -Inf, routed to its first pixel).  The backward pass adds dY to
 * the pixel that won (recomputed from X).
 * Average: the sum (in double) divided by kh*kw when count_pad (torch's
 * count_include_pad, its default), else by the number of pixels inside.
 * The backward pass spreads dY / that divisor over the window. */
#ifndef NNLAB_NN_POOL_H
#define NNLAB_NN_POOL_H

enum { NN_POOL_MAX = 0, NN_POOL_AVG = 1 };

typedef struct {
    nn_int H, W, C, N;          /* input */
    nn_int kh, kw;              /* window */
    nn_int sh, sw, ph, pw;      /* stride, padding */
    int count_pad;              /* average: divide by kh*kw */
    nn_int Ho, Wo;              /* the output size: set by nn_pool_setup */
} nn_pool_shape;

typedef struct {
    nn_int stride[2];           /* 0: the window */
    nn_int pad[2];
    int count_pad;              /* default 1 */
} nn_pool_opts;

/* NN_POOL_MAX for "max", NN_POOL_AVG for "avg", else -1. */
int nn_pool_kind(const char *name);
void nn_pool_defaults(nn_pool_opts *o);
/* One name/value pair ('stride', 'padding', 'countincludepad'; names in
 * lower case): NN_OK, NN_ENAME or NN_EVALUE with a sentence in msg. */
int nn_pool_option(nn_pool_opts *o, const char *name, const double *val,
                   nn_int nval, const char *str, char *msg, size_t msglen);
/* Fills s's stride, padding and count_pad from o after H..kw are set, then
 * checks and sets Ho, Wo: NN_EARG for a negative size, a window below
 * 1 x 1 or an output below 1 x 1 (the padded input is smaller than the
 * window), NN_EVALUE for padding above half the window, NN_ETOOBIG when a
 * size overflows.  msg (may be NULL) receives a sentence. */
int nn_pool_setup(nn_pool_shape *s, const nn_pool_opts *o, char *msg,
                  size_t msglen);
/* 1 when s is 2 x 2 max pooling's tiling case: 2 x 2 windows, stride 2, no
 * padding (the windows do not overlap), which nn_pool_max2_* take. */
int nn_pool_is_max2(const nn_pool_shape *s);

#define NN_DECLARE_POOL(R, S)                                                 \
/* Y (Ho x Wo x C x N) from X; s has passed nn_pool_setup; NN_EARG for an     \
 * unknown kind. */                                                           \
int nn_pool_forward##S(int kind, const nn_pool_shape *s, const R *X, R *Y);   \
/* dX (the size of X) from dY (the size of Y); X is read only for max. */     \
int nn_pool_backward##S(int kind, const nn_pool_shape *s, const R *X,         \
                        const R *dY, R *dX);                                  \
/* Max pooling in the tiling case (nn_pool_is_max2) with its winners kept:  \
 * the forward pass writes Y and, per output, the winner's place in its     \
 * window (0..3) into win (Ho x Wo x C x N bytes); the backward pass writes \
 * every element of dX from dY and win alone, without reading X again.  The \
 * same numbers as nn_pool_forward/backward with NN_POOL_MAX (the same      \
 * winner on ties and NaN).  NN_EARG when s is not the tiling case. */       \
int nn_pool_max2_forward##S(const nn_pool_shape *s, const R *X, R *Y,         \
                            unsigned char *win);                              \
int nn_pool_max2_backward##S(const nn_pool_shape *s, const unsigned char *win, \
                             const R *dY, R *dX);

NN_DECLARE_POOL(double, _d)
NN_DECLARE_POOL(float, _s)
#undef NN_DECLARE_POOL

#endif
