function rethrow_as(fn, err)
% RETHROW_AS  Re-raise an nnlab kernel error as nnlab:FN:<what>, FN named first.
  id = err.identifier;
  parts = strsplit(id, ':');
  if numel(parts) == 3 && strcmp(parts{1}, 'nnlab')
    id = ['nnlab:' fn ':' parts{3}];
  end
  msg = regexprep(err.message, '^nn_\w+: ', '');
  error(id, '%s: %s', fn, msg);
end
