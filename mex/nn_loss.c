/* nn_loss: loss value and its gradient with respect to the network output. */
#include "nnmex.h"

#define FN "nn_loss"
#define USAGE "[L, dZ] = nn_loss(Z, T, NAME, 'reduction', 'mean')"

typedef struct { int kind; nn_loss_opts o; } loss_ctx;

static int set_option(void *ctx, const char *name, const double *val,
                      nn_int nval, const char *str, char *msg, size_t len)
{
    loss_ctx *c = (loss_ctx *)ctx;
    return nn_loss_option(c->kind, &c->o, name, val, nval, str, msg, len);
}

void mexFunction(int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
    const mxArray *Z, *T;
    loss_ctx c;
    char *name, d1[96], d2[96];
    nn_int n, k, nout;
    mxClassID cls;
    int st;

    nnm_check_counts(FN, nlhs, 2, nrhs, 3, 64, USAGE);
    Z = prhs[0];
    T = prhs[1];
    nnm_check_matrix(FN, Z, "Z");
    nnm_check_same_class(FN, T, "T", Z, "Z");
    name = nnm_get_name(FN, prhs[2], "NAME");
    c.kind = nn_loss_lookup(name);
    if (c.kind < 0)
        nnm_error(FN, "name", "unknown loss '%s'; choose one of %s", name, nn_loss_names());
    nn_loss_defaults(c.kind, &c.o);
    nnm_options(FN, nrhs, prhs, 3, set_option, &c);
    if (mxGetM(T) != mxGetM(Z) || mxGetN(T) != mxGetN(Z))
        nnm_error(FN, "size", "T must have the size of Z (%s), but it is %s",
                  nnm_describe(Z, d1, sizeof d1), nnm_describe(T, d2, sizeof d2));

    n = (nn_int)mxGetM(Z);
    k = (nn_int)mxGetN(Z);
    cls = mxGetClassID(Z);
    nout = nn_loss_out_count(c.kind, &c.o, n, k);
    plhs[0] = nout == 1 ? nnm_new_matrix(FN, 1, 1, cls) : nnm_new_matrix(FN, n, k, cls);
    if (nlhs >= 2)
        plhs[1] = nnm_new_matrix(FN, n, k, cls);
    if (cls == mxSINGLE_CLASS)
        st = nn_loss_s(c.kind, &c.o, n, k, (const float *)mxGetData(Z),
                       (const float *)mxGetData(T), (float *)mxGetData(plhs[0]),
                       nlhs >= 2 ? (float *)mxGetData(plhs[1]) : NULL);
    else
        st = nn_loss_d(c.kind, &c.o, n, k, (const double *)mxGetData(Z),
                       (const double *)mxGetData(T), (double *)mxGetData(plhs[0]),
                       nlhs >= 2 ? (double *)mxGetData(plhs[1]) : NULL);
    if (st == NN_EARG)
        nnm_error(FN, "domain", "loss '%s' takes probabilities: every element of Z "
                  "must lie in [0, 1] (apply 'sigmoid' first, or use a loss on logits)",
                  nn_loss_name(c.kind));
    nnm_check_status(FN, st);
}
