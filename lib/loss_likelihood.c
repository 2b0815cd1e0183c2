/* The likelihood-named losses gaussian, laplace and poisson: negative
 * log-likelihoods of T, one value per element of T (see nn_loss.h and the
 * help of nn_loss for the formulas).  Called by nn_loss_ws (lib/loss.c),
 * which has checked the sizes and the domain and made the per-row
 * gradient factors g. */
#include "nn_real.h"

#define HALF_LOG_2PI 0.918938533204672741780329736406
#define LOG_2 0.693147180559945309417232121458

void NN_(nn_loss_likelihood)(int kind, const nn_loss_opts *o, nn_int n,
                             nn_int k, const real *Z, nn_int tcols,
                             const real *T, const real *g, int none,
                             double *sum, real *L, real *dZ);

/* sign(r), 0 at 0 (as mae) */
static real sign_of(real r)
{
    return r > 0 ? R(1) : r < 0 ? R(-1) : r;
}

/* Gaussian of mean z and variance v = max(sigma^2, eps), fixed:
 *   l = (log v + (z - t)^2 / v) / 2 [+ log(2 pi) / 2],  d = (z - t) / v.
 * Laplace of location z and scale b = max(scale, eps), fixed:
 *   l = |z - t| / b + log b [+ log 2],                   d = sign(z - t) / b. */
static void fixed(int kind, const nn_loss_opts *o, nn_int m, const real *Z,
                  const real *T, nn_int n, const real *g, int none,
                  double *sum, real *L, real *dZ)
{
    nn_int i;
    int gauss = kind == NN_LOSS_GAUSSIAN;
    double v = gauss ? o->sigma * o->sigma : o->scale;
    real inv, c;
    if (v < o->eps)
        v = o->eps;
    inv = (real)(1.0 / v);
    c = (real)((gauss ? 0.5 : 1.0) * log(v) +
               (o->full ? (gauss ? HALF_LOG_2PI : LOG_2) : 0.0));
    for (i = 0; i < m; i++) {
        nn_int row = i % n;
        real r = Z[i] - T[i], e, d;
        real wt = o->weights != NULL ? (real)o->weights[row] : R(1);
        if (gauss) {
            e = R(0.5) * r * r * inv + c;
            d = r * inv;
        } else {
            e = fabs(r) * inv + c;
            d = sign_of(r) * inv;
        }
        if (none) L[i] = wt * e; else *sum += (double)wt * (double)e;
        if (dZ != NULL) dZ[i] = g[row] * d;
    }
}

void NN_(nn_loss_likelihood)(int kind, const nn_loss_opts *o, nn_int n,
                             nn_int k, const real *Z, nn_int tcols,
                             const real *T, const real *g, int none,
                             double *sum, real *L, real *dZ)
{
    nn_int i, j;
    real eps = (real)o->eps;
    if (kind == NN_LOSS_POISSON) {
        /* log_input: l = exp(z) - t z, d = exp(z) - t; else the rate z:
         * l = z - t log(z + eps), d = 1 - t / (z + eps); full adds
         * Stirling's t log t - t + log(2 pi t) / 2 where t > 1 */
        for (i = 0; i < n * k; i++) {
            nn_int row = i % n;
            real z = Z[i], t = T[i], e, d;
            real wt = o->weights != NULL ? (real)o->weights[row] : R(1);
            if (o->log_input) {
                real ez = exp(z);
                e = ez - t * z;
                d = ez - t;
            } else {
                e = z - t * log(z + eps);
                d = R(1) - t / (z + eps);
            }
            if (o->full && t > 1)
                e += t * log(t) - t + R(0.5) * log(R(2) * (real)3.14159265358979323846 * t);
            if (none) L[i] = wt * e; else *sum += (double)wt * (double)e;
            if (dZ != NULL) dZ[i] = g[row] * d;
        }
        return;
    }
    if (!nn_loss_learned(kind, k, tcols)) {
        fixed(kind, o, n * k, Z, T, n, g, none, sum, L, dZ);
        return;
    }
    /* learned: Z = [mu, s], s the log of the variance v (gaussian) or of
     * the scale b (laplace), clamped as PyTorch's GaussianNLLLoss clamps
     * the variance: v = max(exp(s), eps), the clamp not differentiated, so
     * that dl/ds = dl/dv exp(s) with dl/dv taken at the clamped v. */
    for (j = 0; j < tcols; j++)
        for (i = 0; i < n; i++) {
            nn_int at = i + j * n, ls = at + tcols * n;
            real s = Z[ls], r = Z[at] - T[at], es = exp(s), e, dm, ds;
            real wt = o->weights != NULL ? (real)o->weights[i] : R(1);
            if (kind == NN_LOSS_GAUSSIAN) {
                /* l = (log v + r^2 / v) / 2, dl/dmu = r / v,
                 * dl/dv = (1/v - r^2/v^2) / 2 */
                if (es < eps) {
                    real iv = R(1) / eps, q = r * r * iv;
                    e = R(0.5) * (log(eps) + q);
                    dm = r * iv;
                    ds = R(0.5) * (iv - q * iv) * es;
                } else {
                    real ie = exp(-s), q = r * r * ie;
                    e = R(0.5) * (s + q);
                    dm = r * ie;
                    ds = R(0.5) * (R(1) - q);
                }
                if (o->full)
                    e += (real)HALF_LOG_2PI;
            } else {
                /* l = |r| / b + log b, dl/dmu = sign(r) / b,
                 * dl/db = 1/b - |r|/b^2 */
                if (es < eps) {
                    real ib = R(1) / eps, a = fabs(r) * ib;
                    e = a + log(eps);
                    dm = sign_of(r) * ib;
                    ds = (ib - a * ib) * es;
                } else {
                    real ie = exp(-s), a = fabs(r) * ie;
                    e = a + s;
                    dm = sign_of(r) * ie;
                    ds = R(1) - a;
                }
                if (o->full)
                    e += (real)LOG_2;
            }
            if (none) L[at] = wt * e; else *sum += (double)wt * (double)e;
            if (dZ != NULL) {
                dZ[at] = g[i] * dm;
                dZ[ls] = g[i] * ds;
            }
        }
}
