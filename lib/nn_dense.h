/* Dense (fully connected) layer.  Included by nn.h. */
#ifndef NNLAB_NN_DENSE_H
#define NNLAB_NN_DENSE_H

#define NN_DECLARE_DENSE(R, S)                                                \
/* Y(n x out) = X(n x in) * W(out x in)' + b'; b may be NULL. */              \
int nn_dense_forward##S(nn_int n, nn_int in, nn_int out, const R *X,          \
                        const R *W, const R *b, R *Y);                         \
/* dX = dY*W, dW = dY'*X, db = sum(dY,1)'; any output may be NULL. */         \
int nn_dense_backward##S(nn_int n, nn_int in, nn_int out, const R *X,         \
                         const R *W, const R *dY, R *dX, R *dW, R *db);

NN_DECLARE_DENSE(double, _d)
NN_DECLARE_DENSE(float, _s)
#undef NN_DECLARE_DENSE

#endif
