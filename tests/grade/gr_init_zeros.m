function W = gr_init_zeros(L_in, L_out)
% nn_grade test: all zeros: the symmetry is not broken.
epsilon_init = 0.12;
W = zeros(L_out, 1 + L_in);
end
