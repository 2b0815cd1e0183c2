/* nn_fit: epochs of minibatch gradient descent in one call (see
 * nn_fit_epochs in lib/nn_fit.h): the arguments checked, the layers'
 * arrays bound to the lib's description of the network, one call, and its
 * codes worded as errors. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "nnmex.h"
#include "fit_mex.h"

#define FN "nn_fit"
#define USAGE "[layers, SW, Sb, losses, Y, stopped, hits] = nn_fit(X, T, perm, " \
              "B, layers, SW, Sb, LOSS, lossopts, METHOD, optopts, l2, METRIC, " \
              "LAYOUT, IMAGE)"

/* nn_fit ('lane', ...): in fit_lane.c */
void nnm_fit_lane(int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[]);

/* P = nn_fit ('orders', N, seeds): the N x numel (seeds) orders of seeded
 * epochs, 0-based (lib/nn_orders.h): randperm (N) - 1 after
 * rand ('twister', seeds(j)), without touching Octave's stream. */
static void fit_orders(int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
    const mxArray *n, *s;
    double N;
    mxArray *P;
    char d[96];
    if (nrhs != 3 || nlhs > 1)
        nnm_error(FN, "nargin", "usage: P = nn_fit ('orders', N, seeds)");
    n = prhs[1];
    s = prhs[2];
    N = mxIsDouble(n) && !mxIsComplex(n) && !mxIsSparse(n) && mxGetNumberOfElements(n) == 1
        ? mxGetScalar(n) : 0;
    if (!(N >= 1 && N <= 2147483647.0 && N == floor(N))) {
        if (mxIsDouble(n) && mxGetNumberOfElements(n) == 1 && !mxIsComplex(n))
            snprintf(d, sizeof d, "%g", mxGetScalar(n));
        else
            nnm_describe(n, d, sizeof d);
        nnm_error(FN, "orders", "in nn_fit ('orders', N, seeds), N must be a whole number "
                  "from 1 to 2^31-1, but it is %s", d);
    }
    if (!mxIsDouble(s) || mxIsComplex(s) || mxIsSparse(s) ||
        mxGetNumberOfDimensions(s) != 2 || (mxGetM(s) > 1 && mxGetN(s) > 1))
        nnm_error(FN, "orders", "in nn_fit ('orders', N, seeds), seeds must be a real "
                  "double vector, but it is %s", nnm_describe(s, d, sizeof d));
    P = nnm_new_matrix(FN, (nn_int)N, (nn_int)mxGetNumberOfElements(s), mxDOUBLE_CLASS);
    if (nn_orders((nn_int)N, (nn_int)mxGetNumberOfElements(s), mxGetPr(s),
                  mxGetPr(P)) != NN_OK) {
        mxDestroyArray(P);
        nnm_error(FN, "orders", "in nn_fit ('orders', N, seeds), each seed must be a "
                  "whole number from 0 to 2^32-1");
    }
    plhs[0] = P;
}

static int set_loss(void *ctx, const char *name, const double *val,
                    nn_int nval, const char *str, char *msg, size_t len)
{
    loss_ctx *c = (loss_ctx *)ctx;
    return nn_loss_option(c->kind, &c->o, name, val, nval, str, msg, len);
}

static int set_optim(void *ctx, const char *name, const double *val, nn_int nval,
                   const char *str, char *msg, size_t len)
{
    optim_ctx *c = (optim_ctx *)ctx;
    return nn_optim_option(c->kind, &c->o, name, val, nval, str, msg, len);
}

/* The elements of a cell of name/value pairs, as an argument list
 * (mxMalloc'd; empty elements of a MATLAB cell become []). */
const mxArray **nnm_fit_cell_args(const mxArray *C, const char *what, int *count)
{
    const mxArray **a;
    char d[96];
    size_t i, n;
    if (!mxIsCell(C) && !nnm_is_empty_placeholder(C))
        nnm_error(FN, "class", "%s must be a cell of name/value pairs, but it is %s",
                  what, nnm_describe(C, d, sizeof d));
    n = mxIsCell(C) ? mxGetNumberOfElements(C) : 0;
    if (n > 64)
        nnm_error(FN, "option", "%s holds %lu elements; at most 64 (32 name/value "
                  "pairs) are allowed", what, (unsigned long)n);
    a = (const mxArray **)mxMalloc((n ? n : 1) * sizeof(*a));
    for (i = 0; i < n; i++) {
        a[i] = mxGetCell(C, i);
        if (a[i] == NULL)
            a[i] = mxCreateDoubleMatrix(0, 0, mxREAL);
    }
    *count = (int)n;
    return a;
}

/* A real scalar of any numeric class, or error nnlab:nn_fit:<what>. */
static double get_scalar(const mxArray *a, const char *what, const char *name)
{
    char d[96];
    if (!(mxIsNumeric(a) || mxIsLogical(a)) || mxIsComplex(a) || mxIsSparse(a) ||
        mxGetNumberOfElements(a) != 1)
        nnm_error(FN, what, "%s must be a real number, but it is %s", name,
                  nnm_describe(a, d, sizeof d));
    return mxGetScalar(a);
}


/* Cell i of a states cell: [] when still fresh, else its step count. */
static void set_steps(mxArray *C, nn_int i, int fresh, double steps)
{
    mxArray *S = mxGetCell(C, (mwIndex)i);
    if (fresh) {
        if (S != NULL)
            mxDestroyArray(S);
        mxSetCell(C, (mwIndex)i, mxCreateDoubleMatrix(0, 0, mxREAL));
    } else {
        mxArray *f = mxGetField(S, 0, "step");
        if (f != NULL)
            mxDestroyArray(f);
        mxSetField(S, 0, "step", mxCreateDoubleScalar(steps));
    }
}

/* X, T, perm, B, l2, METRIC and LAYOUT. */
static void parse_data(int nrhs, const mxArray *prhs[], fit_args *a)
{
    const mxArray *X = prhs[0], *T = prhs[1], *Pm = prhs[2];
    nn_int N, C, i;
    double b;
    char d1[96];
    int k;

    nnm_check_matrix(FN, X, "X");
    nnm_check_same_class(FN, T, "T", X, "X");
    a->X = X;
    a->T = T;
    a->single = mxGetClassID(X) == mxSINGLE_CLASS;
    a->xcols = a->xcopy = a->xreuse = 0;
    if (nrhs > 13) {
        char *ly = nnm_get_name(FN, prhs[13], "LAYOUT");
        int ok = strcmp(ly, "rows") == 0 || strcmp(ly, "columns") == 0 ||
                 strcmp(ly, "copy") == 0 || strcmp(ly, "copy-kept") == 0;
        a->xcols = strcmp(ly, "columns") == 0;
        a->xcopy = strncmp(ly, "copy", 4) == 0;
        a->xreuse = strcmp(ly, "copy-kept") == 0;
        mxFree(ly);
        if (!ok)
            nnm_error(FN, "name", "LAYOUT must be 'rows' (X is N x in), 'copy' or "
                      "'copy-kept' (X is N x in, trained from a copy with one "
                      "observation a column) or 'columns' (X is in x N)");
    }
    N = a->N = (nn_int)(a->xcols ? mxGetN(X) : mxGetM(X));
    a->in = (nn_int)(a->xcols ? mxGetM(X) : mxGetN(X));
    if ((nn_int)mxGetM(T) != N)
        nnm_error(FN, "size", "T must have one row per observation (per %s of "
                  "X, %ld), but it is %s", a->xcols ? "column" : "row", (long)N,
                  nnm_describe(T, d1, sizeof d1));
    /* perm: N x C (C epochs), a vector of N for one epoch, or P x C with
     * 1 <= P < N (each epoch steps over P rows: a subset; P = 1 only as one
     * column) */
    if (!mxIsDouble(Pm) || mxIsComplex(Pm) || mxIsSparse(Pm) ||
        mxGetNumberOfDimensions(Pm) != 2 ||
        !((nn_int)mxGetM(Pm) == N || ((nn_int)mxGetN(Pm) == N && mxGetM(Pm) == 1) ||
          ((nn_int)mxGetM(Pm) >= 1 && (nn_int)mxGetM(Pm) < N &&
           (mxGetM(Pm) > 1 || mxGetN(Pm) == 1) && mxGetN(Pm) >= 1)))
        nnm_error(FN, "size", "perm must be a double vector of %ld indices (one per "
                  "observation), or a matrix with %ld rows (one column per epoch), "
                  "or with fewer rows (a subset of the observations), but it is %s",
                  (long)N, (long)N, nnm_describe(Pm, d1, sizeof d1));
    if ((nn_int)mxGetM(Pm) == 1 && (nn_int)mxGetN(Pm) == N) {
        a->P = N;
        C = 1;
    } else {
        a->P = (nn_int)mxGetM(Pm);
        C = (nn_int)mxGetN(Pm);
    }
    a->C = C;
    a->perm = (nn_int *)mxMalloc((a->P * C > 0 ? (size_t)(a->P * C) : 1) * sizeof(nn_int));
    for (i = 0; i < a->P * C; i++) {
        double p = ((const double *)mxGetData(Pm))[i];
        if (!(p >= 0 && p < (double)N && p == floor(p)))
            nnm_error(FN, "domain", "perm holds 0-based row indices, whole numbers "
                      "from 0 to %ld, but perm(%ld) = %g", (long)N - 1, (long)i + 1, p);
        a->perm[i] = (nn_int)p;
    }
    b = get_scalar(prhs[3], "domain", "the batch size B");
    if (!(b >= 1 && b == floor(b) && b <= 9e15))
        nnm_error(FN, "domain", "the batch size B must be a whole number >= 1, not %g", b);
    a->B = b > (double)(a->P > 0 ? a->P : 1) ? (a->P > 0 ? a->P : 1) : (nn_int)b;
    a->l2 = get_scalar(prhs[11], "domain", "l2");
    if (!(a->l2 >= 0 && a->l2 < HUGE_VAL))
        nnm_error(FN, "domain", "l2 must be a finite number >= 0, not %g", a->l2);

    /* IMAGE: [H W C] of X's columns, or [] (rows) */
    if (nrhs > 14 && !nnm_is_empty_placeholder(prhs[14])) {
        const mxArray *im = prhs[14];
        if (!mxIsDouble(im) || mxIsComplex(im) || mxIsSparse(im) ||
            mxGetNumberOfElements(im) != 3)
            nnm_error(FN, "size", "IMAGE must be [] or the image size [H W C], but "
                      "it is %s", nnm_describe(im, d1, sizeof d1));
        for (k = 0; k < 3; k++) {
            double v = mxGetPr(im)[k];
            if (!(v >= 1 && v <= 2147483647.0) || v != floor(v))
                nnm_error(FN, "size", "IMAGE must hold 3 whole numbers >= 1, but it "
                          "has %g", v);
            a->image[k] = (nn_int)v;
        }
        if (!a->xcols || (double)a->image[0] * a->image[1] * a->image[2] != (double)a->in)
            nnm_error(FN, "size", "with IMAGE %ldx%ldx%ld, X must be by columns "
                      "(LAYOUT 'columns') with H*W*C = %.0f rows", (long)a->image[0],
                      (long)a->image[1], (long)a->image[2],
                      (double)a->image[0] * a->image[1] * a->image[2]);
    }

    /* what to count instead of returning Y */
    a->metric = NN_FIT_METRIC_NONE;
    if (nrhs > 12) {
        static const char *const mnames[] = { "none", "argmax", "prob", "logit" };
        char *mn = nnm_get_name(FN, prhs[12], "METRIC");
        int found = 0;
        for (k = 0; k < 4; k++)
            if (strcmp(mn, mnames[k]) == 0) {
                a->metric = k;
                found = 1;
            }
        mxFree(mn);
        if (!found)
            nnm_error(FN, "name", "METRIC must be 'none', 'argmax', 'prob' or 'logit'");
    }
}

/* METHOD and optopts. */
static void parse_optim(const mxArray *method, const mxArray *opts, fit_args *a)
{
    const mxArray **args;
    char msg[512], *name = nnm_get_name(FN, method, "METHOD");
    int nargs;
    a->oc.kind = nn_optim_lookup(name);
    if (a->oc.kind < 0)
        nnm_error(FN, "name", "unknown optimizer '%s'; choose one of %s", name,
                  nn_optim_names());
    mxFree(name);
    nn_optim_defaults(a->oc.kind, &a->oc.o);
    args = nnm_fit_cell_args(opts, "optopts", &nargs);
    nnm_options(FN, nargs, args, 0, set_optim, &a->oc);
    mxFree((void *)args);
    if (nn_optim_check(a->oc.kind, &a->oc.o, msg, sizeof msg) != NN_OK)
        nnm_error(FN, "optionValue", "%s", msg);
    a->nb = nn_optim_buffers(a->oc.kind, &a->oc.o, a->bufnames);
}

/* LOSS and lossopts (pos_weight's vector stays allocated until the call
 * ends: lib keeps the pointer). */
static void parse_loss(const mxArray *loss, const mxArray *opts, fit_args *a)
{
    const mxArray **args;
    char d1[96], msg[512], *name = nnm_get_name(FN, loss, "LOSS");
    int nargs, k, st;
    loss_ctx *lc = &a->lc;
    lc->kind = nn_loss_lookup(name);
    if (lc->kind < 0)
        nnm_error(FN, "name", "unknown loss '%s'; choose one of %s", name,
                  nn_loss_names());
    mxFree(name);
    nn_loss_defaults(lc->kind, &lc->o);
    args = nnm_fit_cell_args(opts, "lossopts", &nargs);
    if (nargs % 2 != 0)
        nnm_error(FN, "option", "lossopts must hold name/value pairs, but the last "
                  "name has no value");
    for (k = 0; k < nargs; k += 2) {
        char *opt = nnm_get_name(FN, args[k], "an option name");
        if (strcmp(opt, "weights") == 0)
            nnm_error(FN, "option", "loss option 'weights' weighs the observations "
                      "of one call; nn_fit makes batches of its own, so it takes no "
                      "'weights'");
        if (strcmp(opt, "pos_weight") == 0) {
            const mxArray *v = args[k + 1];
            size_t j, n = mxGetNumberOfElements(v);
            double *buf;
            if (!(mxIsDouble(v) || mxIsSingle(v) || mxIsLogical(v)) ||
                mxIsComplex(v) || mxIsSparse(v) || mxGetNumberOfDimensions(v) != 2)
                nnm_error(FN, "optionValue", "option 'pos_weight' takes a full real "
                          "single or double vector, not %s", nnm_describe(v, d1, sizeof d1));
            buf = (double *)mxMalloc((n ? n : 1) * sizeof(double));
            for (j = 0; j < n; j++)
                buf[j] = mxIsDouble(v) ? ((const double *)mxGetData(v))[j]
                       : mxIsSingle(v) ? (double)((const float *)mxGetData(v))[j]
                       : (double)((const mxLogical *)mxGetData(v))[j];
            msg[0] = '\0';
            st = nn_loss_option(lc->kind, &lc->o, opt, buf, (nn_int)n, NULL, msg, sizeof msg);
            if (st == NN_ENAME)
                nnm_error(FN, "option", "%s", msg);
            if (st != NN_OK)
                nnm_error(FN, "optionValue", "%s", msg);
        } else {
            nnm_options(FN, k + 2, args, k, set_loss, lc);
        }
        mxFree(opt);
    }
    mxFree((void *)args);
    if (lc->o.reduction == NN_RED_NONE)
        nnm_error(FN, "optionValue", "reduction 'none' gives no batch loss to "
                  "train on; use 'mean' or 'sum'");
}

void mexFunction(int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
    const mxArray *Lin, *SWin, *Sbin;
    mxArray *Lout, *SWout, *Sbout, *losses, *Y, *hits;
    nn_fit_layer_d *ld;
    nn_fit_layer_s *ls;
    nn_fit_config cfg;
    nn_loss_fact fact;
    fit_args a;
    nn_int N, K, C, nsteps, i, nl, se = 0, ss = 0;
    mxClassID cls;
    char d1[96], d2[96], msg[512];
    double *lossbuf;
    int st;

    /* the engine's scratch memory, kept between calls, goes when the MEX
     * file is cleared */
    mexAtExit(nn_fit_release);
    if (nrhs >= 1 && mxIsChar(prhs[0])) {
        /* nn_fit ('release'): the working copy freed; nn_fit ('copy'): its
         * bytes; nn_fit ('lane', ...): see fit_lane.c */
        char *what = nnm_get_name(FN, prhs[0], "the request");
        int rel = strcmp(what, "release") == 0, cp = strcmp(what, "copy") == 0;
        int lane = strcmp(what, "lane") == 0, ord = strcmp(what, "orders") == 0;
        mxFree(what);
        if (lane) {
            nnm_fit_lane(nlhs, plhs, nrhs, prhs);
            return;
        }
        if (ord) {
            fit_orders(nlhs, plhs, nrhs, prhs);
            return;
        }
        if ((!rel && !cp) || nrhs != 1)
            nnm_error(FN, "name", "with a name first, nn_fit takes 'release' (free "
                      "the working copy of X) or 'copy' (its size in bytes) alone, "
                      "'orders' with N and seeds, or 'lane' and nn_train's arguments");
        if (nlhs > 1 || (rel && nlhs > 0))
            nnm_error(FN, "nargout", "nn_fit ('%s') returns %s", rel ? "release" : "copy",
                      rel ? "nothing" : "one value");
        if (rel)
            nn_fit_release_copy();
        else
            plhs[0] = mxCreateDoubleScalar(nn_fit_copy_bytes());
        return;
    }
    nnm_check_counts(FN, nlhs, 7, nrhs, 12, 15, USAGE);
    Lin = prhs[4];
    SWin = prhs[5];
    Sbin = prhs[6];
    memset(&a, 0, sizeof a);
    parse_data(nrhs, prhs, &a);
    parse_optim(prhs[9], prhs[10], &a);
    parse_loss(prhs[7], prhs[8], &a);
    N = a.N;
    C = a.C;
    cls = mxGetClassID(a.X);

    /* the layers and their optimizer states */
    if (!mxIsStruct(Lin) || mxGetNumberOfDimensions(Lin) != 2 ||
        (mxGetM(Lin) != 1 && mxGetN(Lin) != 1 && mxGetNumberOfElements(Lin) > 0))
        nnm_error(FN, "layers", "LAYERS must be net.layers of a network made by "
                  "nn_mlp or nn_sequential, but it is %s", nnm_describe(Lin, d1, sizeof d1));
    nl = (nn_int)mxGetNumberOfElements(Lin);
    if (!mxIsCell(SWin) || (nn_int)mxGetNumberOfElements(SWin) != nl ||
        !mxIsCell(Sbin) || (nn_int)mxGetNumberOfElements(Sbin) != nl)
        nnm_error(FN, "state", "SW and Sb must be cells with one optimizer state "
                  "per layer (%ld), [] before the first step, but they are %s and %s",
                  (long)nl, nnm_describe(SWin, d1, sizeof d1), nnm_describe(Sbin, d2, sizeof d2));
    ld = (nn_fit_layer_d *)mxCalloc(nl ? (size_t)nl : 1, sizeof(*ld));
    ls = (nn_fit_layer_s *)mxCalloc(nl ? (size_t)nl : 1, sizeof(*ls));
    K = nnm_fit_parse_layers(Lin, SWin, Sbin, &a, ld, ls);
    msg[0] = '\0';
    if (nn_loss_check_sizes(a.lc.kind, &a.lc.o, N, K, N, (nn_int)mxGetN(a.T), msg,
                            sizeof msg) != NN_OK)
        nnm_error(FN, "size", "%s", msg);

    /* outputs: the layers (their W and b trained in place), the states */
    nsteps = a.P == 0 ? 0 : (a.P + a.B - 1) / a.B;
    if (K > 0 && C > 0 && K > PTRDIFF_MAX / C)
        nnm_error(FN, "tooLarge", "Y of %ld x %ld x %ld is too large", (long)N,
                  (long)K, (long)C);
    if (a.metric == NN_FIT_METRIC_NONE) {
        Y = nnm_new_matrix(FN, N, K * C, cls);
        if (N * K * C > 0)
            memset(mxGetData(Y), 0, (size_t)(N * K * C) * mxGetElementSize(Y));
        hits = mxCreateDoubleMatrix(0, 0, mxREAL);
    } else {
        if ((a.metric == NN_FIT_METRIC_PROB || a.metric == NN_FIT_METRIC_LOGIT) &&
            (nn_int)mxGetN(a.T) != K)
            nnm_error(FN, "size", "METRIC '%s' needs T with one column per output (%ld)",
                      a.metric == NN_FIT_METRIC_PROB ? "prob" : "logit", (long)K);
        Y = mxCreateDoubleMatrix(0, 0, mxREAL);
        hits = mxCreateDoubleMatrix(1, (mwSize)C, mxREAL);
        for (i = 0; i < C; i++)
            mxGetPr(hits)[i] = mxGetNaN();
    }
    losses = nnm_new_matrix(FN, nsteps, C, mxDOUBLE_CLASS);
    lossbuf = (double *)mxGetData(losses);
    for (i = 0; i < nsteps * C; i++)
        lossbuf[i] = mxGetNaN();
    Lout = mxDuplicateArray(Lin);
    SWout = mxCreateCellMatrix(mxGetM(SWin), mxGetN(SWin));
    Sbout = mxCreateCellMatrix(mxGetM(Sbin), mxGetN(Sbin));
    if (Lout == NULL || SWout == NULL || Sbout == NULL)
        nnm_error(FN, "outOfMemory", "out of memory");
    nnm_fit_bind_layers(Lin, SWin, Sbin, &a, Lout, SWout, Sbout, ld, ls);

    /* the epochs, and the replay after a divergence, in one call */
    memset(&cfg, 0, sizeof cfg);
    cfg.n = N;
    cfg.np = a.P;
    cfg.in = a.in;
    cfg.batch = a.B;
    cfg.max_steps = -1;
    cfg.loss = a.lc.kind;
    cfg.loss_opts = &a.lc.o;
    cfg.tcols = (nn_int)mxGetN(a.T);
    cfg.optim = a.oc.kind;
    cfg.optim_opts = &a.oc.o;
    cfg.l2 = a.l2;
    cfg.xcols = a.xcols;
    cfg.xcopy = a.xcopy;
    cfg.xreuse = a.xreuse;
    cfg.metric = a.metric;
    memcpy(cfg.image, a.image, sizeof cfg.image);
    msg[0] = '\0';
    if (a.single)
        st = nn_fit_epochs_s(&cfg, C, a.perm, nl, ls, (const float *)mxGetData(a.X),
                             (const float *)mxGetData(a.T), lossbuf,
                             a.metric == NN_FIT_METRIC_NONE ? (float *)mxGetData(Y) : NULL,
                             a.metric == NN_FIT_METRIC_NONE ? NULL : mxGetPr(hits),
                             &se, &ss, &fact);
    else
        st = nn_fit_epochs_d(&cfg, C, a.perm, nl, ld, (const double *)mxGetData(a.X),
                             (const double *)mxGetData(a.T), lossbuf,
                             a.metric == NN_FIT_METRIC_NONE ? (double *)mxGetData(Y) : NULL,
                             a.metric == NN_FIT_METRIC_NONE ? NULL : mxGetPr(hits),
                             &se, &ss, &fact);
    if (st == NN_EARG && ss > 0) {
        nnm_loss_fact_text(a.lc.kind, K, (nn_int)mxGetN(a.T), &fact, msg, sizeof msg);
        nnm_error(FN, "domain", "epoch %ld, step %ld: %s", (long)se, (long)ss, msg);
    }
    if (st == NN_EINTERNAL)
        nnm_error(FN, "internal", "the replay of the epochs diverged before epoch "
                  "%ld, step %ld, where the first run did; please report it",
                  (long)se, (long)ss);
    nnm_check_status(FN, st);

    /* the step counts of the states; a state still fresh stays [] */
    for (i = 0; i < nl; i++) {
        int fw, fb;
        double sw, sb;
        if (!nnm_fit_has_params(ld, i))
            continue;
        fw = a.single ? ls[i].freshW : ld[i].freshW;
        fb = a.single ? ls[i].freshb : ld[i].freshb;
        sw = a.single ? ls[i].stepsW : ld[i].stepsW;
        sb = a.single ? ls[i].stepsb : ld[i].stepsb;
        set_steps(SWout, i, fw, sw);
        set_steps(Sbout, i, fb, sb);
    }
    mxFree(a.perm);
    mxFree(ld);
    mxFree(ls);

    plhs[0] = Lout;
    if (nlhs >= 2) plhs[1] = SWout; else mxDestroyArray(SWout);
    if (nlhs >= 3) plhs[2] = Sbout; else mxDestroyArray(Sbout);
    if (nlhs >= 4) plhs[3] = losses; else mxDestroyArray(losses);
    if (nlhs >= 5) plhs[4] = Y; else mxDestroyArray(Y);
    if (nlhs >= 6) {
        plhs[5] = mxCreateDoubleMatrix(1, 2, mxREAL);
        mxGetPr(plhs[5])[0] = (double)se;
        mxGetPr(plhs[5])[1] = (double)ss;
    }
    if (nlhs >= 7) plhs[6] = hits; else mxDestroyArray(hits);
}
