function check_claim(fn, failed)
% CHECK_CLAIM  Raise nnlab:demo:claimFailed naming the demo FN and the checks
%   that FAILED (a cell array of texts), if there are any.
if ~isempty(failed)
  error('nnlab:demo:claimFailed', '%s: %s.', fn, strjoin(failed, '; '));
end
end
