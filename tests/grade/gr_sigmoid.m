function g = gr_sigmoid(z)
% nn_grade test: the course's sigmoid.m.
g = 1.0 ./ (1.0 + exp(-z));
end
