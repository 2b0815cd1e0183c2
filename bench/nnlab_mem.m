% nnlab_mem(cls, engine) - peak memory of one nnlab training epoch (issue 6 item 4:
% "within 1.5x of the data set plus parameters").  Run it in a fresh Octave
% under /usr/bin/time -v (bench/run.sh does), which gives the peak resident
% size of the whole process.  This function prints, besides, the size of the
% data set (the 60000 x 784 training images of class CLS and the labels) and
% of the parameters (784-256-128-10), the resident size after loading, and
% the peak resident size during training alone: the kernel's high-water mark
% (VmHWM) is reset after loading by writing 5 to /proc/self/clear_refs.
% One epoch, SGD lr 0.1, minibatch 128.  ENGINE: 'auto' (default) or 'm'
% (nn_train's option 'Engine'; given only when it is not 'auto'), or 'cols'
% (the images one a column, 'ObservationsIn', 'columns'), 'copy' (the
% default for two epochs, which trains from a working copy of X) or 'low'
% ('LowMemory', true).
function nnlab_mem(cls, engine)
  if nargin < 2
    engine = 'auto';
  end
  eng = {};
  impl = 'nnlab';
  if strcmp(engine, 'cols')
    eng = {'ObservationsIn', 'columns'};
    impl = 'nnlab-cols';
  elseif strcmp(engine, 'copy')
    eng = {'Epochs', 2};       % the default for two epochs: with the working copy
    impl = 'nnlab-copy';
  elseif strcmp(engine, 'low')
    eng = {'LowMemory', true};
    impl = 'nnlab-low';
  elseif ~strcmp(engine, 'auto')
    eng = {'Engine', engine};
    impl = ['nnlab-' engine];
  end
  [X, y] = nn_fashion_mnist('Class', cls);
  if strcmp(engine, 'cols')
    X = X.';             % one image a column (before the high-water mark is reset)
  end
  net = nn_mlp([784 256 128 10], 'Seed', 1, 'Class', cls);
  w = whos('X', 'y');
  data = sum([w.bytes]);
  es = 8;
  if strcmp(cls, 'single')
    es = 4;
  end
  params = es * sum(arrayfun(@(l) numel(l.W) + numel(l.b), net.layers(strcmp({net.layers.type}, 'dense'))));
  rss_loaded = status_kb('VmRSS');
  reset = 0;
  fid = fopen('/proc/self/clear_refs', 'w');
  if fid >= 0
    reset = fprintf(fid, '5') > 0;
    reset = fclose(fid) == 0 && reset;
  end
  nn_train(net, X, y, 'Loss', 'ce', 'Optimizer', 'sgd', 'LearningRate', 0.1, ...
           'BatchSize', 128, 'Seed', 1, 'Verbose', false, 'Epochs', 1, eng{:});
  hwm = status_kb('VmHWM');
  printf('RESULT task=mem impl=%s prec=%s data_bytes=%d params_bytes=%d rss_loaded_kb=%d hwm_train_kb=%d hwm_reset=%d\n', ...
         impl, cls, data, params, rss_loaded, hwm, reset);
end

function kb = status_kb(field)
  s = fileread('/proc/self/status');
  t = regexp(s, [field ':\s*(\d+)\s*kB'], 'tokens', 'once');
  kb = str2double(t{1});
end
