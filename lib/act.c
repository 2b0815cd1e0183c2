/* Activations: forward values and backward products. */
#include "nn_real.h"

/* Logistic sigmoid that never overflows: exp is only taken of -|x|. */
static real sigmoid(real x)
{
    if (x >= 0) {
        real e = exp(-x);
        return R(1) / (R(1) + e);
    } else {
        real e = exp(x);
        return e / (R(1) + e);
    }
}

int NN_(nn_act_forward)(int kind, const nn_act_opts *o, nn_int n, nn_int k,
                        const real *X, real *Y)
{
    nn_int i, m = n * k;
    (void)o;
    switch (kind) {
    case NN_ACT_THRESHOLD:
        /* NaN stays NaN, as every other activation propagates it. */
        for (i = 0; i < m; i++)
            Y[i] = X[i] >= 0 ? R(1) : (X[i] < 0 ? R(0) : X[i]);
        return NN_OK;
    case NN_ACT_LINEAR:
        for (i = 0; i < m; i++)
            Y[i] = X[i];
        return NN_OK;
    case NN_ACT_SIGMOID:
        for (i = 0; i < m; i++)
            Y[i] = sigmoid(X[i]);
        return NN_OK;
    default:
        return NN_ENAME;
    }
}

int NN_(nn_act_backward)(int kind, const nn_act_opts *o, nn_int n, nn_int k,
                         const real *X, const real *dY, real *dX)
{
    nn_int i, m = n * k;
    (void)o;
    switch (kind) {
    case NN_ACT_THRESHOLD:
        /* the step's derivative is 0 wherever it exists */
        (void)dY;
        for (i = 0; i < m; i++)
            dX[i] = R(0);
        return NN_OK;
    case NN_ACT_LINEAR:
        for (i = 0; i < m; i++)
            dX[i] = dY[i];
        return NN_OK;
    case NN_ACT_SIGMOID:
        for (i = 0; i < m; i++) {
            real s = sigmoid(X[i]);
            dX[i] = dY[i] * s * (R(1) - s);
        }
        return NN_OK;
    default:
        return NN_ENAME;
    }
}
