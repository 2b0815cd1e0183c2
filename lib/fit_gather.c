/* The gathers of a fused epoch (see nn_fit.h): the rows of a batch or of a
 * chunk of batches copied out of X, which is read in place. */
#include <stdint.h>
#include "nn_real.h"
#include "fit_internal.h"
#include "alloc.h"

/* Xb (m x in, column-major) = the observations rows[0..m-1] of X given with
 * one observation a column (Xt, in x n).  Blocks of a few
 * observations: their columns of Xt are read in step, and each write of a
 * block fills consecutive elements of a column of Xb. */
void NN_(nn_gather_columns)(nn_int in, const real *Xt, const nn_int *rows,
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
int NN_(nn_chunk_order)(nn_int n, const nn_int *rows, nn_int m, nn_int *slot,
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
void NN_(nn_gather_direct)(nn_int n, nn_int in, const real *X,
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
void NN_(nn_gather_sorted)(nn_int n, nn_int in, const real *X,
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

/* Rows per chunk: c->chunk, or by default an eighth of X's bytes, but at
 * least NN_FIT_CHUNK_MIN and at most NN_FIT_CHUNK_MAX bytes; a multiple of
 * the batch, at most n. */
nn_int NN_(nn_chunk_rows)(const nn_fit_config *c)
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

/* Xt (in x n) = X' (X n x in), both column-major: blocks of 32 x 32, each
 * read from 32 columns of X and written into 32 columns of Xt. */
static void transpose(nn_int n, nn_int in, const real *X, real *Xt)
{
    enum { TB = 32 };
    nn_int i0, j0, i, j;
    for (i0 = 0; i0 < n; i0 += TB) {
        nn_int i1 = n - i0 < TB ? n : i0 + TB;
        for (j0 = 0; j0 < in; j0 += TB) {
            nn_int j1 = in - j0 < TB ? in : j0 + TB;
            for (i = i0; i < i1; i++) {
                real *t = Xt + i * in;
                const real *x = X + i;
                for (j = j0; j < j1; j++)
                    t[j] = x[j * n];
            }
        }
    }
}

const real *NN_(nn_fit_xcopy)(const nn_fit_config *c, const real *X)
{
    double bytes = (double)c->n * (double)c->in * (double)sizeof(real), phys;
    int fresh;
    real *Xt;
    if (c->xcols || !c->xcopy || X == NULL || bytes <= (double)NN_FIT_XCOPY_MIN)
        return NULL;                   /* (first: small data pays no system call) */
    phys = nn_physical_bytes();
    if (phys > 0 && bytes > phys / NN_FIT_XCOPY_PART)
        return NULL;
    Xt = (real *)nn_xcopy(X, (size_t)c->n, (size_t)c->in, sizeof(real), c->xreuse,
                          &fresh);
    if (Xt != NULL && fresh)
        transpose(c->n, c->in, X, Xt);
    return Xt;
}
