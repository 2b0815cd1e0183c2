% -*- texinfo -*-
% @deftypefn  {} {@var{ndcg} =} nn_ndcg (@var{S}, @var{R})
% @deftypefnx {} {@var{ndcg} =} nn_ndcg (@var{S}, @var{R}, @var{qid})
% @deftypefnx {} {@var{ndcg} =} nn_ndcg (@var{S}, @var{R}, @var{qid}, @var{k})
% @deftypefnx {} {@var{ndcg} =} nn_ndcg (@dots{}, @var{name}, @var{value}, @dots{})
% @deftypefnx {} {[@var{ndcg}, @var{perquery}, @var{queries}] =} nn_ndcg (@dots{})
% Normalised discounted cumulative gain at rank k (NDCG@@k), averaged over
% queries: how well a ranking by the scores puts the relevant documents
% first.
%
% Each row is one (query, document) pair: @var{S} (N x 1) is the score the
% model gives the document, @var{R} (N x 1) its true relevance grade (0 =
% irrelevant, 1, 2, @dots{}; any real number >= 0), @var{qid} (N x 1) the
% query it belongs to (any numbers; the rows of a query need not be
% adjacent).  Omit @var{qid} or give @code{[]} for a single query.  The
% documents of each query are sorted by decreasing score, and with the
% standard (LETOR, Burges et al.) gain and discount
%
% @example
% DCG@@k  = sum over ranks i = 1..min(k, n) of (2^r(i) - 1) / log2(i + 1)
% NDCG@@k = DCG@@k / IDCG@@k
% @end example
%
% where r(i) is the relevance of the document at rank i and IDCG@@k is the
% DCG@@k of the ideal order (by decreasing relevance), so that NDCG@@k lies
% in [0, 1] and is 1 for a perfect ranking.  @var{k} (default @code{Inf}:
% all documents) is a whole number >= 1 or a vector of them; @var{ndcg} then
% has one value per element of @var{k}.  A query with fewer than @var{k}
% documents is scored over all of them.
%
% @var{perquery} is Q x numel(@var{k}), the NDCG of each query, whose ids
% are @var{queries} (Q x 1, sorted).
%
% Options (names and values are case-insensitive):
% @table @asis
% @item @qcode{'Ties'}
% how documents with equal scores are ordered: @qcode{'pessimistic'}
% (default; the less relevant first, so that a constant score earns no
% credit from a lucky input order) or @qcode{'order'} (their order in the
% input, as a stable sort).
% @item @qcode{'EmptyQueries'}
% what a query without any relevant document (all @var{R} = 0, so
% IDCG = 0) counts as: @qcode{'skip'} (default; left out of the mean, NaN
% in @var{perquery}; @var{ndcg} is NaN when every query is empty),
% @qcode{'one'} (counts as 1, as LightGBM) or @qcode{'zero'} (counts as 0,
% as scikit-learn).
% @item @qcode{'Gain'}
% @qcode{'exponential'} (default, 2^r - 1) or @qcode{'linear'} (r, as
% scikit-learn's @code{ndcg_score}).
% @end table
%
% Example:
% @example
% @group
% S = [0.9; 0.1; 0.5];  R = [0; 2; 1];      % one query of three documents
% nn_ndcg (S, R)       % ranks: r = 0, 1, 2; ideal: 2, 1, 0
%   @result{} 0.5869     % (1/log2(3) + 3/2) / (3 + 1/log2(3))
% nn_ndcg ([3; 2; 1; 2; 1], [2; 0; 1; 1; 0], [1; 1; 1; 2; 2], 2)
%   @result{} 0.9131     % mean of 0.8262 (query 1) and 1 (query 2)
% @end group
% @end example
%
% @seealso{nn_roc}
% @end deftypefn
function [ndcg, perquery, queries] = nn_ndcg(S, R, qid, k, varargin)

  fn = 'nn_ndcg';
  if nargin < 2
    error(['nnlab:' fn ':nargin'], ...
          ['%s: takes the scores S and the relevance R, then optionally the query ids ', ...
           'and k, but was given %d input(s). Usage: %s(S, R, qid, k)'], fn, nargin, fn);
  end
  if nargin < 3
    qid = [];
  end
  if nargin < 4
    k = [];
  end
  if ischar(qid) || ischar(k)
    error(['nnlab:' fn ':nargin'], ...
          ['%s: options come after the query ids and k; give [] for them if needed, ', ...
           'as in %s(S, R, [], [], ''Ties'', ''order'')'], fn, fn);
  end
  opts = parse_options(fn, struct('Ties', 'pessimistic', 'EmptyQueries', 'skip', ...
                                  'Gain', 'exponential'), varargin);
  ties = check_choice(fn, opts.Ties, 'Ties', {'pessimistic', 'order'});
  empty = check_choice(fn, opts.EmptyQueries, 'EmptyQueries', {'skip', 'one', 'zero'});
  gain = check_choice(fn, opts.Gain, 'Gain', {'exponential', 'linear'});

  check_column(fn, S, 'S');
  N = size(S, 1);
  check_column(fn, R, 'R', N);
  if isempty(qid)
    qid = ones(N, 1);
  else
    check_column(fn, qid, 'qid', N);
  end
  if isempty(k)
    k = Inf;
  end
  if ~(isnumeric(k) && isreal(k) && ~issparse(k)) || ~isvector(k) || ...
     any(isnan(k) | k < 1 | (k ~= round(k) & ~isinf(k)))
    error(['nnlab:' fn ':domain'], ...
          '%s: k must be a whole number 1 or more (or Inf, or a vector of them)', fn);
  end
  if any(isnan(S))
    error(['nnlab:' fn ':domain'], ...
          '%s: S contains NaN, which cannot be ranked (did training diverge?)', fn);
  end
  bad = find(~(R >= 0 & isfinite(R)), 1);
  if ~isempty(bad)
    error(['nnlab:' fn ':domain'], ...
          '%s: relevance grades must be finite numbers 0 or more, but R(%d) is %g', fn, bad, R(bad));
  end
  if any(isnan(qid))
    error(['nnlab:' fn ':domain'], '%s: qid contains NaN; every row must belong to a query', fn);
  end
  S = double(S);
  R = double(R);
  if strcmp(gain, 'exponential')
    G = 2 .^ R - 1;
    if any(isinf(G))
      error(['nnlab:' fn ':domain'], ...
            '%s: a relevance grade is too large for the gain 2^r - 1; use ''Gain'', ''linear''', fn);
    end
  else
    G = R;
  end

  [queries, ~, g] = unique(double(qid(:)));
  Q = numel(queries);
  % rank of each document within its query: by query, then decreasing score
  if strcmp(ties, 'pessimistic')
    [~, ord] = sortrows([g, -S, R, (1:N)']);
  else
    [~, ord] = sortrows([g, -S, (1:N)']);
  end
  [~, ideal] = sortrows([g, -R]);
  % both orders list the queries in the same blocks: position i has the same
  % query and the same rank in each
  count = accumarray(g, 1, [Q, 1]);
  start = cumsum([1; count(1:end - 1)]);
  rank = (1:N)' - start(g(ord)) + 1;
  disc = 1 ./ log2(rank + 1);
  perquery = zeros(Q, numel(k));
  for j = 1:numel(k)
    use = rank <= k(j);
    dcg = accumarray(g(ord), G(ord) .* disc .* use, [Q, 1]);
    idcg = accumarray(g(ideal), G(ideal) .* disc .* use, [Q, 1]);
    v = zeros(Q, 1);
    has = idcg > 0;
    v(has) = dcg(has) ./ idcg(has);
    switch empty
      case 'skip'
        v(~has) = NaN;
      case 'one'
        v(~has) = 1;
      otherwise
        v(~has) = 0;
    end
    perquery(:, j) = v;
  end
  ndcg = zeros(size(k));
  for j = 1:numel(k)
    v = perquery(:, j);
    v = v(~isnan(v));
    if isempty(v)
      ndcg(j) = NaN;
    else
      ndcg(j) = mean(v);
    end
  end
end

function check_column(fn, A, name, N)
% A must pass check_array and be a column (of N rows).
  check_array(fn, A, name);
  if size(A, 2) ~= 1
    error(['nnlab:' fn ':size'], ...
          '%s: %s must be a column with one row per document, but it is %s (use %s(:) for a row vector)', ...
          fn, name, mat2str(size(A)), name);
  end
  if nargin > 3 && size(A, 1) ~= N
    error(['nnlab:' fn ':size'], '%s: %s must have %d rows, one per document as S, but it has %d', ...
          fn, name, N, size(A, 1));
  end
end

function v = check_choice(fn, v, name, choices)
  if ~ischar(v) || ~any(strcmpi(v, choices))
    error(['nnlab:' fn ':optionValue'], '%s: option ''%s'' must be ''%s''', ...
          fn, name, strjoin(choices, ''' or '''));
  end
  v = lower(v);
end

%!assert(nn_ndcg([0.9; 0.1; 0.5], [0; 2; 1]), (1 / log2(3) + 3 / 2) / (3 + 1 / log2(3)), 1e-15)
%!assert(nn_ndcg([3; 2; 1; 2; 1], [2; 0; 1; 1; 0], [1; 1; 1; 2; 2], 2), (3 / (3 + 1 / log2(3)) + 1) / 2, 1e-15)
%!assert(nn_ndcg([1; 2; 3], [0; 1; 2]), 1)
%!assert(nn_ndcg([1; 1; 1], [2; 1; 0], [], [], 'Ties', 'order'), 1)
%!assert(nn_ndcg([1; 1], [1; 0]), 1 / log2(3), 1e-15)
%!assert(nn_ndcg([1; 2], [0; 0]), NaN)
%!assert(nn_ndcg([1; 2; 3; 4], [1; 0; 0; 1], [5; 7; 5; 7], 1), 0.5)
%!assert(nn_ndcg([1; 2], [0; 0], [], 1, 'EmptyQueries', 'one'), 1)
%!error id=nnlab:nn_ndcg:nargin nn_ndcg(1)
%!error id=nnlab:nn_ndcg:domain nn_ndcg([1; 2], [1; -1])
%!error id=nnlab:nn_ndcg:domain nn_ndcg([1; 2], [1; 0], [], 0)
%!error id=nnlab:nn_ndcg:size nn_ndcg([1; 2], [1; 0; 1])
%!error id=nnlab:nn_ndcg:optionValue nn_ndcg([1; 2], [1; 0], [], 1, 'Ties', 'random')
