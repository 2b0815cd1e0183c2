function s = sweep_show(v)
% SWEEP_SHOW  A grid value as short text: a string as it is, numbers as
%   mat2str (4 digits), a cell as {a,b}, anything else by its class.
  if ischar(v)
    s = v;
  elseif isnumeric(v) || islogical(v)
    s = mat2str(v, 4);
  elseif iscell(v)
    s = ['{' strjoin(cellfun(@sweep_show, v, 'UniformOutput', false), ',') '}'];
  else
    s = class(v);
  end
end
