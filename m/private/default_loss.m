function [L, why] = default_loss(net, T)
% DEFAULT_LOSS  The loss that fits the network's output and the targets T:
%   'bce' after a sigmoid output, 'nll' after log_softmax; with linear
%   (affine) outputs 'ce' for labels 1..K and K > 1 outputs, 'bce_logits' for one
%   output and 0/1 targets; otherwise 'mse'.  What the last layer outputs,
%   its home says.  WHY says, for messages, why L was picked ("the output
%   layer is a sigmoid").
  last = net.layers(end);
  h = layer_home(last.type);
  out = h.output(last);
  K = net.sizes(end);
  if strcmp(out, 'sigmoid')
    L = 'bce';
    why = 'the output layer is a sigmoid';
  elseif strcmp(out, 'log_softmax')
    L = 'nll';
    why = 'the output layer is log_softmax';
  elseif strcmp(out, 'affine') && K > 1 && size(T, 2) == 1 && all(T == round(T)) && all(T >= 1 & T <= K)
    L = 'ce';
    why = sprintf('the %d outputs are linear and T holds class labels 1..%d', K, K);
  elseif strcmp(out, 'affine') && K == 1 && all(T(:) == 0 | T(:) == 1)
    L = 'bce_logits';
    why = 'the one output is linear and T is 0/1';
  else
    L = 'mse';
    if strcmp(out, 'affine') && K > 1
      why = sprintf('the %d outputs are linear and T is not one column of class labels 1..%d', K, K);
    elseif strcmp(out, 'affine')
      why = 'the one output is linear and T is not 0/1';
    elseif ~isempty(out)
      why = sprintf('the output layer is %s, which fits no classification loss', out);
    else
      why = sprintf('the last layer is %s', last.type);
    end
  end
end
