function g = grade_init_check(g, d, res, idx, label)
% GRADE_INIT_CHECK  Grade randInitializeWeights(L_in, L_out) for nn_grade.
%   The course draws W = rand(L_out, 1 + L_in) * 2 * epsilon - epsilon with
%   epsilon = 0.12, or sqrt(6) / sqrt(L_in + L_out): the result must be
%   L_out x (1 + L_in), finite, not constant (symmetry breaking), within
%   +-max(0.12, sqrt(6 / (L_in + L_out))), with both signs, and not tiny
%   (some entry beyond a tenth of the smaller epsilon).  G as grade_check.
  for c = 1:rows(d.init)
    Lin = d.init(c, 1);
    Lout = d.init(c, 2);
    call = sprintf('%s(%d, %d)', label, Lin, Lout);
    r = res{idx(c)};
    if ~strcmp(r.status, 'ok')
      g.mistake = r.status;
      where = '';
      if ~isempty(r.where)
        where = sprintf(' (in %s)', r.where);
      end
      if strcmp(r.status, 'error')
        g.hint = sprintf('error%s: %s, for %s.', where, r.msg, call);
      else
        g.hint = sprintf('%s: %s', call, r.msg);
      end
      return
    end
    W = r.out{1};
    if ~(isnumeric(W) || islogical(W)) || ~isreal(W) || ndims(W) ~= 2
      g.mistake = 'class';
      g.hint = sprintf('%s returns a %s, not a real matrix.', call, class(W));
      return
    end
    W = double(W);
    eps_lo = min(0.12, sqrt(6 / (Lin + Lout)));
    eps_hi = max(0.12, sqrt(6 / (Lin + Lout)));
    if ~isequal(size(W), [Lout, 1 + Lin])
      if isequal(size(W), [1 + Lin, Lout])
        g.mistake = 'init_transposed';
        why = 'transposed: the matrix maps L_in inputs (and the bias) to L_out units, rand(L_out, 1 + L_in).';
      elseif isequal(size(W), [Lout, Lin])
        g.mistake = 'init_no_bias';
        why = 'the bias column is missing: rand(L_out, 1 + L_in).';
      else
        g.mistake = 'init_size';
        why = 'it must be L_out x (1 + L_in), rand(L_out, 1 + L_in).';
      end
      g.hint = sprintf('%s is %dx%d, not %dx%d: %s', call, rows(W), columns(W), Lout, 1 + Lin, why);
      return
    end
    a = max(abs(W(:)));
    if ~all(isfinite(W(:)))
      g.mistake = 'nonfinite';
      g.hint = sprintf('%s has NaN or Inf entries.', call);
    elseif all(W(:) == W(1))
      g.mistake = 'init_constant';
      g.hint = sprintf(['%s: all entries are %g; equal weights keep every hidden unit the same (the ' ...
                        'symmetry is not broken): draw them at random in [-epsilon, epsilon].'], call, W(1));
    elseif a > eps_hi * (1 + 1e-9)
      g.mistake = 'init_range';
      g.hint = sprintf(['%s has entries up to %.3g, outside [-epsilon, epsilon] with epsilon = %.3g: ' ...
                        'W = rand(L_out, 1 + L_in) * 2 * epsilon - epsilon, epsilon = 0.12.'], call, a, eps_hi);
    elseif all(W(:) >= 0) || all(W(:) <= 0)
      g.mistake = 'init_positive';
      g.hint = sprintf(['%s: all entries have the same sign; centre them on 0, ' ...
                        'W = rand(L_out, 1 + L_in) * 2 * epsilon - epsilon.'], call);
    elseif a < 0.1 * eps_lo
      g.mistake = 'init_tiny';
      g.hint = sprintf(['%s: the entries are at most %.3g, too small to train (the signals vanish); ' ...
                        'use epsilon = 0.12.'], call, a);
    else
      continue
    end
    return
  end
  g.pass = true;
end
