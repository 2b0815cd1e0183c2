function [net, info] = train_chunks(net, D, X, T, o, first, info, book, S, layout)
% TRAIN_CHUNKS  nn_train's epochs first..book.E on the compiled engine, as
%   many epochs per call of nn_fit as keep its output Y (N x K per epoch)
%   and the orders (N per epoch) to about 2^15 values, for runs with
%   nothing to do between epochs but bookkeeping (no validation, patience
%   or checkpoint).  For small data (XOR) the cost of a call, not the
%   arithmetic, sets the pace, but big arrays, fresh in every call and
%   copied on the way out of the MEX file, cost more in page faults than
%   the calls they save (B-blobs: 20 calls of one epoch beat one call of 20
%   epochs).  A chunk's epochs are recorded by train_record, as in
%   train_epochs; each one's time is the chunk's time divided by its epochs.
  [N, Tm] = train_part(o, T);       % Tm: the training targets, for the metric
  K = net.sizes(end);
  B = min(o.BatchSize, N);
  nb = ceil(N / B);
  cnt = (min((1:nb) * B, N) - ((1:nb) - 1) * B).';
  M = train_metrics();
  % classification metrics are counted by nn_fit itself (no outputs Y to
  % return: only the orders, N values an epoch, travel)
  [mode, per] = M.mode(o.Loss, N, K);
  if strcmp(mode, 'none')
    Cmax = max(1, floor(2^15 / (N * (K + 1))));
  else
    Cmax = max(1, floor(2^15 / N));
  end
  tm = M.targets(o.Loss, Tm);
  if strcmp(layout, 'copy') && ~isempty(D)
    % the engine's working copy of X is freed when training ends (also on
    % an error or Ctrl-C)
    release = onCleanup(@() nn_fit('release'));
  end
  epoch = first;
  while epoch <= book.E
    t0 = tic();
    C = min(book.E - epoch + 1, Cmax);
    P = train_orders(o, N, epoch, C);
    [net, D, S, bl, Y, stopped, hits, layout] = train_fit(net, D, X, T, P, o, S, mode, layout);
    ndone = C;
    if stopped(2) > 0
      ndone = stopped(1) - 1;
    end
    t = toc(t0) / C;
    if ndone > 0
      % the losses, summed in order (sum adds a column from the top)
      loss = sum(bl(:, 1:ndone) .* cnt, 1) / N;
      if strcmp(mode, 'none')
        met = M.epochs(o.Loss, Y(:, 1:K * ndone), tm, K, ndone);
      else
        met = hits(1:ndone) / per;            % what M.epochs gives: hits / values compared
      end
      [info, book] = train_record(info, book, o, net, S, epoch:epoch + ndone - 1, loss, met, t);
    end
    if stopped(2) > 0
      info = train_finish(info, o, net, [epoch + ndone, stopped(2)]);
      return
    end
    epoch = epoch + C;
  end
  info = train_finish(info, o, net);
end
