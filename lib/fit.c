/* A fused training epoch (see nn_fit.h): the kernels of nn_train's
 * step-by-step path, called in the same order on the same data, with one
 * scratch buffer kept between calls and no allocation per step. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "nn_real.h"
#include "opt_util.h"

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

/* Xb (m x in, column-major) = the observations rows[0..m-1] of X given with
 * one observation a column (Xt, in x n).  Blocks of a few
 * observations: their columns of Xt are read in step, and each write of a
 * block fills consecutive elements of a column of Xb. */
static void gather_rows(nn_int in, const real *Xt, const nn_int *rows,
                        nn_int m, real *Xb)
{
    enum { BLK = 64 / sizeof(real) > 0 ? 64 / sizeof(real) : 1 };   /* a cache line of Xb */
    nn_int r0, f, q;
    for (r0 = 0; r0 < m; r0 += BLK) {
        const real *src[BLK];
        nn_int bm = m - r0 < BLK ? m - r0 : BLK;
        real *dst = Xb + r0;
        for (q = 0; q < bm; q++)
            src[q] = Xt + rows[r0 + q] * in;
        if (bm == BLK)
            for (f = 0; f < in; f++) {
                real *d = dst + f * m;
                for (q = 0; q < BLK; q++)
                    d[q] = src[q][f];
            }
        else
            for (f = 0; f < in; f++) {
                real *d = dst + f * m;
                for (q = 0; q < bm; q++)
                    d[q] = src[q][f];
            }
    }
}

/* The rows of one chunk in the order they lie in X: src[k] ascending, dst[k]
 * the place of row src[k] in the chunk.  slot (n entries) is all -1 on entry
 * and on return.  Returns 0 when rows holds a row twice (then src and dst
 * are not set). */
static int chunk_order(nn_int n, const nn_int *rows, nn_int m, nn_int *slot,
                       nn_int *src, nn_int *dst)
{
    nn_int i, r, k = 0;
    int ok = 1;
    for (i = 0; i < m; i++) {
        if (slot[rows[i]] >= 0)
            ok = 0;
        slot[rows[i]] = i;
    }
    if (!ok) {
        for (i = 0; i < m; i++)
            slot[rows[i]] = -1;
        return 0;
    }
    for (r = 0; r < n && k < m; r++)
        if (slot[r] >= 0) {
            src[k] = r;
            dst[k] = slot[r];
            slot[r] = -1;
            k++;
        }
    return 1;
}

/* Xc (m x in) = X(rows, :), column by column in the order of rows (no
 * clones: vector gathers were slower here). */
static void gather_direct(nn_int n, nn_int in, const real *X,
                          const nn_int *rows, nn_int m, real *Xc)
{
    nn_int j, k;
    for (j = 0; j < in; j++) {
        const real *x = X + j * n;
        real *d = Xc + j * m;
        for (k = 0; k < m; k++)
            d[k] = x[rows[k]];
    }
}

/* Xc (m x in, column-major) = X(rows, :), X n x in column-major, with
 * src/dst from chunk_order: each column of X is read in increasing row
 * order (prefetched), four columns at a time, so every cache line of X is
 * fetched once per chunk and the writes land in columns of Xc that stay in
 * cache. */
static void gather_sorted(nn_int n, nn_int in, const real *X,
                          const nn_int *src, const nn_int *dst, nn_int m,
                          real *Xc)
{
    nn_int j = 0, k;
    for (; j + 4 <= in; j += 4) {
        const real *x0 = X + j * n, *x1 = x0 + n, *x2 = x1 + n, *x3 = x2 + n;
        real *d0 = Xc + j * m, *d1 = d0 + m, *d2 = d1 + m, *d3 = d2 + m;
        for (k = 0; k < m; k++) {
            nn_int r = src[k], q = dst[k];
#if defined(__GNUC__)
            if (k + 32 < m) {
                nn_int f = src[k + 32];
                __builtin_prefetch(x0 + f, 0, 0);
                __builtin_prefetch(x1 + f, 0, 0);
                __builtin_prefetch(x2 + f, 0, 0);
                __builtin_prefetch(x3 + f, 0, 0);
            }
#endif
            d0[q] = x0[r];
            d1[q] = x1[r];
            d2[q] = x2[r];
            d3[q] = x3[r];
        }
    }
    for (; j < in; j++) {
        const real *x = X + j * n;
        real *d = Xc + j * m;
        for (k = 0; k < m; k++)
            d[dst[k]] = x[src[k]];
    }
}

/* Index of the first largest element of x[0], x[s], ..., x[(k-1)s], NaN
 * skipped (0 when all are NaN), as Octave's max. */
static nn_int argmax(const real *x, nn_int k, nn_int s)
{
    nn_int j, a = -1;
    real best = 0;
    for (j = 0; j < k; j++) {
        real v = x[j * s];
        if (v == v && (a < 0 || v > best)) {
            best = v;
            a = j;
        }
    }
    return a < 0 ? 0 : a;
}

/* The hits of a batch (see nn_fit_metric): Z m x k, T m x tcols. */
static double batch_hits(int metric, nn_int m, nn_int k, const real *Z,
                         nn_int tcols, const real *T)
{
    nn_int r, e;
    double h = 0;
    switch (metric) {
    case NN_FIT_METRIC_ARGMAX:
        for (r = 0; r < m; r++) {
            nn_int p = argmax(Z + r, k, m);
            if (tcols == 1)
                h += (real)(p + 1) == T[r];
            else
                h += p == argmax(T + r, tcols, m);
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
 * nn_opt_step on the whole array, done in chunks that stay in cache while
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
        real *cb[NN_OPT_MAX_BUFFERS];
        int st;
        for (b = 0; b < NN_OPT_MAX_BUFFERS; b++)
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
        st = NN_(nn_opt_step)(c->opt, c->opt_opts, m, P + off, G + off, cb,
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

/* a * b elements, or -1 when that overflows the byte count of reals. */
static nn_int mul_size(nn_int a, nn_int b)
{
    nn_int lim = (nn_int)(PTRDIFF_MAX / (nn_int)sizeof(real) / 4);
    if (a < 0 || b < 0)
        return -1;
    if (a != 0 && b > lim / a)
        return -1;
    return a * b;
}

/* Rows per chunk: c->chunk, or by default an eighth of X's bytes, but at
 * least NN_FIT_CHUNK_MIN and at most NN_FIT_CHUNK_MAX bytes; a multiple of
 * the batch, at most n. */
static nn_int chunk_rows(const nn_fit_config *c)
{
    nn_int n = c->n, B = c->batch, in = c->in > 0 ? c->in : 1, cr = c->chunk;
    if (cr <= 0) {
        double bytes = (double)n * (double)in * (double)sizeof(real) /
                       NN_FIT_CHUNK_PART;
        if (bytes < (double)NN_FIT_CHUNK_MIN)
            bytes = (double)NN_FIT_CHUNK_MIN;
        if (bytes > (double)NN_FIT_CHUNK_MAX)
            bytes = (double)NN_FIT_CHUNK_MAX;
        cr = (nn_int)(bytes / (double)sizeof(real) / (double)in);
    }
    if (cr >= n)
        return n;
    cr = cr / B * B;
    return cr < B ? (B < n ? B : n) : cr;
}

int NN_(nn_fit)(const nn_fit_config *c, nn_int nlayers, NN_FIT_LAYER *layers,
                const real *X, const real *T, double *losses, real *Y,
                nn_int *stopped, char *msg, size_t msglen)
{
    nn_int n, in, B, tcols, cr = 0;
    nn_int *width = NULL, *zoff = NULL, *goff = NULL, *slot = NULL, *src = NULL,
           *dst = NULL;
    nn_int i, w, maxw, total, nsteps, s, K, first = -1, lwork = 0;
    nn_int c0 = 0, cm = 0, xoff = 0;
    real *ws = NULL, *Xb, *Xc, *Tb, *D0, *D1;
    real **Z = NULL;
    const char *names[NN_OPT_MAX_BUFFERS];
    int st = NN_OK, nbuf;

    if (stopped != NULL)
        *stopped = 0;
    if (msg != NULL && msglen > 0)
        msg[0] = '\0';
    if (c == NULL || stopped == NULL)
        return NN_EARG;
    n = c->n;
    in = c->in;
    B = c->batch;
    tcols = c->tcols;
    if (nlayers < 0 || n < 0 || in < 0 ||
        B < 1 || tcols < 0 || !(c->l2 >= 0) || (n > 0 && (X == NULL && in > 0)) ||
        (n > 0 && c->perm == NULL) || (nlayers > 0 && layers == NULL) ||
        losses == NULL || c->loss_opts == NULL || c->opt_opts == NULL)
        return NN_EARG;
    if (c->loss_opts->reduction == NN_RED_NONE || c->loss_opts->weights != NULL)
        return NN_EARG;
    nbuf = nn_opt_buffers(c->opt, c->opt_opts, names);
    cr = c->xcols ? 0 : chunk_rows(c);

    /* sizes of every layer's output; workspace offsets */
    width = (nn_int *)malloc(3 * ((size_t)nlayers + 1) * sizeof(nn_int));
    Z = (real **)malloc(((size_t)nlayers + 1) * sizeof(real *));
    if (width == NULL || Z == NULL) {
        st = NN_ENOMEM;
        goto done;
    }
    zoff = width + nlayers + 1;
    goff = zoff + nlayers + 1;
    {
        nn_int bb = B < n ? B : n;   /* rows of the largest batch */
        nn_int sz, xcoff;
        w = in;
        width[0] = in;
        maxw = 1;
        total = 0;
        /* the chunk Xc, Xb (a contiguous batch, needed when the first layer
         * is not dense), Tb */
        if ((sz = mul_size(cr, in)) < 0) { st = NN_ETOOBIG; goto done; }
        xcoff = total; total += sz;
        if ((sz = mul_size(bb, in)) < 0) { st = NN_ETOOBIG; goto done; }
        zoff[0] = total;
        if (c->xcols || nlayers == 0 || layers[0].type != NN_FIT_DENSE)
            total += sz;
        if ((sz = mul_size(bb, tcols)) < 0) { st = NN_ETOOBIG; goto done; }
        xoff = total;                        /* Tb */
        total += sz;
        if (total > PTRDIFF_MAX / (nn_int)sizeof(real) / 4)
            { st = NN_ETOOBIG; goto done; }
        for (i = 0; i < nlayers; i++) {
            NN_FIT_LAYER *L = layers + i;
            if (L->type == NN_FIT_DENSE) {
                if (L->units < 0 || ((L->units > 0 && w > 0) && L->W == NULL) ||
                    (L->units > 0 && L->b == NULL))
                    { st = NN_EARG; goto done; }
                if ((sz = mul_size(L->units, w)) < 0) { st = NN_ETOOBIG; goto done; }
                goff[i] = total;
                total += sz + L->units;
                w = L->units;
                if (first < 0)
                    first = i;
            } else if (L->type == NN_FIT_ACT) {
                if (L->act < 0 || L->act >= NN_ACT_COUNT)
                    { st = NN_EARG; goto done; }
                goff[i] = -1;
            } else {
                st = NN_EARG;
                goto done;
            }
            width[i + 1] = w;
            if (w > maxw)
                maxw = w;
            if ((sz = mul_size(bb, w)) < 0) { st = NN_ETOOBIG; goto done; }
            zoff[i + 1] = total;
            total += sz;
            if (total > PTRDIFF_MAX / (nn_int)sizeof(real) / 4)
                { st = NN_ETOOBIG; goto done; }
        }
        K = w;
        if ((sz = mul_size(bb, maxw)) < 0) { st = NN_ETOOBIG; goto done; }
        total += 2 * sz;
        lwork = total;                       /* the loss's scratch */
        total += NN_LOSS_WORK(bb);
        if (total > PTRDIFF_MAX / (nn_int)sizeof(real) / 4)
            { st = NN_ETOOBIG; goto done; }
        /* one buffer, kept between calls (nn_scratch): first slot, src and
         * dst (the chunk's order), then the reals, 64-byte aligned */
        {
            size_t ib = n > 0 && !c->xcols ?
                        ((size_t)n + 2 * (size_t)cr) * sizeof(nn_int) : 0;
            char *mem;
            ib = (ib + 63) / 64 * 64;
            mem = (char *)nn_scratch(ib + (size_t)total * sizeof(real));
            if (mem == NULL) {
                st = NN_ENOMEM;
                goto done;
            }
            ws = (real *)(mem + ib);
            if (ib > 0) {
                slot = (nn_int *)mem;
                src = slot + n;
                dst = src + cr;
                for (i = 0; i < n; i++)
                    slot[i] = -1;
            }
        }
        Xc = ws + xcoff;
        Xb = ws + zoff[0];
        Tb = ws + xoff;
        for (i = 0; i <= nlayers; i++)
            Z[i] = ws + zoff[i];
        D0 = ws + lwork - 2 * sz;
        D1 = D0 + sz;
    }

    if (c->hits != NULL) {
        if (c->metric < NN_FIT_METRIC_NONE || c->metric > NN_FIT_METRIC_LOGIT ||
            ((c->metric == NN_FIT_METRIC_PROB || c->metric == NN_FIT_METRIC_LOGIT) &&
             tcols != K)) {
            st = NN_EARG;
            goto done;
        }
        *c->hits = 0;
    }
    nsteps = n == 0 ? 0 : (n + B - 1) / B;
    if (c->max_steps >= 0 && c->max_steps < nsteps)
        nsteps = c->max_steps;
    for (s = 0; s < nsteps; s++) {
        const nn_int *rows = c->perm + s * B;
        nn_int m = n - s * B < B ? n - s * B : B, r, j;
        real Lb, *cur, *other;
        const real *x0;
        nn_int ldx0;
        int finite;

        if (c->xcols) {
            /* one observation a column: the batch's columns, gathered
             * straight into Xb */
            for (r = 0; r < m; r++)
                if (rows[r] < 0 || rows[r] >= n) {
                    st = NN_EARG;
                    goto done;
                }
            gather_rows(in, X, rows, m, Xb);
            x0 = Xb;
            ldx0 = m;
        } else if (s * B >= c0 + cm) {
            /* a new chunk: its rows gathered from X into Xc */
            c0 = s * B;
            cm = n - c0 < cr ? n - c0 : cr;
            for (r = 0; r < cm; r++)
                if (c->perm[c0 + r] < 0 || c->perm[c0 + r] >= n) {
                    st = NN_EARG;
                    goto done;
                }
            /* X in cache (up to 1 MB): read in the chunk's order; larger:
             * in row order (chunk_order), each cache line of X once */
            int sorted = c->gather == 2 ||
                (c->gather != 1 && (double)n * (double)in * sizeof(real) > 1048576.0);
            if (sorted && chunk_order(n, c->perm + c0, cm, slot, src, dst))
                gather_sorted(n, in, X, src, dst, cm, Xc);
            else
                gather_direct(n, in, X, c->perm + c0, cm, Xc);
        }
        if (!c->xcols) {
            /* the batch: rows s*B - c0 ... of Xc (leading dimension cm) */
            x0 = Xc + (s * B - c0);
            ldx0 = cm;
        }
        if (!c->xcols && nlayers > 0 && layers[0].type != NN_FIT_DENSE) {
            for (j = 0; j < in; j++)
                memcpy(Xb + j * m, x0 + j * cm, (size_t)m * sizeof(real));
            x0 = Xb;
            ldx0 = m;
        }
        for (j = 0; j < tcols; j++) {
            const real *t = T + j * n;
            real *d = Tb + j * m;
            for (r = 0; r < m; r++)
                d[r] = t[rows[r]];
        }

        /* forward */
        for (i = 0; i < nlayers; i++) {
            NN_FIT_LAYER *L = layers + i;
            const real *zi = i == 0 ? x0 : Z[i];
            if (L->type == NN_FIT_DENSE)
                st = NN_(nn_dense_forward_ld)(m, width[i], L->units, zi,
                                              i == 0 ? ldx0 : m, L->W, L->b,
                                              Z[i + 1]);
            else
                st = NN_(nn_act_forward)(L->act, &L->act_opts, m, width[i],
                                         zi, Z[i + 1]);
            if (st != NN_OK)
                goto done;
        }
        if (Y != NULL)
            for (j = 0; j < K; j++) {
                const real *z = Z[nlayers] + j * m;
                real *y = Y + j * n;
                for (r = 0; r < m; r++)
                    y[rows[r]] = z[r];
            }

        if (c->hits != NULL)
            *c->hits += batch_hits(c->metric, m, K, Z[nlayers], tcols, Tb);

        /* loss and its gradient */
        st = NN_(nn_loss_ws)(c->loss, c->loss_opts, m, K, Z[nlayers], tcols, Tb,
                             &Lb, D0, ws + lwork);
        if (st == NN_EARG) {
            NN_(nn_loss_check)(c->loss, c->loss_opts, m, K, Z[nlayers], tcols,
                               Tb, msg, msglen);
            *stopped = s + 1;
        }
        if (st != NN_OK)
            goto done;

        /* backward, down to the first dense layer */
        cur = D0;
        other = D1;
        for (i = nlayers - 1; i >= first && first >= 0; i--) {
            NN_FIT_LAYER *L = layers + i;
            if (L->type == NN_FIT_DENSE) {
                real *gW = ws + goff[i];
                st = NN_(nn_dense_backward_ld)(m, width[i], L->units,
                                               i == 0 ? x0 : Z[i],
                                               i == 0 ? ldx0 : m, L->W, cur,
                                               i > first ? other : NULL, gW,
                                               gW + L->units * width[i]);
            } else {
                st = NN_(nn_act_backward)(L->act, &L->act_opts, m, width[i],
                                          i == 0 ? x0 : Z[i], cur, other);
            }
            if (st != NN_OK)
                goto done;
            {
                real *t = cur;
                cur = other;
                other = t;
            }
        }

        /* updates, layer by layer: L2, then W, then b; checked for
         * divergence on the way */
        finite = 1;
        for (i = 0; i < nlayers; i++) {
            NN_FIT_LAYER *L = layers + i;
            nn_int cw = L->units * width[i];
            real *gW = ws + goff[i], *gb = gW + cw, sq = 0;
            if (L->type != NN_FIT_DENSE)
                continue;
            st = update(c, nbuf, cw, L->W, gW, L->bufW, &L->stepsW, &L->freshW,
                        c->l2 > 0 ? &sq : NULL, &finite);
            if (st != NN_OK)
                goto done;
            if (c->l2 > 0)
                Lb = Lb + (real)(c->l2 / 2) * sq;
            st = update(c, nbuf, L->units, L->b, gb, L->bufb, &L->stepsb,
                        &L->freshb, NULL, &finite);
            if (st != NN_OK)
                goto done;
        }
        losses[s] = (double)Lb;
        finite = finite && Lb - Lb == 0;
        if (!finite) {
            *stopped = s + 1;
            break;
        }
    }

done:
    free(Z);
    free(width);
    return st;
}
