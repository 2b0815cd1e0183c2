function ck = train_checkpoint(op, file, book, net, S, info, epoch, done)
% TRAIN_CHECKPOINT  nn_train's checkpoint file.
%   train_checkpoint('write', FILE, BOOK, NET, S, INFO, EPOCH, DONE) writes
%   the whole state of a run after EPOCH, atomically (a run killed while
%   writing leaves the previous checkpoint intact), with the random streams.
%   CK = train_checkpoint('read', FILE) reads one back and checks it.
  switch op
    case 'write'
      atomic_save(file, '-binary', struct('nnlab_format', 'nnlab.checkpoint', ...
                  'nnlab_version', 1, 'fingerprint', book.fingerprint, 'epoch', epoch, 'done', done, ...
                  'net', net, 'SW', {S.W}, 'Sb', {S.b}, 'info', info, 'best', book.best, ...
                  'bestnet', book.bestnet, 'wait', book.wait, 'vperm', book.vperm, ...
                  'rand_state', rand('twister'), 'randn_state', randn('twister')), 'nn_train');
      ck = [];
    case 'read'
      ck = read(file);
  end
end

function ck = read(file)
  if ~exist(file, 'file')
    error('nnlab:nn_train:resume', 'nn_train: there is no checkpoint file %s', file);
  end
  try
    ck = load(file);
  catch err
    error('nnlab:nn_train:resume', 'nn_train: the checkpoint %s cannot be read: %s', file, err.message);
  end
  need = {'nnlab_format', 'fingerprint', 'epoch', 'done', 'net', 'SW', 'Sb', 'info', 'best', ...
          'bestnet', 'wait', 'vperm', 'rand_state', 'randn_state'};
  if ~isstruct(ck) || ~all(isfield(ck, need)) || ~strcmp(ck.nnlab_format, 'nnlab.checkpoint')
    error('nnlab:nn_train:resume', 'nn_train: %s is not a checkpoint written by nn_train', file);
  end
  try
    check_net('nn_train', ck.net);
  catch err
    error('nnlab:nn_train:resume', 'nn_train: the checkpoint %s holds a damaged network', file);
  end
end
