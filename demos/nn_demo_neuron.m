% -*- texinfo -*-
% @deftypefn  {} {@var{r} =} nn_demo_neuron ()
% @deftypefnx {} {@var{r} =} nn_demo_neuron (@var{outdir})
% @deftypefnx {} {@var{r} =} nn_demo_neuron (@var{outdir}, 'Quick', @var{tf})
% Lecture demo: the neuron and its activation functions.
%
% @enumerate
% @item The mathematical neuron @math{y = f(w.x + b)}: a worked example
% with three inputs is printed, computed by hand and with
% @code{nn_dense} and @code{nn_act}, for the threshold and the sigmoid
% activation.
% @item The activations of @code{nn_act} (threshold, sigmoid, tanh, relu,
% leaky_relu with @math{alpha = 0.1} so that its slope shows, elu,
% softplus, gelu, silu) are drawn with their derivatives.  Each derivative
% is the backward product of @code{nn_act} with @math{dY = 1}, which is
% @math{f'(x)}.  For each activation the largest difference between this
% derivative and central finite differences (step 1e-6, away from
% the kink at 0) is printed.
% @item The derivative of the sigmoid, @math{sigma'(x) = sigma(x) (1 -
% sigma(x))}, is checked on 2001 points of [-10, 10] against
% the backward product of @code{nn_act} (the largest absolute difference must be
% below 1e-10) and against central finite differences with step
% 1e-5 (below 1e-8).
% @end enumerate
%
% Figures, written to @var{outdir} (default
% @code{fullfile (tempdir, 'nnlab-figures')}):
% @file{nn_demo_neuron_activations.png}, a 3 x 3 grid of the nine
% activations (solid) and their derivatives (dashed), and
% @file{nn_demo_neuron_sigmoid.png}, the sigmoid, its derivative from
% @code{nn_act} and the formula @math{sigma (1 - sigma)}, beside the
% absolute differences of the two checks on a log scale.
%
% The option @qcode{'Quick', true} (for the test suite) checks 201 points
% instead of 2001; the claims are the same.  The demo takes a few seconds.
%
% Returns a struct @var{r} with fields @code{topic}, @code{claim},
% @code{result} (the measured result as text) and @code{figures} (cell
% array of the PNG files written).  If a check fails it raises the error
% @code{nnlab:demo:claimFailed}.
%
% @seealso{nn_act, nn_dense, nn_demo_gates, nn_tour}
% @end deftypefn

function r = nn_demo_neuron(varargin)
fn = 'nn_demo_neuron';
[outdir, quick] = demo_args(fn, varargin, 'option');
outdir = figure_folder(fn, outdir);

r = struct('topic', 'The neuron and its activations', ...
           'claim', ['A neuron computes y = f(w.x + b); nn_act''s backward product is the derivative f''(x) ' ...
                     'of each activation, and for the sigmoid it equals sigma(x)(1 - sigma(x)).'], ...
           'result', '', 'figures', {{}});
failed = {};

% (a) a worked example
x = [1.0 2.0 -1.0];
w = [0.5 -0.3 0.8];
b = 0.1;
z_hand = sum(w .* x) + b;
z = nn_dense(x, w, b);
y_thr = nn_act(z, 'threshold');
y_sig = nn_act(z, 'sigmoid');
fprintf('(a) The neuron y = f(w.x + b), with x = %s, w = %s, b = %g:\n', mat2str(x), mat2str(w), b);
fprintf('    z = w.x + b = %s*%s + %s*%s + %s*%s + %s = %g   (nn_dense: %g)\n', ...
        num(w(1)), num(x(1)), num(w(2)), num(x(2)), num(w(3)), num(x(3)), num(b), z_hand, z);
fprintf('    threshold: y = step(%g) = %g\n', z, y_thr);
fprintf('    sigmoid:   y = 1 / (1 + exp(-(%g))) = %.6f   (nn_act: %.6f)\n', z, 1 / (1 + exp(-z_hand)), y_sig);
if abs(z - z_hand) > 1e-12 || y_thr ~= (z_hand >= 0) || abs(y_sig - 1 / (1 + exp(-z_hand))) > 1e-12
  failed{end + 1} = 'the worked example disagrees with nn_dense/nn_act';
end

% (b) the activations and their derivatives
acts = {'threshold', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'softplus', 'gelu', 'silu'};
opts = {{}, {}, {}, {}, {'alpha', 0.1}, {}, {}, {}, {}};
formulas = {'1 if x \geq 0, else 0', '1 / (1 + e^{-x})', 'tanh(x)', 'max(x, 0)', 'max(x, 0.1 x)', ...
            'x if x > 0, else e^x - 1', 'log(1 + e^x)', 'x \Phi(x)', 'x \sigma(x)'};
xs = linspace(-4, 4, 401)';
F = zeros(numel(xs), numel(acts));
D = F;
% finite-difference points stay 1e-3 away from the kink at 0
xf = linspace(-4, 4, 400)';
xf = xf(abs(xf) > 1e-3);
h = 1e-6;
fd_err = zeros(1, numel(acts));
for i = 1:numel(acts)
  F(:, i) = nn_act(xs, acts{i}, [], opts{i}{:});
  D(:, i) = nn_act(xs, acts{i}, ones(size(xs)), opts{i}{:});
  fd = (nn_act(xf + h, acts{i}, [], opts{i}{:}) - nn_act(xf - h, acts{i}, [], opts{i}{:})) / (2 * h);
  fd_err(i) = max(abs(nn_act(xf, acts{i}, ones(size(xf)), opts{i}{:}) - fd));
end
fprintf('(b) Derivatives f''(x) = nn_act(x, name, ones): largest difference to central finite differences\n');
fprintf('    (step %g, %d points of [-4, 4] away from 0):\n', h, numel(xf));
for i = 1:numel(acts)
  fprintf('    %-10s %-13s %.1e\n', acts{i}, option_text(opts{i}), fd_err(i));
end
if any(fd_err > 1e-7)
  failed{end + 1} = sprintf('the backward product of %s differs from finite differences', ...
                            strjoin(acts(fd_err > 1e-7), ', '));
end

% (c) sigma'(x) = sigma(x) (1 - sigma(x))
if quick
  npts = 201;
else
  npts = 2001;
end
xsig = linspace(-10, 10, npts)';
s = nn_act(xsig, 'sigmoid');
formula = s .* (1 - s);
backward = nn_act(xsig, 'sigmoid', ones(size(xsig)));
hs = 1e-5;
central = (nn_act(xsig + hs, 'sigmoid') - nn_act(xsig - hs, 'sigmoid')) / (2 * hs);
err_bw = max(abs(backward - formula));
err_fd = max(abs(central - formula));
fprintf('(c) sigma''(x) = sigma(x)(1 - sigma(x)) on %d points of [-10, 10]:\n', npts);
fprintf('    max |nn_act backward - sigma(1 - sigma)|         = %.2e  (must be < 1e-10)\n', err_bw);
fprintf('    max |central difference (h = %g) - sigma(1 - sigma)| = %.2e  (must be < 1e-8)\n', hs, err_fd);
fprintf('    The largest slope is sigma''(0) = %g: a sigmoid neuron learns slowly once |z| is large.\n', ...
        nn_act(0, 'sigmoid', 1));
if ~(err_bw < 1e-10)
  failed{end + 1} = sprintf('backward product vs sigma(1 - sigma): %.2e', err_bw);
end
if ~(err_fd < 1e-8)
  failed{end + 1} = sprintf('finite differences vs sigma(1 - sigma): %.2e', err_fd);
end
r.result = sprintf(['worked example z = %g, sigmoid %.4f; sigma''(x) vs sigma(1 - sigma): ' ...
                    'backward %.1e, finite differences %.1e; all 9 activations'' derivatives ' ...
                    'within %.0e of finite differences'], ...
                   z, y_sig, err_bw, err_fd, 10 ^ ceil(log10(max(fd_err(fd_err > 0)))));

% figure 1: the activations and their derivatives
fig = nn_figure([1080 900]);
us = underscore(fig);
for i = 1:numel(acts)
  ax = subplot(3, 3, i, 'parent', fig);
  hold(ax, 'on');
  plot(ax, [-4 4], [0 0], '-', 'color', [0.75 0.75 0.75]);
  plot(ax, [0 0], [-1.5 4], '-', 'color', [0.75 0.75 0.75]);
  if strcmp(acts{i}, 'threshold')
    % draw the jump as a jump
    h1 = plot(ax, xs(xs < 0), F(xs < 0, i), '-', 'color', [0 0.45 0.74], 'linewidth', 2);
    plot(ax, xs(xs >= 0), F(xs >= 0, i), '-', 'color', [0 0.45 0.74], 'linewidth', 2);
  else
    h1 = plot(ax, xs, F(:, i), '-', 'color', [0 0.45 0.74], 'linewidth', 2);
  end
  h2 = plot(ax, xs, D(:, i), '--', 'color', [0.85 0.33 0.1], 'linewidth', 2);
  hold(ax, 'off');
  set(ax, 'box', 'on');
  axis(ax, [-4 4 -1.5 4]);
  title(ax, [strrep(acts{i}, '_', us) ': ' formulas{i}]);
  xlabel(ax, 'x');
  if i == 1
    legend(ax, [h1 h2], {'f(x)', 'f''(x)'}, 'location', 'northwest');
  end
end
files = {nn_figure(fig, fullfile(outdir, 'nn_demo_neuron_activations.png'))};

% figure 2: the sigmoid's derivative and the two checks
fig = nn_figure([1100 440]);
us = underscore(fig);
ax = subplot(1, 2, 1, 'parent', fig);
pick = 1:max(1, round(npts / 50)):npts;
hold(ax, 'on');
h1 = plot(ax, xsig, s, '-', 'color', [0 0.45 0.74], 'linewidth', 2);
h2 = plot(ax, xsig, backward, '-', 'color', [0.85 0.33 0.1], 'linewidth', 2);
h3 = plot(ax, xsig(pick), formula(pick), 'o', 'color', [0.2 0.2 0.2], 'markersize', 5);
hold(ax, 'off');
set(ax, 'box', 'on');
axis(ax, [-10 10 -0.05 1.05]);
xlabel(ax, 'x');
title(ax, 'The sigmoid and its derivative');
legend(ax, [h1 h2 h3], {'\sigma(x)', ['\sigma''(x) from nn' us 'act backward'], '\sigma(x)(1 - \sigma(x))'}, ...
       'location', 'northwest');
ax = subplot(1, 2, 2, 'parent', fig);
e1 = abs(backward - formula);
e2 = abs(central - formula);
floor_val = 1e-18;   % exact zeros cannot be drawn on a log scale
% log10 drawn on a linear axis: gnuplot drops the labels of log ticks below 1e-14
h1 = plot(ax, xsig, log10(max(e1, floor_val)), '.', 'color', [0.85 0.33 0.1]);
hold(ax, 'on');
h2 = plot(ax, xsig, log10(max(e2, floor_val)), '.', 'color', [0.47 0.67 0.19]);
hold(ax, 'off');
set(ax, 'box', 'on');
axis(ax, [-10 10 -18.5 -7]);
set(ax, 'ytick', -18:2:-8, 'yticklabel', {'0', '10^{-16}', '10^{-14}', '10^{-12}', '10^{-10}', '10^{-8}'});
xlabel(ax, 'x');
ylabel(ax, 'absolute difference to \sigma(x)(1 - \sigma(x))');
title(ax, 'Checks of \sigma''(x) = \sigma(x)(1 - \sigma(x))');
legend(ax, [h1 h2], {sprintf('nn%sact backward (max %.1e)', us, err_bw), ...
                     sprintf('central difference, h = 10^{-5} (max %.1e)', err_fd)}, ...
       'location', 'northwest');
files{end + 1} = nn_figure(fig, fullfile(outdir, 'nn_demo_neuron_sigmoid.png'));
r.figures = files;
fprintf('Result: %s.\n', r.result);
fprintf('Figures: %s\n', strjoin(files, ', '));

check_claim(fn, failed);
end

function s = num(v)
% a number for a printed formula, negative ones in parentheses
if v < 0
  s = sprintf('(%g)', v);
else
  s = sprintf('%g', v);
end
end

function us = underscore(fig)
% How to write a literal underscore in the text of FIG: gnuplot's enhanced
% text needs a double backslash, the TeX interpreter of the other toolkits one.
us = '\_';
if exist('OCTAVE_VERSION', 'builtin') > 0 && strcmp(get(fig, '__graphics_toolkit__'), 'gnuplot')
  us = '\\_';
end
end

function t = option_text(o)
if isempty(o)
  t = '';
else
  t = sprintf('(%s = %g)', o{1}, o{2});
end
end
