% -*- texinfo -*-
% @deftypefn  {} {@var{r} =} nn_demo_autoencoder ()
% @deftypefnx {} {@var{r} =} nn_demo_autoencoder (@var{outdir})
% @deftypefnx {} {@var{r} =} nn_demo_autoencoder (@var{outdir}, 'Quick', @var{tf})
% Lecture demo: dimensionality reduction of Fashion-MNIST to 2 numbers per
% image, by PCA and by an autoencoder.
%
% Each image of Fashion-MNIST (@code{nn_fashion_mnist}: 28 x 28 grey
% pixels in [0, 1], so 784 numbers) is squeezed to 2 numbers and rebuilt
% from them, in two ways:
%
% @table @asis
% @item PCA with 2 components
% computed in the demo: @math{mu} is the mean training image, the columns
% of @math{V} (784 x 2) are the eigenvectors of the covariance matrix
% @math{(X - mu)' (X - mu) / N} of the training images with the 2 largest
% eigenvalues (@code{eig}).  Code @math{c = (x - mu) V}, reconstruction
% @math{mu + c V'}: the best @emph{linear} 2-D reconstruction in squared
% error.
% @item An autoencoder
% 784-256-64-2-64-256-784: ReLU hidden layers, a linear bottleneck of 2
% units (the code) and a sigmoid output layer, trained with
% @code{nn_train} to reproduce its input (targets = inputs, loss
% @code{'mse'}), Adam with learning rate 0.001, batches of 128, seed 1.
% The encoder (the layers up to the bottleneck) and the decoder (the rest)
% are nonlinear.
% @end table
%
% The demo prints a table of the reconstruction errors (the mean squared
% error per pixel on the training and the test images, with the error of
% the mean image as a baseline) and the share of the pixel variance that
% the 2 principal components explain.
%
% Claim: the autoencoder rebuilds the @emph{test} images with a smaller
% mean squared error than PCA with 2 components.  The full demo trains on
% the first 20000 training images for 10 epochs and evaluates on all
% 10000 test images (measured: test error 0.0288 against PCA's 0.0461).
% It takes about 3 minutes on a busy 2-core machine (9 to 19 seconds per
% epoch, plus 10 seconds to load the data; 75 to 110 seconds of CPU time
% in all), less on an idle one.
%
% With @code{'Quick', true} it trains on 2000 images for 2 epochs and
% evaluates on the first 2000 test images (about 20 seconds, for the test
% suite); so little training does not beat PCA, and the claim is relaxed
% to: both test errors are finite and below the error of the mean image.
%
% Figures, written to @var{outdir} (default
% @code{fullfile (tempdir, 'nnlab-figures')}):
% @table @file
% @item nn_demo_autoencoder_embedding.png
% the 2-D codes of 2000 test images, coloured by class, by PCA (left) and
% by the autoencoder (right);
% @item nn_demo_autoencoder_reconstructions.png
% one test image of each class (top row) and its reconstruction from 2
% numbers by PCA (middle) and by the autoencoder (bottom);
% @item nn_demo_autoencoder_loss.png
% the autoencoder's training and test error after each epoch, against the
% test error of PCA.
% @end table
%
% Returns a struct @var{r} with fields @code{topic}, @code{claim},
% @code{result} (the measured result as text), @code{figures} (cell array
% of the PNG files written), and @code{mse_pca}, @code{mse_ae} (the test
% errors).  If the claim does not hold it raises the error
% @code{nnlab:demo:claimFailed}; if the data set is not installed,
% @code{nnlab:nn_fashion_mnist:file}.
%
% @seealso{nn_tour, nn_demo_fashion, nn_fashion_mnist, nn_mlp, nn_train}
% @end deftypefn

function r = nn_demo_autoencoder(varargin)
fn = 'nn_demo_autoencoder';
[outdir, quick] = demo_args(fn, varargin);
outdir = figure_folder(fn, outdir);

rec = struct('sizes', [784 256 64 2 64 256 784], 'hidden', {{'relu', 'relu', 'linear', 'relu', 'relu'}}, ...
             'output', 'sigmoid', 'lr', 1e-3, 'batch', 128, 'epochs', 10, 'seed', 1, ...
             'ntrain', 20000, 'ntest', 10000, 'nshow', 2000, 'cls', 'single');
if quick
  rec.ntrain = 2000;
  rec.ntest = 2000;
  rec.epochs = 2;
end
if quick
  claim = ['Quick mode: PCA and a 784-256-64-2-64-256-784 autoencoder both rebuild Fashion-MNIST ' ...
           'test images from 2 numbers with a finite error below that of the mean image.'];
else
  claim = ['A 784-256-64-2-64-256-784 autoencoder rebuilds Fashion-MNIST test images from 2 numbers ' ...
           'with a smaller mean squared error than PCA with 2 components.'];
end
r = struct('topic', 'Dimensionality reduction: autoencoder versus PCA', 'claim', claim, ...
           'result', '', 'figures', {{}}, 'mse_pca', NaN, 'mse_ae', NaN);

[Xtr, ~, Xte, yte, classes] = nn_fashion_mnist('Class', rec.cls);
n = min(rec.ntrain, size(Xtr, 1));
Xtr = Xtr(1:n, :);
Xte = Xte(1:min(rec.ntest, end), :);
yte = yte(1:size(Xte, 1));
fprintf('Fashion-MNIST: %d training and %d test images, 784 pixels each in [0, 1].\n', n, size(Xte, 1));
fprintf('Each image is squeezed to 2 numbers and rebuilt from them.\n');

% PCA with 2 components, from the centred training data
mu = mean(double(Xtr), 1);
Xc = double(Xtr) - repmat(mu, n, 1);
[V, D] = eig(Xc' * Xc / n);
[lambda, order] = sort(diag(D), 'descend');
V = V(:, order(1:2));
V = V .* repmat(sign(sum(V, 1)), 784, 1);   % a fixed sign, so the picture does not flip
explained = sum(lambda(1:2)) / sum(lambda);
pca_code = @(X) (double(X) - repmat(mu, size(X, 1), 1)) * V;
pca_rebuild = @(C) C * V' + repmat(mu, size(C, 1), 1);
fprintf(['PCA: the 2 leading eigenvectors of the 784 x 784 covariance matrix of the centred training ' ...
         'images explain %.1f%% of the pixel variance.\n'], 100 * explained);

% the autoencoder: targets = inputs
fprintf(['Autoencoder %s: hidden %s, output %s; loss mse, Adam lr %g, batches of %d, %d epochs, ' ...
         'seed %d, %s precision.\n'], strjoin(arrayfun(@num2str, rec.sizes, 'UniformOutput', false), '-'), ...
        strjoin(rec.hidden, '/'), rec.output, rec.lr, rec.batch, rec.epochs, rec.seed, rec.cls);
net = nn_mlp(rec.sizes, 'Hidden', rec.hidden, 'Output', rec.output, 'Seed', rec.seed, 'Class', rec.cls);
tic0 = tic();
[net, info] = nn_train(net, Xtr, Xtr, 'Loss', 'mse', 'Optimizer', 'adam', 'LearningRate', rec.lr, ...
                       'BatchSize', rec.batch, 'Epochs', rec.epochs, 'Seed', rec.seed, ...
                       'ValidationData', {Xte, Xte}, 'Verbose', true);
train_time = toc(tic0);
k = bottleneck(net);

% reconstruction errors: mean squared error per pixel
mse = @(A, B) mean((double(A(:)) - double(B(:))) .^ 2);
base_tr = mse(Xtr, repmat(mu, n, 1));
base_te = mse(Xte, repmat(mu, size(Xte, 1), 1));
pca_tr = mse(Xtr, pca_rebuild(pca_code(Xtr)));
pca_te = mse(Xte, pca_rebuild(pca_code(Xte)));
ae_tr = mse(Xtr, nn_predict(net, Xtr));
ae_te = mse(Xte, nn_predict(net, Xte));
r.mse_pca = pca_te;
r.mse_ae = ae_te;
fprintf('\nTraining took %.0f s (%.1f s per epoch).\n', train_time, mean(info.time));
fprintf('Reconstruction error (mean squared error per pixel):\n');
fprintf('  %-34s %10s %10s\n', 'method', 'training', 'test');
fprintf('  %-34s %10.5f %10.5f\n', 'mean image (0 numbers)', base_tr, base_te);
fprintf('  %-34s %10.5f %10.5f\n', 'PCA, 2 components', pca_tr, pca_te);
fprintf('  %-34s %10.5f %10.5f\n', 'autoencoder, 2-unit bottleneck', ae_tr, ae_te);
fprintf('The autoencoder''s test error is %.0f%% of PCA''s.\n', 100 * ae_te / pca_te);
r.result = sprintf('test MSE per pixel: autoencoder %.4f, PCA (2 components) %.4f, mean image %.4f (%d epochs on %d images, %.0f s)', ...
                   ae_te, pca_te, base_te, rec.epochs, n, train_time);
fprintf('Result: %s.\n', r.result);

% figure 1: the 2-D embeddings of some test images, coloured by class
files = {};
show = 1:min(rec.nshow, size(Xte, 1));
colors = class_colors();
E = {pca_code(Xte(show, :)), double(encode(net, Xte(show, :), k))};
names = {sprintf('PCA: 2 principal components (test MSE %.4f)', pca_te), ...
         sprintf('Autoencoder: 2-unit bottleneck (test MSE %.4f)', ae_te)};
axlab = {{'principal component 1', 'principal component 2'}, {'code unit 1', 'code unit 2'}};
fig = nn_figure([1280 580]);
for p = 1:2
  ax = subplot(1, 2, p, 'parent', fig);
  hold(ax, 'on');
  h = zeros(1, 10);
  for c = 1:10
    in = yte(show) == c;
    h(c) = plot(ax, E{p}(in, 1), E{p}(in, 2), 'o', 'markersize', 3, ...
                'color', colors(c, :), 'markerfacecolor', colors(c, :));
  end
  hold(ax, 'off');
  set(ax, 'box', 'on');
  xlabel(ax, axlab{p}{1});
  ylabel(ax, axlab{p}{2});
  title(ax, names{p});
  if p == 2
    legend(ax, h, classes, 'location', 'eastoutside', 'interpreter', 'none');
  end
end
files{end + 1} = nn_figure(fig, fullfile(outdir, 'nn_demo_autoencoder_embedding.png'));

% figure 2: reconstructions of one test image per class
pick = zeros(1, 10);
for c = 1:10
  pick(c) = find(yte == c, 1);
end
Xs = Xte(pick, :);
rows = {double(Xs), pca_rebuild(pca_code(Xs)), double(nn_predict(net, Xs))};
rownames = {'original', 'PCA (2)', 'autoencoder (2)'};
files{end + 1} = recon_grid(rows, rownames, classes, ...
                            fullfile(outdir, 'nn_demo_autoencoder_reconstructions.png'));

% figure 3: learning curve against PCA
ep = 1:numel(info.loss);
fig = nn_figure([720 440]);
ax = axes('parent', fig);
plot(ax, ep, info.loss, 'o-', ep, info.val_loss, 's-', 'linewidth', 1.5);
hold(ax, 'on');
plot(ax, [0.5, ep(end) + 0.5], pca_te * [1 1], 'k--', 'linewidth', 1.5);
hold(ax, 'off');
set(ax, 'xlim', [0.5, ep(end) + 0.5], 'xtick', ep, 'box', 'on');
grid(ax, 'on');
xlabel(ax, 'epoch');
ylabel(ax, 'mean squared error per pixel');
title(ax, 'Autoencoder with a 2-unit bottleneck against PCA with 2 components');
legend(ax, {'autoencoder, training (mean over the epoch)', 'autoencoder, test', 'PCA, test'}, ...
       'location', 'northeast');
files{end + 1} = nn_figure(fig, fullfile(outdir, 'nn_demo_autoencoder_loss.png'));
r.figures = files;
fprintf('Figures: %s\n', strjoin(files, ', '));

% the claim
if quick
  ok = all(isfinite([pca_te, ae_te])) && pca_te < base_te && ae_te < base_te;
  if ~ok
    error('nnlab:demo:claimFailed', ...
          'nn_demo_autoencoder: the test errors (PCA %g, autoencoder %g) are not finite and below the mean image''s %g.', ...
          pca_te, ae_te, base_te);
  end
elseif ~(ae_te < pca_te)
  error('nnlab:demo:claimFailed', ...
        'nn_demo_autoencoder: the autoencoder''s test error %.5f is not below PCA''s %.5f.', ae_te, pca_te);
end
end

function k = bottleneck(net)
% index of the dense layer with the fewest outputs (the code layer)
k = 0;
best = Inf;
for i = 1:numel(net.layers)
  if strcmp(net.layers(i).type, 'dense') && size(net.layers(i).W, 1) < best
    best = size(net.layers(i).W, 1);
    k = i;
  end
end
end

function Y = encode(net, X, k)
% the output of layer k (the encoder's code): the input of layer k + 1, as
% nn_forward keeps it, or the network's output when k is the last layer
if k == numel(net.layers)
  Y = nn_predict(net, X);
else
  [~, cache] = nn_forward(net, X, 'Training', false);
  Y = cache.inputs{k + 1};
end
end

function C = class_colors()
% ten colours that are easy to tell apart
C = [0.12 0.47 0.71; 1.00 0.50 0.05; 0.17 0.63 0.17; 0.84 0.15 0.16; 0.58 0.40 0.74; ...
     0.55 0.34 0.29; 0.89 0.47 0.76; 0.50 0.50 0.50; 0.74 0.74 0.13; 0.09 0.75 0.81];
end

function file = recon_grid(rows, rownames, colnames, file)
% images in a grid, one row per cell of ROWS (each K x 784), with the
% names of the rows on the left and of the columns on top
gap = 8;
lab = 8;                 % pixels above the grid for the column names
left = 48;               % pixels left of the grid for the row names
nr = numel(rows);
nc = size(rows{1}, 1);
h = 28 + gap;
w = 28 + gap;
M = ones(lab + nr * h, left + nc * w);
for r = 1:nr
  for c = 1:nc
    img = min(max(reshape(rows{r}(c, :), 28, 28).', 0), 1);
    M(lab + (r - 1) * h + (1:28), left + (c - 1) * w + (1:28)) = 1 - img;
  end
end
fig = nn_figure([1200 380]);
ax = axes('parent', fig);
image(ax, repmat(M, [1 1 3]));
axis(ax, 'image');
axis(ax, 'off');
for r = 1:nr
  text(left - 2, lab + (r - 1) * h + 14.5, rownames{r}, 'parent', ax, 'interpreter', 'none', ...
       'horizontalalignment', 'right', 'verticalalignment', 'middle', 'fontsize', 12);
end
for c = 1:nc
  text(left + (c - 1) * w + 14.5, lab - 0.5, colnames{c}, 'parent', ax, 'interpreter', 'none', ...
       'horizontalalignment', 'center', 'verticalalignment', 'bottom', 'fontsize', 11);
end
title(ax, 'One test image per class, rebuilt from 2 numbers by PCA and by the autoencoder');
file = nn_figure(fig, file);
end
