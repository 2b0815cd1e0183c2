/* Optimizer updates with torch.optim's semantics.  Included by nn.h. */
#ifndef NNLAB_NN_OPTIM_H
#define NNLAB_NN_OPTIM_H

typedef enum {
    NN_OPTIM_SGD = 0,
    NN_OPTIM_ADAGRAD,
    NN_OPTIM_RMSPROP,
    NN_OPTIM_ADAM,
    NN_OPTIM_ADAMW,
    NN_OPTIM_RPROP,
    NN_OPTIM_COUNT
} nn_optim_kind;

/* Every option of every optimizer; each uses its own subset (see
 * nn_optim_option).  nn_optim_defaults sets PyTorch's defaults. */
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
} nn_optim_opts;

int nn_optim_lookup(const char *name);
const char *nn_optim_name(int kind);
/* "'sgd', 'adagrad', ..." for messages. */
const char *nn_optim_names(void);
void nn_optim_defaults(int kind, nn_optim_opts *o);
/* Validates one name/value pair (ranges as torch.optim's ValueErrors, and
 * finite) and stores it: NN_OK, NN_ENAME (no such option for this
 * optimizer) or NN_EVALUE, with a sentence in msg. */
int nn_optim_option(int kind, nn_optim_opts *o, const char *name,
                  const double *val, nn_int nval, const char *str,
                  char *msg, size_t msglen);
/* Checks that hold between options (e.g. nesterov needs momentum). */
int nn_optim_check(int kind, const nn_optim_opts *o, char *msg, size_t msglen);

/* The per-parameter state buffers an optimizer keeps under the options,
 * each of the size of P, in the order of torch.optim's state dict: writes
 * up to NN_OPTIM_MAX_BUFFERS names (PyTorch's state names, the field names of
 * the state struct) and returns how many.
 *   sgd      momentum_buffer (when momentum != 0)
 *   adagrad  sum
 *   rmsprop  square_avg, momentum_buffer (momentum > 0), grad_avg (centered)
 *   adam(w)  exp_avg, exp_avg_sq, max_exp_avg_sq (amsgrad)
 *   rprop    prev, step_size */
#define NN_OPTIM_MAX_BUFFERS 4
int nn_optim_buffers(int kind, const nn_optim_opts *o, const char **names);

#define NN_DECLARE_STEP(R, S)                                                 \
/* One optimizer step in place on P (count elements) with gradient G.       \
 * bufs are the state buffers named by nn_optim_buffers, updated in place.    \
 * When fresh is 1 there is no history yet: the buffers' contents are       \
 * ignored and they are initialised as torch.optim does (adagrad's sum to   \
 * initial_accumulator_value, rprop's step_size to lr, sgd's momentum       \
 * buffer to the first gradient, the others to 0).  step counts steps,      \
 * 1 for the first (adam's bias corrections, adagrad's lr_decay).           \
 * NN_EARG for a negative count, a missing buffer or step < 1. */             \
int nn_optim_step##S(int kind, const nn_optim_opts *o, nn_int count, R *P,        \
                   const R *G, R *const *bufs, double step, int fresh);

NN_DECLARE_STEP(double, _d)
NN_DECLARE_STEP(float, _s)
#undef NN_DECLARE_STEP

#endif
