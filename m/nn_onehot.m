% -*- texinfo -*-
% @deftypefn  {} {@var{Y} =} nn_onehot (@var{y})
% @deftypefnx {} {@var{Y} =} nn_onehot (@var{y}, @var{K})
% @deftypefnx {} {@var{Y} =} nn_onehot (@dots{}, 'Class', @var{cls})
% One-hot encode class labels: @code{Y(i,k) = 1} if @code{y(i) == k}, else 0.
%
% @var{y} is a vector of N labels, integers in 1..@var{K} (a row vector is
% taken as a column).  @var{K} is the number of classes, by default
% @code{max (y)}; give it when some class may be absent from @var{y} (e.g.
% @code{nn_onehot (y, 10)} for Fashion-MNIST).  @var{Y} is N x @var{K}, one row
% per example, the target form of the @qcode{'softmax_ce'}-style losses.
%
% For 0-based labels (0..@var{K}-1) encode @code{y + 1}.  For binary losses
% with one output, the 0/1 target of labels 1..2 is @code{y - 1}, not a
% one-hot matrix.
%
% Option (Name/Value, case-insensitive): @qcode{'Class'}, @qcode{'double'}
% (default) or @qcode{'single'}, the class of @var{Y}.
%
% The inverse is @code{nn_onehot_decode}.
%
% Example:
% @example
% @group
% nn_onehot ([2; 1; 3])
%   @result{} 0 1 0
%      1 0 0
%      0 0 1
% @end group
% @end example
% @seealso{nn_onehot_decode, nn_toy, nn_fashion_mnist}
% @end deftypefn

function Y = nn_onehot(y, varargin)
  if nargin < 1
    error('nnlab:nn_onehot:nargin', ...
          'nn_onehot: expected the labels Y, then optionally the number of classes K.');
  end
  args = varargin;
  K = [];
  if mod(numel(args), 2) == 1
    K = args{1};
    args(1) = [];
    if ~isnumeric(K) || ~isscalar(K) || ~isreal(K) || K ~= fix(K) || K < 0 || ~isfinite(K)
      error('nnlab:nn_onehot:size', ...
            'nn_onehot: K, the number of classes, must be a non-negative whole number.');
    end
    K = double(K);
  end
  o = parse_options('nn_onehot', struct('Class', 'double'), args);
  cls = class_option('nn_onehot', o.Class);
  if ~(isnumeric(y) || islogical(y)) || ~isreal(y)
    error('nnlab:nn_onehot:class', ...
          'nn_onehot: the labels Y must be real numbers (whole numbers 1..K).');
  end
  if ~isempty(y) && ~isvector(y)
    error('nnlab:nn_onehot:size', ...
          'nn_onehot: the labels Y must be a vector (N x 1), not a %s matrix.', ...
          size_string(size(y)));
  end
  check_array('nn_onehot', y, 'Y');          % sparse: nnlab:nn_onehot:sparse
  y = double(y(:));
  if any(y ~= fix(y)) || any(~isfinite(y)) || any(y < 1)
    error('nnlab:nn_onehot:domain', ...
          ['nn_onehot: the labels Y must be whole numbers 1..K; for 0-based ', ...
           'labels use nn_onehot(y + 1).']);
  end
  if isempty(K)
    if isempty(y)
      K = 0;
    else
      K = max(y);
    end
  elseif any(y > K)
    error('nnlab:nn_onehot:domain', ...
          'nn_onehot: a label is %d but K is %d: labels must lie in 1..K.', max(y), K);
  end
  n = numel(y);
  Y = zeros(n, K, cls);
  Y((y - 1) * n + (1:n)') = 1;
end

function s = size_string(sz)
  s = sprintf('%dx', sz);
  s = s(1:end - 1);
end

%!assert(nn_onehot([2; 1; 3]), [0 1 0; 1 0 0; 0 0 1])
%!assert(nn_onehot([1 2], 4), [1 0 0 0; 0 1 0 0])
%!assert(nn_onehot(zeros(0, 1), 3), zeros(0, 3))
%!assert(nn_onehot(zeros(0, 1)), zeros(0, 0))
%!assert(class(nn_onehot(int8([1; 2]), 'class', 'Single')), 'single')
%!assert(nn_onehot(uint8([3; 1]), 3, 'Class', 'single'), single([0 0 1; 1 0 0]))
%!test
%! y = [3; 1; 2; 3; 3];
%! assert(nn_onehot_decode(nn_onehot(y)), y);
%!error id=nnlab:nn_onehot:nargin nn_onehot()
%!error id=nnlab:nn_onehot:domain nn_onehot([0; 1])
%!error id=nnlab:nn_onehot:domain nn_onehot([1.5; 1])
%!error id=nnlab:nn_onehot:domain nn_onehot([1; 5], 4)
%!error id=nnlab:nn_onehot:size nn_onehot([1 2; 2 1])
%!error id=nnlab:nn_onehot:class nn_onehot({1, 2})
%!error id=nnlab:nn_onehot:size nn_onehot([1; 2], 2.5)
%!error id=nnlab:nn_onehot:option nn_onehot([1; 2], 2, 'Type', 'single')
%!error id=nnlab:nn_onehot:optionValue nn_onehot([1; 2], 'Class', 'int32')
