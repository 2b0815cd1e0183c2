%% Tests of the lecture demos (demos/) and of the tour that runs them.
%% Each demo runs into a fresh temporary folder; the PNG files it reports
%% must exist and be non-empty.

%!function check_demo(r, outdir, nfig)
%!  assert(isstruct(r) && isscalar(r));
%!  for f = {'topic', 'claim', 'result', 'figures'}
%!    assert(isfield(r, f{1}), ['missing field ' f{1}]);
%!  end
%!  assert(ischar(r.topic) && ~isempty(r.topic));
%!  assert(ischar(r.claim) && ~isempty(r.claim));
%!  assert(ischar(r.result) && ~isempty(r.result));
%!  assert(iscellstr(r.figures));
%!  assert(numel(r.figures), nfig);
%!  for i = 1:numel(r.figures)
%!    file = r.figures{i};
%!    assert(strncmp(file, outdir, numel(outdir)), ['figure outside OUTDIR: ' file]);
%!    assert(numel(file) > 4 && strcmp(file(end-3:end), '.png'));
%!    d = dir(file);
%!    assert(numel(d), 1, ['missing figure ' file]);
%!    assert(d.bytes > 1000, ['empty figure ' file]);
%!    fid = fopen(file, 'r');
%!    sig = fread(fid, 8, 'uint8')';
%!    fclose(fid);
%!    assert(sig, [137 80 78 71 13 10 26 10]);   % the PNG signature
%!  end
%!endfunction

%!function remove_folder(outdir)
%!  if exist(outdir, 'dir')
%!    confirm_recursive_rmdir(false, 'local');
%!    rmdir(outdir, 's');
%!  end
%!endfunction

%!test
%! outdir = tempname();
%! unwind_protect
%!   evalc('r = nn_demo_gates(outdir);');
%!   check_demo(r, outdir, 1);
%!   assert(r.result, '10 of 10 truth-table rows right (NOT, AND, OR)');
%! unwind_protect_cleanup
%!   remove_folder(outdir);
%! end_unwind_protect

%!test
%! outdir = fullfile(tempname(), 'made', 'by', 'demo');
%! unwind_protect
%!   out = evalc('r = nn_demo_xor(outdir);');
%!   check_demo(r, outdir, 2);
%!   assert(~isempty(strfind(r.result, '0 of 4913 grid neurons compute XOR')));
%!   assert(~isempty(strfind(r.result, 'hand-set 2-layer net is right')));
%!   n = sscanf(r.result(strfind(r.result, 'learned XOR for') + 16:end), '%d', 1);
%!   assert(n >= 15);
%!   assert(~isempty(strfind(out, 'no straight line separates')));
%! unwind_protect_cleanup
%!   remove_folder(fileparts(fileparts(fileparts(outdir))));
%! end_unwind_protect

%!test
%! % the tour, on one demo and on a demo that fails
%! outdir = tempname();
%! unwind_protect
%!   out = evalc('res = nn_tour(outdir, {''nn_demo_gates''});');
%!   assert(numel(res), 1);
%!   assert(res.passed);
%!   assert(res.demo, 'nn_demo_gates');
%!   assert(isempty(res.message));
%!   check_demo(res, outdir, 1);
%!   assert(~isempty(strfind(out, 'summary')));
%!   assert(~isempty(strfind(out, '1 of 1 demos passed')));
%!   err = '';
%!   try
%!     evalc('nn_tour(outdir, {''nn_demo_gates'', ''nn_demo_no_such_demo''});');
%!   catch e
%!     err = e.identifier;
%!   end
%!   assert(err, 'nnlab:nn_tour:failed');
%! unwind_protect_cleanup
%!   remove_folder(outdir);
%! end_unwind_protect

%!test
%! % the default folder is under tempdir
%! file = fullfile(tempdir, 'nnlab-figures', 'nn_demo_gates.png');
%! existed = exist(file, 'file');
%! evalc('r = nn_demo_gates();');
%! assert(r.figures{1}, file);
%! if ~existed
%!   delete(file);
%! end

%!error id=nnlab:nn_demo_gates:nargin nn_demo_gates('a', 'b')
%!error id=nnlab:nn_demo_gates:class nn_demo_gates(3)
%!error id=nnlab:nn_demo_xor:nargin nn_demo_xor('a', 'b')
%!error id=nnlab:nn_demo_xor:class nn_demo_xor({'a'})
%!error id=nnlab:nn_tour:nargin nn_tour('a', {'nn_demo_gates'}, 3)
%!error id=nnlab:nn_tour:class nn_tour(3)
%!error id=nnlab:nn_tour:class nn_tour(tempdir, 3)
