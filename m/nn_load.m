% -*- texinfo -*-
% @deftypefn {} {@var{net} =} nn_load (@var{file})
% Load a network saved by @code{nn_save}, checking it.
%
% The file must hold the variables that @code{nn_save} writes; the network's
% structure, the sizes and classes of its weights, and the digest of its
% numbers are checked, so that a file that was truncated, damaged or edited
% since it was saved is rejected with a clear error instead of giving wrong
% predictions.  Predictions of the loaded network equal those of the saved
% one bit for bit.
%
% Errors: @code{nnlab:nn_load:file} (no such file, or not readable),
% @code{nnlab:nn_load:format} (not a network saved by @code{nn_save}, or a
% damaged file), @code{nnlab:nn_load:version} (saved by a newer nnlab),
% @code{nnlab:nn_load:checksum} (the numbers were changed).
% @seealso{nn_save}
% @end deftypefn
function net = nn_load(file)
  if nargin ~= 1
    error('nnlab:nn_load:nargin', 'nn_load: usage net = nn_load(file)');
  end
  if ~ischar(file) || isempty(file) || size(file, 1) ~= 1
    error('nnlab:nn_load:file', 'nn_load: FILE must be a file name');
  end
  if ~exist(file, 'file')
    error('nnlab:nn_load:file', 'nn_load: there is no file %s', file);
  end
  try
    s = load(file);
  catch err
    error('nnlab:nn_load:format', 'nn_load: %s cannot be read (is it damaged or truncated?): %s', ...
          file, err.message);
  end
  if ~isstruct(s) || ~all(isfield(s, {'net', 'nnlab_format', 'nnlab_version', 'nnlab_md5'})) || ...
     ~ischar(s.nnlab_format) || ~strcmp(s.nnlab_format, 'nnlab.net')
    error('nnlab:nn_load:format', 'nn_load: %s is not a network saved by nn_save', file);
  end
  if ~isnumeric(s.nnlab_version) || ~isscalar(s.nnlab_version) || s.nnlab_version > 1
    error('nnlab:nn_load:version', 'nn_load: %s was saved by a newer version of nnlab; update nnlab', file);
  end
  net = s.net;
  try
    check_net('nn_load', net);
    ok = ischar(s.nnlab_md5) && strcmp(s.nnlab_md5, net_digest(net));
  catch err
    error('nnlab:nn_load:format', 'nn_load: %s holds a damaged network: %s', file, ...
          regexprep(err.message, '^nn_load: ', ''));
  end
  if ~ok
    error('nnlab:nn_load:checksum', ['nn_load: the network in %s has been changed since nn_save ', ...
          'wrote it (its digest does not match); not loading it'], file);
  end
end

%!test
%! net = nn_mlp([3 4 2], 'Seed', 1, 'Class', 'single');
%! f = [tempname() '.net'];
%! nn_save(f, net); net2 = nn_load(f); delete(f);
%! X = rand(5, 3);
%! assert(isequal(nn_predict(net2, X), nn_predict(net, X)));
%!error id=nnlab:nn_load:nargin nn_load()
%!error id=nnlab:nn_load:file nn_load('/nonexistent/file.net')
