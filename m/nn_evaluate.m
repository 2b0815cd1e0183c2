% -*- texinfo -*-
% @deftypefn  {} {@var{r} =} nn_evaluate (@var{net}, @var{X}, @var{T})
% @deftypefnx {} {@var{r} =} nn_evaluate (@var{net}, @var{X}, @var{T}, @var{name}, @var{value}, @dots{})
% Evaluate a network on data: the loss and the metrics that fit it.
%
% With no output argument the report is printed.  The loss is chosen as in
% @code{nn_train} unless given:
%
% @table @asis
% @item classification (@code{'ce'}, @code{'nll'}, @code{'bce'}, @code{'bce_logits'}, @code{'hinge'}, @code{'bernoulli'}, @code{'categorical'})
% @code{r.accuracy}, @code{r.confusion} (@code{C(i,j)}: true class i
% predicted as j), @code{r.precision}, @code{r.recall}, @code{r.f1} (per
% class) and @code{r.macro_precision}, @code{r.macro_recall},
% @code{r.macro_f1}; for the binary losses also @code{r.auc} and
% @code{r.roc} (fields @code{fpr}, @code{tpr}, @code{thresholds}).
% @item regression (@code{'mse'}, @code{'mae'}, @code{'huber'}, @code{'gaussian'}, @code{'laplace'}, @code{'poisson'})
% @code{r.mse}, @code{r.mae}, @code{r.r2}, of the predicted mean: for
% @code{'gaussian'} and @code{'laplace'} with two output columns per target
% (mean and log variance or log scale) the first ones, for @code{'poisson'}
% the rate @code{exp (Y)} (@code{Y} itself with @code{'log_input'}
% @code{false}).
% @item ranking (@code{'margin_ranking'}, @code{'pairwise_logistic'})
% on pairs (@var{X} holds the two items side by side, @var{T} is +1 when the
% first should rank higher, -1 otherwise): @code{r.pair_accuracy}.  On single
% items with graded relevance @var{T} and @code{'Query'}, @var{qid}:
% @code{r.ndcg}, NDCG@@@var{K} (@code{'K'}, default 10).
% @end table
%
% Options: @code{'Loss'}, @code{'LossOptions'} (as for @code{nn_train}),
% @code{'Query'}, @code{'K'}.  Always: @code{r.loss} (mean) and
% @code{r.loss_name}, @code{r.n} (observations).
%
% @var{X} and @var{T} must be full (else @code{nnlab:nn_evaluate:sparse})
% and @var{X} finite (else @code{nnlab:nn_evaluate:nonfinite}, naming the
% entry); targets that do not fit the output are an error that names the
% loss, why it was picked and the likely fix, as in @code{nn_train}.
%
% @example
% r = nn_evaluate (net, Xtest, ytest);
% printf ("test accuracy %.2f%%\n", 100 * r.accuracy);
% @end example
% @seealso{nn_train, nn_accuracy, nn_confusion, nn_prf, nn_roc, nn_regression_metrics, nn_ndcg}
% @end deftypefn
function r = nn_evaluate(net, X, T, varargin)
  if nargin >= 3 && isstruct(net) && isscalar(net) && isfield(net, 'ensemble')
    r = sweep_ensemble('evaluate', net, X, T, varargin{:});   % an ensemble of nn_ensemble
    return
  end
  if nargin < 3
    error('nnlab:nn_evaluate:nargin', 'nn_evaluate: usage r = nn_evaluate(net, X, T, name, value, ...)');
  end
  check_net('nn_evaluate', net);
  nobs = size(X, 1);
  if isfield(net, 'image') && image_array(net, X)
    % images checked as their columns (the same memory) and kept as images
    Xc = check_input('nn_evaluate', net, reshape(X, prod(net.image), []), true);
    nobs = size(Xc, 2);
    X = reshape(Xc, [net.image(:).', nobs]);
  elseif isfield(net, 'image')
    X = check_input('nn_evaluate', net, X);   % images as rows, one a row
    nobs = size(X, 1);
  end
  o = parse_options('nn_evaluate', struct('Loss', '', 'LossOptions', {{}}, 'Query', [], 'K', 10), varargin);
  check_value('nn_evaluate', 'Loss', o.Loss, 'string');
  check_value('nn_evaluate', 'K', o.K, 'count', 1, Inf);
  if ~iscell(o.LossOptions)
    error('nnlab:nn_evaluate:optionValue', 'nn_evaluate: ''LossOptions'' must be a cell of name/value pairs');
  end
  if ~(isnumeric(T) || islogical(T)) || ~isreal(T) || ndims(T) ~= 2 || size(T, 1) ~= nobs
    error('nnlab:nn_evaluate:size', 'nn_evaluate: T must be a real numeric matrix with one row per row of X');
  end
  check_array('nn_evaluate', T, 'T');
  loss = lower(o.Loss);
  why = '';
  if isempty(loss)
    if ~isempty(o.Query)
      loss = 'pairwise_logistic';
    else
      [loss, why] = default_loss(net, T);
    end
  end
  check_targets('nn_evaluate', net, T, loss, why, false);
  ranking = any(strcmp(loss, {'margin_ranking', 'pairwise_logistic'}));
  r = struct('loss_name', loss, 'n', nobs);
  if ranking && ~isempty(o.Query)
    % single items: NDCG per query
    S = nn_predict(net, inputs(net, X));
    r.loss = NaN;
    r.ndcg = nn_ndcg(double(S), double(T), o.Query, o.K);
    r.k = o.K;
  else
    if ranking
      Y = predict_pairs(net, X, 'nn_evaluate');
    else
      Y = nn_predict(net, inputs(net, X));
    end
    Tc = cast(T, net.class);
    try
      r.loss = double(nn_loss(Y, Tc, loss, o.LossOptions{:}));
    catch err
      rethrow_as('nn_evaluate', err);
    end
    Y = double(Y);
    T = double(T);
    switch loss
      case {'mse', 'mae', 'huber', 'gaussian', 'laplace', 'poisson'}
        if size(Y, 2) == 2 * size(T, 2)      % [mean, log variance or log scale]
          Y = Y(:, 1:size(T, 2));
        end
        if strcmp(loss, 'poisson') && log_input(o.LossOptions)
          Y = exp(Y);                        % the rate
        end
        s = nn_regression_metrics(Y, T);
        r.mse = s.mse;
        r.mae = s.mae;
        r.r2 = s.r2;
      case {'margin_ranking', 'pairwise_logistic'}
        r.pair_accuracy = mean(sign(Y(:, 1) - Y(:, 2)) == sign(T(:)));
      otherwise
        binary = any(strcmp(loss, {'bce', 'bce_logits', 'bernoulli', 'hinge'}));
        if binary
          threshold = 0.5;
          if ~strcmp(loss, 'bce')
            threshold = 0;
          end
          if strcmp(loss, 'hinge')
            T01 = double(T > 0);            % hinge targets are {-1, 1} or {0, 1}
          else
            T01 = double(T > 0.5);
          end
          args = {'Threshold', threshold};
          r.accuracy = nn_accuracy(Y, T01, args{:});
          r.confusion = nn_confusion(Y, T01, args{:});
          p = nn_prf(Y, T01, args{:});
          [fpr, tpr, th, auc] = nn_roc(Y, T01);
          r.auc = auc;
          r.roc = struct('fpr', fpr, 'tpr', tpr, 'thresholds', th);
        else
          args = {'NumClasses', net.sizes(end)};
          r.accuracy = nn_accuracy(Y, T, args{:});
          r.confusion = nn_confusion(Y, T, args{:});
          p = nn_prf(Y, T, args{:});
        end
        r.precision = p.precision;
        r.recall = p.recall;
        r.f1 = p.f1;
        r.macro_precision = p.macro_precision;
        r.macro_recall = p.macro_recall;
        r.macro_f1 = p.macro_f1;
    end
  end
  if nargout == 0
    report(r);
    clear r
  end
end

function X = inputs(net, X)
% X checked for nn_predict with nn_evaluate's errors; images (checked
% already) as they are.
  if ~(isfield(net, 'image') && image_array(net, X))
    X = check_input('nn_evaluate', net, X);
  end
end

function tf = log_input(opts)
% The 'log_input' of poisson's loss options (default true).
  tf = true;
  for i = 1:2:numel(opts) - 1
    if ischar(opts{i}) && strcmpi(opts{i}, 'log_input')
      tf = logical(opts{i + 1});
    end
  end
end

function report(r)
  fprintf('%d observations, loss %s', r.n, r.loss_name);
  if isfinite(r.loss)
    fprintf(' = %.4g', r.loss);
  end
  fprintf('\n');
  if isfield(r, 'accuracy')
    fprintf('  accuracy %.2f%%   macro precision %.3f  recall %.3f  F1 %.3f\n', 100 * r.accuracy, ...
            r.macro_precision, r.macro_recall, r.macro_f1);
  end
  if isfield(r, 'auc')
    fprintf('  ROC AUC %.4f\n', r.auc);
  end
  if isfield(r, 'mse')
    fprintf('  MSE %.4g   MAE %.4g   R^2 %.4f\n', r.mse, r.mae, r.r2);
  end
  if isfield(r, 'pair_accuracy')
    fprintf('  pairs ordered correctly: %.2f%%\n', 100 * r.pair_accuracy);
  end
  if isfield(r, 'ndcg')
    fprintf('  NDCG@%d %.4f\n', r.k, r.ndcg);
  end
end

%!test
%! net = nn_mlp([1 1], 'Init', 'zeros');
%! net.layers(1).W = 2; net.layers(1).b = 1;
%! x = [0; 1; 2]; r = nn_evaluate(net, x, [1; 3; 4]);
%! assert(r.loss_name, 'mse'); assert(r.mse, 1/3, 1e-12); assert(r.mae, 1/3, 1e-12);
%!test
%! net = nn_mlp([2 1], 'Init', 'zeros'); net.layers(1).W = [1 1]; net.layers(1).b = -1.5;
%! [X, T] = deal([0 0; 0 1; 1 0; 1 1], [0; 0; 0; 1]);
%! r = nn_evaluate(net, X, T);
%! assert(r.loss_name, 'bce_logits'); assert(r.accuracy, 1); assert(r.auc, 1);
%! assert(r.confusion, [3 0; 0 1]);
%!test
%! net = nn_mlp([2 3], 'Init', 'zeros'); net.layers(1).W = eye(3, 2); net.layers(1).b = [0; 0; 0.5];
%! r = nn_evaluate(net, [1 0; 0 1; 0 0; 0 0], [1; 2; 3; 1]);
%! assert(r.loss_name, 'ce'); assert(r.accuracy, 0.75); assert(size(r.confusion), [3 3]);
%! s = evalc('nn_evaluate(net, [1 0; 0 1; 0 0; 0 0], [1; 2; 3; 1])');
%! assert(~isempty(strfind(s, 'accuracy 75.00%')));
%!error id=nnlab:nn_evaluate:nargin nn_evaluate(1, 2)
%!error id=nnlab:nn_evaluate:net nn_evaluate(1, 2, 3)
%!error id=nnlab:nn_evaluate:size nn_evaluate(nn_mlp([1 1]), [1; 2], [1; 2; 3])
%!error id=nnlab:nn_evaluate:option nn_evaluate(nn_mlp([1 1]), 1, 1, 'Bogus', 2)
%!error id=nnlab:nn_evaluate:name nn_evaluate(nn_mlp([1 1]), 1, 1, 'Loss', 'nosuch')
