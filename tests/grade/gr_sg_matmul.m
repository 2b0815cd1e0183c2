function g = gr_sg_matmul(z)
% nn_grade test: a matrix product where an elementwise one is meant.
s = gr_sigmoid(z);
g = s * (1 - s);
end
