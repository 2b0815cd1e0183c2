/* Large scratch buffers (see opt_util.h). */
#if defined(__linux__)
#define _DEFAULT_SOURCE
#endif
#include <stdlib.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif
#include "opt_util.h"

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
