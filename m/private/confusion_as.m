function [C, order] = confusion_as(fn, Y, T, opts)
% CONFUSION_AS  [C, ORDER] = nn_confusion(Y, T, OPTS{:}) for the metric FN:
%   nn_confusion's argument errors are raised as nnlab:FN:<what>.
  try
    [C, order] = nn_confusion(Y, T, opts{:});
  catch err
    rethrow_as(fn, err);
  end
end
