/* nn_dropout_mex: the kernel of nn_dropout (m/nn_dropout.m, which draws
 * the seed of a call without one): inverted dropout, forward
 * ([Y, M] = nn_dropout_mex(X, p, 'seed', s), Y = X .* M) and backward
 * (dX = nn_dropout_mex(X, p, dY, M) = dY .* M).  Its errors are those of
 * nn_dropout (nnlab:nn_dropout:*). */
#include <math.h>
#include "nnmex.h"

#define FN "nn_dropout"
#define USAGE "[Y, M] = nn_dropout(X, p), [Y, M] = nn_dropout(X, p, 'seed', s) " \
              "or dX = nn_dropout(X, p, dY, M)"

static int set_option(void *ctx, const char *name, const double *val,
                      nn_int nval, const char *str, char *msg, size_t len)
{
    return nn_dropout_option((nn_dropout_opts *)ctx, name, val, nval, str, msg, len);
}

/* p: a real full scalar of class double or single, from 0 to 1. */
static double get_p(const mxArray *a)
{
    char d[96], msg[256];
    double p;
    if (!(mxIsDouble(a) || mxIsSingle(a)))
        nnm_error(FN, "class", "p must be a single or double number, but it is %s",
                  nnm_describe(a, d, sizeof d));
    if (mxIsSparse(a))
        nnm_error(FN, "sparse", "p must be a full number, but it is sparse; use full(p)");
    if (mxIsComplex(a))
        nnm_error(FN, "complex", "p must be real, but it is complex; use real(p)");
    if (mxGetNumberOfElements(a) != 1)
        nnm_error(FN, "size", "p must be one number (a scalar), but it is %s",
                  nnm_describe(a, d, sizeof d));
    p = mxIsSingle(a) ? (double)*(const float *)mxGetData(a)
                      : *(const double *)mxGetData(a);
    if (nn_dropout_check_p(p, msg, sizeof msg) != NN_OK)
        nnm_error(FN, "domain", "%s", msg);
    return p;
}

static void check_like_x(const mxArray *a, const char *name, const mxArray *X)
{
    char d1[96], d2[96];
    nnm_check_same_class(FN, a, name, X, "X");
    if (mxGetM(a) != mxGetM(X) || mxGetN(a) != mxGetN(X))
        nnm_error(FN, "size", "%s must have the size of X (%s), but it is %s", name,
                  nnm_describe(X, d1, sizeof d1), nnm_describe(a, d2, sizeof d2));
}

void mexFunction(int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
    const mxArray *X;
    nn_dropout_opts o;
    nn_int n, k, count;
    mxClassID cls;
    double p;
    int backward, single, st;

    nnm_check_counts(FN, nlhs, 2, nrhs, 2, 4, USAGE);
    backward = nrhs >= 3 && !mxIsChar(prhs[2]);
    if (backward && nrhs != 4)
        nnm_error(FN, "nargin", "the backward call takes 4 inputs (X, p, dY, M), "
                  "but was given %d. Usage: %s", nrhs, USAGE);
    if (backward && nlhs > 1)
        nnm_error(FN, "nargout", "the backward call returns 1 output (dX), but %d "
                  "were asked for. Usage: %s", nlhs, USAGE);
    X = prhs[0];
    nnm_check_matrix(FN, X, "X");
    p = get_p(prhs[1]);
    cls = mxGetClassID(X);
    single = cls == mxSINGLE_CLASS;
    n = (nn_int)mxGetM(X);
    k = (nn_int)mxGetN(X);
    count = n * k;

    if (!backward) {
        mxArray *M = NULL;
        nn_dropout_defaults(&o);
        if (nrhs > 2)
            nnm_options(FN, nrhs, prhs, 2, set_option, &o);
        if (!o.has_seed)
            nnm_error(FN, "seed", "the kernel nn_dropout_mex takes its seed as "
                      "an argument: nn_dropout_mex(X, p, 'seed', s); nn_dropout(X, "
                      "p) draws one");
        plhs[0] = nnm_new_matrix(FN, n, k, cls);
        if (nlhs >= 2)
            M = plhs[1] = nnm_new_matrix(FN, n, k, cls);
        st = single
            ? nn_dropout_forward_s(count, p, o.seed, (const float *)mxGetData(X),
                                   (float *)mxGetData(plhs[0]),
                                   M ? (float *)mxGetData(M) : NULL)
            : nn_dropout_forward_d(count, p, o.seed, (const double *)mxGetData(X),
                                   (double *)mxGetData(plhs[0]),
                                   M ? (double *)mxGetData(M) : NULL);
    } else {
        const mxArray *dY = prhs[2], *M = prhs[3];
        nn_int bad = -1;
        check_like_x(dY, "dY", X);
        check_like_x(M, "M", X);
        plhs[0] = nnm_new_matrix(FN, n, k, cls);
        st = single
            ? nn_dropout_backward_s(count, p, (const float *)mxGetData(dY),
                                    (const float *)mxGetData(M),
                                    (float *)mxGetData(plhs[0]), &bad)
            : nn_dropout_backward_d(count, p, (const double *)mxGetData(dY),
                                    (const double *)mxGetData(M),
                                    (double *)mxGetData(plhs[0]), &bad);
        if (st == NN_EVALUE && bad >= 0) {
            double v = single ? (double)((const float *)mxGetData(M))[bad]
                              : ((const double *)mxGetData(M))[bad];
            double s = single ? (double)nn_dropout_scale_s(p) : nn_dropout_scale_d(p);
            if (p == 0)
                nnm_error(FN, "mask", "M(%ld) is %g, but with p = 0 no unit is "
                          "dropped and M must be all 1; pass the M that the forward "
                          "call returned", (long)bad + 1, v);
            if (p == 1)
                nnm_error(FN, "mask", "M(%ld) is %g, but with p = 1 every unit is "
                          "dropped and M must be all 0; pass the M that the forward "
                          "call returned", (long)bad + 1, v);
            nnm_error(FN, "mask", "M(%ld) is %g, but a dropout mask for p = %g holds "
                      "only 0 and 1/(1-p) = %.9g; pass the M that the forward call "
                      "with the same p returned", (long)bad + 1, v, p, s);
        }
    }
    nnm_check_status(FN, st);
}
