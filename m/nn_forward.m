% -*- texinfo -*-
% @deftypefn  {} {@var{Y} =} nn_forward (@var{net}, @var{X})
% @deftypefnx {} {[@var{Y}, @var{cache}] =} nn_forward (@var{net}, @var{X}, 'Training', @var{tf}, 'Seed', @var{s})
% Run a network forward and keep what the backward pass needs.
%
% @var{X} is N x in (one observation a row); @var{Y} is N x out.  @var{X} is
% converted to the class of the network.  @var{cache} holds the input of
% every layer (@code{cache.inputs@{i@}}) and the dropout masks
% (@code{cache.masks@{i@}}), for @code{nn_backward}.
%
% @code{'Training'} (default true) switches dropout on; @code{nn_predict}
% runs with it off.  @code{'Seed'} makes the dropout masks repeatable.
% @var{X} must be a full matrix of finite numbers (else
% @code{nnlab:nn_forward:sparse} or @code{:nonfinite}, as @code{nn_predict}).
%
% @example
% net = nn_mlp ([2 3 1], 'Seed', 1);
% [Y, cache] = nn_forward (net, [0 1; 1 0]);
% grads = nn_backward (net, cache, ones (size (Y)));
% @end example
% @seealso{nn_backward, nn_predict}
% @end deftypefn
function [Y, cache] = nn_forward(net, X, varargin)
  if nargin < 2
    error('nnlab:nn_forward:nargin', 'nn_forward: usage [Y, cache] = nn_forward(net, X)');
  end
  check_net('nn_forward', net);
  opts = parse_options('nn_forward', struct('Training', true, 'Seed', []), varargin);
  check_value('nn_forward', 'Training', opts.Training, 'logical');
  if ~isempty(opts.Seed)
    check_value('nn_forward', 'Seed', opts.Seed, 'count', 0, 2^53);
  end
  X = check_input('nn_forward', net, X);
  if nargout > 1
    [Y, cache] = net_forward(net, X, opts.Training, opts.Seed);
  else
    Y = net_forward(net, X, opts.Training, opts.Seed);
  end
end

%!test
%! net = nn_mlp([2 3 1], 'Hidden', 'sigmoid', 'Seed', 1);
%! X = [0 1; 1 0; 2 2];
%! [Y, cache] = nn_forward(net, X);
%! W1 = net.layers(1).W; b1 = net.layers(1).b; W2 = net.layers(3).W; b2 = net.layers(3).b;
%! assert(Y, (1 ./ (1 + exp(-(X * W1.' + b1.')))) * W2.' + b2.', 1e-12);
%! assert(cache.inputs{1}, X);
%!test
%! net = nn_mlp([2 1], 'Class', 'single');
%! assert(class(nn_forward(net, [1 2])), 'single');
%!error id=nnlab:nn_forward:nargin nn_forward(1)
%!error id=nnlab:nn_forward:net nn_forward(struct('a', 1), 1)
%!error id=nnlab:nn_forward:size nn_forward(nn_mlp([2 1]), [1 2 3])
%!error id=nnlab:nn_forward:class nn_forward(nn_mlp([2 1]), {1, 2})
%!error id=nnlab:nn_forward:option nn_forward(nn_mlp([2 1]), [1 2], 'Bogus', 1)
