% -*- texinfo -*-
% @deftypefn  {} {@var{f} =} nn_figure ()
% @deftypefnx {} {@var{f} =} nn_figure (@var{size})
% @deftypefnx {} {@var{file} =} nn_figure (@var{f}, @var{file})
% Make an invisible figure that can be saved as PNG on any machine, or save
% one and close it.
%
% @code{@var{f} = nn_figure ()} returns a new invisible figure of 640 x 480
% pixels.  @code{nn_figure (@var{size})} takes the size as
% @code{[@var{width}, @var{height}]} in pixels (each from 100 to 4000).  On a
% machine without a display (no @env{DISPLAY}, as on a server or in
% @code{make demo}) Octave draws this figure with the @code{gnuplot}
% graphics toolkit, which needs no screen; on a desktop the default toolkit
% is kept.  The figure never appears on screen.
%
% @code{@var{file} = nn_figure (@var{f}, @var{file})} writes figure @var{f}
% to the PNG file @var{file} (80 dots per inch, so the PNG has the size
% given when @var{f} was made), creating its folder if needed, then closes
% @var{f} and returns @var{file}.  If @var{file} has no extension,
% @file{.png} is added.  Under gnuplot, the axes made by @code{subplot} are
% switched to @code{"outerposition"} before printing, because gnuplot leaves
% out the titles and axis labels of axes placed by their inner position.
%
% Example:
% @example
% @group
% f = nn_figure ([800 300]);
% plot (1:10);
% title ('a line');
% nn_figure (f, fullfile (tempdir, 'line.png'));
% @end group
% @end example
%
% @seealso{nn_plot_regions, figure, print}
% @end deftypefn

function out = nn_figure(a, b, varargin)
if nargin > 2
  error('nnlab:nn_figure:nargin', ...
        'nn_figure takes at most 2 arguments: f = nn_figure(SIZE) or nn_figure(f, FILE); you gave %d.', nargin);
end
if nargin == 2
  out = save_figure(a, b);
  return;
end
sz = [640 480];
if nargin == 1
  if ~isnumeric(a) || ~isreal(a) || numel(a) ~= 2
    error('nnlab:nn_figure:class', ...
          'SIZE must be [width height] in pixels, two real numbers.');
  end
  a = double(a(:)');
  if any(~isfinite(a)) || any(a < 100) || any(a > 4000) || any(a ~= round(a))
    error('nnlab:nn_figure:optionValue', ...
          'SIZE must be [width height] in whole pixels between 100 and 4000, but it is [%g %g].', a(1), a(2));
  end
  sz = a;
end
out = new_figure(sz);
end

function f = new_figure(sz)
f = [];
if is_octave() && no_display()
  if ~any(strcmp(available_graphics_toolkits(), 'gnuplot'))
    error('nnlab:nn_figure:noGraphics', ...
          ['There is no display and gnuplot is missing, so no figure can be drawn: ' ...
           'install gnuplot (Debian: apt-get install gnuplot-nox) or run with a display.']);
  end
  w = warning('off', 'Octave:gnuplot-graphics');
  try
    f = figure('visible', 'off');
    graphics_toolkit(f, 'gnuplot');
  catch err
    warning(w);
    if ~isempty(f) && ishandle(f)
      close(f);
    end
    error('nnlab:nn_figure:noGraphics', 'Could not make a figure with gnuplot: %s', err.message);
  end
  warning(w);
else
  f = figure('visible', 'off');
end
set(f, 'color', 'w', 'units', 'pixels', 'position', [0 0 sz]);
set(f, 'paperunits', 'inches', 'paperposition', [0 0 sz / 80], ...
       'papersize', sz / 80);
end

function file = save_figure(f, file)
if ~isscalar(f) || ~ishandle(f) || ~strcmp(get(f, 'type'), 'figure')
  error('nnlab:nn_figure:class', ...
        'The first argument must be a figure handle (from nn_figure), not something else.');
end
if ~ischar(file) || isempty(file) || size(file, 1) ~= 1
  error('nnlab:nn_figure:class', ...
        'FILE must be the name of the PNG file to write, as text (a character row).');
end
[folder, ~, ext] = fileparts(file);
if isempty(ext)
  file = [file '.png'];
elseif ~strcmpi(ext, '.png')
  error('nnlab:nn_figure:name', ...
        'nn_figure writes PNG files only, so FILE must end in .png, but it ends in %s.', ext);
end
if ~isempty(folder) && ~exist(folder, 'dir')
  [ok, msg] = mkdir(folder);
  if ~ok
    error('nnlab:nn_figure:folder', 'Could not create the folder %s for the figure: %s', folder, msg);
  end
end
if is_octave()
  if strcmp(get(f, '__graphics_toolkit__'), 'gnuplot')
    % gnuplot drops titles and labels of axes placed by inner position
    ax = findobj(f, 'type', 'axes');
    for i = 1:numel(ax)
      if ~any(strcmp(get(ax(i), 'tag'), {'legend', 'colorbar'}))
        set(ax(i), 'positionconstraint', 'outerposition');
      end
    end
  end
  device = '-dpngcairo';
else
  device = '-dpng';
end
w = warning('off', 'print:nogs');
try
  print(f, file, device, '-r80');
catch err
  warning(w);
  close(f);
  error('nnlab:nn_figure:print', 'Could not write the figure to %s: %s', file, err.message);
end
warning(w);
close(f);
end

function tf = is_octave()
tf = exist('OCTAVE_VERSION', 'builtin') > 0;
end

function tf = no_display()
tf = isunix() && ~ismac() && isempty(getenv('DISPLAY'));
end

%!test
%! f = nn_figure([300 200]);
%! assert(ishandle(f));
%! assert(get(f, 'visible'), 'off');
%! plot(1:3);
%! title('three points');
%! file = fullfile(tempname(), 'sub', 'line');
%! out = nn_figure(f, file);
%! assert(out, [file '.png']);
%! d = dir(out);
%! assert(numel(d), 1);
%! assert(d.bytes > 0);
%! assert(~ishandle(f));
%! delete(out);
%! rmdir(fileparts(out));
%! rmdir(fileparts(fileparts(out)));

%!test
%! f = nn_figure();
%! p = get(f, 'position');
%! assert(p(3:4), [640 480]);
%! close(f);

%!error id=nnlab:nn_figure:nargin nn_figure(1, 2, 3)
%!error id=nnlab:nn_figure:class nn_figure('big')
%!error id=nnlab:nn_figure:class nn_figure([100 200 300])
%!error id=nnlab:nn_figure:optionValue nn_figure([50 200])
%!error id=nnlab:nn_figure:optionValue nn_figure([200.5 200])
%!error id=nnlab:nn_figure:class nn_figure(-12345, 'a.png')
%!test
%! f = nn_figure([200 200]);
%! unwind_protect
%!   fail('nn_figure(f, 3)', 'FILE must be');
%!   fail('nn_figure(f, ''a.jpg'')', 'PNG files only');
%! unwind_protect_cleanup
%!   close(f);
%! end_unwind_protect
