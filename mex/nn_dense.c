/* nn_dense: dense layer forward (Y = X*W' + b') and backward products. */
#include "nnmex.h"

#define FN "nn_dense"
#define USAGE "Y = nn_dense(X, W, b) or [dX, dW, db] = nn_dense(X, W, b, dY)"

void mexFunction(int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
    const mxArray *X, *W, *b = NULL, *dY = NULL;
    mxClassID cls;
    nn_int n, in, out;
    char d1[96], d2[96];
    int single, st;

    nnm_check_counts(FN, nlhs, nrhs == 4 ? 3 : 1, nrhs, 2, 4, USAGE);
    X = prhs[0];
    W = prhs[1];
    nnm_check_matrix(FN, X, "X");
    nnm_check_same_class(FN, W, "W", X, "X");
    cls = mxGetClassID(X);
    single = cls == mxSINGLE_CLASS;
    n = (nn_int)mxGetM(X);
    in = (nn_int)mxGetN(X);
    out = (nn_int)mxGetM(W);
    if ((nn_int)mxGetN(W) != in)
        nnm_error(FN, "size", "W must be out x in with one column per column of X: "
                  "X is %s, so W needs %ld columns, but W is %s",
                  nnm_describe(X, d1, sizeof d1), (long)in, nnm_describe(W, d2, sizeof d2));
    if (nrhs >= 3 && !nnm_is_empty_placeholder(prhs[2])) {
        b = prhs[2];
        nnm_check_same_class(FN, b, "b", X, "X");
        if ((nn_int)mxGetNumberOfElements(b) != out || (mxGetM(b) != 1 && mxGetN(b) != 1))
            nnm_error(FN, "size", "b must be a vector of %ld elements (one per row of W), "
                      "but it is %s", (long)out, nnm_describe(b, d1, sizeof d1));
    }
    if (nrhs == 4) {
        dY = prhs[3];
        nnm_check_same_class(FN, dY, "dY", X, "X");
        if ((nn_int)mxGetM(dY) != n || (nn_int)mxGetN(dY) != out)
            nnm_error(FN, "size", "dY must be %ld x %ld, the size of the layer's output "
                      "Y, but it is %s", (long)n, (long)out, nnm_describe(dY, d1, sizeof d1));
    }

    if (dY == NULL) {
        plhs[0] = nnm_new_matrix(FN, n, out, cls);
        st = single
            ? nn_dense_forward_s(n, in, out, (const float *)mxGetData(X),
                                 (const float *)mxGetData(W),
                                 b ? (const float *)mxGetData(b) : NULL,
                                 (float *)mxGetData(plhs[0]))
            : nn_dense_forward_d(n, in, out, (const double *)mxGetData(X),
                                 (const double *)mxGetData(W),
                                 b ? (const double *)mxGetData(b) : NULL,
                                 (double *)mxGetData(plhs[0]));
    } else {
        int want_dw = nlhs >= 2, want_db = nlhs >= 3;
        plhs[0] = nnm_new_matrix(FN, n, in, cls);
        if (want_dw) plhs[1] = nnm_new_matrix(FN, out, in, cls);
        if (want_db) plhs[2] = nnm_new_matrix(FN, out, 1, cls);
        st = single
            ? nn_dense_backward_s(n, in, out, (const float *)mxGetData(X),
                                  (const float *)mxGetData(W),
                                  (const float *)mxGetData(dY),
                                  (float *)mxGetData(plhs[0]),
                                  want_dw ? (float *)mxGetData(plhs[1]) : NULL,
                                  want_db ? (float *)mxGetData(plhs[2]) : NULL)
            : nn_dense_backward_d(n, in, out, (const double *)mxGetData(X),
                                  (const double *)mxGetData(W),
                                  (const double *)mxGetData(dY),
                                  (double *)mxGetData(plhs[0]),
                                  want_dw ? (double *)mxGetData(plhs[1]) : NULL,
                                  want_db ? (double *)mxGetData(plhs[2]) : NULL);
    }
    nnm_check_status(FN, st);
}
