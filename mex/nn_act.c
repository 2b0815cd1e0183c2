/* nn_act: activation forward (Y = f(X)) and backward (dX = f'(X) .* dY). */
#include <string.h>
#include "nnmex.h"

#define FN "nn_act"
#define USAGE "Y = nn_act(X, NAME, [], options...) or dX = nn_act(X, NAME, dY, options...)"

typedef struct { int kind; nn_act_opts o; } act_ctx;

static int set_option(void *ctx, const char *name, const double *val,
                      nn_int nval, const char *str, char *msg, size_t len)
{
    act_ctx *c = (act_ctx *)ctx;
    return nn_act_option(c->kind, &c->o, name, val, nval, str, msg, len);
}

void mexFunction(int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
    const mxArray *X, *dY = NULL;
    act_ctx c;
    char *name, d1[96], d2[96];
    nn_int n, k;
    int st, single;

    nnm_check_counts(FN, nlhs, 1, nrhs, 2, 64, USAGE);
    X = prhs[0];
    nnm_check_matrix(FN, X, "X");
    name = nnm_get_name(FN, prhs[1], "NAME");
    c.kind = nn_act_lookup(name);
    if (c.kind < 0)
        nnm_error(FN, "name", "unknown activation '%s'; choose one of %s",
                  name, nn_act_names());
    nn_act_defaults(c.kind, &c.o);
    if (nrhs >= 3 && !nnm_is_empty_placeholder(prhs[2])) {
        dY = prhs[2];
        if (mxIsChar(dY))
            nnm_error(FN, "class", "the third input is dY, the gradient with "
                      "respect to Y (or [] for the forward pass), not an option "
                      "name; write e.g. nn_act(X, 'leaky_relu', [], 'alpha', 0.1)");
        nnm_check_same_class(FN, dY, "dY", X, "X");
        if (mxGetM(dY) != mxGetM(X) || mxGetN(dY) != mxGetN(X))
            nnm_error(FN, "size", "dY must have the size of X (%s), but it is %s",
                      nnm_describe(X, d1, sizeof d1), nnm_describe(dY, d2, sizeof d2));
    }
    if (nrhs > 3)
        nnm_options(FN, nrhs, prhs, 3, set_option, &c);

    n = (nn_int)mxGetM(X);
    k = (nn_int)mxGetN(X);
    single = mxIsSingle(X);
    plhs[0] = nnm_new_matrix(FN, n, k, mxGetClassID(X));
    if (dY == NULL)
        st = single
            ? nn_act_forward_s(c.kind, &c.o, n, k, (const float *)mxGetData(X),
                               (float *)mxGetData(plhs[0]))
            : nn_act_forward_d(c.kind, &c.o, n, k, (const double *)mxGetData(X),
                               (double *)mxGetData(plhs[0]));
    else
        st = single
            ? nn_act_backward_s(c.kind, &c.o, n, k, (const float *)mxGetData(X),
                                (const float *)mxGetData(dY), (float *)mxGetData(plhs[0]))
            : nn_act_backward_d(c.kind, &c.o, n, k, (const double *)mxGetData(X),
                                (const double *)mxGetData(dY), (double *)mxGetData(plhs[0]));
    nnm_check_status(FN, st);
}
