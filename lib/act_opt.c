/* Activation names and options (type-free, compiled once). */
#include <stdio.h>
#include <string.h>
#include "opt_util.h"

static const char *const names[NN_ACT_COUNT] = {
    "threshold", "linear", "sigmoid"
};

int nn_act_lookup(const char *name) { return nn_util_lookup(names, NN_ACT_COUNT, name); }
const char *nn_act_name(int kind) { return kind >= 0 && kind < NN_ACT_COUNT ? names[kind] : "?"; }
const char *nn_act_names(void) { return "'threshold', 'linear', 'sigmoid'"; }

void nn_act_defaults(int kind, nn_act_opts *o)
{
    (void)kind;
    memset(o, 0, sizeof *o);
}

int nn_act_option(int kind, nn_act_opts *o, const char *name,
                  const double *val, nn_int nval, const char *str,
                  char *msg, size_t msglen)
{
    (void)o; (void)val; (void)nval; (void)str;
    if (msg != NULL && msglen > 0)
        snprintf(msg, msglen, "activation '%s' has no option '%s'",
                 nn_act_name(kind), name ? name : "");
    return NN_ENAME;
}
