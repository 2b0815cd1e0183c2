/* Internal helpers for validating option values (not part of the API);
 * scratch memory is in alloc.h. */
#ifndef NNLAB_OPTIONS_H
#define NNLAB_OPTIONS_H

#include "nn.h"

/* Index of name in names[0..count-1], or -1. */
int nn_util_lookup(const char *const *names, int count, const char *name);
/* Writes printf(fmt, ...) into msg (when not NULL) and returns code. */
int nn_util_fail(int code, char *msg, size_t msglen, const char *fmt, ...);
/* A finite real scalar in [lo, hi] (either bound may be +-HUGE_VAL). */
int nn_util_real(const char *name, const double *val, nn_int nval,
                 double lo, double hi, double *out, char *msg, size_t msglen);
/* A real scalar in the open interval (lo, hi). */
int nn_util_real_open(const char *name, const double *val, nn_int nval,
                      double lo, double hi, double *out, char *msg,
                      size_t msglen);
/* true/false, given as 1 or 0. */
int nn_util_bool(const char *name, const double *val, nn_int nval, int *out,
                 char *msg, size_t msglen);

#endif
