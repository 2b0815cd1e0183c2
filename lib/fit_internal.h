/* Internal to lib/fit*.c (not part of the API): the gathers of
 * fit_gather.c, used by the epoch in fit.c.  Include after nn_real.h. */
#ifndef NNLAB_FIT_INTERNAL_H
#define NNLAB_FIT_INTERNAL_H

#include <stdint.h>
#include <stdlib.h>

/* a * b elements, or -1 when a or b is negative or the product passes a
 * quarter of the largest array of reals (the workspace's sizes). */
static inline nn_int nn_fit_mul(nn_int a, nn_int b)
{
    nn_int lim = (nn_int)(PTRDIFF_MAX / (nn_int)sizeof(real) / 4);
    if (a < 0 || b < 0 || (a != 0 && b > lim / a))
        return -1;
    return a * b;
}

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
/* nn_fit with its plan (the shapes, the workspace) kept in *kept for the
 * next epoch of the same training: made when *kept is NULL, reused after;
 * nn_fit_kept_free frees it (and sets *kept to NULL).  Between the calls
 * only the epoch's rows, steps, hits and xreuse may change, and nothing
 * else may use nn_scratch. */
int NN_(nn_fit_kept)(const nn_fit_config *c, nn_int nlayers, NN_(nn_fit_layer) *layers,
                     const real *X, const real *T, double *losses, real *Y,
                     nn_int *stopped, nn_loss_fact *fact, void **kept);
void NN_(nn_fit_kept_free)(void **kept);
/* The working copy of X (in x n) for c (see xcopy in nn_fit.h), made or
 * reused; NULL when the epoch gathers chunks instead. */
const real *NN_(nn_fit_xcopy)(const nn_fit_config *c, const real *X);
/* Rows per chunk (see NN_FIT_CHUNK_PART in nn_fit.h). */
nn_int NN_(nn_chunk_rows)(const nn_fit_config *c);

/* The shapes of an epoch's network (fit_layers.c), from c->in or
 * c->image: the width of each layer's output per observation (width[0] the
 * input's), whether it holds images (img: one observation a column, width
 * x m) or rows (m x width), the element counts of each layer's W and b
 * (0: none), and the conv and pool layers' shapes for batches of up to bb
 * observations (N is set per call). */
typedef struct {
    nn_int *width, *nW, *nb;     /* nlayers + 1, nlayers, nlayers */
    char *img;                   /* nlayers + 1 */
    char *swap;                  /* nlayers + 1: 1 at a relu on images that a
                                  * max pooling follows (see nn_fit_pair_*) */
    nn_conv2d_shape *conv;       /* nlayers (conv layers' entries) */
    nn_pool_shape *pool;         /* nlayers (pool layers' entries) */
    void *cwork;                 /* the conv layers' work (reals; NULL: none,
                                  * or they allocate), set by fit.c's plan */
    unsigned char **win;         /* nlayers: a 2 x 2 max pooling's winners
                                  * (nn_pool_max2_*), NULL for other layers;
                                  * set by fit.c's plan */
    nn_int first;                /* the first layer with parameters, or -1 */
    nn_int maxw;                 /* the widest layer output (at least 1) */
} nn_fit_net;

/* NN_OK, NN_EARG (msg, when not NULL, says which layer and why), NN_ENOMEM
 * or NN_ETOOBIG.  Free with nn_fit_net_free, whatever it returned. */
int NN_(nn_fit_net_plan)(const nn_fit_config *c, nn_int nlayers,
                         const NN_(nn_fit_layer) *layers, nn_int bb,
                         nn_fit_net *w, char *msg, size_t msglen);
static inline void nn_fit_net_free(nn_fit_net *w)
{
    free(w->width);
    free(w->img);
    free(w->swap);
    free(w->win);
    free(w->conv);
    free(w->pool);
    w->width = w->nW = w->nb = NULL;
    w->img = w->swap = NULL;
    w->win = NULL;
    w->conv = NULL;
    w->pool = NULL;
}
/* y = layer i of x for m observations (x with leading dimension ldx when
 * it is rows; ldx = m otherwise). */
int NN_(nn_fit_layer_forward)(const NN_(nn_fit_layer) *L, const nn_fit_net *w,
                              nn_int i, nn_int m, const real *x, nn_int ldx,
                              real *y);
/* From dy (the gradient of layer i's output): dx (NULL: not needed) and,
 * for a layer with parameters, gW and gb. */
int NN_(nn_fit_layer_backward)(const NN_(nn_fit_layer) *L, const nn_fit_net *w,
                               nn_int i, nn_int m, const real *x, nn_int ldx,
                               const real *dy, real *dx, real *gW, real *gb);

/* A relu (layer i) and the max pooling after it (layer i + 1), done as
 * pooling then relu: max and relu commute (relu keeps the order of values,
 * NaN included), so the outputs are the same numbers from a quarter of the
 * relu work for 2 x 2 windows.  The gradients are too: where the window's
 * largest input is > 0 both orders route dY to it; elsewhere relu' is 0
 * and both give 0 everywhere.  (A zero may differ in sign: relu (-0) is -0.)
 * Forward: zmid (the pair's middle buffer) = pooled x, y = relu (zmid).
 * Backward: dmid = relu' (zmid) .* dy, dx = the pooling's backward of dmid
 * (dmid a buffer of the pooled size; dx NULL: not needed). */
int NN_(nn_fit_pair_forward)(const NN_(nn_fit_layer) *layers, const nn_fit_net *w,
                             nn_int i, nn_int m, const real *x, real *zmid, real *y);
int NN_(nn_fit_pair_backward)(const NN_(nn_fit_layer) *layers, const nn_fit_net *w,
                              nn_int i, nn_int m, const real *x, const real *zmid,
                              const real *dy, real *dmid, real *dx);

#endif
