function d = grade_data(seed, count)
% GRADE_DATA  nn_grade's test cases, drawn with rand/randn seeded by SEED.
%   D = grade_data(SEED, COUNT): D.cost(c), c = 1..COUNT, small sigmoid
%   networks of the course's shape (fields n, h, K, m, theta, X, y, lambda);
%   D.sg the inputs of sigmoidGradient; D.pred(c) Theta1, Theta2, X for
%   predict; D.init the sizes [L_in L_out] for randInitializeWeights.  The
%   shapes are all different and not square, so that a reshape in the wrong
%   order or a missing transpose shows, and every lambda is > 0.
  d = seeded(seed, @() draw(count));
end

function d = draw(count)
  shapes = [3 5 4 12; 4 3 3 10; 2 6 5 14; 5 4 3 11; 3 7 4 9];
  lambdas = [1.5 0.8 3 2.2 1.1];
  % the helpers' cases first, so that they do not depend on COUNT
  d = struct();
  d.sg = {0, linspace(-6, 6, 9), [-4 -1 0 1 4; 10 -10 0.5 -0.5 2; randn(1, 5)]};
  pshapes = [4 6 5 40; 3 4 3 30];
  for c = 1:rows(pshapes)
    [n, h, K, m] = deal(pshapes(c, 1), pshapes(c, 2), pshapes(c, 3), pshapes(c, 4));
    d.pred(c) = struct('Theta1', 2 * (2 * rand(h, n + 1) - 1), 'Theta2', 2 * (2 * rand(K, h + 1) - 1), ...
                       'X', 2 * randn(m, n));
  end
  d.init = [3 5; 25 10; 400 25];
  for c = 1:count
    if c <= rows(shapes)
      s = shapes(c, :);
      lambda = lambdas(c);
    else
      s = [1 + randi(5), 1 + randi(6), 2 + randi(3), 7 + randi(9)];
      lambda = 0.5 + 2.5 * rand();
    end
    [n, h, K, m] = deal(s(1), s(2), s(3), s(4));
    T1 = 0.9 * (2 * rand(h, n + 1) - 1);
    T2 = 0.9 * (2 * rand(K, h + 1) - 1);
    X = randn(m, n);
    y = mod(randperm(m) - 1, K)' + 1;          % every class, in a random order
    d.cost(c) = struct('n', n, 'h', h, 'K', K, 'm', m, 'theta', [T1(:); T2(:)], ...
                       'X', X, 'y', y, 'lambda', lambda);
  end
end
