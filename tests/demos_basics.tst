%% Tests of the lecture demos on the basics: nn_demo_neuron, nn_demo_linearity,
%% nn_demo_likelihood and nn_demo_applications.  Each demo runs in quick mode
%% into a fresh temporary folder; the PNG files it reports must exist and be
%% non-empty.

%!function check_demo(r, outdir, nfig)
%!  assert(isstruct(r) && isscalar(r));
%!  for f = {'topic', 'claim', 'result', 'figures'}
%!    assert(isfield(r, f{1}), ['missing field ' f{1}]);
%!  end
%!  assert(ischar(r.topic) && ~isempty(r.topic));
%!  assert(ischar(r.claim) && ~isempty(r.claim));
%!  assert(ischar(r.result) && ~isempty(r.result));
%!  assert(iscellstr(r.figures));
%!  assert(numel(r.figures), nfig);
%!  for i = 1:numel(r.figures)
%!    file = r.figures{i};
%!    assert(strncmp(file, outdir, numel(outdir)), ['figure outside OUTDIR: ' file]);
%!    assert(numel(file) > 4 && strcmp(file(end-3:end), '.png'));
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

%!function v = number_after(text, key)
%!  k = strfind(text, key);
%!  assert(~isempty(k), ['missing: ' key]);
%!  v = sscanf(text(k(1) + numel(key):end), '%g', 1);
%!endfunction

%!test
%! outdir = tempname();
%! unwind_protect
%!   out = evalc('r = nn_demo_neuron(outdir, ''Quick'', true);');
%!   check_demo(r, outdir, 2);
%!   assert(~isempty(strfind(r.figures{1}, 'nn_demo_neuron_activations.png')));
%!   assert(~isempty(strfind(r.figures{2}, 'nn_demo_neuron_sigmoid.png')));
%!   assert(number_after(r.result, 'backward') < 1e-10);
%!   assert(number_after(r.result, 'finite differences') < 1e-8);
%!   assert(~isempty(strfind(out, 'z = w.x + b = 0.5*1 + (-0.3)*2 + 0.8*(-1) + 0.1 = -0.8')));
%!   for a = {'threshold', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu', 'softplus', 'gelu', 'silu'}
%!     assert(~isempty(strfind(out, a{1})), ['activation missing from the output: ' a{1}]);
%!   end
%! unwind_protect_cleanup
%!   remove_folder(outdir);
%! end_unwind_protect

%!test
%! outdir = tempname();
%! s = rand('state');
%! z = randn('state');
%! unwind_protect
%!   out = evalc('r = nn_demo_linearity(outdir, ''Quick'', true);');
%!   check_demo(r, outdir, 2);
%!   assert(size(r.accuracy), [2 3]);
%!   assert(all(all(r.accuracy(:, 1:2) < 0.8)));
%!   assert(all(r.accuracy(:, 3) >= 0.9));
%!   assert(number_after(r.result, 'linear stack = one layer within') < 1e-12);
%!   assert(~isempty(strfind(r.result, 'grid points but 0')));
%!   assert(~isempty(strfind(out, 'W = W3*W2*W1')));
%!   % the user's random streams are untouched
%!   assert(rand('state'), s);
%!   assert(randn('state'), z);
%! unwind_protect_cleanup
%!   remove_folder(outdir);
%! end_unwind_protect

%!test
%! outdir = fullfile(tempname(), 'new', 'folder');
%! z = randn('state');
%! unwind_protect
%!   out = evalc('r = nn_demo_likelihood(outdir, ''quick'', 1);');
%!   check_demo(r, outdir, 3);
%!   assert(~isempty(strfind(r.figures{3}, 'nn_demo_likelihood_heteroscedastic.png')));
%!   assert(~isempty(strfind(r.figures{1}, 'nn_demo_likelihood_bernoulli.png')));
%!   assert(~isempty(strfind(r.figures{2}, 'nn_demo_likelihood_location.png')));
%!   assert(abs(number_after(r.result, 'Bernoulli maximum at p =') - 0.35) < 1e-12);
%!   assert(abs(number_after(r.result, '(grid) and') - 0.35) < 1e-10);
%!   assert(number_after(r.result, 'BCE = -1/N log L within') < 1e-12);
%!   assert(~isempty(strfind(out, 'the median 3.0000 lies in it')));
%!   assert(~isempty(strfind(out, 'the grid minimum is at mu = 2.6000 only')));
%!   assert(randn('state'), z);
%! unwind_protect_cleanup
%!   remove_folder(fileparts(fileparts(outdir)));
%! end_unwind_protect

%!test
%! outdir = tempname();
%! unwind_protect
%!   out = evalc('r = nn_demo_applications(outdir);');
%!   check_demo(r, outdir, 0);
%!   assert(iscellstr(r.table));
%!   assert(size(r.table), [5 5]);
%!   assert(r.table(:, 1)', {'binary classification', 'multiclass classification', 'regression', ...
%!                           'ranking', 'dimensionality reduction'});
%!   assert(~isempty(strfind(r.result, '9 losses (11 checks)')));
%!   for w = {'spam', 'digit', 'house prices', 'search ranking', 'compression'}
%!     assert(~isempty(strfind(out, w{1})), ['missing from the table: ' w{1}]);
%!   end
%! unwind_protect_cleanup
%!   remove_folder(outdir);
%! end_unwind_protect

%!test
%! % the tour runs them like any demo
%! outdir = tempname();
%! unwind_protect
%!   evalc('res = nn_tour(outdir, {''nn_demo_applications''});');
%!   assert(res.passed);
%!   check_demo(res, outdir, 0);
%! unwind_protect_cleanup
%!   remove_folder(outdir);
%! end_unwind_protect

%!error id=nnlab:nn_demo_neuron:class nn_demo_neuron(3)
%!error id=nnlab:nn_demo_neuron:option nn_demo_neuron(tempdir, 'Quick')
%!error id=nnlab:nn_demo_neuron:option nn_demo_neuron(tempdir, 'Fast', true)
%!error id=nnlab:nn_demo_neuron:optionValue nn_demo_neuron(tempdir, 'Quick', 'yes')
%!error id=nnlab:nn_demo_linearity:class nn_demo_linearity({'a'})
%!error id=nnlab:nn_demo_linearity:option nn_demo_linearity(tempdir, 3, true)
%!error id=nnlab:nn_demo_linearity:optionValue nn_demo_linearity(tempdir, 'Quick', 2)
%!error id=nnlab:nn_demo_likelihood:class nn_demo_likelihood(['ab'; 'cd'])
%!error id=nnlab:nn_demo_likelihood:option nn_demo_likelihood(tempdir, 'Quick', true, 'Seed')
%!error id=nnlab:nn_demo_likelihood:optionValue nn_demo_likelihood(tempdir, 'Quick', [1 1])
%!error id=nnlab:nn_demo_applications:class nn_demo_applications(1)
%!error id=nnlab:nn_demo_applications:option nn_demo_applications(tempdir, 'Verbose', false)
