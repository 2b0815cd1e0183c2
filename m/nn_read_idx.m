% -*- texinfo -*-
% @deftypefn  {} {@var{A} =} nn_read_idx (@var{file})
% @deftypefnx {} {[@var{A}, @var{dims}] =} nn_read_idx (@var{file})
% Read an array stored in the IDX format of MNIST and Fashion-MNIST.
%
% @var{file} is the name of an IDX file, plain or compressed with gzip (a
% gzipped file is recognised by its first two bytes, not by its name, and is
% decompressed into a temporary folder that is removed afterwards).
%
% An IDX file is a 4-byte magic number (two zero bytes, a data type code and
% the number of dimensions @var{d}), then @var{d} big-endian 32-bit sizes,
% then the elements in row-major order (the last index varies fastest).
% The data type codes are:
%
% @multitable @columnfractions 0.15 0.3 0.3
% @headitem code @tab type in the file @tab class of @var{A}
% @item 0x08 @tab unsigned byte @tab uint8
% @item 0x09 @tab signed byte @tab int8
% @item 0x0B @tab 16-bit integer @tab int16
% @item 0x0C @tab 32-bit integer @tab int32
% @item 0x0D @tab 32-bit float @tab single
% @item 0x0E @tab 64-bit float @tab double
% @end multitable
%
% @var{A} keeps the class of the file (convert it yourself, e.g.
% @code{double (A) / 255} for images) and has the dimensions of the file in
% their order: @code{A(i,j,k)} is the element that the file indexes as
% [i-1][j-1][k-1].  A 1-D file (labels) gives an N x 1 column; the image file
% of MNIST gives an N x 28 x 28 array, @code{squeeze (A(i,:,:))} being image
% @var{i} upright (first index the pixel row, second the pixel column).
% @var{dims} is the row vector of the sizes stored in the header (it keeps
% trailing sizes of 1 that @code{size (A)} drops).
%
% The whole file is read with one @code{fread}: 60000 images take about a
% second.
%
% Errors (identifier @code{nnlab:nn_read_idx:@var{what}}):
% @table @code
% @item file
% the file does not exist or cannot be opened;
% @item format
% the file is not an IDX file: wrong magic number, unknown data type code,
% zero dimensions, bytes left after the data, or a gzip stream that cannot be
% decompressed;
% @item truncated
% the file ends before the header or the data that the header announces;
% @item gzip
% the file is gzipped but the program gzip, which @code{gunzip} runs, is
% missing.
% @end table
%
% Example:
% @example
% @group
% A = nn_read_idx ('/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz');
% size (A)                                % 10000 28 28
% imagesc (squeeze (A(1,:,:))); colormap (gray)
% @end group
% @end example
% @seealso{nn_fashion_mnist}
% @end deftypefn

function [A, dims] = nn_read_idx(file)
  if nargin < 1
    error('nnlab:nn_read_idx:nargin', ...
          'nn_read_idx: expected one argument, the name of an IDX file.');
  end
  if ~ischar(file) || isempty(file) || size(file, 1) ~= 1
    error('nnlab:nn_read_idx:class', ...
          'nn_read_idx: FILE must be a file name (a character string).');
  end
  if exist(file, 'file') ~= 2
    error('nnlab:nn_read_idx:file', ...
          'nn_read_idx: the file "%s" does not exist (or is a folder).', file);
  end
  fid = fopen(file, 'r', 'ieee-be');
  if fid < 0
    error('nnlab:nn_read_idx:file', ...
          'nn_read_idx: cannot open the file "%s" for reading.', file);
  end
  magic = fread(fid, 2, 'uint8=>double');
  fclose(fid);
  if numel(magic) == 2 && magic(1) == 31 && magic(2) == 139
    % gzip stream: decompress a copy in a private temporary folder (gunzip
    % writes next to its input, which may be a read-only system folder)
    tmp = tempname();
    if ~mkdir(tmp)
      error('nnlab:nn_read_idx:file', ...
            'nn_read_idx: cannot create a temporary folder to decompress "%s".', file);
    end
    cleaner = onCleanup(@() remove_folder(tmp));
    gz = fullfile(tmp, 'idx.gz');
    if ~copyfile(file, gz)
      error('nnlab:nn_read_idx:file', ...
            'nn_read_idx: cannot copy "%s" to a temporary folder.', file);
    end
    try
      gunzip(gz, tmp);
    catch err
      if ~isempty(strfind(err.message, 'status: 127'))
        error('nnlab:nn_read_idx:gzip', ...
              ['nn_read_idx: cannot decompress "%s": the gzip program is ', ...
               'missing (install gzip, or decompress the file yourself).'], file);
      end
      if ~isempty(strfind(err.message, 'unexpected end of file'))
        error('nnlab:nn_read_idx:truncated', ...
              'nn_read_idx: the gzip file "%s" is truncated (it ends too early).', file);
      end
      error('nnlab:nn_read_idx:format', ...
            'nn_read_idx: the gzip file "%s" cannot be decompressed: it is damaged.', file);
    end
    plain = fullfile(tmp, 'idx');
    if exist(plain, 'file') ~= 2
      error('nnlab:nn_read_idx:format', ...
            'nn_read_idx: the gzip file "%s" cannot be decompressed: it is damaged.', file);
    end
    [A, dims] = read_plain(plain, file);
  else
    [A, dims] = read_plain(file, file);
  end
end

function [A, dims] = read_plain(path, name)
  fid = fopen(path, 'r', 'ieee-be');
  if fid < 0
    error('nnlab:nn_read_idx:file', ...
          'nn_read_idx: cannot open the file "%s" for reading.', name);
  end
  closer = onCleanup(@() fclose(fid));
  fseek(fid, 0, 'eof');
  nbytes = ftell(fid);
  fseek(fid, 0, 'bof');
  head = fread(fid, 4, 'uint8=>double');
  if (numel(head) >= 1 && head(1) ~= 0) || (numel(head) >= 2 && head(2) ~= 0)
    error('nnlab:nn_read_idx:format', ...
          ['nn_read_idx: "%s" is not an IDX file: it must start with two ', ...
           'zero bytes (the IDX magic number).'], name);
  end
  if numel(head) < 4
    error('nnlab:nn_read_idx:truncated', ...
          ['nn_read_idx: "%s" is truncated: it has %d bytes, fewer than the ', ...
           '4 bytes of the IDX magic number.'], name, nbytes);
  end
  codes = [8, 9, 11, 12, 13, 14];
  precisions = {'uint8=>uint8', 'int8=>int8', 'int16=>int16', ...
                'int32=>int32', 'float32=>single', 'float64=>double'};
  sizes = [1, 1, 2, 4, 4, 8];
  k = find(codes == head(3));
  if isempty(k)
    error('nnlab:nn_read_idx:format', ...
          ['nn_read_idx: "%s" is not an IDX file: its data type code 0x%02X ', ...
           'is none of 0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E.'], name, head(3));
  end
  nd = head(4);
  if nd == 0
    error('nnlab:nn_read_idx:format', ...
          'nn_read_idx: "%s" is not an IDX file: its header gives 0 dimensions.', name);
  end
  if nbytes < 4 + 4 * nd
    error('nnlab:nn_read_idx:truncated', ...
          ['nn_read_idx: "%s" is truncated: its header announces %d ', ...
           'dimensions but the file ends before their %d sizes.'], name, nd, nd);
  end
  dims = fread(fid, nd, 'uint32=>double').';
  ndata = prod(dims);
  expected = ndata * sizes(k);
  have = nbytes - 4 - 4 * nd;
  if have < expected
    error('nnlab:nn_read_idx:truncated', ...
          ['nn_read_idx: "%s" is truncated: its header announces %s elements ', ...
           '(%.0f bytes of data) but the file has only %.0f bytes of data.'], ...
          name, strjoin(arrayfun(@(d) sprintf('%.0f', d), dims, ...
                                 'UniformOutput', false), ' x '), expected, have);
  end
  if have > expected
    error('nnlab:nn_read_idx:format', ...
          ['nn_read_idx: "%s" is not a valid IDX file: it has %.0f bytes ', ...
           'after the %.0f bytes of data that its header announces.'], ...
          name, have - expected, expected);
  end
  v = fread(fid, ndata, precisions{k});
  if numel(v) ~= ndata
    error('nnlab:nn_read_idx:truncated', ...
          'nn_read_idx: "%s" is truncated: reading its data ended early.', name);
  end
  if nd == 1
    A = v;
  else
    % the file is row-major: reshape with the sizes reversed, then reverse
    % the order of the dimensions
    A = permute(reshape(v, fliplr(dims)), nd:-1:1);
  end
end

function remove_folder(folder)
  files = dir(folder);
  for i = 1:numel(files)
    if ~files(i).isdir
      delete(fullfile(folder, files(i).name));
    end
  end
  rmdir(folder);
end

%!function write_bytes(name, b)
%!  fid = fopen(name, 'w');
%!  fwrite(fid, b, 'uint8');
%!  fclose(fid);
%!endfunction

%!test
%! f = [tempname() '.idx'];
%! c = onCleanup(@() delete(f));
%! % 2 x 3 unsigned bytes, row-major
%! write_bytes(f, [0 0 8 2, 0 0 0 2, 0 0 0 3, 1 2 3 4 5 6]);
%! [A, dims] = nn_read_idx(f);
%! assert(A, uint8([1 2 3; 4 5 6]));
%! assert(dims, [2 3]);

%!test
%! f = [tempname() '.idx'];
%! c = onCleanup(@() delete(f));
%! write_bytes(f, [0 0 8 1, 0 0 0 3, 7 8 9]);
%! assert(nn_read_idx(f), uint8([7; 8; 9]));

%!test
%! f = [tempname() '.idx'];
%! c = onCleanup(@() delete(f));
%! % big-endian int16: 258 and -2
%! write_bytes(f, [0 0 11 1, 0 0 0 2, 1 2 255 254]);
%! assert(nn_read_idx(f), int16([258; -2]));

%!error id=nnlab:nn_read_idx:nargin nn_read_idx()
%!error id=nnlab:nn_read_idx:class nn_read_idx(3)
%!error id=nnlab:nn_read_idx:file nn_read_idx('/nonexistent/nnlab/file-idx1-ubyte')
%!error id=nnlab:nn_read_idx:format
%! f = [tempname() '.idx'];
%! c = onCleanup(@() delete(f));
%! write_bytes(f, [1 2 8 1, 0 0 0 1, 5]);
%! nn_read_idx(f);
%!error id=nnlab:nn_read_idx:truncated
%! f = [tempname() '.idx'];
%! c = onCleanup(@() delete(f));
%! write_bytes(f, [0 0 8 1, 0 0 0 4, 5 6]);
%! nn_read_idx(f);
