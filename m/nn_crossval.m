% -*- texinfo -*-
% @deftypefn  {} {@var{cv} =} nn_crossval (@var{makeNet}, @var{X}, @var{T})
% @deftypefnx {} {@var{cv} =} nn_crossval (@var{makeNet}, @var{X}, @var{T}, @var{name}, @var{value}, @dots{})
% k-fold cross-validation of one configuration: train on k-1 folds,
% validate on the fold left out, for each of the k folds.
%
% @var{makeNet} builds the network (a handle of no argument, or a network;
% see @code{nn_sweep}).  The folds are drawn at random from @code{'Seed'}
% and, for a classification loss, stratified: every fold has its share of
% every class.  The same seed gives the same folds and the same results,
% whether the folds run here or in parallel.
%
% Options: @code{'Folds'} (default 5), @code{'Metric'}, @code{'Seed'}
% (default 1), @code{'Repeats'}, @code{'Workers'}, @code{'Cluster'},
% @code{'WorkerThreads'}, @code{'Results'}, @code{'Resume'},
% @code{'Verbose'} (default false) as for @code{nn_sweep}; every other
% name/value pair is an option of @code{nn_train}.
%
% @var{cv} has fields @code{metric} (its name), @code{folds} (the metric of
% each fold, repeats x folds), @code{losses} (the validation loss of each
% fold), @code{mean} and @code{std} of the metric, @code{loss_mean},
% @code{loss_std}, @code{fold} (the fold of each row of @var{X}),
% @code{nets} (the network trained for each fold), @code{error} (the message of a fold that failed, else empty).
%
% @example
% [X, T] = nn_toy ('moons', 'N', 300, 'Seed', 1);
% make = @@() nn_mlp ([2 8 2], 'Hidden', 'tanh');
% cv = nn_crossval (make, X, T, 'Folds', 5, 'Epochs', 30, 'LearningRate', 0.03);
% printf ('accuracy %.3f +- %.3f\n', cv.mean, cv.std);
% @end example
% @seealso{nn_sweep, nn_ensemble, nn_split, nn_train}
% @end deftypefn
function cv = nn_crossval(makeNet, X, T, varargin)
  if nargin < 3
    error('nnlab:nn_crossval:nargin', 'nn_crossval: usage cv = nn_crossval(makeNet, X, T, name, value, ...)');
  end
  args = [{'Folds', 5, 'Verbose', false}, varargin, {'KeepNets', true}];
  if any(strcmpi(varargin(1:2:end), 'Grid'))
    error('nnlab:nn_crossval:option', 'nn_crossval: cross-validates one configuration; for a grid use nn_sweep with ''Folds''');
  end
  R = sweep_core('nn_crossval', makeNet, X, T, args);
  w = R.rows(1);
  cv = struct('metric', R.metric, 'folds', w.metrics, 'losses', w.losses, 'mean', w.metric, ...
              'std', w.metric_std, 'loss_mean', w.loss, 'loss_std', w.loss_std, 'fold', R.fold, ...
              'nets', {w.nets}, 'error', w.error);
end
