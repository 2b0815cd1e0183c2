% -*- texinfo -*-
% @deftypefn  {} {@var{E} =} nn_ensemble (@var{makeNet}, @var{X}, @var{T})
% @deftypefnx {} {@var{E} =} nn_ensemble (@var{makeNet}, @var{X}, @var{T}, @var{name}, @var{value}, @dots{})
% Train an ensemble: M networks from different seeds, on all of (@var{X},
% @var{T}), whose prediction is the average of theirs.
%
% @var{makeNet} builds a network (a handle of no argument, or a network;
% see @code{nn_sweep}); member @var{m} is built and trained with seed
% @code{Seed + m - 1}, so the members differ in their initial weights and in
% the order of their minibatches.
%
% @code{nn_predict (@var{E}, X)} averages the members' class probabilities
% for classification (softmax of the logits for @code{'ce'}, the sigmoid
% for @code{'bce_logits'}, the outputs themselves after a sigmoid or
% softmax output layer, exp for @code{'nll'}) and their outputs for
% regression; @code{nn_evaluate (@var{E}, X, T)} reports the metrics of
% that average, with the loss of averaged probabilities (@code{'nll'} of
% their log for several classes, @code{'bce'} for one output).
%
% Options: @code{'Members'} (M, default 5), @code{'Seed'} (default 1),
% @code{'Workers'}, @code{'Cluster'}, @code{'WorkerThreads'},
% @code{'Results'}, @code{'Resume'}, @code{'Verbose'} (default false) as for
% @code{nn_sweep}; every other name/value pair is an option of
% @code{nn_train}.
%
% @var{E} is a struct with fields @code{ensemble} (true), @code{members}
% (a cell of the M networks), @code{loss} (the members' loss), @code{kind}
% (@code{'classification'} or @code{'regression'}), @code{seeds},
% @code{summary}.
%
% @example
% [X, T] = nn_toy ('spirals', 'N', 300, 'Seed', 1);
% make = @@() nn_mlp ([2 16 2], 'Hidden', 'tanh');
% E = nn_ensemble (make, X, T, 'Members', 5, 'Epochs', 50, 'LearningRate', 0.02);
% r = nn_evaluate (E, X, T);
% @end example
% @seealso{nn_sweep, nn_crossval, nn_predict, nn_evaluate}
% @end deftypefn
function E = nn_ensemble(makeNet, X, T, varargin)
  fn = 'nn_ensemble';
  if nargin < 3
    error('nnlab:nn_ensemble:nargin', 'nn_ensemble: usage E = nn_ensemble(makeNet, X, T, name, value, ...)');
  end
  k = find(strcmpi(varargin(1:2:end), 'Members'));
  M = 5;
  if ~isempty(k)
    M = varargin{2 * k(end)};
    check_value(fn, 'Members', M, 'count', 1, 1e4);
    varargin([2 * k - 1, 2 * k]) = [];
  end
  for bad = {'Grid', 'Folds', 'Repeats', 'ValidationFraction', 'ValidationData', 'Metric', 'Random'}
    if any(strcmpi(varargin(1:2:end), bad{1}))
      error('nnlab:nn_ensemble:option', 'nn_ensemble: option ''%s'' is one of nn_sweep''s, not of an ensemble', bad{1});
    end
  end
  args = [{'Verbose', false}, varargin, {'Repeats', M, 'ValidationFraction', 0, 'KeepNets', true}];
  R = sweep_core(fn, makeNet, X, T, args);
  w = R.rows(1);
  if ~isempty(w.error)
    error('nnlab:nn_ensemble:member', 'nn_ensemble: a member could not be trained: %s', w.error);
  end
  kind = 'regression';
  if any(strcmp(w.loss_name, {'ce', 'nll', 'bce', 'bce_logits'}))
    kind = 'classification';
  end
  E = struct('ensemble', true, 'members', {w.nets}, 'loss', w.loss_name, 'kind', kind, ...
             'seeds', w.seeds, 'summary', sprintf('ensemble of %d x %s', M, w.nets{1}.summary));
end
