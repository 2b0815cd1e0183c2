% -*- texinfo -*-
% @deftypefn  {} {} nn_plot_confusion (@var{C})
% @deftypefnx {} {} nn_plot_confusion (@var{C}, @var{names})
% @deftypefnx {} {} nn_plot_confusion (@var{C}, @var{names}, @var{h})
% @deftypefnx {} {} nn_plot_confusion (@dots{}, @var{name}, @var{value}, @dots{})
% @deftypefnx {} {[@var{fig}, @var{ax}] =} nn_plot_confusion (@dots{})
% Draw a confusion matrix as a coloured grid with the count in each cell.
%
% @var{C} is the K x K matrix of @code{nn_confusion}: rows are true classes,
% columns predicted classes, so the correct predictions lie on the diagonal.
% @var{names} labels the classes: a cell array of K strings, or K numbers
% (such as the @var{order} output of @code{nn_confusion}); omit it or give
% @code{[]} for 1, 2, @dots{}, K.
%
% @var{h} is a figure handle (the figure is cleared and drawn into) or an
% axes handle (for a subplot).  Without @var{h} a new figure is created
% @emph{invisible}, so that the function also works without a display
% (scripts, @code{make check}); save it with @code{print}, or show it with
% @code{set (@var{fig}, 'visible', 'on')}.  The function never prints or
% saves by itself.  It returns the figure @var{fig} and the axes @var{ax}.
%
% Options (names and values are case-insensitive):
% @table @asis
% @item @qcode{'Normalization'}
% what the colours and numbers show, as MATLAB's @code{confusionchart}:
% @qcode{'absolute'} (default, the counts), @qcode{'row-normalized'} (each
% row divided by its sum: the diagonal is each class's recall),
% @qcode{'column-normalized'} (each column divided by its sum: the diagonal
% is each class's precision) or @qcode{'total-normalized'} (divided by the
% number of observations).  Rows or columns without observations stay 0.
% @item @qcode{'Title'}
% the title (default: @samp{Confusion matrix (accuracy 87.3%)} with the
% accuracy @code{trace (C) / sum (C(:))}).
% @end table
%
% The numbers are written into the cells when K <= 30; darker cells hold
% more.  As MATLAB's @code{confusionchart} there is no colour bar; add one
% with @code{colorbar (@var{ax})}.
%
% Example:
% @example
% @group
% C = nn_confusion ([1; 2; 2; 3; 3], [1; 2; 3; 3; 3]);
% f = nn_plot_confusion (C, @{'cat', 'dog', 'bird'@});
% print (f, 'confusion.png', '-dpng');   % '-dpngcairo' with gnuplot
% close (f);
% @end group
% @end example
%
% @seealso{nn_confusion, nn_prf}
% @end deftypefn
function [fig, ax] = nn_plot_confusion(C, varargin)

  fn = 'nn_plot_confusion';
  if nargin < 1
    error(['nnlab:' fn ':nargin'], ...
          '%s: takes the confusion matrix C, then optionally names, a figure handle and options. Usage: %s(C, names, h)', ...
          fn, fn);
  end
  if ~(isnumeric(C) || islogical(C))
    error(['nnlab:' fn ':class'], '%s: C must be a numeric matrix, but it is a %s', fn, class(C));
  end
  if issparse(C)
    C = full(C);
  end
  if ~isreal(C)
    error(['nnlab:' fn ':complex'], '%s: C must be real, but it is complex', fn);
  end
  if ndims(C) > 2 || size(C, 1) ~= size(C, 2) || isempty(C)
    error(['nnlab:' fn ':size'], ...
          '%s: C must be a square K x K confusion matrix (K >= 1), but it is %s', fn, mat2str(size(C)));
  end
  C = double(C);
  if any(~isfinite(C(:)) | C(:) < 0)
    error(['nnlab:' fn ':domain'], '%s: C must hold counts: finite numbers 0 or more', fn);
  end
  K = size(C, 1);

  % positional arguments before the first option name: names, then a handle
  names = [];
  h = [];
  npos = 0;
  while npos < numel(varargin) && npos < 2 && ~ischar(varargin{npos + 1})
    a = varargin{npos + 1};
    if isempty(h) && ~iscell(a) && isscalar(a) && is_handle(a) && (npos == 1 || K > 1)
      h = a;
    elseif npos == 0
      names = a;
    else
      error(['nnlab:' fn ':class'], ...
            '%s: the third input must be a figure or axes handle, but it is a %s', fn, class(a));
    end
    npos = npos + 1;
  end
  opts = parse_options(fn, struct('Normalization', 'absolute', 'Title', []), ...
                       varargin(npos + 1:end));
  norm = opts.Normalization;
  choices = {'absolute', 'row-normalized', 'column-normalized', 'total-normalized'};
  if ~ischar(norm) || ~any(strcmpi(norm, choices))
    error(['nnlab:' fn ':optionValue'], '%s: option ''Normalization'' must be ''%s''', ...
          fn, strjoin(choices, ''', '''));
  end
  norm = lower(norm);
  ttl = opts.Title;
  if ~isempty(ttl) && ~(ischar(ttl) && (isrow(ttl) || isempty(ttl)))
    error(['nnlab:' fn ':optionValue'], '%s: option ''Title'' must be a string', fn);
  end
  labels = class_names(fn, names, K);

  % what to show
  M = C;
  switch norm
    case 'row-normalized'
      M = C ./ repmat(max(sum(C, 2), realmin), 1, K);
    case 'column-normalized'
      M = C ./ repmat(max(sum(C, 1), realmin), K, 1);
    case 'total-normalized'
      M = C / max(sum(C(:)), realmin);
  end
  if isempty(ttl)
    if sum(C(:)) > 0
      ttl = sprintf('Confusion matrix (accuracy %.1f%%)', 100 * trace(C) / sum(C(:)));
    else
      ttl = 'Confusion matrix (no observations)';
    end
  end

  % where to draw
  if isempty(h)
    w = warning('off', 'Octave:gnuplot-graphics');   % Octave's notice, without a display
    fig = figure('visible', 'off');
    warning(w);
    ax = axes('parent', fig);
  elseif strcmp(get(h, 'type'), 'axes')
    ax = h;
    cla(ax);
    fig = ancestor(ax, 'figure');
  else
    fig = h;
    clf(fig);
    ax = axes('parent', fig);
  end

  imagesc(1:K, 1:K, M, 'parent', ax);
  n = 64;
  map = [linspace(1, 0.03, n)', linspace(1, 0.19, n)', linspace(1, 0.42, n)'];
  colormap(ax, map);
  top = max(M(:));
  if top > 0
    caxis(ax, [0, top]);
  else
    caxis(ax, [0, 1]);
  end
  set(ax, 'xtick', 1:K, 'ytick', 1:K, 'xticklabel', labels, 'yticklabel', labels, ...
      'ydir', 'reverse', 'ticklabelinterpreter', 'none', 'box', 'on', 'ticklength', [0 0], ...
      'xlim', [0.5, K + 0.5], 'ylim', [0.5, K + 0.5]);
  ylabel(ax, 'True class');
  title(ax, ttl, 'interpreter', 'none');
  longest = max(cellfun(@numel, labels));
  own = isempty(h) || ~strcmp(get(h, 'type'), 'axes');
  rotate = own && longest > 3 && K > 2;
  left = 0.13;
  bottom = 0.14;
  if own
    % leave room for the class names (our own axes only, never a caller's)
    units = get(fig, 'units');
    set(fig, 'units', 'pixels');
    fpos = get(fig, 'position');
    set(fig, 'units', units);
    charw = 7;                            % pixels per character, roughly
    left = min(0.4, (longest * charw + 45) / fpos(3));
    if rotate
      bottom = min(0.45, (0.6 * longest * charw + 40) / fpos(4));
    end
    set(ax, 'position', [left, bottom, 0.92 - left, 0.84 - bottom]);
  end
  if rotate
    % long names: slanted labels below the columns, drawn as text (not every
    % graphics toolkit rotates tick labels), and the axis label below them
    set(ax, 'xticklabel', {});
    for j = 1:K
      text(j + 0.2, K + 0.6, labels{j}, 'parent', ax, 'rotation', 35, ...
           'horizontalalignment', 'right', 'verticalalignment', 'top', ...
           'interpreter', 'none', 'clipping', 'off');
    end
    text(0.5, (0.03 - bottom) / (0.84 - bottom), 'Predicted class', 'parent', ax, ...
         'units', 'normalized', 'horizontalalignment', 'center', ...
         'verticalalignment', 'bottom', 'clipping', 'off');
  else
    xlabel(ax, 'Predicted class');
  end

  if K <= 30
    fs = max(6, round(12 - K / 3));
    for i = 1:K
      for j = 1:K
        if strcmp(norm, 'absolute')
          txt = sprintf('%d', round(M(i, j)));
        else
          txt = sprintf('%.2f', M(i, j));
        end
        if top > 0 && M(i, j) > 0.55 * top
          col = [1 1 1];
        else
          col = [0 0 0];
        end
        text(j, i, txt, 'parent', ax, 'horizontalalignment', 'center', ...
             'verticalalignment', 'middle', 'color', col, 'fontsize', fs);
      end
    end
  end
  if nargout == 0
    clear fig ax
  end
end

function tf = is_handle(a)
  tf = false;
  if (isnumeric(a) || isa(a, 'handle')) && ishghandle(a)
    tf = any(strcmp(get(a, 'type'), {'figure', 'axes'}));
  end
end

function labels = class_names(fn, names, K)
  if isempty(names)
    labels = arrayfun(@(k) sprintf('%d', k), 1:K, 'UniformOutput', false);
  elseif iscell(names)
    if numel(names) ~= K || ~all(cellfun(@(s) ischar(s) && (isrow(s) || isempty(s)), names(:)))
      error(['nnlab:' fn ':size'], '%s: names must be a cell array of %d strings, one per class', fn, K);
    end
    labels = names(:)';
  elseif (isnumeric(names) || islogical(names)) && isreal(names)
    if numel(names) ~= K
      error(['nnlab:' fn ':size'], '%s: names must hold %d numbers, one per class, but it has %d', ...
            fn, K, numel(names));
    end
    labels = arrayfun(@(v) sprintf('%g', v), double(names(:))', 'UniformOutput', false);
  else
    error(['nnlab:' fn ':class'], ...
          '%s: names must be a cell array of strings or a vector of numbers, but it is a %s', ...
          fn, class(names));
  end
end

%!test
%! [f, ax] = nn_plot_confusion([5 1; 2 7], {'no', 'yes'});
%! unwind_protect
%!   assert(strcmp(get(f, 'visible'), 'off'));
%!   assert(get(ax, 'xticklabel'), {'no'; 'yes'});
%!   assert(numel(findobj(ax, 'type', 'text')), 4);
%! unwind_protect_cleanup
%!   close(f);
%! end_unwind_protect
%!test
%! warning('off', 'Octave:gnuplot-graphics', 'local');
%! f = figure('visible', 'off');
%! unwind_protect
%!   [g, ax] = nn_plot_confusion(eye(3), [], f, 'Normalization', 'row-normalized', 'Title', 'x');
%!   assert(g, f);
%!   assert(get(get(ax, 'title'), 'string'), 'x');
%! unwind_protect_cleanup
%!   close(f);
%! end_unwind_protect
%!error id=nnlab:nn_plot_confusion:nargin nn_plot_confusion()
%!error id=nnlab:nn_plot_confusion:size nn_plot_confusion([1 2 3])
%!error id=nnlab:nn_plot_confusion:size nn_plot_confusion(eye(2), {'a'})
%!error id=nnlab:nn_plot_confusion:domain nn_plot_confusion([1 -1; 0 1])
%!error id=nnlab:nn_plot_confusion:optionValue nn_plot_confusion(eye(2), [], 'Normalization', 'rows')
