/* Dropout.  Included by nn.h.
 *
 * Inverted dropout as torch.nn.functional.dropout in training mode: each
 * element is zeroed with probability p and the kept ones are scaled by
 * 1/(1-p), so that the expected output equals the input.  The mask M holds
 * the factor of each element (0 or 1/(1-p)), so Y = X .* M and the backward
 * product is dX = dY .* M.
 *
 * Random numbers are counter-based: whether element i (0-based, column-major)
 * is kept depends only on (seed, i, p), never on the element type, on the
 * platform or on how the work is split.  The bits of element i are
 *     key  = mix(seed)
 *     h(i) = mix(key + (i + 1) * 0x9E3779B97F4A7C15)      (mod 2^64)
 * where mix() is the 64-bit finaliser of SplitMix64 (Steele, Lea and Flood,
 * "Fast splittable pseudorandom number generators", OOPSLA 2014); that is
 * SplitMix64 itself, started at key and jumped to its (i+1)-th output, a
 * generator that passes BigCrush.  Element i is dropped when the 53-bit
 * uniform u(i) = (h(i) >> 11) * 2^-53 in [0, 1) is < p, i.e. with
 * probability ceil(p * 2^53) / 2^53, p rounded up to a multiple of 2^-53. */
#ifndef NNLAB_NN_DROPOUT_H
#define NNLAB_NN_DROPOUT_H

#include <stdint.h>

/* Seeds are whole numbers 0 <= seed < 2^53, so that a double holds them. */
#define NN_DROPOUT_SEED_LIMIT 9007199254740992.0    /* 2^53 */

typedef struct {
    int has_seed;       /* 0: the caller draws a seed itself */
    uint64_t seed;
} nn_dropout_opts;

/* The options (type-free; see lib/dropout.c). */
void nn_dropout_defaults(nn_dropout_opts *o);
/* One name/value pair; the only option is 'seed'.  NN_ENAME or NN_EVALUE
 * with a sentence in msg on failure. */
int nn_dropout_option(nn_dropout_opts *o, const char *name, const double *val,
                      nn_int nval, const char *str, char *msg, size_t msglen);
/* p must be a number from 0 to 1 (NaN is not): NN_OK or NN_EARG. */
int nn_dropout_check_p(double p, char *msg, size_t msglen);
/* A seed 0 <= s < 2^53 and whole: NN_OK or NN_EVALUE. */
int nn_dropout_check_seed(double s, char *msg, size_t msglen);
/* 1 when element `index` is kept for this seed and p, 0 when dropped. */
int nn_dropout_keep(uint64_t seed, double p, uint64_t index);

#define NN_DECLARE_DROPOUT(R, S)                                              \
/* The factor of a kept element: R(1) / (R)(1 - p), as PyTorch computes it  \
 * (for float the quotient is taken in float); +Inf for p = 1. */            \
R nn_dropout_scale##S(double p);                                              \
/* Y = X .* M for count elements; M (may be NULL) receives the mask.         \
 * p = 0 copies X (M all 1); p = 1 gives Y = X * 0 (M all 0), so that, as in \
 * PyTorch, Inf and NaN inputs give NaN.  NN_EARG if p is not in [0, 1]. */   \
int nn_dropout_forward##S(nn_int count, double p, uint64_t seed, const R *X,  \
                          R *Y, R *M);                                         \
/* dX = dY .* M.  Each M value must be 0 (if p > 0) or the scale for p     \
 * (if p < 1; within 4 eps, relative); otherwise NN_EVALUE and *bad (if not  \
 * NULL) is the index of the first bad one (dX is then partly written). */   \
int nn_dropout_backward##S(nn_int count, double p, const R *dY, const R *M,   \
                           R *dX, nn_int *bad);

NN_DECLARE_DROPOUT(double, _d)
NN_DECLARE_DROPOUT(float, _s)
#undef NN_DECLARE_DROPOUT

#endif
