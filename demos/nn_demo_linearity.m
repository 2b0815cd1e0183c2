% -*- texinfo -*-
% @deftypefn  {} {@var{r} =} nn_demo_linearity ()
% @deftypefnx {} {@var{r} =} nn_demo_linearity (@var{outdir})
% @deftypefnx {} {@var{r} =} nn_demo_linearity (@var{outdir}, 'Quick', @var{tf})
% Lecture demo: without a nonlinearity, depth buys nothing.
%
% @enumerate
% @item A stack of linear layers is one linear map.  A 4-6-5-3 network
% with linear activations (@code{nn_mlp}, @qcode{'Init', 'uniform'}, so
% that the biases are not 0) is collapsed into
% @math{W = W_3 W_2 W_1} and @math{b = W_3 (W_2 b_1 + b_2) + b_3}; the
% outputs of the network (@code{nn_predict}) and of the single layer
% @code{nn_dense (X, W, b)} on 100 random inputs agree within
% 1e-12.
% @item The decision boundary of a single-layer network is a straight
% line.  Logistic regression (@code{nn_mlp ([2 1], 'Output', 'sigmoid')}
% trained with @code{nn_train}, BCE loss) on two overlapping Gaussian
% blobs: on a 300 x 300 grid, the class predicted by the network
% (@math{p >= 0.5}) equals the side of the line @math{w.x + b = 0} at
% every grid point.
% @item A nonlinearity between two layers separates what one layer cannot.
% On noisy XOR (@code{nn_toy ('xor', 'N', 200, 'Noise', 0.15)}) and on two
% circles (@code{nn_toy ('circles', 'N', 200)}) three networks are
% trained (Adam, learning rate 0.05, full batch, 300 epochs, BCE): one
% layer (2-1), two linear layers (2-8-1 with no activation in between,
% which is again one linear map) and two layers with a tanh hidden layer
% (2-8-1).  The accuracy table is printed; the claim is that both linear
% models stay below 80 % on both sets (a line gets at most 75 % of XOR
% right) while the tanh network reaches at least 97 %.
% @end enumerate
%
% Figures, written to @var{outdir} (default
% @code{fullfile (tempdir, 'nnlab-figures')}):
% @file{nn_demo_linearity_logreg.png}, the decision regions of logistic
% regression with the line @math{w.x + b = 0} computed from its weights,
% and @file{nn_demo_linearity_regions.png}, a 2 x 2 grid of the decision
% regions of the one-layer and of the two-layer tanh network on XOR and
% on the circles.
%
% The option @qcode{'Quick', true} (for the test suite) uses 100 points
% per set and 150 epochs, and relaxes the claim on the tanh network to at
% least 90 %.  The full demo takes about 20 seconds.
%
% Returns a struct @var{r} with fields @code{topic}, @code{claim},
% @code{result} (the measured result as text), @code{figures} (cell
% array of the PNG files written) and @code{accuracy} (2 x 3: rows XOR and
% circles, columns one layer, two linear layers, two tanh layers).  If a
% part of the claim fails it raises the error @code{nnlab:demo:claimFailed}.
%
% @seealso{nn_mlp, nn_train, nn_plot_regions, nn_toy, nn_demo_xor, nn_tour}
% @end deftypefn

function r = nn_demo_linearity(varargin)
fn = 'nn_demo_linearity';
[outdir, quick] = demo_args(fn, varargin, 'option');
outdir = figure_folder(fn, outdir);

r = struct('topic', 'Linear layers and the need for a nonlinearity', ...
           'claim', ['A stack of linear layers is one linear map, a single layer''s decision boundary is a ' ...
                     'straight line, and a hidden nonlinearity separates XOR and circles, which no line can.'], ...
           'result', '', 'figures', {{}}, 'accuracy', []);
failed = {};
if quick
  npts = 100;
  epochs = 150;
  need = 0.90;
else
  npts = 200;
  epochs = 300;
  need = 0.97;
end
train_opts = {'Optimizer', 'adam', 'LearningRate', 0.05, 'Epochs', epochs, 'BatchSize', npts, ...
              'Loss', 'bce', 'Seed', 1, 'Verbose', false};

% (a) a stack of linear layers is one linear map
net = nn_mlp([4 6 5 3], 'Hidden', 'linear', 'Output', 'linear', 'Init', 'uniform', 'Seed', 3);
dense = net.layers(strcmp({net.layers.type}, 'dense'));
W = eye(4);
b = zeros(4, 1);
for k = 1:numel(dense)
  W = dense(k).W * W;
  b = dense(k).W * b + dense(k).b;
end
old = randn('twister');                % a seeded draw; your own stream is kept
randn('twister', 4);
X = randn(100, 4);
randn('twister', old);
Ynet = nn_predict(net, X);
Yone = nn_dense(X, W, b);
err_lin = max(abs(Ynet(:) - Yone(:)));
fprintf('(a) A 4-6-5-3 network with linear activations, y = W3 (W2 (W1 x + b1) + b2) + b3,\n');
fprintf('    is the single layer y = W x + b with W = W3*W2*W1 (3 x 4) and b = W3 (W2 b1 + b2) + b3:\n');
fprintf('    on 100 random inputs max |network - single layer| = %.1e (must be < 1e-12).\n', err_lin);
if ~(err_lin < 1e-12)
  failed{end + 1} = sprintf('the collapsed linear map differs by %.1e', err_lin);
end

% (b) logistic regression: the decision boundary is a line
[Xb, Tb] = nn_toy('blobs', 'K', 2, 'Centers', [0 0; 2.5 1.5], 'Noise', 1, 'N', npts, 'Seed', 5);
Tb = Tb - 1;
logreg = nn_mlp([2 1], 'Output', 'sigmoid', 'Seed', 1);
logreg = nn_train(logreg, Xb, Tb, train_opts{:});
w = logreg.layers(1).W;
b0 = logreg.layers(1).b;
acc_lr = mean((nn_predict(logreg, Xb) >= 0.5) == Tb);
box = [-4 6.5 -4.5 5];
ng = 300;
[GX, GY] = meshgrid(linspace(box(1), box(2), ng), linspace(box(3), box(4), ng));
G = [GX(:) GY(:)];
by_net = nn_predict(logreg, G) >= 0.5;
by_line = G * w' + b0 >= 0;
nmis = sum(by_net ~= by_line);
fprintf('(b) Logistic regression (one layer, sigmoid output, BCE) on two Gaussian blobs, %d points:\n', npts);
fprintf('    p = sigmoid(w.x + b) with w = %s, b = %.3f; training accuracy %.1f %%.\n', mat2str(w, 3), b0, 100 * acc_lr);
fprintf('    p >= 0.5 exactly where w.x + b >= 0: on a %d x %d grid the network''s class and the side\n', ng, ng);
fprintf('    of the line %s disagree at %d points.\n', line_text(w, b0), nmis);
if nmis ~= 0
  failed{end + 1} = sprintf('logistic regression disagrees with its line at %d grid points', nmis);
end

% (c) one layer, two linear layers, two layers with tanh on XOR and circles
sets = {'XOR', 'circles'};
data = cell(2, 2);
[data{1, 1}, data{1, 2}] = nn_toy('xor', 'N', npts, 'Noise', 0.15, 'Seed', 1);
[data{2, 1}, data{2, 2}] = nn_toy('circles', 'N', npts, 'Seed', 1);
models = {'1 layer (2-1)', '2 linear layers (2-8-1)', '2 layers, tanh (2-8-1)'};
acc = zeros(2, 3);
nets = cell(2, 3);
for s = 1:2
  Xs = data{s, 1};
  Ts = data{s, 2} - 1;
  nets{s, 1} = nn_mlp([2 1], 'Output', 'sigmoid', 'Seed', 1);
  nets{s, 2} = nn_mlp([2 8 1], 'Hidden', 'linear', 'Output', 'sigmoid', 'Seed', 1);
  nets{s, 3} = nn_mlp([2 8 1], 'Hidden', 'tanh', 'Output', 'sigmoid', 'Seed', 1);
  for m = 1:3
    nets{s, m} = nn_train(nets{s, m}, Xs, Ts, train_opts{:});
    acc(s, m) = mean((nn_predict(nets{s, m}, Xs) >= 0.5) == Ts);
  end
end
r.accuracy = acc;
fprintf('(c) Training accuracy (Adam, lr 0.05, full batch, %d epochs, BCE; %d points per set):\n', epochs, npts);
fprintf('    %-8s | %-14s | %-23s | %-22s\n', 'data', models{:});
fprintf('    %s\n', repmat('-', 1, 76));
for s = 1:2
  fprintf('    %-8s | %12.1f %% | %21.1f %% | %20.1f %%\n', sets{s}, 100 * acc(s, :));
end
fprintf('    Without a nonlinearity the 2-8-1 network is again one linear map: no better than one layer.\n');
if any(any(acc(:, 1:2) >= 0.8))
  failed{end + 1} = sprintf('a linear model reached %.1f %%', 100 * max(max(acc(:, 1:2))));
end
if any(acc(:, 3) < need)
  failed{end + 1} = sprintf('the tanh network reached only %.1f %% (need %.0f %%)', 100 * min(acc(:, 3)), 100 * need);
end
r.result = sprintf(['linear stack = one layer within %.0e; logistic regression''s class = side of its line at ' ...
                    'all %d grid points but %d; accuracy 1 layer / 2 linear / 2 tanh: XOR %.0f / %.0f / %.0f %%, ' ...
                    'circles %.0f / %.0f / %.0f %%'], ...
                   max(err_lin, realmin), ng ^ 2, nmis, 100 * acc(1, :), 100 * acc(2, :));

% figure 1: logistic regression and its line
fig = nn_figure([680 600]);
ax = axes('parent', fig);
nn_plot_regions(@(Z) nn_predict(logreg, Z), Xb, Tb, 'axes', ax, 'box', box, ...
                'title', 'Logistic regression: p = 0.5 on the line w.x + b = 0');
hold(ax, 'on');
x1 = box(1:2);
x2 = -(w(1) * x1 + b0) / w(2);
hl = plot(ax, x1, x2, '--', 'color', [0.95 0.75 0.1], 'linewidth', 2.5);
hold(ax, 'off');
axis(ax, box);
% the legend of nn_plot_regions names the points; add the line
lines = findobj(ax, 'type', 'line');
points = flipud(lines(~strcmp(get(lines, 'marker'), 'none')));
set(points, 'markersize', 6);
lg = legend(ax, [points(:); hl], {'blob 1 (T = 0)', 'blob 2 (T = 1)', line_text(w, b0)}, 'location', 'southwest');
set(lg, 'box', 'on', 'color', 'w');
files = {nn_figure(fig, fullfile(outdir, 'nn_demo_linearity_logreg.png'))};

% figure 2: decision regions, one layer vs two layers with tanh
fig = nn_figure([1100 860]);
shown = [1 3];
class_names = {{'XOR = 0', 'XOR = 1'}, {'outer', 'inner'}};
for s = 1:2
  for j = 1:2
    m = shown(j);
    ax = subplot(2, 2, 2 * (s - 1) + j, 'parent', fig);
    netm = nets{s, m};
    nn_plot_regions(@(Z) nn_predict(netm, Z), data{s, 1}, data{s, 2} - 1, 'axes', ax, ...
                    'title', sprintf('%s, %s: %.0f %% right', sets{s}, models{m}, 100 * acc(s, m)), ...
                    'labels', class_names{s});
    lines = findobj(ax, 'type', 'line');
    set(lines(~strcmp(get(lines, 'marker'), 'none')), 'markersize', 5);
  end
end
files{end + 1} = nn_figure(fig, fullfile(outdir, 'nn_demo_linearity_regions.png'));
r.figures = files;
fprintf('Result: %s.\n', r.result);
fprintf('Figures: %s\n', strjoin(files, ', '));

check_claim(fn, failed);
end

function t = line_text(w, b)
% 'w1 x_1 + w2 x_2 + b = 0' with the signs written properly
sg = '+-';
t = sprintf('%.2f x_1 %s %.2f x_2 %s %.2f = 0', w(1), sg(1 + (w(2) < 0)), abs(w(2)), sg(1 + (b < 0)), abs(b));
end
