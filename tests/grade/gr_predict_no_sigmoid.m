function p = gr_predict_no_sigmoid(Theta1, Theta2, X)
% nn_grade test: the hidden layer without its sigmoid.
m = size(X, 1);
h1 = [ones(m, 1) X] * Theta1';
h2 = gr_sigmoid([ones(m, 1) h1] * Theta2');
[dummy, p] = max(h2, [], 2);
end
