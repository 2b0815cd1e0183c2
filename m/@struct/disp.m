function disp(s)
% DISP  nnlab's display of a network: for a network of nn_mlp or nn_sequential
%   (a struct whose field format is 'nnlab.net') the table of nn_summary;
%   every other struct (and a damaged network) is shown by Octave's own
%   disp, unchanged.  Tests: tests/student.tst.
  if isscalar(s) && isfield(s, 'format') && ischar(s.format) && strcmp(s.format, 'nnlab.net')
    try
      fprintf('%s', nn_summary(s));
      return
    catch
      % a damaged network: shown as the struct it is
    end
  end
  builtin('disp', s);
end
