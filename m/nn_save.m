% -*- texinfo -*-
% @deftypefn  {} {} nn_save (@var{file}, @var{net})
% @deftypefnx {} {} nn_save (@var{file}, @var{net}, @var{format})
% Save a network to @var{file} so that @code{nn_load} gives it back exactly.
%
% The file is an ordinary Octave data file, readable with plain
% @code{load}: it holds the variables @code{net}, @code{nnlab_format}
% (@code{'nnlab.net'}), @code{nnlab_version} (1) and @code{nnlab_md5}, a
% digest of every weight with which @code{nn_load} notices a file changed
% or damaged since.  @var{format} is @code{'-binary'} (Octave's own binary
% format, the default), @code{'-text'} or @code{'-v7'} (a MAT file that
% MATLAB reads too).
%
% The file is written whole or not at all: the data go to a temporary file
% beside it, renamed to @var{file} at the end, so a crash while saving
% leaves an earlier file intact.
%
% @example
% nn_save ('xor.net', net);
% net2 = nn_load ('xor.net');
% @end example
% @seealso{nn_load, save, load}
% @end deftypefn
function nn_save(file, net, format)
  if nargin < 2 || nargin > 3
    error('nnlab:nn_save:nargin', 'nn_save: usage nn_save(file, net) or nn_save(file, net, format)');
  end
  if ~ischar(file) || isempty(file) || size(file, 1) ~= 1
    error('nnlab:nn_save:file', 'nn_save: FILE must be a file name');
  end
  check_net('nn_save', net);
  if nargin < 3
    format = '-binary';
  end
  formats = {'-binary', '-text', '-v7'};
  if ~ischar(format) || ~any(strcmp(format, formats))
    error('nnlab:nn_save:optionValue', 'nn_save: FORMAT must be one of %s', strjoin(formats, ', '));
  end
  atomic_save(file, format, struct('net', net, 'nnlab_format', 'nnlab.net', ...
              'nnlab_version', 1, 'nnlab_md5', net_digest(net)), 'nn_save');
end

%!test
%! net = nn_mlp([3 4 2], 'Seed', 1);
%! f = [tempname() '.net'];
%! for fmt = {'-binary', '-text', '-v7'}
%!   nn_save(f, net, fmt{1});
%!   s = load(f);
%!   assert(s.nnlab_format, 'nnlab.net'); assert(isequal(s.net, net));
%!   delete(f);
%! end
%!error id=nnlab:nn_save:nargin nn_save('x')
%!error id=nnlab:nn_save:file nn_save(3, nn_mlp([2 1]))
%!error id=nnlab:nn_save:net nn_save('x', 3)
%!error id=nnlab:nn_save:optionValue nn_save('x', nn_mlp([2 1]), '-ascii')
