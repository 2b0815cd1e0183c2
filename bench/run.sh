#!/bin/sh
# make bench: nnlab against its peers, all measured in this run, on the
# reference tasks (see bench/summarize.py for the table it prints):
#   A  Fashion-MNIST 784-256-128-10 ReLU, softmax cross-entropy, minibatch 128,
#      one epoch, SGD lr 0.1 (A-sgd) and Adam lr 1e-3 (A-adam); test accuracy
#   B  small nets where overhead rules: XOR 2-8-1 sigmoid + BCE, 20000
#      full-batch SGD steps (B-xor); 64-32-10 tanh on 2000 samples of 64
#      features, minibatch 32, 20 epochs (B-blobs)
# in single and double, with 1 and 2 BLAS threads.  Peers: PyTorch on the CPU
# (1 intra-op thread, OpenBLAS 1 or 2 threads: its fastest setting here) and
# plain vectorised Octave (OPENBLAS_NUM_THREADS 1 or 2).  Also: the GEMM-only
# floor of each task (its matrix products alone, in C) and a 2000x2000 GEMM
# peak, the peak memory of an nnlab training epoch, and the element-wise
# kernels against memory bandwidth.  Benchmarks, not tests: make check
# times nothing.
#
# usage: bench/run.sh BUILD_DIR        (from the top of the source tree)
# environment (defaults in parentheses):
#   RUNS        runs per configuration; the table shows medians (3)
#   EPOCHS      epochs per run of task A (1)
#   THREADS     BLAS thread counts (1 2)
#   XOR_STEPS   gradient steps of B-xor (20000)
#   XOR_BUDGET  seconds per nnlab B-xor run: when XOR_STEPS steps would take
#               longer, nnlab runs the number of steps that fits and its time
#               is scaled to XOR_STEPS (the table says so) (4)
#   CNN_N       training images of task C's epoch (60000: the whole set)
#   CNN_RUNS    runs per configuration of task C (1)
#   TASKS       the parts to run, of: A B C mem kernels sweep (all of them);
#               with only some, bench/RESULTS.md is left as it is and the
#               tables go to BUILD_DIR/bench/results.md only
# Writes BUILD_DIR/bench/raw/*.txt (every measurement), BUILD_DIR/bench/
# results.md (the tables) and, last, a copy of it in bench/RESULTS.md.
set -eu
build=${1:-build}
RUNS=${RUNS:-3}
EPOCHS=${EPOCHS:-1}
THREADS=${THREADS:-1 2}
XOR_STEPS=${XOR_STEPS:-20000}
XOR_BUDGET=${XOR_BUDGET:-4}
CNN_N=${CNN_N:-60000}
CNN_RUNS=${CNN_RUNS:-1}
ALL_TASKS="A B C mem kernels sweep"
TASKS=${TASKS:-$ALL_TASKS}
want() {  # TASK: is it in TASKS?
  case " $TASKS " in *" $1 "*) return 0 ;; esac
  return 1
}
root=$(pwd)
mkdir -p "$build/bench/raw"
out=$(cd "$build/bench" && pwd)
mex=$(cd "$build/mex" && pwd)
raw=$out/raw
rm -f "$raw"/*.txt
cc=${CC:-gcc}
blas=$(mkoctfile -p BLAS_LIBS)
py=/usr/bin/python3
oct="octave-cli --norc --no-history --no-window-system"
# nnlab's m-files as they are now, beside the MEX files just built: the tree
# may change while the benchmark runs
rm -rf "$out/m"
cp -r m "$out/m"
paths="addpath('$out/m'); addpath('$mex'); addpath('$root/bench');"
failed=""
start=$(date +%s)

# PyTorch (Debian's python3-torch; the pyenv python3 on PATH has no torch)
if ! $py -c 'import torch' 2>/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends python3-torch
  else
    echo "bench: PyTorch is missing; install it with: sudo apt-get install python3-torch" >&2
    exit 1
  fi
fi
if [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends time
  else
    echo "bench: /usr/bin/time is missing; install it with: sudo apt-get install time" >&2
    exit 1
  fi
fi

# an Octave command: its RESULT and comment lines go to the screen and to a
# raw file; on a failure the whole output is shown, the benchmark goes on
# with what it measured, and make bench fails at the end
octave_run() {  # FILE THREADS CODE
  log=$raw/$1.log
  if ! OPENBLAS_NUM_THREADS=$2 OMP_NUM_THREADS=$2 $oct --eval "$paths $3" >"$log" 2>&1; then
    cat "$log" >&2
    echo "bench: octave failed: $3" >&2
    failed="$failed $1"
  fi
  grep -E '^(RESULT|#)' "$log" | tee -a "$raw/$1.txt" || true
}
python_run() {  # FILE ARGS...
  f=$1
  shift
  log=$raw/$f.log
  if ! $py "$@" >"$log" 2>&1; then
    cat "$log" >&2
    echo "bench: python failed: $*" >&2
    failed="$failed $f"
  fi
  grep -E '^(RESULT|#)' "$log" | tee -a "$raw/$f.txt" || true
}

$cc -std=c99 -O2 -Wall -Ilib bench/bench_kernels.c "$build/obj/libnnlab.a" \
    $blas -lm -o "$out/bench_kernels"
$cc -std=c99 -O2 -Wall bench/gemm_floor.c $blas -lm -o "$out/gemm_floor"

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "blas: $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3)"
  echo "octave: $($oct --eval 'disp(version())' 2>/dev/null)"
  echo "torch: $($py -c 'import torch; print(torch.__version__)')"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo '-')$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "settings: RUNS=$RUNS EPOCHS=$EPOCHS THREADS='$THREADS' XOR_STEPS=$XOR_STEPS XOR_BUDGET=$XOR_BUDGET CNN_N=$CNN_N CNN_RUNS=$CNN_RUNS TASKS='$TASKS'"
} > "$raw/env.txt"
cat "$raw/env.txt"

echo "== data of task B-blobs"
octave_run blobs 1 "make_blobs('$out/blobs.txt');"

for t in $THREADS; do
  echo "== $t BLAS thread(s): GEMM peak (2000x2000) and the GEMM-only floor of each task"
  for p in single double; do
    OPENBLAS_NUM_THREADS=$t "$out/gemm_floor" peak $p $t 2000 "$RUNS" | tee -a "$raw/gemm.txt"
    want A || want B || continue
    OPENBLAS_NUM_THREADS=$t "$out/gemm_floor" floor A $p $t 784,256,128,10 60000 128 "$EPOCHS" "$RUNS" | tee -a "$raw/gemm.txt"
    OPENBLAS_NUM_THREADS=$t "$out/gemm_floor" floor B-xor $p $t 2,8,1 4 4 "$XOR_STEPS" "$RUNS" | tee -a "$raw/gemm.txt"
    OPENBLAS_NUM_THREADS=$t "$out/gemm_floor" floor B-blobs $p $t 64,32,10 2000 32 20 "$RUNS" | tee -a "$raw/gemm.txt"
  done
  if want A; then
    echo "== $t thread(s): task A (Fashion-MNIST, $EPOCHS epoch(s) a run, $RUNS runs)"
    octave_run nnlab_A_$t "$t" "nnlab_bench('A', $RUNS, $EPOCHS);"
    python_run torch_A_$t bench/torch_mlp.py --threads "$t" --runs "$RUNS" --epochs "$EPOCHS"
    octave_run octave_A_$t "$t" "octave_mlp($RUNS, $EPOCHS);"
  fi
  if want B; then
    echo "== $t thread(s): task B (small nets)"
    octave_run nnlab_B_$t "$t" "nnlab_bench('B', $RUNS, '$out/blobs.txt', $XOR_STEPS, 20, $XOR_BUDGET);"
    python_run torch_B_$t bench/torch_small.py --threads "$t" --runs "$RUNS" --steps "$XOR_STEPS" --blobs "$out/blobs.txt"
    octave_run octave_B_$t "$t" "octave_small('$out/blobs.txt', $RUNS, $XOR_STEPS, 20);"
  fi
  want C || continue
  echo "== $t thread(s): task C (the CNN of issue 13, $CNN_N images, $CNN_RUNS run(s))"
  for p in single double; do
    OPENBLAS_NUM_THREADS=$t "$out/gemm_floor" cnn C-cnn $p $t "$CNN_N" 128 "$CNN_RUNS" | tee -a "$raw/gemm.txt"
  done
  octave_run nnlab_C_$t "$t" "nnlab_bench('C', $CNN_RUNS, $CNN_N);"
  python_run torch_C_$t bench/torch_cnn.py --threads "$t" --runs "$CNN_RUNS" --n "$CNN_N"
  MALLOC_MMAP_THRESHOLD_=67108864 MALLOC_TRIM_THRESHOLD_=268435456 \
    python_run torch_heap_C_$t bench/torch_cnn.py --threads "$t" --runs "$CNN_RUNS" --n "$CNN_N" --impl torch-heap
done

if want mem; then
echo "== peak memory of one nnlab training epoch (task A-sgd, 1 thread; task C)"
# with the step-by-step loop as well (single only) when nn_train has engines
cases="single:auto double:auto single:copy double:copy single:low double:low"
if grep -q 'impl=nnlab-m' "$raw"/nnlab_A_*.txt 2>/dev/null; then
  cases="$cases single:m"
fi
if grep -q 'impl=nnlab-cols' "$raw"/nnlab_A_*.txt 2>/dev/null; then
  cases="$cases single:cols"
fi
for c in $cases; do
  p=${c%:*}
  e=${c#*:}
  OPENBLAS_NUM_THREADS=1 /usr/bin/time -v $oct --eval "$paths nnlab_mem('$p', '$e');" \
    >"$raw/mem_${p}_$e.log" 2>&1 || {
    cat "$raw/mem_${p}_$e.log" >&2
    echo "bench: the memory measurement $p $e failed" >&2
    failed="$failed mem_${p}_$e"
    continue
  }
  kb=$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$raw/mem_${p}_$e.log")
  grep '^RESULT' "$raw/mem_${p}_$e.log" | sed "s/\$/ maxrss_kb=$kb/" | tee -a "$raw/mem.txt"
done
for p in single double; do
  OPENBLAS_NUM_THREADS=1 /usr/bin/time -v $oct --eval "$paths nnlab_mem_cnn('$p', $CNN_N);" \
    >"$raw/memcnn_$p.log" 2>&1 || {
    cat "$raw/memcnn_$p.log" >&2
    echo "bench: the CNN memory measurement $p failed" >&2
    failed="$failed memcnn_$p"
    continue
  }
  kb=$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$raw/memcnn_$p.log")
  grep '^RESULT' "$raw/memcnn_$p.log" | sed "s/\$/ maxrss_kb=$kb/" | tee -a "$raw/mem.txt"
done
/usr/bin/time -v $oct --eval "$paths nn_mlp([2 2 1]);" >"$raw/mem_empty.log" 2>&1 || true
kb=$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$raw/mem_empty.log")
echo "RESULT task=mem impl=octave-empty maxrss_kb=$kb" | tee -a "$raw/mem.txt"
fi

if want kernels; then
  echo "== elementwise kernels against memory bandwidth (1 thread)"
  # 16M elements (bench_kernels' default): every array is larger than the L3
  # cache, so memcpy runs at DRAM bandwidth, the "memory bandwidth" of issue 3
  OPENBLAS_NUM_THREADS=1 "$out/bench_kernels" | tee "$out/kernels.txt"
else
  rm -f "$out/kernels.txt"
fi

# issue 14: nn_sweep serial (1 thread) against 2 local workers and 2 pservers
if want sweep; then
  octave_run sweep 1 "bench_sweep('$out/blobs.txt');"
fi

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$raw/env.txt"
echo "wall time of make bench: $(( $(date +%s) - start )) s" >> "$raw/env.txt"
[ -z "$failed" ] || echo "FAILED (missing from the tables):$failed" >> "$raw/env.txt"
echo
$py bench/summarize.py "$out" > "$out/results.md"
cat "$out/results.md"
echo
if [ "$TASKS" = "$ALL_TASKS" ]; then
  cp "$out/results.md" bench/RESULTS.md
  echo "bench: wrote $build/bench/results.md and bench/RESULTS.md"
else
  echo "bench: wrote $build/bench/results.md (TASKS='$TASKS': bench/RESULTS.md left as it was)"
fi
if [ -n "$failed" ]; then
  echo "bench: these parts failed (see $out/raw/*.log):$failed" >&2
  exit 1
fi
