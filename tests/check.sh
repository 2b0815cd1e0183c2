#!/bin/sh
# make check: run the C unit tests, the Octave tests and the install test,
# then print one line "N passed, N failed" that counts all of them.
# usage: tests/check.sh BUILD_DIR VERSION
set -u
build=$1
version=$2
root=$(pwd)
res=$build/results
mkdir -p "$res"
rm -f "$res"/*
octave="octave-cli --norc --no-history --no-window-system"
quiet() { grep -v 'ignoring const execution_exception'; }

echo "== C unit tests of lib/"
for t in "$build"/tests/test_*; do
  [ -x "$t" ] || continue
  name=$(basename "$t")
  out=$("$t" 2>&1); rc=$?
  p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
  f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
  p=${p:-0}; f=${f:-0}
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi   # crashed
  printf '  %-40s %4d of %4d  %s\n' "$name" "$p" $((p + f)) "$([ "$f" -eq 0 ] && echo ok || echo FAILED)"
  [ "$f" -eq 0 ] || printf '%s\n' "$out" | grep -E 'FAIL|ERROR|error' | head -20
  echo "$p $f" >> "$res/c.txt"
done

echo "== Octave tests (m/, mex/, demos/, tests/)"
$octave --eval "addpath('$root'); addpath('$root/tests'); run_tests('$root', '$res/octave.txt', '$res/octave.log')" 2>&1 | quiet
if [ ! -s "$res/octave.txt" ]; then echo "0 1" > "$res/octave.txt"; echo "  the Octave test run did not finish"; fi
if [ "$(cut -d' ' -f2 "$res/octave.txt")" != 0 ]; then
  echo "  failures (from $res/octave.log):"
  grep -B2 -A8 -E '^!!!!! ' "$res/octave.log" | head -60
fi

echo "== install test (pkg install of nnlab-$version.tar.gz into a throw-away prefix)"
$octave --eval "addpath('$root/tests'); install_test('$root/nnlab-$version.tar.gz', '$res/install.txt')" 2>&1 | quiet
[ -s "$res/install.txt" ] || { echo "  the install test did not finish"; echo "0 1" > "$res/install.txt"; }

cat "$res"/*.txt | awk '{p += $1; f += $2} END {printf "%d passed, %d failed\n", p, f; exit (f > 0)}'
