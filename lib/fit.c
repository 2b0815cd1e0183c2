/* A fused training epoch (see nn_fit.h): the kernels of nn_train's
 * step-by-step path, called in the same order on the same data, with one
 * scratch buffer kept between calls and no allocation per step.  An epoch
 * is a plan of its workspace (plan_epoch), then per step: load_batch,
 * forward, the loss, backward and update_layers.  The gathers are in
 * fit_gather.c, the loop over epochs in fit_epochs.c. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "nn_real.h"
#include "alloc.h"
#include "fit_internal.h"

#define NN_FIT_LAYER NN_(nn_fit_layer)

#include "clones.h"   /* WIDE */

/* Every element finite: x - x is 0 for finite x and NaN for Inf or NaN.
 * No early exit, so that the loop vectorises. */
WIDE static int all_finite(const real *p, nn_int count)
{
    nn_int i;
    int ok = 1;
    for (i = 0; i < count; i++)
        ok &= (p[i] - p[i] == 0);
    return ok;
}

/* The row-wise argmax of rows r0 .. r0+n-1 of the m x k matrix x into
 * a[0 .. n-1] (n <= NN_FIT_HIT_TILE): the index of each row's first
 * largest element, NaN skipped (0 when all are NaN), as Octave's max.
 * Column by column over the rows, without a branch, so that it vectorises:
 * a row-by-row walk with its branches was 8% of a small net's step
 * (64-32-10, batch 32). */
#define NN_FIT_HIT_TILE 64
WIDE static void argmax_rows(const real *x, nn_int m, nn_int k, nn_int r0,
                             nn_int n, nn_int *a)
{
    real best[NN_FIT_HIT_TILE];
    nn_int j, r;
    for (r = 0; r < n; r++) {
        best[r] = 0;
        a[r] = -1;
    }
    for (j = 0; j < k; j++) {
        const real *xj = x + j * m + r0;
        for (r = 0; r < n; r++) {
            real v = xj[r];
            int take = (v == v) & ((a[r] < 0) | (v > best[r]));
            best[r] = take ? v : best[r];
            a[r] = take ? j : a[r];
        }
    }
    for (r = 0; r < n; r++)
        a[r] = a[r] < 0 ? 0 : a[r];
}

/* The hits of a batch (see nn_fit_metric): Z m x k, T m x tcols. */
static double batch_hits(int metric, nn_int m, nn_int k, const real *Z,
                         nn_int tcols, const real *T)
{
    nn_int r, e, r0;
    double h = 0;
    switch (metric) {
    case NN_FIT_METRIC_ARGMAX:
        for (r0 = 0; r0 < m; r0 += NN_FIT_HIT_TILE) {
            nn_int n = m - r0 < NN_FIT_HIT_TILE ? m - r0 : NN_FIT_HIT_TILE;
            nn_int p[NN_FIT_HIT_TILE], q[NN_FIT_HIT_TILE];
            argmax_rows(Z, m, k, r0, n, p);
            if (tcols == 1) {
                for (r = 0; r < n; r++)
                    h += (real)(p[r] + 1) == T[r0 + r];
            } else {
                argmax_rows(T, m, tcols, r0, n, q);
                for (r = 0; r < n; r++)
                    h += p[r] == q[r];
            }
        }
        break;
    case NN_FIT_METRIC_PROB:
        for (e = 0; e < m * k; e++)
            h += (Z[e] >= R(0.5)) == (T[e] >= R(0.5));
        break;
    case NN_FIT_METRIC_LOGIT:
        for (e = 0; e < m * k; e++)
            h += (Z[e] > 0) == (T[e] > R(0.5));
        break;
    default:
        break;
    }
    return h;
}

/* One optimizer step on P (count elements) with gradient G, as
 * nn_optim_step on the whole array, done in chunks that stay in cache while
 * they are also checked for finiteness (and, when sq is not NULL, first
 * get the L2 term: G = G + l2*P, *sq = sum(P.^2) in order).  Every
 * optimizer updates each element from its own values alone, so chunks give
 * the same bits as one call. */
static int update(const nn_fit_config *c, int nbuf, nn_int count, real *P,
                  real *G, real *const *bufs, double *steps, int *fresh,
                  real *sq, int *finite)
{
    enum { CHUNK = 2048 };
    double step = (*fresh ? 0 : *steps) + 1;
    real l2 = (real)c->l2, s = 0;
    nn_int off, k;
    int b, ok = 1;
    for (off = 0; off < count; off += CHUNK) {
        nn_int m = count - off < CHUNK ? count - off : CHUNK;
        real *cb[NN_OPTIM_MAX_BUFFERS];
        int st;
        for (b = 0; b < NN_OPTIM_MAX_BUFFERS; b++)
            cb[b] = b < nbuf ? bufs[b] + off : NULL;
        if (sq != NULL) {
            real *g = G + off;
            const real *p = P + off;
            for (k = 0; k < m; k++) {
                real d = l2 * p[k];
                g[k] = g[k] + d;
            }
            for (k = 0; k < m; k++) {
                real p2 = p[k] * p[k];
                s += p2;
            }
        }
        st = NN_(nn_optim_step)(c->optim, c->optim_opts, m, P + off, G + off, cb,
                              step, *fresh);
        if (st != NN_OK)
            return st;
        ok &= all_finite(P + off, m);
    }
    if (sq != NULL)
        *sq = s;
    *finite = *finite && ok;
    *steps = step;
    *fresh = 0;
    return NN_OK;
}

/* The workspace of an epoch: the network's shapes, the offsets of the
 * outputs Z and of the gradients in one scratch buffer, the chunk. */
typedef struct {
    nn_fit_net net;                  /* widths, layouts, parameter sizes */
    nn_int cr;                       /* rows per chunk (0: X by columns) */
    nn_int K;                        /* the network's output width */
    nn_int first;                    /* the first layer with parameters,
                                        or -1 */
    nn_int *goff;                    /* nlayers entries */
    nn_int *slot, *src, *dst;        /* the chunk's order (nn_chunk_order) */
    real *ws, *lwork;                /* the reals; the loss's scratch */
    real *Xc, *Xb, *Tb, *D0, *D1;    /* chunk, batch, targets, dZ twice */
    real **Z;                        /* Z[0] the batch, Z[i+1] layer i's out */
    nn_int c0, cm;                   /* the chunk in Xc: steps' rows c0.. */
    int xcols;                       /* c->xcols it was made for */
} plan;

static void plan_free(plan *p)
{
    free(p->Z);
    free(p->goff);
    nn_fit_net_free(&p->net);
}

void NN_(nn_fit_kept_free)(void **kept)
{
    if (kept != NULL && *kept != NULL) {
        plan_free((plan *)*kept);
        free(*kept);
        *kept = NULL;
    }
}

/* The shapes and the workspace of an epoch (in nn_scratch). */
static int plan_epoch(const nn_fit_config *c, nn_int nlayers,
                      const NN_FIT_LAYER *layers, plan *p)
{
    nn_int n = c->n, np = nn_fit_np(c), in = c->in, B = c->batch;
    nn_int bb = B < np ? B : np;
    nn_int i, total = 0, sz, xcoff, toff, lwork, cwork, cw;
    nn_int *zoff, *woff;
    int st;
    memset(p, 0, sizeof *p);
    p->xcols = c->xcols;
    st = NN_(nn_fit_net_plan)(c, nlayers, layers, bb > 0 ? bb : 1, &p->net,
                              NULL, 0);
    if (st != NN_OK)
        return st;
    p->first = p->net.first;
    p->cr = c->xcols ? 0 : NN_(nn_chunk_rows)(c);
    p->goff = (nn_int *)malloc(3 * ((size_t)nlayers + 1) * sizeof(nn_int));
    p->Z = (real **)malloc(((size_t)nlayers + 1) * sizeof(real *));
    if (p->goff == NULL || p->Z == NULL)
        return NN_ENOMEM;
    zoff = p->goff + nlayers + 1;
    woff = zoff + nlayers + 1;
    for (i = 0; i < nlayers; i++) {
        const NN_FIT_LAYER *L = layers + i;
        if (p->net.nW[i] + p->net.nb[i] > 0 &&
            ((p->net.nW[i] > 0 && L->W == NULL) || (p->net.nb[i] > 0 && L->b == NULL)))
            return NN_EARG;
    }
    /* the chunk Xc, Xb (a contiguous batch, needed when the first layer is
     * not dense), Tb */
    if ((sz = nn_fit_mul(p->cr, in)) < 0) return NN_ETOOBIG;
    xcoff = total; total += sz;
    if ((sz = nn_fit_mul(bb, in)) < 0) return NN_ETOOBIG;
    zoff[0] = total;
    if (c->xcols || nlayers == 0 || layers[0].type != NN_FIT_DENSE)
        total += sz;
    if ((sz = nn_fit_mul(bb, c->tcols)) < 0) return NN_ETOOBIG;
    toff = total;
    total += sz;
    if (total > PTRDIFF_MAX / (nn_int)sizeof(real) / 4)
        return NN_ETOOBIG;
    for (i = 0; i < nlayers; i++) {
        p->goff[i] = -1;
        if (p->net.nW[i] + p->net.nb[i] > 0) {
            p->goff[i] = total;
            total += p->net.nW[i] + p->net.nb[i];
        }
        if ((sz = nn_fit_mul(bb, p->net.width[i + 1])) < 0) return NN_ETOOBIG;
        zoff[i + 1] = total;
        total += sz;
        if (total > PTRDIFF_MAX / (nn_int)sizeof(real) / 4)
            return NN_ETOOBIG;
    }
    p->K = p->net.width[nlayers];
    /* the conv layers' im2col buffer, one for all of them (on a 64-byte
     * boundary) */
    total = (total + 15) / 16 * 16;
    cwork = total;
    for (i = 0, cw = 0; i < nlayers; i++)
        if (layers[i].type == NN_FIT_CONV) {
            nn_int e = NN_(nn_conv2d_work)(p->net.conv + i);
            if (e < 0)
                return NN_EARG;
            cw = e > cw ? e : cw;
        }
    total += cw;
    /* the winners of each 2 x 2 max pooling, bytes in whole reals */
    for (i = 0; i < nlayers; i++) {
        woff[i] = -1;
        if (layers[i].type == NN_FIT_POOL && layers[i].act == NN_POOL_MAX &&
            nn_pool_is_max2(p->net.pool + i)) {
            if ((sz = nn_fit_mul(bb, p->net.width[i + 1])) < 0)
                return NN_ETOOBIG;
            woff[i] = total;
            total += (sz + (nn_int)sizeof(real) - 1) / (nn_int)sizeof(real);
            if (total > PTRDIFF_MAX / (nn_int)sizeof(real) / 4)
                return NN_ETOOBIG;
        }
    }
    if ((sz = nn_fit_mul(bb, p->net.maxw)) < 0) return NN_ETOOBIG;
    total += 2 * sz;
    lwork = total;                       /* the loss's scratch */
    total += NN_LOSS_WORK(bb);
    if (total > PTRDIFF_MAX / (nn_int)sizeof(real) / 4)
        return NN_ETOOBIG;
    /* one buffer, kept between calls (nn_scratch): first slot, src and dst
     * (the chunk's order), then the reals, 64-byte aligned */
    {
        size_t ib = n > 0 && !c->xcols ?
                    ((size_t)n + 2 * (size_t)p->cr) * sizeof(nn_int) : 0;
        char *mem;
        ib = (ib + 63) / 64 * 64;
        mem = (char *)nn_scratch(ib + (size_t)total * sizeof(real));
        if (mem == NULL)
            return NN_ENOMEM;
        p->ws = (real *)(mem + ib);
        if (ib > 0) {
            p->slot = (nn_int *)mem;
            p->src = p->slot + n;
            p->dst = p->src + p->cr;
            for (i = 0; i < n; i++)
                p->slot[i] = -1;
        }
    }
    p->Xc = p->ws + xcoff;
    p->Xb = p->ws + zoff[0];
    p->Tb = p->ws + toff;
    for (i = 0; i <= nlayers; i++)
        p->Z[i] = p->ws + zoff[i];
    p->lwork = p->ws + lwork;
    p->net.cwork = cw > 0 ? (void *)(p->ws + cwork) : NULL;
    for (i = 0; i < nlayers; i++)
        p->net.win[i] = woff[i] >= 0 ? (unsigned char *)(p->ws + woff[i]) : NULL;
    p->D0 = p->lwork - 2 * sz;
    p->D1 = p->D0 + sz;
    return NN_OK;
}

/* Step s's batch (m rows): *x0 (leading dimension *ldx0) its inputs, Tb
 * its targets.  With rows, gathers a new chunk into Xc when the step
 * leaves the last one. */
static int load_batch(const nn_fit_config *c, nn_int nlayers,
                      const NN_FIT_LAYER *layers, const real *X,
                      const real *T, plan *p, nn_int s, nn_int m,
                      const real **x0, nn_int *ldx0)
{
    nn_int n = c->n, np = nn_fit_np(c), in = c->in, B = c->batch, r, j;
    const nn_int *rows = c->perm + s * B;
    if (c->xcols) {
        /* one observation a column: the batch's columns, gathered straight
         * into Xb */
        for (r = 0; r < m; r++)
            if (rows[r] < 0 || rows[r] >= n)
                return NN_EARG;
        if (p->net.img[0])       /* images: the columns side by side */
            for (r = 0; r < m; r++)
                memcpy(p->Xb + r * in, X + rows[r] * in, (size_t)in * sizeof(real));
        else
            NN_(nn_gather_columns)(in, X, rows, m, p->Xb);
        *x0 = p->Xb;
        *ldx0 = m;
    } else {
        if (s * B >= p->c0 + p->cm) {
            /* a new chunk: its rows gathered from X into Xc; X in cache (up
             * to 1 MB): read in the chunk's order; larger: in row order
             * (nn_chunk_order), each cache line of X once */
            const nn_int *cp;
            int sorted;
            p->c0 = s * B;
            p->cm = np - p->c0 < p->cr ? np - p->c0 : p->cr;
            cp = c->perm + p->c0;
            for (r = 0; r < p->cm; r++)
                if (cp[r] < 0 || cp[r] >= n)
                    return NN_EARG;
            sorted = c->gather == 2 ||
                (c->gather != 1 && (double)n * (double)in * sizeof(real) > 1048576.0);
            if (sorted && NN_(nn_chunk_order)(n, cp, p->cm, p->slot, p->src, p->dst))
                NN_(nn_gather_sorted)(n, in, X, p->src, p->dst, p->cm, p->Xc);
            else
                NN_(nn_gather_direct)(n, in, X, cp, p->cm, p->Xc);
        }
        /* the batch: rows s*B - c0 ... of Xc (leading dimension cm) */
        *x0 = p->Xc + (s * B - p->c0);
        *ldx0 = p->cm;
        if (nlayers > 0 && layers[0].type != NN_FIT_DENSE) {
            for (j = 0; j < in; j++)
                memcpy(p->Xb + j * m, *x0 + j * p->cm, (size_t)m * sizeof(real));
            *x0 = p->Xb;
            *ldx0 = m;
        }
    }
    for (j = 0; j < c->tcols; j++) {
        const real *t = T + j * n;
        real *d = p->Tb + j * m;
        for (r = 0; r < m; r++)
            d[r] = t[rows[r]];
    }
    return NN_OK;
}

/* Z[i+1] = layer i of Z[i] (Z[0] = x0), layer by layer. */
static int forward(nn_int nlayers, const NN_FIT_LAYER *layers, plan *p,
                   nn_int m, const real *x0, nn_int ldx0)
{
    nn_int i;
    int st = NN_OK;
    for (i = 0; i < nlayers && st == NN_OK; i++) {
        const real *x = i == 0 ? x0 : p->Z[i];
        if (p->net.swap[i]) {            /* relu and max pooling: pooling first */
            st = NN_(nn_fit_pair_forward)(layers, &p->net, i, m, x, p->Z[i + 1],
                                          p->Z[i + 2]);
            i++;
            continue;
        }
        st = NN_(nn_fit_layer_forward)(layers + i, &p->net, i, m, x,
                                       i == 0 ? ldx0 : m, p->Z[i + 1]);
    }
    return st;
}

/* From dZ in D0, the gradients of every layer with parameters (into the
 * workspace), last layer first, down to the first such layer (no dX below
 * it). */
static int backward(nn_int nlayers, const NN_FIT_LAYER *layers, plan *p,
                    nn_int m, const real *x0, nn_int ldx0)
{
    real *cur = p->D0, *other = p->D1, *t;
    nn_int i;
    int st = NN_OK;
    for (i = nlayers - 1; i >= p->first && p->first >= 0; i--) {
        real *gW = p->goff[i] >= 0 ? p->ws + p->goff[i] : NULL;
        if (i > 0 && p->net.swap[i - 1]) {
            /* the pooling of a relu and max pooling pair: relu' through
             * other, the pooling's gradient back into cur */
            st = NN_(nn_fit_pair_backward)(layers, &p->net, i - 1, m,
                                           i == 1 ? x0 : p->Z[i - 1], p->Z[i], cur,
                                           other, i - 1 > p->first ? cur : NULL);
            if (st != NN_OK)
                return st;
            i--;
            continue;
        }
        st = NN_(nn_fit_layer_backward)(layers + i, &p->net, i, m,
                                        i == 0 ? x0 : p->Z[i], i == 0 ? ldx0 : m,
                                        cur, i > p->first ? other : NULL, gW,
                                        gW != NULL ? gW + p->net.nW[i] : NULL);
        if (st != NN_OK)
            return st;
        t = cur;
        cur = other;
        other = t;
    }
    return NN_OK;
}

/* The updates, layer by layer: L2 (added to *Lb), then W, then b; *finite
 * cleared when a parameter is no longer finite. */
static int update_layers(const nn_fit_config *c, int nbuf, nn_int nlayers,
                         NN_FIT_LAYER *layers, plan *p, real *Lb, int *finite)
{
    nn_int i;
    int st;
    for (i = 0; i < nlayers; i++) {
        NN_FIT_LAYER *L = layers + i;
        nn_int cw = p->net.nW[i];
        real *gW, *gb, sq = 0;
        if (p->goff[i] < 0)
            continue;
        gW = p->ws + p->goff[i];
        gb = gW + cw;
        st = update(c, nbuf, cw, L->W, gW, L->bufW, &L->stepsW, &L->freshW,
                    c->l2 > 0 ? &sq : NULL, finite);
        if (st != NN_OK)
            return st;
        if (c->l2 > 0)
            *Lb = *Lb + (real)(c->l2 / 2) * sq;
        st = update(c, nbuf, p->net.nb[i], L->b, gb, L->bufb, &L->stepsb,
                    &L->freshb, NULL, finite);
        if (st != NN_OK)
            return st;
    }
    return NN_OK;
}

int NN_(nn_fit)(const nn_fit_config *c, nn_int nlayers, NN_FIT_LAYER *layers,
                const real *X, const real *T, double *losses, real *Y,
                nn_int *stopped, nn_loss_fact *fact)
{
    void *kept = NULL;
    int st = NN_(nn_fit_kept)(c, nlayers, layers, X, T, losses, Y, stopped, fact,
                              &kept);
    NN_(nn_fit_kept_free)(&kept);
    return st;
}

int NN_(nn_fit_kept)(const nn_fit_config *c, nn_int nlayers, NN_FIT_LAYER *layers,
                     const real *X, const real *T, double *losses, real *Y,
                     nn_int *stopped, nn_loss_fact *fact, void **kept)
{
    const char *names[NN_OPTIM_MAX_BUFFERS];
    nn_int n, np, B, K, nsteps, s, r, j;
    nn_fit_config cx;
    plan *pp;
    int st, nbuf;

    if (stopped != NULL)
        *stopped = 0;
    if (fact != NULL)
        memset(fact, 0, sizeof *fact);
    if (c == NULL || stopped == NULL || kept == NULL)
        return NN_EARG;
    n = c->n;
    B = c->batch;
    if (nlayers < 0 || n < 0 || c->in < 0 ||
        B < 1 || c->tcols < 0 || !(c->l2 >= 0) || (n > 0 && (X == NULL && c->in > 0)) ||
        (n > 0 && c->perm == NULL) || (nlayers > 0 && layers == NULL) ||
        losses == NULL || c->loss_opts == NULL || c->optim_opts == NULL)
        return NN_EARG;
    if (c->loss_opts->reduction == NN_RED_NONE || c->loss_opts->weights != NULL)
        return NN_EARG;
    nbuf = nn_optim_buffers(c->optim, c->optim_opts, names);
    if (n > 0) {
        /* the working copy, when c asks for one and X takes one: the epoch
         * as with xcols, from the copy */
        const real *Xt = NN_(nn_fit_xcopy)(c, X);
        if (Xt != NULL) {
            cx = *c;
            cx.xcols = 1;
            c = &cx;
            X = Xt;
        }
    }
    pp = (plan *)*kept;
    if (pp != NULL && pp->xcols != c->xcols)
        NN_(nn_fit_kept_free)(kept);   /* (the working copy came or went) */
    if (*kept == NULL) {
        pp = (plan *)malloc(sizeof *pp);
        if (pp == NULL)
            return NN_ENOMEM;
        st = plan_epoch(c, nlayers, layers, pp);
        *kept = pp;
        if (st != NN_OK) {
            NN_(nn_fit_kept_free)(kept);
            return st;
        }
    }
    pp = (plan *)*kept;
    pp->c0 = pp->cm = 0;             /* no chunk gathered yet */
    K = pp->K;
    if (c->hits != NULL) {
        if (c->metric < NN_FIT_METRIC_NONE || c->metric > NN_FIT_METRIC_LOGIT ||
            ((c->metric == NN_FIT_METRIC_PROB || c->metric == NN_FIT_METRIC_LOGIT) &&
             c->tcols != K)) {
            st = NN_EARG;
            goto done;
        }
        *c->hits = 0;
    }
    np = nn_fit_np(c);
    nsteps = np == 0 ? 0 : (np + B - 1) / B;
    if (c->max_steps >= 0 && c->max_steps < nsteps)
        nsteps = c->max_steps;
    for (s = 0; s < nsteps; s++) {
        const nn_int *rows = c->perm + s * B;
        nn_int m = np - s * B < B ? np - s * B : B, ldx0;
        const real *x0;
        real Lb;
        int finite = 1;

        st = load_batch(c, nlayers, layers, X, T, pp, s, m, &x0, &ldx0);
        if (st == NN_OK)
            st = forward(nlayers, layers, pp, m, x0, ldx0);
        if (st != NN_OK)
            goto done;
        if (Y != NULL)
            for (j = 0; j < K; j++) {
                const real *z = pp->Z[nlayers] + j * m;
                real *y = Y + j * n;
                for (r = 0; r < m; r++)
                    y[rows[r]] = z[r];
            }
        if (c->hits != NULL)
            *c->hits += batch_hits(c->metric, m, K, pp->Z[nlayers], c->tcols, pp->Tb);

        /* loss and its gradient */
        st = NN_(nn_loss_ws)(c->loss, c->loss_opts, m, K, pp->Z[nlayers], c->tcols,
                             pp->Tb, &Lb, pp->D0, pp->lwork);
        if (st == NN_EARG) {
            NN_(nn_loss_check)(c->loss, c->loss_opts, m, K, pp->Z[nlayers], c->tcols,
                               pp->Tb, fact);
            if (fact != NULL)      /* the row of X, not of the batch */
                fact->row = rows[fact->row];
            *stopped = s + 1;
        }
        if (st == NN_OK)
            st = backward(nlayers, layers, pp, m, x0, ldx0);
        if (st == NN_OK)
            st = update_layers(c, nbuf, nlayers, layers, pp, &Lb, &finite);
        if (st != NN_OK)
            goto done;
        losses[s] = (double)Lb;
        finite = finite && Lb - Lb == 0;
        if (!finite) {
            *stopped = s + 1;
            break;
        }
    }

done:
    return st;
}
