/* nn_pool: 2-D max and average pooling, forward and backward. */
#include <string.h>
#include "nnmex.h"

#define FN "nn_pool"
#define USAGE "Y = nn_pool(X, 'max'|'avg', [kh kw], options...) or " \
              "dX = nn_pool(X, 'max'|'avg', [kh kw], dY, options...); " \
              "[kh kw] may be 'global'"

static int set_option(void *ctx, const char *name, const double *val,
                      nn_int nval, const char *str, char *msg, size_t msglen)
{
    return nn_pool_option((nn_pool_opts *)ctx, name, val, nval, str, msg, msglen);
}

void mexFunction(int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
    const mxArray *X, *dY = NULL;
    nn_pool_opts o;
    nn_pool_shape s;
    nn_int xd[4], yd[4], k[2];
    mxClassID cls;
    char d1[96], msg[256], *name;
    int has_dy, kind, global, st;

    has_dy = nrhs >= 4 && !mxIsChar(prhs[3]);
    nnm_check_counts(FN, nlhs, 1, nrhs, 3, 69, USAGE);
    X = prhs[0];
    nnm_check_array(FN, X, "X", 4, NULL, NULL);
    cls = mxGetClassID(X);
    name = nnm_get_name(FN, prhs[1], "the pooling type ('max' or 'avg')");
    kind = nn_pool_kind(name);
    if (kind < 0)
        nnm_error(FN, "name", "unknown pooling type '%s'; choose 'max' or 'avg'", name);
    global = nnm_window(FN, "size", "the window", prhs[2], 1, k);
    if (has_dy) {
        dY = prhs[3];
        nnm_check_array(FN, dY, "dY", 4, X, "X");
    }
    nn_pool_defaults(&o);
    nnm_options(FN, nrhs, prhs, has_dy ? 4 : 3, set_option, &o);

    nnm_dims(X, 4, xd);
    memset(&s, 0, sizeof s);
    s.H = xd[0]; s.W = xd[1]; s.C = xd[2]; s.N = xd[3];
    s.kh = global ? xd[0] : k[0];
    s.kw = global ? xd[1] : k[1];
    if (global && (s.kh < 1 || s.kw < 1))
        nnm_error(FN, "size", "global pooling needs an image of at least 1 x 1 "
                  "pixel, but X is %s", nnm_dims_text(xd, 4, d1, sizeof d1));
    if (global && (o.pad[0] != 0 || o.pad[1] != 0))
        nnm_error(FN, "optionValue", "global pooling takes no 'Padding'");
    st = nn_pool_setup(&s, &o, msg, sizeof msg);
    if (st == NN_EARG)
        nnm_error(FN, "size", "%s (X is %s)", msg,
                  nnm_dims_text(xd, 4, d1, sizeof d1));
    if (st == NN_EVALUE)
        nnm_error(FN, "optionValue", "%s", msg);
    if (st == NN_ETOOBIG)
        nnm_error(FN, "tooLarge", "%s (X is %s)", msg,
                  nnm_dims_text(xd, 4, d1, sizeof d1));
    nnm_check_status(FN, st);
    yd[0] = s.Ho; yd[1] = s.Wo; yd[2] = s.C; yd[3] = s.N;
    if (dY != NULL) {
        nnm_check_dims(FN, dY, "dY", 4, yd, "the size of the output Y");
        plhs[0] = nnm_new_array(FN, 4, xd, cls);
        st = cls == mxSINGLE_CLASS
            ? nn_pool_backward_s(kind, &s, (const float *)mxGetData(X),
                                 (const float *)mxGetData(dY),
                                 (float *)mxGetData(plhs[0]))
            : nn_pool_backward_d(kind, &s, (const double *)mxGetData(X),
                                 (const double *)mxGetData(dY),
                                 (double *)mxGetData(plhs[0]));
    } else {
        plhs[0] = nnm_new_array(FN, 4, yd, cls);
        st = cls == mxSINGLE_CLASS
            ? nn_pool_forward_s(kind, &s, (const float *)mxGetData(X),
                                (float *)mxGetData(plhs[0]))
            : nn_pool_forward_d(kind, &s, (const double *)mxGetData(X),
                                (double *)mxGetData(plhs[0]));
    }
    nnm_check_status(FN, st);
}
