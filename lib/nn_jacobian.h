/* Jacobian of a dense network's outputs with respect to its parameters, the
 * Gauss-Newton pair J'J and J'e built from it, and the damped solve of a
 * Levenberg-Marquardt step.  Include nn.h first.
 *
 * The network: nl layers, layer l maps sizes[l] inputs to sizes[l+1]
 * outputs by Z = A W_l' + b_l' (W_l sizes[l+1] x sizes[l], column-major, b_l
 * sizes[l+1]), then A = f_l(Z) with the activation kind acts[l]
 * (NN_ACT_LINEAR for none; PyTorch's default options).  X is n x sizes[0]
 * (one observation a row).  The parameters are ordered as nn_unroll orders
 * them: layer by layer, each as [b_l; W_l(:)].  A row of J is one entry of
 * the n x K output Y, in the order of Y(:) (observation fastest).
 * All return NN_OK, NN_EARG (a bad size or kind), NN_ETOOBIG or NN_ENOMEM. */
#ifndef NNLAB_NN_JACOBIAN_H
#define NNLAB_NN_JACOBIAN_H

#define NN_DECLARE_JACOBIAN(R, S)                                             \
/* Y (n x K, may be NULL) and J ((n*K) x P, may be NULL). */                  \
int nn_jacobian##S(nn_int nl, const nn_int *sizes, const R *const *W,        \
                   const R *const *b, const int *acts, nn_int n, const R *X,  \
                   R *Y, R *J);                                               \
/* With T (n x K): e = Y - T, JJ = J'J (P x P), Je = J'e (P), and *sse =      \
 * e'e (summed in double).  Works on blocks of rows: memory of about          \
 * rows*K*P besides JJ. */                                                    \
int nn_gauss_newton##S(nn_int nl, const nn_int *sizes, const R *const *W,    \
                       const R *const *b, const int *acts, nn_int n,          \
                       const R *X, const R *T, R *JJ, R *Je, double *sse);    \
/* dx (P) solving (JJ + mu I) dx = g by Cholesky (potrf/potrs), or, when     \
 * the matrix is not positive definite, by QR (gels).  *how is 1 for         \
 * Cholesky, 2 for QR.  JJ and g are not changed. */                         \
int nn_lm_solve##S(nn_int P, const R *JJ, const R *g, double mu, R *dx,      \
                   int *how);

NN_DECLARE_JACOBIAN(double, _d)
NN_DECLARE_JACOBIAN(float, _s)
#undef NN_DECLARE_JACOBIAN

#endif
