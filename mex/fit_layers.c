/* The network's description for nn_fit (see nn_fit.c): each layer of
 * LAYERS read and checked, its arrays bound to the lib's description.
 * Part of the nn_fit MEX file. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "fit_mex.h"

#define FN "nn_fit"

typedef struct { int kind; nn_act_opts o; } act_ctx;

static int set_act(void *ctx, const char *name, const double *val, nn_int nval,
                   const char *str, char *msg, size_t len)
{
    act_ctx *c = (act_ctx *)ctx;
    return nn_act_option(c->kind, &c->o, name, val, nval, str, msg, len);
}

static int set_conv(void *ctx, const char *name, const double *val, nn_int nval,
                    const char *str, char *msg, size_t len)
{
    return nn_conv2d_option((nn_conv2d_opts *)ctx, name, val, nval, str, msg, len);
}

static int set_pool(void *ctx, const char *name, const double *val, nn_int nval,
                    const char *str, char *msg, size_t len)
{
    return nn_pool_option((nn_pool_opts *)ctx, name, val, nval, str, msg, len);
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

/* A layer's options (a cell of name/value pairs) through set. */
static void layer_options(const mxArray *L, mwIndex i, nnm_option_fn set, void *ctx)
{
    int nargs;
    const mxArray **args = nnm_fit_cell_args(layer_field(L, i, "opts"),
                                             "a layer's opts", &nargs);
    nnm_options(FN, nargs, args, 0, set, ctx);
    mxFree((void *)args);
}

/* Layer i's window: [kh kw] (a number: square) of whole numbers >= 1, or,
 * for a global pooling layer, also 'global' (k = 0 0). */
static void layer_window(const mxArray *L, mwIndex i, int global, nn_int *k)
{
    char what[64];
    snprintf(what, sizeof what, "layer %lu's window", (unsigned long)i + 1);
    (void)nnm_window(FN, "layers", what, layer_field(L, i, "window"), global, k);
}

/* W and b of layer i checked against the sizes the network gives (nW, nb
 * elements; dense: units x in; conv: kh x kw x Cin x Cout), and the
 * layer's optimizer states read. */
static void layer_params(const mxArray *Lin, const mxArray *SWin,
                         const mxArray *Sbin, const fit_args *a, nn_int i,
                         nn_int nW, nn_int nb, nn_fit_layer_d *ld,
                         nn_fit_layer_s *ls)
{
    const mxArray *W = layer_field(Lin, (mwIndex)i, "W");
    const mxArray *bb = layer_field(Lin, (mwIndex)i, "b");
    char d1[96], d2[96];
    double sw, sb;
    int fw, fb;
    if (ld[i].type == NN_FIT_DENSE)
        nnm_check_same_class(FN, W, "a layer's W", a->X, "X");
    else
        nnm_check_array(FN, W, "a layer's W", 4, a->X, "X");
    nnm_check_same_class(FN, bb, "a layer's b", a->X, "X");
    if (ld[i].type == NN_FIT_DENSE) {
        nn_int in = ld[i].units > 0 ? nW / ld[i].units : 0;
        if ((nn_int)mxGetN(W) != in || (nn_int)mxGetM(W) != ld[i].units ||
            mxGetM(bb) != mxGetM(W) || mxGetN(bb) != 1)
            nnm_error(FN, "size", "layer %ld: W must be units x %ld and b units "
                      "x 1, but they are %s and %s", (long)i + 1, (long)in,
                      nnm_describe(W, d1, sizeof d1), nnm_describe(bb, d2, sizeof d2));
    } else {
        nn_int wd[4];
        nnm_dims(W, 4, wd);
        if (wd[0] != ld[i].kh || wd[1] != ld[i].kw || wd[3] != ld[i].units ||
            (nn_int)mxGetNumberOfElements(W) != nW ||
            (nn_int)mxGetNumberOfElements(bb) != nb || mxGetN(bb) != 1)
            nnm_error(FN, "size", "layer %ld: a conv2d layer's W must be %ldx%ldx%ldx%ld "
                      "and b %ldx1, but they are %s and %s", (long)i + 1,
                      (long)ld[i].kh, (long)ld[i].kw,
                      (long)(nW / (ld[i].kh * ld[i].kw * ld[i].units)),
                      (long)ld[i].units, (long)nb, nnm_describe(W, d1, sizeof d1),
                      nnm_describe(bb, d2, sizeof d2));
    }
    fw = nnm_state_read(FN, mxGetCell(SWin, (mwIndex)i), "SW{i}", W,
                        "the layer's W", a->oc.kind, &a->oc.o, &sw);
    fb = nnm_state_read(FN, mxGetCell(Sbin, (mwIndex)i), "Sb{i}", bb,
                        "the layer's b", a->oc.kind, &a->oc.o, &sb);
    ld[i].stepsW = ls[i].stepsW = sw;
    ld[i].stepsb = ls[i].stepsb = sb;
    ld[i].freshW = ls[i].freshW = fw;
    ld[i].freshb = ls[i].freshb = fb;
}

int nnm_fit_has_params(const nn_fit_layer_d *ld, nn_int i)
{
    return ld[i].type == NN_FIT_DENSE || ld[i].type == NN_FIT_CONV;
}

nn_int nnm_fit_parse_layers(const mxArray *Lin, const mxArray *SWin,
                            const mxArray *Sbin, const fit_args *a,
                            nn_fit_layer_d *ld, nn_fit_layer_s *ls)
{
    nn_int i, nl = (nn_int)mxGetNumberOfElements(Lin), K = 0;
    nn_int *nW, *nb;
    nn_fit_config cfg;
    char msg[400];
    int st;
    for (i = 0; i < nl; i++) {
        char *type = NULL;
        const mxArray *t = layer_field(Lin, (mwIndex)i, "type");
        nn_fit_layer_d *L = ld + i;
        if (mxIsChar(t))
            type = nnm_string(t);
        if (type != NULL && strcmp(type, "dense") == 0) {
            const mxArray *W = layer_field(Lin, (mwIndex)i, "W");
            L->type = NN_FIT_DENSE;
            L->units = (nn_int)mxGetM(W);
            if (L->units < 1)
                nnm_error(FN, "size", "layer %ld: a dense layer's W must have at "
                          "least one row (one per unit)", (long)i + 1);
        } else if (type != NULL && strcmp(type, "act") == 0) {
            act_ctx ac;
            char *an = nnm_get_name(FN, layer_field(Lin, (mwIndex)i, "act"),
                                    "a layer's activation");
            ac.kind = nn_act_lookup(an);
            if (ac.kind < 0)
                nnm_error(FN, "name", "layer %ld: unknown activation '%s'; choose "
                          "one of %s", (long)i + 1, an, nn_act_names());
            mxFree(an);
            nn_act_defaults(ac.kind, &ac.o);
            layer_options(Lin, (mwIndex)i, set_act, &ac);
            L->type = NN_FIT_ACT;
            L->act = ac.kind;
            L->act_opts = ac.o;
        } else if (type != NULL && strcmp(type, "conv2d") == 0) {
            nn_int k[2];
            const mxArray *u = layer_field(Lin, (mwIndex)i, "units");
            if (!mxIsDouble(u) || mxGetNumberOfElements(u) != 1 || mxIsComplex(u) ||
                !(mxGetScalar(u) >= 1 && mxGetScalar(u) <= 2147483647.0) ||
                mxGetScalar(u) != floor(mxGetScalar(u)))
                nnm_error(FN, "layers", "layer %ld: a conv2d layer's units must be "
                          "its number of filters, a whole number >= 1", (long)i + 1);
            layer_window(Lin, (mwIndex)i, 0, k);
            L->type = NN_FIT_CONV;
            L->units = (nn_int)mxGetScalar(u);
            L->kh = k[0];
            L->kw = k[1];
            nn_conv2d_defaults(&L->conv_opts);
            layer_options(Lin, (mwIndex)i, set_conv, &L->conv_opts);
        } else if (type != NULL && (strcmp(type, "maxpool") == 0 ||
                                    strcmp(type, "avgpool") == 0 ||
                                    strcmp(type, "globalavgpool") == 0)) {
            nn_int k[2];
            L->type = NN_FIT_POOL;
            L->act = strcmp(type, "maxpool") == 0 ? NN_POOL_MAX : NN_POOL_AVG;
            layer_window(Lin, (mwIndex)i, strcmp(type, "globalavgpool") == 0, k);
            L->kh = k[0];
            L->kw = k[1];
            nn_pool_defaults(&L->pool_opts);
            layer_options(Lin, (mwIndex)i, set_pool, &L->pool_opts);
            if (L->kh == 0 && (L->pool_opts.pad[0] != 0 || L->pool_opts.pad[1] != 0))
                nnm_error(FN, "optionValue", "layer %ld: global pooling takes no "
                          "'Padding'", (long)i + 1);
        } else if (type != NULL && strcmp(type, "flatten") == 0) {
            L->type = NN_FIT_FLATTEN;
        } else {
            nnm_error(FN, "layers", "layer %ld has type %s%s%s; nn_fit trains "
                      "layers of type 'dense', 'act', 'conv2d', 'maxpool', 'avgpool', "
                      "'globalavgpool' and 'flatten' only", (long)i + 1,
                      type != NULL ? "'" : "", type != NULL ? type : "(not text)",
                      type != NULL ? "'" : "");
        }
        if (type != NULL)
            mxFree(type);
        ls[i].type = L->type;            /* the parts without typed arrays */
        ls[i].units = L->units;
        ls[i].act = L->act;
        ls[i].act_opts = L->act_opts;
        ls[i].kh = L->kh;
        ls[i].kw = L->kw;
        ls[i].conv_opts = L->conv_opts;
        ls[i].pool_opts = L->pool_opts;
    }

    /* the shapes, and the parameters against them */
    memset(&cfg, 0, sizeof cfg);
    cfg.in = a->in;
    cfg.xcols = a->xcols;
    memcpy(cfg.image, a->image, sizeof cfg.image);
    nW = (nn_int *)mxMalloc((nl ? (size_t)nl : 1) * sizeof(nn_int));
    nb = (nn_int *)mxMalloc((nl ? (size_t)nl : 1) * sizeof(nn_int));
    msg[0] = '\0';
    st = nn_fit_sizes_d(&cfg, nl, ld, nW, nb, &K, msg, sizeof msg);
    if (st == NN_EARG)
        nnm_error(FN, "size", "%s", msg);
    if (st == NN_ETOOBIG)
        nnm_error(FN, "tooLarge", "%s", msg[0] ? msg : "the network's layers are too large");
    nnm_check_status(FN, st);
    for (i = 0; i < nl; i++)
        if (nnm_fit_has_params(ld, i))
            layer_params(Lin, SWin, Sbin, a, i, nW[i], nb[i], ld, ls);
    mxFree(nW);
    mxFree(nb);
    return K;
}

void nnm_fit_bind_layers(const mxArray *Lin, const mxArray *SWin,
                         const mxArray *Sbin, const fit_args *a, mxArray *Lout,
                         mxArray *SWout, mxArray *Sbout, nn_fit_layer_d *ld,
                         nn_fit_layer_s *ls)
{
    nn_int i, nl = (nn_int)mxGetNumberOfElements(Lin);
    int k;
    for (i = 0; i < nl; i++) {
        const mxArray *sw = mxGetCell(SWin, (mwIndex)i), *sb = mxGetCell(Sbin, (mwIndex)i);
        if (nnm_fit_has_params(ld, i)) {
            mxArray *W = mxGetField(Lout, (mwIndex)i, "W");
            mxArray *bb = mxGetField(Lout, (mwIndex)i, "b");
            const mxArray *W0 = mxGetField(Lin, (mwIndex)i, "W");
            const mxArray *b0 = mxGetField(Lin, (mwIndex)i, "b");
            void *bw[NN_OPTIM_MAX_BUFFERS], *bbuf[NN_OPTIM_MAX_BUFFERS];
            mxSetCell(SWout, (mwIndex)i, nnm_state_write(FN, sw, ld[i].freshW, W,
                      a->oc.kind, &a->oc.o, ld[i].stepsW, bw));
            mxSetCell(Sbout, (mwIndex)i, nnm_state_write(FN, sb, ld[i].freshb, bb,
                      a->oc.kind, &a->oc.o, ld[i].stepsb, bbuf));
            ld[i].W = (double *)mxGetData(W);
            ld[i].b = (double *)mxGetData(bb);
            ls[i].W = (float *)mxGetData(W);
            ls[i].b = (float *)mxGetData(bb);
            ld[i].W0 = (const double *)mxGetData(W0);
            ld[i].b0 = (const double *)mxGetData(b0);
            ls[i].W0 = (const float *)mxGetData(W0);
            ls[i].b0 = (const float *)mxGetData(b0);
            for (k = 0; k < a->nb; k++) {
                const void *w0 = ld[i].freshW ? NULL :
                                 mxGetData(mxGetField(sw, 0, a->bufnames[k]));
                const void *v0 = ld[i].freshb ? NULL :
                                 mxGetData(mxGetField(sb, 0, a->bufnames[k]));
                ld[i].bufW[k] = (double *)bw[k];
                ld[i].bufb[k] = (double *)bbuf[k];
                ls[i].bufW[k] = (float *)bw[k];
                ls[i].bufb[k] = (float *)bbuf[k];
                ld[i].bufW0[k] = (const double *)w0;
                ld[i].bufb0[k] = (const double *)v0;
                ls[i].bufW0[k] = (const float *)w0;
                ls[i].bufb0[k] = (const float *)v0;
            }
        } else {
            if (sw != NULL)
                mxSetCell(SWout, (mwIndex)i, mxDuplicateArray(sw));
            if (sb != NULL)
                mxSetCell(Sbout, (mwIndex)i, mxDuplicateArray(sb));
        }
    }
}
