/* Batch normalisation, as torch.nn.functional.batch_norm.  Included by nn.h.
 *
 * Layout (column-major): X holds, for each of C channels, m = inner*outer
 * values, in `outer` runs of `inner` consecutive elements:
 *   X(i, c, j) at X[i + inner*(c + C*j)]      0 <= i < inner, 0 <= j < outer
 * An image batch H x W x C x N is inner = H*W, outer = N; a matrix of N rows
 * (observations) by C features is inner = N, outer = 1.
 *
 * Training mode, per channel c (sums over its m values, in double also for
 * float, the variance in two passes with the compensating term of Chan,
 * Golub and LeVeque's corrected two-pass algorithm):
 *   mu = sum(x)/m,  v = sum((x - mu)^2)/m (biased),  r = 1/sqrt(v + eps)
 *   y  = (x - mu) * r * gamma(c) + beta(c)
 *   running mean <- (1 - momentum)*mean + momentum*mu
 *   running var  <- (1 - momentum)*var  + momentum*v*m/(m - 1)  (unbiased)
 * With m = 0 the output is empty and the running statistics are unchanged
 * (as torch); m = 1 is refused (NN_EVALUE), as torch refuses it.
 * Evaluation mode: mu and v are the running mean and variance, which are not
 * changed.  Every per-channel quantity is computed in double.
 *
 * Backward, given dY (the size of X), with mu, v, r of the mode:
 *   dgamma(c) = sum(dy .* (x - mu)) * r,   dbeta(c) = sum(dy)
 *   training:   dx = gamma*r * (dy - sum(dy)/m - (x - mu)*r^2*sum(dy.*(x - mu))/m)
 *   evaluation: dx = gamma*r * dy
 * The batch statistics are recomputed from X (nothing is cached); in training
 * mode the running statistics are not read.
 *
 * No allocation; every pass runs channel by channel. */
#ifndef NNLAB_NN_BATCHNORM_H
#define NNLAB_NN_BATCHNORM_H

typedef struct {
    nn_int inner, C, outer;     /* see above */
} nn_batchnorm_shape;

typedef struct {
    int training;               /* default 1 */
    double momentum;            /* default 0.1, in [0, 1] */
    double eps;                 /* default 1e-5, finite and > 0 */
} nn_batchnorm_opts;

void nn_batchnorm_defaults(nn_batchnorm_opts *o);
/* One name/value pair ('training', 'momentum', 'eps'; names in lower case):
 * NN_OK, NN_ENAME or NN_EVALUE with a sentence in msg.  Other names are left
 * to the caller (NN_ENAME), which may know more options. */
int nn_batchnorm_option(nn_batchnorm_opts *o, const char *name,
                        const double *val, nn_int nval, const char *str,
                        char *msg, size_t msglen);
/* NN_OK when the shape and options can be computed: NN_EARG for a negative
 * size, NN_ETOOBIG when inner*C*outer overflows, NN_EVALUE when training with
 * one value per channel (m = 1, C > 0) or options out of range. */
int nn_batchnorm_check(const nn_batchnorm_shape *s, const nn_batchnorm_opts *o);

#define NN_DECLARE_BATCHNORM(R, S)                                            \
/* Y (the size of X).  gamma, beta (C each) may be NULL: 1 and 0.  mean_in,   \
 * var_in: the running statistics (NULL: 0 and 1, torch's start).  Training:  \
 * the updated ones are written into mean_out, var_out when not NULL (they    \
 * may be mean_in, var_in).  Evaluation: mean_in, var_in are used and         \
 * mean_out, var_out, when not NULL, receive copies of them. */               \
int nn_batchnorm_forward##S(const nn_batchnorm_shape *s,                      \
                            const nn_batchnorm_opts *o, const R *X,           \
                            const R *gamma, const R *beta, const R *mean_in,  \
                            const R *var_in, R *mean_out, R *var_out, R *Y);  \
/* dX (the size of X), dgamma, dbeta (C each); any may be NULL.  The running \
 * statistics are read in evaluation mode only (NULL: 0 and 1). */            \
int nn_batchnorm_backward##S(const nn_batchnorm_shape *s,                     \
                             const nn_batchnorm_opts *o, const R *X,          \
                             const R *gamma, const R *mean_in,                \
                             const R *var_in, const R *dY, R *dX, R *dgamma,  \
                             R *dbeta);

NN_DECLARE_BATCHNORM(double, _d)
NN_DECLARE_BATCHNORM(float, _s)
#undef NN_DECLARE_BATCHNORM

#endif
