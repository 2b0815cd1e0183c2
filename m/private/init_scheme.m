function scheme = init_scheme(scheme, next)
% INIT_SCHEME  The initialisation of a layer with weights: SCHEME as given,
%   or by default 'he' when the NEXT layer is a ReLU-like activation,
%   'glorot' otherwise.
  if isempty(scheme)
    scheme = 'glorot';
    if ~isempty(next) && strcmp(next.type, 'act') && ...
       any(strcmp(next.act, {'relu', 'leaky_relu', 'elu', 'gelu', 'silu'}))
      scheme = 'he';
    end
  end
end
