function install_test(tarball, outfile)
% INSTALL_TEST  pkg install nnlab into a throw-away prefix, use it, remove it.
%   install_test(TARBALL, OUTFILE) writes "PASSED FAILED" into OUTFILE.
%   Run it in an Octave process of its own (make check does): it points that
%   process's pkg prefix and package lists at a temporary folder, so the
%   user's own package lists are never written; the test checks that.
%   Used by `make check`; not part of the public API.
  passed = 0;
  failed = 0;
  function check(ok, what)
    if ok
      passed = passed + 1;
    else
      failed = failed + 1;
      fprintf('  FAILED: %s\n', what);
    end
  end
  prefix = tempname();
  mkdir(prefix);
  user_lists = {pkg('local_list'), pkg('global_list')};
  before = cellfun(@file_text, user_lists, 'UniformOutput', false);
  kernels = {'nn_dense', 'nn_act', 'nn_loss', 'nn_step', 'nn_dropout', 'nn_fit', 'nn_conv2d', 'nn_pool', 'nn_batchnorm', 'nn_jacobian'};
  unwind_protect
    pkg('prefix', prefix, prefix);
    pkg('local_list', fullfile(prefix, 'octave_packages'));
    pkg('global_list', fullfile(prefix, 'global_packages'));
    try
      evalc('pkg(''install'', ''-local'', tarball)');
      ok = true;
    catch err
      ok = false;
      fprintf('  pkg install failed: %s\n', err.message);
    end
    check(ok, 'pkg install -local');
    if ok
      pkg('load', 'nnlab');
      d = pkg('list', 'nnlab');
      check(numel(d) == 1 && d{1}.loaded, 'pkg load nnlab');
      % every kernel runs from the installed package (nn_dropout is an .m
      % file that draws a seed and calls the MEX file nn_dropout_mex)
      for k = strrep(kernels, 'nn_dropout', 'nn_dropout_mex')
        w = which(k{1});
        check(~isempty(strfind(w, prefix)) && ~isempty(regexp(w, '\.mex$', 'once')), ...
              sprintf('%s is the installed MEX file (which says: %s)', k{1}, w));
      end
      X = [0 0; 0 1; 1 0; 1 1];
      try
        Y = nn_act(nn_dense(X, [1 1], -1.5), 'threshold');
        check(isequal(Y, [0; 0; 0; 1]), 'AND neuron from the installed kernels');
        [L, dZ] = nn_loss([0.2; 0.9], [0; 1], 'bce');
        check(isfinite(L) && isequal(size(dZ), [2 1]), 'nn_loss runs');
        [P, S] = nn_step([1 2], [1 1], [], 'sgd', 'lr', 0.5);
        check(isequal(P, [0.5 1.5]) && S.step == 1, 'nn_step runs');
        Yd = nn_dropout(ones(3), 0.5, 'seed', 1);
        check(isequal(size(Yd), [3 3]), 'nn_dropout runs');
        [Lf, ~, ~, lf] = nn_fit([0 1; 1 0], [0; 1], [1 0], 2, struct('type', 'dense', 'W', [1 1], 'b', 0), ...
                                {[]}, {[]}, 'mse', {}, 'sgd', {'lr', 0.1}, 0);
        check(isfinite(lf) && isequal(size(Lf.W), [1 2]), 'nn_fit runs');
        netd = nn_mlp([2 3 1], 'Seed', 1);
        check(strcmp(evalc('disp(netd)'), nn_summary(netd)) && ...
              strncmp(evalc('netd'), sprintf('netd =\n\nnetwork'), 15), 'disp(net) and net at the prompt print the table (installed @struct)');
        Yc = nn_conv2d(reshape(1:20, 4, 5), [1 2; 3 4], 1, 'Padding', [0 0 0 0]);
        [dXc, dWc] = nn_conv2d(reshape(1:20, 4, 5), [1 2; 3 4], 1, ones(3, 4));
        check(isequal(Yc, conv2(reshape(1:20, 4, 5), [4 3; 2 1], 'valid') + 1) && ...
              isequal(size(dXc), [4 5]) && isequal(size(dWc), [2 2]), 'nn_conv2d runs');
        check(isequal(nn_pool(reshape(1:16, 4, 4), 'max', [2 2]), [6 14; 8 16]) && ...
              isequal(nn_pool(reshape(1:16, 4, 4), 'avg', 'global', 1), ones(4) / 16), 'nn_pool runs');
        [Yb, Sb] = nn_batchnorm([1 2; 3 6], [], [], []);
        [dXb, dgb, dbb] = nn_batchnorm([1 2; 3 6], [], [], [], ones(2));
        check(max(abs(Yb(:) - [-1; 1; -1; 1])) < 1e-4 && Sb.count == 1 && ...
              isequal(Sb.mean, [0.2; 0.4]) && max(abs(dXb(:))) < 1e-12 && ...
              isequal(dbb, [2; 2]), 'nn_batchnorm runs');
        check(isequal(nn_jacobian([1; 2], {2}, {0}, {'linear'}), [1 1; 1 2]) && ...
              max(abs(nn_jacobian('solve', [2 0; 0 4], [2; 4], 0) - [1; 1])) < 1e-12, 'nn_jacobian runs (LAPACK linked)');
      catch err
        check(false, ['calling the kernels: ' err.message]);
      end
      % help of every public function, MEX kernels included
      % (the package folder, and the architecture folder below archprefix)
      l = [dir(fullfile(d{1}.dir, '*.m')); dir(fullfile(d{1}.archprefix, '*', '*.m'))];
      l = l(cellfun('isempty', regexp({l.folder}, '[\\/]private$', 'once')));
      names = unique(regexprep({l.name}, '\.m$', ''));
      names = unique(names);
      check(all(ismember(kernels, names)), 'the help files of the kernels are installed');
      for i = 1:numel(names)
        [txt, fmt] = get_help_text(names{i});
        check(strcmp(fmt, 'texinfo') && numel(txt) > 40, ...
              sprintf('help %s shows its texinfo help (got format: %s)', names{i}, fmt));
      end
      % help nnlab: the function index, from the installed package, and
      % the INDEX that pkg describe reads
      try
        txt = help('nnlab');
        check(~isempty(strfind(which('nnlab'), prefix)) && ~isempty(strfind(txt, 'nn_dense')) && ...
              ~isempty(strfind(txt, 'nn_train')) && ~isempty(strfind(txt, 'nn_tour')), ...
              'help nnlab shows the function index of the installed package');
      catch err
        check(false, ['help nnlab: ' err.message]);
      end
      try
        s = evalc('pkg(''describe'', ''-verbose'', ''nnlab'')');
        check(isfile(fullfile(d{1}.dir, 'packinfo', 'INDEX')) && ~isempty(strfind(s, 'Kernels')) && ...
              ~isempty(strfind(s, 'nn_minimize')), 'pkg describe -verbose nnlab lists the INDEX');
      catch err
        check(false, ['pkg describe: ' err.message]);
      end
      pkg('unload', 'nnlab');
      evalc('pkg(''uninstall'', ''-local'', ''nnlab'')');
      check(isempty(pkg('list', 'nnlab')) && ~isfolder(d{1}.dir), 'pkg uninstall -local');
    end
  unwind_protect_cleanup
    confirm_recursive_rmdir(false, 'local');
    rmdir(prefix, 's');
  end_unwind_protect
  after = cellfun(@file_text, user_lists, 'UniformOutput', false);
  check(isequal(before, after), 'the user''s own package lists are untouched');
  fprintf('  install test: %d passed, %d failed\n', passed, failed);
  fid = fopen(outfile, 'w');
  fprintf(fid, '%d %d\n', passed, failed);
  fclose(fid);
end

function t = file_text(f)
  t = '';
  if exist(f, 'file')
    t = fileread(f);
  end
end
