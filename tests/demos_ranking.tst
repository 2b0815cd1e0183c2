%% Tests of the lecture demo nn_demo_ranking (demos/), run in quick mode into
%% a fresh temporary folder; the PNG files it reports must exist and be
%% non-empty.

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
%!   out = evalc('r = nn_demo_ranking(outdir, ''Quick'', true);');
%!   check_demo(r, outdir, 3);
%!   names = cellfun(@(f) f(numel(outdir) + 2:end), r.figures, 'UniformOutput', false);
%!   assert(names, {'nn_demo_ranking_ndcg.png', 'nn_demo_ranking_loss.png', 'nn_demo_ranking_scores.png'});
%!   assert(r.k, 1:10);
%!   assert(size(r.ndcg), [4 10]);
%!   assert(all(r.ndcg(:) >= 0 & r.ndcg(:) <= 1));
%!   % the claim, quick mode: NDCG@5 up by 0.1 over the untrained net and a random order
%!   assert(all(r.ndcg(3:4, 5) >= max(r.ndcg(1:2, 5)) + 0.1));
%!   assert(size(r.pair_accuracy), [4 1]);
%!   assert(r.pair_accuracy(1), 0.5);
%!   assert(all(r.pair_accuracy(3:4) >= 0.7));
%!   assert(size(r.loss), [8 2]);
%!   assert(all(r.loss(end, :) < r.loss(1, :)));
%!   assert(~isempty(strfind(r.result, 'NDCG@5 on 9 unseen queries')));
%!   assert(~isempty(strfind(out, 'random order (expected)')));
%!   assert(~isempty(strfind(out, 'after RankNet')));
%!   assert(~isempty(strfind(out, 'after margin ranking')));
%!   % deterministic: the same numbers on a second run
%!   evalc('r2 = nn_demo_ranking(outdir, ''quick'', 1);');
%!   assert(r2.ndcg, r.ndcg);
%!   assert(r2.loss, r.loss);
%!   assert(r2.result, r.result);
%! unwind_protect_cleanup
%!   remove_folder(outdir);
%! end_unwind_protect

%!error id=nnlab:nn_demo_ranking:class nn_demo_ranking(3)
%!error id=nnlab:nn_demo_ranking:nargin nn_demo_ranking(tempdir, 'Quick')
%!error id=nnlab:nn_demo_ranking:option nn_demo_ranking(tempdir, 'Fast', true)
%!error id=nnlab:nn_demo_ranking:option nn_demo_ranking(tempdir, 3, true)
%!error id=nnlab:nn_demo_ranking:optionValue nn_demo_ranking(tempdir, 'Quick', 'yes')
%!error id=nnlab:nn_demo_ranking:optionValue nn_demo_ranking(tempdir, 'Quick', 2)
