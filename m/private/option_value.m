function v = option_value(opts, name, default)
% OPTION_VALUE  The value of option NAME in the name/value cell OPTS (the
%   last one counts), or DEFAULT.
  v = default;
  for k = 1:2:numel(opts) - 1
    if strcmp(opts{k}, name)
      v = opts{k + 1};
    end
  end
end
