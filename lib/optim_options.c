/* Optimizer names and options (type-free, compiled once). */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "options.h"

static const char *const names[NN_OPTIM_COUNT] = {
    "sgd", "adagrad", "rmsprop", "adam", "adamw", "rprop"
};

/* The options each optimizer accepts, for the "has no option" message. */
static const char *const option_list[NN_OPTIM_COUNT] = {
    "'lr', 'momentum', 'dampening', 'nesterov', 'weight_decay', 'maximize'",
    "'lr', 'lr_decay', 'weight_decay', 'initial_accumulator_value', 'eps', 'maximize'",
    "'lr', 'alpha', 'eps', 'weight_decay', 'momentum', 'centered', 'maximize'",
    "'lr', 'betas', 'eps', 'weight_decay', 'amsgrad', 'maximize'",
    "'lr', 'betas', 'eps', 'weight_decay', 'amsgrad', 'maximize'",
    "'lr', 'etas', 'step_sizes', 'maximize'"
};

int nn_optim_lookup(const char *name) { return nn_util_lookup(names, NN_OPTIM_COUNT, name); }
const char *nn_optim_name(int kind) { return kind >= 0 && kind < NN_OPTIM_COUNT ? names[kind] : "?"; }
const char *nn_optim_names(void)
{
    return "'sgd', 'adagrad', 'rmsprop', 'adam', 'adamw', 'rprop'";
}

void nn_optim_defaults(int kind, nn_optim_opts *o)
{
    memset(o, 0, sizeof *o);
    o->beta1 = 0.9;
    o->beta2 = 0.999;
    o->etaminus = 0.5;
    o->etaplus = 1.2;
    o->step_min = 1e-6;
    o->step_max = 50;
    o->alpha = 0.99;
    o->eps = 1e-8;
    switch (kind) {
    case NN_OPTIM_SGD:
        o->lr = 1e-3;       /* torch.optim.SGD's default since PyTorch 2.2 */
        break;
    case NN_OPTIM_ADAGRAD:
        o->lr = 1e-2;
        o->eps = 1e-10;
        break;
    case NN_OPTIM_RMSPROP:
    case NN_OPTIM_RPROP:
        o->lr = 1e-2;
        break;
    case NN_OPTIM_ADAMW:
        o->lr = 1e-3;
        o->weight_decay = 1e-2;
        break;
    default:                /* adam */
        o->lr = 1e-3;
        break;
    }
}

/* A pair of finite reals given as a 2-element vector. */
static int real_pair(const char *name, const double *val, nn_int nval,
                     double *a, double *b, char *msg, size_t msglen)
{
    if (val == NULL || nval != 2 || !isfinite(val[0]) || !isfinite(val[1]))
        return nn_util_fail(NN_EVALUE, msg, msglen,
                            "option '%s' takes a vector of two finite real numbers", name);
    *a = val[0];
    *b = val[1];
    return NN_OK;
}

static int is(const char *name, const char *want) { return strcmp(name, want) == 0; }

static int betas(const char *name, const double *val, nn_int nval,
                 nn_optim_opts *o, char *msg, size_t msglen)
{
    double b1 = 0, b2 = 0;
    int st = real_pair(name, val, nval, &b1, &b2, msg, msglen);
    if (st != NN_OK)
        return st;
    if (!(b1 >= 0 && b1 < 1 && b2 >= 0 && b2 < 1)) {
        if (msg != NULL && msglen > 0)
            snprintf(msg, msglen, "option 'betas' must be [beta1, beta2] with both "
                     "in [0, 1), such as [0.9, 0.999], not [%g, %g]", b1, b2);
        return NN_EVALUE;
    }
    o->beta1 = b1;
    o->beta2 = b2;
    return NN_OK;
}

static int etas(const char *name, const double *val, nn_int nval,
                nn_optim_opts *o, char *msg, size_t msglen)
{
    double em = 0, ep = 0;
    int st = real_pair(name, val, nval, &em, &ep, msg, msglen);
    if (st != NN_OK)
        return st;
    if (!(em > 0 && em < 1 && ep > 1)) {
        if (msg != NULL && msglen > 0)
            snprintf(msg, msglen, "option 'etas' must be [etaminus, etaplus] with "
                     "0 < etaminus < 1 < etaplus, such as [0.5, 1.2], not [%g, %g]",
                     em, ep);
        return NN_EVALUE;
    }
    o->etaminus = em;
    o->etaplus = ep;
    return NN_OK;
}

static int step_sizes(const char *name, const double *val, nn_int nval,
                      nn_optim_opts *o, char *msg, size_t msglen)
{
    double lo = 0, hi = 0;
    int st = real_pair(name, val, nval, &lo, &hi, msg, msglen);
    if (st != NN_OK)
        return st;
    if (!(lo >= 0 && lo <= hi)) {
        if (msg != NULL && msglen > 0)
            snprintf(msg, msglen, "option 'step_sizes' must be [min, max] with "
                     "0 <= min <= max, such as [1e-6, 50], not [%g, %g]", lo, hi);
        return NN_EVALUE;
    }
    o->step_min = lo;
    o->step_max = hi;
    return NN_OK;
}

int nn_optim_option(int kind, nn_optim_opts *o, const char *name,
                  const double *val, nn_int nval, const char *str,
                  char *msg, size_t msglen)
{
    const double inf = HUGE_VAL;
    int adam = kind == NN_OPTIM_ADAM || kind == NN_OPTIM_ADAMW;
    (void)str;          /* a string value fails the number checks below */
    if (kind < 0 || kind >= NN_OPTIM_COUNT)
        return nn_util_fail(NN_ENAME, msg, msglen, "unknown optimizer%s", "");
    if (name == NULL)
        name = "";
    if (is(name, "lr"))
        return nn_util_real(name, val, nval, 0, inf, &o->lr, msg, msglen);
    if (is(name, "maximize"))
        return nn_util_bool(name, val, nval, &o->maximize, msg, msglen);
    if (is(name, "weight_decay") && kind != NN_OPTIM_RPROP)
        return nn_util_real(name, val, nval, 0, inf, &o->weight_decay, msg, msglen);
    if (is(name, "eps") && kind != NN_OPTIM_SGD && kind != NN_OPTIM_RPROP)
        return nn_util_real(name, val, nval, 0, inf, &o->eps, msg, msglen);
    if (is(name, "momentum") && (kind == NN_OPTIM_SGD || kind == NN_OPTIM_RMSPROP))
        return nn_util_real(name, val, nval, 0, inf, &o->momentum, msg, msglen);
    if (kind == NN_OPTIM_SGD) {
        if (is(name, "dampening"))
            return nn_util_real(name, val, nval, -inf, inf, &o->dampening, msg, msglen);
        if (is(name, "nesterov"))
            return nn_util_bool(name, val, nval, &o->nesterov, msg, msglen);
    }
    if (kind == NN_OPTIM_ADAGRAD) {
        if (is(name, "lr_decay"))
            return nn_util_real(name, val, nval, 0, inf, &o->lr_decay, msg, msglen);
        if (is(name, "initial_accumulator_value"))
            return nn_util_real(name, val, nval, 0, inf,
                                &o->initial_accumulator_value, msg, msglen);
    }
    if (kind == NN_OPTIM_RMSPROP) {
        /* PyTorch checks alpha >= 0 only; alpha > 1 makes square_avg
         * negative and the step NaN, so it is refused here. */
        if (is(name, "alpha"))
            return nn_util_real(name, val, nval, 0, 1, &o->alpha, msg, msglen);
        if (is(name, "centered"))
            return nn_util_bool(name, val, nval, &o->centered, msg, msglen);
    }
    if (adam) {
        if (is(name, "betas"))
            return betas(name, val, nval, o, msg, msglen);
        if (is(name, "amsgrad"))
            return nn_util_bool(name, val, nval, &o->amsgrad, msg, msglen);
    }
    if (kind == NN_OPTIM_RPROP) {
        if (is(name, "etas"))
            return etas(name, val, nval, o, msg, msglen);
        if (is(name, "step_sizes"))
            return step_sizes(name, val, nval, o, msg, msglen);
    }
    if (msg != NULL && msglen > 0)
        snprintf(msg, msglen, "optimizer '%s' has no option '%s' (it has: %s)",
                 names[kind], name, option_list[kind]);
    return NN_ENAME;
}

int nn_optim_check(int kind, const nn_optim_opts *o, char *msg, size_t msglen)
{
    if (kind == NN_OPTIM_SGD && o->nesterov && (o->momentum <= 0 || o->dampening != 0))
        return nn_util_fail(NN_EVALUE, msg, msglen, "%s",
                            "Nesterov momentum needs 'momentum' > 0 and 'dampening' 0");
    return NN_OK;
}

int nn_optim_buffers(int kind, const nn_optim_opts *o, const char **names_out)
{
    int n = 0;
    switch (kind) {
    case NN_OPTIM_SGD:
        if (o->momentum != 0)
            names_out[n++] = "momentum_buffer";
        break;
    case NN_OPTIM_ADAGRAD:
        names_out[n++] = "sum";
        break;
    case NN_OPTIM_RMSPROP:
        names_out[n++] = "square_avg";
        if (o->momentum > 0)
            names_out[n++] = "momentum_buffer";
        if (o->centered)
            names_out[n++] = "grad_avg";
        break;
    case NN_OPTIM_ADAM:
    case NN_OPTIM_ADAMW:
        names_out[n++] = "exp_avg";
        names_out[n++] = "exp_avg_sq";
        if (o->amsgrad)
            names_out[n++] = "max_exp_avg_sq";
        break;
    case NN_OPTIM_RPROP:
        names_out[n++] = "prev";
        names_out[n++] = "step_size";
        break;
    default:
        break;
    }
    return n;
}
