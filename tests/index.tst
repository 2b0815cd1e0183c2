## The function index (issue 17, item 4): INDEX at the top of the source tree
## and the page `help nnlab` each list exactly the public functions, in the
## same nine groups.  Public: the .m files of m/, mex/ (the help files of the
## MEX kernels) and demos/, not those in private/, and not the help files of
## internal MEX gateways, whose names end in _mex (such as nn_dropout_mex
## behind m/nn_dropout.m): a student never calls those.  A function that
## moves between m/ and mex/ counts once.  Run with test('tests/index.tst').

%!function names = public_functions(root)
%!  names = {};
%!  for d = {'m', 'mex', 'demos'}
%!    l = dir(fullfile(root, d{1}, '*.m'));
%!    names = [names, regexprep({l.name}, '\.m$', '')];
%!  end
%!  names = unique(names(cellfun('isempty', regexp(names, '_mex$', 'once'))));
%!endfunction
%!function [cats, groups] = read_index(file)
%!  % as pkg describe reads it: after the ">>" line, a line that starts
%!  % with a space lists functions, any other line names a category
%!  lines = strsplit(fileread(file), "\n");
%!  assert(~isempty(strfind(lines{1}, '>>')), 'INDEX: the first line must be "nnlab >> title"');
%!  assert(strncmp(lines{1}, 'nnlab >>', 8));
%!  cats = {};
%!  groups = {};
%!  for i = 2:numel(lines)
%!    s = lines{i};
%!    if isempty(strtrim(s)) || s(1) == '#'
%!      continue
%!    elseif isspace(s(1))
%!      assert(~isempty(cats), 'INDEX: functions before the first category');
%!      groups{end} = [groups{end}, strsplit(strtrim(s))];
%!    else
%!      cats{end + 1} = strtrim(s);
%!      groups{end + 1} = {};
%!    end
%!  end
%!endfunction
%!function [heads, groups, bad] = read_help_page()
%!  % the rendered page: a group heading '*Name* ...', then one line per
%!  % function, 'name   description'; BAD collects any other line (such as
%!  % a wrapped description) between the first heading and 'See also'
%!  txt = help('nnlab');
%!  lines = strsplit(txt, "\n");
%!  heads = {};
%!  groups = {};
%!  bad = {};
%!  for i = 1:numel(lines)
%!    s = lines{i};
%!    if ~isempty(regexp(s, '^\s*See also', 'once'))
%!      break
%!    end
%!    h = regexp(s, '^\s*\*(\w+)\*', 'tokens', 'once');
%!    if ~isempty(h)
%!      heads{end + 1} = h{1};
%!      groups{end + 1} = {};
%!      continue
%!    end
%!    if isempty(heads) || isempty(strtrim(s))
%!      continue
%!    end
%!    t = regexp(s, '^\s+(nn\w*)\s{2,}\S', 'tokens', 'once');
%!    if isempty(t)
%!      bad{end + 1} = s;
%!    else
%!      groups{end} = [groups{end}, t];
%!    end
%!  end
%!endfunction
%!function check_same(listed, public, where)
%!  extra = setdiff(listed, public);
%!  missing = setdiff(public, listed);
%!  [u, i] = unique(listed);
%!  dup = listed(setdiff(1:numel(listed), i));
%!  msg = '';
%!  if ~isempty(extra)
%!    msg = [msg '; listed but not in m/, mex/ or demos/: ' strjoin(extra, ' ')];
%!  end
%!  if ~isempty(missing)
%!    msg = [msg '; not listed: ' strjoin(missing, ' ')];
%!  end
%!  if ~isempty(dup)
%!    msg = [msg '; listed twice: ' strjoin(dup, ' ')];
%!  end
%!  if ~isempty(msg)
%!    error('%s does not list exactly the public functions%s', where, msg);
%!  end
%!endfunction

%!shared root, public
%! root = fileparts(fileparts(which('nnlab')));
%! public = public_functions(root);

%!test
%! % the rule itself: the kernels, nnlab and the tour are public; private/ and _mex are not
%! assert(all(ismember({'nnlab', 'nn_dense', 'nn_dropout', 'nn_train', 'nn_tour'}, public)));
%! assert(~any(ismember({'parse_options', 'check_value', 'nn_dropout_mex'}, public)));
%! assert(isfile(fullfile(root, 'm', 'nnlab.m')));
%!test
%! % INDEX, at the top of the source tree, in pkg's format
%! [cats, groups] = read_index(fullfile(root, 'INDEX'));
%! check_same([groups{:}], public, 'INDEX');
%! assert(numel(cats), 9);
%! assert(all(cellfun(@numel, groups) > 0));
%!test
%! % help nnlab: the same functions, one line each, in the nine groups
%! [heads, groups, bad] = read_help_page();
%! assert(heads, {'Kernels', 'Networks', 'Training', 'Metrics', 'Data', 'Course', ...
%!                'Save', 'Plots', 'Tour'});
%! if ~isempty(bad)
%!   error('help nnlab: lines that are not "name  description": %s', strjoin(bad, ' | '));
%! end
%! check_same([groups{:}], public, 'help nnlab');
%!test
%! % INDEX and the page agree group by group
%! [cats, igroups] = read_index(fullfile(root, 'INDEX'));
%! [heads, hgroups] = read_help_page();
%! assert(numel(cats), numel(heads));
%! for k = 1:numel(heads)
%!   assert(strncmpi(cats{k}, heads{k}, 4) || ...
%!          (strcmp(heads{k}, 'Tour') && ~isempty(strfind(cats{k}, 'tour'))), ...
%!          sprintf('INDEX category %d is "%s", the page''s is "%s"', k, cats{k}, heads{k}));
%!   assert(igroups{k}, hgroups{k}, sprintf('group %s', heads{k}));
%! end
%!test
%! % every function on the page has help of its own
%! [~, groups] = read_help_page();
%! names = [groups{:}];
%! for i = 1:numel(names)
%!   [txt, fmt] = get_help_text(names{i});
%!   assert(fmt, 'texinfo', names{i});
%! end
