% -*- texinfo -*-
% @deftypefn  {} {@var{report} =} nn_grade (@var{cost})
% @deftypefnx {} {@var{report} =} nn_grade (@var{folder})
% @deftypefnx {} {@var{report} =} nn_grade (@dots{}, @var{name}, @var{value}, @dots{})
% Grade a student's solution of the classic machine learning course's
% neural network assignment (its ex4): which part is right, and for a wrong
% part the most likely mistake.
%
% @var{cost} is the student's cost function, of the assignment's signature
%
% @example
% [J, grad] = nnCostFunction (nn_params, input_layer_size, hidden_layer_size, ...
%                             num_labels, X, y, lambda)
% @end example
%
% given as a handle to its function file (@code{@@nnCostFunction}, the
% file on the path) or as the file's name (@code{'alice/nnCostFunction.m'}).
% @var{folder} is a student's assignment folder: its
% @file{nnCostFunction.m}, @file{sigmoidGradient.m}, @file{predict.m} and
% @file{randInitializeWeights.m} are graded, and a missing file fails its
% parts.  The options @code{'SigmoidGradient'}, @code{'Predict'} and
% @code{'RandInitializeWeights'} add (or, with a folder, replace) the
% helpers @code{g = sigmoidGradient (z)}, @code{p = predict (Theta1,
% Theta2, X)} (labels 1..K of a one-hidden-layer sigmoid network, a column)
% and @code{W = randInitializeWeights (L_in, L_out)}.  @var{cost} may be
% @code{[]} to grade only those.
%
% Every part is checked on several random small networks and data sets
% (seeded, so the same every time; the shapes are not square and every
% lambda is > 0) against nnlab's own answer: @code{nn_cost} for the cost
% and gradient, @code{nn_act} for the sigmoid's derivative,
% @code{nn_predict} for the labels.  A part passes when every result is
% within a relative error of @code{'Tolerance'} (the predicted labels must
% be equal).  The parts and their default points (those of the course's
% own grader, plus two):
%
% @multitable @columnfractions 0.22 0.50 0.10
% @headitem name @tab checks @tab points
% @item @code{cost} @tab J with lambda = 0 @tab 30
% @item @code{cost_reg} @tab J with lambda > 0 @tab 15
% @item @code{grad} @tab grad with lambda = 0 @tab 40
% @item @code{grad_reg} @tab grad with lambda > 0 @tab 10
% @item @code{sigmoid_gradient} @tab sigmoidGradient on 0, a row, a matrix @tab 5
% @item @code{predict} @tab predict's labels @tab 5
% @item @code{init} @tab the size and range of randInitializeWeights @tab 5
% @end multitable
%
% For a wrong part nn_grade computes nnlab's versions of the known
% mistakes on the same data and names the one that matches: for the cost
% and the gradient @code{reshape} in the wrong order (a transpose) or off by
% one, labels not one-hot, the wrong sign, the cost not divided by m, the
% term @code{(1-y) log(1-h)} missing, a missing @math{\sigma'} factor,
% @math{\sigma'} applied to the activation instead of z, the gradient not
% divided by m, a @code{sigmoidGradient} that is @code{z .* (1 - z)} or
% the sigmoid itself (seen in the gradient that uses it); in the penalty the bias column regularised, lambda/m
% instead of lambda/(2m), the penalty subtracted or not divided by m, the
% bias gradient regularised, lambda or lambda/(2m) instead of lambda/m in
% the gradient; also a mistake in the data term together with one in the
% penalty.  For the helpers: @code{z .* (1 - z)} (the derivative of an
% activation), the sigmoid itself, @code{1 - sigmoid (z)}, the wrong sign,
% the min instead of the max, the index of the max or its value, labels
% counted from 0, a hidden layer without sigmoid; for the initialisation
% the size, a transpose, a missing bias column, equal entries (symmetry not
% broken), entries outside @math{\pm\epsilon} with
% @math{\epsilon = \max(0.12, \sqrt6/\sqrt{L_{in}+L_{out}})}, one sign only,
% tiny entries.  A wrong result that is none of these is "wrong, not a known
% mistake" with the place of the largest difference.
%
% A function that errors, returns the wrong size or class, NaN or Inf, calls
% @code{exit} or takes longer than @code{'TimeLimit'} fails the part with
% its message; the grader itself goes on (after a call that had to be
% stopped or ended Octave, the other calls of that function are not made
% and fail the same way).  For that the student's code runs in a separate
% @code{octave-cli --norc} (one for all calls, started again after a call
% that had to be stopped), with only the student's folders on its path, a
% temporary folder as the current folder, and its output discarded.
% @code{rand} and @code{randn} are seeded before every call, so that
% @code{randInitializeWeights} draws the same numbers every time.
%
% @table @code
% @item 'SigmoidGradient', 'Predict', 'RandInitializeWeights'
% the helpers, as handles to function files or file names.
% @item 'Parts'
% a cell of part names to grade (default: every part whose function is
% given; all seven for a folder).
% @item 'Points'
% the weights: a struct with part names as fields (the others keep their
% default), or a vector of seven numbers >= 0 in the order of the table.
% @item 'Seed'
% the seed of the random networks and data (default 1).
% @item 'Networks'
% how many random networks the cost function is called on (default 3,
% each once with lambda = 0 and once with lambda > 0).
% @item 'Tolerance'
% the relative error @code{norm (s - r) / norm (r)} a right result may
% have, and a known mistake's result too (default 1e-6).
% @item 'TimeLimit'
% the seconds one call may take (default 10).
% @item 'Isolate'
% @code{true} (default) runs the student's code in the child Octave;
% @code{false} runs it in this Octave, without a time limit (an endless
% loop hangs the grader, @code{exit} ends it); only then can @var{cost} be
% an anonymous function.
% @item 'Verbose'
% @code{true} (default) prints the table.
% @end table
%
% @var{report} is a struct: @code{source} (what was graded), @code{parts}
% (a struct array in the order of the table with fields @code{name},
% @code{title}, @code{points}, @code{max}, @code{pass}, @code{mistake} (a
% short code: a known mistake such as @code{'bias_reg'} or
% @code{'no_sigma_prime'} (two joined by @code{+}, such as
% @code{'grad_no_m+bias_grad_reg'}), or @code{'error'}, @code{'timeout'},
% @code{'crash'} (exit), @code{'size'}, @code{'class'}, @code{'nonfinite'},
% @code{'zeros'}, @code{'missing'}, @code{'unknown'}; empty when passed),
% @code{hint} (the sentence for the student) and
% @code{error} (the largest relative error; for @code{predict} the share of
% labels that differ; NaN when not compared)), @code{total}, @code{max},
% @code{seed}, @code{networks} and @code{time} (seconds).  The printed
% table is @code{part  points  test  hint}.
%
% Errors: @code{nnlab:nn_grade:nargin}, @code{:option} and
% @code{:optionValue} for bad arguments, @code{:notFound} for a function
% file that is not there, @code{:isolate} for an anonymous function with
% @code{'Isolate', true}, @code{:child} when no child Octave can be started.
%
% @example
% r = nn_grade (@@nnCostFunction, 'SigmoidGradient', @@sigmoidGradient);
% r.total                         % out of r.max
% @{r.parts(~[r.parts.pass]).hint@}  % what to fix
% @end example
%
% A lecturer grades a folder of submissions, one folder per student (each
% with the student's @file{nnCostFunction.m}, @file{sigmoidGradient.m},
% @file{predict.m}, @file{randInitializeWeights.m} and what they call),
% into a CSV file with a row per student: the total, the points of each
% part and the codes of the mistakes:
%
% @example
% subs = dir ('submissions');
% subs = subs([subs.isdir] & ~strncmp (@{subs.name@}, '.', 1));
% fid = fopen ('grades.csv', 'w');
% fprintf (fid, 'student,total,max,cost,cost_reg,grad,grad_reg,sigmoid_gradient,predict,init,mistakes\n');
% for i = 1:numel (subs)
%   r = nn_grade (fullfile ('submissions', subs(i).name), 'Verbose', false);
%   mistakes = strjoin (@{r.parts(~[r.parts.pass]).mistake@}, ' ');
%   fprintf (fid, '%s,%g,%g%s,%s\n', subs(i).name, r.total, r.max, ...
%            sprintf (',%g', r.parts.points), mistakes);
% end
% fclose (fid);
% @end example
%
% The sentences for the student are in @code{@{r.parts.hint@}}; the
% printed table, to send back, is @code{txt = evalc ('r = nn_grade (folder);')}.
% @seealso{nn_cost, nn_gradcheck, nn_unroll, nn_from_thetas}
% @end deftypefn
function report = nn_grade(cost, varargin)
  fn = 'nn_grade';
  if nargin < 1
    error('nnlab:nn_grade:nargin', ['nn_grade: usage report = nn_grade(@nnCostFunction, ''SigmoidGradient'', ' ...
          '@sigmoidGradient, ...) or nn_grade(folder)']);
  end
  t0 = tic();
  names = {'cost', 'cost_reg', 'grad', 'grad_reg', 'sigmoid_gradient', 'predict', 'init'};
  titles = {'Cost (unregularised)', 'Cost (regularised)', 'Gradient (unregularised)', ...
            'Gradient (regularised)', 'Sigmoid gradient', 'Prediction', 'Initialisation range'};
  points = [30 15 40 10 5 5 5];
  o = parse_options(fn, struct('SigmoidGradient', [], 'Predict', [], 'RandInitializeWeights', [], ...
                               'Parts', [], 'Points', [], 'Seed', 1, 'Networks', 3, 'Tolerance', 1e-6, ...
                               'TimeLimit', 10, 'Isolate', true, 'Verbose', true), varargin);
  check_value(fn, 'Seed', o.Seed, 'count', 0, 2^32 - 1);
  check_value(fn, 'Networks', o.Networks, 'count', 1, 20);
  check_value(fn, 'Tolerance', o.Tolerance, 'scalar', 0, 0.1);
  check_value(fn, 'TimeLimit', o.TimeLimit, 'scalar', 0, 86400);
  if o.TimeLimit <= 0
    error('nnlab:nn_grade:optionValue', 'nn_grade: option ''TimeLimit'' must be a number of seconds > 0');
  end
  check_value(fn, 'Isolate', o.Isolate, 'logical');
  check_value(fn, 'Verbose', o.Verbose, 'logical');
  points = parse_points(fn, o.Points, names, points);

  % the student's functions
  folder = '';
  if ischar(cost) && size(cost, 1) == 1 && isfolder(cost)
    folder = make_absolute_filename(cost);
  end
  fields = {'cost', '', 'nnCostFunction';
            'sg', 'SigmoidGradient', 'sigmoidGradient';
            'predict', 'Predict', 'predict';
            'init', 'RandInitializeWeights', 'randInitializeWeights'};
  srcs = struct();
  for i = 1:rows(fields)
    if i == 1
      v = cost;
      what = 'COST';
    else
      v = o.(fields{i, 2});
      what = sprintf('option ''%s''', fields{i, 2});
    end
    if ~isempty(folder) && (i == 1 || isempty(v))
      srcs.(fields{i, 1}) = grade_source(fn, [], fields{i, 3}, folder);
    else
      srcs.(fields{i, 1}) = grade_source(fn, v, what);
    end
  end
  need = {'cost', 'cost', 'cost', 'cost', 'sg', 'predict', 'init'};
  have = cellfun(@(f) ~strcmp(srcs.(f).kind, 'none'), need);
  if isempty(o.Parts)
    parts = names(have);
  else
    parts = o.Parts;
    if ischar(parts)
      parts = {parts};
    end
    if ~iscellstr(parts) || isempty(parts)
      error('nnlab:nn_grade:optionValue', 'nn_grade: option ''Parts'' must be a cell of part names: %s', ...
            strjoin(names, ', '));
    end
    parts = lower(parts);
    for i = 1:numel(parts)
      k = find(strcmp(parts{i}, names));
      if isempty(k)
        error('nnlab:nn_grade:optionValue', 'nn_grade: ''Parts'': there is no part ''%s''; the parts are %s', ...
              parts{i}, strjoin(names, ', '));
      end
      if ~have(k)
        opt = {'COST', 'COST', 'COST', 'COST', '''SigmoidGradient''', '''Predict''', '''RandInitializeWeights'''};
        error('nnlab:nn_grade:optionValue', 'nn_grade: the part ''%s'' needs its function: give %s', ...
              parts{i}, opt{k});
      end
    end
    parts = names(ismember(names, parts));
  end
  if isempty(parts)
    error('nnlab:nn_grade:nargin', ['nn_grade: nothing to grade: give the cost function or one of the ' ...
          'options ''SigmoidGradient'', ''Predict'', ''RandInitializeWeights''']);
  end

  % the calls, on seeded data
  d = grade_data(o.Seed, o.Networks);
  calls = struct('fn', {}, 'args', {}, 'nout', {}, 'seed', {});
  idx = struct();
  if any(ismember({'cost', 'cost_reg', 'grad', 'grad_reg'}, parts))
    idx.cost = zeros(o.Networks, 2);
    reg = any(ismember({'cost_reg', 'grad_reg'}, parts));
    unreg = any(ismember({'cost', 'grad'}, parts));
    for c = 1:o.Networks
      e = d.cost(c);
      for j = find([unreg reg])
        calls(end + 1) = struct('fn', 'cost', 'args', {{e.theta, e.n, e.h, e.K, e.X, e.y, (j - 1) * e.lambda}}, ...
                                'nout', 2, 'seed', 0);
        idx.cost(c, j) = numel(calls);
      end
    end
  end
  if ismember('sigmoid_gradient', parts)
    for c = 1:numel(d.sg)
      calls(end + 1) = struct('fn', 'sg', 'args', {d.sg(c)}, 'nout', 1, 'seed', 0);
      idx.sg(c) = numel(calls);
    end
  end
  if ismember('predict', parts)
    for c = 1:numel(d.pred)
      p = d.pred(c);
      calls(end + 1) = struct('fn', 'predict', 'args', {{p.Theta1, p.Theta2, p.X}}, 'nout', 1, 'seed', 0);
      idx.predict(c) = numel(calls);
    end
  end
  if ismember('init', parts)
    for c = 1:rows(d.init)
      calls(end + 1) = struct('fn', 'init', 'args', {{d.init(c, 1), d.init(c, 2)}}, 'nout', 1, 'seed', 0);
      idx.init(c) = numel(calls);
    end
  end

  % the student's own rand and randn calls are seeded too, each call its own seed
  for k = 1:numel(calls)
    calls(k).seed = mod(o.Seed + k, 2^32);
  end

  % missing files fail their parts without a call
  used = unique({calls.fn});
  run = srcs;
  for f = fieldnames(srcs).'
    if ~ismember(f{1}, used) || strcmp(srcs.(f{1}).kind, 'missing')
      run = rmfield(run, f{1});
    end
  end
  live = ismember({calls.fn}, fieldnames(run));
  res = cell(1, numel(calls));
  if any(live)
    res(live) = grade_run(fn, calls(live), run, logical(o.Isolate), double(o.TimeLimit));
  end

  % grade each part
  report = struct('source', '', 'parts', [], 'total', 0, 'max', 0, 'seed', o.Seed, ...
                  'networks', o.Networks, 'time', 0);
  if ~isempty(folder)
    report.source = folder;
  else
    labels = cellfun(@(f) srcs.(f).label, {'cost', 'sg', 'predict', 'init'}, 'UniformOutput', false);
    report.source = strjoin(labels(~cellfun('isempty', labels)), ', ');
  end
  P = struct('name', {}, 'title', {}, 'points', {}, 'max', {}, 'pass', {}, 'mistake', {}, 'hint', {}, 'error', {});
  for i = find(ismember(names, parts))
    f = need{i};
    s = srcs.(f);
    if strcmp(s.kind, 'missing')
      g = struct('pass', false, 'mistake', 'missing', 'hint', sprintf('there is no %s in the folder.', s.label), ...
                 'error', NaN);
    else
      label = s.base;
      if isempty(label)
        label = fields{strcmp(fields(:, 1), f), 3};
      end
      g = grade_check(names{i}, d, res, idx.(f), label, o.Tolerance);
    end
    P(end + 1) = struct('name', names{i}, 'title', titles{i}, 'points', points(i) * g.pass, 'max', points(i), ...
                        'pass', g.pass, 'mistake', g.mistake, 'hint', g.hint, 'error', g.error);
  end
  report.parts = P;
  report.total = sum([P.points]);
  report.max = sum([P.max]);
  report.time = toc(t0);
  if o.Verbose
    printf('%s', grade_table(report));
  end
end

function points = parse_points(fn, v, names, points)
  if isempty(v)
    return
  end
  if isstruct(v) && isscalar(v)
    for f = fieldnames(v).'
      k = find(strcmpi(f{1}, names));
      if isempty(k)
        error('nnlab:nn_grade:optionValue', 'nn_grade: ''Points'': there is no part ''%s''; the parts are %s', ...
              f{1}, strjoin(names, ', '));
      end
      check_value(fn, ['Points.' names{k}], v.(f{1}), 'scalar', 0, Inf);
      points(k) = double(v.(f{1}));
    end
  elseif isnumeric(v) && isreal(v) && numel(v) == numel(names) && all(isfinite(v(:))) && all(v(:) >= 0)
    points = double(v(:)).';
  else
    error('nnlab:nn_grade:optionValue', ['nn_grade: option ''Points'' must be a struct such as ' ...
          'struct(''grad'', 50) or %d numbers >= 0 in the order %s'], numel(names), strjoin(names, ', '));
  end
end

%!test
%! % an anonymous function in this Octave: a cost that is always 0 fails every part, with the hint
%! r = nn_grade(@(varargin) deal(0, 0), 'Isolate', false, 'Verbose', false);
%! assert({r.parts.name}, {'cost', 'cost_reg', 'grad', 'grad_reg'});
%! assert(r.total, 0); assert(r.max, 95);
%! assert({r.parts.mistake}, {'zeros', 'zeros', 'size', 'size'});
