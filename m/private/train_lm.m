function C = train_lm(op, a, X, T, o)
% TRAIN_LM  Levenberg-Marquardt for nn_train ('Optimizer', 'lm'), as MATLAB's
%   trainlm.  C = train_lm('start', NET, X, T, O): the state at NET (the
%   Gauss-Newton pair of nn_jacobian, the loss, mu = O.Mu).  C =
%   train_lm('step', C, X, T, O): one epoch: with theta the parameters in
%   nn_unroll's order, solve (J'J + mu I) dx = J'e (Cholesky, else QR, in
%   nn_jacobian), try theta - dx; a lower loss takes the step and mu *=
%   MuDec, else mu *= MuInc and solve again, until mu passes MuMax.  The
%   loss is MSE (the mean of e.^2 over the N x K residuals e = Y - T) plus
%   L2/2 times the sum of the squared weights: with L2 the system gets
%   (N*K*L2/2) on the weights' diagonal.
  switch op
    case 'start'
      C = start(a, X, T, o);
    case 'step'
      C = step(a, X, T, o);
  end
end

function C = start(net, X, T, o)
  if ~isempty(o.LossOptions)
    error('nnlab:nn_train:optimizer', ['nn_train: ''Optimizer'', ''lm'' takes no ' ...
          '''LossOptions'': it minimises the mean squared error']);
  end
  [C.dense, C.acts] = lm_layers(net);
  C.net = net;
  C.mu = o.Mu;
  C.den = numel(T);
  C.x = pack(net, C.dense);
  C.decay = decay_mask(net, C.dense);
  C.lam = C.den * o.L2 / 2;            % L2 on the scale of the sum of squares
  C = pair(C, X, T, o);
  C.Y = net_forward(net, X, false, []);
end

function C = pair(C, X, T, o)
% J'J, J'e, the loss and its gradient at C.net.
  [W, b] = params(C.net, C.dense);
  try
    [C.JJ, C.Je, sse] = nn_jacobian(X, W, b, C.acts, T);
  catch err
    rethrow_as('nn_train', err);
  end
  C.f = loss(C, sse);
  C.g = 2 / C.den * (C.Je + C.lam * (C.decay .* C.x));
end

function f = loss(C, sse)
  f = sse / C.den + o_l2(C);
end

function p = o_l2(C)
  p = C.lam / C.den * double(sum((C.decay .* C.x) .^ 2));
end

function C = step(C, X, T, o)
  A = C.JJ;
  r = C.Je;
  if C.lam > 0
    A = A + diag(C.lam * C.decay);
    r = r + C.lam * (C.decay .* C.x);
  end
  while C.mu <= o.MuMax
    try
      dx = nn_jacobian('solve', A, r, C.mu);
    catch err
      if ~strcmp(err.identifier, 'nnlab:nn_jacobian:singular')
        rethrow_as('nn_train', err);
      end
      dx = NaN(size(r), class(r));
    end
    x2 = C.x - dx;
    net2 = unpack(C.net, C.dense, x2);
    Y2 = net_forward(net2, X, false, []);
    D = C;
    D.x = x2;
    f2 = loss(D, sum(double(Y2(:) - T(:)) .^ 2));
    if all(isfinite(x2)) && f2 < C.f
      C.x = x2;
      C.net = net2;
      C.Y = Y2;
      C.mu = max(C.mu * o.MuDec, 1e-20);
      C = pair(C, X, T, o);
      return
    end
    C.mu = C.mu * o.MuInc;
  end
end

function [dense, acts] = lm_layers(net)
% The dense layers of NET, each followed by at most one activation of
% default options: what nn_jacobian takes.
  E = net.layers;
  dense = [];
  acts = {};
  i = 1;
  while i <= numel(E)
    if ~strcmp(E(i).type, 'dense')
      error('nnlab:nn_train:optimizer', ['nn_train: ''Optimizer'', ''lm'' needs a dense ' ...
            'network (dense layers, each followed by at most one activation, as nn_mlp ' ...
            'builds), but layer %d is %s; use ''scg'' or ''trainrp'''], i, E(i).type);
    end
    dense(end + 1) = i; %#ok<AGROW>
    acts{end + 1} = 'linear'; %#ok<AGROW>
    if i < numel(E) && strcmp(E(i + 1).type, 'act')
      if ~isempty(E(i + 1).opts)
        error('nnlab:nn_train:optimizer', ['nn_train: ''Optimizer'', ''lm'' takes ' ...
              'activations with their default options only (layer %d has options)'], i + 1);
      end
      acts{end} = E(i + 1).act;
      i = i + 1;
    end
    i = i + 1;
  end
end

function [W, b] = params(net, dense)
  W = {net.layers(dense).W};
  b = {net.layers(dense).b};
end

function x = pack(net, dense)
% nn_unroll's order: [b; W(:)] layer by layer, in the network's class.
  parts = cell(1, numel(dense));
  for j = 1:numel(dense)
    L = net.layers(dense(j));
    parts{j} = [L.b; L.W(:)];
  end
  x = vertcat(parts{:});
end

function m = decay_mask(net, dense)
  parts = cell(1, numel(dense));
  for j = 1:numel(dense)
    L = net.layers(dense(j));
    parts{j} = [zeros(numel(L.b), 1); ones(numel(L.W), 1)];
  end
  m = cast(vertcat(parts{:}), net.class);
end

function net = unpack(net, dense, x)
  k = 0;
  for j = 1:numel(dense)
    L = net.layers(dense(j));
    [o, i] = size(L.W);
    net.layers(dense(j)).b = x(k + 1:k + o);
    net.layers(dense(j)).W = reshape(x(k + o + 1:k + o + o * i), o, i);
    k = k + o * (i + 1);
  end
end
