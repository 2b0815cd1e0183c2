function W = gr_init_positive(L_in, L_out)
% nn_grade test: weights in [0, epsilon] only.
epsilon_init = 0.12;
W = rand(L_out, 1 + L_in) * epsilon_init;
end
