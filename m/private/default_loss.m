function L = default_loss(net, T)
% DEFAULT_LOSS  The loss that fits the network's output and the targets T:
%   'bce' after a sigmoid output, 'nll' after log_softmax; with linear
%   (affine) outputs 'ce' for labels 1..K and K > 1 outputs, 'bce_logits' for one
%   output and 0/1 targets; otherwise 'mse'.  What the last layer outputs,
%   its home says.
  last = net.layers(end);
  h = layer_home(last.type);
  out = h.output(last);
  K = net.sizes(end);
  if strcmp(out, 'sigmoid')
    L = 'bce';
  elseif strcmp(out, 'log_softmax')
    L = 'nll';
  elseif strcmp(out, 'affine') && K > 1 && size(T, 2) == 1 && all(T == round(T)) && all(T >= 1 & T <= K)
    L = 'ce';
  elseif strcmp(out, 'affine') && K == 1 && all(T(:) == 0 | T(:) == 1)
    L = 'bce_logits';
  else
    L = 'mse';
  end
end
