/* Loss names, options and size rules (type-free, compiled once). */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "options.h"

static const char *const names[NN_LOSS_COUNT] = {
    "mse", "bce", "mae", "huber", "bce_logits", "hinge", "ce", "nll",
    "margin_ranking", "pairwise_logistic", "bernoulli", "categorical",
    "gaussian", "laplace", "poisson"
};
static const char *const red_names[] = { "mean", "sum", "none" };

int nn_loss_lookup(const char *name) { return nn_util_lookup(names, NN_LOSS_COUNT, name); }
int nn_reduction_lookup(const char *name) { return nn_util_lookup(red_names, 3, name); }
const char *nn_loss_name(int kind) { return kind >= 0 && kind < NN_LOSS_COUNT ? names[kind] : "?"; }
const char *nn_loss_names(void)
{
    return "'mse', 'mae', 'huber', 'bce', 'bce_logits', 'hinge', 'ce', 'nll', "
           "'margin_ranking', 'pairwise_logistic', 'bernoulli', 'categorical', "
           "'gaussian', 'laplace', 'poisson'";
}

int nn_loss_alias_of(int kind)
{
    return kind == NN_LOSS_BERNOULLI ? NN_LOSS_BCE_LOGITS
         : kind == NN_LOSS_CATEGORICAL ? NN_LOSS_CE : kind;
}

int nn_loss_learned(int kind, nn_int k, nn_int tcols)
{
    return (kind == NN_LOSS_GAUSSIAN || kind == NN_LOSS_LAPLACE) && tcols > 0 &&
           k % 2 == 0 && k / 2 == tcols;   /* (2 tcols may overflow) */
}

int nn_loss_per_observation(int kind)
{
    kind = nn_loss_alias_of(kind);
    return kind == NN_LOSS_CE || kind == NN_LOSS_NLL ||
           kind == NN_LOSS_MARGIN_RANKING || kind == NN_LOSS_PAIRWISE_LOGISTIC;
}

void nn_loss_defaults(int kind, nn_loss_opts *o)
{
    (void)kind;
    memset(o, 0, sizeof *o);
    o->reduction = NN_RED_MEAN;
    o->delta = 1.0;
    o->margin = 0.0;
    o->label_smoothing = 0.0;
    o->pos_weight = NULL;
    o->weights = NULL;
    o->sigma = 1.0;
    o->scale = 1.0;
    o->eps = kind == NN_LOSS_POISSON ? 1e-8 : 1e-6;
    o->full = 0;
    o->log_input = 1;
}

/* The options of each loss besides 'reduction' and 'weights', as the list
 * the messages show. */
static const char *own_option(int kind)
{
    switch (nn_loss_alias_of(kind)) {
    case NN_LOSS_HUBER: return "'delta'";
    case NN_LOSS_BCE_LOGITS: return "'pos_weight'";
    case NN_LOSS_CE: return "'label_smoothing'";
    case NN_LOSS_MARGIN_RANKING: return "'margin'";
    case NN_LOSS_GAUSSIAN: return "'sigma', 'eps', 'full'";
    case NN_LOSS_LAPLACE: return "'scale', 'eps', 'full'";
    case NN_LOSS_POISSON: return "'log_input', 'full', 'eps'";
    default: return NULL;
    }
}

/* 1 when name is one of the quoted names of list. */
static int in_list(const char *list, const char *name)
{
    size_t n = strlen(name);
    const char *p = list;
    if (list == NULL || n == 0)
        return 0;
    while ((p = strchr(p, '\'')) != NULL) {
        if (strncmp(p + 1, name, n) == 0 && p[1 + n] == '\'')
            return 1;
        p = strchr(p + 1, '\'');
        if (p == NULL)
            break;
        p++;
    }
    return 0;
}

/* Every value finite and >= 0. */
static int nonneg_vector(const char *name, const double *val, nn_int nval,
                         char *msg, size_t msglen)
{
    nn_int i;
    if (val == NULL)
        return nn_util_fail(NN_EVALUE, msg, msglen,
                            "option '%s' takes a numeric vector", name);
    for (i = 0; i < nval; i++)
        if (!(isfinite(val[i]) && val[i] >= 0)) {
            if (msg != NULL && msglen > 0)
                snprintf(msg, msglen, "option '%s' takes finite values >= 0, "
                         "but element %ld is %g", name, (long)(i + 1), val[i]);
            return NN_EVALUE;
        }
    return NN_OK;
}

int nn_loss_option(int kind, nn_loss_opts *o, const char *name,
                   const double *val, nn_int nval, const char *str,
                   char *msg, size_t msglen)
{
    const char *own = own_option(kind);
    int st;
    if (name == NULL)
        name = "";
    if (strcmp(name, "reduction") == 0) {
        int r = nn_reduction_lookup(str);
        if (r < 0) {
            if (str != NULL)
                return nn_util_fail(NN_EVALUE, msg, msglen, "option 'reduction' "
                                    "takes 'mean', 'sum' or 'none', not '%s'", str);
            return nn_util_fail(NN_EVALUE, msg, msglen,
                                "option '%s' takes 'mean', 'sum' or 'none'", name);
        }
        o->reduction = (nn_reduction)r;
        return NN_OK;
    }
    if (strcmp(name, "weights") == 0) {
        st = nonneg_vector(name, val, nval, msg, msglen);
        if (st == NN_OK) {
            o->weights = val;
            o->n_weights = nval;
        }
        return st;
    }
    if (own != NULL && in_list(own, name)) {
        if (strcmp(name, "full") == 0)
            return nn_util_bool(name, val, nval, &o->full, msg, msglen);
        if (strcmp(name, "log_input") == 0)
            return nn_util_bool(name, val, nval, &o->log_input, msg, msglen);
        if (strcmp(name, "eps") == 0) {
            if (kind == NN_LOSS_POISSON)
                return nn_util_real(name, val, nval, 0, HUGE_VAL, &o->eps, msg,
                                    msglen);
            return nn_util_real_open(name, val, nval, 0, HUGE_VAL, &o->eps, msg,
                                     msglen);
        }
        if (strcmp(name, "sigma") == 0) {
            st = nn_util_real_open(name, val, nval, 0, HUGE_VAL, &o->sigma, msg,
                                   msglen);
            o->sigma_given |= st == NN_OK;
            return st;
        }
        if (strcmp(name, "scale") == 0) {
            st = nn_util_real_open(name, val, nval, 0, HUGE_VAL, &o->scale, msg,
                                   msglen);
            o->scale_given |= st == NN_OK;
            return st;
        }
        switch (nn_loss_alias_of(kind)) {
        case NN_LOSS_HUBER:
            return nn_util_real_open(name, val, nval, 0, HUGE_VAL, &o->delta,
                                     msg, msglen);
        case NN_LOSS_MARGIN_RANKING:
            return nn_util_real(name, val, nval, -HUGE_VAL, HUGE_VAL,
                                &o->margin, msg, msglen);
        case NN_LOSS_CE:
            return nn_util_real(name, val, nval, 0, 1, &o->label_smoothing,
                                msg, msglen);
        case NN_LOSS_BCE_LOGITS:
            st = nonneg_vector(name, val, nval, msg, msglen);
            if (st == NN_OK) {
                o->pos_weight = val;
                o->n_pos_weight = nval;
            }
            return st;
        default:
            break;
        }
    }
    if (msg != NULL && msglen > 0) {
        if (own != NULL)
            snprintf(msg, msglen, "loss '%s' has no option '%s' (it has: "
                     "'reduction', 'weights', %s)", nn_loss_name(kind), name, own);
        else
            snprintf(msg, msglen, "loss '%s' has no option '%s' (it has: "
                     "'reduction', 'weights')", nn_loss_name(kind), name);
    }
    return NN_ENAME;
}

int nn_loss_check_sizes(int kind, const nn_loss_opts *o, nn_int n, nn_int k,
                        nn_int trows, nn_int tcols, char *msg, size_t msglen)
{
    const char *nm = nn_loss_name(kind);
    int learned = nn_loss_learned(kind, k, tcols);
    long N = (long)n, K = (long)k, TR = (long)trows, TC = (long)tcols;
    if (n < 0 || k < 0 || trows < 0 || tcols < 0)
        return nn_util_fail(NN_EARG, msg, msglen, "sizes cannot be negative, but Z is "
                         "%ldx%ld and T is %ldx%ld", N, K, TR, TC);
    switch (nn_loss_alias_of(kind)) {
    case NN_LOSS_CE:
    case NN_LOSS_NLL:
        if (k < 1)
            return nn_util_fail(NN_EARG, msg, msglen, "loss '%s' needs Z with one column per "
                             "class (at least one), but Z is %ldx%ld", nm, N, K);
        if (kind != NN_LOSS_NLL && (trows != n || (tcols != 1 && tcols != k)))
            return nn_util_fail(NN_EARG, msg, msglen, "loss '%s' needs T of size %ldx1 (class "
                             "indices) or %ldx%ld (class probabilities), but T "
                             "is %ldx%ld", nm, N, N, K, TR, TC);
        if (kind == NN_LOSS_NLL && (trows != n || tcols != 1))
            return nn_util_fail(NN_EARG, msg, msglen, "loss '%s' needs T of size %ldx1 (class "
                             "indices), but T is %ldx%ld", nm, N, TR, TC);
        break;
    case NN_LOSS_MARGIN_RANKING:
    case NN_LOSS_PAIRWISE_LOGISTIC:
        if (k != 2)
            return nn_util_fail(NN_EARG, msg, msglen, "loss '%s' needs Z of size Nx2 (the "
                             "scores of the two items of each pair), but Z is "
                             "%ldx%ld", nm, N, K);
        if (trows != n || tcols != 1)
            return nn_util_fail(NN_EARG, msg, msglen, "loss '%s' needs T of size %ldx1 (+1 or "
                             "-1 for each pair), but T is %ldx%ld", nm, N, TR, TC);
        break;
    case NN_LOSS_GAUSSIAN:
    case NN_LOSS_LAPLACE:
        if (trows != n || !(tcols == k || learned))
            return nn_util_fail(NN_EARG, msg, msglen, "loss '%s' needs T of the size "
                             "of Z (%ldx%ld; a fixed %s) or Z with two columns per "
                             "column of T (%s), but T is %ldx%ld", nm, N, K,
                             kind == NN_LOSS_GAUSSIAN ? "sigma" : "scale",
                             kind == NN_LOSS_GAUSSIAN ? "[mean, log variance]"
                             : "[location, log scale]", TR, TC);
        if (learned && (kind == NN_LOSS_GAUSSIAN ? o->sigma_given : o->scale_given))
            return nn_util_fail(NN_EARG, msg, msglen, "option '%s' fixes the %s, but Z "
                             "(%ldx%ld) has two columns per column of T (%ldx%ld): "
                             "the network predicts %s itself; leave '%s' out, or "
                             "give Z of T's size", kind == NN_LOSS_GAUSSIAN ?
                             "sigma" : "scale", kind == NN_LOSS_GAUSSIAN ?
                             "standard deviation" : "scale", N, K, TR, TC,
                             kind == NN_LOSS_GAUSSIAN ? "its log variance" :
                             "its log scale", kind == NN_LOSS_GAUSSIAN ? "sigma"
                             : "scale");
        break;
    default:
        if (trows != n || tcols != k)
            return nn_util_fail(NN_EARG, msg, msglen, "loss '%s' needs T of the size of Z "
                             "(%ldx%ld), but T is %ldx%ld", nm, N, K, TR, TC);
        break;
    }
    if (o->weights != NULL && o->n_weights != n)
        return nn_util_fail(NN_EARG, msg, msglen, "option 'weights' needs one weight per "
                         "observation (a column of size %ldx1), but it has %ld "
                         "elements",
                         N, (long)o->n_weights);
    if (nn_loss_alias_of(kind) == NN_LOSS_BCE_LOGITS && o->pos_weight != NULL &&
        o->n_pos_weight != 1 && o->n_pos_weight != k)
        return nn_util_fail(NN_EARG, msg, msglen, "option 'pos_weight' needs a scalar or a "
                         "1x%ld vector (one weight per column of Z), but it has "
                         "%ld elements", K, (long)o->n_pos_weight);
    return NN_OK;
}

void nn_loss_out_size(int kind, const nn_loss_opts *o, nn_int n, nn_int k,
                      nn_int *rows, nn_int *cols)
{
    if (o->reduction != NN_RED_NONE) {
        *rows = 1;
        *cols = 1;
    } else {
        *rows = n;
        *cols = nn_loss_per_observation(kind) ? 1 : k;
    }
}

nn_int nn_loss_out_count(int kind, const nn_loss_opts *o, nn_int n, nn_int k)
{
    nn_int r, c;
    nn_loss_out_size(kind, o, n, k, &r, &c);
    return r * c;
}

void nn_loss_value_size(int kind, const nn_loss_opts *o, nn_int n, nn_int k,
                        nn_int tcols, nn_int *rows, nn_int *cols)
{
    nn_loss_out_size(kind, o, n, k, rows, cols);
    if (o->reduction == NN_RED_NONE && nn_loss_learned(kind, k, tcols))
        *cols = tcols;
}
