/* Dense (fully connected) layer: Y = X*W' + b', observations are rows. */
#include <limits.h>
#include <stdint.h>
#include <string.h>
#include "nn_real.h"

/* Largest value of the BLAS integer type, computed without overflow. */
#define BLAS_INT_MAX (sizeof(nn_blas_int) >= sizeof(nn_int) ? PTRDIFF_MAX : (nn_int)INT_MAX)

static int fits_blas(nn_int a, nn_int b, nn_int c)
{
    return a >= 0 && b >= 0 && c >= 0 &&
           a <= BLAS_INT_MAX && b <= BLAS_INT_MAX && c <= BLAS_INT_MAX;
}

/* C(m x n) = op(A) * op(B), with zero-sized and k = 0 products handled
 * here so that BLAS never sees a leading dimension of 0. */
static void gemm(char ta, char tb, nn_int m, nn_int n, nn_int k,
                 const real *A, nn_int lda, const real *B, nn_int ldb,
                 real *C, nn_int ldc)
{
    nn_blas_int bm = (nn_blas_int)m, bn = (nn_blas_int)n, bk = (nn_blas_int)k;
    nn_blas_int blda = (nn_blas_int)(lda > 0 ? lda : 1);
    nn_blas_int bldb = (nn_blas_int)(ldb > 0 ? ldb : 1);
    nn_blas_int bldc = (nn_blas_int)(ldc > 0 ? ldc : 1);
    real one = R(1), zero = R(0);
    if (m == 0 || n == 0)
        return;
    if (k == 0) {
        nn_int j;
        for (j = 0; j < n; j++)
            memset(C + j * ldc, 0, (size_t)m * sizeof(real));
        return;
    }
    NN_GEMM(&ta, &tb, &bm, &bn, &bk, &one, A, &blda, B, &bldb, &zero, C, &bldc);
}

int NN_(nn_dense_forward)(nn_int n, nn_int in, nn_int out, const real *X,
                          const real *W, const real *b, real *Y)
{
    nn_int i, j;
    if (!fits_blas(n, in, out))
        return NN_ETOOBIG;
    /* Y(n x out) = X(n x in) * W(out x in)' */
    gemm('N', 'T', n, out, in, X, n, W, out, Y, n);
    if (b != NULL)
        for (j = 0; j < out; j++) {
            real bj = b[j];
            real *y = Y + j * n;
            for (i = 0; i < n; i++)
                y[i] += bj;
        }
    return NN_OK;
}

int NN_(nn_dense_backward)(nn_int n, nn_int in, nn_int out, const real *X,
                           const real *W, const real *dY, real *dX, real *dW,
                           real *db)
{
    nn_int i, j;
    if (!fits_blas(n, in, out))
        return NN_ETOOBIG;
    if (dX != NULL)     /* dX(n x in) = dY(n x out) * W(out x in) */
        gemm('N', 'N', n, in, out, dY, n, W, out, dX, n);
    if (dW != NULL)     /* dW(out x in) = dY' * X */
        gemm('T', 'N', out, in, n, dY, n, X, n, dW, out);
    if (db != NULL)
        for (j = 0; j < out; j++) {
            const real *d = dY + j * n;
            real s = R(0);
            for (i = 0; i < n; i++)
                s += d[i];
            db[j] = s;
        }
    return NN_OK;
}
