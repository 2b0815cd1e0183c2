function txt = grade_table(report)
% GRADE_TABLE  nn_grade's score table as text: part, points, pass/fail, hint.
%   Long hints wrap at 100 columns under the hint column.
  P = report.parts;
  w = max([cellfun(@numel, {P.title}), 5]);
  pts = arrayfun(@(p) sprintf('%g/%g', p.points, p.max), P, 'UniformOutput', false);
  wp = max([cellfun(@numel, pts), 6, numel(sprintf('%g/%g', report.total, report.max))]);
  head = sprintf('  %-*s  %*s  %-4s  ', w, 'part', wp, 'points', 'test');
  ind = numel(head);
  txt = sprintf('nn_grade: %s (seed %d, %d networks)\n', report.source, report.seed, report.networks);
  txt = [txt head 'hint' char(10)];
  for i = 1:numel(P)
    if P(i).pass
      ok = 'pass';
    else
      ok = 'FAIL';
    end
    row = sprintf('  %-*s  %*s  %-4s  ', w, P(i).title, wp, pts{i}, ok);
    txt = [txt deblank([row wrap(P(i).hint, ind, 100)]) char(10)];
  end
  txt = [txt sprintf('  %-*s  %*s\n', w, 'total', wp, sprintf('%g/%g', report.total, report.max))];
end

function s = wrap(h, ind, width)
  % words of H in lines of at most WIDTH - IND characters, indented by IND
  if isempty(h)
    s = '';
    return
  end
  words = strsplit(h, ' ');
  lines = {};
  cur = '';
  for i = 1:numel(words)
    if isempty(cur)
      cur = words{i};
    elseif numel(cur) + 1 + numel(words{i}) > max(width - ind, 30)
      lines{end + 1} = cur;
      cur = words{i};
    else
      cur = [cur ' ' words{i}];
    end
  end
  lines{end + 1} = cur;
  s = strjoin(lines, [char(10) blanks(ind)]);
end
