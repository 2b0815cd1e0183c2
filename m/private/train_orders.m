function P = train_orders(o, N, first, C)
% TRAIN_ORDERS  The orders of nn_train's epochs first..first+C-1, one a
%   column, 0-based as nn_fit takes them: randperm per epoch (with a seed,
%   each epoch's randperm draws from the uniform stream seeded with
%   train_seed(seed, epoch, 0), and the user's stream is left as it was),
%   or for a few observations and many epochs without a seed its Knuth
%   shuffle of rand(N, C) in one go (the same numbers).
  if ~(o.Shuffle && ~isempty(o.Seed))
    P = orders(o, N, C, []);
    return
  end
  state = rand('twister');
  if C == 1
    % one epoch (the usual call for large data): no more code than needed
    rand('twister', train_seed(o.Seed, first, 0));
    P = randperm(N).' - 1;
    rand('twister', state);
    return
  end
  try
    P = orders(o, N, C, train_seed(o.Seed, first:first + C - 1, 0));
  catch err
    rand('twister', state);
    rethrow(err);
  end
  rand('twister', state);
end

function P = orders(o, N, C, seeds)
  if ~o.Shuffle
    P = repmat((0:N - 1)', 1, C);
  elseif isempty(seeds) && N < C
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
    if ~isempty(seeds)
      rand('twister', seeds);
    end
    P = randperm(N).' - 1;
  else
    P = zeros(N, C);
    for j = 1:C
      if ~isempty(seeds)
        rand('twister', seeds(j));
      end
      P(:, j) = randperm(N) - 1;
    end
  end
end
