function [net, S, lsum, Yall, stop] = train_steps(net, X, T, perm, o, epoch, S)
% TRAIN_STEPS  One epoch of nn_train step by step in Octave: the minibatches
%   of the order PERM (1-based), each a forward pass, the loss, a backward
%   pass and an optimizer step of every parameter (S.W{i}, S.b{i}: the
%   optimizer states of layer i's W and b).  LSUM is the sum of the batch
%   losses weighted by batch size, YALL the outputs.  STOP is the step at
%   which the loss or a parameter became NaN or Inf (0 if none); NET is
%   then the network of before that step.  X holds one observation a row,
%   or with o.imgcols one image a column (each batch is reshaped into
%   H x W x C x B images).
  N = train_part(o, T);
  B = min(o.BatchSize, N);
  nb = ceil(N / B);
  layers = param_layers(net);
  lsum = 0;
  stop = 0;
  Yall = zeros(N, net.sizes(end) * (1 + o.pairs), net.class);
  for s = 1:nb
    idx = perm((s - 1) * B + 1:min(s * B, N));
    at = idx;                       % the batch's rows of X and T
    if ~isempty(o.rows)
      at = o.rows(idx);
    end
    if o.imgcols
      Xb = reshape(X(:, at), [net.image(:).', numel(at)]);   % whole columns: images
    else
      Xb = X(at, :);
    end
    [Y, Lb, grads, aux] = batch(net, Xb, T(at, :), o, train_seed(o.Seed, epoch, s));
    last = net;
    for i = layers
      h = layer_home(net.layers(i).type);
      for f = h.params
        g = grads(i).(f{1});
        if o.L2 > 0 && any(strcmp(f{1}, h.decay))
          g = g + o.L2 * net.layers(i).(f{1});
          Lb = Lb + o.L2 / 2 * sum(net.layers(i).(f{1})(:) .^ 2);
        end
        % nn_step takes matrices: an N-d parameter (a conv kernel) steps as
        % a matrix of its first dimension's rows, and keeps its shape
        P = net.layers(i).(f{1});
        [P2, S.(f{1}){i}] = nn_step(reshape(P, size(P, 1), []), reshape(g, size(P, 1), []), ...
                                    S.(f{1}){i}, o.Optimizer, o.optargs{:});
        net.layers(i).(f{1}) = reshape(P2, size(P));
      end
    end
    % what a layer keeps from a training step besides its parameters (the
    % running statistics of batchnorm): its home's part update
    for i = 1:numel(net.layers)
      h = layer_home(net.layers(i).type);
      if isfield(h, 'update')
        net.layers(i) = h.update(net.layers(i), aux{i});
      end
    end
    if ~isfinite(Lb) || ~all_finite(net, layers)
      net = last;
      stop = s;
      return
    end
    lsum = lsum + double(Lb) * numel(idx);
    Yall(idx, :) = Y;
  end
end

function [Y, Lb, grads, aux] = batch(net, Xb, Tb, o, seed)
% The loss of one minibatch and its gradient for every layer.  For a
% ranking loss each row of Xb holds two items, scored by the same network.
  if ~o.pairs
    [Y, Lb, grads, aux] = net_gradient(net, Xb, seed, @(Y) nn_loss(Y, Tb, o.Loss, o.LossOptions{:}));
    return
  end
  in = net.sizes(1);
  [Ya, ca] = net_forward(net, Xb(:, 1:in), true, seed);
  [Yb, cb] = net_forward(net, Xb(:, in + 1:end), true, seed);
  Y = [Ya, Yb];
  aux = ca.masks;        % (a layer's state from the first items of the pairs)
  [Lb, dY] = nn_loss(Y, Tb, o.Loss, o.LossOptions{:});
  grads = net_backward(net, ca, dY(:, 1), false);
  gb = net_backward(net, cb, dY(:, 2), false);
  for i = 1:numel(grads)
    grads(i).W = grads(i).W + gb(i).W;
    grads(i).b = grads(i).b + gb(i).b;
  end
end

function layers = param_layers(net)
  layers = [];
  for i = 1:numel(net.layers)
    h = layer_home(net.layers(i).type);
    if ~isempty(h.params)
      layers(end + 1) = i;
    end
  end
end

function ok = all_finite(net, layers)
  ok = true;
  for i = layers
    h = layer_home(net.layers(i).type);
    for f = h.params
      ok = ok && all(isfinite(net.layers(i).(f{1})(:)));
    end
  end
end
