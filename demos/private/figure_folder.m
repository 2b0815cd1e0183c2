function outdir = figure_folder(fn, outdir)
% FIGURE_FOLDER  The folder for a demo's figures (default tempdir/nnlab-figures),
%   created if missing; raises nnlab:FN:class or nnlab:FN:folder.
if isempty(outdir)
  outdir = fullfile(tempdir, 'nnlab-figures');
end
if ~ischar(outdir) || size(outdir, 1) ~= 1
  error(['nnlab:' fn ':class'], 'OUTDIR must be the name of a folder for the figures, as text.');
end
if ~exist(outdir, 'dir')
  [ok, msg] = mkdir(outdir);
  if ~ok
    error(['nnlab:' fn ':folder'], 'Could not create the figure folder %s: %s', outdir, msg);
  end
end
end
