function sweep_progress(D, rec, done)
% SWEEP_PROGRESS  The line printed when a job finishes: DONE/total, its
%   options, its metric, the time since the sweep started and the time left
%   (estimated from the jobs done so far).
  elapsed = etime(clock(), D.t0);
  left = elapsed / max(done, 1) * (D.total - done);
  if isempty(rec.error)
    what = sprintf('%s %.4g', D.metric, rec.metric);
  else
    what = ['error: ' rec.error];
  end
  fprintf('[%d/%d] %s: %s (%.1f s); elapsed %.1f s, about %.1f s left\n', done, D.total, ...
          D.labels{rec.config}, what, rec.time, elapsed, left);
  fflush(stdout);
end
