/* Losses: value under a reduction and gradient with respect to Z.
 * See nn_loss.h for the shapes, the reductions and the weights. */
#include <stdlib.h>
#include <string.h>
#include "nn_real.h"
#include "vmath.h"

/* exp (of arguments <= 0) and log1p of lib/vmath.h (inline, branch-free:
 * the cross-entropy loops vectorise), and the clones of the hot loops, as
 * in act.c. */
#ifdef NN_SINGLE
#define VEXP_NEG vm_exp_neg_f
#define VLOG1P vm_log1p_f
#else
#define VEXP_NEG vm_exp_neg_d
#define VLOG1P vm_log1p_d
#endif

#include "clones.h"   /* HOT, RESTRICT */

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

/* Records what was found at element i of an n-row array; NN_EARG. */
static int found(nn_loss_fact *f, int what, nn_int n, nn_int i, double value)
{
    if (f != NULL) {
        f->what = what;
        f->row = n > 0 ? i % n : 0;
        f->col = n > 0 ? i / n : 0;
        f->value = value;
    }
    return NN_EARG;
}

/* Every T(i,j) in [0, 1]. */
static int check_prob(nn_int n, nn_int m, const real *T, nn_loss_fact *f)
{
    nn_int i, i0, b;
    /* by blocks, each first tested without an exit (a loop that
     * vectorises), then searched if it holds a bad value */
    for (i0 = 0; i0 < m; i0 += 1024) {
        int bad = 0;
        b = m - i0 < 1024 ? m - i0 : 1024;
        for (i = i0; i < i0 + b; i++)
            bad |= !(T[i] >= 0 && T[i] <= 1);
        if (bad)
            for (i = i0; i < i0 + b; i++)
                if (!(T[i] >= 0 && T[i] <= 1))
                    return found(f, NN_LOSS_BAD_T_PROB, n, i, (double)T[i]);
    }
    return NN_OK;
}

/* Every T(i) a class index 1..k. */
static int check_index(nn_int n, nn_int k, const real *T, nn_loss_fact *f)
{
    nn_int i;
    for (i = 0; i < n; i++)
        if (!is_index(T[i], k))
            return found(f, NN_LOSS_BAD_T_CLASS, n, i, (double)T[i]);
    return NN_OK;
}

/* gaussian, laplace and poisson (lib/loss_likelihood.c): the loss of each
 * element of T, added to *sum (or, for 'none', w_i times it written to L),
 * and dZ = g_i times its gradient. */
void NN_(nn_loss_likelihood)(int kind, const nn_loss_opts *o, nn_int n,
                             nn_int k, const real *Z, nn_int tcols,
                             const real *T, const real *g, int none,
                             double *sum, real *L, real *dZ);

int NN_(nn_loss_check)(int kind, const nn_loss_opts *o, nn_int n, nn_int k,
                       const real *Z, nn_int tcols, const real *T,
                       nn_loss_fact *f)
{
    nn_int i, m = n * k;
    if (f != NULL)
        memset(f, 0, sizeof *f);
    switch (nn_loss_alias_of(kind)) {
    case NN_LOSS_POISSON:
        for (i = 0; i < m; i++)
            if (!(T[i] >= 0 && T[i] < HUGE_VAL))
                return found(f, NN_LOSS_BAD_T_COUNT, n, i, (double)T[i]);
        if (!o->log_input)
            for (i = 0; i < m; i++)
                if (!(Z[i] >= 0))
                    return found(f, NN_LOSS_BAD_Z_RATE, n, i, (double)Z[i]);
        return NN_OK;
    case NN_LOSS_BCE:
        for (i = 0; i < m; i++)
            if (!(Z[i] >= 0 && Z[i] <= 1))
                return found(f, NN_LOSS_BAD_Z_PROB, n, i, (double)Z[i]);
        return check_prob(n, m, T, f);
    case NN_LOSS_BCE_LOGITS:
        return check_prob(n, m, T, f);
    case NN_LOSS_HINGE: {
        nn_int zero = -1, minus = -1;
        for (i = 0; i < m; i++) {
            if (T[i] == 0) { if (zero < 0) zero = i; }
            else if (T[i] == -1) { if (minus < 0) minus = i; }
            else if (T[i] != 1)
                return found(f, NN_LOSS_BAD_T_SIGN, n, i, (double)T[i]);
        }
        if (zero >= 0 && minus >= 0) {
            if (f != NULL) {
                f->row2 = minus % n;
                f->col2 = minus / n;
            }
            return found(f, NN_LOSS_BAD_T_MIXED, n, zero, 0);
        }
        return NN_OK;
    }
    case NN_LOSS_CE:
        if (tcols != 1)
            return check_prob(n, m, T, f);
        return check_index(n, k, T, f);
    case NN_LOSS_NLL:
        return check_index(n, k, T, f);
    case NN_LOSS_MARGIN_RANKING:
    case NN_LOSS_PAIRWISE_LOGISTIC:
        for (i = 0; i < n; i++)
            if (!(T[i] == 1 || T[i] == -1))
                return found(f, NN_LOSS_BAD_T_RANK, n, i, (double)T[i]);
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

/* Softmax cross-entropy, one row per observation.  The rows are taken in
 * blocks of up to CE_BLOCK (fewer for many classes) whose k column
 * segments stay in cache, so Z (and T, dZ) go through memory once: per
 * block a pass for the row maxima m, one for e = exp(z - m) (stored in
 * dZ), s = sum e, St = sum t' and A = sum t' (m - z) (t' the smoothed
 * target), and, for dZ, one for dZ = g (e St / s - t').  The loss is A +
 * St log(s).  Every inner loop runs down a column over the block's rows,
 * so it vectorises.  A row with NaN, or with +Inf (m - m is then NaN),
 * gives NaN. */
#define CE_BLOCK 2048          /* at most (nn_block_rows) */
typedef struct {
    real m[CE_BLOCK];       /* row maximum */
    real s[CE_BLOCK];       /* sum of exp(z - m) */
    real A[CE_BLOCK];       /* sum of t' (m - z); for indices, of (m - z) */
    real St[CE_BLOCK];      /* sum of t'; then St / s */
    real g[CE_BLOCK];       /* gradient factor of the row */
    real c[CE_BLOCK];       /* class index (from 0), for indices: a real,
                               so that a compare has the width of the data
                               (T holds the indices as reals anyway) */
} ce_scratch;

/* A block's start: the row maxima m of Z and zeroed sums s, A, St.
 * (inline, so that it is compiled with the clones that call it) */
static inline void ce_start(nn_int n, nn_int k, nn_int b,
                            const real *RESTRICT Z, ce_scratch *RESTRICT w)
{
    nn_int i, j;
    real *RESTRICT m = w->m, *RESTRICT s = w->s, *RESTRICT A = w->A;
    real *RESTRICT St = w->St;
    for (i = 0; i < b; i++) {
        m[i] = Z[i];
        s[i] = A[i] = St[i] = R(0);
    }
    for (j = 1; j < k; j++) {
        const real *RESTRICT z = Z + j * n;
        for (i = 0; i < b; i++)
            m[i] = z[i] > m[i] ? z[i] : m[i];
    }
}

/* A block's end: A = each row's loss from the sums s, A and St (for class
 * indices, from the class's logit).  (inline, as ce_start) */
static inline void ce_finish(nn_int n, nn_int k, nn_int b,
                             const real *RESTRICT Z, int idx, real keep,
                             real u, ce_scratch *RESTRICT w)
{
    nn_int i;
    real *RESTRICT m = w->m, *RESTRICT s = w->s, *RESTRICT A = w->A;
    real *RESTRICT St = w->St;
    const real *RESTRICT c = w->c;
    if (idx) {
        /* u * sum (m - z) (the sum left out when u = 0, where it would
         * turn a -Inf logit into NaN) + keep (m - z_c); St = k u + keep */
        for (i = 0; i < b; i++) {
            real a = keep * (m[i] - Z[i + (nn_int)c[i] * n]);
            A[i] = u != 0 ? u * A[i] + a : a;
            St[i] = (real)k * u + keep;
        }
    }
    for (i = 0; i < b; i++) {
        A[i] += m[i] - m[i];           /* +-Inf maximum: NaN */
        /* s >= 1 (exp(0) at the maximum), so s - 1 is exact */
        A[i] += St[i] * VLOG1P(s[i] - R(1));
    }
}

HOT static void ce_block(nn_int n, nn_int k, nn_int b, const real *RESTRICT Z,
                         const real *RESTRICT T, int idx, real keep, real u,
                         real *RESTRICT dZ, ce_scratch *RESTRICT w)
{
    nn_int i, j;
    real *RESTRICT m = w->m, *RESTRICT s = w->s, *RESTRICT A = w->A;
    real *RESTRICT St = w->St;
    const real *RESTRICT c = w->c;
    ce_start(n, k, b, Z, w);
    for (j = 0; j < k; j++) {
        const real *RESTRICT z = Z + j * n;
        real *RESTRICT e = dZ + j * n;
        if (idx && u == 0) {           /* t' = 1 at the class, else 0 */
            for (i = 0; i < b; i++) {
                real v = VEXP_NEG(z[i] - m[i]);
                e[i] = v;
                s[i] += v;
            }
        } else if (idx) {              /* t' = u + (class ? keep : 0) */
            for (i = 0; i < b; i++) {
                real v = VEXP_NEG(z[i] - m[i]);
                e[i] = v;
                s[i] += v;
                A[i] += m[i] - z[i];
            }
        } else {
            const real *RESTRICT t = T + j * n;
            for (i = 0; i < b; i++) {
                real v = VEXP_NEG(z[i] - m[i]), tt = keep * t[i] + u;
                e[i] = v;
                s[i] += v;
                St[i] += tt;
                A[i] += tt * (m[i] - z[i]);
            }
        }
    }
    ce_finish(n, k, b, Z, idx, keep, u, w);
    for (i = 0; i < b; i++)
        St[i] = St[i] / s[i];
    if (idx) {
        for (j = 0; j < k; j++) {
            real *RESTRICT e = dZ + j * n;
            real rj = (real)j;
            for (i = 0; i < b; i++) {
                real tt = rj == c[i] ? keep + u : u;
                e[i] = w->g[i] * (e[i] * St[i] - tt);
            }
        }
    } else {
        for (j = 0; j < k; j++) {
            real *RESTRICT e = dZ + j * n;
            const real *RESTRICT t = T + j * n;
            for (i = 0; i < b; i++)
                e[i] = w->g[i] * (e[i] * St[i] - (keep * t[i] + u));
        }
    }
}

/* The loss only: the same without storing e. */
HOT static void ce_block_value(nn_int n, nn_int k, nn_int b,
                               const real *RESTRICT Z, const real *RESTRICT T,
                               int idx, real keep, real u,
                               ce_scratch *RESTRICT w)
{
    nn_int i, j;
    real *RESTRICT m = w->m, *RESTRICT s = w->s, *RESTRICT A = w->A;
    real *RESTRICT St = w->St;
    ce_start(n, k, b, Z, w);
    for (j = 0; j < k; j++) {
        const real *RESTRICT z = Z + j * n;
        if (idx) {
            for (i = 0; i < b; i++) {
                s[i] += VEXP_NEG(z[i] - m[i]);
                A[i] += m[i] - z[i];
            }
        } else {
            const real *RESTRICT t = T + j * n;
            for (i = 0; i < b; i++) {
                real tt = keep * t[i] + u;
                s[i] += VEXP_NEG(z[i] - m[i]);
                St[i] += tt;
                A[i] += tt * (m[i] - z[i]);
            }
        }
    }
    ce_finish(n, k, b, Z, idx, keep, u, w);
}

/* 1 when the block's T (b rows, k columns) lies in [0, 1]; the test is
 * also what brings the block's T into the cache. */
HOT static int prob_block(nn_int n, nn_int k, nn_int b, const real *RESTRICT T)
{
    nn_int i, j;
    int bad = 0;
    for (j = 0; j < k; j++) {
        const real *RESTRICT t = T + j * n;
        for (i = 0; i < b; i++)
            bad |= !(t[i] >= 0 && t[i] <= 1);
    }
    return !bad;
}

/* NN_EARG when T (probabilities) has an element outside [0, 1] */
static int cross_entropy(const nn_loss_opts *o, nn_int n, nn_int k,
                         const real *Z, nn_int tcols, const real *T,
                         double denom, int none, double *sum, real *L,
                         real *dZ)
{
    real eps = (real)o->label_smoothing, u = (real)(o->label_smoothing / (double)k);
    real keep = R(1) - eps;
    int idx = tcols == 1, mean = o->reduction == NN_RED_MEAN;
    ce_scratch w;
    nn_int i0, i, b;
    nn_int bs = nn_block_rows(k, 1 + (tcols > 1) + (dZ != NULL), CE_BLOCK);
    for (i0 = 0; i0 < n; i0 += bs) {
        b = n - i0 < bs ? n - i0 : bs;
        for (i = 0; i < b; i++) {
            double wt = o->weights != NULL ? o->weights[i0 + i] : 1.0;
            w.g[i] = (real)(mean ? wt / denom : wt);
            if (idx)
                w.c[i] = T[i0 + i] - R(1);
        }
        if (!idx && !prob_block(n, k, b, T + i0))
            return NN_EARG;
        if (dZ != NULL)
            ce_block(n, k, b, Z + i0, idx ? NULL : T + i0, idx, keep, u,
                     dZ + i0, &w);
        else
            ce_block_value(n, k, b, Z + i0, idx ? NULL : T + i0, idx, keep, u,
                           &w);
        for (i = 0; i < b; i++) {
            real wt = weight(o, i0 + i), e = w.A[i];
            if (none) L[i0 + i] = wt * e; else *sum += (double)wt * (double)e;
        }
    }
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
    nn_int cols = k;     /* columns of loss values (elementwise losses) */
    real *g;   /* per-row factor of the gradient: w_i, or w_i / denom */
    int st;

    if (kind < 0 || kind >= NN_LOSS_COUNT)
        return NN_ENAME;
    st = nn_loss_check_sizes(kind, o, n, k, n, tcols, NULL, 0);
    if (nn_loss_learned(kind, k, tcols))
        cols = tcols;
    kind = nn_loss_alias_of(kind);
    /* ce with class probabilities checks T block by block as it goes (one
     * pass over T): on NN_EARG, dZ and L may then hold part of a result */
    if (st == NN_OK && !(kind == NN_LOSS_CE && tcols != 1))
        st = NN_(nn_loss_check)(kind, o, n, k, Z, tcols, T, NULL);
    if (st != NN_OK)
        return st;

    if (o->weights != NULL)
        for (i = 0; i < n; i++) wsum += o->weights[i];
    else
        wsum = (double)n;
    denom = per_obs ? wsum : wsum * (double)cols;

    /* no element: L is empty, or sum 0 / mean NaN; and no scratch, since
     * n may be huge when k = 0 (an n x 0 Z holds no memory) */
    if (n == 0 || k == 0)
        goto reduce;

    /* ce computes its gradient factors itself and needs no scratch */
    if (kind == NN_LOSS_CE) {
        if (cross_entropy(o, n, k, Z, tcols, T, denom, none, &sum, L, dZ)
            != NN_OK)
            return NN_EARG;
        goto reduce;
    }

    g = work != NULL ? work : (real *)malloc((size_t)n * sizeof(real));
    if (g == NULL)
        return NN_ENOMEM;
    for (i = 0; i < n; i++) {
        double w = o->weights != NULL ? o->weights[i] : 1.0;
        g[i] = (real)(o->reduction == NN_RED_MEAN ? w / denom : w);
    }

    switch (kind) {
    case NN_LOSS_GAUSSIAN:
    case NN_LOSS_LAPLACE:
    case NN_LOSS_POISSON:
        NN_(nn_loss_likelihood)(kind, o, n, k, Z, tcols, T, g, none, &sum, L, dZ);
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
