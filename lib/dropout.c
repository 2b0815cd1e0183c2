/* Dropout: inverted dropout with a counter-based generator (see
 * nn_dropout.h for the definition of the random bits). */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "nn_real.h"
#include "alloc.h"
#include "options.h"

#define GOLDEN UINT64_C(0x9E3779B97F4A7C15)    /* 2^64 / golden ratio, odd */

/* SplitMix64's output function: a bijection of 64-bit words that mixes
 * every input bit into every output bit. */
static uint64_t mix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* Element i is dropped when (h(i) >> 11) < threshold = ceil(p * 2^53):
 * the same as u(i) < p for u(i) = (h(i) >> 11) * 2^-53, in integers.
 * p * 2^53 is exact (a power-of-two scaling), and so is its ceil. */
static uint64_t drop_threshold(double p)
{
    return (uint64_t)ceil(p * NN_DROPOUT_SEED_LIMIT);
}

static int p_ok(double p)
{
    return p >= 0 && p <= 1;       /* false for NaN */
}

/* ---- type-free part, compiled once (in the double object) ------------- */
#ifndef NN_SINGLE

void nn_dropout_defaults(nn_dropout_opts *o)
{
    memset(o, 0, sizeof *o);
}

int nn_dropout_check_p(double p, char *msg, size_t msglen)
{
    if (p_ok(p))
        return NN_OK;
    if (msg != NULL && msglen > 0)
        snprintf(msg, msglen, "the dropout probability p must be a number from "
                 "0 to 1, but it is %g", p);
    return NN_EARG;
}

int nn_dropout_check_seed(double s, char *msg, size_t msglen)
{
    if (s >= 0 && s < NN_DROPOUT_SEED_LIMIT && s == floor(s))
        return NN_OK;
    if (msg != NULL && msglen > 0)
        snprintf(msg, msglen, "option 'seed' must be a whole number from 0 to "
                 "2^53-1 (9007199254740991), but it is %.17g", s);
    return NN_EVALUE;
}

int nn_dropout_option(nn_dropout_opts *o, const char *name, const double *val,
                      nn_int nval, const char *str, char *msg, size_t msglen)
{
    int st;
    if (name == NULL)
        name = "";
    if (strcmp(name, "seed") != 0)
        return nn_util_fail(NN_ENAME, msg, msglen,
                            "nn_dropout has no option '%s' (it has: 'seed')", name);
    if (str != NULL || val == NULL || nval != 1)
        return nn_util_fail(NN_EVALUE, msg, msglen, "%s",
                            "option 'seed' takes one whole number from 0 to 2^53-1");
    st = nn_dropout_check_seed(val[0], msg, msglen);
    if (st != NN_OK)
        return st;
    o->has_seed = 1;
    o->seed = (uint64_t)val[0];
    return NN_OK;
}

int nn_dropout_keep(uint64_t seed, double p, uint64_t index)
{
    uint64_t h = mix64(mix64(seed) + (index + 1) * GOLDEN);
    return (h >> 11) >= drop_threshold(p);
}

#endif

/* ---- typed part ------------------------------------------------------- */

real NN_(nn_dropout_scale)(double p)
{
    real q = (real)(1.0 - p);
    return R(1) / q;            /* R(1) / 0 = +Inf for p = 1 */
}

int NN_(nn_dropout_forward)(nn_int count, double p, uint64_t seed,
                            const real *X, real *Y, real *M)
{
    nn_int i;
    if (count < 0 || !p_ok(p))
        return NN_EARG;
    if (p == 0) {               /* PyTorch returns the input itself */
        if (count > 0)
            memcpy(Y, X, (size_t)count * sizeof(real));
        if (M != NULL)
            for (i = 0; i < count; i++)
                M[i] = R(1);
    } else if (p == 1) {        /* PyTorch: input * 0, so Inf/NaN give NaN */
        for (i = 0; i < count; i++)
            Y[i] = X[i] * R(0);
        if (M != NULL && count > 0)
            memset(M, 0, (size_t)count * sizeof(real));
    } else {
        const real s = NN_(nn_dropout_scale)(p);
        const uint64_t thr = drop_threshold(p);
        uint64_t ctr = mix64(seed);
        for (i = 0; i < count; i++) {
            real m;
            ctr += GOLDEN;
            m = (mix64(ctr) >> 11) >= thr ? s : R(0);
            Y[i] = X[i] * m;
            if (M != NULL)
                M[i] = m;
        }
    }
    return NN_OK;
}

int NN_(nn_dropout_backward)(nn_int count, double p, const real *dY,
                             const real *M, real *dX, nn_int *bad)
{
    nn_int i;
    real s, tol;
    if (count < 0 || !p_ok(p))
        return NN_EARG;
    s = NN_(nn_dropout_scale)(p);
    tol = R(4) * REAL_EPS * s;  /* Inf for p = 1: then only 0 is valid */
    for (i = 0; i < count; i++) {
        real m = M[i];
        /* p = 0 drops nothing (M all 1), p = 1 everything (M all 0) */
        if (!((m == 0 && p > 0) || (p < 1 && fabs(m - s) <= tol))) {
            if (bad != NULL)
                *bad = i;
            return NN_EVALUE;
        }
        dX[i] = dY[i] * m;
    }
    return NN_OK;
}
