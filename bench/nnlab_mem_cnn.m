% nnlab_mem_cnn(cls, n) - peak memory of one epoch of task C (the CNN of
% issue 13, item 5: "peak resident memory within 1.5x of data + parameters +
% one batch's activations").  Run in a fresh Octave under /usr/bin/time -v
% (bench/run.sh does).  Prints the bytes of the data (the first N training
% images as 28 x 28 x 1 x N of class CLS, and the labels), of the parameters,
% of one batch's activations (128 images: the input and every layer's output,
% each kept for the backward pass), the resident size after loading and the
% peak resident size during training alone (VmHWM, reset after loading by
% writing 5 to /proc/self/clear_refs).  SGD lr 0.05, minibatch 128.
function nnlab_mem_cnn(cls, n)
  [Xtr, y] = nn_fashion_mnist('Class', cls);
  X = reshape(Xtr(1:n, :).', 28, 28, 1, n);
  y = y(1:n);
  clear Xtr
  net = nn_sequential([28 28 1], nn_layer('conv2d', 32, 3), 'relu', nn_layer('maxpool', 2), ...
                      nn_layer('conv2d', 64, 3), 'relu', nn_layer('maxpool', 2), ...
                      nn_layer('flatten'), nn_layer('dense', 128), 'relu', ...
                      nn_layer('dense', 10), 'Seed', 1, 'Class', cls);
  w = whos('X', 'y');
  data = sum([w.bytes]);
  es = 8;
  if strcmp(cls, 'single')
    es = 4;
  end
  params = 0;
  for k = 1:numel(net.layers)
    if isfield(net.layers(k), 'W')
      params = params + es * (numel(net.layers(k).W) + numel(net.layers(k).b));
    end
  end
  % per image: input, conv1, relu, pool, conv2, relu, pool, flatten, dense, relu, dense
  per = 784 + 2 * 26 * 26 * 32 + 13 * 13 * 32 + 2 * 11 * 11 * 64 + 2 * 5 * 5 * 64 + 2 * 128 + 10;
  acts = es * 128 * per;
  rss_loaded = status_kb('VmRSS');
  reset = 0;
  fid = fopen('/proc/self/clear_refs', 'w');
  if fid >= 0
    reset = fprintf(fid, '5') > 0;
    reset = fclose(fid) == 0 && reset;
  end
  nn_train(net, X, y, 'Loss', 'ce', 'Optimizer', 'sgd', 'LearningRate', 0.05, ...
           'BatchSize', 128, 'Epochs', 1, 'Seed', 1, 'Verbose', false);
  hwm = status_kb('VmHWM');
  printf(['RESULT task=mem-cnn impl=nnlab prec=%s n=%d data_bytes=%d params_bytes=%d ' ...
          'acts_bytes=%d rss_loaded_kb=%d hwm_train_kb=%d hwm_reset=%d\n'], ...
         cls, n, data, params, acts, rss_loaded, hwm, reset);
end

function kb = status_kb(field)
  s = fileread('/proc/self/status');
  t = regexp(s, [field ':\s*(\d+)\s*kB'], 'tokens', 'once');
  kb = str2double(t{1});
end
