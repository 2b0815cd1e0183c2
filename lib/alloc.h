/* Internal: large scratch buffers (not part of the API). */
#ifndef NNLAB_ALLOC_H
#define NNLAB_ALLOC_H

#include <stddef.h>

/* Scratch memory of `bytes` bytes, freed with nn_big_free (NULL when out of
 * memory).  From 4 MB on Linux: aligned to 2 MB and marked for transparent
 * huge pages, so that touching it first costs one page fault per 2 MB
 * instead of one per 4 kB (a fault costs 15 us on some virtual machines:
 * 90 ms for 24 MB).  Otherwise malloc. */
void *nn_big_alloc(size_t bytes);
void nn_big_free(void *p);
/* One scratch buffer of at least `bytes` bytes, kept between calls: the
 * next call reuses it when it is large enough (and not more than 4 times
 * too large), so repeated calls touch no fresh memory.  Its contents are
 * not kept.  Not reentrant: one user at a time (nn_fit).  NULL when out of
 * memory.  nn_scratch_release (nn_fit_release in nn_fit.h) frees it. */
void *nn_scratch(size_t bytes);
void nn_scratch_release(void);
/* nn_fit's working copy of X (see xcopy in nn_fit.h): a second buffer kept
 * between calls, with a key (the address of the data it copies, its two
 * sizes and its element size).  Returns the buffer (at least n*in*el
 * bytes) and *fresh = 0 when reuse is set and the key is that of the kept
 * one: its contents are those of the last call; else a new buffer (the
 * old one freed) and *fresh = 1.  NULL when out of memory.  Not
 * reentrant, as nn_scratch.  nn_fit_release_copy (nn_fit.h) frees it. */
void *nn_xcopy(const void *src, size_t n, size_t in, size_t el, int reuse,
               int *fresh);

#endif
