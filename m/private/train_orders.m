function P = train_orders(o, N, first, C)
% TRAIN_ORDERS  The orders of nn_train's epochs first..first+C-1, one a
%   column, 0-based as nn_fit takes them: randperm per epoch (with a seed,
%   epoch e's order is the randperm that follows rand('twister',
%   train_seed(seed, e, 0)), made by nn_fit('orders', ...) in C, which
%   leaves the user's stream as it was; see lib/nn_orders.h), or for a few
%   observations and many epochs without a seed its Knuth shuffle of
%   rand(N, C) in one go (the same numbers).
  if o.Shuffle && ~isempty(o.Seed)
    P = nn_fit('orders', N, train_seed(o.Seed, first:first + C - 1, 0));
  else
    P = orders(o, N, C);
  end
end

function P = orders(o, N, C)
% The orders without a seed: from the user's stream.
  if ~o.Shuffle
    P = repmat((0:N - 1)', 1, C);
  elseif N < C
    R = rand(N, C);
    P = repmat((0:N - 1)', 1, C);
    cols = (0:C - 1) * N;
    for i = 1:N
      a = i + cols;
      b = i + floor(R(i, :) * (N - i + 1)) + cols;
      t = P(a);
      P(a) = P(b);
      P(b) = t;
    end
  elseif C == 1
    P = randperm(N).' - 1;
  else
    P = zeros(N, C);
    for j = 1:C
      P(:, j) = randperm(N) - 1;
    end
  end
end
