% -*- texinfo -*-
% @deftypefn  {} {@var{y} =} nn_onehot_decode (@var{Y})
% @deftypefnx {} {[@var{y}, @var{score}] =} nn_onehot_decode (@var{Y})
% @deftypefnx {} {[@dots{}] =} nn_onehot_decode (@var{Y}, 'Threshold', @var{t})
% Turn one-hot rows, probabilities or scores into class labels: the index of
% the largest entry of each row.
%
% @var{Y} is N x K (one row per example: one-hot targets, softmax
% probabilities or raw outputs of a network).  @var{y} is the N x 1 double
% vector of labels 1..K, @code{y(i) = argmax_k Y(i,k)}; on a tie the first
% largest column wins; NaN entries are ignored (a row of NaN gives 1).
% @var{score} is the N x 1 vector of those largest entries, of the class of
% @var{Y}.
%
% A single column (K = 1) is taken as the output of a binary classifier (a
% probability after a sigmoid): @code{y = 1 + (Y >= t)}, labels 1..2, with
% the threshold @var{t} of the option @qcode{'Threshold'} (default 0.5; use 0
% for raw outputs, the logits), and @var{score} is @var{Y}.  For 0/1
% predictions use @code{y - 1}.
%
% It is the inverse of @code{nn_onehot}: @code{nn_onehot_decode (nn_onehot (y))}
% is @var{y}.  Accuracy: @code{mean (nn_onehot_decode (P) == ytrue)}.
%
% Example:
% @example
% @group
% nn_onehot_decode ([0.1 0.7 0.2; 0.5 0.2 0.3])   @result{} [2; 1]
% nn_onehot_decode ([0.9; 0.2])                    @result{} [2; 1]
% @end group
% @end example
% @seealso{nn_onehot}
% @end deftypefn

function [y, score] = nn_onehot_decode(Y, varargin)
  if nargin < 1
    error('nnlab:nn_onehot_decode:nargin', ...
          'nn_onehot_decode: expected one argument, the N x K matrix Y.');
  end
  t = 0.5;
  if mod(numel(varargin), 2) ~= 0
    error('nnlab:nn_onehot_decode:option', ...
          'nn_onehot_decode: options come in Name, Value pairs, like ''Threshold'', 0.');
  end
  for k = 1:2:numel(varargin)
    name = varargin{k};
    if ~ischar(name) || size(name, 1) > 1
      error('nnlab:nn_onehot_decode:option', ...
            'nn_onehot_decode: option names must be character strings, like ''Threshold''.');
    end
    switch lower(name)
      case 'threshold'
        t = varargin{k + 1};
        if ~isnumeric(t) || ~isscalar(t) || ~isreal(t) || isnan(t)
          error('nnlab:nn_onehot_decode:optionValue', ...
                'nn_onehot_decode: the value of ''Threshold'' must be a real number.');
        end
      otherwise
        error('nnlab:nn_onehot_decode:option', ...
              'nn_onehot_decode: unknown option ''%s''; the only option is ''Threshold''.', name);
    end
  end
  if ~(isnumeric(Y) || islogical(Y)) || ~isreal(Y)
    error('nnlab:nn_onehot_decode:class', ...
          'nn_onehot_decode: Y must be a real matrix (one row of scores per example).');
  end
  if ndims(Y) > 2
    error('nnlab:nn_onehot_decode:size', ...
          'nn_onehot_decode: Y must be an N x K matrix, not an array of %d dimensions.', ...
          ndims(Y));
  end
  check_array('nn_onehot_decode', Y, 'Y');   % sparse: nnlab:nn_onehot_decode:sparse
  n = size(Y, 1);
  if size(Y, 2) == 0
    if n > 0
      error('nnlab:nn_onehot_decode:size', ...
            'nn_onehot_decode: Y has no column: it must be N x K with K >= 1.');
    end
    y = zeros(0, 1);
    score = zeros(0, 1, class(Y));
    return
  end
  if size(Y, 2) == 1
    y = 1 + double(Y >= t);
    score = Y;
    return
  end
  if n == 0
    y = zeros(0, 1);
    score = zeros(0, 1, class(Y));
    return
  end
  [score, y] = max(Y, [], 2);
  y = double(y);
end

%!assert(nn_onehot_decode([0.1 0.7 0.2; 0.5 0.2 0.3]), [2; 1])
%!assert(nn_onehot_decode([0.9; 0.2]), [2; 1])
%!assert(nn_onehot_decode([-0.1; 0.3], 'threshold', 0), [1; 2])
%!assert(nn_onehot_decode([1 1 0]), 1)
%!assert(nn_onehot_decode(zeros(0, 3)), zeros(0, 1))
%!assert(nn_onehot_decode(single([0 2 1])), 2)
%!assert(class(nn_onehot_decode(single([0 2 1]))), 'double')
%!test
%! [y, s] = nn_onehot_decode(single([3 1; 0 4]));
%! assert(y, [1; 2]);
%! assert(s, single([3; 4]));
%!test
%! y = [4; 1; 2; 2; 3];
%! assert(nn_onehot_decode(nn_onehot(y)), y);
%!error id=nnlab:nn_onehot_decode:nargin nn_onehot_decode()
%!error id=nnlab:nn_onehot_decode:class nn_onehot_decode({1})
%!error id=nnlab:nn_onehot_decode:size nn_onehot_decode(ones(2, 2, 2))
%!error id=nnlab:nn_onehot_decode:size nn_onehot_decode(zeros(2, 0))
%!error id=nnlab:nn_onehot_decode:option nn_onehot_decode([1 2], 'Threshold')
%!error id=nnlab:nn_onehot_decode:option nn_onehot_decode([1 2], 'Cutoff', 1)
%!error id=nnlab:nn_onehot_decode:optionValue nn_onehot_decode([1 2], 'Threshold', 'x')
