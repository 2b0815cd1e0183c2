function [net, D, S, bl, Y, stopped, hits, layout] = train_fit(net, D, X, T, P, o, S, mode, layout)
% TRAIN_FIT  Epochs of nn_train in one call of the compiled engine nn_fit:
%   one epoch a column of the 0-based orders P (of the training
%   observations: with o.rows, positions in o.rows, mapped here to rows of
%   X and T).  D is the network as the engine takes it (train_engine),
%   returned trained; the trained parameters also go back into NET.  BL:
%   the batch losses, one column an epoch; Y: the outputs of the training
%   observations (METRIC 'none') or HITS: the metric's count per epoch;
%   STOPPED: [epoch step] of a divergence, [0 0] if none.  LAYOUT comes
%   back as the next call takes it ('copy' becomes 'copy-kept': X is
%   unchanged, its copy serves).  Engine errors are nn_train's.
  if ~isempty(o.rows)
    P = reshape(o.rows(P + 1), size(P)) - 1;   % the same rows in the same order, from X
  end
  img = [];
  if isfield(net, 'image')
    img = net.image;      % X holds one image a column
  end
  try
    [D, S.W, S.b, bl, Y, stopped, hits] = nn_fit(X, T, P, min(o.BatchSize, size(P, 1)), D, S.W, S.b, o.Loss, ...
                                                 o.LossOptions, o.Optimizer, o.optargs, o.L2, ...
                                                 mode, layout, img);
  catch err
    rethrow_as('nn_train', err);
  end
  layout = regexprep(layout, '^copy$', 'copy-kept');
  if ~isempty(o.rows) && strcmp(mode, 'none')
    Y = Y(o.rows, :);
  end
  for i = 1:numel(D)
    h = layer_home(net.layers(i).type);
    for f = h.params
      net.layers(i).(f{1}) = D(i).(f{1});
    end
  end
end
