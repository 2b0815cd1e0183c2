/* 2-D convolution (cross-correlation), as torch.nn.functional.conv2d.
 * Included by nn.h.
 *
 * Layout (column-major, one observation last):
 *   X   H x W x C x N               X(h,w,c,n) at X[h + H*(w + W*(c + C*n))]
 *   Wt  kh x kw x C/groups x Cout   the kernel (torch's weight[o][c][i][j]
 *                                   is Wt(i,j,c,o))
 *   b   Cout                        the bias, or NULL
 *   Y   Ho x Wo x Cout x N
 * with, for the output pixel (oh, ow) and output channel o of group g
 * (0-based; g = o / (Cout/groups), input channels g*Cg .. g*Cg+Cg-1 where
 * Cg = C/groups):
 *   Y(oh,ow,o,n) = b(o) + sum_{i,j,c} Wt(i,j,c,o) *
 *                  X(oh*sh - pt + i*dh, ow*sw - pl + j*dw, g*Cg + c, n)
 * where X is 0 outside the image (zero padding), and
 *   Ho = floor((H + pt + pb - dh*(kh-1) - 1) / sh) + 1   (likewise Wo).
 *
 * The work is im2col + GEMM: for each group, the patches of a block of
 * whole images (when two or more fit in NN_CONV_BLOCK_BYTES and a patch
 * has 32 taps or more; else of a block of output pixels of one image, at
 * most NN_CONV_COL_BYTES or one row of it) are gathered into a column
 * matrix and multiplied by the kernel with BLAS ?gemm.  A 1x1 kernel with stride 1 and no padding multiplies X
 * directly.  Single-threaded apart from the threads of the BLAS library.
 * The functions allocate that one buffer (NN_ENOMEM when they cannot) and
 * free it before they return; the _ws forms take it from the caller
 * (nn_conv2d_work elements), so that a training loop allocates nothing per
 * step. */
#ifndef NNLAB_NN_CONV_H
#define NNLAB_NN_CONV_H

/* Bytes of the im2col buffer (a block of output pixels x kh*kw*Cg). */
#define NN_CONV_COL_BYTES ((size_t)8 << 20)
/* Bytes of a block of whole images' patches (and of their outputs): at
 * most half of NN_CONV_COL_BYTES. */
#define NN_CONV_BLOCK_BYTES ((size_t)1 << 20)

typedef struct {
    nn_int H, W, C, N;          /* input */
    nn_int kh, kw, Cout;        /* kernel (its third size is C / groups) */
    nn_int groups;
    nn_int sh, sw;              /* stride */
    nn_int dh, dw;              /* dilation */
    nn_int pt, pb, pl, pr;      /* zero padding: top, bottom, left, right */
    nn_int Ho, Wo;              /* the output size: set by nn_conv2d_setup */
} nn_conv2d_shape;

/* The options as given (type-free).  Padding 'same' is resolved by
 * nn_conv2d_setup (it needs the kernel size). */
typedef struct {
    nn_int stride[2], dilation[2], pad[4], groups;
    int same;                   /* padding 'same' */
} nn_conv2d_opts;

/* Defaults: stride 1, dilation 1, padding 0, groups 1. */
void nn_conv2d_defaults(nn_conv2d_opts *o);
/* One name/value pair ('stride', 'padding', 'dilation', 'groups', names in
 * lower case): NN_OK, NN_ENAME or NN_EVALUE with a sentence in msg. */
int nn_conv2d_option(nn_conv2d_opts *o, const char *name, const double *val,
                     nn_int nval, const char *str, char *msg, size_t msglen);
/* Fills s's stride, dilation, padding and groups from o ('same': the total
 * padding dh*(kh-1), its odd unit at the bottom/right as torch does; only
 * with stride 1) after its sizes H..Cout are set, then checks and sets
 * Ho, Wo.  NN_EVALUE for 'same' with a stride other than 1, NN_EARG for a
 * negative size, a kernel size below 1, or C or Cout not divisible by
 * groups, NN_ETOOBIG when a size overflows, NN_EVALUE when the output would
 * be smaller than 1 x 1 (the padded input is smaller than the dilated
 * kernel).  msg (may be NULL) receives a sentence. */
int nn_conv2d_setup(nn_conv2d_shape *s, const nn_conv2d_opts *o, char *msg,
                    size_t msglen);

#define NN_DECLARE_CONV(R, S)                                                 \
/* Y = conv2d(X, Wt) + b (b may be NULL).  s has passed nn_conv2d_setup.     \
 * NN_ETOOBIG when a GEMM size exceeds the BLAS integer type. */              \
int nn_conv2d_forward##S(const nn_conv2d_shape *s, const R *X, const R *Wt,  \
                         const R *b, R *Y);                                    \
/* Gradients from dY (the size of Y): dX (size of X), dWt (size of Wt) and   \
 * db (Cout, summed in double); any of them may be NULL.  X is read only     \
 * for dWt, Wt only for dX. */                                                \
int nn_conv2d_backward##S(const nn_conv2d_shape *s, const R *X,              \
                          const R *Wt, const R *dY, R *dX, R *dWt, R *db);    \
/* The elements of R the _ws forms need as work for any batch of 1 .. s->N   \
 * images (0: none); -1 when s is not a shape nn_conv2d_setup passed. */      \
nn_int nn_conv2d_work##S(const nn_conv2d_shape *s);                          \
/* As above, with work (nn_conv2d_work elements, or NULL: allocated). */     \
int nn_conv2d_forward_ws##S(const nn_conv2d_shape *s, const R *X,            \
                            const R *Wt, const R *b, R *Y, R *work);          \
int nn_conv2d_backward_ws##S(const nn_conv2d_shape *s, const R *X,           \
                             const R *Wt, const R *dY, R *dX, R *dWt, R *db,  \
                             R *work);

NN_DECLARE_CONV(double, _d)
NN_DECLARE_CONV(float, _s)
#undef NN_DECLARE_CONV

#endif
