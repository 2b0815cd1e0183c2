% -*- texinfo -*-
% @deftypefn {} {} nnlab
% nnlab: neural networks at the Octave prompt.  @code{help nnlab} (or
% @code{nnlab}) shows this page: every public function, one line each.
% @code{help NAME} shows a function's own help: what it computes, its
% options, its errors and an example.
%
% @strong{Kernels} (compiled MEX: forward, and backward given dY)
% @multitable @columnfractions 0.31 0.69
% @item nn_dense @tab a dense layer, Y = X W' + b', and backward
% @item nn_act @tab activation functions, forward and backward
% @item nn_loss @tab a loss and its gradient at the output
% @item nn_step @tab one optimizer step (SGD, Adam, RMSprop, @dots{})
% @item nn_dropout @tab inverted dropout and its backward
% @item nn_fit @tab epochs of training in C: nn_train's engine
% @item nn_conv2d @tab a 2-D convolution layer, and backward
% @item nn_pool @tab max or average pooling of images, and backward
% @item nn_batchnorm @tab batch normalisation, and backward
% @item nn_jacobian @tab Jacobian and J'J of a dense network
% @end multitable
%
% @strong{Networks}
% @multitable @columnfractions 0.31 0.69
% @item nn_mlp @tab a multilayer perceptron from its layer sizes
% @item nn_sequential @tab a network as a stack of layers
% @item nn_summary @tab a table of a network's layers and parameters
% @item nn_layer @tab one layer (dense, dropout, an activation)
% @item nn_forward @tab run forward, keeping what backward needs
% @item nn_backward @tab back-propagate dY: the gradients
% @item nn_predict @tab the network's outputs, dropout switched off
% @end multitable
%
% @strong{Training}
% @multitable @columnfractions 0.31 0.69
% @item nn_train @tab train by minibatch gradient descent
% @item nn_sweep @tab a grid of hyperparameters, in parallel
% @item nn_crossval @tab k-fold cross-validation
% @item nn_ensemble @tab networks of several seeds, averaged
% @end multitable
%
% @strong{Metrics}
% @multitable @columnfractions 0.31 0.69
% @item nn_evaluate @tab the loss and the metrics that fit it
% @item nn_accuracy @tab the fraction classified correctly
% @item nn_confusion @tab the confusion matrix of a classifier
% @item nn_prf @tab precision, recall and F1 per class
% @item nn_roc @tab the ROC curve and the area under it (AUC)
% @item nn_regression_metrics @tab MSE, RMSE, MAE and R^2
% @item nn_ndcg @tab NDCG@@k of a ranking, averaged over queries
% @end multitable
%
% @strong{Data}
% @multitable @columnfractions 0.31 0.69
% @item nn_toy @tab the lecture's toy data sets (moons, @dots{})
% @item nn_logic_data @tab the truth table of a logic gate, as data
% @item nn_read_idx @tab read an IDX file (MNIST, Fashion-MNIST)
% @item nn_fashion_mnist @tab load Fashion-MNIST (Debian's data set)
% @item nn_onehot @tab class labels 1..K into one-hot rows
% @item nn_onehot_decode @tab one-hot rows or scores into class labels
% @item nn_standardize @tab standardise features (fit, then apply)
% @item nn_split @tab split into training, validation, test
% @end multitable
%
% @strong{Course} (the classic machine learning course's workflow)
% @multitable @columnfractions 0.31 0.69
% @item nn_cost @tab cost J and gradient of unrolled theta
% @item nn_minimize @tab minimise [J, grad] in place of fmincg
% @item nn_gradcheck @tab check back-propagation by finite differences
% @item nn_grade @tab grade a student's ex4, naming the likely mistake
% @item nn_unroll @tab all parameters of a network in one column
% @item nn_roll @tab put the column back into the network
% @item nn_thetas @tab the course's @{Theta1, Theta2, @dots{}@}
% @item nn_from_thetas @tab a network from the course's Theta matrices
% @end multitable
%
% @strong{Save}
% @multitable @columnfractions 0.31 0.69
% @item nn_save @tab save a network to a file, with a digest
% @item nn_load @tab load a saved network, checking the digest
% @end multitable
%
% @strong{Plots}
% @multitable @columnfractions 0.31 0.69
% @item nn_figure @tab an invisible figure, saved as PNG
% @item nn_plot_regions @tab the decision regions of a classifier
% @item nn_plot_confusion @tab a confusion matrix as a coloured grid
% @item nn_plot_sweep @tab a sweep's metric: line or heat map
% @end multitable
%
% @strong{Tour} (the lecture's demos; each is a function too)
% @multitable @columnfractions 0.31 0.69
% @item nnlab @tab this page
% @item nn_tour @tab every lecture demo, with a summary
% @item nn_demo_applications @tab what neural networks are used for
% @item nn_demo_neuron @tab the neuron and its activation functions
% @item nn_demo_gates @tab one neuron computes NOT, AND and OR
% @item nn_demo_xor @tab XOR needs a hidden layer
% @item nn_demo_linearity @tab no nonlinearity: depth buys nothing
% @item nn_demo_training @tab architectures, optimizers and losses
% @item nn_demo_classical @tab Levenberg-Marquardt against Adam on a curve fit
% @item nn_demo_binary @tab binary classification, ROC curve
% @item nn_demo_fashion @tab Fashion-MNIST, softmax, cross-entropy
% @item nn_demo_regression @tab MSE against MAE on data with outliers
% @item nn_demo_ranking @tab learning to rank with a pairwise loss
% @item nn_demo_autoencoder @tab an autoencoder against PCA
% @item nn_demo_likelihood @tab losses are negative log-likelihoods
% @item nn_demo_sweep @tab sweeps, cross-validation, ensembles
% @item nn_demo_cnn @tab convolution and pooling; a CNN against the MLP
% @end multitable
%
% @seealso{nn_tour, nn_mlp, nn_train}
% @end deftypefn
function nnlab(varargin)
  if nargin > 0
    error('nnlab:nnlab:nargin', 'nnlab takes no arguments: type nnlab or help nnlab for the list of functions');
  end
  help('nnlab');
end

%!test
%! s = evalc('nnlab');
%! assert(~isempty(strfind(s, 'nn_train')));
%! assert(~isempty(strfind(s, 'Kernels')));
%!error id=nnlab:nnlab:nargin nnlab(1)
