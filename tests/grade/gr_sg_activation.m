function g = gr_sg_activation(z)
% nn_grade test: sigmoidGradient written for the activation, z .* (1 - z).
g = z .* (1 - z);
end
