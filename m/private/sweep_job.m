function rec = sweep_job(job, D)
% SWEEP_JOB  Train and validate one job of a sweep (a configuration, one
%   repeat, one fold) in whatever process runs it: the client, a parcellfun
%   worker or a pserver host.  D holds the data and what every job shares
%   (D.make the network builder, D.paths nnlab's folders, D.folder the
%   results folder or '', D.metric, D.nonet, D.total, D.t0, D.verbose).  Returns the
%   record REC: the job's key, metric, loss, seconds, error message ('' if
%   none), network, and the process that ran it.  Never raises: an error of
%   the job is recorded in REC.error.  The record is saved into D.folder at
%   once when that folder is visible here.
  for k = 1:numel(D.paths)
    if isfolder(D.paths{k}) && ~any(strcmp(D.paths{k}, strsplit(path(), pathsep())))
      addpath(D.paths{k});
    end
  end
  rec = sweep_record(job, '');
  rec.worker = sprintf('%s:%d', gethostname(), getpid());
  t = tic();
  try
    if isfield(D, 'datafile')
      D = sweep_data('get', D);   % a local worker: the data from the file in memory
    end
    if isstruct(D.make)
      net = D.make;
    elseif nargin(D.make) == 0
      net = seeded(job.seed, D.make);
    else
      net = seeded(job.seed, @() D.make(job.params));
    end
    rows = {};                      % the job's training rows, used where they are
    if ~isempty(job.train)
      rows = {'Rows', job.train};
    end
    if isempty(job.val)
      Xv = D.Xv;
      Tv = D.Tv;
    else
      Xv = D.X(job.val, :);
      Tv = D.T(job.val, :);
    end
    net = nn_train(net, D.X, D.T, job.options{:}, rows{:}, 'Loss', job.loss, 'Seed', job.seed, ...
                   'Verbose', false);
    rec.time = toc(t);
    if ~isempty(Xv)
      r = nn_evaluate(net, Xv, Tv, 'Loss', job.loss);
      rec.loss = r.loss;
      if strcmp(D.metric, 'loss')
        rec.metric = r.loss;
      elseif isfield(r, D.metric)
        rec.metric = r.(D.metric);
      end
    end
    if ~D.nonet
      rec.net = net;
    end
  catch err
    rec.error = err.message;
    rec.time = toc(t);
  end
  if ~isempty(D.folder) && isfolder(D.folder)
    sweep_store('save', D.folder, rec);
    if D.verbose
      sweep_progress(D, rec, sweep_store('count', D.folder));
    end
  end
end
