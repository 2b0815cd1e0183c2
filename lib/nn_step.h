/* Optimizer updates.  Included by nn.h. */
#ifndef NNLAB_NN_STEP_H
#define NNLAB_NN_STEP_H

typedef enum {
    NN_OPT_SGD = 0,
    NN_OPT_COUNT
} nn_opt_kind;

typedef struct {
    double lr, momentum, dampening, weight_decay;
    int nesterov;
} nn_opt_opts;

int nn_opt_lookup(const char *name);
const char *nn_opt_name(int kind);
const char *nn_opt_names(void);
void nn_opt_defaults(int kind, nn_opt_opts *o);
int nn_opt_option(int kind, nn_opt_opts *o, const char *name,
                  const double *val, nn_int nval, const char *str,
                  char *msg, size_t msglen);
/* Checks that hold between options (e.g. nesterov needs momentum). */
int nn_opt_check(int kind, const nn_opt_opts *o, char *msg, size_t msglen);

/* The per-parameter state buffers an optimizer keeps under the options,
 * each of the size of P: writes up to NN_OPT_MAX_BUFFERS names (the field
 * names of the state struct) and returns how many. */
#define NN_OPT_MAX_BUFFERS 4
int nn_opt_buffers(int kind, const nn_opt_opts *o, const char **names);

#define NN_DECLARE_STEP(R, S)                                                 \
/* One optimizer step in place on P (count elements).  bufs are the state  \
 * buffers named by nn_opt_buffers; when fresh is 1 they hold no history    \
 * yet (zero-filled by the caller).  step counts steps, 1 for the first. */  \
int nn_opt_step##S(int kind, const nn_opt_opts *o, nn_int count, R *P,        \
                   const R *G, R *const *bufs, double step, int fresh);

NN_DECLARE_STEP(double, _d)
NN_DECLARE_STEP(float, _s)
#undef NN_DECLARE_STEP

#endif
