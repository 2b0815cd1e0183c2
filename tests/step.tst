## Tests of nn_step (run from the repository root: test('tests/step.tst')).
## Reference vectors: tests/data/step_*.txt, written by tests/data/gen_step.py
## with torch.optim (PyTorch 1.13): 100 steps in double on a 3x2 parameter.

%!function f = step_data_file (name)
%!  f = fullfile ('tests', 'data', name);
%!  if (! exist (f, 'file'))
%!    f = fullfile (fileparts (which ('nn_step')), '..', 'tests', 'data', name);
%!  end
%!endfunction

%!function [P0, G] = step_grads ()
%!  D = load (step_data_file ('step_grads.txt'));
%!  P0 = reshape (D(1,:), 3, 2);
%!  G = cell (1, rows (D) - 1);
%!  for t = 1:numel (G)
%!    G{t} = reshape (D(t+1,:), 3, 2);
%!  end
%!endfunction

## The cases of step_cases.txt: name, method, options (a cell of name/value
## pairs for nn_step), ref (a struct: P and the state buffers after 100 steps).
%!function cases = step_cases ()
%!  fid = fopen (step_data_file ('step_cases.txt'), 'r');
%!  assert (fid >= 3);
%!  cases = {};
%!  while (true)
%!    l = fgetl (fid);
%!    if (! ischar (l))
%!      break;
%!    end
%!    if (isempty (l) || l(1) == '#')
%!      continue;
%!    end
%!    t = strsplit (l, ' ');
%!    if (strcmp (t{1}, 'case'))
%!      c = struct ('name', t{2}, 'method', t{3}, 'opts', {{}}, 'ref', struct ());
%!      for k = 4:numel (t)
%!        kv = strsplit (t{k}, '=');
%!        c.opts(end+1:end+2) = {kv{1}, str2double(strsplit (kv{2}, ','))};
%!      end
%!      cases{end+1} = c;
%!    else
%!      cases{end}.ref.(t{1}) = reshape (str2double (t(2:end)), 3, 2);
%!    end
%!  end
%!  fclose (fid);
%!  assert (numel (cases) >= 20);
%!endfunction

## steps t of the gradient sequence G, from state S, in P's class
%!function [P, S] = step_run (P, G, S, t, method, opts)
%!  for k = t
%!    [P, S] = nn_step (P, cast (G{k}, class (P)), S, method, opts{:});
%!  end
%!endfunction

## ---- equal to torch.optim after 100 steps, in double -----------------------
%!test
%! [P0, G] = step_grads ();
%! cases = step_cases ();
%! methods = {};
%! for i = 1:numel (cases)
%!   c = cases{i};
%!   methods{end+1} = c.method;
%!   [P, S] = step_run (P0, G, [], 1:100, c.method, c.opts);
%!   assert (class (P), 'double');
%!   assert (P, c.ref.P, -1e-10);
%!   assert (S.method, c.method);
%!   assert (S.step, 100);
%!   bufs = setdiff (fieldnames (c.ref), {'P'});
%!   assert (sort (fieldnames (S)), sort ([{'method'; 'step'}; bufs(:)]));
%!   for k = 1:numel (bufs)
%!     b = S.(bufs{k});
%!     r = c.ref.(bufs{k});
%!     assert (class (b), 'double');
%!     assert (b, r, 1e-10 * max (abs (r(:))));
%!   end
%! end
%! ## every method and every option appears among the references
%! assert (sort (unique (methods)), sort ({'sgd', 'adagrad', 'rmsprop', 'adam', 'adamw', 'rprop'}));
%! names = {};
%! for i = 1:numel (cases)
%!   names = [names, cases{i}.opts(1:2:end)];
%! end
%! assert (all (ismember ({'lr', 'momentum', 'dampening', 'nesterov', 'weight_decay', ...
%!                         'lr_decay', 'initial_accumulator_value', 'eps', 'alpha', ...
%!                         'centered', 'betas', 'amsgrad', 'etas', 'step_sizes', ...
%!                         'maximize'}, names)));

## ---- single precision agrees with double ----------------------------------
%!test
%! [P0, G] = step_grads ();
%! cases = step_cases ();
%! for i = 1:numel (cases)
%!   c = cases{i};
%!   [P, S] = step_run (single (P0), G, [], 1:100, c.method, c.opts);
%!   assert (class (P), 'single');
%!   assert (double (P), c.ref.P, -1e-4);
%!   bufs = setdiff (fieldnames (S), {'method', 'step'});
%!   for k = 1:numel (bufs)
%!     assert (class (S.(bufs{k})), 'single');
%!     r = c.ref.(bufs{k});
%!     assert (double (S.(bufs{k})), r, 1e-4 * max (abs (r(:))));
%!   end
%! end

## ---- the state survives save/load and continues identically ---------------
%!test
%! [P0, G] = step_grads ();
%! cases = step_cases ();
%! f = [tempname() '.txt'];
%! unwind_protect
%!   for i = 1:numel (cases)
%!     c = cases{i};
%!     for cls = {'double', 'single'}
%!       [Pall, Sall] = step_run (cast (P0, cls{1}), G, [], 1:20, c.method, c.opts);
%!       [P, S] = step_run (cast (P0, cls{1}), G, [], 1:10, c.method, c.opts);
%!       for fmt = {'-text', '-binary', '-v7'}
%!         save (fmt{1}, f, 'P', 'S');
%!         L = load (f);
%!         assert (isequal (L.S, S) && strcmp (class (L.P), cls{1}));
%!         [P2, S2] = step_run (L.P, G, L.S, 11:20, c.method, c.opts);
%!         assert (isequal (P2, Pall) && isequal (S2, Sall));
%!       end
%!     end
%!   end
%! unwind_protect_cleanup
%!   if (exist (f, 'file'))
%!     delete (f);
%!   end
%! end_unwind_protect

## ---- first steps by hand: fresh initialisation, defaults ------------------
%!test
%! P = [1 -2; 3 0.5];  g = [0.5 -1; 0 2];
%! ## sgd: momentum buffer starts at the first gradient
%! [P1, S] = nn_step (P, g, [], 'sgd', 'momentum', 0.9, 'lr', 0.1);
%! assert (S.momentum_buffer, g);
%! assert (P1, P - 0.1 * g, eps);
%! [P2, S] = nn_step (P1, g, S, 'sgd', 'momentum', 0.9, 'lr', 0.1);
%! assert (S.momentum_buffer, 1.9 * g, eps);
%! assert (S.step, 2);
%! ## sgd default lr 1e-3, no buffer without momentum
%! [P1, S] = nn_step (P, g, [], 'sgd');
%! assert (P1, P - 1e-3 * g, eps);
%! assert (fieldnames (S), {'method'; 'step'});
%! ## adagrad: sum starts at initial_accumulator_value; default lr 0.01, eps 1e-10
%! [P1, S] = nn_step (P, g, [], 'adagrad', 'initial_accumulator_value', 0.25);
%! assert (S.sum, 0.25 + g .^ 2);
%! assert (P1, P - 0.01 * g ./ (sqrt (0.25 + g .^ 2) + 1e-10), eps);
%! [P1, S] = nn_step (P, g, [], 'adagrad');
%! assert (P1, P - 0.01 * g ./ (abs (g) + 1e-10), eps);
%! ## adagrad lr_decay at step 3: lr / (1 + 2*lr_decay)
%! S.step = 2;
%! [P1, S] = nn_step (P, g, S, 'adagrad', 'lr_decay', 0.5, 'lr', 0.1);
%! assert (S.step, 3);
%! assert (P1, P - 0.1 / 2 * g ./ (sqrt (2 * g .^ 2) + 1e-10), eps);
%! ## rprop: step_size starts at lr, prev at 0, so the first step is lr*sign(g)
%! [P1, S] = nn_step (P, g, [], 'rprop');
%! assert (S.step_size, 0.01 * ones (2));
%! assert (S.prev, g);
%! assert (P1, P - 0.01 * sign (g), eps);
%! ## rprop: a sign change shrinks the step and skips the move, same sign grows it
%! [P2, S] = nn_step (P1, [-1 -1; 1 1], S, 'rprop');
%! assert (S.step_size, [0.005 0.012; 0.01 0.012], eps);
%! assert (S.prev, [0 -1; 1 1]);
%! assert (P2, P1 - [0 -0.012; 0.01 0.012], eps);
%! ## adam: the first step moves by lr*sign(g) (bias-corrected), default lr 1e-3
%! [P1, S] = nn_step (P, g, [], 'adam');
%! assert (P1, P - 1e-3 * g ./ (abs (g) + 1e-8), 4 * eps);
%! assert (S.exp_avg, 0.1 * g, eps);
%! assert (S.exp_avg_sq, 0.001 * g .^ 2, eps);
%! ## adamw: decoupled weight decay, default 0.01
%! [P1, S] = nn_step (P, g, [], 'adamw');
%! assert (P1, P * (1 - 1e-3 * 0.01) - 1e-3 * g ./ (abs (g) + 1e-8), 4 * eps);
%! ## rmsprop: default lr 0.01, alpha 0.99, eps 1e-8
%! [P1, S] = nn_step (P, g, [], 'rmsprop');
%! assert (S.square_avg, 0.01 * g .^ 2, eps);
%! assert (P1, P - 0.01 * g ./ (sqrt (0.01 * g .^ 2) + 1e-8), 4 * eps);
%! ## maximize ascends
%! for m = {'sgd', 'adagrad', 'rmsprop', 'adam', 'adamw', 'rprop'}
%!   [Pa, Sa] = nn_step (P, g, [], m{1}, 'maximize', true);
%!   [Pb, Sb] = nn_step (P, -g, [], m{1});
%!   assert (Pa, Pb);
%! end

## empty parameters, logical options, option names in any case
%!test
%! [P, S] = nn_step (zeros (0, 3), zeros (0, 3), [], 'adam', 'amsgrad', true);
%! assert (size (P), [0 3]);
%! assert (size (S.max_exp_avg_sq), [0 3]);
%! [P, S] = nn_step (P, zeros (0, 3), S, 'adam', 'AmsGrad', 1);
%! assert (S.step, 2);
%! [P, S] = nn_step (single ([1 2]), single ([1 1]), [], 'RMSprop', 'Centered', true, 'MOMENTUM', 0.5);
%! assert (class (S.grad_avg), 'single');
%! assert (class (S.momentum_buffer), 'single');
%! ## a state with step 0 is taken as it is (no fresh initialisation)
%! S = struct ('method', 'rprop', 'step', 0, 'prev', [0 0], 'step_size', [0.5 0.5]);
%! [P, S] = nn_step ([1 1], [1 -1], S, 'rprop');
%! assert (P, [0.5 1.5]);
%! assert (S.step, 1);
%! ## lr 0 leaves P unchanged; eps 0 is allowed
%! [P, S] = nn_step ([1 2], [3 4], [], 'adam', 'lr', 0, 'eps', 0);
%! assert (P, [1 2]);

## ---- arguments ------------------------------------------------------------
%!error <Usage> nn_step ()
%!error id=nnlab:nn_step:nargin nn_step (1, 1, [])
%!error id=nnlab:nn_step:nargout [a, b, c] = nn_step (1, 1, [], 'sgd')
%!error id=nnlab:nn_step:class nn_step (int8 (1), int8 (1), [], 'sgd')
%!error id=nnlab:nn_step:class nn_step ({1}, 1, [], 'sgd')
%!error id=nnlab:nn_step:complex nn_step (1i, 1, [], 'sgd')
%!error id=nnlab:nn_step:sparse nn_step (sparse (1), 1, [], 'sgd')
%!error id=nnlab:nn_step:size nn_step (ones (2, 2, 2), ones (2, 2, 2), [], 'sgd')
%!error id=nnlab:nn_step:mixedClass nn_step (1, single (1), [], 'sgd')
%!error id=nnlab:nn_step:size nn_step (ones (2, 3), ones (3, 2), [], 'sgd')
%!error id=nnlab:nn_step:size nn_step (ones (2, 3), ones (2, 2), [], 'adam')
%!error id=nnlab:nn_step:name nn_step (1, 1, [], 'adadelta')
%!error id=nnlab:nn_step:name nn_step (1, 1, [], 3)
%!error id=nnlab:nn_step:option nn_step (1, 1, [], 'sgd', 'lr')
%!error id=nnlab:nn_step:option nn_step (1, 1, [], 'sgd', 1, 2)

## ---- options: each name belongs to its methods ----------------------------
%!error <has no option 'betas'> nn_step (1, 1, [], 'sgd', 'betas', [0.9 0.99])
%!error id=nnlab:nn_step:option nn_step (1, 1, [], 'sgd', 'eps', 1e-8)
%!error id=nnlab:nn_step:option nn_step (1, 1, [], 'sgd', 'alpha', 0.9)
%!error id=nnlab:nn_step:option nn_step (1, 1, [], 'adagrad', 'momentum', 0.9)
%!error id=nnlab:nn_step:option nn_step (1, 1, [], 'adagrad', 'betas', [0.9 0.99])
%!error id=nnlab:nn_step:option nn_step (1, 1, [], 'rmsprop', 'nesterov', true)
%!error id=nnlab:nn_step:option nn_step (1, 1, [], 'rmsprop', 'lr_decay', 0.1)
%!error id=nnlab:nn_step:option nn_step (1, 1, [], 'adam', 'momentum', 0.9)
%!error id=nnlab:nn_step:option nn_step (1, 1, [], 'adam', 'centered', true)
%!error id=nnlab:nn_step:option nn_step (1, 1, [], 'adamw', 'etas', [0.5 1.2])
%!error id=nnlab:nn_step:option nn_step (1, 1, [], 'rprop', 'weight_decay', 0.1)
%!error id=nnlab:nn_step:option nn_step (1, 1, [], 'rprop', 'eps', 1e-8)
%!error id=nnlab:nn_step:option nn_step (1, 1, [], 'rprop', 'amsgrad', true)
%!error id=nnlab:nn_step:option nn_step (1, 1, [], 'adam', 'learning_rate', 0.1)

## ---- options: bad values, for every option of every method ----------------
%!test
%! m = {'sgd', 'adagrad', 'rmsprop', 'adam', 'adamw', 'rprop'};
%! ## options every method has, with values each must refuse
%! bad = {-1, -1e-9, NaN, Inf, -Inf, [0.1 0.2], [], 'fast', {0.1}, 1i};
%! for i = 1:numel (m)
%!   for j = 1:numel (bad)
%!     fail = false;
%!     try
%!       nn_step (1, 1, [], m{i}, 'lr', bad{j});
%!     catch err
%!       fail = any (strcmp (err.identifier, {'nnlab:nn_step:optionValue'}));
%!     end
%!     assert (fail, sprintf ('%s lr #%d', m{i}, j));
%!   end
%! end
%!error <'maximize' takes true or false> nn_step (1, 1, [], 'sgd', 'maximize', 2)
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'adagrad', 'maximize', [1 1])
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'rprop', 'maximize', 'yes')
## sgd
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'sgd', 'momentum', -0.1)
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'sgd', 'momentum', NaN)
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'sgd', 'momentum', [0.9 0.9])
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'sgd', 'dampening', Inf)
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'sgd', 'dampening', 'x')
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'sgd', 'weight_decay', -1)
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'sgd', 'weight_decay', Inf)
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'sgd', 'nesterov', 0.5)
%!error <Nesterov momentum needs> nn_step (1, 1, [], 'sgd', 'nesterov', true)
%!error <Nesterov momentum needs> nn_step (1, 1, [], 'sgd', 'nesterov', true, 'momentum', 0.9, 'dampening', 0.1)
## adagrad
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'adagrad', 'lr_decay', -0.1)
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'adagrad', 'lr_decay', Inf)
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'adagrad', 'weight_decay', -0.1)
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'adagrad', 'initial_accumulator_value', -1)
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'adagrad', 'initial_accumulator_value', NaN)
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'adagrad', 'eps', -1e-10)
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'adagrad', 'eps', [])
## rmsprop
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'rmsprop', 'alpha', -0.1)
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'rmsprop', 'alpha', 1.5)
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'rmsprop', 'alpha', [0.9 0.99])
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'rmsprop', 'eps', -1)
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'rmsprop', 'weight_decay', -1)
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'rmsprop', 'momentum', -0.5)
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'rmsprop', 'centered', 2)
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'rmsprop', 'centered', 'no')
## adam, adamw
%!error <option 'betas' must be> nn_step (1, 1, [], 'adam', 'betas', [1 0.999])
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'adam', 'betas', [0.9 1])
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'adam', 'betas', [-0.1 0.9])
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'adam', 'betas', [0.9 NaN])
%!error <two finite real numbers> nn_step (1, 1, [], 'adam', 'betas', 0.9)
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'adam', 'betas', [0.9 0.99 0.999])
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'adamw', 'betas', [0.9 1.5])
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'adamw', 'betas', 'default')
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'adam', 'eps', -1e-8)
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'adamw', 'eps', NaN)
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'adam', 'weight_decay', -0.01)
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'adamw', 'weight_decay', -0.01)
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'adam', 'amsgrad', 0.5)
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'adamw', 'amsgrad', [])
## rprop
%!error <option 'etas' must be> nn_step (1, 1, [], 'rprop', 'etas', [0 1.2])
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'rprop', 'etas', [1 1.2])
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'rprop', 'etas', [0.5 1])
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'rprop', 'etas', [1.2 0.5])
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'rprop', 'etas', [0.5 Inf])
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'rprop', 'etas', 0.5)
%!error <option 'step_sizes' must be> nn_step (1, 1, [], 'rprop', 'step_sizes', [-1e-6 50])
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'rprop', 'step_sizes', [50 1e-6])
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'rprop', 'step_sizes', [1e-6 Inf])
%!error id=nnlab:nn_step:optionValue nn_step (1, 1, [], 'rprop', 'step_sizes', [1e-6 50 100])

## ---- the state is checked strictly ----------------------------------------
%!shared S, Sa, Ss
%! [~, S] = nn_step ([1 2; 3 4], ones (2), [], 'sgd', 'momentum', 0.9);
%! [~, Sa] = nn_step ([1 2; 3 4], ones (2), [], 'adam');
%! [~, Ss] = nn_step (single ([1 2; 3 4]), single (ones (2)), [], 'adam');
%!error <S must be \[\] at the first step> nn_step (ones (2), ones (2), 1, 'sgd')
%!error id=nnlab:nn_step:state nn_step (ones (2), ones (2), {S}, 'sgd', 'momentum', 0.9)
%!error id=nnlab:nn_step:state nn_step (ones (2), ones (2), [S S], 'sgd', 'momentum', 0.9)
%!error <state of optimizer 'sgd', not of 'adam'> nn_step (ones (2), ones (2), S, 'adam')
%!error id=nnlab:nn_step:state nn_step (ones (2), ones (2), Sa, 'adamw')
%!error id=nnlab:nn_step:state nn_step (ones (2), ones (2), rmfield (S, 'method'), 'sgd', 'momentum', 0.9)
%!error id=nnlab:nn_step:state nn_step (ones (2), ones (2), setfield (S, 'method', 1), 'sgd', 'momentum', 0.9)
%!error id=nnlab:nn_step:state nn_step (ones (2), ones (2), rmfield (S, 'step'), 'sgd', 'momentum', 0.9)
%!error id=nnlab:nn_step:state nn_step (ones (2), ones (2), setfield (S, 'step', -1), 'sgd', 'momentum', 0.9)
%!error id=nnlab:nn_step:state nn_step (ones (2), ones (2), setfield (S, 'step', 1.5), 'sgd', 'momentum', 0.9)
%!error id=nnlab:nn_step:state nn_step (ones (2), ones (2), setfield (S, 'step', NaN), 'sgd', 'momentum', 0.9)
%!error id=nnlab:nn_step:state nn_step (ones (2), ones (2), setfield (S, 'step', [1 2]), 'sgd', 'momentum', 0.9)
%!error id=nnlab:nn_step:state nn_step (ones (2), ones (2), setfield (S, 'step', single (1)), 'sgd', 'momentum', 0.9)
%!error id=nnlab:nn_step:state nn_step (ones (2), ones (2), setfield (S, 'step', '1'), 'sgd', 'momentum', 0.9)
## a buffer missing or extra: the options differ from those S was made with
%!error <has no field 'momentum_buffer'> nn_step (ones (2), ones (2), rmfield (S, 'momentum_buffer'), 'sgd', 'momentum', 0.9)
%!error <that 'sgd' with these options does not use> nn_step (ones (2), ones (2), S, 'sgd')
%!error id=nnlab:nn_step:state nn_step (ones (2), ones (2), Sa, 'adam', 'amsgrad', true)
%!error id=nnlab:nn_step:state nn_step (ones (2), ones (2), setfield (Sa, 'note', 1), 'adam')
## buffer size, class, complexity
%!error <S.exp_avg must be 2x2 double like P> nn_step (ones (2), ones (2), setfield (Sa, 'exp_avg', ones (2, 1)), 'adam')
%!error id=nnlab:nn_step:state nn_step (ones (3), ones (3), Sa, 'adam')
%!error id=nnlab:nn_step:state nn_step (ones (2), ones (2), setfield (Sa, 'exp_avg_sq', []), 'adam')
%!error id=nnlab:nn_step:state nn_step (ones (2), ones (2), setfield (Sa, 'exp_avg', ones (2, 2, 2)), 'adam')
%!error id=nnlab:nn_step:state nn_step (ones (2), ones (2), setfield (Sa, 'exp_avg', complex (ones (2))), 'adam')
%!error id=nnlab:nn_step:state nn_step (ones (2), ones (2), setfield (Sa, 'exp_avg', sparse (ones (2))), 'adam')
%!error id=nnlab:nn_step:state nn_step (ones (2), ones (2), setfield (Sa, 'exp_avg', int8 (ones (2))), 'adam')
%!error <S.exp_avg must be 2x2 double like P, but it is 2x2 single> nn_step (ones (2), ones (2), Ss, 'adam')
%!error id=nnlab:nn_step:state nn_step (single (ones (2)), single (ones (2)), Sa, 'adam')
%!error id=nnlab:nn_step:state nn_step (single (ones (2)), single (ones (2)), setfield (Ss, 'exp_avg_sq', ones (2)), 'adam')
## a valid state passes, and the inputs are not modified
%!test
%! S0 = Sa;
%! P = [1 2; 3 4];
%! [P1, S1] = nn_step (P, ones (2), Sa, 'adam');
%! assert (isequal (Sa, S0) && isequal (P, [1 2; 3 4]));
%! assert (S1.step, 2);
%! [P1, S1] = nn_step (single (P), single (ones (2)), Ss, 'adam');
%! assert (class (S1.exp_avg), 'single');
