% -*- texinfo -*-
% @deftypefn  {} {[@var{Xtrain}, @var{ytrain}, @var{Xtest}, @var{ytest}, @var{classes}] =} nn_fashion_mnist ()
% @deftypefnx {} {[@dots{}] =} nn_fashion_mnist (@var{folder})
% @deftypefnx {} {[@dots{}] =} nn_fashion_mnist (@dots{}, 'Class', @var{cls})
% Load the Fashion-MNIST data set (60000 training and 10000 test images of
% clothes, 28 x 28 grey pixels, 10 classes).
%
% The four files @file{train-images-idx3-ubyte}, @file{train-labels-idx1-ubyte},
% @file{t10k-images-idx3-ubyte} and @file{t10k-labels-idx1-ubyte} (each
% gzipped with the extension @file{.gz}, or not) are looked for in
% @var{folder} if it is given, else in the folder named by the environment
% variable @env{FMNIST_DIR} if it is set, else in
% @file{/usr/share/datasets/fashion-mnist}, where Debian's package
% @code{dataset-fashion-mnist} installs them
% (@code{sudo apt-get install dataset-fashion-mnist}).
%
% Outputs:
% @table @var
% @item Xtrain
% 60000 x 784 matrix of pixel intensities in [0, 1] (the stored bytes divided
% by 255; 0 is the background).  Row @var{i} is image @var{i}, its 784 pixels
% in the row-major order of the file (the 28 pixels of the top row first), so
% that @code{reshape (Xtrain(i,:), 28, 28).'} is the image upright, e.g.
% @code{imagesc (reshape (Xtrain(i,:), 28, 28).'); colormap (gray)}.
% @item ytrain
% 60000 x 1 double labels 1..10 (the stored label 0..9 plus one).
% @item Xtest
% @itemx ytest
% the 10000 test images and labels, in the same form.
% @item classes
% 1 x 10 cell array of the class names, so that @code{classes@{ytrain(i)@}}
% names image @var{i}: T-shirt/top, Trouser, Pullover, Dress, Coat, Sandal,
% Shirt, Sneaker, Bag, Ankle boot.
% @end table
%
% Option (Name/Value, case-insensitive):
% @table @asis
% @item 'Class'
% @qcode{'double'} (default) or @qcode{'single'}: the class of @var{Xtrain} and
% @var{Xtest} (single halves the memory: 188 MB instead of 376 MB for
% @var{Xtrain}).  The labels are always double.
% @end table
%
% Only the files of the outputs asked for are read: with two outputs the
% test set is not loaded.  For one-hot targets use @code{nn_onehot (ytrain, 10)};
% for 0-based labels, @code{ytrain - 1}.
%
% Errors: @code{nnlab:nn_fashion_mnist:file} when a file is missing (the
% message says where it looked and how to install the data),
% @code{nnlab:nn_fashion_mnist:format} when the files do not hold 28 x 28
% images and matching labels 0..9, plus those of @code{nn_read_idx}.
%
% Example:
% @example
% @group
% [Xtr, ytr, Xte, yte, classes] = nn_fashion_mnist ();
% imagesc (reshape (Xtr(1,:), 28, 28).'); colormap (gray);
% title (classes@{ytr(1)@})               % Ankle boot
% @end group
% @end example
% @seealso{nn_read_idx, nn_onehot, nn_split, nn_standardize}
% @end deftypefn

function [Xtrain, ytrain, Xtest, ytest, classes] = nn_fashion_mnist(varargin)
  folder = '';
  args = varargin;
  if mod(numel(args), 2) == 1
    folder = args{1};
    args(1) = [];
    if ~ischar(folder) || isempty(folder) || size(folder, 1) ~= 1
      error('nnlab:nn_fashion_mnist:class', ...
            'nn_fashion_mnist: FOLDER must be the name of a folder (a character string).');
    end
  end
  o = parse_options('nn_fashion_mnist', struct('Class', 'double'), args);
  cls = class_option('nn_fashion_mnist', o.Class);

  if isempty(folder)
    folder = getenv('FMNIST_DIR');
    from = 'the environment variable FMNIST_DIR';
    if isempty(folder)
      folder = '/usr/share/datasets/fashion-mnist';
      from = 'the default folder';
    end
  else
    from = 'the folder argument';
  end
  if exist(folder, 'dir') ~= 7
    error('nnlab:nn_fashion_mnist:file', ...
          ['nn_fashion_mnist: the folder "%s" (from %s) does not exist. ', ...
           'Install the data with "apt-get install dataset-fashion-mnist", ', ...
           'or give the folder holding the four Fashion-MNIST files, as an ', ...
           'argument or in the environment variable FMNIST_DIR.'], folder, from);
  end

  classes = {'T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', ...
             'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'};
  % find every file first, so that a missing test file is reported before
  % the long read of the training set
  names = {'train-images-idx3-ubyte', 'train-labels-idx1-ubyte', ...
           't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'};
  need = 2;
  if nargout > 2
    need = 4;
  end
  files = cell(1, need);
  for k = 1:need
    files{k} = find_file(folder, names{k}, from);
  end
  [Xtrain, ytrain] = load_pair(files{1}, files{2}, cls);
  if need == 4
    [Xtest, ytest] = load_pair(files{3}, files{4}, cls);
  end
end

function file = find_file(folder, name, from)
  file = fullfile(folder, [name '.gz']);
  if exist(file, 'file') == 2
    return
  end
  file = fullfile(folder, name);
  if exist(file, 'file') == 2
    return
  end
  error('nnlab:nn_fashion_mnist:file', ...
        ['nn_fashion_mnist: the file "%s" (or "%s.gz") is missing in the ', ...
         'folder "%s" (from %s). Install the data with "apt-get install ', ...
         'dataset-fashion-mnist", or give the folder holding the four ', ...
         'Fashion-MNIST files, as an argument or in the environment variable ', ...
         'FMNIST_DIR.'], name, name, folder, from);
end

function [X, y] = load_pair(imagefile, labelfile, cls)
  [A, dims] = nn_read_idx(imagefile);
  if numel(dims) ~= 3 || dims(2) ~= 28 || dims(3) ~= 28 || ~isa(A, 'uint8')
    error('nnlab:nn_fashion_mnist:format', ...
          'nn_fashion_mnist: "%s" does not hold 28 x 28 images of unsigned bytes.', ...
          imagefile);
  end
  [y, ldims] = nn_read_idx(labelfile);
  if numel(ldims) ~= 1 || ldims(1) ~= dims(1)
    error('nnlab:nn_fashion_mnist:format', ...
          'nn_fashion_mnist: "%s" does not hold one label for each of the %d images of "%s".', ...
          labelfile, dims(1), imagefile);
  end
  y = double(y);
  if any(y > 9) || any(y < 0)
    error('nnlab:nn_fashion_mnist:format', ...
          'nn_fashion_mnist: "%s" holds labels outside 0..9.', labelfile);
  end
  y = y + 1;
  n = dims(1);
  % A(i, r, c) is pixel (r, c) of image i; swapping r and c makes the column
  % index of the N x 784 reshape c + 28 (r - 1), the row-major order
  A = reshape(permute(A, [1 3 2]), n, 784);
  if strcmp(cls, 'single')
    X = single(A);
    clear A
    X = X / single(255);
  else
    X = double(A);
    clear A
    X = X / 255;
  end
end

%!error id=nnlab:nn_fashion_mnist:file nn_fashion_mnist('/nonexistent/nnlab-fmnist')
%!error id=nnlab:nn_fashion_mnist:file nn_fashion_mnist(tempdir())
%!error id=nnlab:nn_fashion_mnist:optionValue nn_fashion_mnist('Class', 'int8')
%!error id=nnlab:nn_fashion_mnist:option nn_fashion_mnist('Colour', 'single')
%!error id=nnlab:nn_fashion_mnist:class nn_fashion_mnist(3)

%!test
%! % a tiny data set of 2 training and 1 test images written on the fly
%! d = tempname();
%! mkdir(d);
%! img = uint8(mod(reshape(0:783, 28, 28).', 256));   % img(r, c) = 28 (r - 1) + c - 1 (mod 256)
%! names = {'train-images-idx3-ubyte', 'train-labels-idx1-ubyte', ...
%!          't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'};
%! content = {[0 0 8 3 0 0 0 2 0 0 0 28 0 0 0 28 double(reshape(img.', 1, [])) double(reshape(255 - img.', 1, []))], ...
%!            [0 0 8 1 0 0 0 2 9 0], ...
%!            [0 0 8 3 0 0 0 1 0 0 0 28 0 0 0 28 double(reshape(img.', 1, []))], ...
%!            [0 0 8 1 0 0 0 1 3]};
%! for k = 1:4
%!   fid = fopen(fullfile(d, names{k}), 'w');
%!   fwrite(fid, content{k}, 'uint8');
%!   fclose(fid);
%! end
%! unwind_protect
%!   [X, y, Xt, yt, classes] = nn_fashion_mnist(d);
%!   assert(size(X), [2 784]);
%!   assert(class(X), 'double');
%!   assert(y, [10; 1]);
%!   assert(yt, 4);
%!   assert(classes{y(1)}, 'Ankle boot');
%!   assert(reshape(X(1,:), 28, 28).', double(img) / 255, eps);
%!   assert(reshape(X(2,:), 28, 28).', double(255 - img) / 255, eps);
%!   [Xs, ys] = nn_fashion_mnist(d, 'class', 'Single');
%!   assert(class(Xs), 'single');
%!   assert(Xs, single(X), eps('single'));
%! unwind_protect_cleanup
%!   for k = 1:4
%!     delete(fullfile(d, names{k}));
%!   end
%!   rmdir(d);
%! end_unwind_protect
