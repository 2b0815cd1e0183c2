function post_install(desc)
% POST_INSTALL  Run by pkg install: put each kernel's help file beside its MEX.
%   pkg install copies the help-only NAME.m files of the MEX kernels into the
%   package folder and the NAME.mex files into the architecture folder, which
%   comes first on the path; `help NAME` would then find no help.  Moving each
%   NAME.m beside its NAME.mex makes `help NAME` show it.
  mexfiles = [dir(fullfile(desc.archprefix, '*.mex')); ...
              dir(fullfile(desc.archprefix, '*', '*.mex'))];
  for i = 1:numel(mexfiles)
    [~, name] = fileparts(mexfiles(i).name);
    src = fullfile(desc.dir, [name '.m']);
    if exist(src, 'file')
      movefile(src, fullfile(mexfiles(i).folder, [name '.m']));
    end
  end
end
