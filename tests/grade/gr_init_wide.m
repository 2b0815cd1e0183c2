function W = gr_init_wide(L_in, L_out)
% nn_grade test: weights in [-1, 1].
epsilon_init = 1;
W = rand(L_out, 1 + L_in) * 2 * epsilon_init - epsilon_init;
end
