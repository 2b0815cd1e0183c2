/* nn_fit: one training epoch of minibatch gradient descent in one call, the
 * engine of nn_train's fast path (see lib/nn_fit.h). */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "nnmex.h"

#define FN "nn_fit"
#define USAGE "[layers, SW, Sb, losses, Y, stopped, hits] = nn_fit(X, T, perm, " \
              "B, layers, SW, Sb, LOSS, lossopts, METHOD, optopts, l2, METRIC, " \
              "LAYOUT)"

typedef struct { int kind; nn_act_opts o; } act_ctx;
typedef struct { int kind; nn_loss_opts o; } loss_ctx;
typedef struct { int kind; nn_opt_opts o; } opt_ctx;

static int set_act(void *ctx, const char *name, const double *val, nn_int nval,
                   const char *str, char *msg, size_t len)
{
    act_ctx *c = (act_ctx *)ctx;
    return nn_act_option(c->kind, &c->o, name, val, nval, str, msg, len);
}

static int set_loss(void *ctx, const char *name, const double *val,
                    nn_int nval, const char *str, char *msg, size_t len)
{
    loss_ctx *c = (loss_ctx *)ctx;
    return nn_loss_option(c->kind, &c->o, name, val, nval, str, msg, len);
}

static int set_opt(void *ctx, const char *name, const double *val, nn_int nval,
                   const char *str, char *msg, size_t len)
{
    opt_ctx *c = (opt_ctx *)ctx;
    return nn_opt_option(c->kind, &c->o, name, val, nval, str, msg, len);
}

/* The elements of a cell of name/value pairs, as an argument list
 * (mxMalloc'd; empty elements of a MATLAB cell become []). */
static const mxArray **cell_args(const mxArray *C, const char *what, int *count)
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

/* A field of element i of the layers struct, which must exist. */
static const mxArray *layer_field(const mxArray *L, mwIndex i, const char *f)
{
    const mxArray *v = mxGetField(L, i, f);
    if (v == NULL)
        nnm_error(FN, "layers", "layer %lu has no field '%s': LAYERS must be "
                  "net.layers of a network made by nn_mlp or nn_sequential",
                  (unsigned long)i + 1, f);
    return v;
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

/* Epochs 1..C (perm: N x C), each a call of nn_fit; in a replay, epochs
 * up to index last (0-based) and in that one at most last_steps steps.
 * Stops at a divergence or a loss domain error: *se, *ss = its epoch and
 * step (1-based). */
static int run_epochs(nn_fit_config *cfg, int single, nn_int nl,
                      nn_fit_layer_s *ls, nn_fit_layer_d *ld, const mxArray *X,
                      const mxArray *T, const nn_int *perm, nn_int C,
                      nn_int last, nn_int last_steps, double *losses,
                      nn_int nsteps, void *Y, nn_int K, double *hits,
                      nn_int *se, nn_int *ss, char *msg, size_t msglen)
{
    nn_int e, N = cfg->n, stopped = 0;
    int st = NN_OK;
    *se = *ss = 0;
    for (e = 0; e < C; e++) {
        if (last >= 0 && e > last)
            break;
        cfg->perm = perm + e * N;
        cfg->max_steps = e == last ? last_steps : -1;
        cfg->hits = hits != NULL ? hits + e : NULL;
        if (single)
            st = nn_fit_s(cfg, nl, ls, (const float *)mxGetData(X),
                          (const float *)mxGetData(T), losses + e * nsteps,
                          Y ? (float *)Y + e * N * K : NULL, &stopped, msg, msglen);
        else
            st = nn_fit_d(cfg, nl, ld, (const double *)mxGetData(X),
                          (const double *)mxGetData(T), losses + e * nsteps,
                          Y ? (double *)Y + e * N * K : NULL, &stopped, msg, msglen);
        if (stopped > 0) {
            *se = e + 1;
            *ss = stopped;
        }
        if (st != NN_OK || stopped > 0)
            break;
    }
    return st;
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

void mexFunction(int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
    const mxArray *X, *T, *Pm, *Lin, *SWin, *Sbin, **args;
    mxArray *Lout, *SWout, *Sbout, *losses, *Y, *hits;
    nn_fit_layer_d *ld;
    nn_fit_layer_s *ls;
    nn_fit_config cfg;
    loss_ctx lc;
    opt_ctx oc;
    nn_int N, in, K, B, nsteps, i, width, *perm, nl, C, se = 0, ss = 0;
    mxClassID cls;
    char d1[96], d2[96], msg[512], *name;
    const char *bufnames[NN_OPT_MAX_BUFFERS];
    double b, l2, *lossbuf;
    int nargs, k, nb, st, single, metric, xcols;

    /* the engine's scratch memory, kept between calls, goes when the MEX
     * file is cleared */
    mexAtExit(nn_fit_release);
    nnm_check_counts(FN, nlhs, 7, nrhs, 12, 14, USAGE);
    X = prhs[0];
    T = prhs[1];
    Pm = prhs[2];
    Lin = prhs[4];
    SWin = prhs[5];
    Sbin = prhs[6];

    /* data */
    nnm_check_matrix(FN, X, "X");
    nnm_check_same_class(FN, T, "T", X, "X");
    cls = mxGetClassID(X);
    single = cls == mxSINGLE_CLASS;
    xcols = 0;
    if (nrhs > 13) {
        char *ly = nnm_get_name(FN, prhs[13], "LAYOUT");
        int ok = strcmp(ly, "rows") == 0 || strcmp(ly, "columns") == 0;
        xcols = strcmp(ly, "columns") == 0;
        mxFree(ly);
        if (!ok)
            nnm_error(FN, "name", "LAYOUT must be 'rows' (X is N x in) or 'columns' "
                      "(X is in x N)");
    }
    N = (nn_int)(xcols ? mxGetN(X) : mxGetM(X));
    in = (nn_int)(xcols ? mxGetM(X) : mxGetN(X));
    if ((nn_int)mxGetM(T) != N)
        nnm_error(FN, "size", "T must have one row per observation (per %s of "
                  "X, %ld), but it is %s", xcols ? "column" : "row", (long)N,
                  nnm_describe(T, d1, sizeof d1));
    /* perm: N x C (C epochs), or a vector of N for one epoch */
    if (!mxIsDouble(Pm) || mxIsComplex(Pm) || mxIsSparse(Pm) ||
        mxGetNumberOfDimensions(Pm) != 2 ||
        !((nn_int)mxGetM(Pm) == N || ((nn_int)mxGetN(Pm) == N && mxGetM(Pm) == 1)))
        nnm_error(FN, "size", "perm must be a double vector of %ld indices (one per "
                  "observation), or a matrix with %ld rows (one column per epoch), "
                  "but it is %s", (long)N, (long)N, nnm_describe(Pm, d1, sizeof d1));
    C = (nn_int)mxGetM(Pm) == N ? (nn_int)mxGetN(Pm) : 1;
    if (N == 0 && mxGetM(Pm) == 0)
        C = (nn_int)mxGetN(Pm);
    perm = (nn_int *)mxMalloc((N * C > 0 ? (size_t)(N * C) : 1) * sizeof(nn_int));
    for (i = 0; i < N * C; i++) {
        double p = ((const double *)mxGetData(Pm))[i];
        if (!(p >= 0 && p < (double)N && p == floor(p)))
            nnm_error(FN, "domain", "perm holds 0-based row indices, whole numbers "
                      "from 0 to %ld, but perm(%ld) = %g", (long)N - 1, (long)i + 1, p);
        perm[i] = (nn_int)p;
    }
    b = get_scalar(prhs[3], "domain", "the batch size B");
    if (!(b >= 1 && b == floor(b) && b <= 9e15))
        nnm_error(FN, "domain", "the batch size B must be a whole number >= 1, not %g", b);
    B = b > (double)(N > 0 ? N : 1) ? (N > 0 ? N : 1) : (nn_int)b;
    l2 = get_scalar(prhs[11], "domain", "l2");
    if (!(l2 >= 0 && l2 < HUGE_VAL))
        nnm_error(FN, "domain", "l2 must be a finite number >= 0, not %g", l2);

    /* what to count instead of returning Y */
    metric = NN_FIT_METRIC_NONE;
    if (nrhs > 12) {
        static const char *const mnames[] = { "none", "argmax", "prob", "logit" };
        char *mn = nnm_get_name(FN, prhs[12], "METRIC");
        int found = 0;
        for (k = 0; k < 4; k++)
            if (strcmp(mn, mnames[k]) == 0) {
                metric = k;
                found = 1;
            }
        mxFree(mn);
        if (!found)
            nnm_error(FN, "name", "METRIC must be 'none', 'argmax', 'prob' or 'logit'");
    }

    /* the optimizer */
    name = nnm_get_name(FN, prhs[9], "METHOD");
    oc.kind = nn_opt_lookup(name);
    if (oc.kind < 0)
        nnm_error(FN, "name", "unknown optimizer '%s'; choose one of %s", name,
                  nn_opt_names());
    mxFree(name);
    nn_opt_defaults(oc.kind, &oc.o);
    args = cell_args(prhs[10], "optopts", &nargs);
    nnm_options(FN, nargs, args, 0, set_opt, &oc);
    mxFree((void *)args);
    if (nn_opt_check(oc.kind, &oc.o, msg, sizeof msg) != NN_OK)
        nnm_error(FN, "optionValue", "%s", msg);
    nb = nn_opt_buffers(oc.kind, &oc.o, bufnames);

    /* the loss */
    name = nnm_get_name(FN, prhs[7], "LOSS");
    lc.kind = nn_loss_lookup(name);
    if (lc.kind < 0)
        nnm_error(FN, "name", "unknown loss '%s'; choose one of %s", name,
                  nn_loss_names());
    mxFree(name);
    nn_loss_defaults(lc.kind, &lc.o);
    args = cell_args(prhs[8], "lossopts", &nargs);
    if (nargs % 2 != 0)
        nnm_error(FN, "option", "lossopts must hold name/value pairs, but the last "
                  "name has no value");
    for (k = 0; k < nargs; k += 2) {
        char *opt = nnm_get_name(FN, args[k], "an option name");
        if (strcmp(opt, "weights") == 0)
            nnm_error(FN, "option", "loss option 'weights' weighs the observations "
                      "of one call; nn_fit makes batches of its own, so it takes no "
                      "'weights' (nn_train trains step by step then)");
        if (strcmp(opt, "pos_weight") == 0) {
            /* a vector kept until the call ends: lib keeps the pointer */
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
            st = nn_loss_option(lc.kind, &lc.o, opt, buf, (nn_int)n, NULL, msg, sizeof msg);
            if (st == NN_ENAME)
                nnm_error(FN, "option", "%s", msg);
            if (st != NN_OK)
                nnm_error(FN, "optionValue", "%s", msg);
        } else {
            nnm_options(FN, k + 2, args, k, set_loss, &lc);
        }
        mxFree(opt);
    }
    mxFree((void *)args);
    if (lc.o.reduction == NN_RED_NONE)
        nnm_error(FN, "optionValue", "reduction 'none' gives no batch loss to "
                  "train on; use 'mean' or 'sum'");

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
    width = in;
    for (i = 0; i < nl; i++) {
        char *type = NULL;
        const mxArray *t = layer_field(Lin, (mwIndex)i, "type");
        if (mxIsChar(t))
            type = nnm_string(t);
        if (type != NULL && strcmp(type, "dense") == 0) {
            const mxArray *W = layer_field(Lin, (mwIndex)i, "W");
            const mxArray *bb = layer_field(Lin, (mwIndex)i, "b");
            double sw, sb;
            int fw, fb;
            nnm_check_same_class(FN, W, "a layer's W", X, "X");
            nnm_check_same_class(FN, bb, "a layer's b", X, "X");
            if ((nn_int)mxGetN(W) != width || mxGetM(W) < 1 ||
                mxGetM(bb) != mxGetM(W) || mxGetN(bb) != 1)
                nnm_error(FN, "size", "layer %ld: W must be units x %ld and b units "
                          "x 1, but they are %s and %s", (long)i + 1, (long)width,
                          nnm_describe(W, d1, sizeof d1), nnm_describe(bb, d2, sizeof d2));
            fw = nnm_state_read(FN, mxGetCell(SWin, (mwIndex)i), "SW{i}", W,
                                "the layer's W", oc.kind, &oc.o, &sw);
            fb = nnm_state_read(FN, mxGetCell(Sbin, (mwIndex)i), "Sb{i}", bb,
                                "the layer's b", oc.kind, &oc.o, &sb);
            ld[i].type = ls[i].type = NN_FIT_DENSE;
            ld[i].units = ls[i].units = (nn_int)mxGetM(W);
            ld[i].stepsW = ls[i].stepsW = sw;
            ld[i].stepsb = ls[i].stepsb = sb;
            ld[i].freshW = ls[i].freshW = fw;
            ld[i].freshb = ls[i].freshb = fb;
            width = (nn_int)mxGetM(W);
        } else if (type != NULL && strcmp(type, "act") == 0) {
            const mxArray *a = layer_field(Lin, (mwIndex)i, "act");
            const mxArray *o = layer_field(Lin, (mwIndex)i, "opts");
            act_ctx ac;
            char *an = nnm_get_name(FN, a, "a layer's activation");
            ac.kind = nn_act_lookup(an);
            if (ac.kind < 0)
                nnm_error(FN, "name", "layer %ld: unknown activation '%s'; choose "
                          "one of %s", (long)i + 1, an, nn_act_names());
            mxFree(an);
            nn_act_defaults(ac.kind, &ac.o);
            args = cell_args(o, "a layer's opts", &nargs);
            nnm_options(FN, nargs, args, 0, set_act, &ac);
            mxFree((void *)args);
            ld[i].type = ls[i].type = NN_FIT_ACT;
            ld[i].act = ls[i].act = ac.kind;
            ld[i].act_opts = ls[i].act_opts = ac.o;
        } else if (type != NULL && strcmp(type, "dropout") == 0) {
            const mxArray *p = layer_field(Lin, (mwIndex)i, "p");
            if (get_scalar(p, "layers", "a dropout layer's p") != 0)
                nnm_error(FN, "layers", "layer %ld is a dropout layer with p > 0, "
                          "which nn_fit does not train (nn_train trains such "
                          "networks step by step)", (long)i + 1);
            /* p = 0: the identity, an activation 'linear' */
            ld[i].type = ls[i].type = NN_FIT_ACT;
            ld[i].act = ls[i].act = NN_ACT_LINEAR;
            nn_act_defaults(NN_ACT_LINEAR, &ld[i].act_opts);
            ls[i].act_opts = ld[i].act_opts;
        } else {
            nnm_error(FN, "layers", "layer %ld has an unknown type; LAYERS must be "
                      "net.layers of a network made by nn_mlp or nn_sequential",
                      (long)i + 1);
        }
        if (type != NULL)
            mxFree(type);
    }
    K = width;
    msg[0] = '\0';
    if (nn_loss_check_sizes(lc.kind, &lc.o, N, K, N, (nn_int)mxGetN(T), msg,
                            sizeof msg) != NN_OK)
        nnm_error(FN, "size", "%s", msg);

    /* outputs: the layers (their W and b trained in place), the states */
    nsteps = N == 0 ? 0 : (N + B - 1) / B;
    if (K > 0 && C > 0 && K > PTRDIFF_MAX / C)
        nnm_error(FN, "tooLarge", "Y of %ld x %ld x %ld is too large", (long)N,
                  (long)K, (long)C);
    if (metric == NN_FIT_METRIC_NONE) {
        Y = nnm_new_matrix(FN, N, K * C, cls);
        if (N * K * C > 0)
            memset(mxGetData(Y), 0, (size_t)(N * K * C) * mxGetElementSize(Y));
        hits = mxCreateDoubleMatrix(0, 0, mxREAL);
    } else {
        if ((metric == NN_FIT_METRIC_PROB || metric == NN_FIT_METRIC_LOGIT) &&
            (nn_int)mxGetN(T) != K)
            nnm_error(FN, "size", "METRIC '%s' needs T with one column per output (%ld)",
                      metric == NN_FIT_METRIC_PROB ? "prob" : "logit", (long)K);
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
    for (i = 0; i < nl; i++) {
        const mxArray *sw = mxGetCell(SWin, (mwIndex)i), *sb = mxGetCell(Sbin, (mwIndex)i);
        if (ld[i].type == NN_FIT_DENSE) {
            mxArray *W = mxGetField(Lout, (mwIndex)i, "W");
            mxArray *bb = mxGetField(Lout, (mwIndex)i, "b");
            void *bw[NN_OPT_MAX_BUFFERS], *bbuf[NN_OPT_MAX_BUFFERS];
            mxSetCell(SWout, (mwIndex)i, nnm_state_write(FN, sw, ld[i].freshW, W,
                      oc.kind, &oc.o, ld[i].stepsW, bw));
            mxSetCell(Sbout, (mwIndex)i, nnm_state_write(FN, sb, ld[i].freshb, bb,
                      oc.kind, &oc.o, ld[i].stepsb, bbuf));
            ld[i].W = (double *)mxGetData(W);
            ld[i].b = (double *)mxGetData(bb);
            ls[i].W = (float *)mxGetData(W);
            ls[i].b = (float *)mxGetData(bb);
            for (k = 0; k < nb; k++) {
                ld[i].bufW[k] = (double *)bw[k];
                ld[i].bufb[k] = (double *)bbuf[k];
                ls[i].bufW[k] = (float *)bw[k];
                ls[i].bufb[k] = (float *)bbuf[k];
            }
        } else {
            if (sw != NULL)
                mxSetCell(SWout, (mwIndex)i, mxDuplicateArray(sw));
            if (sb != NULL)
                mxSetCell(Sbout, (mwIndex)i, mxDuplicateArray(sb));
        }
    }

    /* the epoch */
    memset(&cfg, 0, sizeof cfg);
    cfg.n = N;
    cfg.in = in;
    cfg.batch = B;
    cfg.perm = perm;
    cfg.max_steps = -1;
    cfg.loss = lc.kind;
    cfg.loss_opts = &lc.o;
    cfg.tcols = (nn_int)mxGetN(T);
    cfg.opt = oc.kind;
    cfg.opt_opts = &oc.o;
    cfg.l2 = l2;
    cfg.chunk = 0;
    cfg.gather = 0;
    cfg.xcols = xcols;
    cfg.metric = metric;
    cfg.hits = NULL;
    msg[0] = '\0';
    st = run_epochs(&cfg, single, nl, ls, ld, X, T, perm, C, -1, 0, lossbuf,
                    nsteps, metric == NN_FIT_METRIC_NONE ? mxGetData(Y) : NULL, K,
                    metric == NN_FIT_METRIC_NONE ? NULL : mxGetPr(hits),
                    &se, &ss, msg, sizeof msg);
    if (st == NN_EARG && ss > 0)
        nnm_error(FN, "domain", "epoch %ld, step %ld: %s", (long)se, (long)ss,
                  msg[0] ? msg : "a batch lies outside the domain of the loss");
    nnm_check_status(FN, st);

    /* diverged at step ss of epoch se: the parameters of before that step,
     * by running the epochs again from the inputs (deterministic) */
    if (ss > 0) {
        double *scratch = (double *)mxMalloc((size_t)(nsteps * C) * sizeof(double) + 1);
        nn_int se2 = 0, ss2 = 0;
        for (i = 0; i < nl; i++) {
            const mxArray *W0, *b0, *sw, *sb;
            double steps;
            if (ld[i].type != NN_FIT_DENSE)
                continue;
            W0 = mxGetField(Lin, (mwIndex)i, "W");
            b0 = mxGetField(Lin, (mwIndex)i, "b");
            memcpy(single ? (void *)ls[i].W : (void *)ld[i].W, mxGetData(W0),
                   mxGetNumberOfElements(W0) * mxGetElementSize(W0));
            memcpy(single ? (void *)ls[i].b : (void *)ld[i].b, mxGetData(b0),
                   mxGetNumberOfElements(b0) * mxGetElementSize(b0));
            sw = mxGetCell(SWin, (mwIndex)i);
            sb = mxGetCell(Sbin, (mwIndex)i);
            ld[i].freshW = ls[i].freshW = nnm_state_read(FN, sw, "SW{i}", W0, "W",
                                                         oc.kind, &oc.o, &steps);
            ld[i].stepsW = ls[i].stepsW = steps;
            ld[i].freshb = ls[i].freshb = nnm_state_read(FN, sb, "Sb{i}", b0, "b",
                                                         oc.kind, &oc.o, &steps);
            ld[i].stepsb = ls[i].stepsb = steps;
            for (k = 0; k < nb; k++) {
                size_t wbytes = mxGetNumberOfElements(W0) * mxGetElementSize(W0);
                size_t bbytes = mxGetNumberOfElements(b0) * mxGetElementSize(b0);
                if (!ld[i].freshW && wbytes > 0)
                    memcpy(single ? (void *)ls[i].bufW[k] : (void *)ld[i].bufW[k],
                           mxGetData(mxGetField(sw, 0, bufnames[k])), wbytes);
                if (!ld[i].freshb && bbytes > 0)
                    memcpy(single ? (void *)ls[i].bufb[k] : (void *)ld[i].bufb[k],
                           mxGetData(mxGetField(sb, 0, bufnames[k])), bbytes);
            }
        }
        st = run_epochs(&cfg, single, nl, ls, ld, X, T, perm, se, se - 1, ss - 1,
                        scratch, nsteps, NULL, K, NULL, &se2, &ss2, msg, sizeof msg);
        nnm_check_status(FN, st);
        if (ss2 != 0)
            nnm_error(FN, "internal", "the replay of the epochs diverged at epoch "
                      "%ld, step %ld, before epoch %ld, step %ld; please report it",
                      (long)se2, (long)ss2, (long)se, (long)ss);
        mxFree(scratch);
    }

    /* the step counts of the states; a state still fresh stays [] */
    for (i = 0; i < nl; i++) {
        int fw, fb;
        double sw, sb;
        if (ld[i].type != NN_FIT_DENSE)
            continue;
        fw = single ? ls[i].freshW : ld[i].freshW;
        fb = single ? ls[i].freshb : ld[i].freshb;
        sw = single ? ls[i].stepsW : ld[i].stepsW;
        sb = single ? ls[i].stepsb : ld[i].stepsb;
        set_steps(SWout, i, fw, sw);
        set_steps(Sbout, i, fb, sb);
    }
    mxFree(perm);
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
