function [N, T] = train_part(o, T)
% TRAIN_PART  The number N of observations that train, and their targets
%   T: the rows o.rows of T (given by 'Rows', or the training part of
%   'ValidationFraction': see train_data), else all of T.
  if isempty(o.rows)
    N = size(T, 1);
  else
    N = numel(o.rows);
    if nargout > 1
      T = T(o.rows, :);
    end
  end
end
