% -*- texinfo -*-
% @deftypefn  {} {[@var{i1}, @var{i2}, @dots{}] =} nn_split (@var{N}, @var{fractions})
% @deftypefnx {} {[@dots{}] =} nn_split (@var{N}, @var{fractions}, @var{Name}, @var{Value}, @dots{})
% Split the row indices 1..@var{N} of a data set at random into parts, e.g.
% training, validation and test sets.
%
% @var{fractions} gives the share of each part, non-negative numbers with a
% sum of at most 1.  If the sum is less than 1, one more part holds the rest:
% @code{[itrain, itest] = nn_split (N, 0.8)} gives 80% and 20%, as does
% @code{nn_split (N, [0.8 0.2])}.  Part @var{k} gets
% @code{round (N * sum (fractions(1:k))) - round (N * sum (fractions(1:k-1)))}
% indices, so the sizes add up to @var{N} and each is within one of
% @code{N * fractions(k)}.
%
% Each output is a column vector of indices into the rows of the data; the
% parts are disjoint and together hold 1..@var{N} once each:
%
% @example
% @group
% [itr, iva, ite] = nn_split (size (X, 1), [0.7 0.15 0.15], 'Seed', 1);
% Xtr = X(itr,:);  Ttr = T(itr,:);
% Xva = X(iva,:);  Tva = T(iva,:);
% Xte = X(ite,:);  Tte = T(ite,:);
% @end group
% @end example
%
% Options (Name/Value, names case-insensitive):
% @table @asis
% @item 'Seed'
% a whole number in 0..2^32-1: the split is then the same at every call
% (same Octave version) and the state of the global generator of
% @code{rand}/@code{randn} is left as it was.  Default @code{[]}: draw from
% the global generator (set by @code{rng (s)}), and advance it.
% @item 'Shuffle'
% true (default) to draw the parts at random; false for consecutive blocks
% in order (1..@var{n1}, then the next @var{n2}, ...), e.g. for a time series
% or a fixed test set at the end.  The indices of each part are in random
% order when shuffled, ascending otherwise.
% @item 'Stratify'
% a vector of @var{N} class labels: each part then gets the share
% @var{fractions} of each class (split class by class), so that the class
% proportions stay the same in every part.
% @end table
%
% Asking for fewer outputs than parts drops the last parts.  For a split by
% groups (e.g. the queries of a ranking set), split the group numbers and
% take the rows of the chosen groups:
%
% @example
% @group
% g = unique (qid);
% [a, b] = nn_split (numel (g), 0.8, 'Seed', 1);
% itr = find (ismember (qid, g(a)));  ite = find (ismember (qid, g(b)));
% @end group
% @end example
% @seealso{nn_standardize, nn_toy}
% @end deftypefn

function varargout = nn_split(N, fractions, varargin)
  if nargin < 2
    error('nnlab:nn_split:nargin', ...
          'nn_split: expected at least two arguments, N and the fractions of the parts.');
  end
  if ~isnumeric(N) || ~isscalar(N) || ~isreal(N) || ~isfinite(N) || N < 0 || N ~= fix(N)
    error('nnlab:nn_split:size', ...
          'nn_split: N, the number of examples, must be a non-negative whole number.');
  end
  N = double(N);
  if ~isnumeric(fractions) || ~isreal(fractions) || isempty(fractions) || ~isvector(fractions)
    error('nnlab:nn_split:fractions', ...
          'nn_split: the fractions must be a non-empty vector of numbers, like [0.7 0.15 0.15].');
  end
  f = double(fractions(:)');
  if any(~isfinite(f)) || any(f < 0)
    error('nnlab:nn_split:fractions', ...
          'nn_split: the fractions must be finite and non-negative.');
  end
  total = sum(f);
  if total > 1 + 1e-9
    error('nnlab:nn_split:fractions', ...
          'nn_split: the fractions add up to %g, more than 1.', total);
  end
  full_split = total >= 1 - 1e-9;
  nparts = numel(f) + ~full_split;

  seed = [];
  shuffle = true;
  strata = [];
  if mod(numel(varargin), 2) ~= 0
    error('nnlab:nn_split:option', ...
          'nn_split: options come in Name, Value pairs, like ''Seed'', 1.');
  end
  for k = 1:2:numel(varargin)
    name = varargin{k};
    value = varargin{k + 1};
    if ~ischar(name) || size(name, 1) > 1
      error('nnlab:nn_split:option', ...
            'nn_split: option names must be character strings, like ''Seed''.');
    end
    switch lower(name)
      case 'seed'
        if ~isempty(value) && (~isnumeric(value) || ~isscalar(value) || ~isreal(value) ...
                               || value ~= fix(value) || value < 0 || value >= 2^32)
          error('nnlab:nn_split:optionValue', ...
                'nn_split: the value of ''Seed'' must be a whole number in 0..2^32-1, or [].');
        end
        seed = double(value);
      case 'shuffle'
        if ~isscalar(value) || ~(islogical(value) || isnumeric(value)) || ...
           ~(value == 0 || value == 1)
          error('nnlab:nn_split:optionValue', ...
                'nn_split: the value of ''Shuffle'' must be true or false.');
        end
        shuffle = logical(value);
      case 'stratify'
        if ~(isnumeric(value) || islogical(value)) || ~isreal(value) || ...
           numel(value) ~= N || (N > 0 && ~isvector(value))
          error('nnlab:nn_split:optionValue', ...
                'nn_split: the value of ''Stratify'' must be a vector of N = %d class labels.', N);
        end
        strata = double(value(:));
        if any(isnan(strata))
          error('nnlab:nn_split:optionValue', ...
                'nn_split: the labels of ''Stratify'' must not be NaN.');
        end
      otherwise
        error('nnlab:nn_split:option', ...
              'nn_split: unknown option ''%s''; the options are ''Seed'', ''Shuffle'' and ''Stratify''.', ...
              name);
    end
  end
  if nargout > nparts
    error('nnlab:nn_split:nargout', ...
          'nn_split: the fractions give %d parts but %d outputs were asked for.', ...
          nparts, nargout);
  end

  if ~isempty(seed)
    saved = rng();
    restore = onCleanup(@() rng(saved));
    rng(seed, 'twister');
  end

  parts = cell(1, nparts);
  for p = 1:nparts
    parts{p} = zeros(0, 1);
  end
  if isempty(strata)
    groups = {(1:N)'};
  else
    [~, ~, g] = unique(strata);
    g = g(:);
    groups = cell(1, max([g; 0]));
    for c = 1:numel(groups)
      groups{c} = find(g == c);
    end
  end
  for c = 1:numel(groups)
    idx = groups{c};
    n = numel(idx);
    if shuffle
      idx = idx(randperm(n));
    end
    b = round(cumsum(f) * n);
    if full_split
      b(end) = n;
    else
      b(end + 1) = n; %#ok<AGROW>
    end
    b = [0, b];
    for p = 1:nparts
      parts{p} = [parts{p}; idx(b(p) + 1:b(p + 1))];
    end
  end
  for p = 1:nparts
    if shuffle && numel(groups) > 1
      parts{p} = parts{p}(randperm(numel(parts{p})));
    elseif ~shuffle
      parts{p} = sort(parts{p});
    end
  end
  varargout = parts(1:max(nargout, 1));
end

%!test
%! [a, b, c] = nn_split(20, [0.5 0.25 0.25], 'Seed', 3);
%! assert(size(a), [10 1]);
%! assert(size(b), [5 1]);
%! assert(size(c), [5 1]);
%! assert(sort([a; b; c]), (1:20)');
%!test
%! [a, b] = nn_split(10, 0.7, 'Seed', 1);
%! assert(numel(a), 7);
%! assert(numel(b), 3);
%! [a2, b2] = nn_split(10, 0.7, 'seed', 1);
%! assert(a2, a);
%! assert(b2, b);
%!test
%! [a, b] = nn_split(5, [0.6 0.4], 'Shuffle', false);
%! assert(a, [1; 2; 3]);
%! assert(b, [4; 5]);
%!test
%! s = rand('state');
%! z = randn('state');
%! nn_split(100, 0.5, 'Seed', 7);
%! assert(rand('state'), s);
%! assert(randn('state'), z);
%!test
%! y = [ones(8, 1); 2 * ones(4, 1)];
%! [a, b] = nn_split(12, 0.5, 'Stratify', y, 'Seed', 2);
%! assert(sum(y(a) == 1), 4);
%! assert(sum(y(a) == 2), 2);
%! assert(sort([a; b]), (1:12)');
%!test
%! [a, b] = nn_split(0, [0.5 0.5]);
%! assert(size(a), [0 1]);
%! assert(size(b), [0 1]);
%!error id=nnlab:nn_split:nargin nn_split(10)
%!error id=nnlab:nn_split:size nn_split(-1, 0.5)
%!error id=nnlab:nn_split:size nn_split(2.5, 0.5)
%!error id=nnlab:nn_split:fractions nn_split(10, [0.7 0.4])
%!error id=nnlab:nn_split:fractions nn_split(10, [-0.1 0.5])
%!error id=nnlab:nn_split:nargout [a, b, c] = nn_split(10, [0.3 0.7])
%!error id=nnlab:nn_split:option nn_split(10, 0.5, 'Sed', 1)
%!error id=nnlab:nn_split:option nn_split(10, 0.5, 'Seed')
%!error id=nnlab:nn_split:optionValue nn_split(10, 0.5, 'Seed', -1)
%!error id=nnlab:nn_split:optionValue nn_split(10, 0.5, 'Shuffle', 2)
%!error id=nnlab:nn_split:optionValue nn_split(10, 0.5, 'Stratify', [1 2 3])
