/* Activations: forward values and backward products.
 *
 * Every kernel is a plain loop over the n*k elements with the kind chosen
 * outside the loop; the bodies use selects (?:) rather than branches so
 * that compilers can vectorise them.  exp, expm1, log1p and erfc are the
 * inline ones of vmath.h (libm's calls would keep every loop scalar); with
 * -O3 -fno-trapping-math GCC vectorises every loop here.  (The simple
 * kernels run at memory speed even as scalar code.)  Only stable forms are
 * used: exp is
 * taken of -|x| (or of x - rowmax), never of a large positive number, and
 * differences that cancel are computed in closed form (expm1, erfc,
 * sigmoid(-x) instead of 1 - sigmoid(x)).  The results agree with
 * torch.nn.functional's, and where PyTorch's own formula loses digits
 * (sigmoid', tanh' for large x; gelu for x << 0; elu near 0) or gives NaN
 * at +-Inf (gelu, silu), these give the accurate value or the limit.
 *
 * NaN in X gives NaN out.  Backward products are dY times the derivative,
 * except for threshold and relu, which pass dY through or give 0 exactly
 * as PyTorch does (so dY = Inf where the slope is 0 gives 0, not NaN). */
#include <stdint.h>
#include "nn_real.h"
#include "vmath.h"

/* exp, expm1, log1p, erfc and Phi of lib/vmath.h: inline and branch-free,
 * so that the loops below vectorise; within 2 ulp of libm (log1p on [0, 1]
 * 3; Phi 12; in float, Phi 8 and gelu' 12 beyond x^2/2). */
#ifdef NN_SINGLE
#define VEXP vm_exp_f
#define VEXP_NEG vm_exp_neg_f
#define VEXPM1_NEG vm_expm1_neg_f
#define VLOG1P vm_log1p_f
#define VLOG1P_UNIT vm_log1p_unit_f
#else
#define VEXP vm_exp_d
#define VEXP_NEG vm_exp_neg_d
#define VEXPM1_NEG vm_expm1_neg_d
#define VLOG1P vm_log1p_d
#define VLOG1P_UNIT vm_log1p_unit_d
#endif

#include "clones.h"   /* HOT, RESTRICT */

/* Rows handled together by softmax/log_softmax, at most (nn_block_rows):
 * their segments of all columns stay in cache across the passes. */
#define ROW_BLOCK 2048

/* ---- elementwise forward ------------------------------------------- */

/* 1 / (1 + exp(-x)) without overflow: exp only of -|x|. */
static inline real sigm(real x)
{
    real e = VEXP_NEG(-fabs(x));
    real r = R(1) / (R(1) + e);
    return x >= 0 ? r : e * r;
}

static void f_threshold(nn_int m, const real *RESTRICT x, real *RESTRICT y)
{
    nn_int i;
    for (i = 0; i < m; i++)
        y[i] = x[i] >= 0 ? R(1) : (x[i] < 0 ? R(0) : x[i]);
}

static void f_linear(nn_int m, const real *RESTRICT x, real *RESTRICT y)
{
    nn_int i;
    for (i = 0; i < m; i++)
        y[i] = x[i];
}

HOT static void f_sigmoid(nn_int m, const real *RESTRICT x, real *RESTRICT y)
{
    nn_int i;
    for (i = 0; i < m; i++)
        y[i] = sigm(x[i]);
}

/* tanh(|x|) = -t / (2 + t), t = expm1(-2|x|): one expm1, cheaper than
 * libm's tanh, and as accurate (no cancellation for small |x|). */
HOT static void f_tanh(nn_int m, const real *RESTRICT x, real *RESTRICT y)
{
    nn_int i;
    for (i = 0; i < m; i++) {
        real t = VEXPM1_NEG(R(-2) * fabs(x[i]));
        y[i] = copysign(-t / (R(2) + t), x[i]);
    }
}

static void f_relu(nn_int m, const real *RESTRICT x, real *RESTRICT y)
{
    nn_int i;
    for (i = 0; i < m; i++)
        y[i] = x[i] < 0 ? R(0) : x[i];          /* NaN stays NaN */
}

static void f_leaky(nn_int m, real a, const real *RESTRICT x, real *RESTRICT y)
{
    nn_int i;
    for (i = 0; i < m; i++)
        y[i] = x[i] > 0 ? x[i] : a * x[i];
}

HOT static void f_elu(nn_int m, real a, const real *RESTRICT x,
                      real *RESTRICT y)
{
    nn_int i;
    for (i = 0; i < m; i++)
        y[i] = x[i] > 0 ? x[i] : a * VEXPM1_NEG(x[i]);
}

/* log(1 + exp(b*x)) / b = (max(b*x, 0) + log1p(exp(-|b*x|))) / b, and x
 * itself where b*x > t (PyTorch's switch); log1p of [0, 1] only
 * (vm_log1p_unit, a polynomial: no division). */
HOT static void f_softplus(nn_int m, real b, real t, const real *RESTRICT x,
                           real *RESTRICT y)
{
    nn_int i;
    if (b == R(1))          /* the default: no division */
        for (i = 0; i < m; i++) {
            real xi = x[i];
            real s = (xi > 0 ? xi : R(0)) + VLOG1P_UNIT(VEXP_NEG(-fabs(xi)));
            y[i] = xi > t ? xi : s;
        }
    else
        for (i = 0; i < m; i++) {
            real bx = b * x[i];
            real e = VEXP_NEG(-fabs(bx));
            real s = ((bx > 0 ? bx : R(0)) + VLOG1P_UNIT(e)) / b;
            y[i] = bx > t ? x[i] : s;
        }
}

/* x * Phi(x), Phi(x) = erfc(-x/sqrt(2))/2 (vm_phi_d; in single
 * vm_phi_fast_f, in float arithmetic): no cancellation for x < 0; 0 where
 * Phi underflows (the limit at -Inf, not -Inf*0). */
HOT static void f_gelu(nn_int m, const real *RESTRICT x, real *RESTRICT y)
{
    nn_int i;
    for (i = 0; i < m; i++) {
#ifdef NN_SINGLE
        real p = vm_phi_fast_f(x[i]);
#else
        double p = vm_phi_d(x[i]);
#endif
        y[i] = p == 0 ? R(0) : x[i] * p;
    }
}

HOT static void f_silu(nn_int m, const real *RESTRICT x, real *RESTRICT y)
{
    nn_int i;
    for (i = 0; i < m; i++) {
        real s = sigm(x[i]);
        y[i] = s == 0 ? R(0) : x[i] * s;
    }
}

/* ---- elementwise backward ------------------------------------------ */

static void b_threshold(nn_int m, const real *RESTRICT x,
                        real *RESTRICT dx)
{
    nn_int i;
    for (i = 0; i < m; i++)
        dx[i] = x[i] == x[i] ? R(0) : x[i];
}

static void b_linear(nn_int m, const real *RESTRICT dy, real *RESTRICT dx)
{
    nn_int i;
    for (i = 0; i < m; i++)
        dx[i] = dy[i];
}

/* sigmoid'(x) = sigmoid(x) sigmoid(-x) = e / (1 + e)^2, e = exp(-|x|) */
HOT static void b_sigmoid(nn_int m, const real *RESTRICT x,
                          const real *RESTRICT dy, real *RESTRICT dx)
{
    nn_int i;
    for (i = 0; i < m; i++) {
        real e = VEXP_NEG(-fabs(x[i]));
        real r = R(1) / (R(1) + e);
        dx[i] = dy[i] * (e * r * r);
    }
}

/* tanh'(x) = 1 - tanh(x)^2 = 4 e / (1 + e)^2, e = exp(-2|x|) */
HOT static void b_tanh(nn_int m, const real *RESTRICT x,
                       const real *RESTRICT dy, real *RESTRICT dx)
{
    nn_int i;
    for (i = 0; i < m; i++) {
        real e = VEXP_NEG(R(-2) * fabs(x[i]));
        real r = R(1) / (R(1) + e);
        dx[i] = dy[i] * (R(4) * e * r * r);
    }
}

/* PyTorch: x > 0 ? dY : 0, so relu'(0) = 0 */
static void b_relu(nn_int m, const real *RESTRICT x, const real *RESTRICT dy,
                   real *RESTRICT dx)
{
    nn_int i;
    /* both loads first, so that the loop has no branch and vectorises */
    for (i = 0; i < m; i++) {
        real xi = x[i], di = dy[i];
        dx[i] = xi > 0 ? di : (xi == xi ? R(0) : xi);
    }
}

/* PyTorch: x > 0 ? 1 : alpha (alpha at 0) */
static void b_leaky(nn_int m, real a, const real *RESTRICT x,
                    const real *RESTRICT dy, real *RESTRICT dx)
{
    nn_int i;
    for (i = 0; i < m; i++)
        dx[i] = dy[i] * (x[i] > 0 ? R(1) : (x[i] <= 0 ? a : x[i]));
}

/* PyTorch: x > 0 ? 1 : alpha*exp(x) (alpha at 0) */
HOT static void b_elu(nn_int m, real a, const real *RESTRICT x,
                      const real *RESTRICT dy, real *RESTRICT dx)
{
    nn_int i;
    for (i = 0; i < m; i++)
        dx[i] = dy[i] * (x[i] > 0 ? R(1) : a * VEXP(x[i]));
}

/* sigmoid(b*x), and 1 where b*x > t (the derivative of PyTorch's switch) */
HOT static void b_softplus(nn_int m, real b, real t, const real *RESTRICT x,
                           const real *RESTRICT dy, real *RESTRICT dx)
{
    nn_int i;
    for (i = 0; i < m; i++) {
        real bx = b * x[i];
        dx[i] = dy[i] * (bx > t ? R(1) : sigm(bx));
    }
}

/* gelu'(x) = Phi(x) + x phi(x): Phi and phi = exp(-x^2/2)/sqrt(2 pi) from
 * one exponential (vm_gelu_grad_d; in single vm_gelu_grad_f, in float
 * arithmetic, which keeps the digits where the sum cancels, near x =
 * -0.75). */
HOT static void b_gelu(nn_int m, const real *RESTRICT x,
                       const real *RESTRICT dy, real *RESTRICT dx)
{
    nn_int i;
    for (i = 0; i < m; i++) {
#ifdef NN_SINGLE
        dx[i] = dy[i] * vm_gelu_grad_f(x[i]);
#else
        dx[i] = dy[i] * vm_gelu_grad_d(x[i]);
#endif
    }
}

/* silu'(x) = s (1 + x c), s = sigmoid(x), c = sigmoid(-x) = 1 - s */
HOT static void b_silu(nn_int m, const real *RESTRICT x,
                       const real *RESTRICT dy, real *RESTRICT dx)
{
    nn_int i;
    for (i = 0; i < m; i++) {
        real v = x[i];
        real e = VEXP_NEG(-fabs(v));
        real r = R(1) / (R(1) + e);
        real s = v >= 0 ? r : e * r;
        real c = v >= 0 ? e * r : r;
        real t = c == 0 ? R(0) : v * c;
        dx[i] = dy[i] * (s == 0 ? R(0) : s * (R(1) + t));
    }
}

/* ---- row-wise: softmax and log_softmax ----------------------------- */

/* The rows [i0, i0+b) of the n x k matrix X are handled column by column
 * (X, Y, ... point at row i0 of column 0; column j starts j*n further):
 * per-row maxima, sums, ... live in small arrays, so every pass reads
 * contiguous memory and the block's data stay in cache between passes.
 *
 * With m the row's maximum, at column a (its first occurrence), and
 * e_j = exp(x_j - m), the sum is s = 1 + r with r = sum of e_j over j != a.
 * Keeping r apart gives log(s) = log1p(r) and 1 - y_a = r/s without
 * cancellation, so a confident row (y_a near 1) keeps every digit of
 * log_softmax and of the gradients.  NaN anywhere in a row makes r NaN and
 * so the whole row; a row whose maximum is +Inf (or all -Inf) gives NaN, as
 * in PyTorch. */
typedef struct {
    real mx[ROW_BLOCK];     /* row maximum */
    nn_int am[ROW_BLOCK];   /* its first column */
    real r[ROW_BLOCK];      /* sum of e_j, j != a */
    real u[ROW_BLOCK];      /* backward: sum of (e_j) dY_j, j != a */
    real da[ROW_BLOCK];     /* backward: dY_a */
} row_scratch;

HOT static void row_max(nn_int n, nn_int k, nn_int b, const real *RESTRICT X,
                        real *RESTRICT mx, nn_int *RESTRICT am)
{
    nn_int i, j;
    for (i = 0; i < b; i++) {
        mx[i] = X[i];
        am[i] = 0;
    }
    for (j = 1; j < k; j++) {
        const real *x = X + j * n;
        for (i = 0; i < b; i++) {
            int gt = x[i] > mx[i];
            am[i] = gt ? j : am[i];
            mx[i] = gt ? x[i] : mx[i];
        }
    }
}

/* r (and, given dY, u = sum of e_j dY_j or, for log_softmax, of dY_j, over
 * j != a, and da); e_j stored into E when E is not NULL.  One inner loop
 * per case, with every load unconditional, so that each vectorises. */
HOT static void row_sums(nn_int n, nn_int k, nn_int b, int logf,
                         const real *RESTRICT X, const real *RESTRICT dY,
                         real *RESTRICT E, row_scratch *RESTRICT w)
{
    nn_int i, j;
    real *RESTRICT r = w->r, *RESTRICT u = w->u;
    const real *RESTRICT mx = w->mx;
    const nn_int *RESTRICT am = w->am;
    for (i = 0; i < b; i++)
        r[i] = u[i] = 0;
    for (j = 0; j < k; j++) {
        const real *x = X + j * n;
        if (dY == NULL && E == NULL) {
            for (i = 0; i < b; i++) {
                real e = VEXP_NEG(x[i] - mx[i]);
                r[i] += j != am[i] ? e : R(0);
            }
        } else if (dY == NULL) {
            real *ej = E + j * n;
            for (i = 0; i < b; i++) {
                real e = VEXP_NEG(x[i] - mx[i]);
                ej[i] = e;
                r[i] += j != am[i] ? e : R(0);
            }
        } else {                    /* backward: E and dY given */
            real *ej = E + j * n;
            const real *dy = dY + j * n;
            for (i = 0; i < b; i++) {
                real e = VEXP_NEG(x[i] - mx[i]);
                real d = dy[i];
                int other = j != am[i];
                ej[i] = e;
                r[i] += other ? e : R(0);
                u[i] += other ? (logf ? d : e * d) : R(0);
            }
        }
    }
    /* a maximum of +-Inf makes the row NaN (m - m is NaN, else 0) */
    for (i = 0; i < b; i++)
        w->r[i] += w->mx[i] - w->mx[i];
    if (dY != NULL)
        for (i = 0; i < b; i++)
            w->da[i] = dY[i + w->am[i] * n];
}

HOT static void softmax_rows(nn_int n, nn_int k, nn_int b,
                             const real *RESTRICT X, real *RESTRICT Y,
                             row_scratch *RESTRICT w)
{
    nn_int i, j;
    row_max(n, k, b, X, w->mx, w->am);
    row_sums(n, k, b, 0, X, NULL, Y, w);
    for (i = 0; i < b; i++)
        w->r[i] = R(1) / (R(1) + w->r[i]);
    for (j = 0; j < k; j++) {
        real *y = Y + j * n;
        for (i = 0; i < b; i++)
            y[i] *= w->r[i];
    }
}

/* (x - m) - log1p(r): x - m is exact for the largest entries. */
HOT static void log_softmax_rows(nn_int n, nn_int k, nn_int b,
                                 const real *RESTRICT X, real *RESTRICT Y,
                                 row_scratch *RESTRICT w)
{
    nn_int i, j;
    row_max(n, k, b, X, w->mx, w->am);
    row_sums(n, k, b, 1, X, NULL, NULL, w);
    for (i = 0; i < b; i++)
        w->r[i] = VLOG1P(w->r[i]);
    for (j = 0; j < k; j++) {
        const real *x = X + j * n;
        real *y = Y + j * n;
        for (i = 0; i < b; i++)
            y[i] = (x[i] - w->mx[i]) - w->r[i];
    }
}

/* dX = Y .* (dY - sum(dY .* Y, 2)).  With s = 1 + r the row's dot product
 * is (da + u)/s; at column a, dY_a - dot = (da r - u)/s. */
HOT static void softmax_back_rows(nn_int n, nn_int k, nn_int b,
                                  const real *RESTRICT X,
                                  const real *RESTRICT dY, real *RESTRICT dX,
                                  row_scratch *RESTRICT w)
{
    nn_int i, j;
    row_max(n, k, b, X, w->mx, w->am);
    row_sums(n, k, b, 0, X, dY, dX, w);
    for (i = 0; i < b; i++) {
        real is = R(1) / (R(1) + w->r[i]);
        real dot = (w->da[i] + w->u[i]) * is;
        w->u[i] = (w->da[i] * w->r[i] - w->u[i]) * is;   /* dY_a - dot */
        w->da[i] = dot;
        w->r[i] = is;
    }
    for (j = 0; j < k; j++) {
        const real *dy = dY + j * n;
        real *dx = dX + j * n;
        for (i = 0; i < b; i++) {
            real g = j == w->am[i] ? w->u[i] : dy[i] - w->da[i];
            dx[i] = (dx[i] * w->r[i]) * g;
        }
    }
}

/* dX = dY - softmax(X) .* sum(dY, 2).  With G = da + u (u the sum of dY
 * over j != a): at column a, dY_a - G/s = (da r - u)/s. */
HOT static void log_softmax_back_rows(nn_int n, nn_int k, nn_int b,
                                      const real *RESTRICT X,
                                      const real *RESTRICT dY,
                                      real *RESTRICT dX,
                                      row_scratch *RESTRICT w)
{
    nn_int i, j;
    row_max(n, k, b, X, w->mx, w->am);
    row_sums(n, k, b, 1, X, dY, dX, w);
    for (i = 0; i < b; i++) {
        real is = R(1) / (R(1) + w->r[i]);
        real g = (w->da[i] + w->u[i]) * is;                  /* G / s */
        w->u[i] = (w->da[i] * w->r[i] - w->u[i]) * is;       /* dX_a */
        w->da[i] = g;
    }
    for (j = 0; j < k; j++) {
        const real *dy = dY + j * n;
        real *dx = dX + j * n;
        for (i = 0; i < b; i++)
            dx[i] = j == w->am[i] ? w->u[i] : dy[i] - dx[i] * w->da[i];
    }
}

static int rowwise(int kind, nn_int n, nn_int k, const real *X,
                   const real *dY, real *Z)
{
    row_scratch w;
    nn_int i0, b, bs = nn_block_rows(k, dY == NULL ? 2 : 3, ROW_BLOCK);
    if (k == 0)
        return NN_OK;
    for (i0 = 0; i0 < n; i0 += bs) {
        b = n - i0 < bs ? n - i0 : bs;
        if (dY == NULL) {
            if (kind == NN_ACT_SOFTMAX)
                softmax_rows(n, k, b, X + i0, Z + i0, &w);
            else
                log_softmax_rows(n, k, b, X + i0, Z + i0, &w);
        } else {
            if (kind == NN_ACT_SOFTMAX)
                softmax_back_rows(n, k, b, X + i0, dY + i0, Z + i0, &w);
            else
                log_softmax_back_rows(n, k, b, X + i0, dY + i0, Z + i0, &w);
        }
    }
    return NN_OK;
}

/* ---- entry points -------------------------------------------------- */

/* The checks both entry points make: a known kind, sizes n, k >= 0 whose
 * product fits, and the default options where o is NULL (*def holds them). */
static int prepare(int kind, const nn_act_opts **o, nn_act_opts *def,
                   nn_int n, nn_int k, nn_int *m)
{
    if (kind < 0 || kind >= NN_ACT_COUNT)
        return NN_ENAME;
    if (n < 0 || k < 0)
        return NN_EARG;
    if (k > 0 && n > PTRDIFF_MAX / k)
        return NN_ETOOBIG;
    *m = n * k;
    if (*o == NULL) {
        nn_act_defaults(kind, def);
        *o = def;
    }
    return NN_OK;
}

int NN_(nn_act_forward)(int kind, const nn_act_opts *o, nn_int n, nn_int k,
                        const real *X, real *Y)
{
    nn_act_opts def;
    nn_int m;
    int st = prepare(kind, &o, &def, n, k, &m);
    if (st != NN_OK)
        return st;
    switch (kind) {
    case NN_ACT_THRESHOLD: f_threshold(m, X, Y); break;
    case NN_ACT_LINEAR: f_linear(m, X, Y); break;
    case NN_ACT_SIGMOID: f_sigmoid(m, X, Y); break;
    case NN_ACT_TANH: f_tanh(m, X, Y); break;
    case NN_ACT_RELU: f_relu(m, X, Y); break;
    case NN_ACT_LEAKY_RELU: f_leaky(m, (real)o->alpha, X, Y); break;
    case NN_ACT_ELU: f_elu(m, (real)o->alpha, X, Y); break;
    case NN_ACT_SOFTPLUS:
        f_softplus(m, (real)o->beta, (real)o->threshold, X, Y);
        break;
    case NN_ACT_GELU: f_gelu(m, X, Y); break;
    case NN_ACT_SILU: f_silu(m, X, Y); break;
    default: return rowwise(kind, n, k, X, NULL, Y);
    }
    return NN_OK;
}

int NN_(nn_act_backward)(int kind, const nn_act_opts *o, nn_int n, nn_int k,
                         const real *X, const real *dY, real *dX)
{
    nn_act_opts def;
    nn_int m;
    int st = prepare(kind, &o, &def, n, k, &m);
    if (st != NN_OK)
        return st;
    switch (kind) {
    case NN_ACT_THRESHOLD: b_threshold(m, X, dX); break;
    case NN_ACT_LINEAR: b_linear(m, dY, dX); break;
    case NN_ACT_SIGMOID: b_sigmoid(m, X, dY, dX); break;
    case NN_ACT_TANH: b_tanh(m, X, dY, dX); break;
    case NN_ACT_RELU: b_relu(m, X, dY, dX); break;
    case NN_ACT_LEAKY_RELU: b_leaky(m, (real)o->alpha, X, dY, dX); break;
    case NN_ACT_ELU: b_elu(m, (real)o->alpha, X, dY, dX); break;
    case NN_ACT_SOFTPLUS:
        b_softplus(m, (real)o->beta, (real)o->threshold, X, dY, dX);
        break;
    case NN_ACT_GELU: b_gelu(m, X, dY, dX); break;
    case NN_ACT_SILU: b_silu(m, X, dY, dX); break;
    default: return rowwise(kind, n, k, X, dY, dX);
    }
    return NN_OK;
}
