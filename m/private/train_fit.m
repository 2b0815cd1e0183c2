function [net, D, S, bl, Y, stopped, hits] = train_fit(net, D, X, T, P, o, S, mode, layout)
% TRAIN_FIT  Epochs of nn_train in one call of the compiled engine nn_fit:
%   one epoch a column of the 0-based orders P.  D is the network as the
%   engine takes it (train_engine), returned trained; the trained
%   parameters also go back into NET.  BL: the batch losses, one column an epoch; Y: the outputs (METRIC
%   'none') or HITS: the metric's count per epoch; STOPPED: [epoch step] of
%   a divergence, [0 0] if none.  Engine errors are nn_train's.
  try
    [D, S.W, S.b, bl, Y, stopped, hits] = nn_fit(X, T, P, min(o.BatchSize, size(P, 1)), D, S.W, S.b, o.Loss, ...
                                                 o.LossOptions, o.Optimizer, o.optargs, o.L2, ...
                                                 mode, layout);
  catch err
    rethrow_as('nn_train', err);
  end
  for i = 1:numel(D)
    h = layer_home(net.layers(i).type);
    for f = h.params
      net.layers(i).(f{1}) = D(i).(f{1});
    end
  end
end
