/* Large scratch buffers (see alloc.h). */
#if defined(__linux__)
#define _DEFAULT_SOURCE
#endif
#include <stdlib.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif
#if defined(__unix__) || defined(__APPLE__)
#include <unistd.h>
#endif
#include "alloc.h"
#include "nn.h"

#define NN_HUGE_PAGE ((size_t)2 << 20)

void *nn_big_alloc(size_t bytes)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (bytes >= 2 * NN_HUGE_PAGE) {
        void *p = NULL;
        size_t rounded = (bytes + NN_HUGE_PAGE - 1) / NN_HUGE_PAGE * NN_HUGE_PAGE;
        if (rounded < bytes || posix_memalign(&p, NN_HUGE_PAGE, rounded) != 0)
            return NULL;
        /* a hint: where the kernel has no huge page (or THP is off) the
         * buffer simply keeps small pages */
        (void)madvise(p, rounded, MADV_HUGEPAGE);
        return p;
    }
#endif
    return malloc(bytes > 0 ? bytes : 1);
}

void nn_big_free(void *p)
{
    free(p);
}

/* The scratch buffer kept between calls (see alloc.h). */
static void *scratch_p = NULL;
static size_t scratch_n = 0;

void *nn_scratch(size_t bytes)
{
    if (bytes == 0)
        bytes = 1;
    if (scratch_p != NULL && bytes <= scratch_n && bytes >= scratch_n / 4)
        return scratch_p;
    nn_scratch_release();
    scratch_p = nn_big_alloc(bytes);
    if (scratch_p != NULL)
        scratch_n = bytes;
    return scratch_p;
}

void nn_scratch_release(void)
{
    nn_big_free(scratch_p);
    scratch_p = NULL;
    scratch_n = 0;
}

/* The working copy (see alloc.h). */
static struct {
    void *p;
    const void *src;
    size_t n, in, el;
} xc = { NULL, NULL, 0, 0, 0 };

void nn_fit_release_copy(void)
{
    nn_big_free(xc.p);
    xc.p = NULL;
    xc.src = NULL;
    xc.n = xc.in = xc.el = 0;
}

void *nn_xcopy(const void *src, size_t n, size_t in, size_t el, int reuse,
               int *fresh)
{
    *fresh = 1;
    if (reuse && xc.p != NULL && xc.src == src && xc.n == n && xc.in == in &&
        xc.el == el) {
        *fresh = 0;
        return xc.p;
    }
    nn_fit_release_copy();
    if (el == 0 || (in > 0 && n > ((size_t)-1) / el / in))
        return NULL;
    xc.p = nn_big_alloc(n * in * el);
    if (xc.p != NULL) {
        xc.src = src;
        xc.n = n;
        xc.in = in;
        xc.el = el;
    }
    return xc.p;
}

double nn_physical_bytes(void)
{
#if defined(_SC_PHYS_PAGES) && defined(_SC_PAGESIZE)
    long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
    if (pages > 0 && size > 0)
        return (double)pages * (double)size;
#endif
    return 0.0;
}

double nn_fit_copy_bytes(void)
{
    return (double)xc.n * (double)xc.in * (double)xc.el;
}

void nn_fit_release(void)
{
    nn_scratch_release();
    nn_fit_release_copy();
}
