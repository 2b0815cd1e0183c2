function info = train_finish(info, o, net, diverged)
% TRAIN_FINISH  The end of an nn_train run: the number of epochs, the plot.
%   DIVERGED = [epoch step] of a divergence: the warning, stop reason
%   'diverged' (NET is the last finite network).
  if nargin > 3 && ~isempty(diverged)
    warning('nnlab:nn_train:diverged', ['nn_train: training diverged at epoch %d, step %d ' ...
            '(the loss or a weight became NaN or Inf); returning the last finite network. ' ...
            'Try a smaller learning rate.'], diverged(1), diverged(2));
    info.stop_reason = 'diverged';
  end
  info.epochs = numel(info.loss);
  if ~isempty(o.Plot)
    train_plot(info, o.Plot, net.summary);
  end
end
