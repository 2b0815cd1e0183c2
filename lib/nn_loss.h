/* Losses.  Included by nn.h.
 *
 * Z is n x k (observations are rows, column-major).  T is n x tcols:
 *   elementwise losses (mse, mae, huber, bce, bce_logits, hinge): tcols = k;
 *   ce: tcols = 1 (class indices 1..k) or k (class probabilities);
 *   nll: tcols = 1 (class indices 1..k);
 *   margin_ranking, pairwise_logistic: k = 2 (scores of the two items of a
 *   pair), tcols = 1 (+1: the first item ranks higher, -1: the second);
 *   bernoulli, categorical: as bce_logits and ce, whose numbers they are;
 *   poisson: tcols = k;
 *   gaussian, laplace: tcols = k (fixed variance or scale), or k = 2 tcols:
 *   Z = [mean, log variance] or [location, log scale], one loss per element
 *   of T (the "learned" shape); the variance (scale) is max(exp(s), eps),
 *   the clamp not differentiated, as PyTorch's GaussianNLLLoss: dl/ds is
 *   dl/dv at the clamped v times exp(s).  The formulas are in the help of
 *   nn_loss (mex/nn_loss.m) and in lib/loss_likelihood.c.
 *
 * Reductions, with per-observation weights w (all 1 when not given) and the
 * loss l_i of observation i (per-observation losses) or l_ij of element
 * (i, j) (elementwise losses):
 *   'none'  L_i = w_i l_i (n x 1)   or  L_ij = w_i l_ij (n x k);
 *   'sum'   sum of those;
 *   'mean'  sum_i w_i l_i / sum_i w_i  or  sum_ij w_i l_ij / (c sum_i w_i)
 *           with c the columns of l (k; tcols for the learned shape),
 *           which without weights is PyTorch's mean (over observations for
 *           ce and nll, over all elements for elementwise losses); NaN when
 *           the weights sum to 0 or n = 0.
 * dZ (n x k) is the gradient of L, for 'none' the gradient of sum(L). */
#ifndef NNLAB_NN_LOSS_H
#define NNLAB_NN_LOSS_H

typedef enum {
    NN_LOSS_MSE = 0,
    NN_LOSS_BCE,
    NN_LOSS_MAE,
    NN_LOSS_HUBER,
    NN_LOSS_BCE_LOGITS,
    NN_LOSS_HINGE,
    NN_LOSS_CE,
    NN_LOSS_NLL,
    NN_LOSS_MARGIN_RANKING,
    NN_LOSS_PAIRWISE_LOGISTIC,
    NN_LOSS_BERNOULLI,        /* bce_logits under its likelihood's name */
    NN_LOSS_CATEGORICAL,      /* ce under its likelihood's name */
    NN_LOSS_GAUSSIAN,
    NN_LOSS_LAPLACE,
    NN_LOSS_POISSON,
    NN_LOSS_COUNT
} nn_loss_kind;

typedef enum { NN_RED_MEAN = 0, NN_RED_SUM, NN_RED_NONE } nn_reduction;

/* Options are type-free (double) whatever the type of Z.  The two vector
 * options keep a pointer to the caller's array, which must stay valid until
 * the last nn_loss call with these options. */
typedef struct {
    nn_reduction reduction;
    double delta;             /* huber: > 0, default 1 */
    double margin;            /* margin_ranking: finite, default 0 */
    double label_smoothing;   /* ce: in [0, 1], default 0 */
    const double *pos_weight; /* bce_logits: 1 or k values >= 0; NULL = 1 */
    nn_int n_pos_weight;
    const double *weights;    /* any loss: n values >= 0; NULL = all 1 */
    nn_int n_weights;
    double sigma;             /* gaussian, fixed: > 0, default 1 */
    double scale;             /* laplace, fixed: > 0, default 1 */
    double eps;               /* gaussian, laplace: the least variance or
                                 scale, default 1e-6; poisson: added to the
                                 rate under the log, default 1e-8 */
    int full;                 /* gaussian, laplace, poisson: add the
                                 constants of the full NLL; default 0 */
    int log_input;            /* poisson: Z is the log of the rate; default 1 */
    int sigma_given, scale_given;  /* the option was set (refused with the
                                      learned shape) */
} nn_loss_opts;

int nn_loss_lookup(const char *name);
int nn_reduction_lookup(const char *name);
const char *nn_loss_name(int kind);
const char *nn_loss_names(void);
/* The loss whose numbers kind computes: bce_logits for bernoulli, ce for
 * categorical, kind itself for the others. */
int nn_loss_alias_of(int kind);
/* 1 when Z (k columns) and T (tcols columns) have the learned shape of
 * gaussian or laplace (k = 2 tcols > 0): the loss has one value per
 * element of T. */
int nn_loss_learned(int kind, nn_int k, nn_int tcols);
/* 1 when the loss has one value per observation (ce, nll, margin_ranking,
 * pairwise_logistic), 0 when it has one per element of Z. */
int nn_loss_per_observation(int kind);
void nn_loss_defaults(int kind, nn_loss_opts *o);
/* One name/value pair: 'reduction' (str), 'weights' (val, nval),
 * 'delta', 'margin', 'label_smoothing', 'pos_weight' (val, nval), 'sigma',
 * 'scale', 'eps', 'full', 'log_input'. */
int nn_loss_option(int kind, nn_loss_opts *o, const char *name,
                   const double *val, nn_int nval, const char *str,
                   char *msg, size_t msglen);
/* NN_OK, or NN_EARG with a sentence in msg when Z (n x k), T (trows x
 * tcols) or a vector option does not have the size the loss needs. */
int nn_loss_check_sizes(int kind, const nn_loss_opts *o, nn_int n, nn_int k,
                        nn_int trows, nn_int tcols, char *msg, size_t msglen);
/* Size of the loss output L for the given reduction: 1 x 1, n x 1 or n x k
 * (T with k columns, or a per-observation loss). */
void nn_loss_out_size(int kind, const nn_loss_opts *o, nn_int n, nn_int k,
                      nn_int *rows, nn_int *cols);
/* Elements of L (rows * cols of nn_loss_out_size). */
nn_int nn_loss_out_count(int kind, const nn_loss_opts *o, nn_int n, nn_int k);
/* The same for T of tcols columns: n x tcols for reduction 'none' and the
 * learned shape of gaussian and laplace (see nn_loss_learned). */
void nn_loss_value_size(int kind, const nn_loss_opts *o, nn_int n, nn_int k,
                        nn_int tcols, nn_int *rows, nn_int *cols);

/* Scratch values nn_loss_ws needs for n observations. */
#define NN_LOSS_WORK(n) (n)

/* What nn_loss_check found outside a loss's domain, for the caller to word:
 * the first offending element, its row and column (0-based) and value. */
typedef enum {
    NN_LOSS_BAD_NONE = 0,
    NN_LOSS_BAD_Z_PROB,     /* bce: Z(row,col) is not a probability */
    NN_LOSS_BAD_T_PROB,     /* bce, bce_logits, ce with k columns of T:
                               T(row,col) outside [0, 1] */
    NN_LOSS_BAD_T_SIGN,     /* hinge: T(row,col) is not -1, 0 or 1 */
    NN_LOSS_BAD_T_MIXED,    /* hinge: T holds 0 (at row,col) and -1 (at
                               row2,col2) */
    NN_LOSS_BAD_T_CLASS,    /* ce, nll with one column of T: T(row) is not a
                               class index 1..k */
    NN_LOSS_BAD_T_RANK,     /* ranking losses: T(row) is not 1 or -1 */
    NN_LOSS_BAD_T_COUNT,    /* poisson: T(row,col) is not a finite count
                               >= 0 */
    NN_LOSS_BAD_Z_RATE      /* poisson with log_input 0: Z(row,col) < 0 */
} nn_loss_bad;

typedef struct {
    int what;               /* nn_loss_bad */
    nn_int row, col;        /* 0-based */
    nn_int row2, col2;      /* NN_LOSS_BAD_T_MIXED: where the -1 is */
    double value;
} nn_loss_fact;

#define NN_DECLARE_LOSS(R, S)                                                 \
/* NN_OK, or NN_EARG with *fact (may be NULL) saying which element of Z or  \
 * T lies outside the loss's domain.  Sizes must be valid.                 */ \
int nn_loss_check##S(int kind, const nn_loss_opts *o, nn_int n, nn_int k,     \
                     const R *Z, nn_int tcols, const R *T,                    \
                     nn_loss_fact *fact);                                     \
/* L (nn_loss_value_size elements) and, unless dZ is NULL, dZ = dL/dZ        \
 * (n x k; for reduction 'none' the gradient of sum(L)).  Returns NN_EARG   \
 * (sizes or domain; see nn_loss_check_sizes and nn_loss_check) or          \
 * NN_ENOMEM (scratch of n values; none for ce). */                          \
int nn_loss##S(int kind, const nn_loss_opts *o, nn_int n, nn_int k,           \
               const R *Z, nn_int tcols, const R *T, R *L, R *dZ);             \
/* The same with the scratch given: work holds NN_LOSS_WORK(n) values, so  \
 * that a training loop allocates nothing per minibatch (NULL: allocate). */  \
int nn_loss_ws##S(int kind, const nn_loss_opts *o, nn_int n, nn_int k,        \
                  const R *Z, nn_int tcols, const R *T, R *L, R *dZ,           \
                  R *work);

NN_DECLARE_LOSS(double, _d)
NN_DECLARE_LOSS(float, _s)
#undef NN_DECLARE_LOSS

#endif
