/* nn_conv2d: 2-D convolution (cross-correlation) forward and backward. */
#include <stdio.h>
#include <string.h>
#include "nnmex.h"

#define FN "nn_conv2d"
#define USAGE "Y = nn_conv2d(X, W, b, options...) or " \
              "[dX, dW, db] = nn_conv2d(X, W, b, dY, options...)"

typedef struct {
    nn_conv2d_opts o;
    int want_dx;        /* 'InputGradient': the gateway's own option */
    int dx_given;
} conv_ctx;

static int set_option(void *ctx, const char *name, const double *val,
                      nn_int nval, const char *str, char *msg, size_t msglen)
{
    conv_ctx *c = (conv_ctx *)ctx;
    if (name != NULL && strcmp(name, "inputgradient") == 0) {
        if (str != NULL || val == NULL || nval != 1 || (val[0] != 0 && val[0] != 1)) {
            snprintf(msg, msglen, "option 'InputGradient' takes true or false");
            return NN_EVALUE;
        }
        c->want_dx = val[0] == 1;
        c->dx_given = 1;
        return NN_OK;
    }
    return nn_conv2d_option(&c->o, name, val, nval, str, msg, msglen);
}

void mexFunction(int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
    const mxArray *X, *W, *b = NULL, *dY = NULL;
    conv_ctx c;
    nn_conv2d_shape s;
    nn_int xd[4], wd[4], yd[4];
    mxClassID cls;
    char d1[96], d2[96], msg[256];
    int has_dy, single, st;

    has_dy = nrhs >= 4 && !mxIsChar(prhs[3]);
    nnm_check_counts(FN, nlhs, has_dy ? 3 : 1, nrhs, 2, 68, USAGE);
    X = prhs[0];
    W = prhs[1];
    nnm_check_array(FN, X, "X", 4, NULL, NULL);
    nnm_check_array(FN, W, "W", 4, X, "X");
    cls = mxGetClassID(X);
    single = cls == mxSINGLE_CLASS;
    if (nrhs >= 3) {
        if (mxIsChar(prhs[2]))
            nnm_error(FN, "class", "the third input must be the bias b (Cout x 1) "
                      "or [] for none, before the options, but it is a string");
        if (!nnm_is_empty_placeholder(prhs[2])) {
            b = prhs[2];
            nnm_check_array(FN, b, "b", 2, X, "X");
        }
    }
    if (has_dy) {
        dY = prhs[3];
        nnm_check_array(FN, dY, "dY", 4, X, "X");
    }
    nn_conv2d_defaults(&c.o);
    c.want_dx = 1;
    c.dx_given = 0;
    nnm_options(FN, nrhs, prhs, nrhs < 3 ? nrhs : has_dy ? 4 : 3, set_option, &c);
    if (c.dx_given && !has_dy)
        nnm_error(FN, "optionValue", "'InputGradient' is an option of the backward "
                  "call [dX, dW, db] = nn_conv2d(X, W, b, dY, ...)");

    nnm_dims(X, 4, xd);
    nnm_dims(W, 4, wd);
    memset(&s, 0, sizeof s);
    s.H = xd[0]; s.W = xd[1]; s.C = xd[2]; s.N = xd[3];
    s.kh = wd[0]; s.kw = wd[1]; s.Cout = wd[3];
    if (s.kh < 1 || s.kw < 1)
        nnm_error(FN, "size", "W must be kh x kw x Cin x Cout with a kernel of at "
                  "least 1 x 1, but it is %s", nnm_describe(W, d1, sizeof d1));
    st = nn_conv2d_setup(&s, &c.o, msg, sizeof msg);
    if (st == NN_EARG)
        nnm_error(FN, "size", "%s (X is %s, W is %s)", msg,
                  nnm_dims_text(xd, 4, d1, sizeof d1),
                  nnm_dims_text(wd, 4, d2, sizeof d2));
    if (st == NN_EVALUE)
        nnm_error(FN, "optionValue", "%s", msg);
    if (st == NN_ETOOBIG)
        nnm_error(FN, "tooLarge", "%s (X is %s, W is %s)", msg,
                  nnm_dims_text(xd, 4, d1, sizeof d1),
                  nnm_dims_text(wd, 4, d2, sizeof d2));
    nnm_check_status(FN, st);
    if (wd[2] != s.C / s.groups)
        nnm_error(FN, "size", "W must be kh x kw x Cin x Cout with Cin = C/groups "
                  "= %ld (X has %ld channels, 'Groups' is %ld), but W is %s",
                  (long)(s.C / s.groups), (long)s.C, (long)s.groups,
                  nnm_dims_text(wd, 4, d2, sizeof d2));
    if (b != NULL && ((nn_int)mxGetNumberOfElements(b) != s.Cout ||
                      (mxGetM(b) != 1 && mxGetN(b) != 1)))
        nnm_error(FN, "size", "b must be a vector of %ld elements (one per output "
                  "channel, size(W, 4)), or [] for none, but it is %s",
                  (long)s.Cout, nnm_describe(b, d1, sizeof d1));
    yd[0] = s.Ho; yd[1] = s.Wo; yd[2] = s.Cout; yd[3] = s.N;
    if (dY != NULL)
        nnm_check_dims(FN, dY, "dY", 4, yd, "the size of the output Y");

    if (dY == NULL) {
        plhs[0] = nnm_new_array(FN, 4, yd, cls);
        st = single
            ? nn_conv2d_forward_s(&s, (const float *)mxGetData(X),
                                  (const float *)mxGetData(W),
                                  b ? (const float *)mxGetData(b) : NULL,
                                  (float *)mxGetData(plhs[0]))
            : nn_conv2d_forward_d(&s, (const double *)mxGetData(X),
                                  (const double *)mxGetData(W),
                                  b ? (const double *)mxGetData(b) : NULL,
                                  (double *)mxGetData(plhs[0]));
    } else {
        int want_dw = nlhs >= 2, want_db = nlhs >= 3;
        nn_int cd[4];
        cd[0] = s.kh; cd[1] = s.kw; cd[2] = s.C / s.groups; cd[3] = s.Cout;
        if (c.want_dx)
            plhs[0] = nnm_new_array(FN, 4, xd, cls);
        else
            plhs[0] = nnm_new_matrix(FN, 0, 0, cls);
        if (want_dw) plhs[1] = nnm_new_array(FN, 4, cd, cls);
        if (want_db) plhs[2] = nnm_new_matrix(FN, s.Cout, 1, cls);
        st = single
            ? nn_conv2d_backward_s(&s, (const float *)mxGetData(X),
                                   (const float *)mxGetData(W),
                                   (const float *)mxGetData(dY),
                                   c.want_dx ? (float *)mxGetData(plhs[0]) : NULL,
                                   want_dw ? (float *)mxGetData(plhs[1]) : NULL,
                                   want_db ? (float *)mxGetData(plhs[2]) : NULL)
            : nn_conv2d_backward_d(&s, (const double *)mxGetData(X),
                                   (const double *)mxGetData(W),
                                   (const double *)mxGetData(dY),
                                   c.want_dx ? (double *)mxGetData(plhs[0]) : NULL,
                                   want_dw ? (double *)mxGetData(plhs[1]) : NULL,
                                   want_db ? (double *)mxGetData(plhs[2]) : NULL);
    }
    nnm_check_status(FN, st);
}
