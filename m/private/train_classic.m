function [net, info] = train_classic(net, X, T, o, info, book)
% TRAIN_CLASSIC  nn_train's full-batch classical trainers, as MATLAB's:
%   'lm' (trainlm, Levenberg-Marquardt on the Jacobian of nn_jacobian),
%   'scg' (trainscg, Moller's scaled conjugate gradient, train_scg) and
%   'trainrp' (trainrp: nn_step's rprop on the full-batch gradient).  One
%   epoch is one iteration on the whole of (X, T).  info.loss(e) is the
%   loss of the network at the end of epoch e.  Stops: all epochs, 'Goal'
%   (loss <= Goal), 'MinGrad' (norm of the gradient < MinGrad), 'MaxFail'
%   / 'Patience' (validation), 'mumax' (lm: mu above MuMax), diverged.
  M = train_metrics();
  N = size(T, 1);
  if ~isempty(o.MaxFail)
    o.Patience = min(o.Patience, o.MaxFail);
  end
  seed = train_seed(o.Seed, 1, 1);     % one dropout mask for the whole run
  switch o.Optimizer
    case 'lm'
      C = train_lm('start', net, X, T, o);
    otherwise
      C = struct('net', net, 'x', flat(net), 'st', []);
      fg = @(v) full_batch(net, v, X, T, o, seed);
      [C.f, C.g, C.Y] = fg(C.x);
  end
  if o.Verbose
    fprintf('training %s on %d observations: loss %s, optimizer %s (full batch), %d epochs\n', ...
            net.summary, N, o.Loss, o.Optimizer, o.Epochs);
  end
  info.stop_reason = stop_rule(o, C, 0);
  if ~isempty(info.stop_reason)
    info = train_finish(info, o, net);
    return
  end
  for epoch = 1:o.Epochs
    t0 = tic();
    switch o.Optimizer
      case 'lm'
        C = train_lm('step', C, X, T, o);
      case 'scg'
        [C.x, C.f, C.g, C.st, C.Y] = train_scg(fg, C.x, C.f, C.g, C.st, o.Sigma, o.Lambda, C.Y);
      case 'trainrp'
        P = C.x;
        [C.x, C.st] = nn_step(C.x, C.g, C.st, 'rprop', o.optargs{:});
        try
          [C.f, C.g, C.Y] = fg(C.x);
        catch err
          rethrow_as('nn_train', err);
        end
        if ~isfinite(C.f) || ~all(isfinite(C.x))
          C.x = P;
        end
    end
    if ~strcmp(o.Optimizer, 'lm')
      C.net = unflat(net, C.x);
    end
    if ~isfinite(C.f)
      info = train_finish(info, o, C.net, [epoch 1]);
      net = C.net;
      return
    end
    net = C.net;
    met = M.metric(o.Loss, C.Y, T);
    [info, book, net, done] = train_record(info, book, o, net, [], epoch, C.f, met, toc(t0));
    if done
      break
    end
    info.stop_reason = stop_rule(o, C, epoch);
    if ~isempty(info.stop_reason)
      break
    end
  end
  info = train_finish(info, o, net);
end

function why = stop_rule(o, C, epoch)
  why = '';
  if C.f <= o.Goal && (o.Goal > 0 || C.f == 0)
    why = 'goal';
  elseif norm(double(C.g)) < o.MinGrad
    why = 'mingrad';
  elseif strcmp(o.Optimizer, 'lm') && C.mu > o.MuMax
    why = 'mumax';
  elseif epoch == o.Epochs
    why = 'epochs';
  end
end

function [f, g, Y] = full_batch(net, v, X, T, o, seed)
% The loss of the whole batch and its gradient at the parameters V.
  net = unflat(net, v);
  [Y, f, grads] = net_gradient(net, X, seed, @(Y) nn_loss(Y, T, o.Loss, o.LossOptions{:}));
  f = double(f);
  parts = {};
  for i = 1:numel(net.layers)
    h = layer_home(net.layers(i).type);
    for p = h.params
      gi = grads(i).(p{1});
      if o.L2 > 0 && any(strcmp(p{1}, h.decay))
        w = net.layers(i).(p{1});
        gi = gi + o.L2 * w;
        f = f + o.L2 / 2 * double(sum(w(:) .^ 2));
      end
      parts{end + 1} = gi(:); %#ok<AGROW>
    end
  end
  g = vertcat(zeros(0, 1, net.class), parts{:});
end

function v = flat(net)
  parts = {};
  for i = 1:numel(net.layers)
    h = layer_home(net.layers(i).type);
    for p = h.params
      parts{end + 1} = net.layers(i).(p{1})(:); %#ok<AGROW>
    end
  end
  v = vertcat(zeros(0, 1, net.class), parts{:});
end

function net = unflat(net, v)
  k = 0;
  for i = 1:numel(net.layers)
    h = layer_home(net.layers(i).type);
    for p = h.params
      s = size(net.layers(i).(p{1}));
      n = prod(s);
      net.layers(i).(p{1}) = reshape(v(k + 1:k + n), s);
      k = k + n;
    end
  end
end
