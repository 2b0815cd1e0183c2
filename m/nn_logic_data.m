% -*- texinfo -*-
% @deftypefn {} {[@var{X}, @var{T}] =} nn_logic_data (@var{gate})
% Truth table of a logic gate, as data for a neural network.
%
% @var{gate} names the gate (any letter case):
%
% @table @code
% @item not
% one input: @var{X} is @code{[0; 1]} (2 x 1) and @var{T} is @code{[1; 0]}.
% @item and
% @var{T} is 1 when both inputs are 1.
% @item or
% @var{T} is 1 when at least one input is 1.
% @item xor
% @var{T} is 1 when exactly one input is 1.
% @item nand
% not and: @var{T} is 0 only when both inputs are 1.
% @item nor
% not or: @var{T} is 1 only when both inputs are 0.
% @end table
%
% For the two-input gates @var{X} is the 4 x 2 matrix
% @code{[0 0; 0 1; 1 0; 1 1]}, one observation per row (the nnlab
% convention), and @var{T} is the 4 x 1 column of targets, each 0 or 1.
% Both are double.
%
% Example:
% @example
% @group
% [X, T] = nn_logic_data ('xor');
% [X T]
%   @result{} 0 0 0
%      0 1 1
%      1 0 1
%      1 1 0
% @end group
% @end example
%
% @seealso{nn_plot_regions, nn_demo_gates, nn_demo_xor}
% @end deftypefn

function [X, T] = nn_logic_data(gate, varargin)
if nargin ~= 1
  error('nnlab:nn_logic_data:nargin', ...
        'nn_logic_data takes exactly one argument, the gate name, e.g. nn_logic_data(''xor''); you gave %d.', nargin);
end
names = {'not', 'and', 'or', 'xor', 'nand', 'nor'};
if ~ischar(gate) || size(gate, 1) ~= 1
  error('nnlab:nn_logic_data:class', ...
        'GATE must be a gate name as text, one of ''%s''.', strjoin(names, ''', '''));
end
X = [0 0; 0 1; 1 0; 1 1];
switch lower(gate)
  case 'not'
    X = [0; 1];
    T = [1; 0];
  case 'and'
    T = [0; 0; 0; 1];
  case 'or'
    T = [0; 1; 1; 1];
  case 'xor'
    T = [0; 1; 1; 0];
  case 'nand'
    T = [1; 1; 1; 0];
  case 'nor'
    T = [1; 0; 0; 0];
  otherwise
    error('nnlab:nn_logic_data:name', ...
          'Unknown gate ''%s''; choose one of ''%s''.', gate, strjoin(names, ''', '''));
end
end

%!test
%! [X, T] = nn_logic_data('not');
%! assert(X, [0; 1]);
%! assert(T, [1; 0]);
%!test
%! [X, T] = nn_logic_data('XOR');
%! assert(X, [0 0; 0 1; 1 0; 1 1]);
%! assert(T, [0; 1; 1; 0]);
%! assert(class(X), 'double');
%!test
%! gates = {'and', 'or', 'xor', 'nand', 'nor'};
%! rules = {@(a, b) a & b, @(a, b) a | b, @(a, b) xor(a, b), ...
%!          @(a, b) ~(a & b), @(a, b) ~(a | b)};
%! for i = 1:numel(gates)
%!   [X, T] = nn_logic_data(gates{i});
%!   assert(size(X), [4 2]);
%!   assert(size(T), [4 1]);
%!   assert(T, double(rules{i}(X(:, 1), X(:, 2))));
%! end

%!error id=nnlab:nn_logic_data:nargin nn_logic_data()
%!error id=nnlab:nn_logic_data:nargin nn_logic_data('and', 'or')
%!error id=nnlab:nn_logic_data:class nn_logic_data(1)
%!error id=nnlab:nn_logic_data:class nn_logic_data(['and'; 'nor'])
%!error id=nnlab:nn_logic_data:name nn_logic_data('xnor')
