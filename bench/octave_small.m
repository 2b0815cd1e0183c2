% octave_small(blobsfile, runs, steps, epochs) - task B of make bench in plain
% vectorised Octave: small networks, where the cost of each statement rules.
%
% B-xor   XOR, 2-8-1, sigmoid hidden and output, binary cross-entropy, full
%         batch (4 rows), plain SGD lr 1, STEPS gradient steps (20000).
% B-blobs 64-32-10, tanh hidden, softmax cross-entropy, the 2000 samples of
%         BLOBSFILE (64 features then the label 1..10 on each line, written
%         by bench/make_blobs.m), minibatch 32 with a fresh permutation every
%         epoch, plain SGD lr 0.1, EPOCHS epochs (20).
%
% Weights U(+-1/sqrt(fan_in)) (PyTorch's default), zero biases.  Samples are
% columns; no loop over samples.  Times the training loop only.  Accuracy on
% the training data.  Prints one line per run:
%   RESULT task=B-xor impl=octave prec=single threads=1 run=1 time_s=... acc=...
function octave_small(blobsfile, runs, steps, epochs)
  if nargin < 2
    runs = 3;
  end
  if nargin < 3
    steps = 20000;
  end
  if nargin < 4
    epochs = 20;
  end
  thr = getenv('OPENBLAS_NUM_THREADS');
  D = load(blobsfile);
  for prec = {'single', 'double'}
    cls = prec{1};
    % XOR
    X = cast([0 0 1 1; 0 1 0 1], cls);
    T = cast([0 1 1 0], cls);
    for run = 1:runs
      rand('twister', run);
      [W1, b1] = init(8, 2, cls);
      [W2, b2] = init(1, 8, cls);
      lr = 1;
      n = size(X, 2);
      t0 = tic();
      for s = 1:steps
        H = 1 ./ (1 + exp(-(W1 * X + b1)));
        Y = 1 ./ (1 + exp(-(W2 * H + b2)));
        Yc = min(max(Y, eps(cls)), 1 - eps(cls));
        loss = -mean(T .* log(Yc) + (1 - T) .* log(1 - Yc));  %#ok<NASGU>
        D2 = (Y - T) / n;
        D1 = (W2' * D2) .* H .* (1 - H);
        W2 = W2 - lr * (D2 * H');
        b2 = b2 - lr * sum(D2, 2);
        W1 = W1 - lr * (D1 * X');
        b1 = b1 - lr * sum(D1, 2);
      end
      t = toc(t0);
      H = 1 ./ (1 + exp(-(W1 * X + b1)));
      Y = 1 ./ (1 + exp(-(W2 * H + b2)));
      acc = mean((Y > 0.5) == T);
      printf('RESULT task=B-xor impl=octave prec=%s threads=%s run=%d steps=%d time_s=%.4f acc=%.4f\n', ...
             cls, thr, run, steps, t, acc);
      fflush(stdout);
    end
    % blobs
    X = cast(D(:, 1:64)', cls);               % 64 x 2000
    y = D(:, 65)';
    N = size(X, 2);
    Tall = zeros(10, N, cls);
    Tall(sub2ind(size(Tall), y, 1:N)) = 1;
    B = 32;
    lr = 0.1;
    for run = 1:runs
      rand('twister', run);
      [W1, b1] = init(32, 64, cls);
      [W2, b2] = init(10, 32, cls);
      t0 = tic();
      for e = 1:epochs
        perm = randperm(N);
        for s = 1:B:N
          idx = perm(s:min(s + B - 1, N));
          nb = numel(idx);
          Xb = X(:, idx);
          Tb = Tall(:, idx);
          H = tanh(W1 * Xb + b1);
          Z = W2 * H + b2;
          Z = Z - max(Z, [], 1);
          P = exp(Z);
          P = P ./ sum(P, 1);
          loss = -sum(log(P(logical(Tb)))) / nb;  %#ok<NASGU>
          D2 = (P - Tb) / nb;
          D1 = (W2' * D2) .* (1 - H .^ 2);
          W2 = W2 - lr * (D2 * H');
          b2 = b2 - lr * sum(D2, 2);
          W1 = W1 - lr * (D1 * Xb');
          b1 = b1 - lr * sum(D1, 2);
        end
      end
      t = toc(t0);
      [~, k] = max(W2 * tanh(W1 * X + b1) + b2, [], 1);
      acc = mean(k == y);
      printf('RESULT task=B-blobs impl=octave prec=%s threads=%s run=%d epochs=%d time_s=%.4f acc=%.4f\n', ...
             cls, thr, run, epochs, t, acc);
      fflush(stdout);
    end
  end
end

function [W, b] = init(out, in, cls)
  W = cast((2 * rand(out, in) - 1) / sqrt(in), cls);
  b = zeros(out, 1, cls);
end
