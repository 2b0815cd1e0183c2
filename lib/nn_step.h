/* Optimizer updates with torch.optim's semantics.  Included by nn.h. */
#ifndef NNLAB_NN_STEP_H
#define NNLAB_NN_STEP_H

typedef enum {
    NN_OPT_SGD = 0,
    NN_OPT_ADAGRAD,
    NN_OPT_RMSPROP,
    NN_OPT_ADAM,
    NN_OPT_ADAMW,
    NN_OPT_RPROP,
    NN_OPT_COUNT
} nn_opt_kind;

/* Every option of every optimizer; each uses its own subset (see
 * nn_opt_option).  nn_opt_defaults sets PyTorch's defaults. */
typedef struct {
    double lr;                        /* all */
    double momentum, dampening;       /* sgd; rmsprop: momentum */
    double weight_decay;              /* all but rprop (adamw: decoupled) */
    double lr_decay;                  /* adagrad */
    double initial_accumulator_value; /* adagrad */
    double eps;                       /* adagrad, rmsprop, adam, adamw */
    double alpha;                     /* rmsprop */
    double beta1, beta2;              /* adam, adamw: 'betas' */
    double etaminus, etaplus;         /* rprop: 'etas' */
    double step_min, step_max;        /* rprop: 'step_sizes' */
    int nesterov;                     /* sgd */
    int centered;                     /* rmsprop */
    int amsgrad;                      /* adam, adamw */
    int maximize;                     /* all: ascend instead of descend */
} nn_opt_opts;

int nn_opt_lookup(const char *name);
const char *nn_opt_name(int kind);
/* "'sgd', 'adagrad', ..." for messages. */
const char *nn_opt_names(void);
void nn_opt_defaults(int kind, nn_opt_opts *o);
/* Validates one name/value pair (ranges as torch.optim's ValueErrors, and
 * finite) and stores it: NN_OK, NN_ENAME (no such option for this
 * optimizer) or NN_EVALUE, with a sentence in msg. */
int nn_opt_option(int kind, nn_opt_opts *o, const char *name,
                  const double *val, nn_int nval, const char *str,
                  char *msg, size_t msglen);
/* Checks that hold between options (e.g. nesterov needs momentum). */
int nn_opt_check(int kind, const nn_opt_opts *o, char *msg, size_t msglen);

/* The per-parameter state buffers an optimizer keeps under the options,
 * each of the size of P, in the order of torch.optim's state dict: writes
 * up to NN_OPT_MAX_BUFFERS names (PyTorch's state names, the field names of
 * the state struct) and returns how many.
 *   sgd      momentum_buffer (when momentum != 0)
 *   adagrad  sum
 *   rmsprop  square_avg, momentum_buffer (momentum > 0), grad_avg (centered)
 *   adam(w)  exp_avg, exp_avg_sq, max_exp_avg_sq (amsgrad)
 *   rprop    prev, step_size */
#define NN_OPT_MAX_BUFFERS 4
int nn_opt_buffers(int kind, const nn_opt_opts *o, const char **names);

#define NN_DECLARE_STEP(R, S)                                                 \
/* One optimizer step in place on P (count elements) with gradient G.       \
 * bufs are the state buffers named by nn_opt_buffers, updated in place.    \
 * When fresh is 1 there is no history yet: the buffers' contents are       \
 * ignored and they are initialised as torch.optim does (adagrad's sum to   \
 * initial_accumulator_value, rprop's step_size to lr, sgd's momentum       \
 * buffer to the first gradient, the others to 0).  step counts steps,      \
 * 1 for the first (adam's bias corrections, adagrad's lr_decay).           \
 * NN_EARG for a negative count, a missing buffer or step < 1. */             \
int nn_opt_step##S(int kind, const nn_opt_opts *o, nn_int count, R *P,        \
                   const R *G, R *const *bufs, double step, int fresh);

NN_DECLARE_STEP(double, _d)
NN_DECLARE_STEP(float, _s)
#undef NN_DECLARE_STEP

#endif
