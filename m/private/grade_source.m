function s = grade_source(fn, v, what, folder)
% GRADE_SOURCE  Where a student function is, for nn_grade.
%   S = grade_source(FN, V, WHAT) for V a function handle, a file name (with
%   or without .m, with or without a folder) or the name of a function on
%   the path; WHAT names the option, for the messages.  S has fields kind
%   ('handle', 'anon', 'file', 'missing' or 'none'), handle, file (the .m
%   file), folder, base (the file's name without .m: what Octave calls it)
%   and label (for the report).  S = grade_source(FN, [], WHAT, FOLDER)
%   looks for the course's file name WHAT (e.g. 'predict') in FOLDER; a
%   missing file is kind 'missing', graded as a failure.
  s = struct('kind', 'none', 'handle', [], 'file', '', 'folder', '', 'base', '', 'label', '');
  if nargin > 3
    file = fullfile(folder, [what '.m']);
    s.label = [what '.m'];
    if exist(file, 'file') == 2
      s = from_file(s, file);
    else
      s.kind = 'missing';
      s.file = file;
    end
    return
  end
  if isempty(v) && ~ischar(v)
    return
  end
  if isa(v, 'function_handle')
    name = func2str(v);
    s.handle = v;
    if name(1) == '@'
      s.kind = 'anon';
      s.label = name;
      return
    end
    file = which(name);
    if isempty(file) || exist(file, 'file') ~= 2 || ~strcmpi(file(max(1, end - 1):end), '.m')
      error(['nnlab:' fn ':notFound'], ['%s: %s (@%s) is not a function file on the path; give a handle ' ...
            'to the student''s .m file (its folder on the path), or the file''s name'], fn, what, name);
    end
    s = from_file(s, file);
    s.kind = 'handle';
    s.label = ['@' name];
    return
  end
  if ~ischar(v) || size(v, 1) ~= 1
    error(['nnlab:' fn ':optionValue'], ['%s: %s must be a function handle (such as @nnCostFunction) or ' ...
          'the name of a .m file'], fn, what);
  end
  file = v;
  if exist(file, 'file') ~= 2 && exist([file '.m'], 'file') == 2
    file = [file '.m'];
  end
  if exist(file, 'file') == 2 && any(file == filesep())
    file = make_absolute_filename(file);
  elseif exist(file, 'file') == 2 && exist(fullfile(pwd(), file), 'file') == 2
    file = fullfile(pwd(), file);
  else
    w = which(v);
    if ~isempty(w) && exist(w, 'file') == 2
      file = w;
    end
  end
  if exist(file, 'file') ~= 2 || ~strcmpi(file(max(1, end - 1):end), '.m')
    error(['nnlab:' fn ':notFound'], '%s: %s: there is no file "%s" (nor "%s.m")', fn, what, v, v);
  end
  s = from_file(s, file);
end

function s = from_file(s, file)
  s.kind = 'file';
  s.file = file;
  [s.folder, s.base] = fileparts(file);
  if isempty(s.label)
    s.label = file;
  end
end
