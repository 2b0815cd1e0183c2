/* Losses: value under a reduction and gradient with respect to Z.
 * See nn_loss.h for the shapes, the reductions and the weights. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "nn_real.h"

/* Writes printf(fmt, ...) into msg (if any) and returns NN_EARG. */
static int fail(char *msg, size_t msglen, const char *fmt, ...)
{
    va_list ap;
    if (msg != NULL && msglen > 0) {
        va_start(ap, fmt);
        vsnprintf(msg, msglen, fmt, ap);
        va_end(ap);
    }
    return NN_EARG;
}

/* log(1 + exp(x)) without overflow or cancellation. */
static real softplus(real x)
{
    return (x > 0 ? x : R(0)) + log1p(exp(-fabs(x)));
}

/* 1 / (1 + exp(-x)) without overflow. */
static real sigmoid(real x)
{
    real e;
    if (x >= 0)
        return R(1) / (R(1) + exp(-x));
    e = exp(x);
    return e / (R(1) + e);
}

/* Weight of observation i. */
static real weight(const nn_loss_opts *o, nn_int i)
{
    return o->weights != NULL ? (real)o->weights[i] : R(1);
}

static int is_index(real t, nn_int k)
{
    return t >= 1 && t <= (real)k && t == floor(t);
}

/* Every T(i,j) in [0, 1]. */
static int check_prob(const char *what, nn_int n, nn_int m, const real *T,
                      char *msg, size_t msglen)
{
    nn_int i;
    for (i = 0; i < m; i++)
        if (!(T[i] >= 0 && T[i] <= 1))
            return fail(msg, msglen, "%s in [0, 1], but T(%ld,%ld) = %g", what,
                        (long)(i % n + 1), (long)(i / n + 1), (double)T[i]);
    return NN_OK;
}

/* Every T(i) a class index 1..k. */
static int check_index(const char *nm, nn_int n, nn_int k, const real *T,
                       char *msg, size_t msglen)
{
    nn_int i;
    for (i = 0; i < n; i++)
        if (!is_index(T[i], k))
            return fail(msg, msglen, "loss '%s' takes class indices, whole "
                        "numbers from 1 to %ld (Octave counts from 1), but "
                        "T(%ld) = %g", nm, (long)k, (long)(i + 1), (double)T[i]);
    return NN_OK;
}

int NN_(nn_loss_check)(int kind, const nn_loss_opts *o, nn_int n, nn_int k,
                       const real *Z, nn_int tcols, const real *T, char *msg,
                       size_t msglen)
{
    const char *nm = nn_loss_name(kind);
    nn_int i, m = n * k;
    (void)o;
    switch (kind) {
    case NN_LOSS_BCE:
        for (i = 0; i < m; i++)
            if (!(Z[i] >= 0 && Z[i] <= 1))
                return fail(msg, msglen, "loss 'bce' takes probabilities, but "
                            "Z(%ld,%ld) = %g lies outside [0, 1]; apply 'sigmoid' "
                            "first, or use 'bce_logits' on logits",
                            (long)(i % n + 1), (long)(i / n + 1), (double)Z[i]);
        return check_prob("loss 'bce' needs targets", n, m, T, msg, msglen);
    case NN_LOSS_BCE_LOGITS:
        return check_prob("loss 'bce_logits' needs targets", n, m, T, msg, msglen);
    case NN_LOSS_HINGE: {
        nn_int zero = -1, minus = -1;
        for (i = 0; i < m; i++) {
            if (T[i] == 0) { if (zero < 0) zero = i; }
            else if (T[i] == -1) { if (minus < 0) minus = i; }
            else if (T[i] != 1)
                return fail(msg, msglen, "loss 'hinge' needs targets -1 and 1 "
                            "(or 0 and 1), but T(%ld,%ld) = %g", (long)(i % n + 1),
                            (long)(i / n + 1), (double)T[i]);
        }
        if (zero >= 0 && minus >= 0)
            return fail(msg, msglen, "loss 'hinge' needs targets in {-1, 1} or in "
                        "{0, 1}, but T has both 0 (at T(%ld,%ld)) and -1 (at "
                        "T(%ld,%ld))", (long)(zero % n + 1), (long)(zero / n + 1),
                        (long)(minus % n + 1), (long)(minus / n + 1));
        return NN_OK;
    }
    case NN_LOSS_CE:
        if (tcols != 1)
            return check_prob("loss 'ce' with one column of T per class takes "
                              "class probabilities", n, m, T, msg, msglen);
        return check_index(nm, n, k, T, msg, msglen);
    case NN_LOSS_NLL:
        return check_index(nm, n, k, T, msg, msglen);
    case NN_LOSS_MARGIN_RANKING:
    case NN_LOSS_PAIRWISE_LOGISTIC:
        for (i = 0; i < n; i++)
            if (!(T[i] == 1 || T[i] == -1))
                return fail(msg, msglen, "loss '%s' needs T = 1 (the first item "
                            "ranks higher) or -1 (the second does), but T(%ld) = "
                            "%g", nm, (long)(i + 1), (double)T[i]);
        return NN_OK;
    default:
        return NN_OK;
    }
}

/* Loss e and derivative d of one element of an elementwise loss;
 * pw is the positive weight of the element's column (bce_logits). */
static void element(int kind, real z, real t, real pw, real delta,
                    real *e, real *d)
{
    real r, a;
    switch (kind) {
    case NN_LOSS_MSE:
        r = z - t;
        *e = r * r;
        *d = R(2) * r;
        break;
    case NN_LOSS_MAE:
        r = z - t;
        *e = fabs(r);
        *d = r > 0 ? R(1) : r < 0 ? R(-1) : r;   /* sign, 0 at 0 */
        break;
    case NN_LOSS_HUBER:
        r = z - t;
        a = fabs(r);
        if (a < delta) {
            *e = R(0.5) * r * r;
            *d = r;
        } else {
            *e = delta * (a - R(0.5) * delta);
            *d = r > 0 ? delta : -delta;
        }
        break;
    case NN_LOSS_BCE: {
        /* each log clamped at -100 and the gradient's denominator at 1e-12,
         * as PyTorch, whose 1e-12 is a float even in double */
        real lz = log(z), l1z = log1p(-z), den = (R(1) - z) * z;
        if (lz < R(-100)) lz = R(-100);
        if (l1z < R(-100)) l1z = R(-100);
        if (den < (real)1e-12f) den = (real)1e-12f;
        *e = (t - R(1)) * l1z - t * lz;
        *d = (z - t) / den;
        break;
    }
    case NN_LOSS_BCE_LOGITS:
        /* -pw t log s(z) - (1-t) log(1 - s(z)), s(-z) = 1 - s(z) */
        *e = pw * t * softplus(-z) + (R(1) - t) * softplus(z);
        *d = (R(1) - t) * sigmoid(z) - pw * t * sigmoid(-z);
        break;
    case NN_LOSS_HINGE:
        if (t == 0)
            t = R(-1);
        r = R(1) - t * z;
        *e = r > 0 ? r : R(0);
        *d = r >= 0 ? -t : R(0);   /* the kink counts as active, as in Keras */
        break;
    default:
        *e = *d = R(0);
        break;
    }
}

/* Softmax cross-entropy, one row per observation, in one pass over Z with
 * per-row running max m, sum s = sum exp(z - m), St = sum t' and
 * A = sum t' (m - z) (t' the smoothed target), so that the loss is
 * A + St log(s); a second pass writes dZ = softmax * St - t'. */
static int cross_entropy(const nn_loss_opts *o, nn_int n, nn_int k,
                         const real *Z, nn_int tcols, const real *T,
                         const real *g, int none, double *sum, real *L, real *dZ,
                         real *scratch)
{
    real eps = (real)o->label_smoothing, u = (real)(o->label_smoothing / (double)k);
    real keep = R(1) - eps;
    int idx = tcols == 1;
    real *m, *s, *A, *St;
    nn_int i, j;
    if (n == 0)
        return NN_OK;
    m = scratch != NULL ? scratch : (real *)malloc(4 * (size_t)n * sizeof(real));
    if (m == NULL)
        return NN_ENOMEM;
    s = m + n;
    A = s + n;
    St = A + n;
#define TARGET(i, j) (idx ? ((nn_int)T[i] - 1 == (j) ? keep + u : u) \
                          : keep * T[(i) + (j) * n] + u)
    for (i = 0; i < n; i++) {
        m[i] = Z[i];
        s[i] = R(1);
        A[i] = R(0);
        St[i] = TARGET(i, 0);
    }
    for (j = 1; j < k; j++) {
        const real *zj = Z + j * n;
        for (i = 0; i < n; i++) {
            real z = zj[i], t = TARGET(i, j);
            if (z > m[i]) {
                real up = z - m[i];
                s[i] = s[i] * exp(-up) + R(1);
                if (St[i] != 0)
                    A[i] += up * St[i];
                m[i] = z;
            } else {
                s[i] += exp(z - m[i]);
                A[i] += t * (m[i] - z);
            }
            St[i] += t;
        }
    }
    for (i = 0; i < n; i++) {
        real e = A[i] + St[i] * log(s[i]);
        real w = weight(o, i);
        if (none) L[i] = w * e; else *sum += (double)w * (double)e;
        s[i] = St[i] / s[i];
    }
    if (dZ != NULL)
        for (j = 0; j < k; j++) {
            const real *zj = Z + j * n;
            real *dj = dZ + j * n;
            for (i = 0; i < n; i++)
                dj[i] = g[i] * (exp(zj[i] - m[i]) * s[i] - TARGET(i, j));
        }
#undef TARGET
    if (scratch == NULL)
        free(m);
    return NN_OK;
}

int NN_(nn_loss)(int kind, const nn_loss_opts *o, nn_int n, nn_int k,
                 const real *Z, nn_int tcols, const real *T, real *L, real *dZ)
{
    return NN_(nn_loss_ws)(kind, o, n, k, Z, tcols, T, L, dZ, NULL);
}

int NN_(nn_loss_ws)(int kind, const nn_loss_opts *o, nn_int n, nn_int k,
                    const real *Z, nn_int tcols, const real *T, real *L, real *dZ,
                    real *work)
{
    nn_int i, j;
    int none = o->reduction == NN_RED_NONE;
    int per_obs = nn_loss_per_observation(kind);
    double wsum = 0, denom, sum = 0;
    real *g;   /* per-row factor of the gradient: w_i, or w_i / denom */
    int st;

    if (kind < 0 || kind >= NN_LOSS_COUNT)
        return NN_ENAME;
    st = nn_loss_check_sizes(kind, o, n, k, n, tcols, NULL, 0);
    if (st == NN_OK)
        st = NN_(nn_loss_check)(kind, o, n, k, Z, tcols, T, NULL, 0);
    if (st != NN_OK)
        return st;

    if (o->weights != NULL)
        for (i = 0; i < n; i++) wsum += o->weights[i];
    else
        wsum = (double)n;
    denom = per_obs ? wsum : wsum * (double)k;

    /* no element: L is empty, or sum 0 / mean NaN; and no scratch, since
     * n may be huge when k = 0 (an n x 0 Z holds no memory) */
    if (n == 0 || k == 0)
        goto reduce;

    g = work != NULL ? work : (real *)malloc((size_t)n * sizeof(real));
    if (g == NULL)
        return NN_ENOMEM;
    for (i = 0; i < n; i++) {
        double w = o->weights != NULL ? o->weights[i] : 1.0;
        g[i] = (real)(o->reduction == NN_RED_MEAN ? w / denom : w);
    }

    switch (kind) {
    case NN_LOSS_CE:
        st = cross_entropy(o, n, k, Z, tcols, T, g, none, &sum, L, dZ,
                           work != NULL ? work + n : NULL);
        break;
    case NN_LOSS_NLL:
        if (dZ != NULL)
            for (i = 0; i < n * k; i++) dZ[i] = R(0);
        for (i = 0; i < n; i++) {
            nn_int at = i + ((nn_int)T[i] - 1) * n;
            real w = weight(o, i);
            real e = -Z[at];
            if (none) L[i] = w * e; else sum += (double)w * (double)e;
            if (dZ != NULL) dZ[at] = -g[i];
        }
        break;
    case NN_LOSS_MARGIN_RANKING:
    case NN_LOSS_PAIRWISE_LOGISTIC:
        for (i = 0; i < n; i++) {
            real t = T[i], x = -t * (Z[i] - Z[i + n]), e, d;
            real w = weight(o, i);
            if (kind == NN_LOSS_MARGIN_RANKING) {
                x += (real)o->margin;
                e = x > 0 ? x : R(0);
                d = x >= 0 ? R(1) : R(0);   /* dl/dx; the kink counts as active */
            } else {
                e = softplus(x);
                d = sigmoid(x);
            }
            if (none) L[i] = w * e; else sum += (double)w * (double)e;
            if (dZ != NULL) {
                dZ[i] = -t * d * g[i];
                dZ[i + n] = t * d * g[i];
            }
        }
        break;
    default: {
        real delta = (real)o->delta;
        for (j = 0; j < k; j++) {
            real pw = R(1);
            if (o->pos_weight != NULL)
                pw = (real)o->pos_weight[o->n_pos_weight == 1 ? 0 : j];
            for (i = 0; i < n; i++) {
                nn_int at = i + j * n;
                real e, d;
                real w = weight(o, i);
                element(kind, Z[at], T[at], pw, delta, &e, &d);
                if (none) L[at] = w * e; else sum += (double)w * (double)e;
                if (dZ != NULL) dZ[at] = g[i] * d;
            }
        }
        break;
    }
    }
    if (work == NULL)
        free(g);
    if (st != NN_OK)
        return st;
reduce:
    if (o->reduction == NN_RED_MEAN)
        L[0] = (real)(sum / denom);   /* NaN for no weight, as mean([]) */
    else if (o->reduction == NN_RED_SUM)
        L[0] = (real)sum;
    return NN_OK;
}
