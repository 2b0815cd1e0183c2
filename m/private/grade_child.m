function grade_child(jobfile)
% GRADE_CHILD  The child Octave of nn_grade: runs the student's calls.
%   grade_child(JOBFILE), run in a fresh octave-cli whose current folder
%   holds JOBFILE (nn_grade copies this file there):
%   for each call k of job.list, seeds rand and randn with its seed, writes
%   k to job.progress before the call
%   and its outcome to r<k>.mat after it, so that the parent can stop a
%   call that takes too long and tell which call an exit or a crash ended.
%   Nothing of nnlab is on this Octave's path, only the student's folders.
  s = load(jobfile);
  job = s.job;
  for i = numel(job.folders):-1:1
    addpath(job.folders{i});
  end
  for k = job.list
    fid = fopen(job.progress, 'w');
    fprintf(fid, '%d\n', k);
    fclose(fid);
    c = job.calls(k);
    res = struct('status', 'error', 'out', {{}}, 'msg', '', 'where', '', 'time', 0);
    out = cell(1, c.nout);
    rand('twister', c.seed);
    randn('twister', c.seed);
    t0 = tic();
    try
      [out{:}] = feval(c.name, c.args{:});
      res.status = 'ok';
      res.out = out;
    catch err
      res.msg = err.message;
      for st = err.stack(:).'
        if ~any(strcmp(st.name, {'grade_child', 'nngrade_main'}))   % none for a parse error
          res.where = sprintf('%s, line %d', st.name, st.line);
          break
        end
      end
    end
    res.time = toc(t0);
    file = fullfile(job.dir, sprintf('r%d.mat', k));
    try
      save('-binary', [file '.part'], 'res');
    catch err
      res = struct('status', 'error', 'out', {{}}, 'msg', ...
                   ['it returned something that is not an array (' err.message ')'], 'where', '', 'time', res.time);
      save('-binary', [file '.part'], 'res');
    end
    rename([file '.part'], file);
  end
end
