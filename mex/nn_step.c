/* nn_step: one optimizer update of a parameter array, with its state. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "nnmex.h"

#define FN "nn_step"
#define USAGE "[P, S] = nn_step(P, G, S, METHOD, options...), with S = [] at the start"

typedef struct { int kind; nn_opt_opts o; } opt_ctx;

static int set_option(void *ctx, const char *name, const double *val,
                      nn_int nval, const char *str, char *msg, size_t len)
{
    opt_ctx *c = (opt_ctx *)ctx;
    return nn_opt_option(c->kind, &c->o, name, val, nval, str, msg, len);
}

/* A field of the state struct, or NULL when absent. */
static const mxArray *field(const mxArray *S, const char *name)
{
    return S == NULL ? NULL : mxGetField(S, 0, name);
}

/* "'method', 'step', 'exp_avg', ..." : the fields a state must have. */
static void field_list(char *buf, size_t len, const char **bufnames, int nb)
{
    int i;
    size_t pos;
    snprintf(buf, len, "'method', 'step'");
    for (i = 0; i < nb; i++) {
        pos = strlen(buf);
        snprintf(buf + pos, len - pos, ", '%s'", bufnames[i]);
    }
}

/* Validates a non-empty state S strictly against P, the method and the
 * options; returns S. */
static const mxArray *check_state(const mxArray *S, const mxArray *P,
                                  const opt_ctx *c, const char **bufnames,
                                  int nb)
{
    const char *name = nn_opt_name(c->kind);
    const mxArray *m, *f;
    char *sm, d1[96], d2[96], want[256];
    int i, k, nf, ok;
    double st;

    field_list(want, sizeof want, bufnames, nb);
    if (!mxIsStruct(S) || mxGetNumberOfElements(S) != 1)
        nnm_error(FN, "state", "S must be [] at the first step, or the state "
                  "struct that nn_step returned, but it is %s",
                  nnm_describe(S, d1, sizeof d1));
    m = field(S, "method");
    if (m == NULL || !mxIsChar(m) || mxGetNumberOfDimensions(m) != 2 ||
        mxGetM(m) != 1)
        nnm_error(FN, "state", "S.method must be the optimizer's name as a "
                  "string; start with S = []");
    sm = mxArrayToString(m);
    if (sm == NULL || strcmp(sm, name) != 0)
        nnm_error(FN, "state", "S is the state of optimizer '%s', not of '%s'; "
                  "start with S = [] to switch", sm ? sm : "?", name);
    mxFree(sm);
    f = field(S, "step");
    if (f == NULL || !mxIsDouble(f) || mxIsComplex(f) || mxIsSparse(f) ||
        mxGetNumberOfElements(f) != 1)
        nnm_error(FN, "state", "S.step must be a double scalar, the count of "
                  "steps taken; start with S = []");
    st = mxGetScalar(f);
    if (!(st >= 0) || st != floor(st) || st > 9e15)
        nnm_error(FN, "state", "S.step must be a count of steps (a whole "
                  "number >= 0), not %g; start with S = []", st);
    /* exactly the fields these options use: a missing or extra buffer
     * means the options differ from those the state was made with */
    nf = mxGetNumberOfFields(S);
    for (k = 0; k < nf; k++) {
        const char *fn = mxGetFieldNameByNumber(S, k);
        ok = strcmp(fn, "method") == 0 || strcmp(fn, "step") == 0;
        for (i = 0; i < nb && !ok; i++)
            ok = strcmp(fn, bufnames[i]) == 0;
        if (!ok)
            nnm_error(FN, "state", "S has a field '%s' that '%s' with these "
                      "options does not use (it keeps %s); were the options "
                      "different when S was made?", fn, name, want);
    }
    for (i = 0; i < nb; i++) {
        f = field(S, bufnames[i]);
        if (f == NULL)
            nnm_error(FN, "state", "S has no field '%s', which '%s' with these "
                      "options keeps (%s); were the options different when S "
                      "was made?", bufnames[i], name, want);
        if (mxGetClassID(f) != mxGetClassID(P) || mxIsComplex(f) ||
            mxIsSparse(f) || mxGetNumberOfDimensions(f) != 2 ||
            mxGetM(f) != mxGetM(P) || mxGetN(f) != mxGetN(P))
            nnm_error(FN, "state", "S.%s must be %s like P, but it is %s; "
                      "start with S = []", bufnames[i],
                      nnm_describe(P, d1, sizeof d1), nnm_describe(f, d2, sizeof d2));
    }
    return S;
}

void mexFunction(int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
    const mxArray *P, *G, *S = NULL;
    const char *bufnames[NN_OPT_MAX_BUFFERS];
    const char *fieldnames[2 + NN_OPT_MAX_BUFFERS];
    float *fbufs[NN_OPT_MAX_BUFFERS];
    double *dbufs[NN_OPT_MAX_BUFFERS];
    mxArray *Snew;
    opt_ctx c;
    char *method, msg[512], d1[96], d2[96];
    double step = 1;
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
    c.kind = nn_opt_lookup(method);
    if (c.kind < 0)
        nnm_error(FN, "name", "unknown optimizer '%s'; choose one of %s",
                  method, nn_opt_names());
    mxFree(method);
    nn_opt_defaults(c.kind, &c.o);
    nnm_options(FN, nrhs, prhs, 4, set_option, &c);
    if (nn_opt_check(c.kind, &c.o, msg, sizeof msg) != NN_OK)
        nnm_error(FN, "optionValue", "%s", msg);
    cls = mxGetClassID(P);
    count = (nn_int)mxGetNumberOfElements(P);
    nb = nn_opt_buffers(c.kind, &c.o, bufnames);

    /* the state: [] at the start, else the struct of the previous call */
    if (!nnm_is_empty_placeholder(prhs[2]))
        S = check_state(prhs[2], P, &c, bufnames, nb);
    if (S != NULL) {
        step = mxGetScalar(field(S, "step")) + 1;
        fresh = 0;
    }

    /* outputs: the updated parameter and a new state struct */
    plhs[0] = nnm_new_matrix(FN, (nn_int)mxGetM(P), (nn_int)mxGetN(P), cls);
    if (count > 0)
        memcpy(mxGetData(plhs[0]), mxGetData(P), (size_t)count * mxGetElementSize(P));
    fieldnames[0] = "method";
    fieldnames[1] = "step";
    for (i = 0; i < nb; i++)
        fieldnames[2 + i] = bufnames[i];
    Snew = mxCreateStructMatrix(1, 1, 2 + nb, fieldnames);
    mxSetField(Snew, 0, "method", mxCreateString(nn_opt_name(c.kind)));
    mxSetField(Snew, 0, "step", mxCreateDoubleScalar(step));
    for (i = 0; i < nb; i++) {
        mxArray *b = nnm_new_matrix(FN, (nn_int)mxGetM(P), (nn_int)mxGetN(P), cls);
        size_t bytes = (size_t)count * mxGetElementSize(P);
        if (bytes > 0 && fresh)
            memset(mxGetData(b), 0, bytes);
        else if (bytes > 0)
            memcpy(mxGetData(b), mxGetData(field(S, bufnames[i])), bytes);
        mxSetField(Snew, 0, bufnames[i], b);
        fbufs[i] = (float *)mxGetData(b);
        dbufs[i] = (double *)mxGetData(b);
    }
    if (cls == mxSINGLE_CLASS)
        st = nn_opt_step_s(c.kind, &c.o, count, (float *)mxGetData(plhs[0]),
                           (const float *)mxGetData(G), fbufs, step, fresh);
    else
        st = nn_opt_step_d(c.kind, &c.o, count, (double *)mxGetData(plhs[0]),
                           (const double *)mxGetData(G), dbufs, step, fresh);
    if (st != NN_OK)
        mxDestroyArray(Snew);
    nnm_check_status(FN, st);
    if (nlhs >= 2)
        plhs[1] = Snew;
    else
        mxDestroyArray(Snew);
}
