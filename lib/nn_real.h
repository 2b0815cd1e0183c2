/* Type template for lib/ sources that are compiled twice: with NN_SINGLE
 * defined for float (suffix _s), without it for double (suffix _d).
 * Use `real` for the element type, NN_(name) for an exported name, and
 * the type-generic maths of <tgmath.h> (exp, log, fabs, ... pick the
 * float or double function from the argument's type).  Write constants
 * as R(1.5) so that float code stays in float. */
#ifndef NNLAB_NN_REAL_H
#define NNLAB_NN_REAL_H

#include <tgmath.h>
#include <float.h>
#include <string.h>
#include "nn.h"

#ifdef NN_SINGLE
typedef float real;
#define NN_(name) name##_s
#define NN_GEMM sgemm_
#define REAL_MAX FLT_MAX
#define REAL_EPS FLT_EPSILON
#else
typedef double real;
#define NN_(name) name##_d
#define NN_GEMM dgemm_
#define REAL_MAX DBL_MAX
#define REAL_EPS DBL_EPSILON
#endif
#define R(x) ((real)(x))

/* Fortran BLAS, as linked by Octave and MATLAB. */
void NN_GEMM(const char *ta, const char *tb, const nn_blas_int *m,
             const nn_blas_int *n, const nn_blas_int *k, const real *alpha,
             const real *a, const nn_blas_int *lda, const real *b,
             const nn_blas_int *ldb, const real *beta, real *c,
             const nn_blas_int *ldc);

/* Products of at most NN_GEMM_SMALL multiply-adds (m n k) are computed
 * here (nn_gemm_small, lib/dense.c) rather than by BLAS, whose call costs
 * more than such a product: OpenBLAS takes 90-100 ns a call (it locks a
 * buffer pool) for the products of the 2-8-1 XOR network, the loop 25-65
 * ns, 1 thread, measured side by side; at 8 x 8 x 2 (128) BLAS is the
 * faster, 100 ns against 121. */
#define NN_GEMM_SMALL 64
void NN_(nn_gemm_small)(char ta, char tb, nn_int m, nn_int n, nn_int k,
                        const real *A, nn_int lda, const real *B, nn_int ldb,
                        real beta, real *C, nn_int ldc);

/* C(m x n) = op(A) * op(B) + beta * C with op(A) m x k, beta 0 or 1.  Zero
 * sizes never reach BLAS (it refuses a leading dimension of 0): an empty C
 * is left alone, and k = 0 gives C = beta * C.  With beta = 0, BLAS
 * overwrites C without reading it (C may be uninitialised).  The sizes must
 * fit nn_blas_int (the callers check). */
static inline void nn_gemm(char ta, char tb, nn_int m, nn_int n, nn_int k,
                           const real *A, nn_int lda, const real *B,
                           nn_int ldb, real beta, real *C, nn_int ldc)
{
    nn_blas_int bm = (nn_blas_int)m, bn = (nn_blas_int)n, bk = (nn_blas_int)k;
    nn_blas_int blda = (nn_blas_int)lda, bldb = (nn_blas_int)ldb;
    nn_blas_int bldc = (nn_blas_int)ldc;
    real one = R(1);
    nn_int j;
    if (m == 0 || n == 0)
        return;
    if (k == 0) {
        if (beta == R(0))
            for (j = 0; j < n; j++)
                memset(C + j * ldc, 0, (size_t)m * sizeof(real));
        return;
    }
    if ((double)m * (double)n * (double)k <= NN_GEMM_SMALL) {
        NN_(nn_gemm_small)(ta, tb, m, n, k, A, lda, B, ldb, beta, C, ldc);
        return;
    }
    NN_GEMM(&ta, &tb, &bm, &bn, &bk, &one, A, &blda, B, &bldb, &beta, C, &bldc);
}

/* Rows a row-wise kernel (softmax, cross-entropy) takes at a time, for an
 * n x k matrix stored by columns: about NN_BLOCK_BYTES of its `arrays`
 * arrays (half of a 1 MB L2), so that each block's k column segments stay
 * in cache between its passes and are long runs in memory (blocks of 256
 * rows were 15% slower on 16M elements); at least 16 rows, at most `most`
 * (the size of the caller's per-row scratch). */
#define NN_BLOCK_BYTES 524288
static inline nn_int nn_block_rows(nn_int k, int arrays, nn_int most)
{
    size_t per_row = (size_t)arrays * sizeof(real) * (size_t)(k > 0 ? k : 1);
    nn_int b = (nn_int)(NN_BLOCK_BYTES / per_row);
    return b > most ? most : (b < 16 ? 16 : b);
}

#endif
