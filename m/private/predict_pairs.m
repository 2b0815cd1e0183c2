function Y = predict_pairs(net, X, fn, name)
% PREDICT_PAIRS  Scores of item pairs: X = [Xa Xb] (N x 2*in, called NAME in
%   messages, default 'X'; checked by check_array), Y = [f(Xa) f(Xb)].
  if nargin < 4
    name = 'X';
  end
  check_array(fn, X, name, true);
  in = net.sizes(1);
  if net.sizes(end) ~= 1 || size(X, 2) ~= 2 * in
    error(['nnlab:' fn ':size'], ['%s: a ranking loss scores pairs: the network needs one output ', ...
          'and %s two items side by side (%d = 2 x %d columns), but it has %d'], fn, name, 2 * in, in, size(X, 2));
  end
  Y = [nn_predict(net, X(:, 1:in)), nn_predict(net, X(:, in + 1:end))];
end
