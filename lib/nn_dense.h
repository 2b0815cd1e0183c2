/* Dense (fully connected) layer.  Included by nn.h.
 *
 * Both functions return NN_OK, NN_EARG for a negative size, or NN_ETOOBIG
 * when a product that needs BLAS (all of n, in, out positive) has a size
 * that nn_blas_int cannot hold (above INT_MAX for a 32-bit BLAS); they
 * check before touching any array.  Empty products (k = 0) give zeros
 * without calling BLAS.  Outputs may be uninitialised on entry. */
#ifndef NNLAB_NN_DENSE_H
#define NNLAB_NN_DENSE_H

#define NN_DECLARE_DENSE(R, S)                                                \
/* Y(n x out) = X(n x in) * W(out x in)' + b'; b may be NULL. */              \
int nn_dense_forward##S(nn_int n, nn_int in, nn_int out, const R *X,          \
                        const R *W, const R *b, R *Y);                         \
/* dX = dY*W, dW = dY'*X, db = sum(dY,1)' (summed in double, in order);      \
 * any output may be NULL; X is read only for dW. */                          \
int nn_dense_backward##S(nn_int n, nn_int in, nn_int out, const R *X,         \
                         const R *W, const R *dY, R *dX, R *dW, R *db);        \
/* The same with X's leading dimension ldx >= max(n, 1) (X may be a block of  \
 * rows of a taller matrix); NN_EARG when ldx is smaller. */                  \
int nn_dense_forward_ld##S(nn_int n, nn_int in, nn_int out, const R *X,       \
                           nn_int ldx, const R *W, const R *b, R *Y);          \
int nn_dense_backward_ld##S(nn_int n, nn_int in, nn_int out, const R *X,      \
                            nn_int ldx, const R *W, const R *dY, R *dX,       \
                            R *dW, R *db);

NN_DECLARE_DENSE(double, _d)
NN_DECLARE_DENSE(float, _s)
#undef NN_DECLARE_DENSE

#endif
