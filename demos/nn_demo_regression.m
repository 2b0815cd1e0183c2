% -*- texinfo -*-
% @deftypefn  {} {@var{r} =} nn_demo_regression ()
% @deftypefnx {} {@var{r} =} nn_demo_regression (@var{outdir})
% @deftypefnx {} {@var{r} =} nn_demo_regression (@var{outdir}, 'Quick', @var{tf})
% Lecture demo: regression with the squared error (MSE) versus the
% absolute error (MAE) on data with outliers.
%
% @enumerate
% @item A line: @code{nn_toy ('line', 'N', 81, 'Seed', 3)} gives 81 points
% @math{t = 2 x + 1 + 0.1 noise}, of which 10% are outliers moved up by
% 2 to 4.  A linear model @math{y = w x + b} (@code{nn_mlp ([1 1])}, seed
% 1) is fitted once with @code{'mse'} and once with @code{'mae'}
% (full-batch @code{'sgd'}, lr 0.05, momentum 0.9, 400 epochs).  The MSE
% fit is also compared with the closed-form least-squares line.  The
% squared error grows fast with the residual, so the few outliers pull
% the MSE line up; the absolute error gives every point the same pull
% (its gradient is the sign of the residual), so the MAE line stays with
% the majority of the points.  Checked: the MAE line is closer to the true
% line (distance of @math{(w, b)} to @math{(2, 1)}) than the MSE line, and
% the trained MSE line is within 0.001 of the least-squares line.
% @item A constant: 81 measurements of the value 1 with 10% outliers
% (@code{nn_toy ('line', 'Slope', 0, ...)}, seed 4) are fitted by the
% same model with input weight 0 and an all-zero input, so that its
% output is its bias @math{b} alone.  Minimising @math{mean((t - b)^2)}
% gives the mean of @math{t}, minimising @math{mean(|t - b|)} the median
% (half of the points above, half below).  Checked: the MSE constant is
% within 0.001 of the mean, the MAE constant within 0.01 of the median,
% and mean and median lie more than 0.1 apart.
% @end enumerate
%
% Figures, written to @var{outdir} (default
% @code{fullfile (tempdir, 'nnlab-figures')}):
% @file{nn_demo_regression_line.png}, the data with the outliers marked,
% the true line and the two fitted lines; @file{nn_demo_regression_constant.png},
% the measurements with their mean and median and the two fitted
% constants, beside the two losses as functions of the constant.
%
% The option @code{'Quick', true} (for the test suite) trains for 150
% epochs instead of 400; the claims are the same except that the MAE
% constant must be within 0.03 of the median.  The demo takes about 6 s
% (3 s quick).
%
% Returns a struct @var{r} with fields @code{topic}, @code{claim},
% @code{result} (the measured result as text), @code{figures} (cell array
% of the PNG files written), @code{mse_fit} and @code{mae_fit} (each
% @code{[slope, intercept]}), @code{mse_constant}, @code{mae_constant},
% @code{mean} and @code{median}.  If a claim does not hold it raises the
% error @code{nnlab:demo:claimFailed}.
%
% @seealso{nn_loss, nn_train, nn_toy, nn_regression_metrics, nn_tour}
% @end deftypefn

function r = nn_demo_regression(varargin)
fn = 'nn_demo_regression';
[outdir, quick] = demo_args(fn, varargin, 'nargin');
outdir = figure_folder(fn, outdir);

r = struct('topic', 'Regression: MSE follows the mean, MAE the median', ...
           'claim', ['With outliers, a line fitted with MAE stays closer to the true line than one fitted ' ...
                     'with MSE; a fitted constant converges to the mean of t with MSE and to its median with MAE.'], ...
           'result', '', 'figures', {{}}, 'mse_fit', [], 'mae_fit', [], ...
           'mse_constant', NaN, 'mae_constant', NaN, 'mean', NaN, 'median', NaN);
if quick
  epochs = 150;
  tol_median = 0.03;
else
  epochs = 400;
  tol_median = 0.01;
end
train = {'Optimizer', 'sgd', 'LearningRate', 0.05, 'Momentum', 0.9, 'Epochs', epochs, ...
         'Shuffle', false, 'Seed', 1, 'Verbose', false};
failed = {};

% (a) a line with outliers
N = 81;
[X, t, info] = nn_toy('line', 'N', N, 'Seed', 3);
out = info.outliers;
truth = [info.slope, info.intercept];
fprintf('(a) %d points t = %g x + %g + %g noise, x in [-1, 1]; %d outliers moved up by 2 to 4.\n', ...
        N, truth(1), truth(2), info.noise, sum(out));
fprintf('    The linear model y = w x + b (nn_mlp([1 1])) fitted by full-batch sgd, lr 0.05, momentum 0.9, %d epochs:\n', ...
        epochs);
names = {'mse', 'mae'};
fits = zeros(2, 2);
for k = 1:2
  net = nn_mlp([1 1], 'Seed', 1);
  net = nn_train(net, X, t, 'Loss', names{k}, 'BatchSize', N, train{:});
  fits(k, :) = [net.layers(1).W, net.layers(1).b];
end
p_ls = ([X ones(N, 1)] \ t)';
dist = sqrt(sum((fits - repmat(truth, 2, 1)) .^ 2, 2));
fprintf('\n    %-27s %7s   %11s   %20s   %18s\n', 'fit', 'slope w', 'intercept b', sprintf('distance to (%g, %g)', truth), 'MAE on the inliers');
rows = {'true line', 'least squares (closed form)', 'MSE (trained)', 'MAE (trained)'};
P = [truth; p_ls; fits];
for i = 1:4
  s = nn_regression_metrics(P(i, 1) * X(~out) + P(i, 2), t(~out));
  fprintf('    %-27s %7.4f   %11.4f   %20.4f   %18.4f\n', rows{i}, P(i, 1), P(i, 2), ...
          sqrt(sum((P(i, :) - truth) .^ 2)), s.mae);
end
fprintf('    The outliers pull the MSE line up by %.3f at x = 0; the MAE line moves by %.3f.\n', ...
        fits(1, 2) - truth(2), fits(2, 2) - truth(2));
if ~(dist(2) < dist(1))
  failed{end + 1} = sprintf('the MAE line (distance %.3f) is not closer to the true line than the MSE line (%.3f)', ...
                            dist(2), dist(1));
end
if max(abs(fits(1, :) - p_ls)) > 1e-3
  failed{end + 1} = sprintf('the MSE fit %s has not converged to least squares %s', mat2str(fits(1, :), 4), ...
                            mat2str(p_ls, 4));
end
r.mse_fit = fits(1, :);
r.mae_fit = fits(2, :);

% (b) a constant: the bias of a net whose input weight is 0 and input is 0
[~, c, cinfo] = nn_toy('line', 'N', N, 'Slope', 0, 'Intercept', 1, 'Seed', 4);
Z0 = zeros(N, 1);
m = mean(c);
md = median(c);
consts = zeros(1, 2);
for k = 1:2
  net = nn_mlp([1 1], 'Seed', 1);
  net.layers(1).W(:) = 0;     % with an all-zero input the output is the bias alone
  net = nn_train(net, Z0, c, 'Loss', names{k}, 'BatchSize', N, train{:});
  consts(k) = net.layers(1).b;
end
fprintf('\n(b) %d measurements of the constant 1 (noise %g), %d outliers moved up by 2 to 4.\n', ...
        N, cinfo.noise, sum(cinfo.outliers));
fprintf('    A model y = b (input weight 0, input 0) fitted with each loss, same training:\n');
fprintf('    mean of t   %.4f    MSE constant %.4f   (difference %.1e)\n', m, consts(1), abs(consts(1) - m));
fprintf('    median of t %.4f    MAE constant %.4f   (difference %.1e)\n', md, consts(2), abs(consts(2) - md));
fprintf('    d/db mean((t - b)^2) = -2 mean(t - b) = 0 at the mean; d/db mean(|t - b|) = -mean(sign(t - b))\n');
fprintf('    = 0 where as many points lie above b as below: the median.\n');
if abs(consts(1) - m) > 1e-3
  failed{end + 1} = sprintf('the MSE constant %.4f is not the mean %.4f', consts(1), m);
end
if abs(consts(2) - md) > tol_median
  failed{end + 1} = sprintf('the MAE constant %.4f is not within %g of the median %.4f', consts(2), tol_median, md);
end
if abs(m - md) <= 0.1
  failed{end + 1} = sprintf('mean %.4f and median %.4f are too close to tell apart', m, md);
end
r.mse_constant = consts(1);
r.mae_constant = consts(2);
r.mean = m;
r.median = md;
r.result = sprintf(['line: MSE fit w = %.3f, b = %.3f (distance %.3f), MAE fit w = %.3f, b = %.3f (distance %.3f) ' ...
                    'from the true (%g, %g); constant: MSE %.4f vs mean %.4f, MAE %.4f vs median %.4f'], ...
                   fits(1, :), dist(1), fits(2, :), dist(2), truth, consts(1), m, consts(2), md);
fprintf('\nResult: %s.\n', r.result);

% figure 1: the line fits
col_mse = [0.85 0.33 0.10];
col_mae = [0.47 0.67 0.19];
fig = nn_figure([760 540]);
ax = axes('parent', fig);
xl = [-1.05 1.05];
h = zeros(1, 5);
h(1) = plot(ax, X(~out), t(~out), 'o', 'color', [0 0.45 0.74], 'markerfacecolor', [0.6 0.8 1], 'markersize', 6);
hold(ax, 'on');
h(2) = plot(ax, X(out), t(out), 'x', 'color', [0.8 0 0], 'markersize', 11, 'linewidth', 2);
h(3) = plot(ax, xl, truth(1) * xl + truth(2), 'k--', 'linewidth', 1.5);
h(4) = plot(ax, xl, fits(1, 1) * xl + fits(1, 2), '-', 'color', col_mse, 'linewidth', 2.5);
h(5) = plot(ax, xl, fits(2, 1) * xl + fits(2, 2), '-', 'color', col_mae, 'linewidth', 2.5);
hold(ax, 'off');
xlim(ax, xl);
grid(ax, 'on');
set(ax, 'box', 'on');
xlabel(ax, 'x');
ylabel(ax, 't');
title(ax, sprintf('Fitting y = w x + b to %d points with %d outliers', N, sum(out)));
legend(ax, h, {'data', 'outliers', sprintf('true line: w = %g, b = %g', truth), ...
               sprintf('MSE fit: w = %.2f, b = %.2f', fits(1, :)), ...
               sprintf('MAE fit: w = %.2f, b = %.2f', fits(2, :))}, 'location', 'northwest');
files = {nn_figure(fig, fullfile(outdir, 'nn_demo_regression_line.png'))};

% figure 2: the constant, and the two losses as functions of it
fig = nn_figure([1500 440]);
ax = subplot(1, 3, 1, 'parent', fig);
co = cinfo.outliers;
plot(ax, find(~co), c(~co), 'o', 'color', [0 0.45 0.74], 'markerfacecolor', [0.6 0.8 1], 'markersize', 5);
hold(ax, 'on');
plot(ax, find(co), c(co), 'x', 'color', [0.8 0 0], 'markersize', 10, 'linewidth', 2);
plot(ax, [1 N], [m m], '-', 'color', col_mse, 'linewidth', 2);
plot(ax, [1 N], [md md], '-', 'color', col_mae, 'linewidth', 2);
hold(ax, 'off');
xlim(ax, [1 N]);
grid(ax, 'on');
set(ax, 'box', 'on');
xlabel(ax, 'measurement');
ylabel(ax, 't');
title(ax, sprintf('the data: mean %.3f, median %.3f', m, md));
ylim(ax, [0 1.45 * max(c)]);
legend(ax, {'measurements', 'outliers', 'mean', 'median'}, 'location', 'northwest');
b = linspace(0.5, 2.1, 641)';
R = repmat(c', numel(b), 1) - repmat(b, 1, N);
curves = {mean(R .^ 2, 2), mean(abs(R), 2)};
ttl = {'MSE(b) is smallest at the mean', 'MAE(b) is smallest at the median'};
ylab = {'MSE(b) = mean((t - b)^2)', 'MAE(b) = mean(|t - b|)'};
cols = {col_mse, col_mae};
at = [m, md];
fitted = consts;
for k = 1:2
  ax = subplot(1, 3, 1 + k, 'parent', fig);
  plot(ax, b, curves{k}, '-', 'color', cols{k}, 'linewidth', 2);
  hold(ax, 'on');
  yl = [0 1.45 * max(curves{k})];
  plot(ax, [m m], yl, '--', 'color', col_mse, 'linewidth', 1.2);
  plot(ax, [md md], yl, '-.', 'color', col_mae, 'linewidth', 1.8);
  yk = interp1(b, curves{k}, fitted(k));
  plot(ax, fitted(k), yk, 'o', 'color', 'k', 'markerfacecolor', cols{k}, 'markersize', 9);
  hold(ax, 'off');
  xlim(ax, b([1 end]));
  ylim(ax, yl);
  grid(ax, 'on');
  set(ax, 'box', 'on');
  xlabel(ax, 'the constant b');
  ylabel(ax, ylab{k});
  title(ax, ttl{k});
  legend(ax, {sprintf('%s(b)', upper(names{k})), 'mean', 'median', ...
              sprintf('trained b = %.3f', fitted(k))}, 'location', 'north');
end
files{end + 1} = nn_figure(fig, fullfile(outdir, 'nn_demo_regression_constant.png'));
r.figures = files;
fprintf('Figures: %s\n', strjoin(files, ', '));

check_claim(fn, failed);
end
