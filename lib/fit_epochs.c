/* Training policy over epochs (see nn_fit_epochs in nn_fit.h): one nn_fit
 * per epoch (its plan made once: nn_fit_kept), stopping at a divergence or
 * a batch outside the loss's domain, and after a divergence the replay
 * that gives back the last finite network. */
#include <stdlib.h>
#include <string.h>
#include "nn_real.h"
#include "fit_internal.h"

#define NN_FIT_LAYER NN_(nn_fit_layer)

/* What a layer's state was at the start: its step counts and freshness
 * (the arrays are the caller's W0, b0, bufW0, bufb0). */
typedef struct {
    double stepsW, stepsb;
    int freshW, freshb;
} start_state;

/* Epochs 0..upto-1 (all of them when upto < 0, then at most last_steps
 * steps in epoch upto-1 when last_steps >= 0); stops at a divergence or a
 * loss domain error: *se, *ss its epoch and step (1-based). */
static int run(const nn_fit_config *c0, nn_int epochs, const nn_int *perms,
               nn_int nlayers, NN_FIT_LAYER *layers, const real *X,
               const real *T, double *losses, nn_int lstride, real *Y,
               nn_int K, double *hits, nn_int last_steps, nn_int *se,
               nn_int *ss, nn_loss_fact *fact)
{
    nn_fit_config c = *c0;
    nn_int e, stopped = 0;
    int st = NN_OK;
    void *kept = NULL;              /* the epochs' plan, made once */
    *se = *ss = 0;
    for (e = 0; e < epochs; e++) {
        c.perm = perms + e * nn_fit_np(&c);
        c.max_steps = e == epochs - 1 ? last_steps : -1;
        c.hits = hits != NULL ? hits + e : NULL;
        c.xreuse = c0->xreuse || e > 0;   /* the copy of epoch 0 serves all */
        st = NN_(nn_fit_kept)(&c, nlayers, layers, X, T, losses + e * lstride,
                              Y != NULL ? Y + e * c.n * K : NULL, &stopped, fact, &kept);
        if (stopped > 0) {
            *se = e + 1;
            *ss = stopped;
        }
        if (st != NN_OK || stopped > 0)
            break;
    }
    NN_(nn_fit_kept_free)(&kept);
    return st;
}

/* The layers as they were at the start: W0, b0 and the buffers copied
 * back, the step counts from `s`.  0 when a layer with parameters has no
 * start values (then nothing is restored). */
static int restore(nn_int nlayers, NN_FIT_LAYER *layers, const nn_fit_net *w,
                   int nbuf, const start_state *s)
{
    nn_int i;
    int k;
    for (i = 0; i < nlayers; i++)
        if (w->nW[i] + w->nb[i] > 0 &&
            (layers[i].W0 == NULL || layers[i].b0 == NULL))
            return 0;
    for (i = 0; i < nlayers; i++) {
        NN_FIT_LAYER *L = layers + i;
        size_t cw = (size_t)w->nW[i] * sizeof(real);
        size_t cb = (size_t)w->nb[i] * sizeof(real);
        if (cw + cb == 0)
            continue;
        if (cw > 0)
            memcpy(L->W, L->W0, cw);
        if (cb > 0)
            memcpy(L->b, L->b0, cb);
        L->stepsW = s[i].stepsW;
        L->stepsb = s[i].stepsb;
        L->freshW = s[i].freshW;
        L->freshb = s[i].freshb;
        for (k = 0; k < nbuf; k++) {
            if (!L->freshW && cw > 0 && L->bufW0[k] != NULL)
                memcpy(L->bufW[k], L->bufW0[k], cw);
            if (!L->freshb && cb > 0 && L->bufb0[k] != NULL)
                memcpy(L->bufb[k], L->bufb0[k], cb);
        }
    }
    return 1;
}

int NN_(nn_fit_epochs)(const nn_fit_config *c, nn_int epochs,
                       const nn_int *perms, nn_int nlayers,
                       NN_FIT_LAYER *layers, const real *X, const real *T,
                       double *losses, real *Y, double *hits,
                       nn_int *stop_epoch, nn_int *stop_step,
                       nn_loss_fact *fact)
{
    const char *names[NN_OPTIM_MAX_BUFFERS];
    start_state *s;
    nn_fit_net net;
    double *scratch;
    nn_int i, K, nsteps, se2 = 0, ss2 = 0;
    int st, nbuf;

    if (stop_epoch != NULL)
        *stop_epoch = 0;
    if (stop_step != NULL)
        *stop_step = 0;
    if (c == NULL || stop_epoch == NULL || stop_step == NULL || epochs < 0 ||
        c->n < 0 || c->batch < 1 || nlayers < 0 || (nlayers > 0 && layers == NULL) ||
        (epochs > 0 && c->n > 0 && perms == NULL) || c->optim_opts == NULL)
        return NN_EARG;
    nsteps = (nn_fit_np(c) + c->batch - 1) / c->batch;
    st = NN_(nn_fit_net_plan)(c, nlayers, layers, 1, &net, NULL, 0);
    if (st != NN_OK) {
        nn_fit_net_free(&net);
        return st;
    }
    K = net.width[nlayers];
    nbuf = nn_optim_buffers(c->optim, c->optim_opts, names);
    s = (start_state *)malloc(((size_t)nlayers + 1) * sizeof(*s));
    if (s == NULL) {
        nn_fit_net_free(&net);
        return NN_ENOMEM;
    }
    for (i = 0; i < nlayers; i++) {
        s[i].stepsW = layers[i].stepsW;
        s[i].stepsb = layers[i].stepsb;
        s[i].freshW = layers[i].freshW;
        s[i].freshb = layers[i].freshb;
    }
    st = run(c, epochs, perms, nlayers, layers, X, T, losses, nsteps, Y, K,
             hits, -1, stop_epoch, stop_step, fact);

    /* diverged at step ss of epoch se: the parameters of before that step,
     * by running the epochs again from the start (the run is
     * deterministic); the replay's losses are not kept */
    if (st == NN_OK && *stop_step > 0 &&
        restore(nlayers, layers, &net, nbuf, s)) {
        scratch = (double *)malloc(((size_t)nsteps * (size_t)*stop_epoch + 1) *
                                   sizeof(double));
        if (scratch == NULL) {
            free(s);
            nn_fit_net_free(&net);
            return NN_ENOMEM;
        }
        nn_fit_config again = *c;
        again.xreuse = 1;                /* X has not changed since the run */
        st = run(&again, *stop_epoch, perms, nlayers, layers, X, T, scratch, nsteps,
                 NULL, K, NULL, *stop_step - 1, &se2, &ss2, NULL);
        if (st == NN_OK && ss2 != 0)
            st = NN_EINTERNAL;
        free(scratch);
    }
    free(s);
    nn_fit_net_free(&net);
    return st;
}
