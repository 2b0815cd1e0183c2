/* A fused training epoch: minibatch gradient descent over a whole epoch in
 * one call.  Included by nn.h.
 *
 * For each minibatch s = 1, 2, ... of perm (rows perm[(s-1)*batch ...],
 * the last one shorter when batch does not divide n) it makes exactly the
 * kernel calls of nn_train's step-by-step path, in the same order:
 *   forward   nn_dense_forward / nn_act_forward, layer by layer;
 *   loss      nn_loss (value and dZ);
 *   backward  nn_act_backward / nn_dense_backward, last layer first (no dX
 *             below the first layer: nothing uses it);
 *   update    for each dense layer in order: when l2 > 0,
 *             gW = gW + l2*W and loss += l2/2 * sum(W(:).^2) (summed in
 *             order, in the element type, as Octave's sum); then
 *             nn_optim_step on W, then on b.
 * The same functions see the same inputs in the same order, so the result
 * is bit-identical to the step-by-step path (for the same BLAS and thread
 * count).  No memory is allocated per step (see nn_fit_release).
 *
 * Divergence: when, after a step, the batch loss or an updated parameter is
 * not finite, the epoch stops: *stopped is that step (1-based) and the
 * parameters and optimizer buffers hold the values AFTER it.  A caller that
 * wants the last finite network runs the epoch again from the parameters
 * it started from, with max_steps = *stopped - 1 (the run is deterministic).
 */
#ifndef NNLAB_NN_FIT_H
#define NNLAB_NN_FIT_H

/* Layers on images (CONV, POOL, FLATTEN) need c->image: X's observations
 * are images, one a column of X (xcols).  Between them a batch is kept as
 * images, one observation a column (width x m, as nn_conv2d takes it), and
 * FLATTEN turns it into rows (m x width) for the dense layers, as
 * nn_train's flatten layer does (a transpose).  An ACT layer on images
 * sees the width x m matrix, as nn_train's act layer does. */
typedef enum {
    NN_FIT_DENSE = 0, NN_FIT_ACT, NN_FIT_CONV, NN_FIT_POOL, NN_FIT_FLATTEN
} nn_fit_layer_type;

/* Everything of an epoch but the typed arrays.  The option structs must
 * have passed nn_loss_option / nn_optim_option and nn_optim_check; the loss
 * must be a per-batch loss with no 'weights' (each batch has its own rows)
 * and reduction 'mean' or 'sum' (one value per batch). */
typedef struct {
    nn_int n;                      /* observations (rows of X and T) */
    nn_int in;                     /* features (columns of X) */
    nn_int batch;                  /* observations per step, >= 1 */
    const nn_int *perm;            /* the epoch's order: np indices into
                                      0..n-1 (a row may repeat or be left
                                      out: a subset of the rows trains) */
    nn_int np;                     /* entries of perm, the observations the
                                      epoch steps over; 0: n */
    nn_int max_steps;              /* stop after this many steps; < 0: all */
    int loss;                      /* nn_loss_kind */
    const nn_loss_opts *loss_opts;
    nn_int tcols;                  /* columns of T */
    int optim;                     /* nn_optim_kind */
    const nn_optim_opts *optim_opts;
    double l2;                     /* >= 0 */
    nn_int chunk;                  /* rows gathered at a time; <= 0: the
                                      default (see below) */
    int xcols;                     /* 0: X is n x in (a row an observation);
                                      1: X is in x n (a column an
                                      observation: each batch is gathered
                                      from whole columns, no chunk) */
    int xcopy;                     /* with rows (xcols 0): 1: train from a
                                      working copy of X with one observation
                                      a column, when it fits (see "The
                                      working copy" below); 0: gather chunks */
    int xreuse;                    /* with xcopy: 1: X holds the same data as
                                      at the last call with xcopy (the
                                      caller's promise): its copy, when kept,
                                      is used as it is */
    int gather;                    /* 0: automatic; 1: in the order of the
                                      chunk; 2: in row order (for tests) */
    nn_int image[3];               /* H, W, C of X's observations when they
                                      are images (with xcols; in = H*W*C);
                                      0 0 0: rows */
    int metric;                    /* nn_fit_metric: what *hits counts */
    double *hits;                  /* output (NULL: none): the count of the
                                      epoch's hits, see nn_fit_metric */
} nn_fit_config;

/* The classification metrics nn_fit can count while it trains, on each
 * batch's output Z (before the update) and targets T, so that the caller
 * needs no copy of the outputs:
 *   ARGMAX  per row, the first largest Z (NaN skipped, as Octave's max)
 *           equals T (a class index 1..k) or the first largest T (T with k
 *           columns);
 *   PROB    per element, (Z >= 0.5) == (T >= 0.5);
 *   LOGIT   per element, (Z > 0) == (T > 0.5).
 * *hits is the number of rows (ARGMAX) or elements that hit. */
typedef enum {
    NN_FIT_METRIC_NONE = 0, NN_FIT_METRIC_ARGMAX, NN_FIT_METRIC_PROB,
    NN_FIT_METRIC_LOGIT
} nn_fit_metric;

/* The gather: X is read in place (observations are rows, so one
 * observation is spread over X's columns).  An epoch visits its rows in
 * chunks of consecutive batches: the chunk's rows are gathered into a
 * buffer of chunk x in once (each column of X read in increasing row
 * order), and each batch is a block of rows of that buffer, passed to the
 * first dense layer with a leading dimension.  The buffer is the only copy
 * of data: by default an eighth of X (1 / NN_FIT_CHUNK_PART; an epoch then
 * reads X that many times), but at least NN_FIT_CHUNK_MIN and at most
 * NN_FIT_CHUNK_MAX bytes.  The chunk size changes no result. */
#ifndef NN_FIT_CHUNK_PART
#define NN_FIT_CHUNK_PART 8
#endif
#ifndef NN_FIT_CHUNK_MIN
#define NN_FIT_CHUNK_MIN (4.0 * 1024 * 1024)
#endif
#ifndef NN_FIT_CHUNK_MAX
#define NN_FIT_CHUNK_MAX (1024.0 * 1024 * 1024)
#endif

/* The working copy (xcopy): X (n x in, a row an observation) transposed
 * once into a buffer of in x n, from which each batch is gathered as with
 * xcols (a few whole columns: faster than the chunks, which read X again
 * for every chunk).  The copy is made when X has more than NN_FIT_XCOPY_MIN
 * bytes (smaller X fits in one chunk) and at most 1 / NN_FIT_XCOPY_PART of
 * the machine's physical memory; else, or when its memory cannot be had,
 * the epoch gathers chunks.  It is kept after the call (one copy, of the
 * last X) so that the next call with xreuse makes none; nn_fit_release
 * and nn_fit_release_copy free it.  The batches equal those of the chunks
 * element for element: the copy changes no result. */
#ifndef NN_FIT_XCOPY_PART
#define NN_FIT_XCOPY_PART 4
#endif
#ifndef NN_FIT_XCOPY_MIN
#define NN_FIT_XCOPY_MIN NN_FIT_CHUNK_MIN
#endif

#define NN_DECLARE_FIT(R, S)                                                  \
typedef struct {                                                              \
    int type;                  /* nn_fit_layer_type */                       \
    nn_int units;              /* dense: outputs (rows of W); conv: Cout */  \
    int act;                   /* act: nn_act_kind; pool: NN_POOL_MAX or    \
                                  NN_POOL_AVG */                             \
    nn_act_opts act_opts;      /* act: its options */                        \
    nn_int kh, kw;             /* conv, pool: the window (pool 0 0: global, \
                                  the whole image) */                        \
    nn_conv2d_opts conv_opts;  /* conv: stride, padding, dilation, groups */ \
    nn_pool_opts pool_opts;    /* pool: stride, padding, count_pad */        \
    R *W, *b;                  /* dense: out x in and out x 1; conv:        \
                                  kh x kw x C/groups x Cout and Cout x 1;   \
                                  in place */                               \
    R *bufW[NN_OPTIM_MAX_BUFFERS], *bufb[NN_OPTIM_MAX_BUFFERS];                   \
                               /* dense, conv: the optimizer's buffers (as  \
                                  named by nn_optim_buffers), in place */    \
    double stepsW, stepsb;     /* steps taken so far; updated */              \
    int freshW, freshb;        /* 1: no state yet (nn_step's S = []) */       \
    const R *W0, *b0;          /* dense, conv, for nn_fit_epochs: W, b at the\
                                  start (NULL: no replay, see there) */      \
    const R *bufW0[NN_OPTIM_MAX_BUFFERS], *bufb0[NN_OPTIM_MAX_BUFFERS];       \
                               /* their buffers at the start (when not      \
                                  fresh) */                                  \
} nn_fit_layer##S;                                                            \
/* One epoch.  X is n x in (or in x n with xcols), T is n x tcols        \
 * (column-major);                                                       \
 * losses gets one value per step taken (the mean batch loss plus the L2    \
 * term), Y (n x k, k the output width; may be NULL) the network output of  \
 * every row visited, at its row (others are left as they are), *stopped   \
 * 0, or the step at which training diverged.  Returns NN_OK, NN_EARG       \
 * (bad sizes or layers; or a batch outside the loss's domain: then         \
 * *stopped is that step and *fact, if not NULL, what nn_loss_check found,  \
 * its row that of X), NN_ETOOBIG or                                        \
 * NN_ENOMEM. */                                                              \
int nn_fit##S(const nn_fit_config *c, nn_int nlayers, nn_fit_layer##S *layers, \
              const R *X, const R *T, double *losses, R *Y, nn_int *stopped, \
              nn_loss_fact *fact);                                                \
/* The element counts of each layer's W and b (0 for a layer without),   \
 * as the network's shapes give them from c->in or c->image (the layers'  \
 * arrays are not read), and the output width; NN_OK, or NN_EARG with a    \
 * sentence in msg when a layer does not fit its input. */                 \
int nn_fit_sizes##S(const nn_fit_config *c, nn_int nlayers,                 \
                    const nn_fit_layer##S *layers, nn_int *nW, nn_int *nb,   \
                    nn_int *K, char *msg, size_t msglen);                    \
/* Several epochs: epoch e (0-based) is nn_fit with perm = perms + e*np,   \
 * losses + e*nsteps (nsteps = ceil(np / batch): losses is nsteps x epochs),\
 * Y + e*n*k (Y n x k x epochs, or NULL) and hits + e (hits one count per  \
 * epoch, or NULL; c->perm, max_steps and hits are not used).  It stops    \
 * at the first divergence or domain error: *stop_epoch, *stop_step its    \
 * epoch and step (1-based; 0, 0 when every epoch ran).  After a           \
 * divergence, when every layer with parameters has W0 and b0 (and bufW0/ \
 * bufb0 for a \
 * state that was not fresh), it restores them and runs the epochs again  \
 * up to the step before the divergence, so that the layers hold the last \
 * finite network (Y, hits and losses keep the first run's values); else  \
 * the layers hold the values after the diverging step.  Returns NN_OK     \
 * (also after a divergence), NN_EARG (a domain error: see *fact),         \
 * NN_ETOOBIG, NN_ENOMEM, or NN_EINTERNAL when the replay diverged         \
 * earlier than the run (a bug). */                                       \
int nn_fit_epochs##S(const nn_fit_config *c, nn_int epochs,                 \
                     const nn_int *perms, nn_int nlayers,                   \
                     nn_fit_layer##S *layers, const R *X, const R *T,       \
                     double *losses, R *Y, double *hits, nn_int *stop_epoch,\
                     nn_int *stop_step, nn_loss_fact *fact);

/* nn_fit keeps its scratch memory (the chunk buffer and the layers'
 * workspace) between calls, so that the next call touches no fresh memory;
 * nn_fit_release frees it.  Hence nn_fit is not reentrant: one call at a
 * time. */
void nn_fit_release(void);
/* Frees the working copy of X alone (the workspace stays); and the bytes
 * the kept copy holds (0: none). */
void nn_fit_release_copy(void);
double nn_fit_copy_bytes(void);

NN_DECLARE_FIT(double, _d)
NN_DECLARE_FIT(float, _s)
#undef NN_DECLARE_FIT

#endif
