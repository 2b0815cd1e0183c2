/* nnlab core: dense layers, activations, losses, dropout and optimizer
 * updates.
 *
 * Pure C99.  Knows nothing of Octave or MATLAB.  Every kernel exists for
 * double (suffix _d) and float (suffix _s); both are compiled from one source
 * (see nn_real.h).  Matrices are column-major, as in Fortran, Octave and
 * MATLAB: an N x K matrix A holds A(i,j) at A[i + j*N].  Observations are rows.
 *
 * Every function returns NN_OK or a negative NN_E* code; lib/ never prints,
 * never exits and never allocates unless it says so.
 *
 * Each kernel family has its own header (nn_dense.h, nn_act.h, nn_loss.h,
 * nn_optim.h, ...); this one holds what they share and includes them all.
 */
#ifndef NNLAB_NN_H
#define NNLAB_NN_H

#include <stddef.h>

typedef ptrdiff_t nn_int;           /* sizes and indices */

/* Integer type of the Fortran BLAS interface: 32 bits for Octave's
 * OpenBLAS here, 64 bits for MATLAB's libmwblas (-DNN_BLAS_INT=ptrdiff_t). */
#ifndef NN_BLAS_INT
#define NN_BLAS_INT int
#endif
typedef NN_BLAS_INT nn_blas_int;

enum {
    NN_OK = 0,
    NN_EARG = -1,       /* an argument is out of its domain */
    NN_ETOOBIG = -2,    /* a size exceeds what BLAS or size_t can index */
    NN_ENOMEM = -3,     /* an allocation failed */
    NN_ENAME = -4,      /* unknown kernel name or option name */
    NN_EVALUE = -5,     /* option value out of range */
    NN_EINTERNAL = -6   /* a check of lib/'s own consistency failed: a bug */
};

/* The machine's physical memory in bytes, 0 when the system does not tell
 * (lib/alloc.c).  The working copy of nn_fit and the gateways' size checks
 * read it. */
double nn_physical_bytes(void);

/* Options arrive as name/value pairs.  Each family's nn_*_option()
 * validates one pair and stores it; on failure it returns NN_ENAME (no such
 * option for this kernel) or NN_EVALUE and writes a sentence into msg (at
 * most msglen bytes, always terminated).  A value is either a number array
 * (val, nval) or a string (str); the other is NULL / 0.  Names arrive in
 * lower case. */

#include "nn_dense.h"
#include "nn_act.h"
#include "nn_loss.h"
#include "nn_optim.h"
#include "nn_dropout.h"
#include "nn_conv.h"
#include "nn_pool.h"
#include "nn_batchnorm.h"
#include "nn_fit.h"
#include "nn_orders.h"

#endif
