function display(s)
% DISPLAY  What Octave prints for a struct at the prompt (no semicolon): for
%   a network of nn_mlp or nn_sequential the name and the table of
%   nn_summary; every other struct (and a damaged network) as Octave shows
%   it.  Tests: tests/student.tst.
  name = inputname(1);
  if isempty(name)
    name = 'ans';
  end
  fprintf('%s =\n\n', name);
  if isscalar(s) && isfield(s, 'format') && ischar(s.format) && strcmp(s.format, 'nnlab.net')
    try
      fprintf('%s\n', nn_summary(s));
      return
    catch
      % a damaged network: shown as the struct it is
    end
  end
  if isscalar(s)
    fprintf('  scalar structure containing the fields:\n\n');
  end
  builtin('disp', s);
  fprintf('\n');
end
