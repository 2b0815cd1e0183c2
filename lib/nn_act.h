/* Activations.  Included by nn.h. */
#ifndef NNLAB_NN_ACT_H
#define NNLAB_NN_ACT_H

typedef enum {
    NN_ACT_THRESHOLD = 0,
    NN_ACT_LINEAR,
    NN_ACT_SIGMOID,
    NN_ACT_COUNT
} nn_act_kind;

typedef struct {
    int dummy;          /* no options yet for threshold, linear, sigmoid */
} nn_act_opts;

/* Look-up of a lower-case name; -1 when unknown. */
int nn_act_lookup(const char *name);
const char *nn_act_name(int kind);
/* The valid names, quoted and comma-separated, for error messages. */
const char *nn_act_names(void);
void nn_act_defaults(int kind, nn_act_opts *o);
int nn_act_option(int kind, nn_act_opts *o, const char *name,
                  const double *val, nn_int nval, const char *str,
                  char *msg, size_t msglen);

#define NN_DECLARE_ACT(R, S)                                                  \
/* Y = f(X) elementwise (or by row), X and Y n x k. */                        \
int nn_act_forward##S(int kind, const nn_act_opts *o, nn_int n, nn_int k,     \
                      const R *X, R *Y);                                       \
/* dX = f'(X) .* dY (the product with the Jacobian for row-wise f). */        \
int nn_act_backward##S(int kind, const nn_act_opts *o, nn_int n, nn_int k,    \
                       const R *X, const R *dY, R *dX);

NN_DECLARE_ACT(double, _d)
NN_DECLARE_ACT(float, _s)
#undef NN_DECLARE_ACT

#endif
