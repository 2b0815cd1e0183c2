/* Dense (fully connected) layer: Y = X*W' + b', observations are rows. */
#include <limits.h>
#include <stdint.h>
#include <string.h>
#include "nn_real.h"

/* Largest value of the BLAS integer type, computed without overflow. */
#define BLAS_INT_MAX (sizeof(nn_blas_int) >= sizeof(nn_int) ? PTRDIFF_MAX : (nn_int)INT_MAX)

/* A small product (see nn_gemm in nn_real.h): each element of C the sum
 * over l of op(A)(i, l) op(B)(l, j) in the order of l, then added to C when
 * beta is 1; C is not read when beta is 0.  (No fused multiply-add: the
 * same bits on every machine.) */
void NN_(nn_gemm_small)(char ta, char tb, nn_int m, nn_int n, nn_int k,
                        const real *A, nn_int lda, const real *B, nn_int ldb,
                        real beta, real *C, nn_int ldc)
{
    nn_int i, j, l;
    nn_int ai = ta == 'N' ? 1 : lda, al = ta == 'N' ? lda : 1;
    nn_int bl = tb == 'N' ? 1 : ldb, bj = tb == 'N' ? ldb : 1;
    for (j = 0; j < n; j++)
        for (i = 0; i < m; i++) {
            const real *a = A + i * ai, *b = B + j * bj;
            real s = a[0] * b[0];
            for (l = 1; l < k; l++)
                s += a[l * al] * b[l * bl];
            C[i + j * ldc] = beta == R(0) ? s : C[i + j * ldc] + s;
        }
}

/* The sizes are valid, and if all three are positive (BLAS will be called:
 * an empty product needs no BLAS), each one fits the BLAS integer type.
 * The leading dimensions passed to BLAS are among these sizes. */
static int check_sizes(nn_int n, nn_int in, nn_int out)
{
    if (n < 0 || in < 0 || out < 0)
        return NN_EARG;
    if (n > 0 && in > 0 && out > 0 &&
        (n > BLAS_INT_MAX || in > BLAS_INT_MAX || out > BLAS_INT_MAX))
        return NN_ETOOBIG;
    return NN_OK;
}

/* ldx, X's leading dimension, is at least n (and 1), and fits BLAS when
 * BLAS will be called. */
static int check_ld(nn_int n, nn_int in, nn_int out, nn_int ldx)
{
    if (ldx < n || ldx < 1)
        return NN_EARG;
    if (n > 0 && in > 0 && out > 0 && ldx > BLAS_INT_MAX)
        return NN_ETOOBIG;
    return NN_OK;
}

int NN_(nn_dense_forward_ld)(nn_int n, nn_int in, nn_int out, const real *X,
                             nn_int ldx, const real *W, const real *b, real *Y)
{
    nn_int i, j;
    int st = check_sizes(n, in, out);
    if (st == NN_OK)
        st = check_ld(n, in, out, ldx);
    if (st != NN_OK)
        return st;
    /* Y(n x out) = X(n x in) * W(out x in)' */
    nn_gemm('N', 'T', n, out, in, X, ldx, W, out, R(0), Y, n);
    if (b != NULL)
        for (j = 0; j < out; j++) {
            real bj = b[j];
            real *y = Y + j * n;
            for (i = 0; i < n; i++)
                y[i] += bj;
        }
    return NN_OK;
}

/* db(j) = sum of column j of dY (n x out), added in order down the column,
 * in double also for float (a float sum of many terms loses digits; for
 * double this is Octave's sum(dY, 1) bit for bit).  Eight columns at a
 * time, so that eight independent sums run at once instead of one chain of
 * dependent additions; each column's sum is the same. */
static void col_sums(nn_int n, nn_int out, const real *dY, real *db)
{
    nn_int i, j = 0;
    for (; j + 8 <= out; j += 8) {
        const real *d = dY + j * n;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        for (i = 0; i < n; i++) {
            s0 += d[i];
            s1 += d[i + n];
            s2 += d[i + 2 * n];
            s3 += d[i + 3 * n];
            s4 += d[i + 4 * n];
            s5 += d[i + 5 * n];
            s6 += d[i + 6 * n];
            s7 += d[i + 7 * n];
        }
        db[j] = (real)s0; db[j + 1] = (real)s1; db[j + 2] = (real)s2;
        db[j + 3] = (real)s3; db[j + 4] = (real)s4; db[j + 5] = (real)s5;
        db[j + 6] = (real)s6; db[j + 7] = (real)s7;
    }
    for (; j < out; j++) {
        const real *d = dY + j * n;
        double s = 0;
        for (i = 0; i < n; i++)
            s += d[i];
        db[j] = (real)s;
    }
}

int NN_(nn_dense_forward)(nn_int n, nn_int in, nn_int out, const real *X,
                          const real *W, const real *b, real *Y)
{
    return NN_(nn_dense_forward_ld)(n, in, out, X, n > 0 ? n : 1, W, b, Y);
}

int NN_(nn_dense_backward_ld)(nn_int n, nn_int in, nn_int out, const real *X,
                              nn_int ldx, const real *W, const real *dY,
                              real *dX, real *dW, real *db)
{
    int st = check_sizes(n, in, out);
    if (st == NN_OK)
        st = check_ld(n, in, out, ldx);
    if (st != NN_OK)
        return st;
    if (dX != NULL)     /* dX(n x in) = dY(n x out) * W(out x in) */
        nn_gemm('N', 'N', n, in, out, dY, n, W, out, R(0), dX, n);
    if (dW != NULL)     /* dW(out x in) = dY' * X */
        nn_gemm('T', 'N', out, in, n, dY, n, X, ldx, R(0), dW, out);
    if (db != NULL)     /* db = sum(dY, 1)', summed in order down each column */
        col_sums(n, out, dY, db);
    return NN_OK;
}

int NN_(nn_dense_backward)(nn_int n, nn_int in, nn_int out, const real *X,
                           const real *W, const real *dY, real *dX, real *dW,
                           real *db)
{
    return NN_(nn_dense_backward_ld)(n, in, out, X, n > 0 ? n : 1, W, dY, dX,
                                     dW, db);
}
