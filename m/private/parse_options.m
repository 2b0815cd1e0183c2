function opts = parse_options(fn, defaults, args)
% PARSE_OPTIONS  Name/value pairs into a struct, names matched case-insensitively.
%   OPTS = parse_options(FN, DEFAULTS, ARGS): DEFAULTS is a struct whose field
%   names are the option names (in their documented spelling); ARGS a cell of
%   name/value pairs.  Unknown or malformed names raise nnlab:FN:option.
  opts = defaults;
  if mod(numel(args), 2) ~= 0
    error(['nnlab:' fn ':option'], ...
          '%s: options come in name/value pairs, but the last one has no value', fn);
  end
  if isempty(args)
    return
  end
  names = fieldnames(defaults);
  for i = 1:2:numel(args)
    name = args{i};
    if ~ischar(name) || size(name, 1) ~= 1
      error(['nnlab:' fn ':option'], ...
            '%s: option names are strings such as ''%s'', but argument %d is not', ...
            fn, names{1}, i);
    end
    k = find(strcmpi(name, names), 1);
    if isempty(k)
      error(['nnlab:' fn ':option'], '%s: unknown option ''%s''; the options are: %s', ...
            fn, name, strjoin(names.', ', '));
    end
    opts.(names{k}) = args{i + 1};
  end
end
