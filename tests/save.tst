## nn_save / nn_load: round trips, and tampered or truncated files rejected.

%!shared net, X, f
%! net = nn_mlp([4 6 3], 'Hidden', 'tanh', 'Seed', 2);
%! X = randn(7, 4);
%! f = [tempname() '.net'];

%!test
%! for fmt = {'-binary', '-text', '-v7'}
%!   nn_save(f, net, fmt{1});
%!   assert(isequal(nn_predict(nn_load(f), X), nn_predict(net, X)));
%! end
%! delete(f);

%!test
%! % an edited weight is noticed
%! nn_save(f, net);
%! s = load(f); s.net.layers(1).W(2) = s.net.layers(1).W(2) + 1e-12;
%! save('-binary', f, '-struct', 's');
%! try
%!   nn_load(f); ok = false;
%! catch err
%!   ok = strcmp(err.identifier, 'nnlab:nn_load:checksum');
%! end
%! delete(f); assert(ok);

%!test
%! % a truncated file is rejected, whatever the cut
%! nn_save(f, net);
%! fid = fopen(f, 'r'); bytes = fread(fid, Inf, 'uint8=>uint8'); fclose(fid);
%! for cut = round(linspace(10, numel(bytes) - 1, 7))
%!   fid = fopen(f, 'w'); fwrite(fid, bytes(1:cut)); fclose(fid);
%!   try
%!     nn_load(f); ok = false;
%!   catch err
%!     ok = any(strcmp(err.identifier, {'nnlab:nn_load:format', 'nnlab:nn_load:checksum'}));
%!   end
%!   assert(ok, sprintf('a file cut at %d bytes was not rejected', cut));
%! end
%! delete(f);

%!test
%! % a damaged structure: wrong size, wrong class, not a network
%! nn_save(f, net);
%! s = load(f); s.net.layers(1).W = s.net.layers(1).W(:, 1:3);
%! save('-binary', f, '-struct', 's');
%! try, nn_load(f); id = ''; catch err, id = err.identifier; end
%! assert(id, 'nnlab:nn_load:format');
%! s = load(f); s.net = 5; save('-binary', f, '-struct', 's');
%! try, nn_load(f); id = ''; catch err, id = err.identifier; end
%! assert(id, 'nnlab:nn_load:format');
%! a = 1; save('-binary', f, 'a');
%! try, nn_load(f); id = ''; catch err, id = err.identifier; end
%! assert(id, 'nnlab:nn_load:format');
%! fid = fopen(f, 'w'); fprintf(fid, 'not a data file at all\n'); fclose(fid);
%! try, nn_load(f); id = ''; catch err, id = err.identifier; end
%! assert(id, 'nnlab:nn_load:format');
%! delete(f);

%!test
%! % saving over an existing file leaves no temporary file behind
%! nn_save(f, net); nn_save(f, net);
%! [d, b] = fileparts(f);
%! assert(isempty(dir(fullfile(d, ['.' b '*.tmp']))));
%! delete(f);

%!error id=nnlab:nn_save:file nn_save('/nonexistent/dir/x.net', nn_mlp([2 1]))
