function [X, T, Xv, Tv, vperm, cols, rows] = train_data(net, X, T, o, ck)
% TRAIN_DATA  nn_train's data, checked and cast to the network's class: X
%   (N x in, or in x N with o.cols), T (N rows), the validation data Xv, Tv
%   (rows; [] without validation) from 'ValidationData' or held out by
%   'ValidationFraction' (VPERM: the random order of that split, from the
%   checkpoint CK when resuming, else [] ).  COLS is the layout of the X
%   returned: o.cols, or true for images given as an H x W x C x N array,
%   which come back as its columns (H*W*C x N, the same memory: no copy of
%   the data).  ROWS: with 'ValidationFraction' (not for ranking losses or
%   the full-batch trainers), or with 'Rows', the training observations'
%   indices into X and T, which are then returned whole (no copy of the
%   training part); else [] (X and T are the training data).
  fn = 'nn_train';
  cols = o.cols;
  rows = [];
  if o.pairs
    predict_pairs(net, X, fn);              % checks X and its sizes
    X = cast(X, net.class);
  elseif ~cols && isfield(net, 'image') && image_array(net, X)
    cols = true;                            % each image a column, in place
    X = check_input(fn, net, reshape(X, prod(net.image), []), true);
  else
    X = check_input(fn, net, X, o.cols);
  end
  N = size(X, 1 + cols);
  T = targets(N, T, net.class, o.cols, 'T');
  base = rows_option(o.Rows, N);      % 'Rows': the observations to use, or []
  vperm = [];
  Xv = [];
  Tv = [];
  if ~isempty(o.ValidationData)
    v = o.ValidationData;
    if o.pairs
      predict_pairs(net, v{1}, fn, 'Xv');
      Xv = cast(v{1}, net.class);
    elseif o.cols
      Xv = check_input(fn, net, v{1}, true, 'Xv').';   % rows, for nn_predict
    else
      Xv = check_input(fn, net, v{1}, false, 'Xv');
    end
    Tv = targets(size(Xv, 1), v{2}, net.class, o.cols, 'Tv');
  elseif o.ValidationFraction > 0
    if ~isempty(base)
      N = numel(base);                % the split is of the rows given
    end
    if isempty(ck)
      p = seeded(train_seed(o.Seed, 0, 0), @() randperm(N));
    else
      p = ck.vperm;
      if numel(p) ~= N
        error('nnlab:nn_train:resume', 'nn_train: the checkpoint %s was written for other data', o.Resume);
      end
    end
    vperm = p;
    nv = round(o.ValidationFraction * N);
    if nv < 1 || nv >= N
      error('nnlab:nn_train:optionValue', 'nn_train: ''ValidationFraction'' leaves no data for training or for validation');
    end
    if ~isempty(base)
      p = base(p).';                  % indices into X and T
      base = [];
    end
    if cols
      Xv = X(:, p(N - nv + 1:end)).';
    else
      Xv = X(p(N - nv + 1:end), :);
    end
    Tv = T(p(N - nv + 1:end), :);
    [X, T, rows] = training_rows(X, T, reshape(p(1:N - nv), [], 1), o, cols);
  end
  if ~isempty(base)                   % 'Rows' without a split of them
    [X, T, rows] = training_rows(X, T, base, o, cols);
  end
end

function [X, T, rows] = training_rows(X, T, r, o, cols)
% The observations R (a column of indices) train: X and T stay whole and
% ROWS = R, for the steps and the engine index them; or, for the ranking
% losses and the full-batch trainers, X and T become those observations
% (a copy) and ROWS = [].
  rows = [];
  if ~o.pairs && ~o.classic
    rows = r;
  elseif cols
    X = X(:, r);
    T = T(r, :);
  else
    X = X(r, :);
    T = T(r, :);
  end
end

function r = rows_option(r, N)
% 'Rows' checked: [] or a column of row indices 1..N.
  if isempty(r)
    r = [];
    return
  end
  if ~(isnumeric(r) && isreal(r) && ~issparse(r) && isvector(r) && all(isfinite(r)) && ...
       all(r == round(r)) && all(r >= 1) && all(r <= N))
    error('nnlab:nn_train:optionValue', ['nn_train: ''Rows'' must be a vector of observation ' ...
          'indices, whole numbers from 1 to %d'], N);
  end
  r = double(r(:));
end

function T = targets(N, T, cls, cols, name)
% T (called NAME): N rows, one per observation (N from X), full, finite;
% with columns a row vector of N labels is taken as a column.
  if cols && isvector(T) && size(T, 1) == 1 && N > 1
    T = T.';
  end
  if ~(isnumeric(T) || islogical(T)) || ~isreal(T) || ndims(T) ~= 2
    error('nnlab:nn_train:class', 'nn_train: %s must be a real numeric matrix with one row per observation', name);
  end
  if size(T, 1) ~= N
    error('nnlab:nn_train:size', 'nn_train: %s has %d observations but %s has %d rows', ...
          strrep(name, 'T', 'X'), N, name, size(T, 1));
  end
  check_array('nn_train', T, name, true);
  T = cast(T, cls);
end
