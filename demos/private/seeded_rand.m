function A = seeded_rand(seed, draw, m, n)
% SEEDED_RAND  An M x N matrix from DRAW (@rand or @randn) with the twister
%   seeded by SEED; the user's random streams are left as they were.
saved = rng();
rng(seed, 'twister');
A = draw(m, n);
rng(saved);
end
