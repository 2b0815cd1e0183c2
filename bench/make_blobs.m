% make_blobs(file) - write the data of task B-blobs of make bench: 2000
% samples of 64 features in 10 Gaussian blobs (nn_toy('blobs'), standard
% deviation 1 around centres 0.2*randn(10, 64), seed 1), one sample a line:
% the 64 features, then the label 1..10.  Every implementation reads it.
function make_blobs(file)
  s = rand('twister');
  rand('twister', 1);
  randn('state', 1);
  C = 0.2 * randn(10, 64);
  [X, T] = nn_toy('blobs', 'K', 10, 'N', 2000, 'Centers', C, 'Seed', 1);
  rand('twister', s);
  fid = fopen(file, 'w');
  fprintf(fid, [repmat('%.9g ', 1, 64) '%d\n'], [X, T]');
  fclose(fid);
end
