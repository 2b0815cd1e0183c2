/* nn_jacobian: Jacobian of a dense network's outputs with respect to its
 * parameters, the Gauss-Newton pair J'J, J'e, and the damped
 * Levenberg-Marquardt solve. */
#include <string.h>
#include "nnmex.h"
#include "../lib/nn_jacobian.h"

#define FN "nn_jacobian"
#define USAGE "[J, Y] = nn_jacobian(X, W, b, acts), [JJ, Je, sse] = nn_jacobian(X, W, b, acts, T) " \
              "or [dx, how] = nn_jacobian('solve', JJ, g, mu)"
#define MAXL 256

static void solve(int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
    const mxArray *A, *g;
    nn_int P;
    double mu;
    int how = 0, st;
    char d1[96];
    nnm_check_counts(FN, nlhs, 2, nrhs, 4, 4, USAGE);
    A = prhs[1];
    g = prhs[2];
    nnm_check_matrix(FN, A, "JJ");
    nnm_check_same_class(FN, g, "g", A, "JJ");
    P = (nn_int)mxGetM(A);
    if ((nn_int)mxGetN(A) != P)
        nnm_error(FN, "size", "JJ must be square, but it is %s", nnm_describe(A, d1, sizeof d1));
    if ((nn_int)mxGetM(g) != P || mxGetN(g) != 1)
        nnm_error(FN, "size", "g must be a column of %ld elements (one per row of JJ), but it is %s",
                  (long)P, nnm_describe(g, d1, sizeof d1));
    if (!mxIsDouble(prhs[3]) || mxIsComplex(prhs[3]) || mxGetNumberOfElements(prhs[3]) != 1 ||
        !(mxGetScalar(prhs[3]) >= 0) || !(mxGetScalar(prhs[3]) < mxGetInf()))
        nnm_error(FN, "mu", "mu must be a finite real double scalar >= 0");
    mu = mxGetScalar(prhs[3]);
    plhs[0] = nnm_new_matrix(FN, P, 1, mxGetClassID(A));
    st = mxIsSingle(A)
        ? nn_lm_solve_s(P, (const float *)mxGetData(A), (const float *)mxGetData(g), mu,
                        (float *)mxGetData(plhs[0]), &how)
        : nn_lm_solve_d(P, (const double *)mxGetData(A), (const double *)mxGetData(g), mu,
                        (double *)mxGetData(plhs[0]), &how);
    if (st == NN_EVALUE)
        nnm_error(FN, "singular", "JJ + mu*I is singular: no step can be solved (raise mu)");
    nnm_check_status(FN, st);
    if (nlhs > 1)
        plhs[1] = mxCreateDoubleScalar(how);
}

void mexFunction(int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
    const mxArray *X, *Wc, *bc, *ac, *T = NULL;
    const void *Wp[MAXL], *bp[MAXL];
    nn_int sizes[MAXL + 1], nl, l, n, P = 0;
    int acts[MAXL], single, st;
    mxClassID cls;
    char d1[96], d2[96];

    if (nrhs >= 1 && mxIsChar(prhs[0])) {
        char *s = nnm_get_name(FN, prhs[0], "the mode");
        if (strcmp(s, "solve") != 0)
            nnm_error(FN, "mode", "the only mode by name is 'solve'; usage: %s", USAGE);
        solve(nlhs, plhs, nrhs, prhs);
        return;
    }
    nnm_check_counts(FN, nlhs, nrhs == 5 ? 3 : 2, nrhs, 4, 5, USAGE);
    X = prhs[0];
    Wc = prhs[1];
    bc = prhs[2];
    ac = prhs[3];
    nnm_check_matrix(FN, X, "X");
    cls = mxGetClassID(X);
    single = cls == mxSINGLE_CLASS;
    if (!mxIsCell(Wc) || !mxIsCell(bc) || !mxIsCell(ac))
        nnm_error(FN, "class", "W, b and acts must be cells (one entry per dense layer)");
    nl = (nn_int)mxGetNumberOfElements(Wc);
    if (nl < 1 || nl > MAXL || (nn_int)mxGetNumberOfElements(bc) != nl ||
        (nn_int)mxGetNumberOfElements(ac) != nl)
        nnm_error(FN, "size", "W, b and acts must hold the same number of layers, 1 to %d",
                  MAXL);
    n = (nn_int)mxGetM(X);
    sizes[0] = (nn_int)mxGetN(X);
    for (l = 0; l < nl; l++) {
        const mxArray *W = mxGetCell(Wc, l), *b = mxGetCell(bc, l), *a = mxGetCell(ac, l);
        char *name;
        if (!W || !b || !a)
            nnm_error(FN, "class", "layer %ld: W, b and acts entries must all be set", (long)l + 1);
        nnm_check_same_class(FN, W, "W{l}", X, "X");
        nnm_check_same_class(FN, b, "b{l}", X, "X");
        if ((nn_int)mxGetN(W) != sizes[l])
            nnm_error(FN, "size", "W{%ld} must have %ld columns (the layer's inputs), but it is %s",
                      (long)l + 1, (long)sizes[l], nnm_describe(W, d1, sizeof d1));
        sizes[l + 1] = (nn_int)mxGetM(W);
        if (sizes[l + 1] < 1 || (nn_int)mxGetM(b) != sizes[l + 1] || mxGetN(b) != 1)
            nnm_error(FN, "size", "b{%ld} must be %ld x 1, but it is %s (W{%ld} is %s)",
                      (long)l + 1, (long)sizes[l + 1], nnm_describe(b, d1, sizeof d1),
                      (long)l + 1, nnm_describe(W, d2, sizeof d2));
        if (!mxIsChar(a))
            nnm_error(FN, "act", "acts{%ld} must be an activation name", (long)l + 1);
        name = nnm_get_name(FN, a, "an activation");
        acts[l] = nn_act_lookup(name);
        if (acts[l] < 0)
            nnm_error(FN, "act", "acts{%ld}: unknown activation '%s'; valid: %s", (long)l + 1,
                      name, nn_act_names());
        Wp[l] = mxGetData(W);
        bp[l] = mxGetData(b);
        P += sizes[l + 1] * (sizes[l] + 1);
    }
    if (nrhs == 5) {
        T = prhs[4];
        nnm_check_same_class(FN, T, "T", X, "X");
        if ((nn_int)mxGetM(T) != n || (nn_int)mxGetN(T) != sizes[nl])
            nnm_error(FN, "size", "T must be %ld x %ld (one row per row of X, one column per "
                      "output), but it is %s", (long)n, (long)sizes[nl],
                      nnm_describe(T, d1, sizeof d1));
        {
            double sse = 0;
            plhs[0] = nnm_new_matrix(FN, P, P, cls);
            plhs[1] = nnm_new_matrix(FN, P, 1, cls);
            st = single
                ? nn_gauss_newton_s(nl, sizes, (const float *const *)Wp, (const float *const *)bp,
                                    acts, n, (const float *)mxGetData(X),
                                    (const float *)mxGetData(T), (float *)mxGetData(plhs[0]),
                                    (float *)mxGetData(plhs[1]), &sse)
                : nn_gauss_newton_d(nl, sizes, (const double *const *)Wp,
                                    (const double *const *)bp, acts, n,
                                    (const double *)mxGetData(X), (const double *)mxGetData(T),
                                    (double *)mxGetData(plhs[0]), (double *)mxGetData(plhs[1]),
                                    &sse);
            nnm_check_status(FN, st);
            if (nlhs > 2)
                plhs[2] = mxCreateDoubleScalar(sse);
        }
        return;
    }
    nnm_check_bytes(FN, n * sizes[nl], P, cls, 1);
    plhs[0] = nnm_new_matrix(FN, n * sizes[nl], P, cls);
    if (nlhs > 1)
        plhs[1] = nnm_new_matrix(FN, n, sizes[nl], cls);
    st = single
        ? nn_jacobian_s(nl, sizes, (const float *const *)Wp, (const float *const *)bp, acts, n,
                        (const float *)mxGetData(X),
                        nlhs > 1 ? (float *)mxGetData(plhs[1]) : NULL,
                        (float *)mxGetData(plhs[0]))
        : nn_jacobian_d(nl, sizes, (const double *const *)Wp, (const double *const *)bp, acts, n,
                        (const double *)mxGetData(X),
                        nlhs > 1 ? (double *)mxGetData(plhs[1]) : NULL,
                        (double *)mxGetData(plhs[0]));
    nnm_check_status(FN, st);
}
