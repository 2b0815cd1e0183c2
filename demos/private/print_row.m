function print_row(cells, widths)
% PRINT_ROW  Print one table row: CELLS{c} wrapped at spaces to WIDTHS(c)
%   (a word longer than its column is split), the columns joined by ' | '.
lines = cell(1, numel(cells));
n = 1;
for c = 1:numel(cells)
  lines{c} = wrap(cells{c}, widths(c));
  n = max(n, numel(lines{c}));
end
for k = 1:n
  parts = cell(1, numel(cells));
  for c = 1:numel(cells)
    if k <= numel(lines{c})
      t = lines{c}{k};
    else
      t = '';
    end
    parts{c} = [t repmat(' ', 1, widths(c) - numel(t))];
  end
  fprintf('%s\n', deblank(strjoin(parts, ' | ')));
end
end

function lines = wrap(text, width)
% Greedy line breaking at spaces; words longer than WIDTH are split.
words = strsplit(strtrim(text), ' ');
lines = {};
cur = '';
for i = 1:numel(words)
  w = words{i};
  while numel(w) > width
    if ~isempty(cur)
      lines{end + 1} = cur; %#ok<AGROW>
      cur = '';
    end
    lines{end + 1} = w(1:width); %#ok<AGROW>
    w = w(width + 1:end);
  end
  if isempty(w)
    continue;
  end
  if isempty(cur)
    cur = w;
  elseif numel(cur) + 1 + numel(w) <= width
    cur = [cur ' ' w]; %#ok<AGROW>
  else
    lines{end + 1} = cur; %#ok<AGROW>
    cur = w;
  end
end
if ~isempty(cur) || isempty(lines)
  lines{end + 1} = cur;
end
end
