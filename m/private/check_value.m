function check_value(fn, name, v, kind, lo, hi)
% CHECK_VALUE  Validate one option value; raise nnlab:FN:optionValue if bad.
%   check_value(FN, NAME, V, KIND[, LO, HI]) with KIND one of
%   'scalar' (finite real number in [LO, HI]), 'count' (whole number in
%   [LO, HI]), 'logical' (true/false), 'string' (character row vector).
  bad = false;
  switch kind
    case 'scalar'
      bad = ~(isnumeric(v) || islogical(v)) || ~isscalar(v) || ~isreal(v) || ...
            ~isfinite(v) || v < lo || v > hi;
      want = sprintf('a finite number from %g to %g', lo, hi);
    case 'count'
      bad = ~isnumeric(v) || ~isscalar(v) || ~isreal(v) || ~isfinite(v) || ...
            v ~= round(v) || v < lo || v > hi;
      want = sprintf('a whole number from %g to %g', lo, hi);
    case 'logical'
      bad = ~(islogical(v) || isnumeric(v)) || ~isscalar(v) || ~(v == 0 || v == 1);
      want = 'true or false';
    case 'string'
      bad = ~ischar(v) || (~isempty(v) && size(v, 1) ~= 1);
      want = 'a string';
  end
  if bad
    error(['nnlab:' fn ':optionValue'], '%s: option ''%s'' must be %s', fn, name, want);
  end
end
