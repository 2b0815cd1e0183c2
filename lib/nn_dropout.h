/* Dropout.  Included by nn.h. */
#ifndef NNLAB_NN_DROPOUT_H
#define NNLAB_NN_DROPOUT_H

#endif
