function [outdir, quick] = demo_args(fn, args, unpaired)
% DEMO_ARGS  A demo's arguments ARGS (its varargin): (), (outdir) or
%   (outdir, 'Quick', tf); with UNPAIRED omitted also ('Quick', tf).
%   OUTDIR is '' when not given, QUICK false.  With UNPAIRED the first
%   argument is always the folder, and options that do not come in pairs
%   raise nnlab:FN:<UNPAIRED> ('nargin' or 'option'); an option name other
%   than 'Quick' raises nnlab:FN:option, a value other than true or false
%   nnlab:FN:optionValue.
outdir = '';
quick = false;
if nargin < 3
  if mod(numel(args), 2) == 1
    outdir = args{1};
    args(1) = [];
  end
elseif ~isempty(args)
  outdir = args{1};
  args(1) = [];
  if mod(numel(args), 2) ~= 0
    error(['nnlab:' fn ':' unpaired], ...
          '%s takes the folder for the figures, then name/value pairs (''Quick'', true), but a name has no value.', fn);
  end
end
for k = 1:2:numel(args)
  name = args{k};
  if ~ischar(name) || size(name, 1) ~= 1
    error(['nnlab:' fn ':option'], '%s: option names must be text; the only option is ''Quick'' (true or false).', fn);
  end
  if ~strcmpi(name, 'Quick')
    error(['nnlab:' fn ':option'], '%s: unknown option ''%s''; the only option is ''Quick'' (true or false).', fn, name);
  end
  v = args{k + 1};
  if ~(islogical(v) || isnumeric(v)) || ~isscalar(v) || ~(v == 0 || v == 1)
    error(['nnlab:' fn ':optionValue'], '%s: the value of ''Quick'' must be true or false.', fn);
  end
  quick = logical(v);
end
end
