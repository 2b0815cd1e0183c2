/* Shared argument checking for the nnlab MEX gateways.
 * Every check raises an error with identifier nnlab:<fn>:<what> and a
 * sentence a student can act on; none returns on failure. */
#ifndef NNLAB_NNMEX_H
#define NNLAB_NNMEX_H

#include <stddef.h>
#include "mex.h"
#include "../lib/nn.h"

/* Raise nnlab:<fn>:<what> with a printf-style message. */
void nnm_error(const char *fn, const char *what, const char *fmt, ...);

/* nrhs within [lo, hi], nlhs at most maxout. */
void nnm_check_counts(const char *fn, int nlhs, int maxout, int nrhs,
                      int lo, int hi, const char *usage);

/* A full, real, 2-D single or double array; `name` names it in messages. */
void nnm_check_matrix(const char *fn, const mxArray *a, const char *name);
/* The same, and of the class of `like` (named likename). */
void nnm_check_same_class(const char *fn, const mxArray *a, const char *name,
                          const mxArray *like, const char *likename);
/* True for [] (0x0 of any class), which stands for "not given". */
int nnm_is_empty_placeholder(const mxArray *a);

/* A character row vector, returned lower-cased (mxMalloc'd). */
char *nnm_get_name(const char *fn, const mxArray *a, const char *what);

/* "3x4 double" into buf. */
const char *nnm_describe(const mxArray *a, char *buf, size_t len);

/* Walk name/value pairs prhs[first..nrhs-1]; for each, call set() with the
 * lower-cased name and either numbers (val, nval) or a string (str).
 * set() returns an NN_* code and fills msg, turned into an error here. */
typedef int (*nnm_option_fn)(void *ctx, const char *name, const double *val,
                             nn_int nval, const char *str, char *msg,
                             size_t msglen);
void nnm_options(const char *fn, int nrhs, const mxArray *prhs[], int first,
                 nnm_option_fn set, void *ctx);

/* Allocate an uninitialised real matrix of a's class, with an nnlab error
 * when memory runs out. */
mxArray *nnm_new_matrix(const char *fn, nn_int rows, nn_int cols,
                        mxClassID cls);

/* Turn a negative NN_* code from lib/ into an error. */
void nnm_check_status(const char *fn, int status);

#endif
