function W = gr_init_transposed(L_in, L_out)
% nn_grade test: the matrix transposed.
epsilon_init = 0.12;
W = rand(1 + L_in, L_out) * 2 * epsilon_init - epsilon_init;
end
