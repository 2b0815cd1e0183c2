function fold = sweep_folds(N, k, seed, labels)
% SWEEP_FOLDS  The fold (1..K) of each of N observations, at random from
%   SEED; with class LABELS (N values), stratified: each class is dealt out
%   over the folds in turn, so every fold has its share of every class.
  fold = zeros(N, 1);
  if isempty(labels)
    groups = {(1:N).'};
  else
    [~, ~, g] = unique(labels(:));
    groups = arrayfun(@(c) find(g == c), 1:max(g), 'UniformOutput', false);
  end
  perm = seeded(seed, @() randperm(N));
  start = 0;
  for i = 1:numel(groups)
    idx = perm(ismember(perm, groups{i}));     % the class's rows in random order
    fold(idx) = mod(start + (0:numel(idx) - 1), k) + 1;
    start = start + numel(idx);                % the next class starts where this one ended
  end
end
