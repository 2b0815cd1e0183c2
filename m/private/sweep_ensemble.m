function out = sweep_ensemble(what, E, X, varargin)
% SWEEP_ENSEMBLE  nn_predict and nn_evaluate of an ensemble E (nn_ensemble):
%   sweep_ensemble('predict', E, X) averages the members' probabilities
%   (classification) or outputs (regression);
%   sweep_ensemble('evaluate', E, X, T, name, value, ...) evaluates that
%   average as nn_evaluate does, with the loss of the average ('nll' of its
%   log for several classes, 'bce' for one output, else the members' loss).
  fn = ['nn_' what];
  if ~(isfield(E, 'members') && iscell(E.members) && ~isempty(E.members) && isfield(E, 'loss'))
    error(['nnlab:' fn ':net'], '%s: this ensemble has no members; build one with nn_ensemble', fn);
  end
  Y = 0;
  for m = 1:numel(E.members)
    net = E.members{m};
    Z = double(nn_predict(net, X));
    if strcmp(E.kind, 'classification')
      switch E.loss
        case 'ce'
          Z = double(nn_act(Z, 'softmax'));
        case 'bce_logits'
          Z = 1 ./ (1 + exp(-Z));
        case 'nll'
          Z = exp(Z);
      end
    end
    Y = Y + Z;
  end
  Y = Y / numel(E.members);
  if strcmp(what, 'predict')
    out = Y;
    return
  end
  T = varargin{1};
  loss = E.loss;
  if strcmp(E.kind, 'classification')
    if size(Y, 2) > 1
      loss = 'nll';
      Y = log(max(Y, realmin));
    else
      loss = 'bce';
    end
  end
  % the average, through a network that passes its input on unchanged
  % (an identity dense layer: x*1 + 0 is x, bit for bit)
  K = size(Y, 2);
  id = nn_sequential(K, nn_layer('dense', K));
  id.layers(1).W = eye(K);
  id.layers(1).b = zeros(K, 1);
  args = varargin(2:end);
  k = find(strcmpi(args(1:2:end), 'Loss'));
  if ~isempty(k)
    args([2 * k - 1, 2 * k]) = [];
  end
  out = nn_evaluate(id, Y, T, 'Loss', loss, args{:});
  out.members = numel(E.members);
end
