function L = new_layer(type)
% NEW_LAYER  A layer with the fields every layer has, all empty but TYPE.
%   A layer type may add fields of its own; nn_sequential gives every layer
%   of a network the fields of all of them.
  L = struct('type', type, 'units', [], 'act', '', 'opts', {{}}, 'p', [], 'W', [], 'b', []);
end
