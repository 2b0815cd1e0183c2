function varargout = sweep_store(what, folder, varargin)
% SWEEP_STORE  The results folder of a sweep: one file per finished job.
%   sweep_store('save', FOLDER, REC) writes job record REC (atomically);
%   N = sweep_store('count', FOLDER) counts the finished jobs;
%   RECS = sweep_store('load', FOLDER, KEYS) reads the records of the jobs
%   KEYS (a cell of keys) that are there (a struct array, maybe empty);
%   sweep_store('mkdir', FOLDER, FN) creates FOLDER, writable by all;
%   sweep_store('check', FOLDER, FP, RESUME, FN) creates FOLDER or, when it
%   exists, checks that it belongs to the same sweep (fingerprint FP);
%   without RESUME a folder that holds results is an error.
  switch what
    case 'save'
      rec = varargin{1};
      atomic_save(fullfile(folder, [rec.key '.mat']), '-binary', struct('rec', rec), 'nn_sweep');
    case 'count'
      varargout{1} = numel(dir(fullfile(folder, 'job_*.mat')));
    case 'load'
      keys = varargin{1};
      recs = [];
      for i = 1:numel(keys)
        file = fullfile(folder, [keys{i} '.mat']);
        if exist(file, 'file')
          try
            s = load(file);
            recs = [recs; s.rec];
          catch
            % a damaged file (a run killed while writing cannot leave one,
            % atomic_save renames): the job runs again
          end
        end
      end
      varargout{1} = recs;
    case 'mkdir'
      fn = varargin{1};
      % pserver hosts may run as another user (pserver refuses root): the
      % folder is writable by all.  Octave's umask does it without the fork
      % of this process that a chmod through system would cost.
      octave = exist('OCTAVE_VERSION', 'builtin');
      if octave
        mask = umask(0);
      end
      [ok, msg] = mkdir(folder);
      if octave
        umask(mask);
      end
      if ~ok
        error(['nnlab:' fn ':results'], '%s: could not create the results folder %s: %s', fn, folder, msg);
      end
      if ~octave && isunix()
        [~, ~] = system(sprintf('chmod a+rwx ''%s''', strrep(folder, '''', '''\''''')));
      end
    case 'check'
      [fp, resume, fn] = varargin{:};
      file = fullfile(folder, 'sweep.mat');
      if ~isfolder(folder)
        sweep_store('mkdir', folder, fn);
      elseif exist(file, 'file')
        s = load(file);
        if ~isequal(s.fingerprint, fp)
          error(['nnlab:' fn ':results'], ['%s: the results folder %s holds another sweep (other ' ...
                'data, grid, seed or options); give a new folder'], fn, folder);
        end
        if ~resume && sweep_store('count', folder) > 0
          error(['nnlab:' fn ':results'], ['%s: the results folder %s already holds results of ' ...
                'this sweep; add ''Resume'', true to continue it, or give a new folder'], fn, folder);
        end
        return
      end
      atomic_save(file, '-binary', struct('fingerprint', fp), fn);
  end
end
