/* nn_batchnorm: batch normalisation, forward (with the running statistics'
 * update) and backward. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "nnmex.h"

#define FN "nn_batchnorm"
#define USAGE "[Y, S] = nn_batchnorm(X, gamma, beta, S, options...) or " \
              "[dX, dgamma, dbeta] = nn_batchnorm(X, gamma, beta, S, dY, options...)"

enum { LAYOUT_AUTO = 0, LAYOUT_ROWS = 1, LAYOUT_IMAGES = 2 };

typedef struct {
    nn_batchnorm_opts o;
    int layout;
} options;

static int set_option(void *ctx, const char *name, const double *val,
                      nn_int nval, const char *str, char *msg, size_t msglen)
{
    options *p = (options *)ctx;
    int st;
    if (strcmp(name, "layout") == 0) {
        if (str != NULL && strcmp(str, "rows") == 0)
            p->layout = LAYOUT_ROWS;
        else if (str != NULL && strcmp(str, "images") == 0)
            p->layout = LAYOUT_IMAGES;
        else {
            snprintf(msg, msglen, "option 'Layout' takes 'rows' (X is N x C) or "
                     "'images' (X is H x W x C x N)");
            return NN_EVALUE;
        }
        return NN_OK;
    }
    st = nn_batchnorm_option(&p->o, name, val, nval, str, msg, msglen);
    if (st == NN_ENAME)
        snprintf(msg, msglen, "nn_batchnorm has no option '%s' (it has: "
                 "'Training', 'Momentum', 'Eps', 'Layout')", name);
    return st;
}

/* gamma or beta: [] (NULL), else a vector of C elements of X's class. */
static const mxArray *read_affine(const mxArray *a, const char *name,
                                  const mxArray *X, nn_int C)
{
    char d[96];
    if (nnm_is_empty_placeholder(a))
        return NULL;
    nnm_check_array(FN, a, name, 2, X, "X");
    if ((nn_int)mxGetNumberOfElements(a) != C || (mxGetM(a) != 1 && mxGetN(a) != 1))
        nnm_error(FN, "size", "%s must be a vector of %ld elements (one per channel "
                  "of X), or [], but it is %s", name, (long)C,
                  nnm_describe(a, d, sizeof d));
    return a;
}

/* A field of the state S: a real vector of C elements of X's class. */
static const mxArray *state_vector(const mxArray *S, const char *field,
                                   const mxArray *X, nn_int C)
{
    const mxArray *f = mxGetField(S, 0, field);
    char d[96];
    if (f == NULL)
        nnm_error(FN, "state", "S has no field '%s'; S must be [] or the struct "
                  "with fields 'mean', 'var' and 'count' that nn_batchnorm returned",
                  field);
    if (mxGetClassID(f) != mxGetClassID(X) || mxIsComplex(f) || mxIsSparse(f) ||
        mxGetNumberOfDimensions(f) != 2 ||
        (nn_int)mxGetNumberOfElements(f) != C || (mxGetM(f) != 1 && mxGetN(f) != 1))
        nnm_error(FN, "state", "S.%s must be a real %s vector of %ld elements (one "
                  "per channel of X), but it is %s; start with S = []", field,
                  mxGetClassName(X), (long)C, nnm_describe(f, d, sizeof d));
    return f;
}

/* S: [] (returns 0) or a valid state (1), its vectors and count. */
static int read_state(const mxArray *S, const mxArray *X, nn_int C,
                      const mxArray **mean, const mxArray **var, double *count)
{
    const mxArray *f;
    char d[96];
    int k, nf;
    nn_int i;
    *mean = *var = NULL;
    *count = 0;
    if (nnm_is_empty_placeholder(S))
        return 0;
    if (!mxIsStruct(S) || mxGetNumberOfElements(S) != 1)
        nnm_error(FN, "state", "S must be [] at the start, or the state struct that "
                  "nn_batchnorm returned (fields 'mean', 'var', 'count'), but it is %s",
                  nnm_describe(S, d, sizeof d));
    nf = mxGetNumberOfFields(S);
    for (k = 0; k < nf; k++) {
        const char *name = mxGetFieldNameByNumber(S, k);
        if (strcmp(name, "mean") != 0 && strcmp(name, "var") != 0 &&
            strcmp(name, "count") != 0)
            nnm_error(FN, "state", "S has a field '%s' that nn_batchnorm does not "
                      "use (it keeps 'mean', 'var' and 'count')", name);
    }
    *mean = state_vector(S, "mean", X, C);
    *var = state_vector(S, "var", X, C);
    for (i = 0; i < C; i++) {
        double v = mxIsSingle(X) ? (double)((const float *)mxGetData(*var))[i]
                                 : ((const double *)mxGetData(*var))[i];
        if (v < 0)
            nnm_error(FN, "state", "S.var must hold variances (>= 0), but "
                      "S.var(%ld) = %g", (long)i + 1, v);
    }
    f = mxGetField(S, 0, "count");
    if (f == NULL)
        nnm_error(FN, "state", "S has no field 'count'; S must be [] or the struct "
                  "with fields 'mean', 'var' and 'count' that nn_batchnorm returned");
    if (!mxIsDouble(f) || mxIsComplex(f) || mxIsSparse(f) ||
        mxGetNumberOfElements(f) != 1)
        nnm_error(FN, "state", "S.count must be a double scalar, the number of "
                  "batches seen, but it is %s; start with S = []",
                  nnm_describe(f, d, sizeof d));
    *count = mxGetScalar(f);
    if (!(*count >= 0) || *count != floor(*count) || *count > 9007199254740991.0)
        nnm_error(FN, "state", "S.count must be the number of batches seen (a "
                  "whole number >= 0), not %g; start with S = []", *count);
    return 1;
}

static void *data_or_null(const mxArray *a)
{
    return a != NULL ? mxGetData(a) : NULL;
}

void mexFunction(int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
    const mxArray *X, *gamma, *beta, *mean = NULL, *var = NULL, *dY = NULL;
    const char *fields[3] = {"mean", "var", "count"};
    options p;
    nn_batchnorm_shape s;
    nn_int xd[4], dd[4];
    mxClassID cls;
    char d1[96], d2[96];
    int has_dy, nd, single, st;
    double count;

    has_dy = nrhs >= 5 && !mxIsChar(prhs[4]);
    nnm_check_counts(FN, nlhs, has_dy ? 3 : 2, nrhs, 4, 69, USAGE);
    X = prhs[0];
    nnm_check_array(FN, X, "X", 4, NULL, NULL);
    cls = mxGetClassID(X);
    single = cls == mxSINGLE_CLASS;
    if (has_dy) {
        dY = prhs[4];
        nnm_check_array(FN, dY, "dY", 4, X, "X");
    }
    nn_batchnorm_defaults(&p.o);
    p.layout = LAYOUT_AUTO;
    nnm_options(FN, nrhs, prhs, has_dy ? 5 : 4, set_option, &p);

    nd = (int)mxGetNumberOfDimensions(X);
    nnm_dims(X, 4, xd);
    if (p.layout == LAYOUT_ROWS && nd > 2)
        nnm_error(FN, "size", "with 'Layout' 'rows' X must be a matrix of N rows by "
                  "C features, but it is %s", nnm_describe(X, d1, sizeof d1));
    if (p.layout == LAYOUT_IMAGES || (p.layout == LAYOUT_AUTO && nd > 2)) {
        s.inner = xd[0] * xd[1];
        s.C = xd[2];
        s.outer = xd[3];
    } else {
        s.inner = xd[0];
        s.C = xd[1];
        s.outer = 1;
    }
    gamma = read_affine(prhs[1], "gamma", X, s.C);
    beta = read_affine(prhs[2], "beta", X, s.C);
    read_state(prhs[3], X, s.C, &mean, &var, &count);
    if (dY != NULL) {
        nnm_dims(dY, 4, dd);
        if (dd[0] != xd[0] || dd[1] != xd[1] || dd[2] != xd[2] || dd[3] != xd[3])
            nnm_error(FN, "size", "dY must be %s, the size of X, but it is %s",
                      nnm_dims_text(xd, nd, d1, sizeof d1),
                      nnm_describe(dY, d2, sizeof d2));
    }
    st = nn_batchnorm_check(&s, &p.o);
    if (st == NN_EVALUE)
        nnm_error(FN, "size", "training needs more than one value per channel, as "
                  "in PyTorch, but X (%s) has one per channel; give a batch of more "
                  "observations, or 'Training', false to use the running statistics",
                  nnm_describe(X, d1, sizeof d1));
    nnm_check_status(FN, st);

    if (dY == NULL) {
        void *mo = NULL, *vo = NULL;
        plhs[0] = nnm_new_array(FN, nd, xd, cls);
        if (nlhs >= 2 && !p.o.training && mean != NULL) {
            plhs[1] = mxDuplicateArray(prhs[3]);        /* unchanged */
        } else if (nlhs >= 2) {
            mxArray *m = nnm_new_matrix(FN, s.C, 1, cls), *v = nnm_new_matrix(FN, s.C, 1, cls);
            plhs[1] = mxCreateStructMatrix(1, 1, 3, fields);
            mxSetField(plhs[1], 0, "mean", m);
            mxSetField(plhs[1], 0, "var", v);
            mxSetField(plhs[1], 0, "count",
                       mxCreateDoubleScalar(p.o.training ? count + 1 : count));
            mo = mxGetData(m);
            vo = mxGetData(v);
        }
        st = single
            ? nn_batchnorm_forward_s(&s, &p.o, (const float *)mxGetData(X),
                                     (const float *)data_or_null(gamma),
                                     (const float *)data_or_null(beta),
                                     (const float *)data_or_null(mean),
                                     (const float *)data_or_null(var),
                                     (float *)mo, (float *)vo,
                                     (float *)mxGetData(plhs[0]))
            : nn_batchnorm_forward_d(&s, &p.o, (const double *)mxGetData(X),
                                     (const double *)data_or_null(gamma),
                                     (const double *)data_or_null(beta),
                                     (const double *)data_or_null(mean),
                                     (const double *)data_or_null(var),
                                     (double *)mo, (double *)vo,
                                     (double *)mxGetData(plhs[0]));
    } else {
        void *dg = NULL, *db = NULL;
        plhs[0] = nnm_new_array(FN, nd, xd, cls);
        if (nlhs >= 2) {
            plhs[1] = nnm_new_matrix(FN, s.C, 1, cls);
            dg = mxGetData(plhs[1]);
        }
        if (nlhs >= 3) {
            plhs[2] = nnm_new_matrix(FN, s.C, 1, cls);
            db = mxGetData(plhs[2]);
        }
        st = single
            ? nn_batchnorm_backward_s(&s, &p.o, (const float *)mxGetData(X),
                                      (const float *)data_or_null(gamma),
                                      (const float *)data_or_null(mean),
                                      (const float *)data_or_null(var),
                                      (const float *)mxGetData(dY),
                                      (float *)mxGetData(plhs[0]), (float *)dg,
                                      (float *)db)
            : nn_batchnorm_backward_d(&s, &p.o, (const double *)mxGetData(X),
                                      (const double *)data_or_null(gamma),
                                      (const double *)data_or_null(mean),
                                      (const double *)data_or_null(var),
                                      (const double *)mxGetData(dY),
                                      (double *)mxGetData(plhs[0]), (double *)dg,
                                      (double *)db);
    }
    nnm_check_status(FN, st);
}
