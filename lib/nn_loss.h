/* Losses.  Included by nn.h. */
#ifndef NNLAB_NN_LOSS_H
#define NNLAB_NN_LOSS_H

typedef enum {
    NN_LOSS_MSE = 0,
    NN_LOSS_BCE,
    NN_LOSS_COUNT
} nn_loss_kind;

typedef enum { NN_RED_MEAN = 0, NN_RED_SUM, NN_RED_NONE } nn_reduction;

typedef struct {
    nn_reduction reduction;
} nn_loss_opts;

int nn_loss_lookup(const char *name);
int nn_reduction_lookup(const char *name);
const char *nn_loss_name(int kind);
const char *nn_loss_names(void);
void nn_loss_defaults(int kind, nn_loss_opts *o);
int nn_loss_option(int kind, nn_loss_opts *o, const char *name,
                   const double *val, nn_int nval, const char *str,
                   char *msg, size_t msglen);
/* Elements of the loss output for the given reduction (1 or n*k). */
nn_int nn_loss_out_count(int kind, const nn_loss_opts *o, nn_int n, nn_int k);

#define NN_DECLARE_LOSS(R, S)                                                 \
/* L (nn_loss_out_count elements) and, unless dZ is NULL, dZ = dL/dZ        \
 * (for reduction 'none': the gradient of sum(L)).  NN_EARG when Z or T     \
 * lie outside the loss's domain. */                                          \
int nn_loss##S(int kind, const nn_loss_opts *o, nn_int n, nn_int k,           \
               const R *Z, const R *T, R *L, R *dZ);

NN_DECLARE_LOSS(double, _d)
NN_DECLARE_LOSS(float, _s)
#undef NN_DECLARE_LOSS

#endif
