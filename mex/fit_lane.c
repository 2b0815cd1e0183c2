/* nn_fit ('lane', net, X, T, args): whether a call of nn_train is one that
 * its fast lane takes (m/private/train_fast.m), with the options read.
 * Part of the nn_fit MEX file (see nn_fit.c).
 *
 *   [ok, v] = nn_fit ('lane', net, X, T, args, defaults)
 *
 * ok is true when net is a network (a scalar struct with fields format,
 * layers, class and sizes; no image input) whose first layer is dense, X
 * is a full real 2-D matrix of the network's class with at least one row
 * (and one column), T is a full real 2-D numeric or logical matrix,
 * and args (nn_train's name/value pairs) holds, each at most once and
 * case-insensitively, only
 *   'Loss'          a character row (lower-cased)
 *   'Optimizer'     a character row (lower-cased), not a full-batch
 *                   trainer ('lm', 'scg', 'trainrp', 'trainlm', 'trainscg')
 *   'LearningRate'  anything (the optimizer judges it at its first step)
 *   'BatchSize'     a whole double in [1, 2^53]
 *   'Epochs'        a whole double in [1, 1e9]
 *   'Seed'          [] or a whole double in [0, 2^32 - 1]
 *   'Shuffle', 'LowMemory'   a logical or double scalar 0 or 1
 *   'L2'            a finite double >= 0
 *   'ObservationsIn'  'rows' or 'columns' (any case)
 *   'Engine'        'auto' (any case)
 *   'Verbose'       a logical or double scalar 0, which must be given;
 * and the loss is not a ranking loss.  v is then a 1 x 10 cell: loss,
 * optimizer, learning rate, batch size, epochs, seed, shuffle, L2,
 * LowMemory and ObservationsIn (true for 'columns') as given, else the
 * element of the cell defaults (1 x 10, the same options in that order:
 * nn_train's defaults, train_defaults.m).
 * Otherwise ok is false and v is [].  Never an error: the full way
 * of nn_train checks and words everything. */
#include <math.h>
#include <string.h>
#include "nnmex.h"

enum {
    O_LOSS, O_OPTIM, O_LR, O_BATCH, O_EPOCHS, O_SEED, O_SHUFFLE, O_L2, O_LOW,
    O_OBS,
    O_VALUES,                          /* the options returned in v */
    O_ENGINE = O_VALUES, O_VERBOSE, O_COUNT
};

static const char *const lane_names[O_COUNT] = {
    "loss", "optimizer", "learningrate", "batchsize", "epochs", "seed",
    "shuffle", "l2", "lowmemory", "observationsin", "engine", "verbose"
};

/* A character row vector (1 x n, n >= 0, or 0 x 0) copied lower-cased into
 * buf; 0 when a is not one or is longer than len - 1. */
static int lane_text(const mxArray *a, char *buf, size_t len)
{
    size_t n, i;
    if (!mxIsChar(a) || mxGetNumberOfDimensions(a) != 2 ||
        (mxGetM(a) != 1 && mxGetNumberOfElements(a) > 0))
        return 0;
    n = mxGetNumberOfElements(a);
    if (n >= len || mxGetString(a, buf, len) != 0)
        return 0;
    for (i = 0; i < n; i++)
        if (buf[i] >= 'A' && buf[i] <= 'Z')
            buf[i] = (char)(buf[i] - 'A' + 'a');
    return 1;
}

/* A real double scalar (non-sparse); its value in *v. */
static int lane_double(const mxArray *a, double *v)
{
    if (!mxIsDouble(a) || mxIsComplex(a) || mxIsSparse(a) ||
        mxGetNumberOfElements(a) != 1)
        return 0;
    *v = mxGetScalar(a);
    return 1;
}

/* A logical or real double scalar equal to 0 or 1 (any, when zero is 0;
 * 0 only, when zero is 1). */
static int lane_flag(const mxArray *a, int zero)
{
    double v;
    if (mxGetNumberOfElements(a) != 1 || mxIsSparse(a))
        return 0;
    if (mxIsLogical(a))
        v = mxGetScalar(a);
    else if (!lane_double(a, &v))
        return 0;
    return zero ? v == 0 : (v == 0 || v == 1);
}

static int lane_whole(const mxArray *a, double lo, double hi)
{
    double v;
    return lane_double(a, &v) && v >= lo && v <= hi && v == floor(v);
}

/* 1 when the net, X and T are of the kind the lane takes. */
static int lane_data(const mxArray *net, const mxArray *X, const mxArray *T)
{
    const mxArray *cls, *layers, *type;
    char c[8], t[8];
    if (!mxIsStruct(net) || mxGetNumberOfElements(net) != 1 ||
        mxGetField(net, 0, "format") == NULL || mxGetField(net, 0, "sizes") == NULL ||
        mxGetField(net, 0, "image") != NULL)
        return 0;
    cls = mxGetField(net, 0, "class");
    layers = mxGetField(net, 0, "layers");
    if (cls == NULL || layers == NULL || !lane_text(cls, c, sizeof c) ||
        !mxIsStruct(layers) || mxGetNumberOfElements(layers) < 1)
        return 0;
    type = mxGetField(layers, 0, "type");
    if (type == NULL || !lane_text(type, t, sizeof t) || strcmp(t, "dense") != 0)
        return 0;
    if (!((strcmp(c, "double") == 0 && mxIsDouble(X)) ||
          (strcmp(c, "single") == 0 && mxIsSingle(X))))
        return 0;
    if (mxIsComplex(X) || mxIsSparse(X) || mxGetNumberOfDimensions(X) != 2 ||
        mxGetM(X) < 1 || mxGetN(X) < 1)
        return 0;
    if (!(mxIsNumeric(T) || mxIsLogical(T)) || mxIsComplex(T) || mxIsSparse(T) ||
        mxGetNumberOfDimensions(T) != 2)
        return 0;
    return 1;
}

/* 1 when args holds only the lane's options, with values it takes; the
 * given ones in val[]. */
static int lane_args(const mxArray *args, const mxArray *val[O_COUNT])
{
    size_t n, k;
    int o;
    char name[16], text[32];
    for (o = 0; o < O_COUNT; o++)
        val[o] = NULL;
    if (!mxIsCell(args))
        return 0;
    n = mxGetNumberOfElements(args);
    if (n % 2 != 0)
        return 0;
    for (k = 0; k < n; k += 2) {
        const mxArray *a = mxGetCell(args, k), *v = mxGetCell(args, k + 1);
        if (a == NULL || v == NULL || !lane_text(a, name, sizeof name))
            return 0;
        for (o = 0; o < O_COUNT && strcmp(name, lane_names[o]) != 0; o++)
            ;
        if (o == O_COUNT || val[o] != NULL)
            return 0;                    /* another option, or one given twice */
        val[o] = v;
    }
    if (val[O_VERBOSE] == NULL || !lane_flag(val[O_VERBOSE], 1))
        return 0;
    if (val[O_ENGINE] != NULL &&
        (!lane_text(val[O_ENGINE], text, sizeof text) || strcmp(text, "auto") != 0))
        return 0;
    if (val[O_LOSS] != NULL &&
        (!lane_text(val[O_LOSS], text, sizeof text) ||
         strcmp(text, "margin_ranking") == 0 || strcmp(text, "pairwise_logistic") == 0))
        return 0;
    if (val[O_OPTIM] != NULL &&
        (!lane_text(val[O_OPTIM], text, sizeof text) || strcmp(text, "lm") == 0 ||
         strcmp(text, "scg") == 0 || strcmp(text, "trainrp") == 0 ||
         strcmp(text, "trainlm") == 0 || strcmp(text, "trainscg") == 0))
        return 0;
    if ((val[O_BATCH] != NULL && !lane_whole(val[O_BATCH], 1, 9007199254740992.0)) ||
        (val[O_EPOCHS] != NULL && !lane_whole(val[O_EPOCHS], 1, 1e9)) ||
        (val[O_SEED] != NULL && !nnm_is_empty_placeholder(val[O_SEED]) &&
         !lane_whole(val[O_SEED], 0, 4294967295.0)) ||
        (val[O_SHUFFLE] != NULL && !lane_flag(val[O_SHUFFLE], 0)) ||
        (val[O_LOW] != NULL && !lane_flag(val[O_LOW], 0)))
        return 0;
    if (val[O_OBS] != NULL &&
        (!lane_text(val[O_OBS], text, sizeof text) ||
         (strcmp(text, "rows") != 0 && strcmp(text, "columns") != 0)))
        return 0;
    if (val[O_L2] != NULL) {
        double l2;
        if (!lane_double(val[O_L2], &l2) || !(l2 >= 0 && l2 < HUGE_VAL))
            return 0;
    }
    return 1;
}

void nnm_fit_lane(int nlhs, mxArray *plhs[], int nrhs, const mxArray *prhs[])
{
    const mxArray *val[O_COUNT], *d;
    mxArray *v;
    int o, ok;
    if (nrhs != 6 || nlhs > 2)
        nnm_error("nn_fit", "nargin", "usage: [ok, v] = nn_fit ('lane', net, X, T, args, "
                  "defaults)");
    d = prhs[5];
    ok = mxIsCell(d) && mxGetNumberOfElements(d) == O_VALUES &&
         lane_data(prhs[1], prhs[2], prhs[3]) && lane_args(prhs[4], val);
    for (o = 0; ok && o < O_VALUES; o++)
        if (val[o] == NULL) {
            val[o] = mxGetCell(d, (mwIndex)o);     /* the default */
            ok = val[o] != NULL;
        }
    plhs[0] = mxCreateLogicalScalar(ok ? 1 : 0);
    if (nlhs < 2)
        return;
    if (!ok) {
        plhs[1] = mxCreateDoubleMatrix(0, 0, mxREAL);
        return;
    }
    v = mxCreateCellMatrix(1, O_VALUES);
    for (o = 0; o < O_VALUES; o++) {
        mxArray *e;
        if ((o == O_LOSS || o == O_OPTIM) && mxIsChar(val[o])) {
            char text[32];
            lane_text(val[o], text, sizeof text);
            e = mxCreateString(text);
        } else if (o == O_OBS) {
            char text[32];
            e = mxCreateLogicalScalar(lane_text(val[o], text, sizeof text) &&
                                      strcmp(text, "columns") == 0);
        } else {
            e = mxDuplicateArray(val[o]);
        }
        mxSetCell(v, (mwIndex)o, e);
    }
    plhs[1] = v;
}
