%% Fuzz test of the MEX kernels nn_dense, nn_act, nn_loss, nn_step, nn_fit,
%% nn_dropout, nn_conv2d, nn_pool and nn_batchnorm: thousands of generated argument lists (valid calls, then
%% mutated: wrong counts of inputs and outputs, every class, empty, scalar,
%% N-d, mismatched and overflowing sizes, NaN and Inf, unknown names and
%% options, inconsistent optimizer states).  Octave must survive every call,
%% and every refusal must be an error whose identifier starts with nnlab:.
%% Fixed seed and a fixed budget of calls per kernel; the count of calls is
%% printed into the test log.

%!function x = fz_pick (c)
%!  % one element of cell c
%!  x = c{randi(numel(c))};
%!endfunction

%!function d = fz_dims ()
%!  % a size: empty, scalar, small, N-d, or empty with a huge dimension
%!  %  (a huge dimension times any nonzero one needs terabytes: refused)
%!  H = fz_pick ({2^40, 2^53, 2^62});
%!  switch randi (10)
%!    case 1, d = [0, 0];
%!    case 2, d = [1, 1];
%!    case 3, d = [randi([0 1]) * H, 0];
%!    case 4, d = [0, H];
%!    case 5, d = [randi([1 3]), randi([1 3]), randi([1 3])];
%!    case 6, d = [2^40, 0, randi([0 2])];
%!    otherwise, d = [randi([0 5]), randi([0 5])];
%!  end
%!endfunction

%!function x = fz_fill (d, cls)
%!  % an array of size d and class cls with ordinary and special values
%!  if (prod (d) == 0)
%!    if (strcmp (cls, 'logical'))
%!      x = false (d);
%!    elseif (strcmp (cls, 'char'))
%!      x = char (zeros (d));
%!    else
%!      x = zeros (d, cls);
%!    end
%!    return
%!  end
%!  v = randn (d);
%!  special = [NaN, Inf, -Inf, 0, 1, -1, 0.5, 2, 1e308, -1e-310, 3];
%!  m = rand (d) < 0.2;
%!  v(m) = special(randi (numel (special), nnz (m), 1));
%!  switch cls
%!    case 'logical', x = v > 0;
%!    case 'char', v(! isfinite (v) | abs (v) > 1e6) = 0;
%!      x = char (65 + mod (round (abs (v(:)) * 10), 26));
%!      x = reshape (x, d);
%!    otherwise, x = cast (v, cls);
%!  end
%!endfunction

%!function v = fz_value ()
%!  % any value of any class
%!  classes = {'double', 'single', 'logical', 'char', 'int8', 'uint8', ...
%!             'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64'};
%!  switch randi (16)
%!    case {1, 2, 3, 4}, v = fz_fill (fz_dims (), fz_pick ({'double', 'single'}));
%!    case {5, 6}, v = fz_fill (fz_dims (), fz_pick (classes));
%!    case 7, v = complex (fz_fill ([randi([0 3]), randi([0 3])], 'double'), 1);
%!    case 8, v = complex (single (randn (2)), single (1));
%!    case 9, v = sparse (fz_fill ([randi([0 3]), randi([0 3])], 'double'));
%!    case 10, v = sparse (rand (3) > 0.5);
%!    case 11, v = fz_pick ({{}, {1, 'a'}, cell(2, 3), {zeros(2)}});
%!    case 12, v = fz_pick ({struct(), struct('a', {1, 2}), struct('method', 'adam', 'step', 1), ...
%!                           struct([]), struct('x', {})});
%!    case 13, v = fz_pick ({@sin, @(x) x, @nn_act});
%!    case 14, v = fz_pick ({'', 'relu', 'mse', 'adam', 'seed', 'reduction', 'none', ...
%!                           'RELU', 'Adam', 'bogus', ['ab'; 'cd'], repmat('x', 1, 300), 'alpha'});
%!    case 15, v = fz_pick ({NaN, Inf, -Inf, 0, -1, 0.5, 1, 2, 1e300, -0, realmin, ...
%!                           single(NaN), int8(-3), uint64(18446744073709551615), true, ...
%!                           2^53, 2^53 - 1, -2^63, zeros(1, 65), [0.9 0.999], [1 2 3]});
%!    otherwise, v = fz_fill ([1, 1], fz_pick (classes));
%!  end
%!endfunction

%!function v = fz_optvalue ()
%!  % an option value: mostly plausible numbers, sometimes anything
%!  if (rand < 0.6)
%!    v = fz_pick ({0, 1, 0.1, 0.5, -1, 1e-3, NaN, Inf, -Inf, [0.9 0.999], [0.5 1.2], ...
%!                  [1e-6 50], [1 0], true, false, single(0.2), int32(2), 'mean', 'sum', ...
%!                  'none', 'max', '', 42, 2^53, 1.5, ones(3, 1), [1 2], zeros(1, 0)});
%!  else
%!    v = fz_value ();
%!  end
%!endfunction

%!function c = fz_class ()
%!  c = fz_pick ({'double', 'single'});
%!endfunction

%!function args = fz_options (args, names, count)
%!  % append up to count name/value pairs drawn from names
%!  for i = 1:randi ([0 count])
%!    args = [args, {fz_pick(names), fz_optvalue()}];
%!  end
%!endfunction

%!function args = fz_valid (fn, states)
%!  % a valid-looking argument list for kernel fn
%!  c = fz_class ();
%!  n = randi ([0 5]);
%!  k = randi ([0 5]);
%!  switch fn
%!    case 'nn_dense'
%!      out = randi ([0 4]);
%!      X = fz_fill ([n, k], c);
%!      W = fz_fill ([out, k], c);
%!      b = fz_pick ({[], fz_fill([out, 1], c), fz_fill([1, out], c)});
%!      switch randi (3)
%!        case 1, args = {X, W};
%!        case 2, args = {X, W, b};
%!        otherwise, args = {X, W, b, fz_fill([n, out], c)};
%!      end
%!    case 'nn_conv2d'
%!      g = fz_pick ({1, 1, 1, 2, 3});
%!      Cg = randi ([0 2]);  Co = g * randi ([0 2]);
%!      X = fz_fill ([randi([0 6]), randi([0 6]), g * Cg, randi([0 3])], c);
%!      W = fz_fill ([randi([0 4]), randi([0 4]), Cg, Co], c);
%!      args = {X, W, fz_pick({[], fz_fill([Co, 1], c), fz_fill([1, Co], c)})};
%!      for i = 1:randi ([0 3])
%!        args = [args, {fz_pick({'Stride', 'Padding', 'Dilation', 'Groups', 'padding', ...
%!                                'STRIDE', 'bogus'}), ...
%!                       fz_pick({1, 2, [1 2], [0 1 2 1], 'same', 'valid', 0, -1, 1.5, ...
%!                                NaN, 2^31, [1 2 3], fz_optvalue()})}];
%!      end
%!      if (g > 1 && rand < 0.7)
%!        args = [args, {'Groups', g}];
%!      end
%!      if (rand < 0.5)
%!        try
%!          Y = nn_conv2d (args{:});
%!          dY = fz_fill (size (Y), c);
%!        catch
%!          dY = fz_fill ([randi([0 4]), randi([0 4]), Co, randi([0 3])], c);
%!        end
%!        args = [args(1:3), {dY}, args(4:end)];
%!      end
%!    case 'nn_pool'
%!      X = fz_fill ([randi([0 6]), randi([0 6]), randi([0 3]), randi([0 3])], c);
%!      args = {X, fz_pick({'max', 'avg', 'AVG', 'min', '', 3}), ...
%!              fz_pick({2, [2 3], 1, 'global', 'GLOBAL', [0 1], 1.5, [], [1 2 3], 'x', 7})};
%!      for i = 1:randi ([0 3])
%!        args = [args, {fz_pick({'Stride', 'Padding', 'CountIncludePad', 'stride', 'bogus'}), ...
%!                       fz_pick({1, 2, [1 2], 0, -1, 1.5, NaN, true, false, 2^31, ...
%!                                'same', fz_optvalue()})}];
%!      end
%!      if (rand < 0.5)
%!        try
%!          dY = fz_fill (size (nn_pool (args{:})), c);
%!        catch
%!          dY = fz_fill ([randi([0 4]), randi([0 4]), size(X, 3), size(X, 4)], c);
%!        end
%!        args = [args(1:3), {dY}, args(4:end)];
%!      end
%!    case 'nn_batchnorm'
%!      if (rand < 0.5)
%!        d = [randi([0 4]), randi([0 4]), randi([0 3]), randi([0 3])];  C = d(3);
%!      else
%!        d = [randi([0 6]), randi([0 4])];  C = d(2);
%!      end
%!      X = fz_fill (d, c);
%!      S = fz_pick ({[], struct('mean', zeros(C, 1, c), 'var', ones(C, 1, c), 'count', 3), ...
%!                    struct('mean', fz_fill([C, 1], c), 'var', fz_fill([1, C], c), ...
%!                           'count', fz_pick({0, -1, 1.5, NaN, single(1)}))});
%!      if (isstruct (S) && rand < 0.3)
%!        S = fz_mutate_state (S);
%!      end
%!      args = {X, fz_pick({[], fz_fill([C, 1], c), fz_fill([1, C], c)}), ...
%!              fz_pick({[], fz_fill([C, 1], c)}), S};
%!      if (rand < 0.5)
%!        args{end + 1} = fz_fill (size (X), c);
%!      end
%!      for i = 1:randi ([0 3])
%!        args = [args, {fz_pick({'Training', 'Momentum', 'Eps', 'Layout', 'training', ...
%!                                'EPS', 'bogus'}), ...
%!                       fz_pick({true, false, 0, 1, 0.1, 1e-5, -1, 2, NaN, Inf, 'rows', ...
%!                                'images', 'x', fz_optvalue()})}];
%!      end
%!    case 'nn_act'
%!      name = fz_pick ({'threshold', 'linear', 'sigmoid', 'tanh', 'relu', 'leaky_relu', ...
%!                       'elu', 'softplus', 'gelu', 'silu', 'softmax', 'log_softmax', ...
%!                       'Softmax', 'swish', ''});
%!      X = fz_fill ([n, k], c);
%!      dY = fz_pick ({[], fz_fill([n, k], c)});
%!      args = {X, name};
%!      if (rand < 0.7)
%!        args = fz_options ([args, {dY}], {'alpha', 'negative_slope', 'beta', ...
%!                            'threshold', 'ALPHA', 'bogus', 'reduction'}, 3);
%!      end
%!    case 'nn_loss'
%!      name = fz_pick ({'mse', 'bce', 'mae', 'huber', 'bce_logits', 'hinge', 'ce', 'nll', ...
%!                       'margin_ranking', 'pairwise_logistic', 'MSE', 'l1', ''});
%!      if (any (strcmp (name, {'margin_ranking', 'pairwise_logistic'})))
%!        k = 2;
%!      end
%!      Z = fz_fill ([n, k], c);
%!      switch name
%!        case {'ce', 'nll'}
%!          if (rand < 0.5 && k > 0)
%!            T = cast (randi (k, n, 1), c);
%!          else
%!            T = cast (rand (n, k), c);
%!          end
%!        case {'margin_ranking', 'pairwise_logistic'}
%!          T = cast (sign (randn (n, 1)), c);
%!        case {'bce', 'bce_logits'}
%!          Z = cast (rand (n, k), c);
%!          T = cast (rand (n, k) > 0.5, c);
%!        case 'hinge'
%!          T = cast (2 * (rand (n, k) > 0.5) - 1, c);
%!        otherwise
%!          T = fz_fill ([n, k], c);
%!      end
%!      if (rand < 0.2)
%!        T = fz_fill ([n, k], c);
%!      end
%!      args = {Z, T, name};
%!      for i = 1:randi ([0 3])
%!        switch randi (8)
%!          case 1, args = [args, {'weights', fz_pick({rand(n, 1), rand(1, n), ones(n, 1), ...
%!                                  -ones(n, 1), NaN(n, 1), rand(n + 1, 1), single(rand(n, 1))})}];
%!          case 2, args = [args, {'pos_weight', fz_pick({1, rand(1, k), rand(k, 1), ...
%!                                  -1, rand(1, k + 1), [], 'a'})}];
%!          case 3, args = [args, {'reduction', fz_pick({'mean', 'sum', 'none', 'MEAN', ...
%!                                  'max', 1, {}})}];
%!          otherwise
%!            args = fz_options (args, {'delta', 'margin', 'label_smoothing', 'bogus', ...
%!                                      'weights', 'pos_weight', 'reduction'}, 1);
%!        end
%!      end
%!    case 'nn_step'
%!      if (rand < 0.5 && ! isempty (states))
%!        % the state of an earlier call, used with other options or sizes
%!        s = states{randi(numel(states))};
%!        P = s.P;  S = s.S;  method = s.method;
%!        if (rand < 0.5)
%!          S = fz_mutate_state (S);
%!        end
%!        if (rand < 0.2)
%!          P = fz_fill (size (P) + [0, randi([0 1])], fz_class ());
%!        end
%!      else
%!        P = fz_fill ([n, k], c);
%!        S = [];
%!        method = fz_pick ({'sgd', 'adagrad', 'rmsprop', 'adam', 'adamw', 'rprop', ...
%!                           'SGD', 'lbfgs', ''});
%!      end
%!      G = fz_fill (size (P), class (P));
%!      args = fz_options ({P, G, S, method}, {'lr', 'momentum', 'dampening', 'nesterov', ...
%!                          'weight_decay', 'maximize', 'lr_decay', ...
%!                          'initial_accumulator_value', 'eps', 'alpha', 'centered', ...
%!                          'betas', 'amsgrad', 'etas', 'step_sizes', 'bogus'}, 3);
%!    case 'nn_fit'
%!      % a small valid training call of the engine behind nn_train
%!      in = randi (4);  N = randi ([1 12]);  K = randi (3);
%!      net = nn_mlp ([in, randi(4), K], 'Hidden', fz_pick ({'relu', 'tanh', 'sigmoid'}), ...
%!                    'Seed', randi (100), 'Class', fz_pick ({'double', 'single'}));
%!      Xt = fz_fill ([N, in], net.class);
%!      loss = fz_pick ({'mse', 'ce', 'bce_logits', 'huber', 'bogus'});
%!      if (strcmp (loss, 'ce'))
%!        T = cast (randi (K, N, 1), net.class);
%!      else
%!        T = fz_fill ([N, K], net.class);
%!      end
%!      L = numel (net.layers);
%!      method = fz_pick ({'sgd', 'adam', 'rmsprop', 'nosuch'});
%!      optopts = fz_pick ({{}, {'lr', 0.1}, {'lr', -1}, {'bogus', 1}, {'momentum'}});
%!      l2 = fz_pick ({0, 0.1, -1, NaN, 'a'});
%!      B = randi (N + 1);
%!      args = {Xt, T, randperm(N) - 1, B, net.layers, cell(1, L), cell(1, L), ...
%!              loss, {}, method, optopts, l2};
%!      % the optional METRIC and LAYOUT (with X transposed for 'columns');
%!      % or the calls with a name first: the working copy, the fast lane
%!      switch randi (7)
%!        case 7
%!          % a small CNN (X one image a column, its IMAGE size), its layers
%!          % and IMAGE now and then damaged
%!          cn = nn_sequential ([4 3 2], nn_layer ('conv2d', randi (3), fz_pick ({1, 2, [2 1]}), ...
%!                              'Padding', randi (2) - 1), 'relu', nn_layer (fz_pick ({'maxpool', 'avgpool'}), 2), ...
%!                              nn_layer ('flatten'), nn_layer ('dense', K), 'Class', net.class);
%!          D = cn.layers;
%!          if (randi (2) == 1)
%!            f = fz_pick ({'type', 'units', 'window', 'opts', 'W', 'b', 'act'});
%!            D(randi (numel (D))).(f) = fz_pick ({[], 'conv2d', 'flatten', 'global', 0, -1, [1 2 3], ...
%!                                                 {'Stride', 0}, {'Bogus', 1}, {'Padding'}, ...
%!                                                 rand(2, 2, 3, 3), single(1), NaN, 'max'});
%!          end
%!          args = {fz_fill([24, N], net.class), T, randperm(N) - 1, B, D, cell(1, 5), cell(1, 5), ...
%!                  loss, {}, method, optopts, l2, fz_pick({'none', 'argmax'}), ...
%!                  fz_pick({'columns', 'columns', 'rows'}), ...
%!                  fz_pick({[4 3 2], [4 3 2], [2 3 4], [], [4 3], 'abc', [4 3 -2], [1e10 1 1], NaN(1, 3)})};
%!        case 5
%!          args = fz_pick ({{'release'}, {'copy'}, {'lane'}, {'bogus'}, {'copy', 1}});
%!        case 6
%!          lane = {'Loss', fz_pick({'ce', 'MSE', 3, '', 'margin_ranking'}), 'Verbose', ...
%!                  fz_pick({false, 0, true, [0 0], 'no'}), 'Epochs', fz_pick({1, 2, 0, 1.5, NaN}), ...
%!                  fz_pick({'BatchSize', 'Seed', 'Shuffle', 'L2', 'LowMemory', ...
%!                           'ObservationsIn', 'Engine', 'Bogus', 7}), ...
%!                  fz_pick({1, [], 'rows', 'columns', 'c', -1, true, {}})};
%!          dflt = fz_pick ({{'', 'adam', [], 128, 10, [], true, 0, false, 'rows'}, {}, 1, ...
%!                           {'', 'adam', [], 128, 10, [], true, 0, false}});
%!          args = {'lane', fz_pick({net, struct('format', 1), 1, net.layers}), Xt, T, ...
%!                  fz_pick({lane, lane(1:end - 1), {}, 'x'}), dflt};
%!          if (randi (3) == 1)
%!            args(end) = [];
%!          end
%!        case 2
%!          args{end + 1} = fz_pick ({'none', 'argmax', 'prob', 'logit', 'bogus', 3, ''});
%!        case 3
%!          lay = fz_pick ({'rows', 'columns', 'columns', 'bogus', 1});
%!          if (strcmp (lay, 'columns') && randi (2) == 1)
%!            args{1} = Xt.';
%!          end
%!          args(end + 1:end + 2) = {fz_pick({'none', 'argmax', 'logit'}), lay};
%!        case 4
%!          args(end + 1:end + 2) = {'argmax', fz_pick({'copy', 'copy-kept', 'copy-again'})};
%!      end
%!      if (randi (8) == 1)
%!        args(end + 1:end + 3) = {'argmax', 'rows', 1};
%!      end
%!    case 'nn_dropout'
%!      X = fz_fill ([n, k], c);
%!      p = fz_pick ({0, 0.5, 1, rand, 0.25, -0.1, NaN, 2, single(0.5), Inf});
%!      switch randi (4)
%!        case 1, args = {X, p};
%!        case 2, args = {X, p, 'seed', fz_pick({0, 1, 42, 2^53 - 1, 2^53, -1, 1.5, NaN, ...
%!                                               'a', [1 2], uint8(7), true})};
%!        otherwise
%!          if (isnumeric (p) && isscalar (p) && p >= 0 && p <= 1)
%!            [~, M] = nn_dropout (X, double (p), 'seed', randi (100));
%!          else
%!            M = fz_fill ([n, k], c);
%!          end
%!          if (rand < 0.2)
%!            M(rand (size (M)) < 0.3) = fz_pick ({0.5, 3, NaN, -1});
%!          end
%!          args = {X, p, fz_fill([n, k], c), M};
%!      end
%!  end
%!endfunction

%!function S = fz_mutate_state (S)
%!  % a valid-looking but inconsistent optimizer state
%!  f = fieldnames (S);
%!  switch randi (12)
%!    case 1, S = rmfield (S, fz_pick (f));
%!    case 2, S.extra = 1;
%!    case 3, S.method = fz_pick ({'sgd', 'adam', 'rprop', 'x', 3, '', ['ab'; 'cd']});
%!    case 4, S.step = fz_pick ({-1, NaN, Inf, 1.5, 'a', int32(3), [1 2], 1e300, 0, ...
%!                               single(2), complex(1, 1), sparse(1), true});
%!    case 5
%!      b = fz_pick (f);
%!      S.(b) = fz_value ();
%!    case 6
%!      b = fz_pick (f);
%!      S.(b) = single (S.(b));
%!    case 7
%!      b = fz_pick (f);
%!      S.(b) = S.(b).';
%!    case 8, S = [S, S];
%!    case 9, S = {S};
%!    case 10, S = struct ();
%!    case 11
%!      b = fz_pick (f);
%!      S.(b) = complex (double (S.(b)), 1);
%!    otherwise
%!      b = fz_pick (f);
%!      S.(b) = [S.(b); S.(b)];
%!  end
%!endfunction

%!function args = fz_mutate (args)
%!  % 1 to 3 random changes to an argument list
%!  for m = 1:randi (3)
%!    n = numel (args);
%!    switch randi (8)
%!      case 1
%!        if (n > 0)
%!          args{randi(n)} = fz_value ();
%!        end
%!      case 2
%!        if (n > 0)
%!          args(randi (n)) = [];
%!        end
%!      case 3, args = [args, {fz_value()}];
%!      case 4, args = [args, repmat({1}, 1, randi([1 70]))];
%!      case 5
%!        if (n > 1)
%!          i = randperm (n, 2);
%!          args([i(1), i(2)]) = args([i(2), i(1)]);
%!        end
%!      case 6
%!        if (n > 0)
%!          i = randi (n);
%!          if (isa (args{i}, 'double') && ! issparse (args{i}))
%!            args{i} = single (args{i});
%!          elseif (isa (args{i}, 'single'))
%!            args{i} = double (args{i});
%!          end
%!        end
%!      case 7
%!        if (n > 0)
%!          i = randi (n);
%!          if (isnumeric (args{i}) && ismatrix (args{i}))
%!            args{i} = args{i}.';
%!          end
%!        end
%!      otherwise
%!        if (n > 0)
%!          i = randi (n);
%!          if (isnumeric (args{i}) && ! issparse (args{i}) && max (size (args{i})) < 2^31)
%!            args{i} = repmat (args{i}, [1, 1, 2]);
%!          end
%!        end
%!    end
%!  end
%!endfunction

%!function s = fz_desc (args, k)
%!  % "k = 2: 3x4 double, 'relu', ..." for a failure report
%!  s = sprintf ('nargout %d:', k);
%!  for i = 1:numel (args)
%!    a = args{i};
%!    if (ischar (a) && rows (a) == 1 && numel (a) < 40)
%!      s = [s, sprintf(' ''%s''', a)];
%!    else
%!      d = sprintf ('%dx', size (a));
%!      t = class (a);
%!      if (issparse (a)), t = ['sparse ', t]; end
%!      if (isnumeric (a) && ! isreal (a)), t = ['complex ', t]; end
%!      s = [s, sprintf(' %s %s', d(1:end-1), t)];
%!    end
%!    if (i < numel (args)), s = [s, ',']; end
%!  end
%!endfunction

%!test
%! rand ('state', 20261126);
%! randn ('state', 20261126);
%! kernels = {'nn_dense', 'nn_act', 'nn_loss', 'nn_step', 'nn_dropout', 'nn_fit', 'nn_conv2d', 'nn_pool', 'nn_batchnorm'};
%! maxout = [3, 1, 2, 2, 2, 6, 3, 1, 3];    % most outputs each kernel returns
%! budget = 3000;                  % calls per kernel
%! bad = {};
%! total = 0;  okcalls = 0;
%! states = {};
%! for f = 1:numel (kernels)
%!   fn = kernels{f};
%!   fh = str2func (fn);
%!   for c = 1:budget
%!     args = fz_valid (fn, states);
%!     if (rand < 0.55)
%!       args = fz_mutate (args);
%!     end
%!     % outputs: mostly as many as the kernel may return, else 0 to 5
%!     if (rand < 0.8)
%!       k = randi ([0, maxout(f)]);
%!     else
%!       k = randi ([0, 5]);
%!     end
%!     o = cell (1, k);
%!     total++;
%!     try
%!       if (k == 0)
%!         fh (args{:});
%!       else
%!         [o{1:k}] = fh (args{:});
%!       end
%!       okcalls++;
%!       if (strcmp (fn, 'nn_step') && k >= 2 && numel (states) < 50)
%!         states{end+1} = struct ('P', o{1}, 'S', o{2}, 'method', args{4});
%!       end
%!     catch err
%!       if (! strncmp (err.identifier, 'nnlab:', 6))
%!         bad{end+1} = sprintf ('%s(%s): [%s] %s', fn, fz_desc (args, k), ...
%!                               err.identifier, err.message);
%!       end
%!     end
%!   end
%! end
%! % the dedicated corner cases, once each
%! corner = {
%!   {@nn_dense, {zeros(2^31, 0), zeros(2^31, 0)}, 1}
%!   {@nn_dense, {zeros(2^62, 0), zeros(2^62, 0)}, 1}
%!   {@nn_dense, {zeros(1e5, 1), zeros(1e6, 1)}, 1}
%!   {@nn_dense, {zeros(2, 3), zeros(4, 3), zeros(4, 1), zeros(2, 4)}, 5}
%!   {@nn_act, {zeros(2^62, 0), 'softmax', zeros(2^62, 0)}, 1}
%!   {@nn_loss, {zeros(2^62, 0), zeros(2^62, 0), 'mse', 'reduction', 'none'}, 2}
%!   {@nn_step, {zeros(0, 2^62), zeros(0, 2^62), [], 'rmsprop', 'centered', 1, 'momentum', 0.9}, 2}
%!   {@nn_dropout, {zeros(2^62, 0), 0.5, zeros(2^62, 0), zeros(2^62, 0)}, 1}
%!   {@nn_conv2d, {1, 1, [], 'Padding', 2^31 - 1}, 1}
%!   {@nn_conv2d, {1, zeros(1, 1, 1, 1e4), [], 'Padding', 1e5}, 1}
%!   {@nn_conv2d, {zeros(2^62, 0), 1}, 1}
%!   {@nn_conv2d, {zeros(2^40, 1, 1, 0), zeros(1, 1, 1, 2), [], zeros(2^40, 1, 2, 0)}, 3}
%!   {@nn_conv2d, {zeros(3, 3, 0, 2^40), zeros(3, 3, 0, 2), [1; 2], 'Padding', 1}, 1}
%!   {@nn_conv2d, {zeros(1, 1, 2^40, 0), zeros(1, 1, 2^40, 0)}, 1}
%!   {@nn_pool, {zeros(2^40, 1, 1, 0), 'max', 1}, 1}
%!   {@nn_pool, {zeros(2^62, 0), 'avg', 'global'}, 1}
%!   {@nn_pool, {zeros(1, 1, 2^40, 0), 'avg', [2^31-1 1], 'Padding', [2^30-1 0]}, 1}
%!   {@nn_batchnorm, {zeros(2^40, 1, 1, 0), [], [], []}, 2}
%!   {@nn_batchnorm, {zeros(0, 2^40), [], [], []}, 2}
%!   {@nn_batchnorm, {zeros(2^62, 0), [], [], [], zeros(2^62, 0), 'Training', false}, 3}
%! };
%! for i = 1:numel (corner)
%!   [fh, args, k] = corner{i}{:};
%!   o = cell (1, k);
%!   total++;
%!   try
%!     [o{1:k}] = fh (args{:});
%!     okcalls++;
%!   catch err
%!     if (! strncmp (err.identifier, 'nnlab:', 6))
%!       bad{end+1} = sprintf ('%s(%s): [%s] %s', func2str (fh), fz_desc (args, k), ...
%!                             err.identifier, err.message);
%!     end
%!   end
%! end
%! fprintf ('fuzz: %d calls (%d succeeded, %d refused with nnlab: errors, %d other errors)\n', ...
%!          total, okcalls, total - okcalls - numel (bad), numel (bad));
%! for i = 1:min (numel (bad), 30)
%!   fprintf ('  %s\n', bad{i});
%! end
%! assert (numel (bad), 0);
