/* gemm_floor.c - the GEMM-only floor of an MLP epoch, and the GEMM peak.
 *
 * The floor: every matrix product one training epoch of a dense network
 * needs, called back to back through the Fortran BLAS (sgemm_/dgemm_, the
 * library nnlab links), with nothing else: no activation, no loss, no update,
 * no batch gathering.  Observations are rows as in nnlab: X is b x in, W is
 * out x in, and per layer and batch
 *     forward          Z  = X * W'     (b x out)
 *     weight gradient  dW = dZ' * X    (out x in)
 *     input gradient   dX = dZ * W     (b x in, not for the first layer)
 * An epoch is ceil(N / B) batches, the last one of N - (ceil(N/B)-1) B rows.
 * The flop count is 2 b in out per product.
 *
 * The CNN floor (task C-cnn, the network of issue 13 on 28x28x1 images:
 * conv 32 3x3 - pool 2 - conv 64 3x3 - pool 2 - dense 1600-128-10): each
 * convolution as the one im2col product of a whole batch, the most a
 * GEMM-based convolution can batch (P output pixels, K = 9 Cin taps):
 *     forward          (b P x K) * (K x Cout)
 *     weight gradient  (K x b P) * (b P x Cout)
 *     input gradient   (b P x Cout) * (Cout x K)   (not for the first layer)
 * and the dense layers as above; no im2col, pooling or activation.
 *
 * The peak: C = A * B of two n x n matrices (2 n^3 flop), after one warm-up.
 *
 * Threads: OPENBLAS_NUM_THREADS in the environment (run.sh sets it); the
 * count is passed on the command line only to label the output.
 *
 * usage:
 *   gemm_floor peak  PREC THREADS N RUNS
 *   gemm_floor floor TASK PREC THREADS SIZES N B EPOCHS RUNS
 *       SIZES like 784,256,128,10
 *   gemm_floor cnn   TASK PREC THREADS N B RUNS
 * Prints one "RESULT key=value ..." line per run (what summarize.py reads). */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void dgemm_(const char *ta, const char *tb, const int *m, const int *n, const int *k,
            const double *alpha, const double *a, const int *lda, const double *b,
            const int *ldb, const double *beta, double *c, const int *ldc);
void sgemm_(const char *ta, const char *tb, const int *m, const int *n, const int *k,
            const float *alpha, const float *a, const int *lda, const float *b,
            const int *ldb, const float *beta, float *c, const int *ldc);

static int dbl;   /* 1: double, 0: single */

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* C (m x n) = op(A) * op(B), column-major */
static void gemm(char ta, char tb, int m, int n, int k, const void *a, int lda,
                 const void *b, int ldb, void *c, int ldc)
{
    if (dbl) {
        const double one = 1.0, zero = 0.0;
        dgemm_(&ta, &tb, &m, &n, &k, &one, a, &lda, b, &ldb, &zero, c, &ldc);
    } else {
        const float one = 1.0f, zero = 0.0f;
        sgemm_(&ta, &tb, &m, &n, &k, &one, a, &lda, b, &ldb, &zero, c, &ldc);
    }
}

static void *filled(size_t count)
{
    size_t es = dbl ? sizeof(double) : sizeof(float), i;
    void *p = malloc(count ? count * es : es);
    if (!p) {
        fprintf(stderr, "gemm_floor: out of memory\n");
        exit(1);
    }
    for (i = 0; i < count; i++) {
        double v = (double)((i * 2654435761u) % 1000u) / 1000.0 - 0.5;
        if (dbl)
            ((double *)p)[i] = v * 0.1;
        else
            ((float *)p)[i] = (float)(v * 0.1);
    }
    return p;
}

static int peak(const char *prec, int threads, int n, int runs)
{
    void *A = filled((size_t)n * n), *B = filled((size_t)n * n), *C = filled((size_t)n * n);
    double fl = 2.0 * n * (double)n * n;
    int r;
    gemm('N', 'N', n, n, n, A, n, B, n, C, n);   /* warm-up */
    for (r = 1; r <= runs; r++) {
        double t0 = now(), dt;
        gemm('N', 'N', n, n, n, A, n, B, n, C, n);
        dt = now() - t0;
        printf("RESULT task=peak impl=gemm prec=%s threads=%d run=%d n=%d time_s=%.6f gflops=%.3f\n",
               prec, threads, r, n, dt, fl / dt * 1e-9);
        fflush(stdout);
    }
    free(A); free(B); free(C);
    return 0;
}

static int floor_epoch(const char *task, const char *prec, int threads, const char *sizes,
                       int N, int B, int epochs, int runs)
{
    int sz[16], L = 0, l, r, e, s, nb;
    char *copy = malloc(strlen(sizes) + 1), *tok;
    void *X, *W[15], *Z[15], *dW[15], *dX[15];
    double fl = 0.0;
    strcpy(copy, sizes);
    for (tok = strtok(copy, ","); tok && L < 16; tok = strtok(NULL, ","))
        sz[L++] = atoi(tok);
    free(copy);
    L--;                                  /* number of layers */
    if (L < 1 || N < 1 || B < 1) {
        fprintf(stderr, "gemm_floor: bad sizes or counts\n");
        return 2;
    }
    if (B > N)
        B = N;
    nb = (N + B - 1) / B;
    X = filled((size_t)B * sz[0]);
    for (l = 0; l < L; l++) {
        W[l] = filled((size_t)sz[l + 1] * sz[l]);
        dW[l] = filled((size_t)sz[l + 1] * sz[l]);
        Z[l] = filled((size_t)B * sz[l + 1]);   /* also holds dZ */
        dX[l] = filled((size_t)B * sz[l]);
    }
    for (s = 0; s < nb; s++) {
        int b = (s < nb - 1) ? B : N - (nb - 1) * B;
        for (l = 0; l < L; l++)
            fl += 2.0 * b * sz[l] * sz[l + 1] * (l == 0 ? 2 : 3);
    }
    fl *= epochs;
    for (r = 0; r <= runs; r++) {          /* run 0 is a warm-up */
        double t0 = now(), dt;
        for (e = 0; e < epochs; e++)
            for (s = 0; s < nb; s++) {
                int b = (s < nb - 1) ? B : N - (nb - 1) * B;
                /* forward: Z_l = H_{l-1} W_l' (H_0 = X, H_l stored in Z_l) */
                for (l = 0; l < L; l++)
                    gemm('N', 'T', b, sz[l + 1], sz[l], l ? Z[l - 1] : X, b, W[l], sz[l + 1],
                         Z[l], b);
                /* backward: dW_l = dZ_l' H_{l-1}, dH_{l-1} = dZ_l W_l */
                for (l = L - 1; l >= 0; l--) {
                    gemm('T', 'N', sz[l + 1], sz[l], b, Z[l], b, l ? Z[l - 1] : X, b, dW[l],
                         sz[l + 1]);
                    if (l)
                        gemm('N', 'N', b, sz[l], sz[l + 1], Z[l], b, W[l], sz[l + 1], dX[l], b);
                }
            }
        dt = now() - t0;
        if (r > 0) {
            printf("RESULT task=%s impl=floor prec=%s threads=%d run=%d time_s=%.6f gflops=%.3f "
                   "flop=%.0f\n", task, prec, threads, r, dt, fl / dt * 1e-9, fl);
            fflush(stdout);
        }
    }
    free(X);
    for (l = 0; l < L; l++) {
        free(W[l]); free(dW[l]); free(Z[l]); free(dX[l]);
    }
    return 0;
}

/* One product of the CNN floor, C (m x n) = A (m x k) B (k x n), with m (or
 * k, for weight gradients) given per observation. */
typedef struct {
    int m, n, k, batch_k;   /* batch_k: k scales with the batch, else m */
} product;

static const product cnn_products[] = {
    {676 * 1, 32, 9, 0},  {9, 32, 676, 1},                       /* conv1 */
    {121, 64, 288, 0},    {288, 64, 121, 1}, {121, 288, 64, 0},  /* conv2 */
    {1, 128, 1600, 0},    {128, 1600, 1, 1}, {1, 1600, 128, 0},  /* dense 1 */
    {1, 10, 128, 0},      {10, 128, 1, 1},   {1, 128, 10, 0},    /* dense 2 */
};
#define N_CNN ((int)(sizeof cnn_products / sizeof cnn_products[0]))

static int floor_cnn(const char *task, const char *prec, int threads, int N, int B,
                     int runs)
{
    void *A[N_CNN], *Bm[N_CNN], *C[N_CNN];
    double fl = 0.0;
    int i, r, s, nb;
    if (N < 1 || B < 1) {
        fprintf(stderr, "gemm_floor: bad counts\n");
        return 2;
    }
    if (B > N)
        B = N;
    nb = (N + B - 1) / B;
    for (i = 0; i < N_CNN; i++) {
        const product *p = &cnn_products[i];
        size_t m = (size_t)p->m * (p->batch_k ? 1 : B), k = (size_t)p->k * (p->batch_k ? B : 1);
        A[i] = filled(m * k);
        Bm[i] = filled(k * (size_t)p->n);
        C[i] = filled(m * (size_t)p->n);
    }
    for (s = 0; s < nb; s++) {
        int b = (s < nb - 1) ? B : N - (nb - 1) * B;
        for (i = 0; i < N_CNN; i++)
            fl += 2.0 * cnn_products[i].m * cnn_products[i].n * cnn_products[i].k * b;
    }
    for (r = 0; r <= runs; r++) {          /* run 0 is a warm-up */
        double t0 = now(), dt;
        for (s = 0; s < nb; s++) {
            int b = (s < nb - 1) ? B : N - (nb - 1) * B;
            for (i = 0; i < N_CNN; i++) {
                const product *p = &cnn_products[i];
                int m = p->m * (p->batch_k ? 1 : b), k = p->k * (p->batch_k ? b : 1);
                gemm('N', 'N', m, p->n, k, A[i], m, Bm[i], k, C[i], m);
            }
        }
        dt = now() - t0;
        if (r > 0) {
            printf("RESULT task=%s impl=floor prec=%s threads=%d run=%d n=%d time_s=%.6f "
                   "gflops=%.3f flop=%.0f\n", task, prec, threads, r, N, dt, fl / dt * 1e-9, fl);
            fflush(stdout);
        }
    }
    for (i = 0; i < N_CNN; i++) {
        free(A[i]); free(Bm[i]); free(C[i]);
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 6 && !strcmp(argv[1], "peak")) {
        dbl = strcmp(argv[2], "single") != 0;
        return peak(argv[2], atoi(argv[3]), atoi(argv[4]), atoi(argv[5]));
    }
    if (argc == 10 && !strcmp(argv[1], "floor")) {
        dbl = strcmp(argv[3], "single") != 0;
        return floor_epoch(argv[2], argv[3], atoi(argv[4]), argv[5], atoi(argv[6]),
                           atoi(argv[7]), atoi(argv[8]), atoi(argv[9]));
    }
    if (argc == 8 && !strcmp(argv[1], "cnn")) {
        dbl = strcmp(argv[3], "single") != 0;
        return floor_cnn(argv[2], argv[3], atoi(argv[4]), atoi(argv[5]), atoi(argv[6]),
                         atoi(argv[7]));
    }
    fprintf(stderr, "usage: gemm_floor peak PREC THREADS N RUNS\n"
                    "       gemm_floor floor TASK PREC THREADS SIZES N B EPOCHS RUNS\n"
                    "       gemm_floor cnn TASK PREC THREADS N B RUNS\n");
    return 2;
}
