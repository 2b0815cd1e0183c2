## Tests of issue 17, "a student's first hour": errors that point the right way
## (NaN/Inf in X, targets that do not fit the output, sparse input), the
## network's display and nn_train's progress lines.

%!function [id, msg] = caught(f)
%! % the identifier and message of the error of f(), or '' when f() succeeds
%! id = ''; msg = '';
%! try
%!   f();
%! catch err
%!   id = err.identifier; msg = err.message;
%! end
%!endfunction

%!shared X, T, Xb, y01, y3, net
%! X = [0 0 1; 0 1 0; 1 0 0; 1 1 1; 0 0 0; 1 1 0; 0 1 1; 1 0 1; 0.5 0.5 0.5; 0.2 0.8 0.1];
%! T = [0; 1; 1; 1; 0; 0; 0; 0; 1; 1];
%! Xb = [X(1:9, :); NaN 1 1];
%! y01 = [0; 1; 0; 1; 0; 1; 0; 1; 0; 1];
%! y3 = [1; 2; 3; 1; 2; 3; 1; 2; 3; 1];
%! net = nn_mlp([3 2 1], 'Seed', 1);

## ---- item 1: NaN or Inf in X is an error naming the first offending entry ----
%!error id=nnlab:nn_train:nonfinite nn_train(nn_mlp([3 2 1]), [X(1:9, :); NaN 1 1], T, 'Verbose', false)
%!error id=nnlab:nn_train:nonfinite nn_train(net, X, T, 'ValidationData', {Xb, T}, 'Verbose', false)
%!error id=nnlab:nn_train:nonfinite nn_train(net, Xb.', T, 'ObservationsIn', 'columns', 'Verbose', false)
%!error id=nnlab:nn_train:nonfinite nn_train(net, X, [T(1:9); Inf], 'Verbose', false)
%!error id=nnlab:nn_train:nonfinite nn_train(nn_mlp([3 1]), [X Xb], sign(T - 0.5), 'Loss', 'margin_ranking', 'Verbose', false)
%!error id=nnlab:nn_predict:nonfinite nn_predict(net, Xb)
%!error id=nnlab:nn_forward:nonfinite nn_forward(net, Xb)
%!error id=nnlab:nn_evaluate:nonfinite nn_evaluate(net, Xb, T)
%!error id=nnlab:nn_cost:nonfinite nn_cost(nn_unroll(net), net, Xb, T)
%!error id=nnlab:nn_predict:nonfinite nn_predict(nn_mlp([3 1], 'Class', 'single'), single([1 2 -Inf]))
%!test
%! % the message names the first offending row, then its column, and how many there are
%! A = X; A(7, 3) = Inf; A(4, 2) = NaN; A(4, 3) = NaN;
%! [id, msg] = caught(@() nn_train(net, A, T, 'Verbose', false));
%! assert(id, 'nnlab:nn_train:nonfinite');
%! assert(~isempty(strfind(msg, 'X(4, 2) is NaN (the first of 3 NaN or Inf entries)')), msg);
%! [~, msg] = caught(@() nn_train(net, X, T, 'ValidationData', {A(1:5, :), T(1:5)}, 'Verbose', false));
%! assert(~isempty(strfind(msg, 'Xv(4, 2) is NaN')), msg);
%! % one observation a column: the first column that has one
%! [~, msg] = caught(@() nn_train(net, A.', T, 'ObservationsIn', 'columns', 'Verbose', false));
%! assert(~isempty(strfind(msg, 'X(2, 4) is NaN')) && ~isempty(strfind(msg, 'any(~isfinite(X), 1)')), msg);
%! [~, msg] = caught(@() nn_predict(net, [1 2 3; 4 -Inf 6]));
%! assert(~isempty(strfind(msg, 'X(2, 2) is -Inf,')), msg);
%! assert(isempty(strfind(msg, 'the first of')), msg);
%!test
%! % raised before training starts: no divergence warning, nothing printed
%! lastwarn('');
%! out = evalc('caught(@() nn_train(nn_mlp([3 2 1]), Xb, T));');
%! assert(isempty(out)); assert(isempty(lastwarn()));
%!test
%! % large finite inputs whose sum overflows are no error
%! Y = nn_predict(nn_mlp([3 1], 'Seed', 1), [realmax realmax realmax; 1 2 3]);
%! assert(size(Y), [2 1]);

## ---- item 2: targets that do not fit the output say what was picked, and the fix ----
%!test
%! % 0/1 labels on two linear outputs: mse was picked; Octave counts classes from 1
%! [id, msg] = caught(@() nn_train(nn_mlp([3 4 2]), X, y01, 'Verbose', false));
%! assert(id, 'nnlab:nn_train:size');
%! assert(~isempty(strfind(msg, 'loss ''mse'' (picked because the 2 outputs are linear')), msg);
%! assert(~isempty(strfind(msg, '10x2')) && ~isempty(strfind(msg, 'T is 10x1')), msg);
%! assert(~isempty(strfind(msg, 'T(1) is 0, but Octave counts classes from 1: use T + 1')), msg);
%! assert(~isempty(strfind(msg, '''Loss'', ''ce''')), msg);
%!test
%! % 3-class labels on 2 outputs: an output layer of 3 units
%! [id, msg] = caught(@() nn_train(nn_mlp([3 4 2]), X, y3, 'Verbose', false));
%! assert(id, 'nnlab:nn_train:size');
%! assert(~isempty(strfind(msg, 'output layer of 3 units')), msg);
%! assert(~isempty(strfind(msg, '''Loss'', ''ce''')), msg);
%! [id, msg] = caught(@() nn_train(nn_mlp([3 4 2]), X, y3, 'Loss', 'ce', 'Verbose', false));
%! assert(id, 'nnlab:nn_train:domain');
%! assert(~isempty(strfind(msg, 'T(3) = 3')) && ~isempty(strfind(msg, 'output layer of 3 units')), msg);
%! assert(isempty(strfind(msg, 'picked')), msg);
%!test
%! % 0-based labels with 'ce': the offending entry, before any training
%! [id, msg] = caught(@() nn_train(nn_mlp([3 4 3]), X, y3 - 1, 'Loss', 'ce', 'Verbose', false));
%! assert(id, 'nnlab:nn_train:domain');
%! assert(~isempty(strfind(msg, 'T(1) is 0, but Octave counts classes from 1')), msg);
%!test
%! % the same words in nn_cost (one-hot rows of labels) and nn_evaluate
%! n3 = nn_mlp([3 4 3], 'Output', 'sigmoid', 'Seed', 1);
%! [id, msg] = caught(@() nn_cost(nn_unroll(n3), n3, X, y3 - 1));
%! assert(id, 'nnlab:nn_cost:label');
%! assert(~isempty(strfind(msg, 'T(1) is 0, but Octave counts classes from 1')), msg);
%! [id, msg] = caught(@() nn_cost(nn_unroll(n3), n3, X, [y3(1:9); 5]));
%! assert(id, 'nnlab:nn_cost:label');
%! assert(~isempty(strfind(msg, 'T(10) = 5')) && ~isempty(strfind(msg, 'output layer of 5 units')), msg);
%! [id, msg] = caught(@() nn_evaluate(nn_mlp([3 4 2]), X, y3));
%! assert(id, 'nnlab:nn_evaluate:size');
%! assert(~isempty(strfind(msg, 'picked because')), msg);
%!test
%! % a sigmoid output: bce was picked, one-hot targets suggested; too many columns
%! [id, msg] = caught(@() nn_train(nn_mlp([3 4 3], 'Output', 'sigmoid'), X, y3, 'Verbose', false));
%! assert(id, 'nnlab:nn_train:size');
%! assert(~isempty(strfind(msg, 'loss ''bce'' (picked because the output layer is a sigmoid)')), msg);
%! assert(~isempty(strfind(msg, 'nn_onehot(T, 3)')), msg);
%! [id, msg] = caught(@() nn_train(nn_mlp([3 4 2]), X, nn_onehot(y3, 3), 'Verbose', false));
%! assert(id, 'nnlab:nn_train:size');
%! assert(~isempty(strfind(msg, 'output layer of 3 units')), msg);
%! [id, msg] = caught(@() nn_train(nn_mlp([3 4 2]), X, y01, 'ValidationData', {X, y01 + 1}, 'Verbose', false));
%! assert(id, 'nnlab:nn_train:size');
%!test
%! % targets that fit still train, and labels 1..K pick 'ce'
%! [~, info] = nn_train(nn_mlp([3 4 3], 'Seed', 1), X, y3, 'Epochs', 1, 'Verbose', false);
%! assert(info.loss_name, 'ce');
%! [~, info] = nn_train(nn_mlp([3 4 2], 'Seed', 1), X, y01 + 1, 'Epochs', 1, 'Verbose', false);
%! assert(info.loss_name, 'ce');

## ---- item 8: sparse data is rejected everywhere, with the same message ----
%!test
%! S = sparse(X);
%! fs = {'nn_train',   @() nn_train(net, S, T, 'Verbose', false);
%!       'nn_train',   @() nn_train(net, X, sparse(T), 'Verbose', false);
%!       'nn_train',   @() nn_train(net, X, T, 'ValidationData', {S, T}, 'Verbose', false);
%!       'nn_predict', @() nn_predict(net, S);
%!       'nn_forward', @() nn_forward(net, S);
%!       'nn_evaluate', @() nn_evaluate(net, S, T);
%!       'nn_cost',    @() nn_cost(nn_unroll(net), net, S, T);
%!       'nn_gradcheck', @() nn_gradcheck(net, S, T);
%!       'nn_standardize', @() nn_standardize(S);
%!       'nn_onehot',  @() nn_onehot(sparse(y3));
%!       'nn_onehot_decode', @() nn_onehot_decode(sparse(nn_onehot(y3)));
%!       'nn_accuracy', @() nn_accuracy(sparse(T), T);
%!       'nn_regression_metrics', @() nn_regression_metrics(sparse(T), T);
%!       'nn_plot_regions', @() nn_plot_regions(@(Z) Z(:, 1), S(:, 1:2), T);
%!       'nn_dense',   @() nn_dense(S, ones(1, 3), 0)};
%! for i = 1:rows(fs)
%!   [id, msg] = caught(fs{i, 2});
%!   assert(id, ['nnlab:' fs{i, 1} ':sparse']);
%!   assert(~isempty(regexp(msg, ['^' fs{i, 1} ': [A-Za-z]+ must be a full matrix, but it is sparse; use full\([A-Za-z]+\)$'], 'once')), msg);
%! end

## ---- item 6: nn_train's progress lines and summary ----
%!test
%! % one fixed-decimal format per column, the time in ms, a summary line
%! [Xx, Tx] = nn_logic_data('xor');
%! n0 = nn_mlp([2 3 1], 'Hidden', 'tanh', 'Seed', 1);
%! args = {'Optimizer', 'sgd', 'LearningRate', 0.5, 'BatchSize', 2, 'Epochs', 12, 'Seed', 3};
%! out = evalc('[a, ia] = nn_train(n0, Xx, Tx, args{:});');
%! [b, ib] = nn_train(n0, Xx, Tx, args{:}, 'Verbose', false);
%! assert(isequal(a, b)); assert(isequal(ia.loss, ib.loss));      % printing changes nothing
%! lines = strsplit(strtrim(out), "\n");
%! assert(numel(lines), 14);                 % header, 12 epochs, summary
%! for e = 1:12
%!   assert(~isempty(regexp(lines{e + 1}, sprintf(['^epoch %3d/12  loss +\\d+\\.\\d{4}  accuracy +\\d\\.\\d{4} +' ...
%!                                                 '\\d+\\.\\d{3} ms$'], e), 'once')), lines{e + 1});
%! end
%! assert(~isempty(regexp(lines{end}, ['^done: 12 epochs in \d+\.\d ms; best epoch \d+ \(loss \d\.\d{4}\); ' ...
%!                                     'stopped because all 12 epochs ran$'], 'once')), lines{end});
%!test
%! % with validation data and patience: val columns, the reason in the summary
%! [Xx, Tx] = nn_logic_data('xor');
%! Xx = [Xx; Xx; Xx]; Tx = [Tx; Tx; Tx];
%! out = evalc(['[~, info] = nn_train(nn_mlp([2 3 1], ''Seed'', 1), Xx, Tx, ''Optimizer'', ''sgd'', ' ...
%!              '''LearningRate'', 0, ''Epochs'', 9, ''ValidationFraction'', 0.25, ''Patience'', 2, ''Seed'', 1);']);
%! assert(info.stop_reason, 'patience'); assert(info.epochs, 3);
%! assert(~isempty(regexp(out, 'val_loss +\d\.\d{4}  val_accuracy +\d\.\d{4}', 'once')), out);
%! assert(~isempty(regexp(out, ['done: 3 epochs in [\d.]+ ms; best epoch 1 \(val_loss \d\.\d{4}\); stopped because ' ...
%!                              'no better val_loss for 2 epochs \(''Patience''\): the network of epoch 1 is returned'], 'once')), out);
%!test
%! % a diverging run: large values in e-notation, the divergence in the summary
%! [Xx, Tx] = nn_logic_data('xor');
%! lastwarn('');
%! out = evalc(['nn_train(nn_mlp([2 6 1], ''Seed'', 2), Xx, 1e3 * Tx, ''Loss'', ''mse'', ''Optimizer'', ''sgd'', ' ...
%!              '''LearningRate'', 1e6, ''BatchSize'', 4, ''Epochs'', 50, ''Seed'', 1);']);
%! [~, id] = lastwarn(); assert(id, 'nnlab:nn_train:diverged');
%! assert(~isempty(regexp(out, 'loss \d\.\d{3}e\+\d+', 'once')), out);
%! assert(~isempty(regexp(out, 'stopped because training diverged at epoch \d+, step \d+', 'once')), out);
%!test
%! % every field of info is documented in help nn_train
%! [~, info] = nn_train(nn_mlp([2 1]), [0 0; 1 1], [0; 1], 'Epochs', 1, 'Verbose', false);
%! h = get_help_text('nn_train');
%! for f = fieldnames(info).'
%!   assert(~isempty(regexp(h, ['@item ' f{1} '\s'], 'once')), f{1});
%! end

## ---- item 5: a readable network (nn_summary; a network stays a plain struct) ----
%!test
%! n = nn_sequential(2, nn_layer('dense', 8), 'tanh', nn_layer('dropout', 0.2), nn_layer('dense', 1), ...
%!                   'sigmoid', 'Class', 'single', 'Seed', 1);
%! s = nn_summary(n);
%! out = evalc('nn_summary(n)');
%! assert(out, s);                                   % printed, or returned as text
%! lines = strsplit(strtrim(s), "\n");
%! assert(numel(lines), 7);
%! assert(~isempty(regexp(lines{2}, '^\s+layers\s+type\s+output\s+activation\s+parameters$', 'once')), lines{2});
%! assert(~isempty(regexp(lines{4}, '^\s+1-2\s+dense\s+N x 8\s+tanh\s+24\s+W 8x2, b 8x1$', 'once')), lines{4});
%! assert(~isempty(regexp(lines{5}, '^\s+3\s+dropout 0.2\s+N x 8\s+-\s+0$', 'once')), lines{5});
%! assert(~isempty(regexp(lines{6}, '^\s+4-5\s+dense\s+N x 1\s+sigmoid\s+9\s+W 1x8, b 1x1$', 'once')), lines{6});
%! assert(lines{7}, '  total 33 parameters, class single');
%! assert(isstruct(n));                              % save, load, field access as before
%!test
%! % an activation that follows no layer has a row of its own; two in a row share one
%! s = nn_summary(nn_sequential(2, 'tanh', nn_layer('dense', 3), 'relu', 'sigmoid', nn_layer('dense', 1)));
%! assert(~isempty(regexp(s, '\n\s+1\s+act\s+N x 2\s+tanh\s+0\s*\n', 'once')), s);
%! assert(~isempty(regexp(s, '\n\s+2-4\s+dense\s+N x 3\s+relu, sigmoid\s+9\s', 'once')), s);
%!error id=nnlab:nn_summary:net nn_summary(1)

## disp(net) and a network at the prompt: the table of nn_summary; every
## other struct, and a damaged network, as Octave shows it
%!test
%! net = nn_mlp([3 4 2], 'Seed', 1);
%! assert(evalc('disp(net)'), nn_summary(net));
%! s = evalc('net');
%! assert(strncmp(s, sprintf('net =\n\nnetwork 3-4(relu)-2'), 21));
%! assert(~isempty(strfind(s, 'total 26 parameters, class double')));
%!test
%! a = struct('x', 1, 'y', 'abc');
%! assert(evalc('a'), sprintf('a =\n\n  scalar structure containing the fields:\n\n    x = 1\n    y = abc\n\n'));
%! assert(evalc('disp(a)'), sprintf('    x = 1\n    y = abc\n'));
%! b = struct('x', {1, 2});
%! assert(evalc('b'), sprintf('b =\n\n  1x2 struct array containing the fields:\n\n    x\n\n'));
%!test
%! bad = struct('format', 'nnlab.net', 'layers', 3);
%! s = evalc('bad');
%! assert(~isempty(strfind(s, 'scalar structure containing the fields')));
%! assert(~isempty(strfind(evalc('disp(bad)'), 'format = nnlab.net')));
