/* Activations with torch.nn.functional's semantics.  Included by nn.h. */
#ifndef NNLAB_NN_ACT_H
#define NNLAB_NN_ACT_H

/* Elementwise kinds first, then the row-wise ones (softmax, log_softmax
 * act on each row of X: one row is one observation). */
typedef enum {
    NN_ACT_THRESHOLD = 0, /* 1 where x >= 0, else 0; derivative 0 */
    NN_ACT_LINEAR,        /* x */
    NN_ACT_SIGMOID,       /* 1 / (1 + exp(-x)) */
    NN_ACT_TANH,          /* tanh(x) */
    NN_ACT_RELU,          /* max(x, 0) */
    NN_ACT_LEAKY_RELU,    /* x > 0 ? x : alpha*x          ('alpha' 0.01) */
    NN_ACT_ELU,           /* x > 0 ? x : alpha*expm1(x)   ('alpha' 1) */
    NN_ACT_SOFTPLUS,      /* log(1 + exp(beta*x)) / beta ('beta' 1,
                             'threshold' 20: x where beta*x > threshold) */
    NN_ACT_GELU,          /* x * Phi(x), erf form */
    NN_ACT_SILU,          /* x * sigmoid(x) */
    NN_ACT_SOFTMAX,       /* exp(x_ij) / sum_j exp(x_ij), by row */
    NN_ACT_LOG_SOFTMAX,   /* x_ij - log(sum_j exp(x_ij)), by row */
    NN_ACT_COUNT
} nn_act_kind;

/* Every option of every activation; each uses its own subset. */
typedef struct {
    double alpha;       /* leaky_relu (also 'negative_slope'), elu */
    double beta;        /* softplus */
    double threshold;   /* softplus; may be +Inf (never linear) */
} nn_act_opts;

/* Look-up of a lower-case name; -1 when unknown. */
int nn_act_lookup(const char *name);
const char *nn_act_name(int kind);
/* The valid names, quoted and comma-separated, for error messages. */
const char *nn_act_names(void);
/* PyTorch's defaults for kind. */
void nn_act_defaults(int kind, nn_act_opts *o);
/* Validates one name/value pair and stores it: NN_OK, NN_ENAME (kind has
 * no such option) or NN_EVALUE, with a sentence in msg. */
int nn_act_option(int kind, nn_act_opts *o, const char *name,
                  const double *val, nn_int nval, const char *str,
                  char *msg, size_t msglen);

/* X, Y, dY, dX are n x k, column-major.  No output may overlap an input.
 * o may be NULL for PyTorch's defaults.  NaN in X gives NaN in the output
 * (for softmax and log_softmax: in that whole row; 'linear' passes dY
 * through).  Return NN_OK, or NN_ENAME for an unknown kind, NN_EARG for a
 * negative size.  They never allocate: softmax and log_softmax work on
 * blocks of rows with scratch arrays on the stack. */
#define NN_DECLARE_ACT(R, S)                                                  \
/* Y = f(X) elementwise (by row for softmax and log_softmax). */              \
int nn_act_forward##S(int kind, const nn_act_opts *o, nn_int n, nn_int k,     \
                      const R *X, R *Y);                                       \
/* dX = f'(X) .* dY (the product with the Jacobian for row-wise f). */        \
int nn_act_backward##S(int kind, const nn_act_opts *o, nn_int n, nn_int k,    \
                       const R *X, const R *dY, R *dX);

NN_DECLARE_ACT(double, _d)
NN_DECLARE_ACT(float, _s)
#undef NN_DECLARE_ACT

#endif
