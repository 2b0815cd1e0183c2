/* Loss names and options (type-free, compiled once). */
#include <stdio.h>
#include <string.h>
#include "opt_util.h"

static const char *const names[NN_LOSS_COUNT] = { "mse", "bce" };
static const char *const red_names[] = { "mean", "sum", "none" };

int nn_loss_lookup(const char *name) { return nn_util_lookup(names, NN_LOSS_COUNT, name); }
int nn_reduction_lookup(const char *name) { return nn_util_lookup(red_names, 3, name); }
const char *nn_loss_name(int kind) { return kind >= 0 && kind < NN_LOSS_COUNT ? names[kind] : "?"; }
const char *nn_loss_names(void) { return "'mse', 'bce'"; }

void nn_loss_defaults(int kind, nn_loss_opts *o)
{
    (void)kind;
    memset(o, 0, sizeof *o);
    o->reduction = NN_RED_MEAN;
}

int nn_loss_option(int kind, nn_loss_opts *o, const char *name,
                   const double *val, nn_int nval, const char *str,
                   char *msg, size_t msglen)
{
    (void)val; (void)nval;
    if (name != NULL && strcmp(name, "reduction") == 0) {
        int r = nn_reduction_lookup(str);
        if (r < 0)
            return nn_util_fail(NN_EVALUE, msg, msglen,
                                "option '%s' takes 'mean', 'sum' or 'none'", name);
        o->reduction = (nn_reduction)r;
        return NN_OK;
    }
    if (msg != NULL && msglen > 0)
        snprintf(msg, msglen, "loss '%s' has no option '%s' (it has: 'reduction')",
                 nn_loss_name(kind), name ? name : "");
    return NN_ENAME;
}

nn_int nn_loss_out_count(int kind, const nn_loss_opts *o, nn_int n, nn_int k)
{
    (void)kind;
    return o->reduction == NN_RED_NONE ? n * k : 1;
}
