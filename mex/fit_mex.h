/* Internal to the nn_fit MEX file (nn_fit.c, fit_layers.c): the checked
 * arguments and the network's description. */
#ifndef NNLAB_FIT_MEX_H
#define NNLAB_FIT_MEX_H

#include "nnmex.h"

typedef struct { int kind; nn_loss_opts o; } loss_ctx;
typedef struct { int kind; nn_optim_opts o; } optim_ctx;

/* The arguments but the layers, checked. */
typedef struct {
    const mxArray *X, *T;
    int single, xcols, xcopy, xreuse, metric, nb;
    nn_int N, in, C, B, P, *perm;
    nn_int image[3];            /* IMAGE: H, W, C (0 0 0: rows) */
    double l2;
    loss_ctx lc;
    optim_ctx oc;
    const char *bufnames[NN_OPTIM_MAX_BUFFERS];
} fit_args;

/* The elements of a cell of name/value pairs, as an argument list
 * (mxMalloc'd; empty elements of a MATLAB cell become []). */
const mxArray **nnm_fit_cell_args(const mxArray *C, const char *what, int *count);

/* The network's description (net.layers as nn_train's engine description
 * gives them: dense, act, conv2d, maxpool, avgpool, globalavgpool and
 * flatten layers), checked against X's width or image size, into ld/ls;
 * returns the output width. */
nn_int nnm_fit_parse_layers(const mxArray *Lin, const mxArray *SWin,
                            const mxArray *Sbin, const fit_args *a,
                            nn_fit_layer_d *ld, nn_fit_layer_s *ls);
/* The output states (copies of the input ones, [] where fresh) and the
 * layers' arrays bound: W and b of Lout trained in place, the input's W,
 * b and buffers as the start values of the replay. */
void nnm_fit_bind_layers(const mxArray *Lin, const mxArray *SWin,
                         const mxArray *Sbin, const fit_args *a, mxArray *Lout,
                         mxArray *SWout, mxArray *Sbout, nn_fit_layer_d *ld,
                         nn_fit_layer_s *ls);
/* 1 when layer i (as parsed) has W and b. */
int nnm_fit_has_params(const nn_fit_layer_d *ld, nn_int i);

#endif
