function atomic_save(file, format, s, fn)
% ATOMIC_SAVE  Save the fields of struct S as variables of FILE, atomically:
%   into a temporary file beside FILE, renamed over FILE at the end.
  [dirname, base, ext] = fileparts(file);
  if isempty(dirname)
    dirname = '.';
  end
  if ~isfolder(dirname)
    error(['nnlab:' fn ':file'], '%s: the folder %s does not exist', fn, dirname);
  end
  tmp = fullfile(dirname, sprintf('.%s%s.%d.tmp', base, ext, getpid()));   % not rand: the user's stream stays untouched
  try
    save(format, tmp, '-struct', 's');
  catch err
    if exist(tmp, 'file')
      delete(tmp);
    end
    error(['nnlab:' fn ':file'], '%s: could not write %s: %s', fn, file, err.message);
  end
  if exist('OCTAVE_VERSION', 'builtin')
    % Octave's movefile runs mv through the shell: a fork of this process,
    % 16-25 ms a file; rename is the rename(2) call, atomic, 20 us
    [err, msg] = rename(tmp, file);
    ok = err == 0;
  else
    [ok, msg] = movefile(tmp, file, 'f');
  end
  if ~ok
    delete(tmp);
    error(['nnlab:' fn ':file'], '%s: could not write %s: %s', fn, file, msg);
  end
end
