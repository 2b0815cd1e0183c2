function g = gr_sigmoid_gradient(z)
% nn_grade test: a correct sigmoidGradient.
g = gr_sigmoid(z) .* (1 - gr_sigmoid(z));
end
