function p = gr_predict_ok(Theta1, Theta2, X)
% nn_grade test: a correct predict of the course (ex3/ex4).
m = size(X, 1);
h1 = gr_sigmoid([ones(m, 1) X] * Theta1');
h2 = gr_sigmoid([ones(m, 1) h1] * Theta2');
[dummy, p] = max(h2, [], 2);
end
