/* The orders of nn_train's seeded epochs.  Included by nn.h.
 *
 * An epoch with a seed visits the observations in the order Octave's
 * randperm (N) gives right after rand ('twister', seed), 0-based:
 *   - the Mersenne Twister MT19937 (Matsumoto and Nishimura, ACM TOMACS
 *     8(1), 1998) is initialised by the key array {seed} (their
 *     init_by_array with one key), as Octave's rand ('twister', s) does;
 *   - each uniform takes two 32-bit outputs a, b: u = ((a >> 5) * 2^26 +
 *     (b >> 6)) / 2^53, in (0, 1) (a pair giving 0 is drawn again);
 *   - N uniforms u(0..N-1) are drawn first, then the Knuth shuffle of
 *     0..N-1 swaps entry i with entry i + floor (u(i) * (N - i)).
 * tests/fit.tst checks that these are randperm's numbers; in C they cost
 * no interpreter call per epoch and leave Octave's own stream alone. */
#ifndef NNLAB_NN_ORDERS_H
#define NNLAB_NN_ORDERS_H

/* Seeds are whole numbers 0 <= seed < 2^32. */
#define NN_ORDERS_SEED_LIMIT 4294967296.0    /* 2^32 */

/* Column j of the N x C matrix P (column-major, doubles 0..N-1) becomes
 * the order of seeds[j].  NN_EARG when N < 1, C < 0, or a seed is not a
 * whole number in [0, 2^32). */
int nn_orders(nn_int N, nn_int C, const double *seeds, double *P);

#endif
