% -*- texinfo -*-
% @deftypefn  {} {@var{r} =} nn_demo_likelihood ()
% @deftypefnx {} {@var{r} =} nn_demo_likelihood (@var{outdir})
% @deftypefnx {} {@var{r} =} nn_demo_likelihood (@var{outdir}, 'Quick', @var{tf})
% Lecture demo: the losses of nnlab are negative log-likelihoods.
%
% @enumerate
% @item Bernoulli.  In @math{N = 20} trials with @math{n = 7} successes the
% likelihood @math{L(p) = C(N,n) p^n (1-p)^(N-n)} is largest at
% @math{p = n/N = 0.35}: on a grid of @math{p} with step 0.001, and as the
% zero of @math{d/dp log L = n/p - (N-n)/(1-p)} found by @code{fzero}.
% @item Binary cross-entropy.  For 12 probabilities @math{p_i} and 0/1
% targets @math{y_i}, @code{nn_loss (p, y, 'bce')} equals @math{-1/N}
% times the Bernoulli log-likelihood
% @math{sum y_i log p_i + (1 - y_i) log (1 - p_i)}.  Its gradient
% (@qcode{'reduction', 'sum'}) is @math{-y/p + (1-y)/(1-p)}, and the
% gradient of @qcode{'bce_logits'} with respect to the logit
% @math{z = log (p/(1-p))} is @math{sigma(z) - y}; by the chain rule the
% first times @math{sigma'(z) = p (1 - p)} is the second.
% @item Gaussian with fixed @math{sigma}.  For 11 observations (the last,
% 9.6, an outlier) and the last 10 of them the negative log-likelihood of a Gaussian of mean @math{mu} is
% @math{N/2 log (2 pi sigma^2) + SSE / (2 sigma^2)}
% = @math{N/2 log (2 pi sigma^2) + N/(2 sigma^2) MSE}, an affine function
% of the MSE of @code{nn_loss}; its minimum over a grid of @math{mu} is at
% the sample mean.  Fitting @math{sigma} as well (@code{fminsearch} over
% @math{mu} and @math{log sigma}) gives the sample variance with
% @math{1/N}.
% @item Laplace with scale @math{b}.  The negative log-likelihood
% @math{N log (2 b) + N/b MAE} is an affine function of the MAE, and it is
% smallest at the median: on a grid of @math{mu} that holds the
% observations, for odd @math{N} at the middle observation only, for even
% @math{N} on the whole interval between the two middle observations,
% which holds the median.
% @item Heteroscedastic Gaussian.  On 400 points whose noise grows with
% @math{x} (standard deviation @math{0.05 + 0.45 x} around
% @math{sin(2 pi x)}, @math{x} in [0, 1]), a 1-32-32-2 network trained by
% @code{nn_train} with @qcode{'Loss', 'gaussian'} predicts for each
% @math{x} a mean @math{mu} and a log variance @math{s}: its own
% uncertainty, @math{sigma = exp(s/2)}.  The loss is
% @math{(s + (y - mu)^2 exp(-s)) / 2} (checked against the formula); the
% predicted @math{sigma} follows the true one (correlation above 0.9,
% about 5 times larger at the right end than at the left), about 95% of
% the points lie in the band @math{mu +- 2 sigma}, and the Gaussian NLL is
% lower than that of a network trained with @qcode{'mse'} and one
% @math{sigma} for all points (the residuals' RMS, its maximum-likelihood
% value).
% @end enumerate
%
% Every identity is checked numerically (to 1e-10 or better; the
% grid minima to half a grid step) and printed.
%
% Figures, written to @var{outdir} (default
% @code{fullfile (tempdir, 'nnlab-figures')}):
% @file{nn_demo_likelihood_bernoulli.png}, the likelihood @math{L(p)} with
% its maximum at @math{n/N} marked, beside the derivative of
% @math{log L} and its zero; @file{nn_demo_likelihood_location.png}, the
% Gaussian and the Laplace negative log-likelihoods over @math{mu} (each
% minus its minimum) with the mean and the median marked, for the 11
% observations and for the last 10 of them;
% @file{nn_demo_likelihood_heteroscedastic.png}, the data with the
% predicted mean and its +-2 sigma band beside the true band, and the
% predicted against the true sigma over @math{x}.
%
% The option @qcode{'Quick', true} (for the test suite) uses coarser grids
% (step 0.01 instead of 0.001); the claims are the same.  The demo takes a
% few seconds.
%
% Returns a struct @var{r} with fields @code{topic}, @code{claim},
% @code{result} (the measured result as text) and @code{figures} (cell
% array of the PNG files written).  If an identity fails it raises the
% error @code{nnlab:demo:claimFailed}.
%
% @seealso{nn_loss, nn_act, nn_demo_neuron, nn_tour}
% @end deftypefn

function r = nn_demo_likelihood(varargin)
fn = 'nn_demo_likelihood';
[outdir, quick] = demo_args(fn, varargin, 'option');
outdir = figure_folder(fn, outdir);

r = struct('topic', 'Losses are negative log-likelihoods', ...
           'claim', ['Maximum likelihood gives p = n/N for a Bernoulli, BCE is its negative log-likelihood ' ...
                     '(gradients -y/p + (1-y)/(1-p) and sigma(z) - y), MSE and MAE are those of a Gaussian ' ...
                     'and a Laplace, minimised at the mean and the median; a network trained with the Gaussian NLL ' ...
                     'of [mean, log variance] predicts its own uncertainty on noise that grows with x.'], ...
           'result', '', 'figures', {{}});
failed = {};
if quick
  step = 0.01;
else
  step = 0.001;
end

% (a) Bernoulli: the likelihood is largest at p = n/N
N = 20;
n = 7;
p = (0:step:1)';
L = nchoosek(N, n) * p .^ n .* (1 - p) .^ (N - n);
[Lmax, imax] = max(L);
p_grid = p(imax);
dlogL = @(q) n ./ q - (N - n) ./ (1 - q);
p_zero = fzero(dlogL, [0.01 0.99]);
fprintf('(a) Bernoulli: %d successes in %d trials, L(p) = C(%d,%d) p^%d (1-p)^%d.\n', n, N, N, n, n, N - n);
fprintf('    Largest L on the grid p = 0:%g:1 at p = %.4f (L = %.4f); n/N = %.4f.\n', step, p_grid, Lmax, n / N);
fprintf('    d/dp log L = n/p - (N-n)/(1-p) = 0 (fzero) at p = %.12f; |p - n/N| = %.1e.\n', ...
        p_zero, abs(p_zero - n / N));
if abs(p_grid - n / N) > step / 2 + 1e-12
  failed{end + 1} = sprintf('the grid maximum of the Bernoulli likelihood is at %g, not %g', p_grid, n / N);
end
if ~(abs(p_zero - n / N) < 1e-10)
  failed{end + 1} = sprintf('the zero of d log L/dp is %.12g, not n/N', p_zero);
end

% (b) binary cross-entropy = -1/N Bernoulli log-likelihood
old = rand('twister');                 % a seeded draw; your own stream is kept
rand('twister', 7);
u = rand(12, 2);
rand('twister', old);
pb = 0.05 + 0.9 * u(:, 1);
yb = double(u(:, 2) < pb);
Nb = numel(pb);
loglik = sum(yb .* log(pb) + (1 - yb) .* log(1 - pb));
bce = nn_loss(pb, yb, 'bce');
err_bce = abs(bce - (-loglik / Nb));
[~, dp] = nn_loss(pb, yb, 'bce', 'reduction', 'sum');
dp_formula = -yb ./ pb + (1 - yb) ./ (1 - pb);
err_dp = max(abs(dp - dp_formula) ./ abs(dp_formula));
zb = log(pb ./ (1 - pb));
[bce_z, dz] = nn_loss(zb, yb, 'bce_logits', 'reduction', 'sum');
dz_formula = nn_act(zb, 'sigmoid') - yb;
err_dz = max(abs(dz - dz_formula));
err_chain = max(abs(dp .* nn_act(zb, 'sigmoid', ones(Nb, 1)) - dz));
err_logits = abs(bce_z / Nb - bce);
fprintf('(b) Binary cross-entropy on %d probabilities p and targets y (%d ones):\n', Nb, sum(yb));
fprintf('    nn_loss(p, y, ''bce'') = %.12f, -1/N sum(y log p + (1-y) log(1-p)) = %.12f; difference %.1e.\n', ...
        bce, -loglik / Nb, err_bce);
fprintf('    dL/dp (''bce'', reduction ''sum'') vs -y/p + (1-y)/(1-p): largest relative difference %.1e.\n', err_dp);
fprintf('    dL/dz (''bce_logits'', z = log(p/(1-p))) vs sigma(z) - y: largest difference %.1e;\n', err_dz);
fprintf('    chain rule: dL/dp * sigma''(z) = (-y/p + (1-y)/(1-p)) p(1-p) = p - y, difference %.1e;\n', err_chain);
fprintf('    the two losses agree: |bce_logits(z) - bce(p)| = %.1e.\n', err_logits);
if ~(err_bce < 1e-12 && err_dp < 1e-12 && err_dz < 1e-12 && err_chain < 1e-12 && err_logits < 1e-12)
  failed{end + 1} = sprintf(['BCE and the Bernoulli log-likelihood disagree (value %.1e, dL/dp %.1e, ' ...
                             'dL/dz %.1e, chain rule %.1e, logits %.1e)'], err_bce, err_dp, err_dz, err_chain, err_logits);
end

% the data of (c) and (d): 11 observations, the last one an outlier; the
% even set leaves out the first
x = [0.4; 1.0; 1.5; 1.9; 2.2; 2.6; 3.4; 3.8; 4.3; 4.9; 9.6];
sets = {x, x(2:end)};
mu = (floor(min(x)) - 1:step:ceil(max(x)) + 1)';
mu = round(mu * 1e9) / 1e9;   % 2.6 on the grid is the same number as the observation 2.6

% (c) Gaussian with fixed sigma: -log L is affine in the MSE, smallest at the mean
sigma = 1;
nllg = cell(1, 2);
mean_ok = true;
err_aff_g = 0;
for k = 1:2
  xk = sets{k};
  Nk = numel(xk);
  mg = mu;
  [M, X] = meshgrid(mg, xk);             % Nk x G: every observation against every mu
  direct = -sum(log(exp(-(X - M) .^ 2 / (2 * sigma ^ 2)) / sqrt(2 * pi * sigma ^ 2)), 1)';
  mse = mean(nn_loss(M, X, 'mse', 'reduction', 'none'), 1)';
  affine = Nk / 2 * log(2 * pi * sigma ^ 2) + Nk / (2 * sigma ^ 2) * mse;
  err_aff_g = max(err_aff_g, max(abs(direct - affine)));
  [~, i0] = min(direct);
  nllg{k} = [mg direct];
  if k == 1
    fprintf('(c) Gaussian, sigma = %g fixed, N = %d observations x = %s:\n', sigma, Nk, mat2str(xk', 3));
    fprintf('    -log L(mu) = N/2 log(2 pi sigma^2) + SSE/(2 sigma^2) = %.4f + %.4f MSE(mu)\n', ...
            Nk / 2 * log(2 * pi * sigma ^ 2), Nk / (2 * sigma ^ 2));
  end
  fprintf('    N = %2d: argmin over the grid mu = %g:%g:%g is %.4f; sample mean %.4f\n', ...
          Nk, mg(1), step, mg(end), mg(i0), mean(xk));
  mean_ok = mean_ok && abs(mg(i0) - mean(xk)) <= step / 2 + 1e-12;
end
fprintf('    the density formula and the affine function of nn_loss''s MSE differ by at most %.1e.\n', err_aff_g);
% fitting sigma as well
nll2 = @(q) numel(x) * q(2) + sum((x - q(1)) .^ 2) / (2 * exp(2 * q(2))) + numel(x) / 2 * log(2 * pi);
q = fminsearch(nll2, [0; 0], optimset('TolX', 1e-12, 'TolFun', 1e-14, 'MaxFunEvals', 1e5, 'MaxIter', 1e5));
var1 = mean((x - mean(x)) .^ 2);
err_mu = abs(q(1) - mean(x));
err_var = abs(exp(2 * q(2)) - var1) / var1;
fprintf('    fitting mu and sigma (fminsearch over mu, log sigma): mu = %.6f (mean %.6f),\n', q(1), mean(x));
fprintf('    sigma^2 = %.6f = the sample variance with 1/N, %.6f (with 1/(N-1): %.6f).\n', ...
        exp(2 * q(2)), var1, var(x));
if ~(err_aff_g < 1e-10)
  failed{end + 1} = sprintf('the Gaussian -log L is not affine in the MSE (%.1e)', err_aff_g);
end
if ~mean_ok
  failed{end + 1} = 'the grid minimum of the Gaussian -log L is not at the mean';
end
if ~(err_mu < 1e-6 && err_var < 1e-6)
  failed{end + 1} = sprintf('the fitted Gaussian is not (mean, 1/N variance): %.1e, %.1e', err_mu, err_var);
end

% (d) Laplace: -log L is affine in the MAE, smallest at the median
b = 1;
nlll = cell(1, 2);
median_ok = true;
err_aff_l = 0;
span = zeros(2, 2);
for k = 1:2
  xk = sets{k};
  Nk = numel(xk);
  mg = unique(round([mu; xk; median(xk)] * 1e9) / 1e9);   % the grid holds the observations and the median
  [M, X] = meshgrid(mg, xk);
  direct = -sum(log(exp(-abs(X - M) / b) / (2 * b)), 1)';
  mae = mean(nn_loss(M, X, 'mae', 'reduction', 'none'), 1)';
  affine = Nk * log(2 * b) + Nk / b * mae;
  err_aff_l = max(err_aff_l, max(abs(direct - affine)));
  nlll{k} = [mg affine];
  at_min = mg(affine <= min(affine) + 1e-9);
  span(k, :) = [min(at_min) max(at_min)];
  xs = sort(xk);
  if k == 1
    fprintf('(d) Laplace, scale b = %g: -log L(mu) = N log(2b) + sum|x - mu|/b = %.4f + %g MAE(mu).\n', ...
            b, Nk * log(2 * b), Nk / b);
  end
  if mod(Nk, 2) == 1
    mid = xs((Nk + 1) / 2) * [1 1];
    fprintf('    N = %2d (odd):  the grid minimum is at mu = %.4f only; the median is %.4f.\n', ...
            Nk, span(k, 1), median(xk));
    median_ok = median_ok && isequal(span(k, :), mid) && span(k, 1) == median(xk);
  else
    mid = xs(Nk / 2 + [0 1])';
    fprintf(['    N = %2d (even): the grid minimum is flat on [%.4f, %.4f], the interval between the two\n' ...
             '                   middle observations; the median %.4f lies in it.\n'], ...
            Nk, span(k, 1), span(k, 2), median(xk));
    median_ok = median_ok && isequal(span(k, :), mid) && median(xk) >= mid(1) && median(xk) <= mid(2);
  end
end
fprintf('    the density formula and the affine function of nn_loss''s MAE differ by at most %.1e.\n', err_aff_l);
fprintf(['    Without the outlier %.1f the mean is %.2f and the median %.2f; with it the mean moves to %.2f,\n' ...
         '    the median only to %.2f: the median (MAE, Laplace) is robust, the mean (MSE, Gaussian) is not.\n'], ...
        x(end), mean(x(1:end - 1)), median(x(1:end - 1)), mean(x), median(x));
if ~(err_aff_l < 1e-10)
  failed{end + 1} = sprintf('the Laplace -log L is not affine in the MAE (%.1e)', err_aff_l);
end
if ~median_ok
  failed{end + 1} = 'the grid minimum of the Laplace -log L is not at the median';
end

% (e) heteroscedastic Gaussian: a network that predicts its own uncertainty
old = randn('state');                  % a seeded draw; your own stream is kept
randn('state', 3);
Nh = 400;
xh = linspace(0, 1, Nh)';
sd = 0.05 + 0.45 * xh;                 % the noise grows with x
yh = sin(2 * pi * xh) + sd .* randn(Nh, 1);
randn('state', old);
targs = {'Epochs', 200, 'BatchSize', 50, 'LearningRate', 0.01, 'Seed', 2, 'Verbose', false};
neth = nn_train(nn_mlp([1 32 32 2], 'Hidden', 'tanh', 'Seed', 1), xh, yh, 'Loss', 'gaussian', targs{:});
Yh = nn_predict(neth, xh);
muh = Yh(:, 1);
sh = exp(Yh(:, 2) / 2);                % sigma = exp(s/2), s the predicted log variance
Lh = nn_loss(Yh, yh, 'gaussian', 'reduction', 'none');
err_het = max(abs(Lh - 0.5 * (Yh(:, 2) + (yh - muh) .^ 2 .* exp(-Yh(:, 2)))));
c_sd = corrcoef(sh, sd);
c_sd = c_sd(1, 2);
edge = 40;
ratio = mean(sh(end - edge + 1:end)) / mean(sh(1:edge));
ratio_true = mean(sd(end - edge + 1:end)) / mean(sd(1:edge));
inband = mean(abs(yh - muh) <= 2 * sh);
% the homoscedastic baseline: the mean by MSE, one sigma (the residuals' RMS)
netm = nn_train(nn_mlp([1 32 32 1], 'Hidden', 'tanh', 'Seed', 1), xh, yh, 'Loss', 'mse', targs{:});
mum = nn_predict(netm, xh);
sm = sqrt(mean((yh - mum) .^ 2));
nll_het = nn_loss(Yh, yh, 'gaussian', 'full', true);
nll_fix = nn_loss(mum, yh, 'gaussian', 'sigma', sm, 'full', true);
fprintf('(e) Heteroscedastic Gaussian: %d points, y = sin(2 pi x) + noise of sd 0.05 + 0.45 x;\n', Nh);
fprintf('    a 1-32-32-2 network predicts [mu, s = log sigma^2], trained with nn_train(..., ''Loss'', ''gaussian'').\n');
fprintf('    loss = (s + (y - mu)^2 exp(-s))/2 within %.1e; predicted vs true sigma: correlation %.3f,\n', err_het, c_sd);
fprintf('    right end / left end %.2f (true %.2f); %.1f%% of the points in mu +- 2 sigma (95.4%% for a Gaussian).\n', ...
        ratio, ratio_true, 100 * inband);
fprintf('    Gaussian NLL per point: %.4f with the predicted sigma, %.4f with one sigma = %.3f (MSE network).\n', ...
        nll_het, nll_fix, sm);
if ~(err_het < 1e-12)
  failed{end + 1} = sprintf('the heteroscedastic loss is not (s + r^2 exp(-s))/2 (%.1e)', err_het);
end
if ~(c_sd > 0.9 && ratio > 3 && inband > 0.9 && inband < 0.99)
  failed{end + 1} = sprintf(['the predicted sigma does not follow the noise (correlation %.3f, ratio %.2f, ' ...
                             '%.1f%% in the band)'], c_sd, ratio, 100 * inband);
end
if ~(nll_het < nll_fix)
  failed{end + 1} = sprintf('the heteroscedastic NLL %.4f is not below the fixed-sigma one %.4f', nll_het, nll_fix);
end

r.result = sprintf(['Bernoulli maximum at p = %.4f (grid) and %.10f (fzero), n/N = %.2f; BCE = -1/N log L ' ...
                    'within %.0e, gradients within %.0e; Gaussian -log L = affine(MSE) within %.0e, grid minimum at the ' ...
                    'mean, fitted sigma^2 = 1/N variance within %.0e; Laplace -log L = affine(MAE) within %.0e, ' ...
                    'minimum at the median (odd N) and on the middle interval (even N); heteroscedastic network: ' ...
                    'predicted sigma vs true correlation %.3f, %.1f%% of the points in mu +- 2 sigma, NLL %.3f ' ...
                    'against %.3f with one sigma'], ...
                   p_grid, p_zero, n / N, max(err_bce, eps), max([err_dp, err_dz, err_chain, eps]), ...
                   max(err_aff_g, eps), max(err_var, eps), max(err_aff_l, eps), c_sd, 100 * inband, ...
                   nll_het, nll_fix);

% figure 1: the Bernoulli likelihood and the zero of the derivative of its log
fig = nn_figure([1100 440]);
ax = subplot(1, 2, 1, 'parent', fig);
plot(ax, p, L, '-', 'color', [0 0.45 0.74], 'linewidth', 2);
hold(ax, 'on');
plot(ax, [n / N n / N], [0 Lmax], '--', 'color', [0.5 0.5 0.5]);
plot(ax, n / N, Lmax, 'o', 'markersize', 9, 'markerfacecolor', [0.85 0.33 0.1], 'color', [0.85 0.33 0.1]);
hold(ax, 'off');
set(ax, 'box', 'on');
axis(ax, [0 1 0 1.1 * Lmax]);
xlabel(ax, 'p');
ylabel(ax, 'L(p)');
title(ax, sprintf('Bernoulli likelihood, n = %d of N = %d', n, N));
text(n / N + 0.03, Lmax, sprintf('maximum at p = n/N = %.2f', n / N), 'parent', ax);
ax = subplot(1, 2, 2, 'parent', fig);
pd = (0.05:step:0.95)';
plot(ax, pd, dlogL(pd), '-', 'color', [0 0.45 0.74], 'linewidth', 2);
hold(ax, 'on');
plot(ax, [0 1], [0 0], '-', 'color', [0.6 0.6 0.6]);
plot(ax, p_zero, 0, 'o', 'markersize', 9, 'markerfacecolor', [0.85 0.33 0.1], 'color', [0.85 0.33 0.1]);
hold(ax, 'off');
set(ax, 'box', 'on');
axis(ax, [0 1 -150 150]);
xlabel(ax, 'p');
ylabel(ax, 'd/dp log L(p)');
title(ax, 'd/dp log L = n/p - (N - n)/(1 - p)');
text(p_zero + 0.03, 15, sprintf('zero at p = %.4f (fzero)', p_zero), 'parent', ax);
files = {nn_figure(fig, fullfile(outdir, 'nn_demo_likelihood_bernoulli.png'))};

% figure 2: Gaussian and Laplace -log L over mu, odd and even N
fig = nn_figure([1100 460]);
for k = 1:2
  xk = sets{k};
  ax = subplot(1, 2, k, 'parent', fig);
  g = nllg{k};
  l = nlll{k};
  top = 8;
  h1 = plot(ax, g(:, 1), g(:, 2) - min(g(:, 2)), '-', 'color', [0 0.45 0.74], 'linewidth', 2);
  hold(ax, 'on');
  h2 = plot(ax, l(:, 1), l(:, 2) - min(l(:, 2)), '-', 'color', [0.85 0.33 0.1], 'linewidth', 2);
  h3 = plot(ax, mean(xk) * [1 1], [0 top], '--', 'color', [0 0.45 0.74], 'linewidth', 1.5);
  h4 = plot(ax, median(xk) * [1 1], [0 top], '-.', 'color', [0.85 0.33 0.1], 'linewidth', 1.5);
  h5 = plot(ax, xk, -0.4 * ones(size(xk)), 'k^', 'markersize', 6, 'markerfacecolor', [0.3 0.3 0.3]);
  hold(ax, 'off');
  set(ax, 'box', 'on');
  axis(ax, [0 10 -0.8 top]);
  xlabel(ax, '\mu');
  ylabel(ax, '-log L(\mu) - min');
  if mod(numel(xk), 2) == 1
    title(ax, sprintf('N = %d (odd): Laplace minimum at the median', numel(xk)));
  else
    title(ax, sprintf('N = %d (even): Laplace flat between the middle two', numel(xk)));
  end
  legend(ax, [h1 h2 h3 h4 h5], {sprintf('Gaussian, \\sigma = %g (MSE)', sigma), ...
                                sprintf('Laplace, b = %g (MAE)', b), ...
                                sprintf('mean %.2f', mean(xk)), sprintf('median %.2f', median(xk)), ...
                                'observations'}, 'location', 'northeast');
end
files{end + 1} = nn_figure(fig, fullfile(outdir, 'nn_demo_likelihood_location.png'));

% figure 3: the heteroscedastic network's mean and +-2 sigma band
fig = nn_figure([1100 460]);
ax = subplot(1, 2, 1, 'parent', fig);
band = [muh - 2 * sh; flipud(muh + 2 * sh)];
patch([xh; flipud(xh)], band, [0.8 0.88 0.97], 'edgecolor', 'none', 'parent', ax);
hold(ax, 'on');
h1 = plot(ax, xh, yh, '.', 'color', [0.4 0.4 0.4], 'markersize', 6);
h2 = plot(ax, xh, muh, '-', 'color', [0 0.45 0.74], 'linewidth', 2);
h3 = plot(ax, xh, muh + 2 * sh, '-', 'color', [0 0.45 0.74], 'linewidth', 1);
plot(ax, xh, muh - 2 * sh, '-', 'color', [0 0.45 0.74], 'linewidth', 1);
h4 = plot(ax, xh, sin(2 * pi * xh) + 2 * sd, '--', 'color', [0.85 0.33 0.1], 'linewidth', 1.5);
plot(ax, xh, sin(2 * pi * xh) - 2 * sd, '--', 'color', [0.85 0.33 0.1], 'linewidth', 1.5);
hold(ax, 'off');
set(ax, 'box', 'on');
xlabel(ax, 'x');
ylabel(ax, 'y');
title(ax, sprintf('predicted \\mu \\pm 2\\sigma: %.1f%% of the points', 100 * inband));
legend(ax, [h1 h2 h3 h4], {'data', 'predicted mean \mu', '\mu \pm 2\sigma (predicted)', ...
                           'true mean \pm 2 sd'}, 'location', 'southwest');
ax = subplot(1, 2, 2, 'parent', fig);
plot(ax, xh, sd, '--', 'color', [0.85 0.33 0.1], 'linewidth', 2);
hold(ax, 'on');
plot(ax, xh, sh, '-', 'color', [0 0.45 0.74], 'linewidth', 2);
plot(ax, xh([1 end]), sm * [1 1], ':', 'color', [0.3 0.3 0.3], 'linewidth', 1.5);
hold(ax, 'off');
set(ax, 'box', 'on');
xlabel(ax, 'x');
ylabel(ax, '\sigma');
title(ax, sprintf('\\sigma = exp(s/2) against the true sd (r = %.3f)', c_sd));
legend(ax, {'true sd 0.05 + 0.45 x', 'predicted \sigma', sprintf('one \\sigma (MSE fit), %.3f', sm)}, ...
       'location', 'northwest');
files{end + 1} = nn_figure(fig, fullfile(outdir, 'nn_demo_likelihood_heteroscedastic.png'));
r.figures = files;
fprintf('Result: %s.\n', r.result);
fprintf('Figures: %s\n', strjoin(files, ', '));

check_claim(fn, failed);
end
