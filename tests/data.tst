%% Tests of the data functions of nnlab: nn_read_idx, nn_fashion_mnist,
%% nn_onehot, nn_onehot_decode, nn_standardize, nn_split, nn_toy.
%% Run with test('tests/data.tst') after addpath of m/.

%!function write_bytes(name, b)
%!  fid = fopen(name, 'w');
%!  fwrite(fid, b, 'uint8');
%!  fclose(fid);
%!endfunction

%!function b = be_bytes(v, nbytes)
%!  % big-endian bytes of the non-negative whole numbers v
%!  b = zeros(1, 0);
%!  for x = v(:)'
%!    b = [b, mod(floor(x ./ 256 .^ (nbytes - 1:-1:0)), 256)];
%!  end
%!endfunction

%!function b = idx_bytes(code, dims, data)
%!  % an IDX file: magic, sizes, then the given data bytes
%!  b = [0 0 code numel(dims) be_bytes(dims, 4) data];
%!endfunction

%!function ok = have_fmnist()
%!  d = getenv('FMNIST_DIR');
%!  if isempty(d)
%!    d = '/usr/share/datasets/fashion-mnist';
%!  end
%!  names = {'train-images-idx3-ubyte', 'train-labels-idx1-ubyte', ...
%!           't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'};
%!  ok = true;
%!  for k = 1:4
%!    f = fullfile(d, names{k});
%!    ok = ok && (exist(f, 'file') == 2 || exist([f '.gz'], 'file') == 2);
%!  end
%!endfunction

%!function check_error(f, id)
%!  % f() must fail with the error identifier id
%!  try
%!    f();
%!  catch err
%!    assert(err.identifier, id);
%!    return
%!  end
%!  error('expected the error %s, but there was none', id);
%!endfunction

%% ------------------------------------------------------------ nn_read_idx

%!test
%! % every data type, big-endian
%! d = tempname();
%! mkdir(d);
%! f = fullfile(d, 'a.idx');
%! unwind_protect
%!   write_bytes(f, idx_bytes(9, 3, [1 255 128]));
%!   assert(nn_read_idx(f), int8([1; -1; -128]));
%!   write_bytes(f, idx_bytes(12, [1 2], [0 0 1 0, 255 255 255 255]));
%!   assert(nn_read_idx(f), int32([256 -1]));
%!   fid = fopen(f, 'w', 'ieee-be');
%!   fwrite(fid, [0 0 13 1 0 0 0 2], 'uint8');
%!   fwrite(fid, [1.5 -2.25], 'float32');
%!   fclose(fid);
%!   A = nn_read_idx(f);
%!   assert(A, single([1.5; -2.25]));
%!   fid = fopen(f, 'w', 'ieee-be');
%!   fwrite(fid, [0 0 14 2 0 0 0 1 0 0 0 2], 'uint8');
%!   fwrite(fid, [pi -1e300], 'float64');
%!   fclose(fid);
%!   assert(nn_read_idx(f), [pi -1e300]);
%! unwind_protect_cleanup
%!   delete(f);
%!   rmdir(d);
%! end_unwind_protect

%!test
%! % a 3-D file: A(i,j,k) is element [i-1][j-1][k-1] of the row-major data
%! f = [tempname() '.idx'];
%! c = onCleanup(@() delete(f));
%! write_bytes(f, idx_bytes(8, [2 3 4], 0:23));
%! [A, dims] = nn_read_idx(f);
%! assert(dims, [2 3 4]);
%! assert(size(A), [2 3 4]);
%! for i = 1:2
%!   for j = 1:3
%!     for k = 1:4
%!       assert(double(A(i, j, k)), 12 * (i - 1) + 4 * (j - 1) + (k - 1));
%!     end
%!   end
%! end

%!test
%! % trailing sizes of 1 are kept in dims; empty arrays are fine
%! f = [tempname() '.idx'];
%! c = onCleanup(@() delete(f));
%! write_bytes(f, idx_bytes(8, [3 1], [4 5 6]));
%! [A, dims] = nn_read_idx(f);
%! assert(A, uint8([4; 5; 6]));
%! assert(dims, [3 1]);
%! write_bytes(f, idx_bytes(8, [0 28 28], []));
%! [A, dims] = nn_read_idx(f);
%! assert(size(A), [0 28 28]);
%! assert(dims, [0 28 28]);

%!test
%! % gzipped files are recognised by their content, whatever their name
%! d = tempname();
%! mkdir(d);
%! f = fullfile(d, 'labels-idx1-ubyte');
%! unwind_protect
%!   write_bytes(f, idx_bytes(8, 5, [9 0 0 3 1]));
%!   gzip(f);
%!   assert(nn_read_idx([f '.gz']), uint8([9; 0; 0; 3; 1]));
%!   movefile([f '.gz'], fullfile(d, 'renamed.bin'));
%!   assert(nn_read_idx(fullfile(d, 'renamed.bin')), uint8([9; 0; 0; 3; 1]));
%!   % and the temporary folder is removed: the folder d is unchanged
%!   l = dir(d);
%!   assert(sort({l(~[l.isdir]).name}), {'labels-idx1-ubyte', 'renamed.bin'});
%! unwind_protect_cleanup
%!   l = dir(d);
%!   for k = 1:numel(l)
%!     if ~l(k).isdir
%!       delete(fullfile(d, l(k).name));
%!     end
%!   end
%!   rmdir(d);
%! end_unwind_protect

%!test
%! % each malformed file gets its own error
%! d = tempname();
%! mkdir(d);
%! f = fullfile(d, 'bad-idx');
%! g = fullfile(d, 'bad.gz');
%! unwind_protect
%!   cases = {
%!     [],                                       'nnlab:nn_read_idx:truncated'  % empty
%!     [0 0 8],                                  'nnlab:nn_read_idx:truncated'  % short magic
%!     [0 1 8 1 0 0 0 1 7],                      'nnlab:nn_read_idx:format'     % bad magic
%!     [80 75 3 4 0 0 0 1 7],                    'nnlab:nn_read_idx:format'     % a zip file
%!     [0 0 7 1 0 0 0 1 7],                      'nnlab:nn_read_idx:format'     % bad type
%!     [0 0 8 0],                                'nnlab:nn_read_idx:format'     % 0 dims
%!     [0 0 8 3 0 0 0 2 0 0],                    'nnlab:nn_read_idx:truncated'  % short sizes
%!     idx_bytes(8, [2 2], [1 2 3]),             'nnlab:nn_read_idx:truncated'  % short data
%!     idx_bytes(11, 2, [1 2 3]),                'nnlab:nn_read_idx:truncated'  % half element
%!     idx_bytes(8, [2 2], [1 2 3 4 5]),         'nnlab:nn_read_idx:format'     % trailing byte
%!     idx_bytes(8, 60000, zeros(1, 100)),       'nnlab:nn_read_idx:truncated'
%!   };
%!   for k = 1:size(cases, 1)
%!     write_bytes(f, cases{k, 1});
%!     check_error(@() nn_read_idx(f), cases{k, 2});
%!   end
%!   % a damaged gzip stream
%!   write_bytes(g, [31 139 8 0 1 2 3 4 5 6 7 8 9]);
%!   check_error(@() nn_read_idx(g), 'nnlab:nn_read_idx:format');
%!   % a truncated gzip file
%!   write_bytes(f, idx_bytes(8, 3000, mod(1:3000, 251)));
%!   gzip(f);
%!   fid = fopen([f '.gz']);
%!   b = fread(fid, Inf, 'uint8')';
%!   fclose(fid);
%!   write_bytes(g, b(1:floor(end / 2)));
%!   check_error(@() nn_read_idx(g), 'nnlab:nn_read_idx:truncated');
%!   % a gzipped file whose content is not IDX
%!   write_bytes(f, [1 2 3 4 5]);
%!   gzip(f);
%!   check_error(@() nn_read_idx([f '.gz']), 'nnlab:nn_read_idx:format');
%!   % a gzipped truncated IDX file
%!   write_bytes(f, idx_bytes(8, [10 10], 1:50));
%!   gzip(f);
%!   check_error(@() nn_read_idx([f '.gz']), 'nnlab:nn_read_idx:truncated');
%! unwind_protect_cleanup
%!   l = dir(d);
%!   for k = 1:numel(l)
%!     if ~l(k).isdir
%!       delete(fullfile(d, l(k).name));
%!     end
%!   end
%!   rmdir(d);
%! end_unwind_protect

%!error id=nnlab:nn_read_idx:file nn_read_idx(tempdir())
%!error id=nnlab:nn_read_idx:file nn_read_idx(fullfile(tempdir(), 'nnlab-no-such-file.gz'))
%!error id=nnlab:nn_read_idx:class nn_read_idx({'a'})
%!error id=nnlab:nn_read_idx:class nn_read_idx('')

%% ------------------------------------------------------- nn_fashion_mnist

%!test
%! % the folder argument and FMNIST_DIR, with a tiny set of (plain) files
%! d = tempname();
%! mkdir(d);
%! names = {'train-images-idx3-ubyte', 'train-labels-idx1-ubyte', ...
%!          't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'};
%! img = mod(reshape(0:783, 28, 28).', 256);    % img(r, c), not symmetric
%! rowmajor = reshape(img.', 1, []);
%! write_bytes(fullfile(d, names{1}), idx_bytes(8, [3 28 28], [rowmajor, 255 - rowmajor, zeros(1, 784)]));
%! write_bytes(fullfile(d, names{2}), idx_bytes(8, 3, [9 0 5]));
%! write_bytes(fullfile(d, names{3}), idx_bytes(8, [1 28 28], 255 * ones(1, 784)));
%! write_bytes(fullfile(d, names{4}), idx_bytes(8, 1, 2));
%! gzip(fullfile(d, names{3}));          % one file gzipped: both forms are found
%! delete(fullfile(d, names{3}));
%! old = getenv('FMNIST_DIR');
%! unwind_protect
%!   setenv('FMNIST_DIR', d);
%!   [X, y, Xt, yt, classes] = nn_fashion_mnist();
%!   assert(size(X), [3 784]);
%!   assert(y, [10; 1; 6]);
%!   assert(Xt, ones(1, 784));
%!   assert(yt, 3);
%!   assert(reshape(X(1, :), 28, 28).', img / 255);
%!   assert(X(2, :), 1 - X(1, :), 1e-15);
%!   assert(classes{y(1)}, 'Ankle boot');
%!   assert(classes{yt}, 'Pullover');
%!   % the folder argument has precedence over FMNIST_DIR
%!   setenv('FMNIST_DIR', fullfile(d, 'nowhere'));
%!   [X2, y2] = nn_fashion_mnist(d, 'CLASS', 'single');
%!   assert(class(X2), 'single');
%!   assert(X2, single(X));
%!   assert(class(y2), 'double');
%!   check_error(@() nn_fashion_mnist(), 'nnlab:nn_fashion_mnist:file');
%!   % a missing file is named
%!   delete(fullfile(d, names{4}));
%!   [X3, y3] = nn_fashion_mnist(d);              % the test set is not needed
%!   try
%!     [X3, y3, Xt3] = nn_fashion_mnist(d);
%!     error('no error');
%!   catch err
%!     assert(err.identifier, 'nnlab:nn_fashion_mnist:file');
%!     assert(~isempty(strfind(err.message, names{4})));
%!   end
%!   % labels that do not match the images
%!   write_bytes(fullfile(d, names{2}), idx_bytes(8, 2, [9 0]));
%!   check_error(@() nn_fashion_mnist(d), 'nnlab:nn_fashion_mnist:format');
%!   write_bytes(fullfile(d, names{2}), idx_bytes(8, 3, [9 0 10]));
%!   check_error(@() nn_fashion_mnist(d), 'nnlab:nn_fashion_mnist:format');
%!   % images that are not 28 x 28
%!   write_bytes(fullfile(d, names{1}), idx_bytes(8, [3 4 4], zeros(1, 48)));
%!   check_error(@() nn_fashion_mnist(d), 'nnlab:nn_fashion_mnist:format');
%! unwind_protect_cleanup
%!   setenv('FMNIST_DIR', old);
%!   l = dir(d);
%!   for k = 1:numel(l)
%!     if ~l(k).isdir
%!       delete(fullfile(d, l(k).name));
%!     end
%!   end
%!   rmdir(d);
%! end_unwind_protect

%!testif ; have_fmnist()
%! % the real data set (Debian's dataset-fashion-mnist, or FMNIST_DIR)
%! [X, y, Xt, yt, classes] = nn_fashion_mnist();
%! assert(size(X), [60000 784]);
%! assert(size(y), [60000 1]);
%! assert(size(Xt), [10000 784]);
%! assert(size(yt), [10000 1]);
%! assert(class(X), 'double');
%! assert(class(y), 'double');
%! assert(min(X(:)) >= 0 && max(X(:)) <= 1);
%! assert(max(X(:)), 1);
%! assert(max(max(abs(X * 255 - round(X * 255)))) < 1e-9);
%! assert(histc(y', 1:10), 6000 * ones(1, 10));
%! assert(histc(yt', 1:10), 1000 * ones(1, 10));
%! assert(y(1:5)', [10 1 1 4 1]);
%! assert(yt(1:5)', [10 3 2 2 7]);
%! assert(numel(classes), 10);
%! assert(classes{y(1)}, 'Ankle boot');
%! % upright: the border is background, and the first image (an ankle boot)
%! % has more ink in its lower half than in its upper half
%! I = reshape(X(1, :), 28, 28).';
%! assert(all(I(1, :) == 0));
%! assert(sum(sum(I(15:28, :))) > sum(sum(I(1:14, :))));

%% ---------------------------------------------------- one-hot and decoding

%!test
%! y = [3; 1; 2; 3];
%! Y = nn_onehot(y);
%! assert(Y, [0 0 1; 1 0 0; 0 1 0; 0 0 1]);
%! assert(nn_onehot(y, 5), [Y, zeros(4, 2)]);
%! assert(nn_onehot_decode(Y), y);
%! assert(sum(nn_onehot((1:7)', 7)), ones(1, 7));
%! assert(nn_onehot(2, 2), [0 1]);
%! assert(nn_onehot(true), 1);

%!test
%! P = [0.2 0.5 0.3; 0.9 0.05 0.05; 0.3 0.3 0.4; 0.4 0.4 0.2];
%! [y, s] = nn_onehot_decode(P);
%! assert(y, [2; 1; 3; 1]);
%! assert(s, [0.5; 0.9; 0.4; 0.4]);
%! assert(nn_onehot_decode([NaN 1 0]), 2);
%! assert(nn_onehot_decode([0.5; 0.49]), [2; 1]);
%! assert(nn_onehot_decode([2; -3], 'Threshold', 0), [2; 1]);

%!error id=nnlab:nn_onehot:domain nn_onehot([1 2 NaN])
%!error id=nnlab:nn_onehot:domain nn_onehot([1 2 Inf])
%!error id=nnlab:nn_onehot:size nn_onehot([1 2], -1)
%!error id=nnlab:nn_onehot:class nn_onehot([1 2] + 1i)

%% ---------------------------------------------------------- standardising

%!test
%! X = [1 10 7; 2 20 7; 3 30 7; 6 40 7];
%! [Xs, mu, sigma] = nn_standardize(X);
%! assert(mu, mean(X));
%! assert(sigma, [std(X(:, 1:2), 1), 1], 1e-13);
%! assert(mean(Xs), zeros(1, 3), 1e-15);
%! assert(std(Xs(:, 1:2), 1), [1 1], 1e-14);
%! assert(Xs(:, 3), zeros(4, 1));
%! % applied to test data with the training statistics
%! Z = nn_standardize([4 50 8], mu, sigma);
%! assert(Z, ([4 50 8] - mu) ./ sigma, 1e-14);
%! assert(nn_standardize([4 50 8], mu', sigma'), Z);

%!test
%! % a constant column that is not exactly representable still gives zeros
%! X = [0.1 1; 0.1 2; 0.1 3];
%! [Xs, mu, sigma] = nn_standardize(X);
%! assert(Xs(:, 1), zeros(3, 1));
%! assert(sigma(1), 1);
%! assert(mu(1), 0.1);

%!test
%! % integers and logicals become double; a single row fits (sigma 1)
%! [Xs, mu, sigma] = nn_standardize(int8([1 2; 3 4]));
%! assert(class(Xs), 'double');
%! assert(Xs, [-1 -1; 1 1]);
%! [Xs, mu, sigma] = nn_standardize([5 6]);
%! assert(Xs, [0 0]);
%! assert(sigma, [1 1]);

%!error id=nnlab:nn_standardize:nargin nn_standardize()
%!error id=nnlab:nn_standardize:size nn_standardize(ones(2, 2, 2))
%!error id=nnlab:nn_standardize:domain nn_standardize([1 Inf; 2 3])
%!error id=nnlab:nn_standardize:domain nn_standardize([1 2], [0 0], [1 NaN])
%!error id=nnlab:nn_standardize:class nn_standardize([1 2], {0 0}, [1 1])
%!error id=nnlab:nn_standardize:class nn_standardize([1 2], int8([0 0]), [1 1])

%% -------------------------------------------------------------- splitting

%!test
%! % sizes follow the rounded cumulative fractions
%! [a, b, c] = nn_split(10, [0.7 0.15 0.15], 'Seed', 1);
%! assert([numel(a), numel(b), numel(c)], [7 2 1]);
%! [a, b, c] = nn_split(101, [0.6 0.2], 'Seed', 1);
%! assert([numel(a), numel(b), numel(c)], [61 20 20]);
%! assert(sort([a; b; c]), (1:101)');
%! a = nn_split(10, 0.3, 'Seed', 1);
%! assert(numel(a), 3);

%!test
%! % deterministic for a seed, different for another seed, global state kept
%! s = rand('state');
%! z = randn('state');
%! [a1, b1] = nn_split(50, 0.5, 'Seed', 11);
%! [a2, b2] = nn_split(50, 0.5, 'Seed', 11);
%! [a3, b3] = nn_split(50, 0.5, 'Seed', 12);
%! assert(a1, a2);
%! assert(b1, b2);
%! assert(~isequal(a1, a3));
%! assert(rand('state'), s);
%! assert(randn('state'), z);

%!test
%! % without a seed the global generator is used, and advanced
%! s = rand('state');
%! unwind_protect
%!   rand('state', 42);
%!   a1 = nn_split(30, 0.5);
%!   rand('state', 42);
%!   a2 = nn_split(30, 0.5);
%!   a3 = nn_split(30, 0.5);
%!   assert(a1, a2);
%!   assert(~isequal(a1, a3));
%! unwind_protect_cleanup
%!   rand('state', s);
%! end_unwind_protect

%!test
%! % stratified: each part keeps the class proportions
%! y = [ones(50, 1); 2 * ones(30, 1); 3 * ones(20, 1)];
%! [a, b, c] = nn_split(100, [0.6 0.2 0.2], 'Stratify', y, 'Seed', 5);
%! assert(histc(y(a)', 1:3), [30 18 12]);
%! assert(histc(y(b)', 1:3), [10 6 4]);
%! assert(histc(y(c)', 1:3), [10 6 4]);
%! assert(sort([a; b; c]), (1:100)');
%! % in order, without shuffling
%! [a, b] = nn_split(6, 0.5, 'Stratify', [1 2 1 2 1 2], 'Shuffle', false);
%! assert(a, [1; 2; 3; 4]);
%! assert(b, [5; 6]);

%!error id=nnlab:nn_split:size nn_split([10 20], 0.5)
%!error id=nnlab:nn_split:fractions nn_split(10, [])
%!error id=nnlab:nn_split:fractions nn_split(10, [0.5 NaN])
%!error id=nnlab:nn_split:fractions nn_split(10, 'half')
%!error id=nnlab:nn_split:optionValue nn_split(10, 0.5, 'Seed', 2^32)
%!error id=nnlab:nn_split:optionValue nn_split(10, 0.5, 'Stratify', [1 2 NaN 1 1 1 1 1 1 1])

%% ---------------------------------------------------------------- toy sets

%!test
%! % logic gates: the truth table of nn_logic_data, labels 1..2
%! for g = {'and', 'or', 'nand', 'nor', 'xor', 'not'}
%!   [X, T, info] = nn_toy(g{1});
%!   [X0, T0] = nn_logic_data(g{1});
%!   assert(X, double(X0));
%!   assert(T, double(T0(:)) + 1);
%!   assert(info.K, 2);
%!   [~, Tb] = nn_toy(g{1}, 'Targets', 'binary');
%!   assert(Tb, double(T0(:)));
%! end
%! [X, T] = nn_toy('xor');
%! assert(X, [0 0; 0 1; 1 0; 1 1]);
%! assert(T, [1; 2; 2; 1]);
%! assert(size(nn_toy('not')), [2 1]);

%!test
%! % noisy XOR: the table repeated, with noise around each corner
%! [X, T] = nn_toy('xor', 'N', 400, 'Noise', 0.1, 'Seed', 3);
%! assert(size(X), [400 2]);
%! assert(histc(T', 1:2), [200 200]);
%! corner = round(X);
%! assert(mean(T == 1 + xor(corner(:, 1), corner(:, 2))) > 0.99);
%! [X, T] = nn_toy('and', 'N', 6);
%! assert(X, [0 0; 0 1; 1 0; 1 1; 0 0; 0 1]);
%! assert(T, [1; 1; 1; 2; 1; 1]);

%!test
%! % sizes, label ranges and default sizes of the classification sets
%! cases = {'moons', {}, 200, 2, 2
%!          'circles', {}, 200, 2, 2
%!          'spirals', {}, 200, 2, 2
%!          'spirals', {'K', 5}, 500, 2, 5
%!          'blobs', {}, 300, 2, 3
%!          'blobs', {'K', 4, 'N', 10}, 10, 2, 4
%!          'blobs', {'Centers', [0 0 0; 5 5 5]}, 200, 3, 2
%!          'moons', {'N', 7}, 7, 2, 2};
%! for k = 1:size(cases, 1)
%!   [X, T, info] = nn_toy(cases{k, 1}, cases{k, 2}{:}, 'Seed', k);
%!   assert(size(X), [cases{k, 3}, cases{k, 4}]);
%!   assert(size(T), [cases{k, 3}, 1]);
%!   assert(info.K, cases{k, 5});
%!   assert(unique(T)', 1:cases{k, 5});
%!   assert(issorted(T));
%!   assert(info.N, cases{k, 3});
%!   assert(all(isfinite(X(:))));
%! end

%!test
%! % the shapes without noise
%! [X, T] = nn_toy('circles', 'N', 40, 'Noise', 0, 'Factor', 0.3);
%! r = sqrt(sum(X .^ 2, 2));
%! assert(r(T == 1), ones(20, 1), 1e-12);
%! assert(r(T == 2), 0.3 * ones(20, 1), 1e-12);
%! [X, T] = nn_toy('moons', 'N', 20, 'Noise', 0);
%! assert(sum(X(T == 1, :) .^ 2, 2), ones(10, 1), 1e-12);
%! assert(sum((X(T == 2, :) - [1 0.5]) .^ 2, 2), ones(10, 1), 1e-12);
%! [X, T] = nn_toy('spirals', 'N', 30, 'K', 3, 'Noise', 0);
%! assert(max(sqrt(sum(X .^ 2, 2))), 1, 1e-12);
%! [X, T, info] = nn_toy('blobs', 'K', 4, 'Noise', 0);
%! assert(X, info.centers(T, :));
%! assert(info.centers(1, :), [4 0]);

%!test
%! % determinism for a seed, a different seed differs, the user's stream kept
%! s = rand('state');
%! z = randn('state');
%! for g = {'moons', 'circles', 'spirals', 'blobs', 'line', 'ranking', 'xor'}
%!   [X1, T1] = nn_toy(g{1}, 'Seed', 7, 'Noise', 0.2, 'N', 40);
%!   [X2, T2] = nn_toy(g{1}, 'Seed', 7, 'Noise', 0.2, 'N', 40);
%!   [X3, T3] = nn_toy(g{1}, 'Seed', 8, 'Noise', 0.2, 'N', 40);
%!   assert(X1, X2);
%!   assert(T1, T2);
%!   assert(~isequal(X1, X3));
%! end
%! assert(rand('state'), s);
%! assert(randn('state'), z);

%!test
%! % the global state is restored after an error too
%! s = rand('state');
%! try
%!   nn_toy('blobs', 'Seed', 1, 'K', 3, 'Centers', zeros(2, 2));
%! catch
%! end
%! assert(rand('state'), s);

%!test
%! % target forms
%! [X, T, info] = nn_toy('blobs', 'K', 3, 'N', 9, 'Targets', 'onehot', 'Seed', 1);
%! assert(T, nn_onehot(info.labels, 3));
%! [X, T, info] = nn_toy('moons', 'N', 8, 'Targets', 'Binary', 'Seed', 1);
%! assert(T, [0; 0; 0; 0; 1; 1; 1; 1]);
%! assert(info.labels, T + 1);

%!test
%! % the regression line: outliers are above the line, the rest near it
%! [x, t, info] = nn_toy('line', 'N', 100, 'Seed', 2);
%! assert(size(x), [100 1]);
%! assert(size(t), [100 1]);
%! assert(issorted(x));
%! assert(all(abs(x) <= 1));
%! assert(sum(info.outliers), 10);
%! resid = t - (info.slope * x + info.intercept);
%! assert(all(resid(info.outliers) >= 2 - 0.5));
%! assert(max(abs(resid(~info.outliers))) < 0.5);
%! [x, t, info] = nn_toy('line', 'N', 10, 'Outliers', 0, 'Slope', -1, 'Intercept', 0, 'Noise', 0, 'Seed', 1);
%! assert(t, -x);
%! assert(~any(info.outliers));

%!test
%! % the ranking set: queries, grades, pairs
%! [X, rel, info] = nn_toy('ranking', 'Seed', 1);
%! assert(size(X), [200 5]);
%! assert(size(rel), [200 1]);
%! assert(info.qid, kron((1:20)', ones(10, 1)));
%! assert(all(ismember(rel, 0:2)));
%! counts = histc(rel', 0:2);
%! assert(counts(1) > counts(2) && counts(1) > counts(3));
%! % the features predict the grade
%! c = corr(X * info.w, rel);
%! assert(c > 0.5);
%! P = info.pairs;
%! assert(size(P, 2), 3);
%! assert(all(P(:, 1) < P(:, 2)));
%! assert(all(info.qid(P(:, 1)) == info.qid(P(:, 2))));
%! assert(all(rel(P(:, 1)) ~= rel(P(:, 2))));
%! assert(P(:, 3), double(rel(P(:, 1)) > rel(P(:, 2))));
%! % every pair of different grades within a query is there
%! n = 0;
%! for q = 1:20
%!   r = rel(info.qid == q);
%!   n = n + sum(sum(r < r')) ;
%! end
%! assert(size(P, 1), n);

%!test
%! % uneven queries, 5 levels, ties, and make_pairs on a subset
%! [X, rel, info] = nn_toy('ranking', 'Queries', 3, 'N', 8, 'D', 2, 'Levels', 5, 'Ties', true, 'Seed', 2);
%! assert(info.qid, [1; 1; 1; 2; 2; 2; 3; 3]);
%! assert(size(X), [8 2]);
%! assert(all(ismember(rel, 0:4)));
%! assert(size(info.pairs, 1), 3 + 3 + 1);
%! P = info.make_pairs([2; 0; 1; 1], [7; 7; 9; 9]);
%! assert(P, [1 2 1]);
%! P = info.make_pairs([2; 0; 1; 1], [7; 7; 9; 9], true);
%! assert(P, [1 2 1; 3 4 0.5]);
%! assert(size(info.make_pairs(zeros(0, 1), zeros(0, 1))), [0 3]);

%!error id=nnlab:nn_toy:name nn_toy(3)
%!error id=nnlab:nn_toy:name nn_toy('spiral')
%!error id=nnlab:nn_toy:option nn_toy('xor', 'Factor', 0.5)
%!error id=nnlab:nn_toy:option nn_toy('line', 'Targets', 'onehot')
%!error id=nnlab:nn_toy:option nn_toy('ranking', 'K', 2)
%!error id=nnlab:nn_toy:option nn_toy('moons', 3, 4)
%!error id=nnlab:nn_toy:optionValue nn_toy('spirals', 'K', 1)
%!error id=nnlab:nn_toy:optionValue nn_toy('spirals', 'Turns', -1)
%!error id=nnlab:nn_toy:optionValue nn_toy('blobs', 'K', 5, 'N', 4)
%!error id=nnlab:nn_toy:optionValue nn_toy('blobs', 'Centers', [1 NaN])
%!error id=nnlab:nn_toy:optionValue nn_toy('blobs', 'Centers', zeros(2, 2), 'K', 3)
%!error id=nnlab:nn_toy:optionValue nn_toy('line', 'Outliers', 1.5)
%!error id=nnlab:nn_toy:optionValue nn_toy('line', 'Slope', Inf)
%!error id=nnlab:nn_toy:optionValue nn_toy('ranking', 'Queries', 10, 'N', 5)
%!error id=nnlab:nn_toy:optionValue nn_toy('ranking', 'Levels', 1)
%!error id=nnlab:nn_toy:optionValue nn_toy('ranking', 'Ties', 'yes')
%!error id=nnlab:nn_toy:optionValue nn_toy('moons', 'Targets', 'probabilities')
%!error id=nnlab:nn_toy:optionValue nn_toy('xor', 'N', 2.5)
