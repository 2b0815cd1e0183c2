function run_tests(root, outfile, logfile)
% RUN_TESTS  Run every %! block of nnlab's m/, mex/, demos/ and tests/.
%   run_tests(ROOT, OUTFILE, LOGFILE) prints one line per file, writes
%   "PASSED FAILED" into OUTFILE and the full test output into LOGFILE.
%   Used by `make check` (tests/check.sh); not part of the public API.
  files = {};
  for d = {'m', 'mex', 'demos'}
    l = dir(fullfile(root, d{1}, '*.m'));
    files = [files, cellfun(@(n) fullfile(root, d{1}, n), {l.name}, 'UniformOutput', false)];
  end
  l = dir(fullfile(root, 'tests', '*.tst'));
  files = [files, cellfun(@(n) fullfile(root, 'tests', n), {l.name}, 'UniformOutput', false)];
  log = fopen(logfile, 'w');
  passed = 0;
  failed = 0;
  for i = 1:numel(files)
    f = files{i};
    fprintf(log, '>>>>> %s\n', f);
    try
      [n, nmax, nxfail, nbug, nskip, nrtskip] = test(f, 'quiet', log);
      bad = nmax - n - nxfail - nbug - nskip - nrtskip;
    catch err
      fprintf(log, 'test() itself failed: %s\n', err.message);
      n = 0; nmax = 1; bad = 1;
    end
    if nmax == 0
      continue
    end
    passed = passed + n;
    failed = failed + bad;
    mark = 'ok';
    if bad > 0
      mark = 'FAILED';
    end
    fprintf('  %-40s %4d of %4d  %s\n', strrep(f, [root filesep], ''), n, nmax - nskip - nrtskip, mark);
  end
  fclose(log);
  fid = fopen(outfile, 'w');
  fprintf(fid, '%d %d\n', passed, failed);
  fclose(fid);
end
