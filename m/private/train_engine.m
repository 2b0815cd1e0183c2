function [D, why] = train_engine(net, o)
% TRAIN_ENGINE  The network as the compiled engine nn_fit takes it, one
%   entry per layer, each from its layer's home (type 'dense' or 'act'), or
%   D = [] and the reason the engine cannot train it: a layer it has no
%   kernel for, a ranking loss, loss options with 'weights' or reduction
%   'none'.
  D = [];
  why = '';
  if o.pairs
    why = 'ranking losses';
    return
  end
  args = o.LossOptions;
  for i = 1:2:numel(args) - 1
    if ischar(args{i}) && (strcmpi(args{i}, 'weights') || ...
                           (strcmpi(args{i}, 'reduction') && ischar(args{i + 1}) && strcmpi(args{i + 1}, 'none')))
      why = 'loss ''weights'' or reduction ''none''';
      return
    end
  end
  E = net.layers;
  for i = 1:numel(E)
    h = layer_home(E(i).type);
    [e, why] = h.engine(E(i));
    if isempty(e)
      return
    end
    E(i) = e;
  end
  D = E;
end
