/* Optimizer names and options (type-free, compiled once). */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "opt_util.h"

static const char *const names[NN_OPT_COUNT] = { "sgd" };

int nn_opt_lookup(const char *name) { return nn_util_lookup(names, NN_OPT_COUNT, name); }
const char *nn_opt_name(int kind) { return kind >= 0 && kind < NN_OPT_COUNT ? names[kind] : "?"; }
const char *nn_opt_names(void) { return "'sgd'"; }

void nn_opt_defaults(int kind, nn_opt_opts *o)
{
    (void)kind;
    memset(o, 0, sizeof *o);
    o->lr = 1e-3;           /* torch.optim.SGD's default since PyTorch 2.2 */
}

int nn_opt_option(int kind, nn_opt_opts *o, const char *name,
                  const double *val, nn_int nval, const char *str,
                  char *msg, size_t msglen)
{
    (void)str;
    if (name == NULL)
        name = "";
    if (kind == NN_OPT_SGD) {
        if (strcmp(name, "lr") == 0)
            return nn_util_real(name, val, nval, 0, HUGE_VAL, &o->lr, msg, msglen);
        if (strcmp(name, "momentum") == 0)
            return nn_util_real(name, val, nval, 0, HUGE_VAL, &o->momentum, msg, msglen);
        if (strcmp(name, "dampening") == 0)
            return nn_util_real(name, val, nval, -HUGE_VAL, HUGE_VAL, &o->dampening, msg, msglen);
        if (strcmp(name, "weight_decay") == 0)
            return nn_util_real(name, val, nval, 0, HUGE_VAL, &o->weight_decay, msg, msglen);
        if (strcmp(name, "nesterov") == 0)
            return nn_util_bool(name, val, nval, &o->nesterov, msg, msglen);
        if (msg != NULL && msglen > 0)
            snprintf(msg, msglen, "optimizer 'sgd' has no option '%s' (it has: "
                     "'lr', 'momentum', 'dampening', 'nesterov', 'weight_decay')",
                     name);
        return NN_ENAME;
    }
    return nn_util_fail(NN_ENAME, msg, msglen, "unknown optimizer option '%s'", name);
}

int nn_opt_check(int kind, const nn_opt_opts *o, char *msg, size_t msglen)
{
    if (kind == NN_OPT_SGD && o->nesterov && (o->momentum <= 0 || o->dampening != 0))
        return nn_util_fail(NN_EVALUE, msg, msglen, "%s",
                            "Nesterov momentum needs 'momentum' > 0 and 'dampening' 0");
    return NN_OK;
}

int nn_opt_buffers(int kind, const nn_opt_opts *o, const char **names_out)
{
    if (kind == NN_OPT_SGD && o->momentum != 0) {
        names_out[0] = "momentum_buffer";
        return 1;
    }
    return 0;
}
