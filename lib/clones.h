/* Hot loops compiled more than once (internal to lib/).
 *
 * On x86-64 Linux with glibc and GCC, a function marked HOT or WIDE is
 * compiled three times, for x86-64-v4 (AVX-512), x86-64-v3 (AVX2, FMA) and
 * the baseline (SSE2), and glibc's ifunc picks one at load time; elsewhere
 * it is compiled once, for the compiler's target.  -DNN_NO_CLONES turns the
 * clones off.
 *   HOT   the clones contract a*b + c into FMA (the baseline has none): a
 *         third fewer operations, and results that differ from the
 *         baseline's by less than vmath's ulp bounds (activations, losses);
 *   WIDE  no contraction (ISO C's default): every clone gives the
 *         baseline's bits (optimizer updates, the training loop).
 * RESTRICT is C99's restrict where the compiler has it. */
#ifndef NNLAB_CLONES_H
#define NNLAB_CLONES_H

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && \
    !defined(NN_NO_CLONES) && defined(__linux__) && defined(__GLIBC__)
#define NN_CLONES_ \
    target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")
#define HOT __attribute__((NN_CLONES_, optimize("fp-contract=fast")))
#define WIDE __attribute__((NN_CLONES_))
#else
#define HOT
#define WIDE
#endif

#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 199901L
#define RESTRICT restrict
#else
#define RESTRICT
#endif

#endif
