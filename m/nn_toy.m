% -*- texinfo -*-
% @deftypefn  {} {[@var{X}, @var{T}, @var{info}] =} nn_toy (@var{name})
% @deftypefnx {} {[@var{X}, @var{T}, @var{info}] =} nn_toy (@var{name}, @var{Name}, @var{Value}, @dots{})
% Generate one of the lecture's toy data sets.
%
% @var{X} is N x D, one example per row; @var{T} is N x 1: for a
% classification set the class labels 1..K (double), for @qcode{'line'} the
% real targets, for @qcode{'ranking'} the relevance grades 0..L-1.  Rows are
% grouped by class, in class order: shuffle with @code{nn_split}.
%
% Targets for the losses: @code{nn_onehot (T)} gives N x K one-hot rows (or
% the option @qcode{'Targets', 'onehot'}); for a two-class set, @code{T - 1}
% gives the 0/1 targets of a one-output sigmoid network and binary
% cross-entropy (or the option @qcode{'Targets', 'binary'}).
%
% @var{name} (case-insensitive) is one of:
% @table @asis
% @item 'and'
% @itemx 'or'
% @itemx 'not'
% @itemx 'nand'
% @itemx 'nor'
% @itemx 'xor'
% the truth table of a logic gate (inputs 0/1, from @code{nn_logic_data};
% 2 inputs, or 1 for @qcode{'not'}), class 2 where the gate outputs 1 (true)
% and class 1 where it outputs 0.  By default the table itself (N = 4, or 2
% for @qcode{'not'}), without noise.  With @qcode{'N'}, the rows of the table
% are repeated in turn up to N rows, and with @qcode{'Noise'} Gaussian noise
% of that standard deviation is added to the inputs: a cloud of points
% around each corner (the noisy XOR of the lecture:
% @code{nn_toy ('xor', 'N', 200, 'Noise', 0.15)}).
% @item 'moons'
% two interleaving half circles: class 1 on
% (cos t, sin t), class 2 on (1 - cos t, 0.5 - sin t), t evenly spaced in
% [0, pi] (as scikit-learn's @code{make_moons}).  Default N = 200, Noise 0.1.
% @item 'circles'
% two concentric circles, class 1 of radius 1, class 2 of radius
% @qcode{'Factor'} (default 0.5), angles evenly spaced (as scikit-learn's
% @code{make_circles}).  Default N = 200, Noise 0.05.
% @item 'spirals'
% @qcode{'K'} spiral arms (default 2), one class each: arm k is
% r (cos a, sin a) with r = 1/n, 2/n, @dots{}, 1 and
% a = 2 pi (k - 1) / K + 2 pi @var{Turns} r (option @qcode{'Turns'}, default
% 1 turn).  Default N = 100 K, Noise 0.05.
% @item 'blobs'
% @qcode{'K'} Gaussian blobs (default 3), one class each, of standard
% deviation Noise (default 1) in every direction, around centres evenly
% spaced on a circle of radius max (3, K), the first on the positive x axis;
% or around the rows of the K x D matrix of option @qcode{'Centers'}.
% Default N = 100 K.
% @item 'line'
% a noisy line for regression, with outliers: x uniform in [-1, 1] (sorted),
% t = @var{Slope} x + @var{Intercept} + Noise randn (options @qcode{'Slope'},
% default 2, @qcode{'Intercept'}, default 1, Noise default 0.1); then a
% fraction @qcode{'Outliers'} (default 0.1) of the points, chosen at
% random, are moved up by @var{OutlierSize} (1 + u), u uniform in [0, 1)
% (option @qcode{'OutlierSize'}, default 2).  @var{X} is N x 1.  Default N = 50.
% @item 'ranking'
% a query-document set for learning to rank: @qcode{'Queries'} queries
% (default 20), the N documents (default 10 per query) shared evenly among
% them, each row the @qcode{'D'} features (default 5, standard normal) of a
% (query, document) pair.  The relevance grade (0 = irrelevant up to
% @qcode{'Levels'} - 1, default 3 levels) is the latent score x w + Noise
% randn (w a random unit vector, Noise default 0.5) cut at thresholds
% such that about half of the documents get grade 0, a quarter grade 1,
% and so on, the last two grades equally likely.  @code{info.qid} gives
% the query of each row (1..Q, the rows of a query adjacent) and
% @code{info.pairs} the pairs for pairwise training (see below).
% @end table
%
% Options (Name/Value, names case-insensitive; each set accepts only the
% options named above and the common ones):
% @table @asis
% @item 'N'
% the number of examples (rows).
% @item 'Noise'
% the standard deviation of the Gaussian noise (see each set).
% @item 'Seed'
% a whole number in 0..2^32-1: the same seed gives the same data at every
% call (same Octave version), and the state of the global generator of
% @code{rand}/@code{randn} is left as it was.  Default @code{[]}: draw from
% the global generator (set by @code{rng (s)}), and advance it.
% @item 'Targets'
% for the classification sets, the form of @var{T}: @qcode{'labels'}
% (default, N x 1 in 1..K), @qcode{'onehot'} (N x K) or @qcode{'binary'} (N x 1
% in 0/1, two-class sets only).
% @end table
%
% @var{info} is a struct with the fields @code{name}, @code{N}, @code{noise},
% @code{seed} and, for a classification set, @code{K} and @code{labels}
% (the N x 1 labels 1..K whatever the option @qcode{'Targets'}); plus, for
% @qcode{'blobs'}, @code{centers}; for @qcode{'line'}, @code{slope},
% @code{intercept} and @code{outliers} (N x 1 logical); for @qcode{'ranking'}:
% @table @code
% @item qid
% N x 1 query numbers;
% @item pairs
% P x 3 matrix of rows [i, j, t]: for every two documents i < j of the same
% query with different grades, t = 1 if i is the more relevant, else 0 (the
% target of RankNet's loss on s_i - s_j: binary cross-entropy of
% sigmoid (s_i - s_j) against t); with the option @code{'Ties', true} also
% the pairs of equal grades, with t = 0.5;
% @item w
% the D x 1 weights of the latent score;
% @item make_pairs
% a function handle, @code{P = info.make_pairs (rel, qid)} or
% @code{info.make_pairs (rel, qid, ties)}, that makes the pairs of any
% subset (e.g. after a split by queries; its indices are rows of the
% subset).
% @end table
%
% Examples:
% @example
% @group
% [X, T] = nn_toy ('xor');                   % 4 x 2 inputs, labels 1 2 2 1
% [X, T] = nn_toy ('moons', 'N', 300, 'Noise', 0.2, 'Seed', 1);
% scatter (X(:,1), X(:,2), 12, T, 'filled')
% [X, T] = nn_toy ('spirals', 'K', 3, 'Targets', 'onehot', 'Seed', 2);
% [X, t, info] = nn_toy ('line', 'Seed', 3);  % plot (X, t, 'o')
% [X, rel, info] = nn_toy ('ranking', 'Seed', 4);
% P = info.pairs;                            % train on s(P(:,1)) - s(P(:,2))
% @end group
% @end example
% @seealso{nn_logic_data, nn_split, nn_onehot, nn_standardize, nn_ndcg}
% @end deftypefn

function [X, T, info] = nn_toy(name, varargin)
  if nargin < 1
    error('nnlab:nn_toy:nargin', ...
          'nn_toy: expected the name of a toy data set, like nn_toy(''moons'').');
  end
  sets = {'and', 'or', 'not', 'nand', 'nor', 'xor', 'moons', 'circles', ...
          'spirals', 'blobs', 'line', 'ranking'};
  if ~ischar(name) || size(name, 1) > 1 || ~any(strcmpi(name, sets))
    error('nnlab:nn_toy:name', ...
          'nn_toy: the data set name must be one of %s.', strjoin(sets, ', '));
  end
  name = lower(name);
  gates = {'and', 'or', 'not', 'nand', 'nor', 'xor'};
  isgate = any(strcmp(name, gates));

  % defaults and the options each set accepts
  o = struct('N', [], 'Noise', [], 'Seed', [], 'Targets', 'labels');
  common = {'N', 'Noise', 'Seed', 'Targets'};
  if isgate
    extra = {};
    o.Noise = 0;
  else
    switch name
      case 'moons'
        extra = {};
        o.N = 200;
        o.Noise = 0.1;
      case 'circles'
        extra = {'Factor'};
        o.N = 200;
        o.Noise = 0.05;
        o.Factor = 0.5;
      case 'spirals'
        extra = {'K', 'Turns'};
        o.Noise = 0.05;
        o.K = 2;
        o.Turns = 1;
      case 'blobs'
        extra = {'K', 'Centers'};
        o.Noise = 1;
        o.K = [];
        o.Centers = [];
      case 'line'
        common = {'N', 'Noise', 'Seed'};
        extra = {'Slope', 'Intercept', 'Outliers', 'OutlierSize'};
        o.N = 50;
        o.Noise = 0.1;
        o.Slope = 2;
        o.Intercept = 1;
        o.Outliers = 0.1;
        o.OutlierSize = 2;
      case 'ranking'
        common = {'N', 'Noise', 'Seed'};
        extra = {'Queries', 'D', 'Levels', 'Ties'};
        o.Noise = 0.5;
        o.Queries = 20;
        o.D = 5;
        o.Levels = 3;
        o.Ties = false;
    end
  end
  allowed = [common, extra];
  given = struct();
  if mod(numel(varargin), 2) ~= 0
    error('nnlab:nn_toy:option', ...
          'nn_toy: options come in Name, Value pairs, like ''N'', 100.');
  end
  for k = 1:2:numel(varargin)
    opt = varargin{k};
    if ~ischar(opt) || size(opt, 1) > 1
      error('nnlab:nn_toy:option', ...
            'nn_toy: option names must be character strings, like ''N''.');
    end
    j = find(strcmpi(opt, allowed), 1);
    if isempty(j)
      error('nnlab:nn_toy:option', ...
            'nn_toy: unknown option ''%s'' for ''%s''; its options are %s.', ...
            opt, name, strjoin(allowed, ', '));
    end
    o.(allowed{j}) = varargin{k + 1};
    given.(allowed{j}) = true;
  end

  % validate the common options
  if ~isempty(o.N) || isfield(given, 'N')
    o.N = check_whole(o.N, 'N', 1);
  end
  o.Noise = check_real(o.Noise, 'Noise', 0, Inf);
  if ~isempty(o.Seed)
    if ~isnumeric(o.Seed) || ~isscalar(o.Seed) || ~isreal(o.Seed) || ...
       o.Seed ~= fix(o.Seed) || o.Seed < 0 || o.Seed >= 2^32
      error('nnlab:nn_toy:optionValue', ...
            'nn_toy: the value of ''Seed'' must be a whole number in 0..2^32-1, or [].');
    end
    o.Seed = double(o.Seed);
  end
  if ~ischar(o.Targets) || ~any(strcmpi(o.Targets, {'labels', 'onehot', 'binary'}))
    error('nnlab:nn_toy:optionValue', ...
          'nn_toy: the value of ''Targets'' must be ''labels'', ''onehot'' or ''binary''.');
  end
  o.Targets = lower(o.Targets);

  if ~isempty(o.Seed)
    saved = rng();
    restore = onCleanup(@() rng(saved));
    rng(o.Seed, 'twister');
  end

  info = struct('name', name, 'N', 0, 'noise', o.Noise, 'seed', o.Seed);
  if isgate
    [X, T, info] = make_gate(name, o, info);
  else
    switch name
      case 'moons'
        [X, T, info] = make_moons(o, info);
      case 'circles'
        [X, T, info] = make_circles(o, info);
      case 'spirals'
        [X, T, info] = make_spirals(o, info);
      case 'blobs'
        [X, T, info] = make_blobs(o, info);
      case 'line'
        [X, T, info] = make_line(o, info);
      case 'ranking'
        [X, T, info] = make_ranking(o, info);
    end
  end
  info.N = size(X, 1);
  if isfield(info, 'K')
    info.labels = T;
    switch o.Targets
      case 'onehot'
        T = nn_onehot(T, info.K);
      case 'binary'
        if info.K ~= 2
          error('nnlab:nn_toy:optionValue', ...
                'nn_toy: ''Targets'', ''binary'' needs two classes, but ''%s'' has %d.', ...
                name, info.K);
        end
        T = T - 1;
    end
  end
end

% ---------------------------------------------------------------- the sets

function [X, T, info] = make_gate(name, o, info)
  [X, t] = nn_logic_data(name);
  X = double(X);
  t = double(t(:));
  if all(t == 0 | t == 1)
    t = t + 1;
  elseif all(t == -1 | t == 1)
    t = (t > 0) + 1;
  else
    error('nnlab:nn_toy:state', ...
          'nn_toy: nn_logic_data(''%s'') returned targets that are not 0/1.', name);
  end
  rows = size(X, 1);
  if ~isempty(o.N)
    pick = mod(0:o.N - 1, rows)' + 1;
    X = X(pick, :);
    t = t(pick);
  end
  if o.Noise > 0
    X = X + o.Noise * randn(size(X));
  end
  T = t;
  info.K = 2;
end

function [X, T, info] = make_moons(o, info)
  need_classes(o.N, 2);
  nout = floor(o.N / 2);
  nin = o.N - nout;
  a = linspace(0, pi, nout)';
  b = linspace(0, pi, nin)';
  X = [cos(a), sin(a); 1 - cos(b), 0.5 - sin(b)];
  X = X + o.Noise * randn(size(X));
  T = [ones(nout, 1); 2 * ones(nin, 1)];
  info.K = 2;
end

function [X, T, info] = make_circles(o, info)
  need_classes(o.N, 2);
  o.Factor = check_real(o.Factor, 'Factor', 0, 1);
  if o.Factor == 0 || o.Factor == 1
    error('nnlab:nn_toy:optionValue', ...
          'nn_toy: the value of ''Factor'' must lie strictly between 0 and 1.');
  end
  nout = floor(o.N / 2);
  nin = o.N - nout;
  a = 2 * pi * (0:nout - 1)' / nout;
  b = 2 * pi * (0:nin - 1)' / nin;
  X = [cos(a), sin(a); o.Factor * cos(b), o.Factor * sin(b)];
  X = X + o.Noise * randn(size(X));
  T = [ones(nout, 1); 2 * ones(nin, 1)];
  info.K = 2;
end

function [X, T, info] = make_spirals(o, info)
  K = check_whole(o.K, 'K', 2);
  turns = check_real(o.Turns, 'Turns', 0, Inf);
  if isempty(o.N)
    o.N = 100 * K;
  end
  need_classes(o.N, K);
  n = class_sizes(o.N, K);
  X = zeros(o.N, 2);
  T = zeros(o.N, 1);
  first = 0;
  for k = 1:K
    r = (1:n(k))' / n(k);
    a = 2 * pi * (k - 1) / K + 2 * pi * turns * r;
    rows = first + (1:n(k));
    X(rows, :) = [r .* cos(a), r .* sin(a)];
    T(rows) = k;
    first = first + n(k);
  end
  X = X + o.Noise * randn(size(X));
  info.K = K;
  info.turns = turns;
end

function [X, T, info] = make_blobs(o, info)
  C = o.Centers;
  if ~isempty(C)
    if ~isnumeric(C) || ~isreal(C) || ndims(C) ~= 2 || any(~isfinite(C(:)))
      error('nnlab:nn_toy:optionValue', ...
            'nn_toy: the value of ''Centers'' must be a K x D matrix of finite numbers.');
    end
    C = double(C);
    if ~isempty(o.K) && check_whole(o.K, 'K', 1) ~= size(C, 1)
      error('nnlab:nn_toy:optionValue', ...
            'nn_toy: ''K'' is %d but ''Centers'' has %d rows (one per class).', ...
            o.K, size(C, 1));
    end
    K = size(C, 1);
  else
    if isempty(o.K)
      o.K = 3;
    end
    K = check_whole(o.K, 'K', 1);
    a = 2 * pi * (0:K - 1)' / K;
    C = max(3, K) * [cos(a), sin(a)];
  end
  if isempty(o.N)
    o.N = 100 * K;
  end
  need_classes(o.N, K);
  n = class_sizes(o.N, K);
  T = zeros(o.N, 1);
  first = 0;
  for k = 1:K
    T(first + (1:n(k))) = k;
    first = first + n(k);
  end
  X = C(T, :) + o.Noise * randn(o.N, size(C, 2));
  info.K = K;
  info.centers = C;
end

function [X, T, info] = make_line(o, info)
  slope = check_real(o.Slope, 'Slope', -Inf, Inf);
  intercept = check_real(o.Intercept, 'Intercept', -Inf, Inf);
  frac = check_real(o.Outliers, 'Outliers', 0, 1);
  size_ = check_real(o.OutlierSize, 'OutlierSize', 0, Inf);
  X = sort(2 * rand(o.N, 1) - 1);
  T = slope * X + intercept + o.Noise * randn(o.N, 1);
  nout = round(frac * o.N);
  pick = randperm(o.N);
  pick = pick(1:nout);
  T(pick) = T(pick) + size_ * (1 + rand(nout, 1));
  info.slope = slope;
  info.intercept = intercept;
  info.outliers = false(o.N, 1);
  info.outliers(pick) = true;
end

function [X, T, info] = make_ranking(o, info)
  Q = check_whole(o.Queries, 'Queries', 1);
  D = check_whole(o.D, 'D', 1);
  L = check_whole(o.Levels, 'Levels', 2);
  ties = o.Ties;
  if ~isscalar(ties) || ~(islogical(ties) || isnumeric(ties)) || ~(ties == 0 || ties == 1)
    error('nnlab:nn_toy:optionValue', 'nn_toy: the value of ''Ties'' must be true or false.');
  end
  ties = logical(ties);
  if isempty(o.N)
    o.N = 10 * Q;
  end
  if o.N < Q
    error('nnlab:nn_toy:optionValue', ...
          'nn_toy: ''N'' (%d documents) must be at least ''Queries'' (%d), one document per query.', ...
          o.N, Q);
  end
  n = class_sizes(o.N, Q);
  qid = zeros(o.N, 1);
  first = 0;
  for q = 1:Q
    qid(first + (1:n(q))) = q;
    first = first + n(q);
  end
  w = randn(D, 1);
  w = w / norm(w);
  X = randn(o.N, D);
  s = X * w + o.Noise * randn(o.N, 1);
  % P(grade >= g) = 2^-g for g = 1..L-1 (the last two grades equally likely)
  p = 1 - 2 .^ -(1:L - 1);
  cuts = -sqrt(2) * erfcinv(2 * p) * sqrt(1 + o.Noise ^ 2);
  T = sum(s > cuts, 2);
  info.qid = qid;
  info.levels = L;
  info.w = w;
  info.pairs = ranking_pairs(T, qid, ties);
  info.make_pairs = @ranking_pairs;
end

% ---------------------------------------------------------------- helpers

function P = ranking_pairs(rel, qid, ties)
  if nargin < 2
    error('nnlab:nn_toy:nargin', ...
          'make_pairs: expected the relevance grades and the query numbers, P = make_pairs(rel, qid).');
  end
  if nargin < 3
    ties = false;
  end
  if ~isnumeric(rel) || ~isnumeric(qid) || ~isreal(rel) || ~isreal(qid) || ...
     numel(rel) ~= numel(qid) || ~(isvector(rel) || isempty(rel))
    error('nnlab:nn_toy:size', ...
          'make_pairs: rel and qid must be numeric vectors of the same length.');
  end
  rel = double(rel(:));
  [~, ~, g] = unique(double(qid(:)));
  g = g(:);
  blocks = cell(max([g; 0]), 1);
  for q = 1:numel(blocks)
    idx = find(g == q);
    [J, I] = meshgrid(idx, idx);
    m = I < J;
    i = I(m);
    j = J(m);
    d = rel(i) - rel(j);
    keep = d ~= 0 | ties;
    t = double(d > 0) + 0.5 * double(d == 0);
    blocks{q} = [i(keep), j(keep), t(keep)];
  end
  P = sortrows(vertcat(zeros(0, 3), blocks{:}), [1 2]);
end

function n = class_sizes(N, K)
  n = floor(N / K) * ones(1, K);
  r = N - sum(n);
  n(1:r) = n(1:r) + 1;
end

function need_classes(N, K)
  if N < K
    error('nnlab:nn_toy:optionValue', ...
          'nn_toy: ''N'' is %d, fewer than the %d classes: give at least one example per class.', ...
          N, K);
  end
end

function v = check_whole(v, name, lo)
  if ~isnumeric(v) || ~isscalar(v) || ~isreal(v) || ~isfinite(v) || v ~= fix(v) || v < lo
    error('nnlab:nn_toy:optionValue', ...
          'nn_toy: the value of ''%s'' must be a whole number >= %d.', name, lo);
  end
  v = double(v);
end

function v = check_real(v, name, lo, hi)
  if ~isnumeric(v) || ~isscalar(v) || ~isreal(v) || isnan(v) || v < lo || v > hi || ...
     (isinf(v) && ~(isinf(lo) && isinf(hi)))
    if isinf(lo) && isinf(hi)
      range = 'a finite real number';
    elseif isinf(hi)
      range = sprintf('a finite number >= %g', lo);
    else
      range = sprintf('a number in [%g, %g]', lo, hi);
    end
    error('nnlab:nn_toy:optionValue', 'nn_toy: the value of ''%s'' must be %s.', name, range);
  end
  if isinf(v)
    error('nnlab:nn_toy:optionValue', 'nn_toy: the value of ''%s'' must be finite.', name);
  end
  v = double(v);
end

%!test
%! [X, T, info] = nn_toy('moons', 'N', 30, 'Seed', 1);
%! assert(size(X), [30 2]);
%! assert(size(T), [30 1]);
%! assert(sort(unique(T))', [1 2]);
%! assert(info.K, 2);
%! [X2, T2] = nn_toy('Moons', 'n', 30, 'seed', 1);
%! assert(X2, X);
%! assert(T2, T);
%!test
%! s = rand('state');
%! z = randn('state');
%! nn_toy('blobs', 'Seed', 5);
%! nn_toy('line', 'Seed', 5);
%! assert(rand('state'), s);
%! assert(randn('state'), z);
%!test
%! [X, T] = nn_toy('spirals', 'K', 3, 'N', 31, 'Targets', 'onehot', 'Seed', 2);
%! assert(size(X), [31 2]);
%! assert(size(T), [31 3]);
%! assert(sum(T), [11 10 10]);
%!test
%! [X, t, info] = nn_toy('line', 'N', 20, 'Outliers', 0.25, 'Noise', 0, 'Seed', 3);
%! assert(size(X), [20 1]);
%! assert(sum(info.outliers), 5);
%! ok = ~info.outliers;
%! assert(t(ok), 2 * X(ok) + 1, 1e-12);
%! assert(all(t(~ok) >= 2 * X(~ok) + 1 + 2));
%!test
%! [X, rel, info] = nn_toy('ranking', 'Queries', 3, 'N', 12, 'D', 4, 'Seed', 4);
%! assert(size(X), [12 4]);
%! assert(info.qid, kron((1:3)', ones(4, 1)));
%! assert(all(rel >= 0 & rel <= 2));
%! P = info.pairs;
%! assert(all(info.qid(P(:, 1)) == info.qid(P(:, 2))));
%! assert(P(:, 3), double(rel(P(:, 1)) > rel(P(:, 2))));
%!error id=nnlab:nn_toy:nargin nn_toy()
%!error id=nnlab:nn_toy:name nn_toy('squares')
%!error id=nnlab:nn_toy:option nn_toy('moons', 'K', 3)
%!error id=nnlab:nn_toy:option nn_toy('moons', 'N')
%!error id=nnlab:nn_toy:optionValue nn_toy('moons', 'N', 0)
%!error id=nnlab:nn_toy:optionValue nn_toy('moons', 'Noise', -1)
%!error id=nnlab:nn_toy:optionValue nn_toy('blobs', 'Seed', 1.5)
%!error id=nnlab:nn_toy:optionValue nn_toy('blobs', 'K', 3, 'Targets', 'binary')
%!error id=nnlab:nn_toy:optionValue nn_toy('circles', 'Factor', 1)
