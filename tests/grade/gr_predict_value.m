function p = gr_predict_value(Theta1, Theta2, X)
% nn_grade test: predict returns the largest output, not its index.
m = size(X, 1);
h1 = gr_sigmoid([ones(m, 1) X] * Theta1');
h2 = gr_sigmoid([ones(m, 1) h1] * Theta2');
[p, dummy] = max(h2, [], 2);
end
