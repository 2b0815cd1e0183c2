function rec = sweep_record(job, msg)
% SWEEP_RECORD  The record of job JOB before it runs, or of a job that
%   could not run, with error message MSG.
  rec = struct('key', job.key, 'config', job.config, 'repeat', job.repeat, 'fold', job.fold, ...
               'seed', job.seed, 'metric', NaN, 'loss', NaN, 'time', NaN, 'error', msg, ...
               'net', [], 'worker', '');
end
