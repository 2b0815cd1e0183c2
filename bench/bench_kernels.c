/* Elementwise kernels against memory bandwidth: each activation's forward
 * and backward pass over an array, timed against a plain memcpy of the same
 * array (read n, write n) and a copy-and-scale (read 2n, write n, what a
 * backward product must do at least).  Also softmax and log_softmax over
 * N x K (K = 10 and 100) and cross-entropy over N x 10 (T as class indices
 * and as one-hot rows), each against the memcpy of its n elements.  Prints
 * one row per kernel with the ratio to its memory floor.
 * The default size, 16,000,000 elements, makes every array (64 MB in
 * single) larger than a 32 MiB L3, so that the floors are DRAM bandwidth.
 * Target: ratios <= 2.
 * usage: bench_kernels [elements]   (default 16,000,000) */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "nn.h"

/* The thread's CPU time where POSIX has it: on a shared machine the time
 * this thread waits for a core is not counted (memory stalls are), so the
 * ratios are steadier than with wall-clock time.  -DBENCH_WALL for the
 * wall clock. */
#if defined(CLOCK_THREAD_CPUTIME_ID) && !defined(BENCH_WALL)
#define BENCH_CLOCK CLOCK_THREAD_CPUTIME_ID
#define BENCH_CLOCK_NAME "thread CPU time"
#else
#define BENCH_CLOCK CLOCK_MONOTONIC
#define BENCH_CLOCK_NAME "wall clock"
#endif

static double now(void)
{
    struct timespec t;
    clock_gettime(BENCH_CLOCK, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

#define REPS 9
/* median of REPS runs of a statement */
#define TIME(var, stmt) do { double t_[REPS]; int r_; for (r_ = 0; r_ < REPS; r_++) { \
    double t0_ = now(); stmt; t_[r_] = now() - t0_; } qsort(t_, REPS, sizeof t_[0], cmp); \
    var = t_[REPS / 2]; } while (0)

static const char *acts[] = { "threshold", "linear", "sigmoid", "tanh", "relu",
    "leaky_relu", "elu", "softplus", "gelu", "silu", "softmax", "log_softmax" };

#define BENCH(R, S, label)                                                    \
static void bench##S(nn_int n)                                                \
{                                                                             \
    R *x = malloc((size_t)n * sizeof(R)), *y = malloc((size_t)n * sizeof(R)); \
    R *d = malloc((size_t)n * sizeof(R)), *g = malloc((size_t)n * sizeof(R)); \
    nn_int i, rows = n / 10;                                                  \
    double tcopy, tscale, tf, tb;                                             \
    unsigned k;                                                               \
    for (i = 0; i < n; i++) {                                                 \
        x[i] = (R)(((double)(i % 2001) - 1000.0) / 100.0);                    \
        d[i] = (R)1;                                                          \
    }                                                                         \
    TIME(tcopy, memcpy(y, x, (size_t)n * sizeof(R)));                         \
    TIME(tscale, for (i = 0; i < n; i++) g[i] = x[i] * d[i]);                 \
    printf("%s, %ld elements: memcpy %.2f ms (%.1f GB/s), x.*d %.2f ms\n",    \
           label, (long)n, 1e3 * tcopy,                                       \
           2.0 * (double)n * sizeof(R) / tcopy / 1e9, 1e3 * tscale);          \
    printf("  %-18s %6s %12s %10s %12s\n", "kernel", "fwd ms",             \
           "fwd/memcpy", "bwd ms", "bwd/(x.*d)");                             \
    for (k = 0; k < sizeof acts / sizeof acts[0]; k++) {                      \
        int kind = nn_act_lookup(acts[k]);                                    \
        nn_act_opts o;                                                        \
        nn_int nr = n, nc = 1, w;                                             \
        if (kind < 0) continue;                                               \
        nn_act_defaults(kind, &o);                                            \
        for (w = 10; w <= 100; w *= 10) {                                     \
            char name[32];                                                    \
            if (strstr(acts[k], "softmax")) { nr = n / w; nc = w; }           \
            else if (w > 10) break;                                           \
            if (nc > 1) sprintf(name, "%s K=%ld", acts[k], (long)nc);         \
            else sprintf(name, "%s", acts[k]);                                \
            TIME(tf, nn_act_forward##S(kind, &o, nr, nc, x, y));              \
            TIME(tb, nn_act_backward##S(kind, &o, nr, nc, x, d, g));          \
            printf("  %-18s %6.2f %12.2f %10.2f %12.2f\n", name, 1e3 * tf,   \
                   tf / tcopy, 1e3 * tb, tb / tscale);                        \
        }                                                                     \
    }                                                                         \
    /* cross-entropy of Z = x as N x 10, mean reduction, value and          \
     * gradient, T as class indices (N x 1) and as one-hot rows (N x 10);   \
     * the floor is the same memcpy of the n elements of Z */               \
    {                                                                         \
        int kind = nn_loss_lookup("ce");                                      \
        nn_loss_opts o;                                                       \
        R L[1];                                                               \
        if (kind >= 0) {                                                      \
            for (i = 0; i < rows; i++) d[i] = (R)(1 + i % 10);                \
            for (i = 0; i < n; i++) y[i] = (R)0;                              \
            for (i = 0; i < rows; i++) y[i + (i % 10) * rows] = (R)1;         \
            nn_loss_defaults(kind, &o);                                       \
            TIME(tf, nn_loss##S(kind, &o, rows, 10, x, 1, d, L, g));          \
            printf("  %-18s %6.2f %12.2f   (N x 10, value and gradient, "     \
                   "T class indices)\n", "ce", 1e3 * tf, tf / tcopy);         \
            TIME(tf, nn_loss##S(kind, &o, rows, 10, x, 10, y, L, g));         \
            printf("  %-18s %6.2f %12.2f   (N x 10, value and gradient, "     \
                   "T one-hot N x 10)\n", "ce one-hot", 1e3 * tf,             \
                   tf / tcopy);                                               \
        }                                                                     \
    }                                                                         \
    free(x); free(y); free(d); free(g);                                       \
}
BENCH(double, _d, "double")
BENCH(float, _s, "single")

int main(int argc, char **argv)
{
    nn_int n = argc > 1 ? (nn_int)atol(argv[1]) : 16000000;
    if (n < 10) n = 10;
    printf("medians of %d runs, %s; ratios: fwd/memcpy = forward time over a\n"
           "memcpy of the array, bwd/(x.*d) = backward time over y = x.*d\n",
           REPS, BENCH_CLOCK_NAME);
    bench_d(n);
    bench_s(n);
    return 0;
}
