function W = gr_init_ok(L_in, L_out)
% nn_grade test: a correct randInitializeWeights.
epsilon_init = 0.12;
W = rand(L_out, 1 + L_in) * 2 * epsilon_init - epsilon_init;
end
