% -*- texinfo -*-
% @deftypefn  {} {@var{R} =} nn_sweep (@var{makeNet}, @var{X}, @var{T}, 'Grid', @var{G})
% @deftypefnx {} {@var{R} =} nn_sweep (@var{makeNet}, @var{X}, @var{T}, 'Grid', @var{G}, @var{name}, @var{value}, @dots{})
% Hyperparameter sweep: train a network for every combination of the values
% in the grid @var{G} (or a random sample of them), validate each, and
% return a table of the results, best first (as @code{GridSearchCV} or
% MATLAB's Experiment Manager do).
%
% @var{makeNet} builds the network: a function handle of one argument
% @var{p}, a struct that holds the values of the current configuration
% for the grid's fields that are not @code{nn_train} options (e.g.
% @code{@@(p) nn_mlp([2 p.Hidden 2], 'Hidden', 'tanh')}); or a handle of no
% argument; or a network.  It runs with @code{rand} and @code{randn} seeded
% by the configuration's seed, so its random initial weights repeat.
%
% @var{G} is a struct whose fields hold lists of values: a numeric or logical
% vector, or a cell array (@code{@{'sgd', 'adam'@}}).  A field named like an
% option of @code{nn_train} (@code{'LearningRate'}, @code{'Optimizer'},
% @code{'BatchSize'}, @code{'Epochs'}, @code{'L2'}, @dots{}) is passed to
% @code{nn_train}; any other field goes to @var{makeNet}.  An empty grid,
% @code{struct ()}, is one configuration.
%
% Options (names case-insensitive); every other name/value pair is an
% option of @code{nn_train} given to every configuration:
% @table @code
% @item 'Random'
% @var{n}: train @var{n} configurations drawn at random (without
% replacement, from @code{'Seed'}) instead of all of them.
% @item 'Repeats'
% train each configuration this many times with different seeds (default
% 1); the table shows the mean and standard deviation.
% @item 'ValidationData'
% @code{@{Xv, Tv@}}: validate every configuration on these.
% @item 'ValidationFraction'
% otherwise hold out this fraction of (@var{X}, @var{T}), the same rows
% for every configuration (stratified for classification; default 0.2; 0:
% no validation, the metric is NaN).
% @item 'Folds'
% @var{k} > 1: k-fold cross-validation of each configuration instead
% (the same folds for every configuration, see @code{nn_crossval}).
% @item 'Metric'
% what ranks the configurations: @code{'accuracy'} (default for
% classification), @code{'macro_f1'}, @code{'macro_precision'},
% @code{'macro_recall'}, @code{'auc'} (binary), @code{'loss'} (default for
% regression and the rest), @code{'mse'}, @code{'mae'}, @code{'r2'}.  The
% loss, mse and mae rank lowest first, the others highest first.
% @item 'Seed'
% the sweep's seed (default 1).  Configuration @var{g} of the whole grid
% (counted with the first field changing slowest), repeat @var{r}, trains
% with seed @code{Seed + (g-1)*Repeats + (r-1)} for @var{makeNet} and
% @code{nn_train}: the results do not depend on which process runs it.
% @item 'Workers'
% @var{n} > 1: run the configurations on @var{n} local Octave processes
% with @code{parcellfun} (package @code{parallel}, loaded only then).
% @item 'Cluster'
% a connection from @code{pconnect}: run them with @code{netcellfun} on
% the @code{pserver} hosts (see below).
% @item 'WorkerThreads'
% BLAS threads of each local worker (default 1, so that the workers do not
% oversubscribe the cores); set through @code{OPENBLAS_NUM_THREADS} when
% the workers start.  The workers also start with
% @code{GLIBC_TUNABLES=glibc.malloc.hugetlb=1} (unless the environment
% already sets that tunable), so that their C library puts large arrays on
% 2 MB pages: a worker's first copy of the data then costs 0.06-0.3 s
% instead of 0.8-0.9 s for Fashion-MNIST's 188 MB.
% @item 'Results'
% a folder: each finished job (configuration, repeat, fold) is saved there
% at once, with a fingerprint of the sweep.
% @item 'Resume'
% true: continue the sweep of the @code{'Results'} folder; finished jobs
% are read, not trained again, and the table is that of an uninterrupted
% sweep.
% @item 'KeepNets'
% true: keep every trained network in @code{R.rows(i).nets}.
% @item 'Verbose'
% a line per finished job: its number and the total, its options, its
% metric, the seconds since the start and an estimate of those left
% (default true).  Local workers print their own lines; with a cluster the
% lines come when all jobs are done.
% @end table
%
% @var{R} is a struct: @code{R.table}, the results as text, sorted by the
% metric (printed when @code{nn_sweep} is called without an output, or with
% @code{disp (R.table)}); @code{R.rows}, one element per configuration in
% grid order, with a field per grid field holding its value and
% @code{metric}, @code{metric_std}, @code{loss}, @code{loss_std} (over
% repeats and folds), @code{time} (seconds of training), @code{runs},
% @code{metrics} and @code{losses} (repeats x folds), @code{seeds},
% @code{error} (the message of a job that failed, else empty),
% @code{label}, @code{options}, @code{params}, @code{loss_name};
% @code{R.order}, the rows best first; @code{R.best}, the best row;
% @code{R.net}, its network (first repeat, first fold); @code{R.metric}.
% A configuration that fails is recorded with its message and the sweep
% goes on; bad grids (an unknown name, an empty list, a value
% @code{nn_train} rejects, a builder that fails) are errors before any
% training.
%
% Bit for bit: the same seed gives the same table (but the seconds) and
% networks whether the jobs run here, on local workers or on hosts, with
% the same BLAS thread count (1 for the workers by default, so compare
% with a serial run in an Octave started with
% @code{OPENBLAS_NUM_THREADS=1}).
%
% Faults: a local worker process that dies has its unfinished jobs run
% again on fresh workers (once; then they are reported); a host that dies
% ends the cluster run, its unfinished jobs are reported in the table, and
% what finished stays in the results folder: call again with
% @code{'Resume', true}.
%
% A cluster of two hosts: start a server on each (as a normal user; the
% server refuses to run as root), with one BLAS thread per job and large
% arrays on huge pages:
%
% @example
% host1$ export OPENBLAS_NUM_THREADS=1 GLIBC_TUNABLES=glibc.malloc.hugetlb=1
% host1$ octave-cli --eval "pkg load parallel; pserver (struct ('use_tls', false))"
% host2$ export OPENBLAS_NUM_THREADS=1 GLIBC_TUNABLES=glibc.malloc.hugetlb=1
% host2$ octave-cli --eval "pkg load parallel; pserver (struct ('use_tls', false))"
% @end example
%
% @noindent
% then on the client (nnlab and the data folder at the same paths on every
% host, e.g. a shared file system):
%
% @example
% pkg load parallel
% c = pconnect (@{'host1', 'host2'@}, struct ('use_tls', false));
% network_set (c, 'nlocaljobs', 1);    % one job at a time per host (or its cores)
% R = nn_sweep (make, X, T, 'Grid', G, 'Cluster', c, 'Results', '/shared/sweep1');
% sclose (c);
% @end example
%
% @noindent
% Debian's @code{octave-parallel} is built without TLS, so the connections
% are neither encrypted nor authenticated: keep ports 12501 and 12502 behind
% a firewall (or use a package built with GnuTLS and
% @code{parallel_generate_srp_data}, then drop the @code{use_tls} fields).
% @code{pserver ('kill')} stops a server.
%
% @example
% [X, T] = nn_toy ('moons', 'N', 400, 'Seed', 1);
% make = @@(p) nn_mlp ([2 p.Hidden 2], 'Hidden', 'tanh');
% G = struct ('Hidden', [2 8], 'LearningRate', [0.003 0.03]);
% R = nn_sweep (make, X, T, 'Grid', G, 'Epochs', 30, 'BatchSize', 32, 'Verbose', false);
% disp (R.table)
% nn_plot_sweep (R, 'Hidden', 'LearningRate', 'sweep.png')
% @end example
% @seealso{nn_crossval, nn_ensemble, nn_plot_sweep, nn_train, parcellfun, netcellfun, pserver, pconnect}
% @end deftypefn
function R = nn_sweep(makeNet, X, T, varargin)
  if ischar(makeNet) && strcmp(makeNet, '-job')
    R = sweep_job(X, T);            % a job on a pserver host (sweep_run), not for users
    return
  end
  if nargin < 3
    error('nnlab:nn_sweep:nargin', 'nn_sweep: usage R = nn_sweep(makeNet, X, T, ''Grid'', G, name, value, ...)');
  end
  out = sweep_core('nn_sweep', makeNet, X, T, varargin);
  if nargout == 0
    disp(out.table);
  else
    R = out;
  end
end
