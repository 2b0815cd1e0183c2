/* Internal to lib/fit*.c (not part of the API): the gathers of
 * fit_gather.c, used by the epoch in fit.c.  Include after nn_real.h. */
#ifndef NNLAB_FIT_INTERNAL_H
#define NNLAB_FIT_INTERNAL_H

/* The observations an epoch steps over: the entries of c->perm (c->np, or
 * c->n when np is 0). */
static inline nn_int nn_fit_np(const nn_fit_config *c)
{
    return c->np > 0 ? c->np : c->n;
}

/* Xb (m x in) = the observations rows[0..m-1] of Xt (in x n, one
 * observation a column). */
void NN_(nn_gather_columns)(nn_int in, const real *Xt, const nn_int *rows,
                            nn_int m, real *Xb);
/* The rows of a chunk in X's order: src ascending, dst their places; slot
 * (n entries) all -1 on entry and return.  0 when rows holds a row twice. */
int NN_(nn_chunk_order)(nn_int n, const nn_int *rows, nn_int m, nn_int *slot,
                        nn_int *src, nn_int *dst);
/* Xc (m x in) = X(rows, :), in the order of rows. */
void NN_(nn_gather_direct)(nn_int n, nn_int in, const real *X,
                           const nn_int *rows, nn_int m, real *Xc);
/* Xc (m x in) = X(rows, :), with src/dst from nn_chunk_order: X read in
 * increasing row order. */
void NN_(nn_gather_sorted)(nn_int n, nn_int in, const real *X,
                           const nn_int *src, const nn_int *dst, nn_int m,
                           real *Xc);
/* The working copy of X (in x n) for c (see xcopy in nn_fit.h), made or
 * reused; NULL when the epoch gathers chunks instead. */
const real *NN_(nn_fit_xcopy)(const nn_fit_config *c, const real *X);
/* Rows per chunk (see NN_FIT_CHUNK_PART in nn_fit.h). */
nn_int NN_(nn_chunk_rows)(const nn_fit_config *c);

#endif
