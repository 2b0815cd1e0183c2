function cls = class_option(fn, value)
% CLASS_OPTION  The value of a 'Class' option: 'double' or 'single' (any case),
%   returned in lower case; raises nnlab:FN:optionValue otherwise.
  if ~ischar(value) || ~any(strcmpi(value, {'double', 'single'}))
    error(['nnlab:' fn ':optionValue'], ...
          '%s: the value of ''Class'' must be ''double'' or ''single''.', fn);
  end
  cls = lower(value);
end
