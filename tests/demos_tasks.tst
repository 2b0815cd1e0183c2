%% Tests of the lecture demos nn_demo_training, nn_demo_classical, nn_demo_binary and
%% nn_demo_regression (issue 5, items 4, 5 and 7), each run in quick mode
%% into a fresh temporary folder; the PNG files it reports must exist and
%% be non-empty PNGs.

%!function check_demo(r, outdir, names)
%!  assert(isstruct(r) && isscalar(r));
%!  for f = {'topic', 'claim', 'result', 'figures'}
%!    assert(isfield(r, f{1}), ['missing field ' f{1}]);
%!  end
%!  assert(ischar(r.topic) && ~isempty(r.topic));
%!  assert(ischar(r.claim) && ~isempty(r.claim));
%!  assert(ischar(r.result) && ~isempty(r.result));
%!  assert(iscellstr(r.figures));
%!  assert(numel(r.figures), numel(names));
%!  for i = 1:numel(r.figures)
%!    file = r.figures{i};
%!    assert(file, fullfile(outdir, names{i}));
%!    d = dir(file);
%!    assert(numel(d), 1, ['missing figure ' file]);
%!    assert(d.bytes > 1000, ['empty figure ' file]);
%!    fid = fopen(file, 'r');
%!    sig = fread(fid, 8, 'uint8')';
%!    fclose(fid);
%!    assert(sig, [137 80 78 71 13 10 26 10]);   % the PNG signature
%!  end
%!endfunction

%!function remove_folder(outdir)
%!  if exist(outdir, 'dir')
%!    confirm_recursive_rmdir(false, 'local');
%!    rmdir(outdir, 's');
%!  end
%!endfunction

%!test
%! outdir = tempname();
%! unwind_protect
%!   out = evalc('r = nn_demo_classical(outdir, ''Quick'', true);');
%!   check_demo(r, outdir, {'nn_demo_classical.png'});
%!   assert({r.runs.optimizer}, {'lm', 'scg', 'trainrp', 'adam'});
%!   assert(r.runs(1).goal_epoch < 100);          % LM: the goal 1e-5 in < 100 epochs
%!   assert(r.runs(1).final_loss <= 1e-5);
%!   assert(isnan(r.runs(4).goal_epoch));          % Adam: not within the quick 300
%!   assert(r.runs(4).history(100) > 1e-4);
%!   assert(~isempty(strfind(out, 'LM reached MSE 1e-05 at epoch')));
%! unwind_protect_cleanup
%!   remove_folder(outdir);
%! end_unwind_protect

%!test
%! outdir = tempname();
%! unwind_protect
%!   out = evalc('r = nn_demo_training(outdir, ''Quick'', true);');
%!   check_demo(r, outdir, {'nn_demo_training_loss.png', 'nn_demo_training_regions.png'});
%!   assert(numel(r.runs), 7);
%!   assert({r.runs.group}, {'architecture', 'architecture', 'architecture', 'optimizer', ...
%!                           'optimizer', 'loss', 'loss'});
%!   assert({r.runs.loss}, {'bce_logits', 'bce_logits', 'bce_logits', 'bce_logits', ...
%!                          'bce_logits', 'mse', 'hinge'});
%!   L = [r.runs.final_loss];
%!   acc = [r.runs.accuracy];
%!   assert(L(2) < L(4) && L(5) < L(4));          % adam, momentum below plain GD
%!   assert(all(acc(2:3) > acc(1)));               % hidden layers beat logistic
%!   assert(all(acc([2 6 7]) >= 0.85));
%!   for i = 1:7
%!     assert(numel(r.runs(i).history), 100);
%!     assert(r.runs(i).history(end), L(i));
%!   end
%!   assert(~isempty(strfind(out, 'final loss')));
%!   assert(~isempty(strfind(out, 'sgd (plain GD) lr 0.5')));
%! unwind_protect_cleanup
%!   remove_folder(outdir);
%! end_unwind_protect

%!test
%! outdir = fullfile(tempname(), 'sub');
%! unwind_protect
%!   out = evalc('r = nn_demo_binary(outdir, ''quick'', 1);');
%!   check_demo(r, outdir, {'nn_demo_binary_regions.png', 'nn_demo_binary_roc.png'});
%!   assert(r.auc > 0.95);
%!   assert(r.accuracy > 0.9);
%!   assert(~isempty(strfind(r.result, sprintf('test AUC %.4f', r.auc))));
%!   assert(~isempty(strfind(out, 'confusion matrix')));
%! unwind_protect_cleanup
%!   remove_folder(fileparts(outdir));
%! end_unwind_protect

%!test
%! outdir = tempname();
%! unwind_protect
%!   out = evalc('r = nn_demo_regression(outdir, ''Quick'', true);');
%!   check_demo(r, outdir, {'nn_demo_regression_line.png', 'nn_demo_regression_constant.png'});
%!   truth = [2 1];
%!   assert(norm(r.mae_fit - truth) < norm(r.mse_fit - truth));
%!   assert(r.mse_fit(2) > 1.15);                  % pulled up by the outliers
%!   assert(abs(r.mse_constant - r.mean) < 1e-3);
%!   assert(abs(r.mae_constant - r.median) < 0.03);
%!   assert(abs(r.mean - r.median) > 0.1);
%!   assert(~isempty(strfind(out, 'least squares (closed form)')));
%! unwind_protect_cleanup
%!   remove_folder(outdir);
%! end_unwind_protect

%!error id=nnlab:nn_demo_training:nargin nn_demo_training(tempdir, 'Quick')
%!error id=nnlab:nn_demo_training:option nn_demo_training(tempdir, 'Fast', true)
%!error id=nnlab:nn_demo_training:optionValue nn_demo_training(tempdir, 'Quick', 2)
%!error id=nnlab:nn_demo_training:class nn_demo_training(3)
%!error id=nnlab:nn_demo_binary:nargin nn_demo_binary(tempdir, 'Quick', true, 'Quick')
%!error id=nnlab:nn_demo_binary:option nn_demo_binary(tempdir, 3, true)
%!error id=nnlab:nn_demo_binary:optionValue nn_demo_binary(tempdir, 'Quick', 'yes')
%!error id=nnlab:nn_demo_binary:class nn_demo_binary({'a'})
%!error id=nnlab:nn_demo_regression:nargin nn_demo_regression(tempdir, 'Quick')
%!error id=nnlab:nn_demo_regression:option nn_demo_regression(tempdir, 'quick ', true)
%!error id=nnlab:nn_demo_regression:optionValue nn_demo_regression(tempdir, 'Quick', [true true])
%!error id=nnlab:nn_demo_regression:class nn_demo_regression(3)
