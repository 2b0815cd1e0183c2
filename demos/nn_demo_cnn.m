% -*- texinfo -*-
% @deftypefn  {} {@var{r} =} nn_demo_cnn ()
% @deftypefnx {} {@var{r} =} nn_demo_cnn (@var{outdir})
% @deftypefnx {} {@var{r} =} nn_demo_cnn (@var{outdir}, 'Quick', @var{tf})
% Lecture demo: why convolution, and a convolutional network against the MLP
% on Fashion-MNIST.
%
% @strong{Why convolution.}  A convolution layer slides the same small
% kernel over the whole image, so it has few parameters and it is
% @emph{translation-equivariant}: shifting the image shifts the feature
% maps, by exactly the same amount.  The demo checks it numerically:
% @code{conv (shift (X)) - shift (conv (X))} is 0 (to rounding) away from the
% border.  Pooling then makes the features invariant: after global average
% pooling, a one-pixel shift of an object away from the border leaves the
% features as they were (to rounding), while it changes the pixels
% themselves by more than half.
%
% @strong{Parameters.}  The CNN conv 32 3x3 - relu - maxpool 2 - conv 64 3x3
% - relu - maxpool 2 - dense 128 - relu - dense 10 has 225,034 parameters,
% fewer than the 784-256-128-10 MLP (235,146), and its first two layers (the
% ones that see the pixels) only 18,816.
%
% @strong{CNN against MLP.}  Both are trained with Adam (learning rate
% 0.001, batches of 128, single precision, seed 1) on the same images, and
% tested on the 10000 test images; the demo prints accuracy, parameters and
% training time of each.  Full run: 3 epochs on the 60000 training images
% (both on the compiled engine: the CNN about 20 s per epoch on 2 cores,
% the MLP under 1 s; the whole demo about 80 s).  Claim: the CNN's test accuracy beats the
% MLP's.  With @code{'Quick', true}: 1 epoch on the first 6000 training
% images (about 15 s), where both are still close (about 78%), and the
% claim is that the CNN reaches 70%.
%
% Figures, written to @var{outdir} (default
% @code{fullfile (tempdir, 'nnlab-figures')}):
% @table @file
% @item nn_demo_cnn_filters.png
% the 32 learned 3 x 3 filters of the first layer;
% @item nn_demo_cnn_maps.png
% one test image and its 32 feature maps after the first layer (and relu).
% @end table
%
% Returns a struct @var{r} with fields @code{topic}, @code{claim},
% @code{result}, @code{figures}, and @code{equivariance} (the largest
% interior difference), @code{invariance} (relative change of the pooled
% features, and of the pixels, under a one-pixel shift), @code{accuracy}
% ([CNN MLP]), @code{params} ([CNN MLP]) and @code{seconds} ([CNN MLP]).
% If the claim does not hold it raises @code{nnlab:demo:claimFailed}.
%
% @seealso{nn_tour, nn_conv2d, nn_pool, nn_layer, nn_sequential, nn_demo_fashion}
% @end deftypefn

function r = nn_demo_cnn(varargin)
fn = 'nn_demo_cnn';
[outdir, quick] = demo_args(fn, varargin);
outdir = figure_folder(fn, outdir);
rec = struct('ntrain', 60000, 'epochs', 3, 'batch', 128, 'lr', 1e-3, 'seed', 1, 'cls', 'single');
if quick
  rec.ntrain = 6000;
  rec.epochs = 1;
end
r = struct('topic', 'Convolutional networks: equivariance, pooling, and a CNN against the MLP', ...
           'claim', sprintf(['Convolution is translation-equivariant (exactly, away from the border), ' ...
                             'pooling makes features nearly invariant, and a CNN with fewer parameters ' ...
                             'beats the 784-256-128-10 MLP on Fashion-MNIST after %d epoch(s).'], rec.epochs), ...
           'result', '', 'figures', {{}}, 'equivariance', NaN, 'invariance', [NaN NaN], ...
           'accuracy', [NaN NaN], 'params', [NaN NaN], 'seconds', [NaN NaN]);
failed = {};

% 1. equivariance: conv of a shifted image = the shifted conv, inside
X = zeros(20, 20);
X(6:12, 5:9) = 1;
X(9, 5:14) = 0.5;                                 % a shape, away from the border
K = [1 0 -1; 2 0 -2; 1 0 -1];                     % an edge detector
s = [3 2];                                        % shift down 3, right 2
Xs = circshift(X, s);
A = nn_conv2d(Xs, K);                             % conv of the shifted image
B = circshift(nn_conv2d(X, K), s);                % the shifted conv
in = 1 + s(1):size(A, 1) - s(1);
jn = 1 + s(2):size(A, 2) - s(2);
r.equivariance = max(max(abs(A(in, jn) - B(in, jn))));
fprintf('Equivariance: shift an image by [%d %d] pixels, then convolve, or convolve, then shift:\n', s);
fprintf('  largest difference away from the border: %g (of values up to %g).\n', ...
        r.equivariance, max(abs(B(:))));
if r.equivariance > 1e-12
  failed{end + 1} = sprintf('convolution is not equivariant (difference %g)', r.equivariance);
end

% 2. near invariance: global average pooling of relu(conv) under a 1-pixel shift
W = reshape(sin(1:9 * 8), 3, 3, 1, 8);            % 8 fixed filters
feat = @(I) squeeze(nn_pool(max(nn_conv2d(I, W, [], 'Padding', 'same'), 0), 'avg', 'global'));
X1 = circshift(X, [0 1]);
f0 = feat(X);
f1 = feat(X1);
r.invariance = [norm(f1 - f0) / norm(f0), norm(X1(:) - X(:)) / norm(X(:))];
fprintf(['Invariance: a one-pixel shift changes the pixels by %.0f%% (relative), the pooled ' ...
         'features of 8 filters by %.1f%%.\n'], 100 * r.invariance(2), 100 * r.invariance(1));
if ~(r.invariance(1) < 0.25 * r.invariance(2))
  failed{end + 1} = 'pooled features changed as much as the pixels';
end

% 3. the two networks on Fashion-MNIST
[Xtr, ytr, Xte, yte] = nn_fashion_mnist('Class', rec.cls);
n = min(rec.ntrain, size(Xtr, 1));
Xtr = Xtr(1:n, :);
ytr = ytr(1:n);
% nn_fashion_mnist's rows hold each image row by row: its transpose is an
% image in Octave's column-major order, so the CNN sees the images upright
Xtr = reshape(permute(reshape(Xtr.', 28, 28, []), [2 1 3]), 784, []).';
Xte = reshape(permute(reshape(Xte.', 28, 28, []), [2 1 3]), 784, []).';
cnn = nn_sequential([28 28 1], nn_layer('conv2d', 32, 3), 'relu', nn_layer('maxpool', 2), ...
                    nn_layer('conv2d', 64, 3), 'relu', nn_layer('maxpool', 2), nn_layer('flatten'), ...
                    nn_layer('dense', 128), 'relu', nn_layer('dense', 10), 'Seed', rec.seed, 'Class', rec.cls);
mlp = nn_mlp([784 256 128 10], 'Hidden', 'relu', 'Output', 'linear', 'Seed', rec.seed, 'Class', rec.cls);
nets = {cnn, mlp};
names = {'CNN', 'MLP'};
fprintf('\nFashion-MNIST, %d training images, %d epoch(s) of Adam (learning rate %g, batches of %d), %s:\n', ...
        n, rec.epochs, rec.lr, rec.batch, rec.cls);
for k = 1:2
  r.params(k) = numel(nn_unroll(nets{k}));
  t0 = tic();
  nets{k} = nn_train(nets{k}, Xtr, ytr, 'Loss', 'ce', 'Optimizer', 'adam', 'LearningRate', rec.lr, ...
                     'BatchSize', rec.batch, 'Epochs', rec.epochs, 'Seed', rec.seed, 'Verbose', false);
  r.seconds(k) = toc(t0);
  r.accuracy(k) = mean(nn_onehot_decode(nn_predict(nets{k}, Xte)) == yte);
  fprintf('  %s %-72s %7d parameters  %6.1f s  test accuracy %.2f%%\n', names{k}, ...
          strtok(nets{k}.summary, ':'), r.params(k), r.seconds(k), 100 * r.accuracy(k));
end
if quick && ~(r.accuracy(1) >= 0.70)
  failed{end + 1} = sprintf('the CNN reached %.2f%%, below 70%%', 100 * r.accuracy(1));
elseif ~quick && ~(r.accuracy(1) > r.accuracy(2))
  failed{end + 1} = sprintf('the CNN (%.2f%%) did not beat the MLP (%.2f%%)', 100 * r.accuracy);
end

% figures: the first layer's filters, and one image's feature maps
cnn = nets{1};
files = {};
fig = nn_figure([760 420]);
Wf = double(cnn.layers(1).W);
for j = 1:32
  ax = subplot(4, 8, j, 'parent', fig);
  imagesc(ax, Wf(:, :, 1, j));
  axis(ax, 'image', 'off');
end
set(fig, 'colormap', gray(64));
files{end + 1} = nn_figure(fig, fullfile(outdir, 'nn_demo_cnn_filters.png'));
img = reshape(Xte(1, :), 28, 28);
M = max(nn_conv2d(img, cnn.layers(1).W, cnn.layers(1).b), 0);
fig = nn_figure([900 520]);
ax = subplot(5, 8, [1 2 9 10], 'parent', fig);
imagesc(ax, img);
axis(ax, 'image', 'off');
title(ax, 'test image 1');
slots = setdiff(1:40, [1 2 9 10]);
for j = 1:32
  ax = subplot(5, 8, slots(j), 'parent', fig);
  imagesc(ax, double(M(:, :, j)));
  axis(ax, 'image', 'off');
end
set(fig, 'colormap', gray(64));
files{end + 1} = nn_figure(fig, fullfile(outdir, 'nn_demo_cnn_maps.png'));
r.figures = files;

r.result = sprintf(['equivariance difference %g; one-pixel shift: pixels %.0f%%, pooled features %.1f%%; ' ...
                    'CNN %.2f%% (%d parameters, %.0f s) against MLP %.2f%% (%d parameters, %.0f s)'], ...
                   r.equivariance, 100 * r.invariance(2), 100 * r.invariance(1), 100 * r.accuracy(1), ...
                   r.params(1), r.seconds(1), 100 * r.accuracy(2), r.params(2), r.seconds(2));
fprintf('Result: %s.\nFigures: %s\n', r.result, strjoin(files, ', '));
check_claim(fn, failed);
end
