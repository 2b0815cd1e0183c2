function varargout = seeded(seed, f)
% SEEDED  Call f() with rand and randn seeded by SEED, then restore them.
%   [A, B, ...] = seeded(SEED, F): the user's own random streams are left as
%   they were.  With SEED = [] F runs on the user's streams unchanged.
  if isempty(seed)
    [varargout{1:nargout}] = f();
    return
  end
  old_u = rand('twister');
  old_n = randn('twister');
  rand('twister', seed);
  randn('twister', seed);
  try
    [varargout{1:nargout}] = f();
  catch err
    rand('twister', old_u);
    randn('twister', old_n);
    rethrow(err);
  end
  rand('twister', old_u);
  randn('twister', old_n);
end
