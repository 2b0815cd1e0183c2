/* Optimizer updates, in place, with torch.optim's semantics. */
#include "nn_real.h"

/* torch.optim.SGD: g += wd*p; buf = g on the first step, else
 * buf = momentum*buf + (1 - dampening)*g; g = nesterov ? g + momentum*buf
 * : buf; p -= lr*g. */
static void sgd(const nn_opt_opts *o, nn_int count, real *P, const real *G,
                real *buf, int fresh)
{
    nn_int i;
    real lr = (real)o->lr, wd = (real)o->weight_decay;
    real mu = (real)o->momentum, damp = R(1) - (real)o->dampening;
    for (i = 0; i < count; i++) {
        real g = G[i];
        if (wd != 0)
            g += wd * P[i];
        if (buf != NULL) {
            real b = fresh ? g : mu * buf[i] + damp * g;
            buf[i] = b;
            g = o->nesterov ? g + mu * b : b;
        }
        P[i] -= lr * g;
    }
}

int NN_(nn_opt_step)(int kind, const nn_opt_opts *o, nn_int count, real *P,
                     const real *G, real *const *bufs, double step, int fresh)
{
    const char *names[NN_OPT_MAX_BUFFERS];
    int i, nb = nn_opt_buffers(kind, o, names);
    (void)step;
    if (count < 0)
        return NN_EARG;
    for (i = 0; i < nb; i++)
        if (bufs == NULL || bufs[i] == NULL)
            return NN_EARG;
    switch (kind) {
    case NN_OPT_SGD:
        sgd(o, count, P, G, nb ? bufs[0] : NULL, fresh);
        return NN_OK;
    default:
        return NN_ENAME;
    }
}
