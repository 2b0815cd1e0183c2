/* Losses: value under a reduction and gradient with respect to Z. */
#include "nn_real.h"

/* Scale of the gradient of one element's loss under the reduction. */
static double grad_scale(const nn_loss_opts *o, nn_int count)
{
    return o->reduction == NN_RED_MEAN ? 1.0 / (double)count : 1.0;
}

/* Stores the per-element loss e[i] (reduction 'none') or accumulates. */
static void reduce(const nn_loss_opts *o, nn_int count, double sum, real *L)
{
    if (o->reduction == NN_RED_MEAN)
        L[0] = (real)(sum / (double)count);   /* NaN for no elements, as mean([]) */
    else if (o->reduction == NN_RED_SUM)
        L[0] = (real)sum;
}

int NN_(nn_loss)(int kind, const nn_loss_opts *o, nn_int n, nn_int k,
                 const real *Z, const real *T, real *L, real *dZ)
{
    nn_int i, m = n * k;
    int none = o->reduction == NN_RED_NONE;
    real g = (real)grad_scale(o, m);
    double sum = 0;
    switch (kind) {
    case NN_LOSS_MSE:
        for (i = 0; i < m; i++) {
            real d = Z[i] - T[i];
            real e = d * d;
            if (none) L[i] = e; else sum += e;
            if (dZ != NULL) dZ[i] = R(2) * d * g;
        }
        break;
    case NN_LOSS_BCE:
        /* Z are probabilities; each log is clamped at -100 as PyTorch does,
         * and the gradient's denominator at 1e-12. */
        for (i = 0; i < m; i++)
            if (!(Z[i] >= 0 && Z[i] <= 1))
                return NN_EARG;
        for (i = 0; i < m; i++) {
            real z = Z[i], t = T[i];
            real lz = log(z), l1z = log1p(-z);
            real e;
            if (lz < R(-100)) lz = R(-100);
            if (l1z < R(-100)) l1z = R(-100);
            e = (t - R(1)) * l1z - t * lz;
            if (none) L[i] = e; else sum += e;
            if (dZ != NULL) {
                real den = (R(1) - z) * z;
                if (den < R(1e-12)) den = R(1e-12);
                dZ[i] = g * (z - t) / den;
            }
        }
        break;
    default:
        return NN_ENAME;
    }
    reduce(o, m, sum, L);
    return NN_OK;
}
