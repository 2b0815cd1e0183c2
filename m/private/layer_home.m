function [h, own] = layer_home(type)
% LAYER_HOME  The functions of one layer type, from its home m/private/layer_TYPE.m.
%   H = layer_home(TYPE) returns the struct of function handles that the
%   file layer_TYPE.m returns when called with no argument; every part of
%   nnlab that must know something about a layer asks its home:
%
%     L = H.make(name, args)        the layer of nn_layer(name, args{:})
%     [L, out] = H.init(L, in, scheme, next, cls)
%                                   parameters drawn for an input of width IN
%                                   (SCHEME '' = the type's default; NEXT the
%                                   next layer or []); OUT its output width
%     out = H.check(L, in, cls, fn, i)  the output width, or an nnlab:FN:net
%                                   error for a damaged layer I
%     [Y, aux] = H.forward(L, X, training, seed, i)
%     [dX, g] = H.backward(L, X, dY, aux, needdx)
%                                   g: the gradient of each parameter, by name
%     H.params                      names of the trained parameters ({'W', 'b'})
%     H.decay                       those that 'L2' penalises ({'W'})
%     parts = H.describe(L, parts)  the summary text, PARTS a cell of pieces
%     k = H.output(L)               what the layer outputs, for the default
%                                   loss: 'affine' (W x + b), an activation
%                                   name, or ''
%     n = H.count(L), v = H.pack(L), L = H.unpack(L, v)
%                                   the number of parameters, and the
%                                   parameters as one double column (the
%                                   course's layout for dense: [b W](:)) and back
%     L = H.update(L, aux)          (only some types) what a training step
%                                   leaves in the layer besides its
%                                   parameters, from its forward's AUX
%     [E, why] = H.engine(L)        the layer as the compiled engine nn_fit
%                                   takes it (type 'dense' or 'act'), or []
%                                   and the reason it cannot
%
%   A name without a home of its own is an activation: the home of 'act'
%   judges it (OWN is then false).  Adding a layer type is adding its home file.
  persistent homes known
  if isempty(known)
    homes = struct();
    d = dir(fullfile(fileparts(mfilename('fullpath')), 'layer_*.m'));
    known = regexprep({d.name}, '^layer_(.*)\.m$', '$1');
    known(strcmp(known, 'home')) = [];
  end
  own = any(strcmp(type, known));
  if ~own
    type = 'act';
  end
  if ~isfield(homes, type)
    homes.(type) = feval(['layer_' type]);
  end
  h = homes.(type);
end
