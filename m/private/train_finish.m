function info = train_finish(info, o, net, diverged)
% TRAIN_FINISH  The end of an nn_train run: the number of epochs, the plot,
%   (stop reasons of the full-batch trainers too: 'goal', 'mingrad', 'mumax')
%   the summary line (with 'Verbose': epochs, best epoch, stop reason,
%   total time).  DIVERGED = [epoch step] of a divergence: the warning,
%   stop reason 'diverged' (NET is the last finite network).
  why = sprintf('all %d epochs ran', o.Epochs);
  if nargin > 3 && ~isempty(diverged)
    warning('nnlab:nn_train:diverged', ['nn_train: training diverged at epoch %d, step %d ' ...
            '(the loss or a weight became NaN or Inf); returning the last finite network. ' ...
            'Try a smaller learning rate.'], diverged(1), diverged(2));
    info.stop_reason = 'diverged';
    why = sprintf('training diverged at epoch %d, step %d', diverged(1), diverged(2));
  end
  info.epochs = numel(info.loss);
  if ~isempty(o.Plot)
    train_plot(info, o.Plot, net.summary);
  end
  if o.Verbose
    watch = 'loss';
    v = info.loss;
    if ~all(isnan(info.val_loss))
      watch = 'val_loss';
      v = info.val_loss;
    end
    switch info.stop_reason
      case 'patience'
        why = sprintf(['no better %s for %d epochs (''Patience''): the network of epoch %d ' ...
                       'is returned'], watch, o.Patience, info.best_epoch);
      case 'goal'
        why = sprintf('the loss reached ''Goal'' = %g', o.Goal);
      case 'mingrad'
        why = sprintf('the norm of the gradient fell below ''MinGrad'' = %g', o.MinGrad);
      case 'mumax'
        why = sprintf('mu passed ''MuMax'' = %g: no step lowers the loss', o.MuMax);
    end
    best = 'no epoch finished';
    if info.best_epoch > 0
      best = sprintf('best epoch %d (%s %.4f)', info.best_epoch, watch, v(info.best_epoch));
    end
    total = sum(info.time);
    if total < 1
      total = sprintf('%.1f ms', 1000 * total);
    else
      total = sprintf('%.2f s', total);
    end
    fprintf('done: %d epochs in %s; %s; stopped because %s\n', info.epochs, total, best, why);
  end
end
