% -*- texinfo -*-
% @deftypefn  {} {} nn_summary (@var{net})
% @deftypefnx {} {@var{s} =} nn_summary (@var{net})
% Print a table of the network @var{net}, one row per layer: the layers it
% spans in @code{net.layers}, its type, its output size, its activation,
% its parameters (count and shapes); then the total number of parameters
% and the class, as PyTorch's print of a module or Keras' @code{summary}.
% An activation layer is shown in the row of the layer it follows (a dense
% layer with no activation after it is @code{linear}: it outputs logits or
% scores).  With an output, return the table as text (lines ending in a
% newline) instead of printing it.
%
% A network is a plain struct (so @code{save}, @code{load}, field access
% and @code{isstruct} work as for any struct); @code{disp (net)} and
% @code{net} without a semicolon print this table too (nnlab's
% @code{@@struct/disp} and @code{display} do so for networks only, and show
% every other struct as Octave does); @code{net.summary} describes it in one
% line.
%
% @example
% nn_summary (nn_mlp ([784 256 10], 'Hidden', 'relu'))
% @print{} network 784-256(relu)-10: 203530 parameters, double
% @print{}   layers  type   output   activation  parameters
% @print{}   -       input  N x 784
% @print{}   1-2     dense  N x 256  relu            200960  W 256x784, b 256x1
% @print{}   3       dense  N x 10   linear            2570  W 10x256, b 10x1
% @print{}   total 203530 parameters, class double
% @end example
% @seealso{nn_mlp, nn_sequential, nn_layer}
% @end deftypefn
function s = nn_summary(net)
  if nargin ~= 1
    error('nnlab:nn_summary:nargin', 'nn_summary: usage nn_summary(net) or s = nn_summary(net)');
  end
  check_net('nn_summary', net);
  rows = layer_rows(net);
  head = {'layers', 'type', 'output', 'activation', 'parameters', ''};
  cells = [head; {'-', 'input', size_text(net_input(net)), '', '', ''}; rows];
  w = max(cellfun('length', cells), [], 1);
  txt = sprintf('network %s\n', net.summary);
  for i = 1:size(cells, 1)
    c = cells(i, :);
    line = sprintf('  %-*s  %-*s  %-*s  %-*s  %*s  %s', w(1), c{1}, w(2), c{2}, w(3), c{3}, ...
                   w(4), c{4}, max(w(5), 10), c{5}, c{6});
    txt = [txt, deblank(line), "\n"];                           %#ok<AGROW>
  end
  total = sum(str2double(rows(:, 5)));
  txt = [txt, sprintf('  total %d parameters, class %s\n', total, net.class)];
  if nargout > 0
    s = txt;
  else
    fprintf('%s', txt);
  end
end

function rows = layer_rows(net)
% One row per layer, an activation layer (its home's output is an
% activation name) in the row of the layer before it: {layers, type,
% output, activation, parameter count, parameter shapes}.
  rows = cell(0, 6);
  width = net_input(net);
  for i = 1:numel(net.layers)
    L = net.layers(i);
    h = layer_home(L.type);
    width = h.check(L, width, net.class, 'nn_summary', i);
    out = h.output(L);
    if ~isempty(out) && ~strcmp(out, 'affine') && ~isempty(rows)
      rows{end, 1} = sprintf('%s-%d', strtok(rows{end, 1}, '-'), i);
      if any(strcmp(rows{end, 4}, {'linear', '-'}))
        rows{end, 4} = out;
      else
        rows{end, 4} = [rows{end, 4}, ', ', out];
      end
      continue
    end
    type = L.type;
    parts = h.describe(L, {''});
    detail = regexp(parts{end}, '^\((.*)\)$', 'tokens', 'once');
    if ~isempty(detail) && ~strcmp(detail{1}, out)
      type = detail{1};               % e.g. 'dropout 0.2'
    end
    act = '-';
    if strcmp(out, 'affine')
      act = 'linear';
    elseif ~isempty(out)
      act = out;
    end
    shapes = cellfun(@(f) sprintf('%s %s', f, strjoin(arrayfun(@num2str, size(L.(f)), ...
                     'UniformOutput', false), 'x')), h.params, 'UniformOutput', false);
    rows(end + 1, :) = {sprintf('%d', i), type, size_text(width), act, ...
                        sprintf('%d', h.count(L)), strjoin(shapes, ', ')};
  end
end

function t = size_text(w)
% 'N x k' for rows, 'H x W x C x N' for images.
  if isscalar(w)
    t = sprintf('N x %d', w);
  else
    t = sprintf('%d x %d x %d x N', w);
  end
end

%!test
%! s = nn_summary(nn_mlp([3 4 2], 'Hidden', 'relu'));
%! lines = strsplit(strtrim(s), "\n");
%! assert(numel(lines), 6);
%! assert(lines{1}, 'network 3-4(relu)-2: 26 parameters, double');
%! assert(~isempty(regexp(lines{3}, '^\s+-\s+input\s+N x 3$', 'once')), lines{3});
%! assert(~isempty(regexp(lines{4}, '^\s+1-2\s+dense\s+N x 4\s+relu\s+16\s+W 4x3, b 4x1$', 'once')), lines{4});
%! assert(~isempty(regexp(lines{5}, '^\s+3\s+dense\s+N x 2\s+linear\s+10\s+W 2x4, b 2x1$', 'once')), lines{5});
%! assert(lines{6}, '  total 26 parameters, class double');
%!error id=nnlab:nn_summary:nargin nn_summary()
%!error id=nnlab:nn_summary:net nn_summary(struct('a', 1))
