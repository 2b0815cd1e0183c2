/* The layers of a fused epoch (see nn_fit.h): the network's shapes, and
 * each layer's forward and backward step as the kernels of nn_train's
 * step-by-step path compute them (dense, act, conv, pool, flatten).  The
 * epoch around them is fit.c. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "nn_real.h"
#include "fit_internal.h"

#define NN_FIT_LAYER NN_(nn_fit_layer)

static int fail(char *msg, size_t len, int st, nn_int i, const char *why)
{
    if (msg != NULL && len > 0 && i >= 0)
        snprintf(msg, len, "layer %ld: %s", (long)i + 1, why);
    else if (msg != NULL && len > 0)
        snprintf(msg, len, "%s", why);
    return st;
}

int NN_(nn_fit_net_plan)(const nn_fit_config *c, nn_int nlayers,
                         const NN_FIT_LAYER *layers, nn_int bb,
                         nn_fit_net *w, char *msg, size_t msglen)
{
    nn_int i, h = 0, wd = 0, ch = 0, width = c->in;
    int img = c->image[0] > 0 || c->image[1] > 0 || c->image[2] > 0;
    char why[200];
    size_t nl = (size_t)(nlayers > 0 ? nlayers : 0);
    memset(w, 0, sizeof *w);
    w->first = -1;
    w->maxw = 1;
    w->width = (nn_int *)malloc((3 * nl + 1) * sizeof(nn_int));
    w->img = (char *)malloc(nl + 1);
    w->swap = (char *)calloc(nl + 1, 1);
    w->win = (unsigned char **)calloc(nl + 1, sizeof(unsigned char *));
    w->conv = (nn_conv2d_shape *)calloc(nl + 1, sizeof(nn_conv2d_shape));
    w->pool = (nn_pool_shape *)calloc(nl + 1, sizeof(nn_pool_shape));
    if (w->width == NULL || w->img == NULL || w->swap == NULL || w->win == NULL ||
        w->conv == NULL || w->pool == NULL)
        return NN_ENOMEM;
    w->nW = w->width + nl + 1;
    w->nb = w->nW + nl;
    if (img) {
        h = c->image[0];
        wd = c->image[1];
        ch = c->image[2];
        if (h < 1 || wd < 1 || ch < 1 || !c->xcols || nn_fit_mul(nn_fit_mul(h, wd), ch) != c->in)
            return fail(msg, msglen, NN_EARG, -1, "the image size must be 3 sizes "
                        ">= 1 whose product is the width of X, with X by columns");
    }
    w->width[0] = width;
    w->img[0] = (char)img;
    for (i = 0; i < nlayers; i++) {
        const NN_FIT_LAYER *L = layers + i;
        w->nW[i] = w->nb[i] = 0;
        switch (L->type) {
        case NN_FIT_DENSE:
            if (img)
                return fail(msg, msglen, NN_EARG, i, "a dense layer takes rows; "
                            "put a flatten layer before it");
            if (L->units < 0)
                return fail(msg, msglen, NN_EARG, i, "a dense layer needs units >= 0");
            if ((w->nW[i] = nn_fit_mul(L->units, width)) < 0)
                return NN_ETOOBIG;
            w->nb[i] = L->units;
            width = L->units;
            break;
        case NN_FIT_ACT:
            if (L->act < 0 || L->act >= NN_ACT_COUNT)
                return fail(msg, msglen, NN_EARG, i, "unknown activation");
            break;
        case NN_FIT_CONV: {
            nn_conv2d_shape *s = w->conv + i;
            int st;
            if (!img)
                return fail(msg, msglen, NN_EARG, i, "a conv2d layer takes images");
            s->H = h; s->W = wd; s->C = ch; s->N = bb;
            s->kh = L->kh; s->kw = L->kw; s->Cout = L->units;
            if (s->kh < 1 || s->kw < 1 || s->Cout < 1)
                return fail(msg, msglen, NN_EARG, i, "a conv2d layer needs a window "
                            "of at least 1 x 1 and at least one filter");
            why[0] = '\0';
            st = nn_conv2d_setup(s, &L->conv_opts, why, sizeof why);
            if (st != NN_OK)
                return fail(msg, msglen, st == NN_ETOOBIG ? st : NN_EARG, i, why);
            if ((w->nW[i] = nn_fit_mul(nn_fit_mul(nn_fit_mul(s->kh, s->kw), ch / s->groups),
                                       s->Cout)) < 0)
                return NN_ETOOBIG;
            w->nb[i] = s->Cout;
            h = s->Ho; wd = s->Wo; ch = s->Cout;
            break;
        }
        case NN_FIT_POOL: {
            nn_pool_shape *s = w->pool + i;
            int st;
            if (!img)
                return fail(msg, msglen, NN_EARG, i, "a pooling layer takes images");
            if (L->act != NN_POOL_MAX && L->act != NN_POOL_AVG)
                return fail(msg, msglen, NN_EARG, i, "unknown pooling type");
            s->H = h; s->W = wd; s->C = ch; s->N = bb;
            s->kh = L->kh > 0 ? L->kh : h;
            s->kw = L->kw > 0 ? L->kw : wd;
            why[0] = '\0';
            st = nn_pool_setup(s, &L->pool_opts, why, sizeof why);
            if (st != NN_OK)
                return fail(msg, msglen, st == NN_ETOOBIG ? st : NN_EARG, i, why);
            h = s->Ho; wd = s->Wo;
            /* a relu on these images just before: pool first (see
             * nn_fit_pair_forward) */
            if (L->act == NN_POOL_MAX && i > 0 && layers[i - 1].type == NN_FIT_ACT &&
                layers[i - 1].act == NN_ACT_RELU)
                w->swap[i - 1] = 1;
            break;
        }
        case NN_FIT_FLATTEN:
            if (!img)
                return fail(msg, msglen, NN_EARG, i, "a flatten layer takes images");
            img = 0;
            break;
        default:
            return fail(msg, msglen, NN_EARG, i, "unknown layer type");
        }
        if (img && (width = nn_fit_mul(nn_fit_mul(h, wd), ch)) < 0)
            return NN_ETOOBIG;
        if ((w->nW[i] > 0 || w->nb[i] > 0) && w->first < 0)
            w->first = i;
        w->width[i + 1] = width;
        w->img[i + 1] = (char)img;
        if (width > w->maxw)
            w->maxw = width;
    }
    if (img)
        return fail(msg, msglen, NN_EARG, nlayers - 1, "the network ends on "
                    "images; end it with a flatten layer (and dense layers)");
    return NN_OK;
}

int NN_(nn_fit_sizes)(const nn_fit_config *c, nn_int nlayers,
                      const NN_FIT_LAYER *layers, nn_int *nW, nn_int *nb,
                      nn_int *K, char *msg, size_t msglen)
{
    nn_fit_net w;
    nn_int i;
    int st;
    if (c == NULL || (nlayers > 0 && (layers == NULL || nW == NULL || nb == NULL)) ||
        K == NULL)
        return NN_EARG;
    st = NN_(nn_fit_net_plan)(c, nlayers, layers, 1, &w, msg, msglen);
    if (st == NN_OK) {
        for (i = 0; i < nlayers; i++) {
            nW[i] = w.nW[i];
            nb[i] = w.nb[i];
        }
        *K = w.width[nlayers > 0 ? nlayers : 0];
    }
    nn_fit_net_free(&w);
    return st;
}

/* B (n x m) = A' for A m x n (leading dimension m), in blocks that stay in
 * cache.  Exact: only copies. */
static void transpose(nn_int m, nn_int n, const real *A, real *B)
{
    enum { T = 32 };
    nn_int i0, j0, i, j;
    for (j0 = 0; j0 < n; j0 += T)
        for (i0 = 0; i0 < m; i0 += T) {
            nn_int i1 = i0 + T < m ? i0 + T : m, j1 = j0 + T < n ? j0 + T : n;
            for (i = i0; i < i1; i++)
                for (j = j0; j < j1; j++)
                    B[j + i * n] = A[i + j * m];
        }
}

int NN_(nn_fit_layer_forward)(const NN_FIT_LAYER *L, const nn_fit_net *w,
                              nn_int i, nn_int m, const real *x, nn_int ldx,
                              real *y)
{
    nn_int in = w->width[i];
    switch (L->type) {
    case NN_FIT_DENSE:
        return NN_(nn_dense_forward_ld)(m, in, L->units, x, ldx, L->W, L->b, y);
    case NN_FIT_ACT:
        /* images: the width x m matrix, as nn_train's act layer reshapes
         * them */
        return w->img[i] ? NN_(nn_act_forward)(L->act, &L->act_opts, in, m, x, y)
                         : NN_(nn_act_forward)(L->act, &L->act_opts, m, in, x, y);
    case NN_FIT_CONV: {
        nn_conv2d_shape s = w->conv[i];
        s.N = m;
        return NN_(nn_conv2d_forward_ws)(&s, x, L->W, L->b, y, (real *)w->cwork);
    }
    case NN_FIT_POOL: {
        nn_pool_shape s = w->pool[i];
        s.N = m;
        if (w->win[i] != NULL)
            return NN_(nn_pool_max2_forward)(&s, x, y, w->win[i]);
        return NN_(nn_pool_forward)(L->act, &s, x, y);
    }
    case NN_FIT_FLATTEN:
        transpose(in, m, x, y);      /* width x m images -> m x width rows */
        return NN_OK;
    default:
        return NN_EARG;
    }
}

int NN_(nn_fit_layer_backward)(const NN_FIT_LAYER *L, const nn_fit_net *w,
                               nn_int i, nn_int m, const real *x, nn_int ldx,
                               const real *dy, real *dx, real *gW, real *gb)
{
    nn_int in = w->width[i];
    switch (L->type) {
    case NN_FIT_DENSE:
        return NN_(nn_dense_backward_ld)(m, in, L->units, x, ldx, L->W, dy, dx,
                                         gW, gb);
    case NN_FIT_ACT:
        if (dx == NULL)
            return NN_OK;
        return w->img[i]
            ? NN_(nn_act_backward)(L->act, &L->act_opts, in, m, x, dy, dx)
            : NN_(nn_act_backward)(L->act, &L->act_opts, m, in, x, dy, dx);
    case NN_FIT_CONV: {
        nn_conv2d_shape s = w->conv[i];
        s.N = m;
        return NN_(nn_conv2d_backward_ws)(&s, x, L->W, dy, dx, gW, gb,
                                          (real *)w->cwork);
    }
    case NN_FIT_POOL: {
        nn_pool_shape s = w->pool[i];
        s.N = m;
        if (dx == NULL)
            return NN_OK;
        if (w->win[i] != NULL)
            return NN_(nn_pool_max2_backward)(&s, w->win[i], dy, dx);
        return NN_(nn_pool_backward)(L->act, &s, x, dy, dx);
    }
    case NN_FIT_FLATTEN:
        if (dx != NULL)
            transpose(m, in, dy, dx);   /* m x width rows -> width x m */
        return NN_OK;
    default:
        return NN_EARG;
    }
}

int NN_(nn_fit_pair_forward)(const NN_FIT_LAYER *layers, const nn_fit_net *w,
                             nn_int i, nn_int m, const real *x, real *zmid, real *y)
{
    int st = NN_(nn_fit_layer_forward)(layers + i + 1, w, i + 1, m, x, m, zmid);
    if (st != NN_OK)
        return st;
    return NN_(nn_act_forward)(layers[i].act, &layers[i].act_opts, w->width[i + 2], m,
                               zmid, y);
}

int NN_(nn_fit_pair_backward)(const NN_FIT_LAYER *layers, const nn_fit_net *w,
                              nn_int i, nn_int m, const real *x, const real *zmid,
                              const real *dy, real *dmid, real *dx)
{
    int st;
    if (dx == NULL)
        return NN_OK;
    st = NN_(nn_act_backward)(layers[i].act, &layers[i].act_opts, w->width[i + 2], m,
                              zmid, dy, dmid);
    if (st != NN_OK)
        return st;
    return NN_(nn_fit_layer_backward)(layers + i + 1, w, i + 1, m, x, m, dmid, dx,
                                      NULL, NULL);
}
