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
    progress(info, book, epochs, loss, met, t);
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
  end
  if ~isempty(o.Checkpoint)
    train_checkpoint('write', o.Checkpoint, book, net, S, info, epochs(end), done);
  end
end

function progress(info, book, epochs, loss, met, t)
% The progress line of each of EPOCHS: every number with 4 decimals (num), the
% epoch's time in ms (3 decimals: chunks of fast epochs take microseconds),
% and the time left (ETA, from the mean epoch so far) when the whole run
% takes 10 s or more.
  w = max(3, numel(sprintf('%d', book.E)));
  done = numel(info.time) - numel(epochs);
  for j = 1:numel(epochs)
    line = sprintf('epoch %*d/%d  loss %s  %s %s', w, epochs(j), book.E, num(loss(j)), ...
                   info.metric_name, num(met(j)));
    if book.hasval
      line = sprintf('%s  val_loss %s  val_%s %s', line, num(info.val_loss(end)), ...
                     info.metric_name, num(info.val_metric(end)));
    end
    line = sprintf('%s  %9.3f ms', line, 1000 * t);
    each = sum(info.time(1:done + j)) / (done + j);
    left = each * (book.E - epochs(j));
    if left > 0 && each * book.E >= 10
      line = sprintf('%s  ETA %s', line, clock_time(left));
    end
    fprintf('%s\n', line);
  end
end

function s = num(v)
% V with 4 decimals, 7 characters wide up to 999.9999; from 1e4 on (a
% diverging regression) in e-notation, 4 significant digits, so that the
% line keeps its length.
  if abs(v) < 1e4 || ~isfinite(v)
    s = sprintf('%7.4f', v);
  else
    s = sprintf('%.3e', v);
  end
end

function s = clock_time(t)
% T seconds as m:ss, or h:mm:ss from an hour.
  t = round(t);
  if t >= 3600
    s = sprintf('%d:%02d:%02d', floor(t / 3600), floor(mod(t, 3600) / 60), mod(t, 60));
  else
    s = sprintf('%d:%02d', floor(t / 60), mod(t, 60));
  end
end
