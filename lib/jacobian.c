/* Jacobian of a dense network with respect to its parameters, the
 * Gauss-Newton pair J'J, J'e, and the damped Levenberg-Marquardt solve.
 * One backward pass per output unit: the pass from output k gives, for
 * every observation i, the row d Y(i,k) / d theta of J. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "nn_real.h"
#include "nn_jacobian.h"

#ifdef NN_SINGLE
#define POTRF spotrf_
#define POTRS spotrs_
#define GELS sgels_
#else
#define POTRF dpotrf_
#define POTRS dpotrs_
#define GELS dgels_
#endif

void POTRF(const char *uplo, const nn_blas_int *n, real *a,
           const nn_blas_int *lda, nn_blas_int *info);
void POTRS(const char *uplo, const nn_blas_int *n, const nn_blas_int *nrhs,
           const real *a, const nn_blas_int *lda, real *b,
           const nn_blas_int *ldb, nn_blas_int *info);
void GELS(const char *trans, const nn_blas_int *m, const nn_blas_int *n,
          const nn_blas_int *nrhs, real *a, const nn_blas_int *lda, real *b,
          const nn_blas_int *ldb, real *work, const nn_blas_int *lwork,
          nn_blas_int *info);

#define BLAS_MAX (sizeof(nn_blas_int) >= sizeof(nn_int) ? PTRDIFF_MAX : (nn_int)INT_MAX)

/* The sizes are valid: P (the parameter count) and the widest layer. */
static int check_net(nn_int nl, const nn_int *sizes, const int *acts,
                     nn_int n, nn_int *P, nn_int *wide)
{
    nn_int l, p = 0, w = 0;
    if (nl < 1 || n < 0 || !sizes || !acts)
        return NN_EARG;
    for (l = 0; l <= nl; l++) {
        if (sizes[l] < 1 || sizes[l] > BLAS_MAX)
            return sizes[l] < 1 ? NN_EARG : NN_ETOOBIG;
        if (sizes[l] > w)
            w = sizes[l];
    }
    for (l = 0; l < nl; l++) {
        if (acts[l] < 0 || acts[l] >= NN_ACT_COUNT)
            return NN_EARG;
        if (sizes[l + 1] > (PTRDIFF_MAX / 4 - p) / (sizes[l] + 1))
            return NN_ETOOBIG;
        p += sizes[l + 1] * (sizes[l] + 1);
    }
    if (p > BLAS_MAX || n > BLAS_MAX)
        return NN_ETOOBIG;
    *P = p;
    *wide = w;
    return NN_OK;
}

/* Rows r0..r0+m-1 of the network's output into Yb (m x K, ld m) and their
 * Jacobian rows into Jb: the row of (i, k) at Jb[i + k*ks], columns ldj
 * apart.  S is scratch of 2*m*sum(sizes[1..nl]) + 3*m*wide reals. */
static int block(nn_int nl, const nn_int *sizes, const real *const *W,
                 const real *const *b, const int *acts, nn_int n, nn_int r0,
                 nn_int m, const real *X, real *Yb, real *Jb, nn_int ks,
                 nn_int ldj, real *S)
{
    nn_int l, i, j, o, k, K = sizes[nl], wide = 0, tot = 0, off;
    real **Z, **A;
    real *dA, *dl, *cur;
    int st = NN_OK;
    for (l = 0; l <= nl; l++)
        if (sizes[l] > wide)
            wide = sizes[l];
    Z = malloc(2 * (size_t)(nl + 1) * sizeof(real *));
    if (!Z)
        return NN_ENOMEM;
    A = Z + nl + 1;
    cur = S;
    A[0] = cur;                       /* the block of X, contiguous */
    cur += m * wide;
    for (j = 0; j < sizes[0]; j++)
        memcpy(A[0] + j * m, X + r0 + j * n, (size_t)m * sizeof(real));
    for (l = 0; l < nl; l++) {
        Z[l] = cur;
        cur += m * sizes[l + 1];
        A[l + 1] = cur;
        cur += m * sizes[l + 1];
        tot += sizes[l + 1];
        st = NN_(nn_dense_forward)(m, sizes[l], sizes[l + 1], A[l], W[l], b[l], Z[l]);
        if (st == NN_OK)
            st = NN_(nn_act_forward)(acts[l], NULL, m, sizes[l + 1], Z[l], A[l + 1]);
        if (st != NN_OK)
            goto done;
    }
    (void)tot;
    if (Yb)
        memcpy(Yb, A[nl], (size_t)(m * K) * sizeof(real));
    if (!Jb)
        goto done;
    dA = cur;
    dl = cur + m * wide;
    for (k = 0; k < K; k++) {
        memset(dA, 0, (size_t)(m * K) * sizeof(real));
        for (i = 0; i < m; i++)
            dA[i + k * m] = R(1);
        off = 0;
        for (l = 0; l < nl; l++)
            off += sizes[l + 1] * (sizes[l] + 1);
        for (l = nl - 1; l >= 0; l--) {
            nn_int in = sizes[l], out = sizes[l + 1];
            real *Jk = Jb + k * ks;
            off -= out * (in + 1);
            st = NN_(nn_act_backward)(acts[l], NULL, m, out, Z[l], dA, dl);
            if (st != NN_OK)
                goto done;
            for (o = 0; o < out; o++) {
                const real *d = dl + o * m;
                real *c = Jk + (off + o) * ldj;
                for (i = 0; i < m; i++)
                    c[i] = d[i];
            }
            for (j = 0; j < in; j++) {
                const real *a = A[l] + j * m;
                for (o = 0; o < out; o++) {
                    const real *d = dl + o * m;
                    real *c = Jk + (off + out + o + j * out) * ldj;
                    for (i = 0; i < m; i++)
                        c[i] = d[i] * a[i];
                }
            }
            if (l > 0) {
                st = NN_(nn_dense_backward)(m, in, out, NULL, W[l], dl, dA, NULL, NULL);
                if (st != NN_OK)
                    goto done;
            }
        }
    }
done:
    free(Z);
    return st;
}

static nn_int scratch_len(nn_int nl, const nn_int *sizes, nn_int m, nn_int wide)
{
    nn_int l, s = 0;
    for (l = 1; l <= nl; l++)
        s += sizes[l];
    return 2 * m * s + 3 * m * wide;
}

int NN_(nn_jacobian)(nn_int nl, const nn_int *sizes, const real *const *W,
                     const real *const *b, const int *acts, nn_int n,
                     const real *X, real *Y, real *J)
{
    nn_int P, wide;
    real *S;
    int st = check_net(nl, sizes, acts, n, &P, &wide);
    if (st != NN_OK || n == 0)
        return st;
    S = malloc((size_t)scratch_len(nl, sizes, n, wide) * sizeof(real));
    if (!S)
        return NN_ENOMEM;
    st = block(nl, sizes, W, b, acts, n, 0, n, X, Y, J, n, n * sizes[nl], S);
    free(S);
    return st;
}

int NN_(nn_gauss_newton)(nn_int nl, const nn_int *sizes, const real *const *W,
                         const real *const *b, const int *acts, nn_int n,
                         const real *X, const real *T, real *JJ, real *Je,
                         double *sse)
{
    nn_int P, wide, K, m, r0, i, k, rows;
    real *S = NULL, *Jb = NULL, *Yb = NULL;
    double acc = 0;
    int st = check_net(nl, sizes, acts, n, &P, &wide);
    if (st != NN_OK)
        return st;
    K = sizes[nl];
    /* blocks of rows: about 4M reals of J at a time */
    m = (nn_int)4194304 / (K * P);
    if (m < 1)
        m = 1;
    if (m > n)
        m = n;
    memset(JJ, 0, (size_t)(P * P) * sizeof(real));
    memset(Je, 0, (size_t)P * sizeof(real));
    *sse = 0;
    if (n == 0)
        return NN_OK;
    if (m * K > BLAS_MAX)
        return NN_ETOOBIG;
    S = malloc((size_t)scratch_len(nl, sizes, m, wide) * sizeof(real));
    Jb = malloc((size_t)(m * K) * (size_t)P * sizeof(real));
    Yb = malloc((size_t)(m * K) * sizeof(real));
    if (!S || !Jb || !Yb) {
        st = NN_ENOMEM;
        goto done;
    }
    for (r0 = 0; r0 < n; r0 += m) {
        rows = n - r0 < m ? n - r0 : m;
        st = block(nl, sizes, W, b, acts, n, r0, rows, X, Yb, Jb, rows, rows * K, S);
        if (st != NN_OK)
            goto done;
        for (k = 0; k < K; k++)
            for (i = 0; i < rows; i++) {
                real e = Yb[i + k * rows] - T[r0 + i + k * n];
                Yb[i + k * rows] = e;
                acc += (double)e * (double)e;
            }
        nn_gemm('T', 'N', P, P, rows * K, Jb, rows * K, Jb, rows * K, R(1), JJ, P);
        nn_gemm('T', 'N', P, 1, rows * K, Jb, rows * K, Yb, rows * K, R(1), Je, P);
    }
    *sse = acc;
done:
    free(S);
    free(Jb);
    free(Yb);
    return st;
}

int NN_(nn_lm_solve)(nn_int P, const real *JJ, const real *g, double mu,
                     real *dx, int *how)
{
    nn_blas_int bp = (nn_blas_int)P, one = 1, info = 0, lwork = -1;
    nn_int i;
    real *A, wq, *work;
    if (P < 0 || !(mu >= 0))
        return NN_EARG;
    if (P > BLAS_MAX)
        return NN_ETOOBIG;
    if (P == 0) {
        *how = 1;
        return NN_OK;
    }
    A = malloc((size_t)(P * P) * sizeof(real));
    if (!A)
        return NN_ENOMEM;
    memcpy(A, JJ, (size_t)(P * P) * sizeof(real));
    for (i = 0; i < P; i++)
        A[i + i * P] += (real)mu;
    memcpy(dx, g, (size_t)P * sizeof(real));
    POTRF("L", &bp, A, &bp, &info);
    if (info == 0) {
        POTRS("L", &bp, &one, A, &bp, dx, &bp, &info);
        *how = 1;
        free(A);
        return info == 0 ? NN_OK : NN_EINTERNAL;
    }
    /* not positive definite: least squares by QR */
    memcpy(A, JJ, (size_t)(P * P) * sizeof(real));
    for (i = 0; i < P; i++)
        A[i + i * P] += (real)mu;
    GELS("N", &bp, &bp, &one, A, &bp, dx, &bp, &wq, &lwork, &info);
    lwork = (nn_blas_int)wq;
    if (lwork < 1)
        lwork = 1;
    work = malloc((size_t)lwork * sizeof(real));
    if (!work) {
        free(A);
        return NN_ENOMEM;
    }
    GELS("N", &bp, &bp, &one, A, &bp, dx, &bp, work, &lwork, &info);
    free(work);
    free(A);
    *how = 2;
    return info == 0 ? NN_OK : NN_EVALUE;
}
