/* nn_loss: loss value and its gradient with respect to the network output. */
#include <stdio.h>
#include <string.h>
#include "nnmex.h"

#define FN "nn_loss"
#define USAGE "[L, dZ] = nn_loss(Z, T, NAME, 'reduction', 'mean', 'weights', w, ...)"

typedef struct { int kind; nn_loss_opts o; } loss_ctx;

static int set_option(void *ctx, const char *name, const double *val,
                      nn_int nval, const char *str, char *msg, size_t len)
{
    loss_ctx *c = (loss_ctx *)ctx;
    return nn_loss_option(c->kind, &c->o, name, val, nval, str, msg, len);
}

/* A vector option ('weights', 'pos_weight'): copied into doubles that live
 * until the MEX call ends, then validated by lib. */
static double *vector_option(loss_ctx *c, const char *name, const mxArray *v)
{
    char d[96], msg[512];
    size_t i, n;
    double *buf;
    int st;
    if (!(mxIsDouble(v) || mxIsSingle(v) || mxIsLogical(v)) || mxIsComplex(v) ||
        mxIsSparse(v) || mxGetNumberOfDimensions(v) != 2)
        nnm_error(FN, "optionValue", "option '%s' takes a full real single or "
                  "double vector, not %s", name, nnm_describe(v, d, sizeof d));
    n = mxGetNumberOfElements(v);
    buf = (double *)mxMalloc((n ? n : 1) * sizeof(double));
    for (i = 0; i < n; i++)
        buf[i] = mxIsDouble(v) ? ((const double *)mxGetData(v))[i]
               : mxIsSingle(v) ? (double)((const float *)mxGetData(v))[i]
               : (double)((const mxLogical *)mxGetData(v))[i];
    msg[0] = '\0';
    st = nn_loss_option(c->kind, &c->o, name, buf, (nn_int)n, NULL, msg, sizeof msg);
    if (st == NN_ENAME)
        nnm_error(FN, "option", "%s", msg);
    if (st != NN_OK)
        nnm_error(FN, "optionValue", "%s", msg);
    return buf;
}

void mexFunction(int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
    const mxArray *Z, *T, *W = NULL, *P = NULL;
    loss_ctx c;
    char *name, d1[96], msg[512];
    double *wbuf = NULL, *pbuf = NULL;
    nn_int n, k, rows, cols;
    mxClassID cls;
    int i, st;

    nnm_check_counts(FN, nlhs, 2, nrhs, 3, 64, USAGE);
    Z = prhs[0];
    T = prhs[1];
    nnm_check_matrix(FN, Z, "Z");
    nnm_check_same_class(FN, T, "T", Z, "Z");
    name = nnm_get_name(FN, prhs[2], "NAME");
    c.kind = nn_loss_lookup(name);
    if (c.kind < 0)
        nnm_error(FN, "name", "unknown loss '%s'; choose one of %s", name, nn_loss_names());
    mxFree(name);
    nn_loss_defaults(c.kind, &c.o);
    n = (nn_int)mxGetM(Z);
    k = (nn_int)mxGetN(Z);

    if ((nrhs - 3) % 2 != 0)
        nnm_error(FN, "option", "options come in name/value pairs, but the last "
                  "option name has no value");
    for (i = 3; i < nrhs; i += 2) {
        char *opt = nnm_get_name(FN, prhs[i], "an option name");
        if (strcmp(opt, "weights") == 0) {
            if (wbuf) mxFree(wbuf);
            wbuf = vector_option(&c, opt, prhs[i + 1]);
            W = prhs[i + 1];
        } else if (strcmp(opt, "pos_weight") == 0) {
            if (pbuf) mxFree(pbuf);
            pbuf = vector_option(&c, opt, prhs[i + 1]);
            P = prhs[i + 1];
        } else {
            nnm_options(FN, i + 2, prhs, i, set_option, &c);
        }
        mxFree(opt);
    }

    if (nn_loss_learned(c.kind, k, (nn_int)mxGetN(T)) && (nn_int)mxGetM(T) == n &&
        (c.kind == NN_LOSS_GAUSSIAN ? c.o.sigma_given : c.o.scale_given))
        nnm_error(FN, "option", "option '%s' fixes the %s, but Z (%ldx%ld) has two "
                  "columns per column of T: the network predicts %s; leave '%s' "
                  "out, or give Z of the size of T", c.kind == NN_LOSS_GAUSSIAN ?
                  "sigma" : "scale", c.kind == NN_LOSS_GAUSSIAN ? "standard "
                  "deviation" : "scale", (long)n, (long)k, c.kind == NN_LOSS_GAUSSIAN ?
                  "its log variance" : "its log scale", c.kind == NN_LOSS_GAUSSIAN ?
                  "sigma" : "scale");
    msg[0] = '\0';
    if (nn_loss_check_sizes(c.kind, &c.o, n, k, (nn_int)mxGetM(T),
                            (nn_int)mxGetN(T), msg, sizeof msg) != NN_OK)
        nnm_error(FN, "size", "%s", msg);
    if (W != NULL && !((nn_int)mxGetM(W) == n && mxGetN(W) == 1))
        nnm_error(FN, "size", "option 'weights' needs one weight per observation "
                  "(a column of size %ldx1), but it is %s", (long)n,
                  nnm_describe(W, d1, sizeof d1));
    if (P != NULL && !(mxGetM(P) == 1 && (mxGetN(P) == 1 || (nn_int)mxGetN(P) == k)))
        nnm_error(FN, "size", "option 'pos_weight' needs a scalar or a 1x%ld row "
                  "(one weight per column of Z), but it is %s", (long)k,
                  nnm_describe(P, d1, sizeof d1));

    cls = mxGetClassID(Z);
    nn_loss_value_size(c.kind, &c.o, n, k, (nn_int)mxGetN(T), &rows, &cols);
    plhs[0] = nnm_new_matrix(FN, rows, cols, cls);
    if (nlhs >= 2)
        plhs[1] = nnm_new_matrix(FN, n, k, cls);
    if (cls == mxSINGLE_CLASS)
        st = nn_loss_s(c.kind, &c.o, n, k, (const float *)mxGetData(Z),
                       (nn_int)mxGetN(T), (const float *)mxGetData(T),
                       (float *)mxGetData(plhs[0]),
                       nlhs >= 2 ? (float *)mxGetData(plhs[1]) : NULL);
    else
        st = nn_loss_d(c.kind, &c.o, n, k, (const double *)mxGetData(Z),
                       (nn_int)mxGetN(T), (const double *)mxGetData(T),
                       (double *)mxGetData(plhs[0]),
                       nlhs >= 2 ? (double *)mxGetData(plhs[1]) : NULL);
    if (st == NN_EARG) {
        nn_loss_fact f;
        if (cls == mxSINGLE_CLASS)
            nn_loss_check_s(c.kind, &c.o, n, k, (const float *)mxGetData(Z),
                            (nn_int)mxGetN(T), (const float *)mxGetData(T), &f);
        else
            nn_loss_check_d(c.kind, &c.o, n, k, (const double *)mxGetData(Z),
                            (nn_int)mxGetN(T), (const double *)mxGetData(T), &f);
        nnm_loss_fact_text(c.kind, k, (nn_int)mxGetN(T), &f, msg, sizeof msg);
        nnm_error(FN, "domain", "%s", msg);
    }
    nnm_check_status(FN, st);
    if (wbuf) mxFree(wbuf);
    if (pbuf) mxFree(pbuf);
}
