function s = train_seed(seed, epoch, step)
% TRAIN_SEED  The seed of nn_train's draws at EPOCH and STEP (step 0: the
%   epoch's order; epoch 0: the validation split) from its 'Seed' ([]: none).
  if isempty(seed)
    s = [];
  else
    s = mod(double(seed) * 1000003 + epoch * 7919 + step, 2^32);
  end
end
