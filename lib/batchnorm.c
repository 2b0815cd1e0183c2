/* Batch normalisation; see nn_batchnorm.h. */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "nn_real.h"
#include "options.h"

/* ---- type-free part, compiled once (in the double object) ------------- */
#ifndef NN_SINGLE

void nn_batchnorm_defaults(nn_batchnorm_opts *o)
{
    memset(o, 0, sizeof *o);
    o->training = 1;
    o->momentum = 0.1;
    o->eps = 1e-5;
}

int nn_batchnorm_option(nn_batchnorm_opts *o, const char *name,
                        const double *val, nn_int nval, const char *str,
                        char *msg, size_t msglen)
{
    if (name == NULL)
        name = "";
    if (strcmp(name, "training") == 0) {
        if (str != NULL)
            return nn_util_fail(NN_EVALUE, msg, msglen, "option 'Training' takes "
                                "true (batch statistics) or false (the running "
                                "ones), not '%s'", str);
        return nn_util_bool("Training", val, nval, &o->training, msg, msglen);
    }
    if (strcmp(name, "momentum") == 0) {
        if (str != NULL)
            return nn_util_fail(NN_EVALUE, msg, msglen, "option 'Momentum' takes "
                                "a number from 0 to 1, not '%s'", str);
        return nn_util_real("Momentum", val, nval, 0.0, 1.0, &o->momentum, msg,
                            msglen);
    }
    if (strcmp(name, "eps") == 0) {
        if (str != NULL)
            return nn_util_fail(NN_EVALUE, msg, msglen, "option 'Eps' takes a "
                                "number > 0, not '%s'", str);
        return nn_util_real_open("Eps", val, nval, 0.0, HUGE_VAL, &o->eps, msg,
                                 msglen);
    }
    return nn_util_fail(NN_ENAME, msg, msglen, "nn_batchnorm has no option '%s' "
                        "(it has: 'Training', 'Momentum', 'Eps')", name);
}

int nn_batchnorm_check(const nn_batchnorm_shape *s, const nn_batchnorm_opts *o)
{
    nn_int e;
    if (s->inner < 0 || s->C < 0 || s->outer < 0)
        return NN_EARG;
    if ((s->outer != 0 && s->inner > PTRDIFF_MAX / s->outer) ||
        (s->C != 0 && s->inner * s->outer > PTRDIFF_MAX / s->C))
        return NN_ETOOBIG;
    e = s->inner * s->outer;
    if (!(o->momentum >= 0 && o->momentum <= 1) || !(o->eps > 0) ||
        !isfinite(o->eps))
        return NN_EVALUE;
    if (o->training && e == 1 && s->C > 0)
        return NN_EVALUE;
    return NN_OK;
}

#endif

/* ---- typed part ------------------------------------------------------- */

/* The sums over one channel (its `outer` runs of `inner` values, runs
 * `stride` apart), each run summed with independent accumulators and added
 * to the total: the error grows with inner/4 + outer, not with m. */
static double chan_sum(const real *x, nn_int inner, nn_int outer, nn_int stride)
{
    double t = 0;
    nn_int i, j;
    for (j = 0; j < outer; j++) {
        const real *p = x + j * stride;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (i = 0; i + 4 <= inner; i += 4) {
            s0 += p[i];
            s1 += p[i + 1];
            s2 += p[i + 2];
            s3 += p[i + 3];
        }
        for (; i < inner; i++)
            s0 += p[i];
        t += (s0 + s1) + (s2 + s3);
    }
    return t;
}

/* sum(x - mu) and sum((x - mu)^2) over one channel, and with dy != NULL
 * sum(dy) and sum(dy .* (x - mu)). */
typedef struct { double d, dd, g, gd; } sums;

static sums chan_sums(const real *x, const real *dy, double mu, nn_int inner,
                      nn_int outer, nn_int stride)
{
    sums t = {0, 0, 0, 0};
    nn_int i, j;
    for (j = 0; j < outer; j++) {
        const real *p = x + j * stride;
        double d = 0, dd = 0, g = 0, gd = 0;
        if (dy == NULL)
            for (i = 0; i < inner; i++) {
                double u = (double)p[i] - mu;
                d += u;
                dd += u * u;
            }
        else {
            const real *q = dy + j * stride;
            for (i = 0; i < inner; i++) {
                double u = (double)p[i] - mu;
                d += u;
                dd += u * u;
                g += q[i];
                gd += q[i] * u;
            }
        }
        t.d += d; t.dd += dd; t.g += g; t.gd += gd;
    }
    return t;
}

/* The batch mean and biased variance of channel c (m > 0), in double: the
 * mean is mu + lo, mu of a first pass and lo = mean(x - mu) its rounding
 * error, kept apart so that x - mu - lo keeps the digits that a mean
 * rounded to one double would lose when |mean| >> std; the variance has the
 * same correction (the corrected two-pass algorithm of Chan, Golub and
 * LeVeque), and so has sum(dy .* (x - mu - lo)). */
static void batch_stats(const real *x, const real *dy, nn_int inner,
                        nn_int outer, nn_int stride, double *mu, double *lo,
                        double *var, sums *t)
{
    double m = (double)inner * (double)outer, v;
    *mu = chan_sum(x, inner, outer, stride) / m;
    *t = chan_sums(x, dy, *mu, inner, outer, stride);
    v = (t->dd - t->d * t->d / m) / m;
    *var = v > 0 ? v : 0;
    t->gd -= t->d * t->g / m;
    *lo = t->d / m;
}

/* What nn_batchnorm_check makes sure of, checked again so that a shape that
 * did not pass it cannot index out of bounds. */
static int check(const nn_batchnorm_shape *s, const nn_batchnorm_opts *o,
                 const void *X)
{
    int st = nn_batchnorm_check(s, o);
    if (st == NN_OK && X == NULL && s->inner * s->C * s->outer > 0)
        st = NN_EARG;
    return st;
}

int NN_(nn_batchnorm_forward)(const nn_batchnorm_shape *s,
                              const nn_batchnorm_opts *o, const real *X,
                              const real *gamma, const real *beta,
                              const real *mean_in, const real *var_in,
                              real *mean_out, real *var_out, real *Y)
{
    nn_int c, i, j, inner = s->inner, outer = s->outer, stride;
    double m = (double)inner * (double)outer;
    int st = check(s, o, X);
    if (st != NN_OK)
        return st;
    stride = inner * s->C;
    for (c = 0; c < s->C; c++) {
        const real *x = X + c * inner;
        real *y = Y + c * inner;
        double rm = mean_in ? (double)mean_in[c] : 0.0;
        double rv = var_in ? (double)var_in[c] : 1.0;
        double mu = rm, lo = 0, var = rv, a, b;
        if (o->training && m > 0) {
            sums t;
            batch_stats(x, NULL, inner, outer, stride, &mu, &lo, &var, &t);
            rm = (1 - o->momentum) * rm + o->momentum * (mu + lo);
            rv = (1 - o->momentum) * rv + o->momentum * (var * (m / (m - 1)));
        }
        if (mean_out != NULL)
            mean_out[c] = (real)rm;
        if (var_out != NULL)
            var_out[c] = (real)rv;
        a = (gamma ? (double)gamma[c] : 1.0) / sqrt(var + o->eps);
        b = beta ? (double)beta[c] : 0.0;
        for (j = 0; j < outer; j++) {
            const real *p = x + j * stride;
            real *q = y + j * stride;
            for (i = 0; i < inner; i++)
                q[i] = (real)((((double)p[i] - mu) - lo) * a + b);
        }
    }
    return NN_OK;
}

int NN_(nn_batchnorm_backward)(const nn_batchnorm_shape *s,
                               const nn_batchnorm_opts *o, const real *X,
                               const real *gamma, const real *mean_in,
                               const real *var_in, const real *dY, real *dX,
                               real *dgamma, real *dbeta)
{
    nn_int c, i, j, inner = s->inner, outer = s->outer, stride;
    double m = (double)inner * (double)outer;
    int st = check(s, o, X);
    if (st == NN_OK && dY == NULL && m * (double)s->C > 0)
        st = NN_EARG;
    if (st != NN_OK)
        return st;
    stride = inner * s->C;
    for (c = 0; c < s->C; c++) {
        const real *x = X + c * inner, *dy = dY + c * inner;
        double mu, lo = 0, var, r, k, g0 = 0, k2 = 0;
        sums t = {0, 0, 0, 0};
        if (o->training) {
            if (m > 0)
                batch_stats(x, dy, inner, outer, stride, &mu, &lo, &var, &t);
            else
                mu = 0, var = 1;
        } else {
            mu = mean_in ? (double)mean_in[c] : 0.0;
            var = var_in ? (double)var_in[c] : 1.0;
            t = chan_sums(x, dy, mu, inner, outer, stride);
        }
        r = 1 / sqrt(var + o->eps);
        if (dgamma != NULL)
            dgamma[c] = (real)(t.gd * r);
        if (dbeta != NULL)
            dbeta[c] = (real)t.g;
        if (dX == NULL)
            continue;
        k = (gamma ? (double)gamma[c] : 1.0) * r;
        if (o->training && m > 0) {
            g0 = t.g / m;               /* mean(dy) */
            k2 = r * r * t.gd / m;      /* mean(dy .* xhat) / sigma */
        }
        for (j = 0; j < outer; j++) {
            const real *p = x + j * stride, *q = dy + j * stride;
            real *z = dX + c * inner + j * stride;
            for (i = 0; i < inner; i++)
                z[i] = (real)(k * ((double)q[i] - g0 - (((double)p[i] - mu) - lo) * k2));
        }
    }
    return NN_OK;
}
