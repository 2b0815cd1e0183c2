/* Activation names and options (type-free, compiled once). */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "options.h"

static const char *const names[NN_ACT_COUNT] = {
    "threshold", "linear", "sigmoid", "tanh", "relu", "leaky_relu", "elu",
    "softplus", "gelu", "silu", "softmax", "log_softmax"
};

int nn_act_lookup(const char *name) { return nn_util_lookup(names, NN_ACT_COUNT, name); }
const char *nn_act_name(int kind) { return kind >= 0 && kind < NN_ACT_COUNT ? names[kind] : "?"; }

const char *nn_act_names(void)
{
    return "'threshold', 'linear', 'sigmoid', 'tanh', 'relu', 'leaky_relu', "
           "'elu', 'softplus', 'gelu', 'silu', 'softmax', 'log_softmax'";
}

void nn_act_defaults(int kind, nn_act_opts *o)
{
    memset(o, 0, sizeof *o);
    o->alpha = kind == NN_ACT_ELU ? 1.0 : 0.01;
    o->beta = 1.0;
    o->threshold = 20.0;
}

/* The options each activation takes, for messages. */
static const char *own_options(int kind)
{
    switch (kind) {
    case NN_ACT_LEAKY_RELU: return "'alpha' (or its PyTorch name 'negative_slope')";
    case NN_ACT_ELU: return "'alpha'";
    case NN_ACT_SOFTPLUS: return "'beta' and 'threshold'";
    default: return NULL;
    }
}

/* Which activations an option name belongs to, or NULL. */
static const char *owners(const char *name)
{
    if (strcmp(name, "alpha") == 0) return "'leaky_relu' and 'elu'";
    if (strcmp(name, "negative_slope") == 0) return "'leaky_relu'";
    if (strcmp(name, "beta") == 0 || strcmp(name, "threshold") == 0)
        return "'softplus'";
    return NULL;
}

static int no_such_option(int kind, const char *name, char *msg, size_t msglen)
{
    const char *own = own_options(kind), *oth = owners(name);
    char tail[160];
    if (msg == NULL || msglen == 0)
        return NN_ENAME;
    tail[0] = '\0';
    if (oth != NULL)
        snprintf(tail, sizeof tail, "; '%s' is an option of %s", name, oth);
    if (own != NULL)
        snprintf(msg, msglen, "activation '%s' has no option '%s' (it has %s)%s",
                 nn_act_name(kind), name, own, tail);
    else
        snprintf(msg, msglen, "activation '%s' takes no options, but was given '%s'%s",
                 nn_act_name(kind), name, tail);
    return NN_ENAME;
}

int nn_act_option(int kind, nn_act_opts *o, const char *name,
                  const double *val, nn_int nval, const char *str,
                  char *msg, size_t msglen)
{
    (void)str;  /* no activation option takes a string */
    if (name == NULL)
        name = "";
    switch (kind) {
    case NN_ACT_LEAKY_RELU:
        if (strcmp(name, "alpha") == 0 || strcmp(name, "negative_slope") == 0)
            return nn_util_real(name, val, nval, -HUGE_VAL, HUGE_VAL,
                                &o->alpha, msg, msglen);
        break;
    case NN_ACT_ELU:
        if (strcmp(name, "alpha") == 0)
            return nn_util_real(name, val, nval, 0.0, HUGE_VAL, &o->alpha,
                                msg, msglen);
        break;
    case NN_ACT_SOFTPLUS:
        if (strcmp(name, "beta") == 0)
            return nn_util_real_open(name, val, nval, 0.0, HUGE_VAL, &o->beta,
                                     msg, msglen);
        if (strcmp(name, "threshold") == 0) {
            /* +Inf is allowed: the exact softplus everywhere */
            if (val == NULL || nval != 1)
                return nn_util_fail(NN_EVALUE, msg, msglen,
                                    "option '%s' takes one real number", name);
            if (!(val[0] > 0)) {
                if (msg != NULL && msglen > 0)
                    snprintf(msg, msglen, "option 'threshold' must be a number > 0 "
                             "(Inf: never linear), not %g", val[0]);
                return NN_EVALUE;
            }
            o->threshold = val[0];
            return NN_OK;
        }
        break;
    default:
        break;
    }
    return no_such_option(kind, name, msg, msglen);
}
