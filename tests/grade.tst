%% Tests of nn_grade, the autograder of the classic course's ex4: the
%% student versions in tests/grade (gr_*.m: correct ones and one broken
%% version per known mistake, each named after it), versions written on the
%% fly from them (temporary folders), errors, NaN, wrong sizes, endless
%% loops and exit in the student's code, 'Points', 'Parts', the folder mode
%% and the help's CSV loop, and every bad argument.

%!function d = gt_dir ()
%!  % tests/grade, as an absolute path
%!  d = fullfile ('tests', 'grade');
%!  if (! exist (fullfile (d, 'gr_cost_ok.m'), 'file'))
%!    d = fullfile (fileparts (which ('nn_grade')), '..', 'tests', 'grade');
%!  end
%!  d = make_absolute_filename (d);
%!endfunction

%!function f = gt_file (name)
%!  f = fullfile (gt_dir (), [name '.m']);
%!endfunction

%!function r = gt_grade (cost, varargin)
%!  % nn_grade without the table; COST the name of a file of tests/grade
%!  if (ischar (cost) && ! any (cost == filesep ()))
%!    cost = gt_file (cost);
%!  end
%!  for i = 2:2:numel (varargin)
%!    if (ischar (varargin{i}) && strncmp (varargin{i}, 'gr_', 3))
%!      varargin{i} = gt_file (varargin{i});
%!    end
%!  end
%!  r = nn_grade (cost, 'Verbose', false, varargin{:});
%!endfunction

%!function c = gt_codes (r)
%!  % the mistake of every part, 'ok' for a part that passed
%!  c = {r.parts.mistake};
%!  c([r.parts.pass]) = {'ok'};
%!endfunction

%!function h = gt_hint (r, part)
%!  h = r.parts(strcmp ({r.parts.name}, part)).hint;
%!endfunction

%!function tf = gt_has (s, varargin)
%!  tf = all (cellfun (@(t) ! isempty (strfind (s, t)), varargin));
%!endfunction

%!function f = gt_write (folder, name, from, course, varargin)
%!  % the file FROM of tests/grade as NAME.m in FOLDER, its function renamed,
%!  % the pairs of VARARGIN replaced (each must occur); COURSE true renames
%!  % the helpers it calls to the course's names, sigmoid and sigmoidGradient
%!  txt = fileread (gt_file (from));
%!  txt = regexprep (txt, ['\<' from '\>'], name);
%!  for i = 1:2:numel (varargin)
%!    assert (! isempty (strfind (txt, varargin{i})), ['no "' varargin{i} '" in ' from]);
%!    txt = strrep (txt, varargin{i}, varargin{i + 1});
%!  end
%!  if (course)
%!    txt = strrep (txt, 'gr_sigmoid_gradient', 'sigmoidGradient');
%!    txt = strrep (txt, 'gr_sigmoid', 'sigmoid');
%!  end
%!  f = fullfile (folder, [name '.m']);
%!  fid = fopen (f, 'w');
%!  fputs (fid, txt);
%!  fclose (fid);
%!endfunction

%!function d = gt_tempdir ()
%!  d = tempname ();
%!  mkdir (d);
%!endfunction

%!function gt_rmdir (d)
%!  confirm_recursive_rmdir (false, 'local');
%!  if (isfolder (d))
%!    rmdir (d, 's');
%!  end
%!endfunction

%!function d = gt_student (folder, name, cost, with)
%!  % a student's folder with the four files of the assignment (and sigmoid.m)
%!  % written from tests/grade: COST the cost function's file, WITH a cell
%!  % of the files to write among 'sg', 'predict', 'init'
%!  d = fullfile (folder, name);
%!  mkdir (d);
%!  gt_write (d, 'sigmoid', 'gr_sigmoid', true);
%!  if (! isempty (cost))
%!    gt_write (d, 'nnCostFunction', cost, true);
%!  end
%!  files = {'sg', 'sigmoidGradient', 'gr_sigmoid_gradient'; 'predict', 'predict', 'gr_predict_ok';
%!           'init', 'randInitializeWeights', 'gr_init_ok'};
%!  for i = 1:rows (files)
%!    if (ismember (files{i, 1}, with))
%!      gt_write (d, files{i, 2}, files{i, 3}, true);
%!    end
%!  end
%!endfunction

## ---- full marks for the correct versions ----
%!test
%! r = gt_grade ('gr_cost_ok', 'SigmoidGradient', 'gr_sigmoid_gradient', 'Predict', 'gr_predict_ok', ...
%!               'RandInitializeWeights', 'gr_init_ok');
%! assert ({r.parts.name}, {'cost', 'cost_reg', 'grad', 'grad_reg', 'sigmoid_gradient', 'predict', 'init'});
%! assert ([r.parts.pass], true (1, 7));
%! assert ([r.parts.points], [30 15 40 10 5 5 5]);
%! assert ([r.total r.max], [110 110]);
%! assert (all (cellfun ('isempty', {r.parts.mistake})));
%! assert (all (cellfun ('isempty', {r.parts.hint})));
%! assert (max ([r.parts(1:5).error]) < 1e-12);
%! assert (r.parts(6).error, 0);
%! assert ([r.seed r.networks], [1 3]);
%! assert (gt_has (r.source, '@', 'gr_cost_ok') || gt_has (r.source, 'gr_cost_ok.m'));
%!test
%! % the back-propagation loop over the examples, as the assignment's text has it
%! r = gt_grade ('gr_cost_loop');
%! assert ([r.total r.max], [95 95]);
%!test
%! % a handle to the file on the path works as its name does
%! addpath (gt_dir ());
%! unwind_protect
%!   r = nn_grade (@gr_cost_ok, 'Predict', @gr_predict_ok, 'Verbose', false);
%!   assert ([r.total r.max], [100 100]);
%!   assert (r.source, '@gr_cost_ok, @gr_predict_ok');
%! unwind_protect_cleanup
%!   rmpath (gt_dir ());
%! end_unwind_protect
%!test
%! % the correct test version is right: its gradient against central differences of its J
%! addpath (gt_dir ());
%! unwind_protect
%!   n = 3; h = 4; K = 3; m = 7; lambda = 0.7;
%!   theta = 0.8 * sin (1:h * (n + 1) + K * (h + 1))';
%!   X = cos ((1:m)' * (1:n));
%!   y = mod ((0:m - 1)', K) + 1;
%!   [~, grad] = gr_cost_ok (theta, n, h, K, X, y, lambda);
%!   fd = zeros (size (theta));
%!   e = 1e-5;
%!   for i = 1:numel (theta)
%!     d = zeros (size (theta));
%!     d(i) = e;
%!     fd(i) = (gr_cost_ok (theta + d, n, h, K, X, y, lambda) - gr_cost_ok (theta - d, n, h, K, X, y, lambda)) / (2 * e);
%!   end
%!   assert (grad, fd, 1e-8);
%!   net = nn_from_thetas ({reshape(theta(1:h * (n + 1)), h, n + 1), reshape(theta(h * (n + 1) + 1:end), K, h + 1)});
%!   [J, g] = nn_cost (theta, net, X, y, lambda);
%!   assert (J, gr_cost_ok (theta, n, h, K, X, y, lambda), 1e-12);
%!   assert (g, grad, 1e-12);
%! unwind_protect_cleanup
%!   rmpath (gt_dir ());
%! end_unwind_protect

## ---- each known mistake of the cost function: exactly its diagnosis ----
%!test
%! r = gt_grade ('gr_cost_bias_reg');
%! assert (gt_codes (r), {'ok', 'bias_reg', 'ok', 'ok'});
%! assert ([r.total r.max], [80 95]);
%! assert (gt_has (gt_hint (r, 'cost_reg'), 'bias column', '2:end'));
%!test
%! r = gt_grade ('gr_cost_lambda_m');
%! assert (gt_codes (r), {'ok', 'lambda_m', 'ok', 'ok'});
%! assert (gt_has (gt_hint (r, 'cost_reg'), 'lambda/(2m)'));
%!test
%! r = gt_grade ('gr_cost_no_sigma_prime');
%! assert (gt_codes (r), {'ok', 'ok', 'no_sigma_prime', 'no_sigma_prime'});
%! assert ([r.total r.max], [45 95]);
%! assert (gt_has (gt_hint (r, 'grad'), 'sigmoidGradient(z2)'));
%!test
%! r = gt_grade ('gr_cost_sigma_prime_a');
%! assert (gt_codes (r), {'ok', 'ok', 'sigma_prime_of_a', 'sigma_prime_of_a'});
%! assert (gt_has (gt_hint (r, 'grad'), 'activation'));
%!test
%! r = gt_grade ('gr_cost_labels');
%! assert (gt_codes (r), {'labels', 'labels', 'labels', 'labels'});
%! assert (gt_has (gt_hint (r, 'cost'), 'one-hot'));
%!test
%! r = gt_grade ('gr_cost_reshape_order');
%! assert (gt_codes (r), {'reshape_order', 'reshape_order', 'reshape_order', 'reshape_order'});
%! assert (gt_has (gt_hint (r, 'grad'), 'reshape', 'order'));
%!test
%! r = gt_grade ('gr_cost_reshape_offset');
%! assert (gt_codes (r), {'reshape_offset', 'reshape_offset', 'reshape_offset', 'reshape_offset'});
%! assert (gt_has (gt_hint (r, 'cost'), 'off by one'));
%!test
%! r = gt_grade ('gr_cost_grad_no_m');
%! assert (gt_codes (r), {'ok', 'ok', 'grad_no_m', 'grad_no_m'});
%! assert (gt_has (gt_hint (r, 'grad'), 'not divided by m'));
%!test
%! r = gt_grade ('gr_cost_bias_grad_reg');
%! assert (gt_codes (r), {'ok', 'ok', 'ok', 'bias_grad_reg'});
%! assert ([r.total r.max], [85 95]);
%! assert (gt_has (gt_hint (r, 'grad_reg'), 'bias column of the gradient'));
%!test
%! % the wrong sign of the output error: the gradient wrong, the cost right
%! r = gt_grade ('gr_cost_grad_sign');
%! assert (gt_codes (r), {'ok', 'ok', 'sign', 'sign'});
%! assert (gt_has (gt_hint (r, 'grad'), 'wrong sign', 'a3 - Y'));
%!test
%! % the wrong sign of the cross-entropy: the cost wrong, the gradient right
%! r = gt_grade ('gr_cost_sign');
%! assert (gt_codes (r), {'sign', 'sign', 'ok', 'ok'});
%!test
%! r = gt_grade ('gr_cost_no_m');
%! assert (gt_codes (r), {'cost_no_m', 'cost_no_m', 'ok', 'ok'});
%!test
%! % two mistakes at once: the gradient not divided by m and its bias column regularised
%! r = gt_grade ('gr_cost_combo');
%! assert (gt_codes (r), {'ok', 'ok', 'grad_no_m', 'grad_no_m+bias_grad_reg'});
%! assert (gt_has (gt_hint (r, 'grad_reg'), 'not divided by m', '; and the bias column'));
%!test
%! % a mistake nn_grade does not know: where the gradient is furthest off
%! r = gt_grade ('gr_cost_unknown');
%! assert (gt_codes (r), {'ok', 'ok', 'unknown', 'unknown'});
%! assert (gt_has (gt_hint (r, 'grad'), 'not a known mistake', 'Theta1_grad(', 'network'));
%! assert (r.parts(3).error > 1e-3);
%!test
%! % the mistakes of tests/grade that are not a file of their own: written from gr_cost_ok
%! d = gt_tempdir ();
%! unwind_protect
%!   copyfile (gt_file ('gr_sigmoid'), d);
%!   copyfile (gt_file ('gr_sigmoid_gradient'), d);
%!   J = 'J = sum(sum(-Y .* log(h) - (1 - Y) .* log(1 - h))) / m;';
%!   P = 'J = J + lambda / (2 * m) * (';
%!   G1 = 'Theta1_grad(:, 2:end) + lambda / m * Theta1';
%!   G2 = 'Theta2_grad(:, 2:end) + lambda / m * Theta2';
%!   cases = {'one_term', {J, 'J = sum(sum(-Y .* log(h))) / m;'}, {'one_term', 'one_term', 'ok', 'ok'};
%!            'reg_sign', {P, 'J = J - lambda / (2 * m) * ('}, {'ok', 'reg_sign', 'ok', 'ok'};
%!            'reg_no_m', {P, 'J = J + lambda / 2 * ('}, {'ok', 'reg_no_m', 'ok', 'ok'};
%!            'grad_lambda', {G1, 'Theta1_grad(:, 2:end) + lambda * Theta1', ...
%!                            G2, 'Theta2_grad(:, 2:end) + lambda * Theta2'}, {'ok', 'ok', 'ok', 'grad_lambda'};
%!            'grad_lambda_2m', {G1, 'Theta1_grad(:, 2:end) + lambda / (2 * m) * Theta1', ...
%!                               G2, 'Theta2_grad(:, 2:end) + lambda / (2 * m) * Theta2'}, ...
%!                               {'ok', 'ok', 'ok', 'grad_lambda_2m'};
%!            'grad_reg_sign', {G1, 'Theta1_grad(:, 2:end) - lambda / m * Theta1', ...
%!                              G2, 'Theta2_grad(:, 2:end) - lambda / m * Theta2'}, {'ok', 'ok', 'ok', 'grad_reg_sign'};
%!            'one_term_lambda_m', {J, 'J = sum(sum(-Y .* log(h))) / m;', P, 'J = J + lambda / m * ('}, ...
%!                                 {'one_term', 'one_term+lambda_m', 'ok', 'ok'};
%!            'zeros', {'grad = [Theta1_grad(:); Theta2_grad(:)];', 'J = 0; grad = zeros(size(nn_params));'}, ...
%!                     {'zeros', 'zeros', 'zeros', 'zeros'};
%!            'class', {'grad = [Theta1_grad(:); Theta2_grad(:)];', 'grad = num2cell([Theta1_grad(:); Theta2_grad(:)]);'}, ...
%!                     {'ok', 'ok', 'class', 'class'};
%!            'complex', {'grad = [Theta1_grad(:); Theta2_grad(:)];', 'grad = [Theta1_grad(:); Theta2_grad(:)]; J = J + 1i;'}, ...
%!                       {'class', 'class', 'ok', 'ok'};
%!            'grad_row', {'grad = [Theta1_grad(:); Theta2_grad(:)];', 'grad = [Theta1_grad(:); Theta2_grad(:)]'';'}, ...
%!                        {'ok', 'ok', 'size', 'size'};
%!            'parse', {J, 'J = sum(sum(-Y ( .* log(h))) / m;'}, {'error', 'error', 'error', 'error'}};
%!   for i = 1:rows (cases)
%!     f = gt_write (d, ['gr_cost_' cases{i, 1}], 'gr_cost_ok', false, cases{i, 2}{:});
%!     r = gt_grade (f);
%!     assert (gt_codes (r), cases{i, 3}, cases{i, 1});
%!   end
%!   assert (gt_has (gt_hint (r, 'cost'), 'parse error', 'gr_cost_parse.m'));
%!   assert (! any (gt_hint (r, 'cost') == "\n"));
%! unwind_protect_cleanup
%!   gt_rmdir (d);
%! end_unwind_protect

## ---- the helpers: correct, and each known mistake ----
%!test
%! r = gt_grade ([], 'SigmoidGradient', 'gr_sigmoid_gradient');
%! assert ({r.parts.name}, {'sigmoid_gradient'});
%! assert ([r.total r.max], [5 5]);
%!test
%! r = gt_grade ([], 'Predict', 'gr_predict_ok', 'RandInitializeWeights', 'gr_init_ok');
%! assert ({r.parts.name}, {'predict', 'init'});
%! assert ([r.total r.max], [10 10]);
%!test
%! r = gt_grade ([], 'SigmoidGradient', 'gr_sg_activation', 'Predict', 'gr_predict_no_sigmoid', ...
%!               'RandInitializeWeights', 'gr_init_positive');
%! assert (gt_codes (r), {'sg_activation', 'pred_no_hidden_sigmoid', 'init_positive'});
%! assert (r.total, 0);
%!test
%! r = gt_grade ([], 'SigmoidGradient', 'gr_sigmoid', 'Predict', 'gr_predict_value', ...
%!               'RandInitializeWeights', 'gr_init_transposed');
%! assert (gt_codes (r), {'sg_sigmoid', 'pred_value', 'init_transposed'});
%!test
%! % a matrix product where .* is meant errors; p a row; entries beyond epsilon
%! r = gt_grade ([], 'SigmoidGradient', 'gr_sg_matmul', 'Predict', 'gr_predict_row', ...
%!               'RandInitializeWeights', 'gr_init_wide');
%! assert (gt_codes (r), {'error', 'size', 'init_range'});
%! assert (gt_has (gt_hint (r, 'sigmoid_gradient'), 'nonconformant', 'gr_sg_matmul, line 4', '.*'));
%! assert (gt_has (gt_hint (r, 'predict'), 'a row', 'column'));
%!test
%! r = gt_grade ([], 'RandInitializeWeights', 'gr_init_zeros');
%! assert (gt_codes (r), {'init_constant'});
%! assert (gt_has (gt_hint (r, 'init'), 'symmetry'));
%!test
%! % the helpers' other mistakes, written from the correct versions
%! d = gt_tempdir ();
%! unwind_protect
%!   copyfile (gt_file ('gr_sigmoid'), d);
%!   S = 'g = gr_sigmoid(z) .* (1 - gr_sigmoid(z));';
%!   M = '[dummy, p] = max(h2, [], 2);';
%!   I = 'W = rand(L_out, 1 + L_in) * 2 * epsilon_init - epsilon_init;';
%!   sg = {'one_minus', {S, 'g = 1 - gr_sigmoid(z);'}, 'sg_one_minus';
%!         'sign', {S, 'g = -gr_sigmoid(z) .* (1 - gr_sigmoid(z));'}, 'sg_sign'};
%!   pr = {'zero', {M, '[dummy, p] = max(h2, [], 2); p = p - 1;'}, 'pred_zero_based';
%!         'min', {M, '[dummy, p] = min(h2, [], 2);'}, 'pred_min'};
%!   in = {'no_bias', {I, 'W = rand(L_out, L_in) * 2 * epsilon_init - epsilon_init;'}, 'init_no_bias';
%!         'tiny', {I, 'W = (rand(L_out, 1 + L_in) * 2 - 1) * 1e-4;'}, 'init_tiny';
%!         'size', {I, 'W = rand(L_in, L_out) * 2 * epsilon_init - epsilon_init;'}, 'init_size';
%!         'xavier', {'epsilon_init = 0.12;', 'epsilon_init = sqrt(6) / sqrt(L_in + L_out);'}, ''};
%!   for i = 1:2
%!     f1 = gt_write (d, ['gr_sg_' sg{i, 1}], 'gr_sigmoid_gradient', false, sg{i, 2}{:});
%!     f2 = gt_write (d, ['gr_predict_' pr{i, 1}], 'gr_predict_ok', false, pr{i, 2}{:});
%!     f3 = gt_write (d, ['gr_init_' in{i, 1}], 'gr_init_ok', false, in{i, 2}{:});
%!     r = gt_grade ([], 'SigmoidGradient', f1, 'Predict', f2, 'RandInitializeWeights', f3);
%!     assert (gt_codes (r), {sg{i, 3}, pr{i, 3}, in{i, 3}});
%!   end
%!   % the other choice of epsilon of the assignment's text passes
%!   for i = 3:4
%!     f3 = gt_write (d, ['gr_init_' in{i, 1}], 'gr_init_ok', false, in{i, 2}{:});
%!     r = gt_grade ([], 'RandInitializeWeights', f3);
%!     assert (r.parts.pass, isempty (in{i, 3}));
%!     assert (r.parts.mistake, in{i, 3});
%!   end
%! unwind_protect_cleanup
%!   gt_rmdir (d);
%! end_unwind_protect

## ---- the student's code fails: a graded failure, never the grader's ----
%!test
%! r = gt_grade ('gr_cost_error');
%! assert (gt_codes (r), {'error', 'error', 'error', 'error'});
%! assert (r.total, 0);
%! assert (gt_has (gt_hint (r, 'cost'), 'Theta_2', 'undefined', 'gr_cost_error, line 13'));
%!test
%! % the bias column forgotten: nonconformant, with the hint on the sizes
%! r = gt_grade ('gr_cost_no_bias');
%! assert (gt_codes (r), {'error', 'error', 'error', 'error'});
%! assert (gt_has (gt_hint (r, 'cost'), 'nonconformant', 'bias column'));
%!test
%! % NaN in J; the gradient, finite, is wrong
%! r = gt_grade ('gr_cost_nan');
%! assert (gt_codes (r), {'nonfinite', 'nonfinite', 'unknown', 'unknown'});
%! assert (gt_has (gt_hint (r, 'cost'), 'NaN'));
%!test
%! % J a row, not a scalar
%! r = gt_grade ('gr_cost_size');
%! assert (gt_codes (r), {'size', 'size', 'ok', 'ok'});
%! assert (gt_has (gt_hint (r, 'cost'), 'not a scalar', 'sum(sum'));
%!test
%! % an endless loop: stopped after 'TimeLimit'; then the other functions are still graded
%! t = tic ();
%! r = gt_grade ('gr_cost_slow', 'TimeLimit', 0.5, 'SigmoidGradient', 'gr_sigmoid_gradient');
%! assert (toc (t) < 15);
%! assert (gt_codes (r), {'timeout', 'timeout', 'timeout', 'timeout', 'ok'});
%! assert ([r.total r.max], [5 100]);
%! assert (gt_has (gt_hint (r, 'cost'), 'time limit of 0.5 s'));
%! assert (gt_has (gt_hint (r, 'cost_reg'), 'not run', 'time limit'));
%!test
%! % exit ends the child Octave, not this one; then the other functions are still graded
%! r = gt_grade ('gr_cost_exit', 'Predict', 'gr_predict_ok');
%! assert (gt_codes (r), {'crash', 'crash', 'crash', 'crash', 'ok'});
%! assert (gt_has (gt_hint (r, 'cost'), 'status 3', 'exit'));
%!test
%! % an endless loop in a helper, the cost function before it is right
%! d = gt_tempdir ();
%! unwind_protect
%!   f = gt_write (d, 'gr_predict_loop', 'gr_predict_ok', false, 'm = size(X, 1);', 'while true, end');
%!   r = gt_grade ('gr_cost_ok', 'Predict', f, 'TimeLimit', 0.5);
%!   assert (gt_codes (r), {'ok', 'ok', 'ok', 'ok', 'timeout'});
%! unwind_protect_cleanup
%!   gt_rmdir (d);
%! end_unwind_protect

## ---- in this Octave ('Isolate', false) ----
%!test
%! r = gt_grade ('gr_cost_no_sigma_prime', 'Isolate', false);
%! assert (gt_codes (r), {'ok', 'ok', 'no_sigma_prime', 'no_sigma_prime'});
%! r = gt_grade ('gr_cost_error', 'Isolate', false, 'Parts', {'cost'});
%! assert (gt_codes (r), {'error'});
%! assert (gt_has (gt_hint (r, 'cost'), 'gr_cost_error, line 13'));
%! assert (isempty (strfind (path (), gt_dir ())));
%!test
%! % anonymous functions; the student's rand is seeded, the user's random streams are left alone
%! sg = @(z) 1 ./ (1 + exp (-z)) .* (1 - 1 ./ (1 + exp (-z)));
%! init = @(a, b) rand (b, a + 1) * 0.24 - 0.12;
%! s = rand ('twister');
%! r1 = nn_grade ([], 'SigmoidGradient', sg, 'RandInitializeWeights', init, 'Isolate', false, 'Verbose', false);
%! assert (rand ('twister'), s);
%! assert ([r1.total r1.max], [10 10]);
%! r2 = nn_grade ([], 'RandInitializeWeights', @(a, b) rand (b, a + 1) - 0.5, 'Isolate', false, 'Verbose', false);
%! r3 = nn_grade ([], 'RandInitializeWeights', @(a, b) rand (b, a + 1) - 0.5, 'Isolate', false, 'Verbose', false);
%! assert (r2.parts.mistake, 'init_range');
%! assert (r2.parts.hint, r3.parts.hint);
%! % the templates' values: not written yet
%! r = nn_grade ([], 'SigmoidGradient', @(z) zeros (size (z)), 'Predict', @(T1, T2, X) zeros (rows (X), 1), ...
%!               'RandInitializeWeights', @(a, b) zeros (b, a + 1), 'Isolate', false, 'Verbose', false);
%! assert (gt_codes (r), {'zeros', 'zeros', 'init_constant'});
%! assert (gt_has (gt_hint (r, 'predict'), 'not written yet'));

## ---- 'Points', 'Parts', 'Seed', 'Networks', the table ----
%!test
%! r = gt_grade ('gr_cost_grad_no_m', 'Points', struct ('grad', 50, 'Cost', 0));
%! assert ([r.parts.max], [0 15 50 10]);
%! assert ([r.parts.points], [0 15 0 0]);
%! assert ([r.total r.max], [15 75]);
%!test
%! r = gt_grade ('gr_cost_bias_reg', 'Points', [1 2 3 4 5 6 7], 'Predict', 'gr_predict_ok');
%! assert ([r.parts.max], [1 2 3 4 6]);
%! assert ([r.parts.points], [1 0 3 4 6]);
%! assert ([r.total r.max], [14 16]);
%!test
%! r = gt_grade ('gr_cost_bias_grad_reg', 'Parts', {'grad_reg', 'cost'}, 'RandInitializeWeights', 'gr_init_ok');
%! assert ({r.parts.name}, {'cost', 'grad_reg'});
%! assert (gt_codes (r), {'ok', 'bias_grad_reg'});
%! r = gt_grade ('gr_cost_lambda_m', 'Parts', 'COST_REG');
%! assert ({r.parts.name}, {'cost_reg'});
%! assert (gt_codes (r), {'lambda_m'});
%!test
%! % other seeds and more networks: the same verdicts; the same seed: the same report
%! r1 = gt_grade ('gr_cost_combo', 'Seed', 7, 'Networks', 6);
%! assert (gt_codes (r1), {'ok', 'ok', 'grad_no_m', 'grad_no_m+bias_grad_reg'});
%! assert ([r1.seed r1.networks], [7 6]);
%! r2 = gt_grade ('gr_cost_combo', 'Seed', 7, 'Networks', 6);
%! assert ([r2.parts.error], [r1.parts.error]);
%! assert ({r2.parts.hint}, {r1.parts.hint});
%! r3 = gt_grade ('gr_cost_unknown', 'Seed', 8);
%! assert (gt_codes (r3), {'ok', 'ok', 'unknown', 'unknown'});
%!test
%! % the printed table: part, points, pass/fail, hint, total
%! txt = evalc ('nn_grade (gt_file (''gr_cost_lambda_m''));');
%! assert (gt_has (txt, 'part', 'points', 'test', 'hint', 'Cost (regularised)', '0/15', 'FAIL', ...
%!                 'lambda/(2m)', 'Gradient (unregularised)', '40/40', 'pass', 'total', '80/95'));
%! assert (isempty (evalc ('gt_grade (''gr_cost_ok'');')));

## ---- a student's folder, and the lecturer's loop of the help ----
%!test
%! d = gt_tempdir ();
%! unwind_protect
%!   s = gt_student (d, 'alice', 'gr_cost_ok', {'sg', 'predict', 'init'});
%!   r = nn_grade (s, 'Verbose', false);
%!   assert ([r.total r.max], [110 110]);
%!   assert (r.source, s);
%!   % a missing file fails its part; an option replaces the folder's file
%!   s = gt_student (d, 'bob', 'gr_cost_bias_reg', {'sg'});
%!   r = nn_grade (s, 'Verbose', false, 'RandInitializeWeights', gt_file ('gr_init_zeros'));
%!   assert (gt_codes (r), {'ok', 'bias_reg', 'ok', 'ok', 'ok', 'missing', 'init_constant'});
%!   assert (gt_has (gt_hint (r, 'predict'), 'predict.m'));
%!   r = nn_grade (s, 'Verbose', false, 'Parts', {'sigmoid_gradient'});
%!   assert (gt_codes (r), {'ok'});
%!   % a wrong sigmoidGradient makes the gradient wrong: the same diagnosis there
%!   s = gt_student (d, 'frank', 'gr_cost_ok', {'predict', 'init'});
%!   gt_write (s, 'sigmoidGradient', 'gr_sg_activation', true);
%!   r = nn_grade (s, 'Verbose', false);
%!   assert (gt_codes (r), {'ok', 'ok', 'sg_activation', 'sg_activation', 'sg_activation', 'ok', 'ok'});
%!   gt_write (s, 'sigmoidGradient', 'gr_sigmoid', true);
%!   r = nn_grade (s, 'Verbose', false, 'Parts', {'grad_reg', 'sigmoid_gradient'});
%!   assert (gt_codes (r), {'sg_sigmoid', 'sg_sigmoid'});
%!   % an empty folder: every part missing, nothing run
%!   mkdir (fullfile (d, 'eve'));
%!   r = nn_grade (fullfile (d, 'eve'), 'Verbose', false);
%!   assert (gt_codes (r), repmat ({'missing'}, 1, 7));
%!   assert ([r.total r.max], [0 110]);
%! unwind_protect_cleanup
%!   gt_rmdir (d);
%! end_unwind_protect
%!test
%! % the help's example, run as it is on a folder of submissions
%! txt = get_help_text ('nn_grade');
%! k = strfind (txt, 'subs = dir');
%! e = strfind (txt, 'fclose (fid);');
%! code = txt(k:e(end) + 12);
%! code = strrep (strrep (strrep (code, '@{', '{'), '@}', '}'), '@@', '@');
%! d = gt_tempdir ();
%! old = pwd ();
%! unwind_protect
%!   sub = fullfile (d, 'submissions');
%!   mkdir (sub);
%!   gt_student (sub, 'alice', 'gr_cost_ok', {'sg', 'predict', 'init'});
%!   gt_student (sub, 'bob', 'gr_cost_combo', {'sg', 'init'});
%!   gt_student (sub, 'carol', 'gr_cost_exit', {'sg', 'predict', 'init'});
%!   gt_student (sub, 'dave', [], {});
%!   cd (d);
%!   eval (code);
%!   csv = strsplit (strtrim (fileread (fullfile (d, 'grades.csv'))), "\n");
%!   assert (numel (csv), 5);
%!   assert (csv{1}, 'student,total,max,cost,cost_reg,grad,grad_reg,sigmoid_gradient,predict,init,mistakes');
%!   assert (csv{2}, 'alice,110,110,30,15,40,10,5,5,5,');
%!   assert (csv{3}, 'bob,55,110,30,15,0,0,5,0,5,grad_no_m grad_no_m+bias_grad_reg missing');
%!   assert (csv{4}, 'carol,15,110,0,0,0,0,5,5,5,crash crash crash crash');
%!   assert (csv{5}, 'dave,0,110,0,0,0,0,0,0,0,missing missing missing missing missing missing missing');
%!   % and a student's table, to send back
%!   t = evalc ('r = nn_grade (fullfile (''submissions'', ''bob''));');
%!   assert (gt_has (t, 'there is no predict.m'));
%! unwind_protect_cleanup
%!   cd (old);
%!   gt_rmdir (d);
%! end_unwind_protect

## ---- bad arguments ----
%!error <usage> nn_grade ()
%!error id=nnlab:nn_grade:nargin nn_grade ()
%!error id=nnlab:nn_grade:nargin nn_grade ([])
%!error id=nnlab:nn_grade:nargin nn_grade ([], 'Verbose', false)
%!error id=nnlab:nn_grade:option nn_grade (@sin, 'Bogus', 1)
%!error id=nnlab:nn_grade:option nn_grade (@sin, 'Seed')
%!error id=nnlab:nn_grade:option nn_grade (@sin, 3, 4)
%!error id=nnlab:nn_grade:notFound nn_grade (@sin)
%!error id=nnlab:nn_grade:notFound nn_grade (@no_such_student_function_xyz)
%!error id=nnlab:nn_grade:notFound nn_grade ('no_such_student_file_xyz.m')
%!error id=nnlab:nn_grade:notFound nn_grade ([], 'Predict', 'no_such_predict_xyz')
%!error id=nnlab:nn_grade:optionValue nn_grade (3)
%!error id=nnlab:nn_grade:optionValue nn_grade ({'a'})
%!error id=nnlab:nn_grade:optionValue nn_grade ([], 'Predict', 3)
%!error id=nnlab:nn_grade:optionValue nn_grade ([], 'SigmoidGradient', ['ab'; 'cd'])
%!error id=nnlab:nn_grade:optionValue nn_grade (@(varargin) 0, 'Seed', -1)
%!error id=nnlab:nn_grade:optionValue nn_grade (@(varargin) 0, 'Seed', 1.5)
%!error id=nnlab:nn_grade:optionValue nn_grade (@(varargin) 0, 'Networks', 0)
%!error id=nnlab:nn_grade:optionValue nn_grade (@(varargin) 0, 'Networks', 21)
%!error id=nnlab:nn_grade:optionValue nn_grade (@(varargin) 0, 'TimeLimit', 0)
%!error id=nnlab:nn_grade:optionValue nn_grade (@(varargin) 0, 'TimeLimit', -1)
%!error id=nnlab:nn_grade:optionValue nn_grade (@(varargin) 0, 'TimeLimit', Inf)
%!error id=nnlab:nn_grade:optionValue nn_grade (@(varargin) 0, 'Tolerance', -1)
%!error id=nnlab:nn_grade:optionValue nn_grade (@(varargin) 0, 'Tolerance', NaN)
%!error id=nnlab:nn_grade:optionValue nn_grade (@(varargin) 0, 'Isolate', 'yes')
%!error id=nnlab:nn_grade:optionValue nn_grade (@(varargin) 0, 'Verbose', 2)
%!error id=nnlab:nn_grade:optionValue nn_grade (@(varargin) 0, 'Points', [1 2 3])
%!error id=nnlab:nn_grade:optionValue nn_grade (@(varargin) 0, 'Points', [1 2 3 4 5 6 -7])
%!error id=nnlab:nn_grade:optionValue nn_grade (@(varargin) 0, 'Points', 'grad')
%!error id=nnlab:nn_grade:optionValue nn_grade (@(varargin) 0, 'Points', struct ('nosuch', 1))
%!error id=nnlab:nn_grade:optionValue nn_grade (@(varargin) 0, 'Points', struct ('grad', -1))
%!error id=nnlab:nn_grade:optionValue nn_grade (@(varargin) 0, 'Points', struct ('grad', [1 2]))
%!error id=nnlab:nn_grade:optionValue nn_grade (@(varargin) 0, 'Parts', {'nosuch'})
%!error id=nnlab:nn_grade:optionValue nn_grade (@(varargin) 0, 'Parts', {1})
%!error id=nnlab:nn_grade:optionValue nn_grade (@(varargin) 0, 'Parts', {''})
%!error id=nnlab:nn_grade:optionValue nn_grade (@(varargin) 0, 'Parts', 3)
%!error <needs its function> nn_grade (@(varargin) 0, 'Parts', {'predict'})
%!error id=nnlab:nn_grade:optionValue nn_grade ([], 'Predict', @(a, b, c) 1, 'Parts', {'cost'})
%!error id=nnlab:nn_grade:isolate nn_grade (@(varargin) 0, 'Verbose', false)
%!error id=nnlab:nn_grade:isolate nn_grade ([], 'SigmoidGradient', @(z) z, 'Verbose', false)
