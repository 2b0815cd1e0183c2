function [info, book, net, done] = train_record(info, book, o, net, S, epochs, loss, met, t)
% TRAIN_RECORD  nn_train's bookkeeping after one or more epochs, the same for
%   every engine and loop: the LOSS, metric MET and seconds T of each of
%   EPOCHS (row vectors) into INFO; the validation loss and metric
%   (book.Xv, book.Tv, for one epoch at a time); the progress lines; the
%   best epoch and the patience (on the validation loss, else on the
%   training loss); the checkpoint.  BOOK carries what spans epochs: best,
%   bestnet, wait, E (the last epoch), hasval, Xv, Tv, fingerprint, vperm.
%   DONE is true when the patience ran out: NET is then the best network.
%   (Several epochs at once come from train_chunks, which runs without
%   validation, patience or checkpoint.)
  n = numel(epochs);
  if n == 0
    done = false;
    return
  end
  info.loss = [info.loss, loss];
  info.metric = [info.metric, met];
  if book.hasval
    M = train_metrics();
    if o.pairs
      Yv = predict_pairs(net, book.Xv, 'nn_train');
    else
      Yv = nn_predict(net, book.Xv);
    end
    vl = double(nn_loss(Yv, book.Tv, o.Loss, o.LossOptions{:}));
    info.val_loss(end + 1) = vl;
    info.val_metric(end + 1) = M.metric(o.Loss, Yv, book.Tv);
    watch = vl;
  else
    info.val_loss = [info.val_loss, NaN(1, n)];
    info.val_metric = [info.val_metric, NaN(1, n)];
    watch = loss;
  end
  info.time = [info.time, repmat(t, 1, n)];
  if o.Verbose
    for j = 1:n
      line = sprintf('epoch %3d/%d  loss %.4g  %s %.4g', epochs(j), book.E, loss(j), ...
                     info.metric_name, met(j));
      if book.hasval
        line = sprintf('%s  val_loss %.4g  val_%s %.4g', line, info.val_loss(end), ...
                       info.metric_name, info.val_metric(end));
      end
      fprintf('%s  %.2fs\n', line, t);
    end
  end
  % the best epoch: the first with the least value, if less than the best
  % before; the wait counts the epochs since
  [m, k] = min(watch);
  if m < book.best
    book.best = m;
    book.bestnet = net;
    info.best_epoch = epochs(k);
    book.wait = n - k;
  else
    book.wait = book.wait + n;
  end
  done = book.wait >= o.Patience;
  if done
    net = book.bestnet;
    info.stop_reason = 'patience';
    if o.Verbose
      fprintf('stopped early: no improvement for %d epochs; returning the network of epoch %d\n', ...
              o.Patience, info.best_epoch);
    end
  end
  if ~isempty(o.Checkpoint)
    train_checkpoint('write', o.Checkpoint, book, net, S, info, epochs(end), done);
  end
end
