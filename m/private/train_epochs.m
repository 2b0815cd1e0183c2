function [net, info] = train_epochs(net, D, X, T, o, first, info, book, S, layout)
% TRAIN_EPOCHS  nn_train's epochs first..book.E, one at a time: each in one
%   call of the compiled engine (D, the engine's description of the
%   network, not empty) or step by step in Octave (D empty), then the
%   bookkeeping of train_record (validation, patience, checkpoint).
  [N, Tm] = train_part(o, T);       % Tm: the training targets, for the metric
  B = min(o.BatchSize, N);
  nb = ceil(N / B);
  M = train_metrics();
  [mode, per] = M.mode(o.Loss, N, net.sizes(end));
  if strcmp(layout, 'copy') && ~isempty(D)
    % the engine's working copy of X is freed when training ends (also on
    % an error or Ctrl-C)
    release = onCleanup(@() nn_fit('release'));
  end
  for epoch = first:book.E
    t0 = tic();
    perm = train_orders(o, N, epoch, 1).' + 1;
    if ~isempty(D)
      [net, D, S, bl, Yall, stopped, hits, layout] = train_fit(net, D, X, T, perm(:) - 1, o, S, ...
                                                               mode, layout);
      stop = stopped(2);
      lsum = 0;
      for s = 1:nb
        lsum = lsum + bl(s) * (min(s * B, N) - (s - 1) * B);
      end
    else
      try
        [net, S, lsum, Yall, stop] = train_steps(net, X, T, perm, o, epoch, S);
      catch err
        rethrow_as('nn_train', err);
      end
    end
    if stop > 0
      info = train_finish(info, o, net, [epoch stop]);
      return
    end
    if ~isempty(D) && ~strcmp(mode, 'none')
      met = hits / per;                       % what M.metric gives on the outputs
    else
      met = M.metric(o.Loss, Yall, Tm);
    end
    [info, book, net, done] = train_record(info, book, o, net, S, epoch, lsum / N, met, toc(t0));
    if done
      break
    end
  end
  info = train_finish(info, o, net);
end
