/* The orders of seeded epochs: MT19937 and a Knuth shuffle, the numbers of
 * Octave's randperm after rand ('twister', seed); see nn_orders.h. */
#include <math.h>
#include <stdint.h>
#include "nn.h"

enum { MT_N = 624, MT_M = 397 };

typedef struct {
    uint32_t s[MT_N];
    int next;                   /* index of the next word; MT_N: regenerate */
} mt_state;

/* The twister's state from one 32-bit key (init_genrand, then
 * init_by_array's two mixing passes with key length 1). */
static void mt_seed(mt_state *m, uint32_t key)
{
    uint32_t *s = m->s;
    int i, k;
    s[0] = 19650218u;
    for (i = 1; i < MT_N; i++)
        s[i] = 1812433253u * (s[i - 1] ^ (s[i - 1] >> 30)) + (uint32_t)i;
    i = 1;
    for (k = MT_N; k > 0; k--) {            /* max (MT_N, key length) passes */
        s[i] = (s[i] ^ ((s[i - 1] ^ (s[i - 1] >> 30)) * 1664525u)) + key;
        if (++i >= MT_N) {
            s[0] = s[MT_N - 1];
            i = 1;
        }
    }
    for (k = MT_N - 1; k > 0; k--) {
        s[i] = (s[i] ^ ((s[i - 1] ^ (s[i - 1] >> 30)) * 1566083941u)) - (uint32_t)i;
        if (++i >= MT_N) {
            s[0] = s[MT_N - 1];
            i = 1;
        }
    }
    s[0] = 0x80000000u;                     /* a state that is not all zero */
    m->next = MT_N;
}

/* The next MT_N words of the state (the twist): word i from words i,
 * i + 1 and i + MT_M (mod MT_N), in three runs without the modulo. */
#define MT_MIX(u, v, w) \
    ((w) ^ ((((u) & 0x80000000u) | ((v) & 0x7fffffffu)) >> 1) ^ (((v) & 1u) ? 0x9908b0dfu : 0u))

static void mt_twist(mt_state *m)
{
    uint32_t *s = m->s;
    int i;
    for (i = 0; i < MT_N - MT_M; i++)
        s[i] = MT_MIX(s[i], s[i + 1], s[i + MT_M]);
    for (; i < MT_N - 1; i++)
        s[i] = MT_MIX(s[i], s[i + 1], s[i + MT_M - MT_N]);
    s[MT_N - 1] = MT_MIX(s[MT_N - 1], s[0], s[MT_M - 1]);
    m->next = 0;
}

static uint32_t mt_word(mt_state *m)
{
    uint32_t y;
    if (m->next >= MT_N)
        mt_twist(m);
    y = m->s[m->next++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    return y ^ (y >> 18);
}

/* A uniform in (0, 1) with 53 random bits. */
static double mt_uniform(mt_state *m)
{
    uint32_t a, b;
    do {
        a = mt_word(m) >> 5;
        b = mt_word(m) >> 6;
    } while (a == 0 && b == 0);
    return ((double)a * 67108864.0 + (double)b) * (1.0 / 9007199254740992.0);
}

int nn_orders(nn_int N, nn_int C, const double *seeds, double *P)
{
    nn_int i, j;
    mt_state m;
    if (N < 1 || C < 0 || (C > 0 && (seeds == NULL || P == NULL)))
        return NN_EARG;
    for (j = 0; j < C; j++)
        if (!(seeds[j] >= 0 && seeds[j] < NN_ORDERS_SEED_LIMIT) ||
            seeds[j] != floor(seeds[j]))
            return NN_EARG;
    for (j = 0; j < C; j++) {
        double *p = P + j * N;
        mt_seed(&m, (uint32_t)seeds[j]);
        for (i = 0; i < N; i++)
            p[i] = (double)i;
        /* randperm draws its N uniforms first and then shuffles, using the
         * i-th at step i: drawing each when it is used gives the same */
        for (i = 0; i < N; i++) {
            /* (the product is >= 0: truncation is the floor) */
            nn_int k = i + (nn_int)(mt_uniform(&m) * (double)(N - i));
            double t;
            if (k >= N)                     /* (u < 1: never; kept in bounds) */
                k = N - 1;
            t = p[i];
            p[i] = p[k];
            p[k] = t;
        }
    }
    return NN_OK;
}
