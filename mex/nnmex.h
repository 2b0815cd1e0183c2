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

/* The text of char array a in mxMalloc'd memory, which the MEX API frees
 * when the call ends, also after an error (Octave does not free the result
 * of mxArrayToString by itself: it leaks when an error skips its mxFree);
 * NULL when a is not char or cannot be read. */
char *nnm_string(const mxArray *a);

/* A character row vector, returned lower-cased (mxMalloc'd). */
char *nnm_get_name(const char *fn, const mxArray *a, const char *what);

/* A pooling window: [kh kw], or one number for both (double or single,
 * whole numbers from 1 to 2^31-1) into k[0], k[1]; or, when global_ok, the
 * string 'global' (any case): then k = {0, 0} and the result is 1 (else 0).
 * Errors are nnlab:FN:ID; WHAT names the window in the sentence ("the
 * window", "layer 3's window"). */
int nnm_window(const char *fn, const char *id, const char *what,
               const mxArray *a, int global_ok, nn_int *k);

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

/* Raise nnlab:<fn>:tooLarge when `copies` real rows x cols matrices of class
 * cls have a byte count that overflows size_t (or are negative), and
 * nnlab:<fn>:outOfMemory when they need more than the machine's physical
 * memory; checked before anything is allocated. */
void nnm_check_bytes(const char *fn, nn_int rows, nn_int cols, mxClassID cls,
                     nn_int copies);

/* Allocate an uninitialised real matrix of class cls after nnm_check_bytes,
 * with an nnlab error when memory runs out. */
mxArray *nnm_new_matrix(const char *fn, nn_int rows, nn_int cols,
                        mxClassID cls);

/* N-d arrays (images: H x W x C x N).  nnm_check_array: a full, real,
 * single or double array of at most maxdims dimensions (nnlab:<fn>:class,
 * sparse, complex, size), and with like != NULL of like's class
 * (mixedClass).  nnm_dims: its first nd sizes, 1 beyond its dimensions.
 * nnm_new_array: an uninitialised real nd-dimensional array of class cls,
 * with tooLarge / outOfMemory errors before anything is allocated. */
void nnm_check_array(const char *fn, const mxArray *a, const char *name,
                     int maxdims, const mxArray *like, const char *likename);
void nnm_dims(const mxArray *a, int nd, nn_int *d);
/* "3x4x2x1" for the nd sizes d, into buf. */
const char *nnm_dims_text(const nn_int *d, int nd, char *buf, size_t len);
/* nnlab:<fn>:size unless a's first nd sizes are want: "dY must be 3x3x4x2,
 * the size of the output Y, but it is ..." for name "dY" and what "the size
 * of the output Y". */
void nnm_check_dims(const char *fn, const mxArray *a, const char *name, int nd,
                    const nn_int *want, const char *what);
mxArray *nnm_new_array(const char *fn, int nd, const nn_int *dims,
                       mxClassID cls);

/* The sentence for what nn_loss_check found (loss kind, k outputs, tcols
 * columns of T), 1-based as Octave counts. */
void nnm_loss_fact_text(int kind, nn_int k, nn_int tcols,
                        const nn_loss_fact *f, char *msg, size_t len);
/* Turn a negative NN_* code from lib/ into an error. */
void nnm_check_status(const char *fn, int status);

/* Optimizer states: the structs of nn_step (fields method, step and the
 * buffers that nn_optim_buffers names), shared by nn_step and nn_fit.
 * nnm_state_read validates S (NULL or [] before the first step, else a
 * state of optimizer kind with options o for the parameter P; sname and
 * pname name them in messages) with nnlab:<fn>:state errors; it returns 1
 * when S is NULL or [] (fresh: *steps = 0), else 0 with *steps = S.step. */
int nnm_state_read(const char *fn, const mxArray *S, const char *sname,
                   const mxArray *P, const char *pname, int kind,
                   const nn_optim_opts *o, double *steps);
/* A new state struct for P with step `steps`, its buffers copies of those
 * of S (zeros when fresh); bufs[i] receives the data of each buffer. */
mxArray *nnm_state_write(const char *fn, const mxArray *S, int fresh,
                         const mxArray *P, int kind, const nn_optim_opts *o,
                         double steps, void **bufs);

#endif
