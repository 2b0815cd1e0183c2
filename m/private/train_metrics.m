function [M, per, name] = train_metrics(loss, N, K)
% TRAIN_METRICS  nn_train's metric of a loss, in the forms its loops need:
%   M.name(loss)                   'accuracy' or 'mae'
%   M.metric(loss, Y, T)           the metric of outputs Y against targets T
%   [mode, per] = M.mode(loss, N, K)  what nn_fit counts instead of returning
%                                  Y (its METRIC argument; 'none' for
%                                  regression) and the number of values
%                                  compared: metric = hits / per
%   tm = M.targets(loss, T)        what M.epochs compares outputs with
%   m = M.epochs(loss, Y, tm, K, C)   the metric of C epochs' outputs at once
% The likelihood names count as the losses whose numbers they are
% ('bernoulli' as 'bce_logits', 'categorical' as 'ce'); 'gaussian',
% 'laplace' and 'poisson' are regressions, measured by the mean absolute
% error of the mean: the first columns of Y when it has two per target
% (mean and log variance or log scale), exp(Y) for 'poisson' (its default
% 'log_input': Y is the log of the rate).
%   [mode, per, name] = train_metrics(loss, N, K) is M.mode and M.name in
%   one call, without the handles (nn_train's fast lane).
  if nargin > 0
    [M, per] = metric_mode(loss, N, K);
    name = metric_name(loss);
    return
  end
  persistent handles                % made once: nn_train's cost per call counts
  if isempty(handles)
    handles = struct('name', @metric_name, 'metric', @metric, 'mode', @metric_mode, ...
                     'targets', @metric_targets, 'epochs', @metrics);
  end
  M = handles;
end

function loss = canonical(loss)
  switch loss
    case 'bernoulli'
      loss = 'bce_logits';
    case 'categorical'
      loss = 'ce';
  end
end

function Y = mean_part(loss, Y, C)
% The predicted means: the first C columns (of 2C) for gaussian and
% laplace, the rate exp(Y) for poisson.
  if size(Y, 2) == 2 * C
    Y = Y(:, 1:C);
  end
  if strcmp(loss, 'poisson')
    Y = exp(Y);
  end
end

function name = metric_name(loss)
  if any(strcmp(loss, {'mse', 'mae', 'huber', 'gaussian', 'laplace', 'poisson'}))
    name = 'mae';
  else
    name = 'accuracy';
  end
end

function m = metric(loss, Y, T)
% (hits or errors as a column d: m = sum(d) / numel(d), what mean(d)
% computes, without mean's costly checks of its arguments)
  Y = double(Y);
  T = double(T);
  loss = canonical(loss);
  switch loss
    case {'mse', 'mae', 'huber'}
      d = abs(Y(:) - T(:));
    case {'gaussian', 'laplace', 'poisson'}
      Y = mean_part(loss, Y, size(T, 2));
      d = abs(Y(:) - T(:));
    case {'ce', 'nll'}
      [~, p] = max(Y, [], 2);
      if size(T, 2) == 1
        t = T;
      else
        [~, t] = max(T, [], 2);
      end
      d = p == t;
    case 'bce'
      d = (Y(:) >= 0.5) == (T(:) >= 0.5);
    case {'bce_logits', 'hinge'}
      d = (Y(:) > 0) == (T(:) > 0.5);
    case {'margin_ranking', 'pairwise_logistic'}
      d = sign(Y(:, 1) - Y(:, 2)) == sign(T(:));
    otherwise
      m = NaN;
      return
  end
  m = sum(d) / numel(d);
end

function [mode, per] = metric_mode(loss, N, K)
  switch canonical(loss)
    case {'ce', 'nll'}
      mode = 'argmax';
      per = N;
    case 'bce'
      mode = 'prob';
      per = N * K;
    case {'bce_logits', 'hinge'}
      mode = 'logit';
      per = N * K;
    otherwise
      mode = 'none';
      per = NaN;
  end
end

function tm = metric_targets(loss, T)
  switch canonical(loss)
    case {'mse', 'mae', 'huber', 'gaussian', 'laplace', 'poisson'}
      tm = double(T(:));
    case {'ce', 'nll'}
      if size(T, 2) == 1
        tm = double(T);
      else
        [~, tm] = max(T, [], 2);
      end
    case 'bce'
      tm = T(:) >= 0.5;
    case {'bce_logits', 'hinge'}
      tm = T(:) > 0.5;
    otherwise
      tm = [];
  end
end

function m = metrics(loss, Y, tm, K, C)
% metric() of each epoch's outputs Y(:, (j - 1) * K + (1:K)), in one go.
% The classification metrics compare Y in its own class: the same answers
% as in double, without a double copy of Y.  (Hits or errors, one column an
% epoch, in d: m = sum(d, 1) / size(d, 1), what mean(d, 1) computes.)
  N = size(Y, 1);
  loss = canonical(loss);
  switch loss
    case {'mse', 'mae', 'huber'}
      d = abs(reshape(double(Y), [], C) - tm);
    case {'gaussian', 'laplace', 'poisson'}
      ct = numel(tm) / max(N, 1);               % columns of T
      Yr = reshape(double(Y), N, K, C);
      Yr = Yr(:, 1:ct, :);
      if strcmp(loss, 'poisson')
        Yr = exp(Yr);
      end
      d = abs(reshape(Yr, [], C) - tm);
    case {'ce', 'nll'}
      [~, p] = max(reshape(Y, N, K, C), [], 2);
      d = reshape(p, N, C) == tm;
    case 'bce'
      d = (reshape(Y, [], C) >= 0.5) == tm;
    case {'bce_logits', 'hinge'}
      d = (reshape(Y, [], C) > 0) == tm;
    otherwise
      m = NaN(1, C);
      return
  end
  m = sum(d, 1) / size(d, 1);
end
