/* Optimizer updates, in place, with torch.optim's semantics (PyTorch 1.13's
 * single-tensor code paths, operation for operation, so that 100 steps in
 * double agree with torch.optim to rounding).  Scalars that PyTorch computes
 * as Python floats (bias corrections, decayed learning rates) are computed
 * in double here too and then rounded to the element type. */
#include "nn_real.h"

#include "clones.h"   /* WIDE */

/* g = -G when maximizing, plus weight decay wd*p (L2, coupled). */
static real grad_of(const nn_optim_opts *o, real g, real p, real wd)
{
    if (o->maximize)
        g = -g;
    if (wd != 0)
        g += wd * p;
    return g;
}

/* torch.optim.SGD: g += wd*p; buf = g on the first step, else
 * buf = momentum*buf + (1 - dampening)*g; g = nesterov ? g + momentum*buf
 * : buf; p -= lr*g. */
WIDE static void sgd(const nn_optim_opts *o, nn_int count, real *P, const real *G,
                real *buf, int fresh)
{
    nn_int i;
    real lr = (real)o->lr, wd = (real)o->weight_decay;
    real mu = (real)o->momentum, damp = (real)(1 - o->dampening);
    if (buf == NULL && !o->maximize && wd == 0) {
        /* plain gradient descent: the same arithmetic, in a loop that vectorises */
        for (i = 0; i < count; i++)
            P[i] -= lr * G[i];
        return;
    }
    if (buf != NULL && !o->maximize && wd == 0 && !o->nesterov && !fresh) {
        /* heavy ball, after the first step: the same arithmetic, in a loop
         * that vectorises */
        for (i = 0; i < count; i++) {
            real b = mu * buf[i] + damp * G[i];
            buf[i] = b;
            P[i] -= lr * b;
        }
        return;
    }
    for (i = 0; i < count; i++) {
        real g = grad_of(o, G[i], P[i], wd);
        if (buf != NULL) {
            real b = fresh ? g : mu * buf[i] + damp * g;
            buf[i] = b;
            g = o->nesterov ? g + mu * b : b;
        }
        P[i] -= lr * g;
    }
}

/* torch.optim.Adagrad: g += wd*p; clr = lr / (1 + (step-1)*lr_decay);
 * sum += g^2; p -= clr * g / (sqrt(sum) + eps). */
WIDE static void adagrad(const nn_optim_opts *o, nn_int count, real *P, const real *G,
                    real *sum, double step, int fresh)
{
    nn_int i;
    real wd = (real)o->weight_decay, eps = (real)o->eps;
    real nclr = (real)(-(o->lr / (1 + (step - 1) * o->lr_decay)));
    real init = (real)o->initial_accumulator_value;
    for (i = 0; i < count; i++) {
        real g = grad_of(o, G[i], P[i], wd);
        real s = (fresh ? init : sum[i]) + g * g;
        sum[i] = s;
        P[i] += nclr * (g / (sqrt(s) + eps));
    }
}

/* torch.optim.RMSprop: g += wd*p; v = alpha*v + (1-alpha)*g^2;
 * centered: a = alpha*a + (1-alpha)*g, d = sqrt(v - a^2) + eps, else
 * d = sqrt(v) + eps; momentum > 0: b = momentum*b + g/d, p -= lr*b;
 * else p -= lr*g/d.  v - a^2 >= 0 holds in exact arithmetic; a rounding
 * below zero (where PyTorch gives NaN) is taken as 0. */
static void rmsprop(const nn_optim_opts *o, nn_int count, real *P, const real *G,
                    real *sq, real *buf, real *gavg, int fresh)
{
    nn_int i;
    real lr = (real)o->lr, wd = (real)o->weight_decay, eps = (real)o->eps;
    real al = (real)o->alpha, one_al = (real)(1 - o->alpha);
    real mu = (real)o->momentum;
    for (i = 0; i < count; i++) {
        real g = grad_of(o, G[i], P[i], wd);
        real v = (fresh ? 0 : sq[i]) * al + one_al * g * g, d;
        sq[i] = v;
        if (gavg != NULL) {
            real a = (fresh ? 0 : gavg[i]) * al + one_al * g;
            real var = v - a * a;
            gavg[i] = a;
            d = sqrt(var > 0 ? var : R(0));
        } else {
            d = sqrt(v);
        }
        d += eps;
        if (buf != NULL) {
            real b = (fresh ? 0 : buf[i]) * mu + g / d;
            buf[i] = b;
            P[i] -= lr * b;
        } else {
            P[i] += -lr * (g / d);
        }
    }
}

/* torch.optim.Adam / AdamW: adam: g += wd*p; adamw: p *= 1 - lr*wd;
 * m = b1*m + (1-b1)*g; v = b2*v + (1-b2)*g^2; amsgrad: vmax = max(vmax, v),
 * used instead of v; p -= lr/(1-b1^t) * m / (sqrt(v)/sqrt(1-b2^t) + eps). */
WIDE static void adam(const nn_optim_opts *o, int decoupled, nn_int count, real *P,
                 const real *G, real *m, real *v, real *vmax, double step,
                 int fresh)
{
    nn_int i;
    real wd = decoupled ? R(0) : (real)o->weight_decay;
    real shrink = (real)(1 - o->lr * o->weight_decay);
    real b1 = (real)o->beta1, one_b1 = (real)(1 - o->beta1);
    real b2 = (real)o->beta2, one_b2 = (real)(1 - o->beta2);
    real eps = (real)o->eps;
    double bc1 = 1 - pow(o->beta1, step), bc2 = 1 - pow(o->beta2, step);
    real nstep = (real)(-(o->lr / bc1)), bc2s = (real)sqrt(bc2);
    if (!o->maximize && wd == 0 && vmax == NULL && !fresh) {
        /* the usual case: the same arithmetic as below (for adam, p * 1 is
         * p), in a loop without branches that vectorises */
        real sh = decoupled ? shrink : R(1);
        for (i = 0; i < count; i++) {
            real p = P[i] * sh, g = G[i];
            real mi = m[i] * b1 + one_b1 * g;
            real vi = v[i] * b2 + one_b2 * g * g;
            real d;
            m[i] = mi;
            v[i] = vi;
            d = sqrt(vi) / bc2s + eps;
            P[i] = p + nstep * (mi / d);
        }
        return;
    }
    for (i = 0; i < count; i++) {
        real p = P[i], g, mi, vi, d;
        if (decoupled)
            p *= shrink;
        g = grad_of(o, G[i], p, wd);
        mi = (fresh ? 0 : m[i]) * b1 + one_b1 * g;
        vi = (fresh ? 0 : v[i]) * b2 + one_b2 * g * g;
        m[i] = mi;
        v[i] = vi;
        if (vmax != NULL) {
            real w = fresh ? 0 : vmax[i];
            vi = vi > w ? vi : w;
            vmax[i] = vi;
        }
        d = sqrt(vi) / bc2s + eps;
        P[i] = p + nstep * (mi / d);
    }
}

/* torch.optim.Rprop: s = sign(g*prev); step = clamp(step*(s > 0 ? etaplus
 * : s < 0 ? etaminus : 1), min, max); where s < 0, g = 0;
 * p -= sign(g)*step; prev = g.  Fresh: prev = 0, step = lr. */
static void rprop(const nn_optim_opts *o, nn_int count, real *P, const real *G,
                  real *prev, real *size, int fresh)
{
    nn_int i;
    real ep = (real)o->etaplus, em = (real)o->etaminus;
    real lo = (real)o->step_min, hi = (real)o->step_max, lr = (real)o->lr;
    for (i = 0; i < count; i++) {
        real g = o->maximize ? -G[i] : G[i];
        real gp = g * (fresh ? 0 : prev[i]);
        real s = fresh ? lr : size[i], sg;
        if (gp > 0)
            s *= ep;
        else if (gp < 0) {
            s *= em;
            g = 0;
        }
        s = s < lo ? lo : s;
        s = s > hi ? hi : s;
        size[i] = s;
        sg = g > 0 ? R(1) : g < 0 ? R(-1) : R(0);
        P[i] += -(sg * s);
        prev[i] = g;
    }
}

int NN_(nn_optim_step)(int kind, const nn_optim_opts *o, nn_int count, real *P,
                     const real *G, real *const *bufs, double step, int fresh)
{
    const char *names[NN_OPTIM_MAX_BUFFERS];
    real *b[NN_OPTIM_MAX_BUFFERS] = { NULL, NULL, NULL, NULL };
    int i, nb;
    if (kind < 0 || kind >= NN_OPTIM_COUNT)
        return NN_ENAME;
    if (o == NULL)
        return NN_EARG;
    nb = nn_optim_buffers(kind, o, names);
    if (count < 0 || !(step >= 1) || (count > 0 && (P == NULL || G == NULL)))
        return NN_EARG;
    for (i = 0; i < nb; i++) {
        if (bufs == NULL || (bufs[i] == NULL && count > 0))
            return NN_EARG;
        b[i] = bufs[i];
    }
    fresh = fresh != 0;
    switch (kind) {
    case NN_OPTIM_SGD:
        sgd(o, count, P, G, nb ? b[0] : NULL, fresh);
        break;
    case NN_OPTIM_ADAGRAD:
        adagrad(o, count, P, G, b[0], step, fresh);
        break;
    case NN_OPTIM_RMSPROP: {
        real *buf = NULL, *gavg = NULL;
        int k = 1;
        if (o->momentum > 0)
            buf = b[k++];
        if (o->centered)
            gavg = b[k++];
        rmsprop(o, count, P, G, b[0], buf, gavg, fresh);
        break;
    }
    case NN_OPTIM_ADAM:
    case NN_OPTIM_ADAMW:
        adam(o, kind == NN_OPTIM_ADAMW, count, P, G, b[0], b[1],
             o->amsgrad ? b[2] : NULL, step, fresh);
        break;
    case NN_OPTIM_RPROP:
        rprop(o, count, P, G, b[0], b[1], fresh);
        break;
    default:
        return NN_ENAME;
    }
    return NN_OK;
}
