/* nn_step: one optimizer update of a parameter array, with its state. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "nnmex.h"

#define FN "nn_step"
#define USAGE "[P, S] = nn_step(P, G, S, METHOD, options...), with S = [] at the start"

typedef struct { int kind; nn_optim_opts o; } optim_ctx;

static int set_option(void *ctx, const char *name, const double *val,
                      nn_int nval, const char *str, char *msg, size_t len)
{
    optim_ctx *c = (optim_ctx *)ctx;
    return nn_optim_option(c->kind, &c->o, name, val, nval, str, msg, len);
}

void mexFunction(int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
    const mxArray *P, *G;
    const char *bufnames[NN_OPTIM_MAX_BUFFERS];
    void *vbufs[NN_OPTIM_MAX_BUFFERS];
    float *fbufs[NN_OPTIM_MAX_BUFFERS];
    double *dbufs[NN_OPTIM_MAX_BUFFERS];
    mxArray *Snew;
    optim_ctx c;
    char *method, msg[512], d1[96], d2[96];
    double step;
    nn_int count;
    mxClassID cls;
    int i, nb, fresh = 1, st;

    nnm_check_counts(FN, nlhs, 2, nrhs, 4, 64, USAGE);
    P = prhs[0];
    G = prhs[1];
    nnm_check_matrix(FN, P, "P");
    nnm_check_same_class(FN, G, "G", P, "P");
    if (mxGetM(G) != mxGetM(P) || mxGetN(G) != mxGetN(P))
        nnm_error(FN, "size", "the gradient G must have the size of P (%s), but it is %s",
                  nnm_describe(P, d1, sizeof d1), nnm_describe(G, d2, sizeof d2));
    method = nnm_get_name(FN, prhs[3], "METHOD");
    c.kind = nn_optim_lookup(method);
    if (c.kind < 0)
        nnm_error(FN, "name", "unknown optimizer '%s'; choose one of %s",
                  method, nn_optim_names());
    mxFree(method);
    nn_optim_defaults(c.kind, &c.o);
    nnm_options(FN, nrhs, prhs, 4, set_option, &c);
    if (nn_optim_check(c.kind, &c.o, msg, sizeof msg) != NN_OK)
        nnm_error(FN, "optionValue", "%s", msg);
    cls = mxGetClassID(P);
    count = (nn_int)mxGetNumberOfElements(P);
    nb = nn_optim_buffers(c.kind, &c.o, bufnames);

    /* the state: [] at the start, else the struct of the previous call */
    fresh = nnm_state_read(FN, prhs[2], "S", P, "P", c.kind, &c.o, &step);
    step += 1;

    /* outputs: the updated parameter and a new state struct, with nb
     * buffers of the size of P; all checked before the first allocation */
    nnm_check_bytes(FN, (nn_int)mxGetM(P), (nn_int)mxGetN(P), cls, 1 + nb);
    plhs[0] = nnm_new_matrix(FN, (nn_int)mxGetM(P), (nn_int)mxGetN(P), cls);
    if (count > 0)
        memcpy(mxGetData(plhs[0]), mxGetData(P), (size_t)count * mxGetElementSize(P));
    Snew = nnm_state_write(FN, prhs[2], fresh, P, c.kind, &c.o, step, vbufs);
    for (i = 0; i < nb; i++) {
        fbufs[i] = (float *)vbufs[i];
        dbufs[i] = (double *)vbufs[i];
    }
    if (cls == mxSINGLE_CLASS)
        st = nn_optim_step_s(c.kind, &c.o, count, (float *)mxGetData(plhs[0]),
                           (const float *)mxGetData(G), fbufs, step, fresh);
    else
        st = nn_optim_step_d(c.kind, &c.o, count, (double *)mxGetData(plhs[0]),
                           (const double *)mxGetData(G), dbufs, step, fresh);
    if (st != NN_OK)
        mxDestroyArray(Snew);
    nnm_check_status(FN, st);
    if (nlhs >= 2)
        plhs[1] = Snew;
    else
        mxDestroyArray(Snew);
}
