function check_targets(fn, net, T, loss, why, labels, name)
% CHECK_TARGETS  Do the targets T (N rows, full; called NAME in messages,
%   default 'T') fit the output of NET (N x K) for LOSS, picked by
%   default_loss because of WHY ('' when the user named it)?  One column of
%   labels is what 'ce' and 'nll' take for K > 1 outputs, and what any loss
%   takes when LABELS is true (nn_cost makes one-hot rows of them): then
%   every entry must be a class 1..K (nnlab:FN:label when LABELS, else
%   nnlab:FN:domain, the kernel's id); else T must be N x K (nnlab:FN:size).
%   Each message says what was picked and the likely fix: 'Loss', 'ce' for
%   labels 1..K, T + 1 for 0-based labels ("Octave counts classes from 1"),
%   an output layer of as many units as classes.  'categorical' is 'ce'
%   under its likelihood's name; 'gaussian' and 'laplace' also take T of
%   half the output's columns (the network predicts [mean, log variance]
%   or [location, log scale]).  Ranking losses are checked elsewhere
%   (predict_pairs).
  if any(strcmp(loss, {'margin_ranking', 'pairwise_logistic'}))
    return
  end
  if nargin < 7
    name = 'T';
  end
  K = net.sizes(end);
  [N, C] = size(T);
  if isempty(why)
    picked = sprintf('loss ''%s''', loss);
  else
    picked = sprintf('loss ''%s'' (picked because %s)', loss, why);
  end
  if any(strcmp(loss, {'gaussian', 'laplace'})) && C > 0 && K == 2 * C
    return
  end
  if C == 1 && K > 1 && (labels || any(strcmp(loss, {'ce', 'nll', 'categorical'})))
    bad = ~(T == round(T) & T >= 1 & T <= K);
    if any(bad)
      i = find(bad, 1);
      if labels
        [id, head] = deal('label', sprintf(['%s has one column for a network with %d outputs, so it must ' ...
                          'hold class labels 1..%d'], name, K, K));
      else
        [id, head] = deal('domain', sprintf('%s takes class labels 1..%d in %s''s one column', picked, K, name));
      end
      if T(i) ~= 0
        head = sprintf('%s, but %s(%d) = %s.', head, name, i, num2str(T(i)));
      else
        head = [head ';'];
      end
      error(['nnlab:' fn ':' id], '%s: %s %s', fn, head, label_fix(net, T, name, K, ''));
    end
  elseif C ~= K
    if C == 1 && all(T == round(T) & T >= 0)
      fix = label_fix(net, T, name, K, loss);
    else
      fix = sprintf(['%s must have one column per output unit: give the network an output layer ' ...
                     'of %d unit%s, or %s %d columns.'], name, C, repmat('s', 1, C > 1), name, K);
    end
    error(['nnlab:' fn ':size'], ['%s: the network''s output is %dx%d (%d units) but %s is %dx%d, ' ...
          'and %s needs %s of the output''s size. %s'], fn, N, K, K, name, N, C, picked, name, fix);
  end
end

function s = label_fix(net, T, name, K, loss)
% The likely fix for a column T that does not fit as labels 1..K, or that
% holds labels where LOSS needs one column per output ('' : no advice on
% the loss).
  whole = all(T == round(T) & T >= 0);
  hi = max(T);
  zero = find(T == 0, 1);
  if whole && ~isempty(zero)
    s = sprintf('%s(%d) is 0, but Octave counts classes from 1: use %s + 1 (classes 1..%d)', ...
                name, zero, name, hi + 1);
    n = hi + 1;
  elseif whole
    s = sprintf('%s looks like class labels up to %d', name, hi);
    n = max(hi, K);
  else
    s = sprintf('class labels are whole numbers from 1 to %d', K);
    n = K;
  end
  if n ~= K
    s = sprintf('%s, and for %d classes the network needs an output layer of %d units', s, n, n);
  end
  if ~isempty(loss)
    last = net.layers(end);
    h = layer_home(last.type);
    if strcmp(h.output(last), 'affine')
      s = sprintf('%s; with labels give ''Loss'', ''ce'' (or leave ''Loss'' out)', s);
    else
      s = sprintf('%s; or give one-hot targets, nn_onehot(%s, %d)', s, name, n);
    end
  end
  s = [s '.'];
end
