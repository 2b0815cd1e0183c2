% octave_mlp(runs, epochs) - task A of make bench in plain vectorised Octave:
% what an Octave user writes without nnlab.
%
% Fashion-MNIST (pixels / 255), 784-256-128-10, ReLU, softmax cross-entropy,
% minibatch 128 (the last batch smaller), a fresh random permutation every
% epoch; SGD lr 0.1 or Adam lr 1e-3 (betas 0.9, 0.999, eps 1e-8).  He-uniform
% weights U(+-sqrt(6/fan_in)), zero biases.  Samples are columns, so each
% product of a layer is one call of the BLAS GEMM (A*B' and A'*B pass the
% transpose flag, no copy); no loop over samples.  Threads: set
% OPENBLAS_NUM_THREADS before starting Octave (bench/run.sh does).
%
% Times the training loop only (data already in memory; the test accuracy
% after the last epoch is not timed).  Prints one line per run:
%   RESULT task=A-sgd impl=octave prec=single threads=1 run=1 time_s=... acc=...
function octave_mlp(runs, epochs)
  if nargin < 1
    runs = 3;
  end
  if nargin < 2
    epochs = 1;
  end
  thr = getenv('OPENBLAS_NUM_THREADS');
  [Xtr, ytr, Xte, yte] = load_data();
  N = size(Xtr, 2);
  sizes = [784 256 128 10];
  L = numel(sizes) - 1;
  for prec = {'single', 'double'}
    cls = prec{1};
    X = cast(Xtr, cls) / 255;               % 784 x 60000
    Xt = cast(Xte, cls) / 255;
    Y = zeros(10, N, cls);                  % one-hot targets
    Y(sub2ind(size(Y), ytr(:)' + 1, 1:N)) = 1;
    for optim = {'sgd', 'adam'}
      for run = 1:runs
        rand('twister', run);
        W = cell(1, L);
        b = cell(1, L);
        for l = 1:L
          lim = sqrt(6 / sizes(l));
          W{l} = cast((2 * rand(sizes(l + 1), sizes(l)) - 1) * lim, cls);
          b{l} = zeros(sizes(l + 1), 1, cls);
        end
        [t, W, b] = train(X, Y, W, b, optim{1}, epochs, cls);
        acc = accuracy(W, b, Xt, yte);
        printf('RESULT task=A-%s impl=octave prec=%s threads=%s run=%d epochs=%d time_s=%.4f acc=%.4f\n', ...
               optim{1}, cls, thr, run, epochs, t, acc);
        fflush(stdout);
      end
    end
  end
end

function [t, W, b] = train(X, Y, W, b, optim, epochs, cls)
  N = size(X, 2);
  B = 128;
  L = numel(W);
  if strcmp(optim, 'sgd')
    lr = 0.1;
  else
    lr = 1e-3;
  end
  b1 = 0.9;
  b2 = 0.999;
  ep = 1e-8;
  mW = cell(1, L); vW = mW; mb = mW; vb = mW;
  for l = 1:L
    mW{l} = zeros(size(W{l}), cls); vW{l} = mW{l};
    mb{l} = zeros(size(b{l}), cls); vb{l} = mb{l};
  end
  step = 0;
  H = cell(1, L + 1);
  t0 = tic();
  for e = 1:epochs
    perm = randperm(N);
    for s = 1:B:N
      idx = perm(s:min(s + B - 1, N));
      nb = numel(idx);
      H{1} = X(:, idx);
      T = Y(:, idx);
      for l = 1:L - 1
        H{l + 1} = max(W{l} * H{l} + b{l}, 0);
      end
      Z = W{L} * H{L} + b{L};
      Z = Z - max(Z, [], 1);
      P = exp(Z);
      P = P ./ sum(P, 1);
      loss = -sum(log(P(logical(T)))) / nb;  %#ok<NASGU> the loss, as a user computes it
      D = (P - T) / nb;
      step = step + 1;
      for l = L:-1:1
        gW = D * H{l}';
        gb = sum(D, 2);
        if l > 1
          D = (W{l}' * D) .* (H{l} > 0);
        end
        if strcmp(optim, 'sgd')
          W{l} = W{l} - lr * gW;
          b{l} = b{l} - lr * gb;
        else
          c1 = 1 - b1 ^ step;
          c2 = 1 - b2 ^ step;
          mW{l} = b1 * mW{l} + (1 - b1) * gW;
          vW{l} = b2 * vW{l} + (1 - b2) * gW .^ 2;
          W{l} = W{l} - lr * (mW{l} / c1) ./ (sqrt(vW{l} / c2) + ep);
          mb{l} = b1 * mb{l} + (1 - b1) * gb;
          vb{l} = b2 * vb{l} + (1 - b2) * gb .^ 2;
          b{l} = b{l} - lr * (mb{l} / c1) ./ (sqrt(vb{l} / c2) + ep);
        end
      end
    end
  end
  t = toc(t0);
end

function acc = accuracy(W, b, X, y)
  H = X;
  L = numel(W);
  for l = 1:L - 1
    H = max(W{l} * H + b{l}, 0);
  end
  [~, k] = max(W{L} * H + b{L}, [], 1);
  acc = mean(k(:) - 1 == y(:));
end

function [Xtr, ytr, Xte, yte] = load_data()
  d = getenv('FMNIST_DIR');
  if isempty(d)
    d = '/usr/share/datasets/fashion-mnist';
  end
  Xtr = reshape(read_idx(fullfile(d, 'train-images-idx3-ubyte')), 784, []);
  ytr = double(read_idx(fullfile(d, 'train-labels-idx1-ubyte')));
  Xte = reshape(read_idx(fullfile(d, 't10k-images-idx3-ubyte')), 784, []);
  yte = double(read_idx(fullfile(d, 't10k-labels-idx1-ubyte')));
end

% the bytes of an unsigned-byte IDX file (plain or .gz), header skipped
function A = read_idx(f)
  tmp = '';
  if ~exist(f, 'file')
    tmp = tempname();
    mkdir(tmp);
    g = gunzip([f '.gz'], tmp);
    f = g{1};
  end
  fid = fopen(f, 'r');
  h = fread(fid, 4, 'uint8=>double');
  fread(fid, h(4), 'uint32', 0, 'ieee-be');
  A = fread(fid, Inf, 'uint8=>uint8');
  fclose(fid);
  if ~isempty(tmp)
    confirm_recursive_rmdir(false, 'local');
    rmdir(tmp, 's');
  end
end
