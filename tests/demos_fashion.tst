%% Tests of the Fashion-MNIST lecture demos nn_demo_fashion and
%% nn_demo_autoencoder, in their quick mode.  Each runs into a fresh
%% temporary folder; the PNG files it reports must exist and be non-empty.
%% The demos need the data set (Debian: dataset-fashion-mnist); without it
%% these tests are skipped.

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

%!function tf = have_data()
%!  folder = getenv('FMNIST_DIR');
%!  if isempty(folder)
%!    folder = '/usr/share/datasets/fashion-mnist';
%!  end
%!  tf = exist(fullfile(folder, 'train-images-idx3-ubyte.gz'), 'file') == 2 || ...
%!       exist(fullfile(folder, 'train-images-idx3-ubyte'), 'file') == 2;
%!endfunction

%!testif ; have_data ()
%! outdir = tempname();
%! unwind_protect
%!   out = evalc('r = nn_demo_fashion(outdir, ''Quick'', true);');
%!   check_demo(r, outdir, 3);
%!   names = cellfun(@(f) f(numel(outdir) + 2:end), r.figures, 'UniformOutput', false);
%!   assert(names, {'nn_demo_fashion_curves.png', 'nn_demo_fashion_confusion.png', ...
%!                  'nn_demo_fashion_images.png'});
%!   assert(r.accuracy > 0.7 && r.accuracy <= 1);
%!   assert(r.epoch_time > 0);
%!   assert(~isempty(strfind(r.result, sprintf('test accuracy %.2f%%', 100 * r.accuracy))));
%!   assert(~isempty(strfind(out, 'Softmax probabilities')));
%!   assert(~isempty(strfind(out, '5000 training')));
%! unwind_protect_cleanup
%!   remove_folder(outdir);
%! end_unwind_protect

%!testif ; have_data ()
%! outdir = fullfile(tempname(), 'sub');
%! unwind_protect
%!   out = evalc('r = nn_demo_autoencoder(outdir, ''quick'', 1);');
%!   check_demo(r, outdir, 3);
%!   names = cellfun(@(f) f(numel(outdir) + 2:end), r.figures, 'UniformOutput', false);
%!   assert(names, {'nn_demo_autoencoder_embedding.png', 'nn_demo_autoencoder_reconstructions.png', ...
%!                  'nn_demo_autoencoder_loss.png'});
%!   assert(isfinite(r.mse_pca) && r.mse_pca > 0 && r.mse_pca < 0.1);
%!   assert(isfinite(r.mse_ae) && r.mse_ae > 0 && r.mse_ae < 0.1);
%!   assert(~isempty(strfind(out, 'PCA, 2 components')));
%!   assert(~isempty(strfind(out, 'autoencoder, 2-unit bottleneck')));
%! unwind_protect_cleanup
%!   remove_folder(fileparts(outdir));
%! end_unwind_protect

%!testif ; have_data ()
%! outdir = tempname();
%! unwind_protect
%!   out = evalc('r = nn_demo_cnn(outdir, ''Quick'', true);');
%!   check_demo(r, outdir, 2);
%!   names = cellfun(@(f) f(numel(outdir) + 2:end), r.figures, 'UniformOutput', false);
%!   assert(names, {'nn_demo_cnn_filters.png', 'nn_demo_cnn_maps.png'});
%!   assert(r.equivariance < 1e-12);
%!   assert(r.invariance(1) < 0.25 * r.invariance(2));
%!   assert(r.accuracy(1) >= 0.7 && r.params(1) < r.params(2));
%!   assert(~isempty(strfind(out, '6000 training images')));
%! unwind_protect_cleanup
%!   remove_folder(outdir);
%! end_unwind_protect

%!error id=nnlab:nn_demo_cnn:option nn_demo_cnn(tempdir, 'Fast', true)
%!error id=nnlab:nn_demo_fashion:class nn_demo_fashion(3)
%!error id=nnlab:nn_demo_fashion:option nn_demo_fashion(tempdir, 'Fast', true)
%!error id=nnlab:nn_demo_fashion:option nn_demo_fashion(tempdir, 3, true)
%!error id=nnlab:nn_demo_fashion:optionValue nn_demo_fashion(tempdir, 'Quick', 'yes')
%!error id=nnlab:nn_demo_fashion:optionValue nn_demo_fashion('Quick', [true true])
%!error id=nnlab:nn_demo_autoencoder:class nn_demo_autoencoder({'a'})
%!error id=nnlab:nn_demo_autoencoder:option nn_demo_autoencoder('Epochs', 3)
%!error id=nnlab:nn_demo_autoencoder:optionValue nn_demo_autoencoder(tempdir, 'Quick', NaN)
%!error id=nnlab:nn_demo_autoencoder:class nn_demo_autoencoder(3, 'Quick', true)
