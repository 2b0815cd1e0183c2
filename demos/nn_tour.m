% -*- texinfo -*-
% @deftypefn  {} {@var{results} =} nn_tour ()
% @deftypefnx {} {@var{results} =} nn_tour (@var{outdir})
% @deftypefnx {} {@var{results} =} nn_tour (@var{outdir}, @var{demos})
% Run every lecture demo of nnlab, and print what each one showed.
%
% The demos run in the order of the lecture (or only those named in the
% cell array @var{demos}, e.g. @code{@{'nn_demo_xor'@}}):
%
% @table @code
% @item nn_demo_applications
% the introduction: what networks are used for, as a table of task types
% with their output layer, loss and metric.
% @item nn_demo_neuron
% the neuron y = f(w.x + b); the activations and their derivatives;
% sigma' = sigma (1 - sigma) checked.
% @item nn_demo_gates
% one threshold neuron computes NOT, AND and OR.
% @item nn_demo_xor
% no single threshold neuron computes XOR; two layers do, and a 2-2-1
% sigmoid network learns it.
% @item nn_demo_linearity
% stacked linear layers are one linear map; one layer draws a straight
% boundary; a nonlinearity separates XOR and circles.
% @item nn_demo_training
% what training needs: one task with different architectures, losses and
% optimizers (gradient descent, momentum, Adam).
% @item nn_demo_classical
% MATLAB's classical full-batch trainers: Levenberg-Marquardt reaches an MSE
% of 1e-5 on a 1-10-1 curve fit in 7 epochs, Adam not in 300.
% @item nn_demo_binary
% binary classification: BCE of logits, decision boundary, ROC and AUC.
% @item nn_demo_fashion
% multiclass classification on Fashion-MNIST: softmax and cross-entropy,
% at least 88 % test accuracy within 10 epochs with Adam, the confusion
% matrix and a grid of test images (about 20 s on a quiet machine).
% @item nn_demo_regression
% MSE follows the mean and is pulled by outliers; MAE follows the median.
% @item nn_demo_ranking
% a pairwise ranking network (RankNet, margin ranking) raises NDCG.
% @item nn_demo_autoencoder
% dimensionality reduction: an autoencoder through a 2-unit bottleneck
% against PCA with 2 components (about 65 s on a quiet machine).
% @item nn_demo_likelihood
% the losses as negative log-likelihoods: Bernoulli, Gaussian, Laplace.
% @item nn_demo_cnn
% convolutional networks: convolution is translation-equivariant, pooling
% invariant; a CNN with fewer parameters beats the MLP on Fashion-MNIST
% (about 80 s).
% @item nn_demo_sweep
% hyperparameter sweeps: a learning rate x hidden size heat map, the spread
% of 5-fold cross-validation, an ensemble of 5 seeds against its members.
% @end table
%
% Each demo writes its figures (PNG) into @var{outdir} (default
% @code{fullfile (tempdir, 'nnlab-figures')}) and checks its own claim.
% A demo that fails does not stop the tour: its error message is printed
% and the next demo runs.  At the end a summary table lists, for each
% demo, its topic, its claim, the measured result and its figures, and
% the folder of the figures.
%
% Returns the struct array @var{results}, one element per demo, with
% fields @code{demo}, @code{topic}, @code{claim}, @code{result},
% @code{figures}, @code{passed} (true or false), @code{message} (the
% error message of a failed demo, else empty) and @code{seconds}.  If any demo failed, the
% tour raises the error @code{nnlab:nn_tour:failed} after the summary.
%
% @code{make demo} runs @code{nn_tour ('build/figures')}.
%
% @seealso{nn_demo_applications, nn_demo_neuron, nn_demo_gates, nn_demo_xor, nn_demo_linearity, nn_demo_training, nn_demo_classical, nn_demo_binary, nn_demo_fashion, nn_demo_regression, nn_demo_ranking, nn_demo_autoencoder, nn_demo_likelihood, nn_demo_cnn, nn_demo_sweep}
% @end deftypefn

function results = nn_tour(outdir, demos, varargin)
% the lecture's demos, in order: a new demo is added here and in the help
all_demos = {'nn_demo_applications', 'nn_demo_neuron', 'nn_demo_gates', 'nn_demo_xor', ...
             'nn_demo_linearity', 'nn_demo_training', 'nn_demo_classical', 'nn_demo_binary', 'nn_demo_fashion', ...
             'nn_demo_regression', 'nn_demo_ranking', 'nn_demo_autoencoder', 'nn_demo_likelihood', ...
             'nn_demo_cnn', 'nn_demo_sweep'};
if nargin > 2
  error('nnlab:nn_tour:nargin', ...
        'nn_tour takes at most 2 arguments, the folder for the figures and the demos to run; you gave %d.', nargin);
end
if nargin < 2
  demos = all_demos;
elseif ischar(demos) && size(demos, 1) == 1
  demos = {demos};
elseif ~iscellstr(demos) || isempty(demos)
  error('nnlab:nn_tour:class', ...
        'DEMOS must be a cell array of demo names, such as {''nn_demo_xor''}.');
end
demos = demos(:)';
if nargin < 1
  outdir = '';
end
outdir = figure_folder('nn_tour', outdir);

results = struct('demo', demos, 'topic', '', 'claim', '', 'result', '', ...
                 'figures', {{}}, 'passed', false, 'message', '', 'seconds', 0);
for i = 1:numel(demos)
  fprintf('\n=== %s (%d of %d) ===\n', demos{i}, i, numel(demos));
  t0 = tic();
  try
    r = feval(demos{i}, outdir);
    results(i).topic = r.topic;
    results(i).claim = r.claim;
    results(i).result = r.result;
    results(i).figures = r.figures;
    results(i).passed = true;
  catch err
    results(i).topic = demos{i};
    results(i).result = 'FAILED';
    results(i).message = err.message;
    fprintf('FAILED: %s\n', err.message);
  end
  results(i).seconds = toc(t0);
end

% summary table
fprintf('\n=== nnlab lecture tour: summary ===\n');
head = {'topic', 'claim', 'measured result', 'figures', 'time'};
widths = [18 30 34 23 6];
rows = cell(numel(results), 5);
for i = 1:numel(results)
  figs = results(i).figures;
  names = cell(1, numel(figs));
  for j = 1:numel(figs)
    [~, base, ext] = fileparts(figs{j});
    names{j} = [base ext];
  end
  res = results(i).result;
  if ~results(i).passed
    res = ['FAILED: ' results(i).message];
  end
  rows(i, :) = {results(i).topic, results(i).claim, res, strjoin(names, ' '), ...
                sprintf('%.0f s', results(i).seconds)};
end
print_row(head, widths);
fprintf('%s\n', strjoin(arrayfun(@(w) repmat('-', 1, w), widths, 'UniformOutput', false), '-+-'));
for i = 1:size(rows, 1)
  print_row(rows(i, :), widths);
  if i < size(rows, 1)
    fprintf('%s\n', deblank(strjoin(arrayfun(@(w) repmat(' ', 1, w), widths, 'UniformOutput', false), ' | ')));
  end
end
fprintf('\nFigures are in %s\n', absolute(outdir));

failed = ~[results.passed];
fprintf('%d of %d demos passed.\n', sum(~failed), numel(results));
if any(failed)
  error('nnlab:nn_tour:failed', '%d of %d demos failed: %s (see the messages above).', ...
        sum(failed), numel(results), strjoin({results(failed).demo}, ', '));
end
if nargout == 0
  clear('results');   % `nn_tour(...)` at the prompt prints the summary only
end
end

function p = absolute(p)
if ~(numel(p) >= 1 && (p(1) == '/' || p(1) == '\')) && ...
    ~(numel(p) >= 2 && p(2) == ':')
  p = fullfile(pwd, p);
end
end
