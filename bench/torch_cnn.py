#!/usr/bin/python3
"""Task C of make bench in PyTorch (CPU): the CNN of issue 13 on Fashion-MNIST.

28x28x1 images (pixels / 255), conv 32 3x3 - ReLU - maxpool 2 - conv 64 3x3 -
ReLU - maxpool 2 - flatten (1600) - dense 128 - ReLU - dense 10, softmax
cross-entropy, minibatch 128 (the last batch of the epoch smaller), a fresh
random permutation, SGD lr 0.05 (no momentum).  He-uniform weights
U(+-sqrt(6/fan_in)), zero biases (as nnlab's layers).

The first N training images (--n, default all 60000) make the epoch; times
the training loop only (data in memory as tensors; the test evaluation is
not timed).  Threads: torch's intra-op threads (its convolutions run there,
through oneDNN/its own kernels) and OpenBLAS's both set to --threads.

Prints one line per run:
  RESULT task=C-cnn impl=torch prec=single threads=1 run=1 n=60000 time_s=... acc=...

run.sh runs it twice: as it is (impl=torch), and with glibc's heap set as
nnlab's MEX files set it (MALLOC_MMAP_THRESHOLD_=64 MB, MALLOC_TRIM_THRESHOLD_
=256 MB; impl=torch-heap): PyTorch's CPU allocator frees and maps its
activations again every step too, and is faster so.

usage: torch_cnn.py --threads T [--runs 1] [--n 60000] [--dtypes float32,float64]
                    [--impl torch]
"""
import argparse
import gzip
import os
import struct
import sys
import time

ap = argparse.ArgumentParser()
ap.add_argument("--threads", type=int, default=1)
ap.add_argument("--runs", type=int, default=1)
ap.add_argument("--n", type=int, default=60000)
ap.add_argument("--dtypes", default="float32,float64")
ap.add_argument("--impl", default="torch", help="the label of the RESULT lines")
args = ap.parse_args()
os.environ["OPENBLAS_NUM_THREADS"] = str(args.threads)
os.environ["OMP_NUM_THREADS"] = str(args.threads)

import numpy as np  # noqa: E402
import torch  # noqa: E402

torch.set_num_threads(args.threads)


def read_idx(path):
    opener = open if os.path.exists(path) else gzip.open
    if opener is gzip.open:
        path += ".gz"
    with opener(path, "rb") as f:
        data = f.read()
    ndim = data[3]
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


d = os.environ.get("FMNIST_DIR", "/usr/share/datasets/fashion-mnist")
xtr = read_idx(os.path.join(d, "train-images-idx3-ubyte"))[:args.n] / 255.0
ytr = read_idx(os.path.join(d, "train-labels-idx1-ubyte"))[:args.n].astype(np.int64)
xte = read_idx(os.path.join(d, "t10k-images-idx3-ubyte")) / 255.0
yte = read_idx(os.path.join(d, "t10k-labels-idx1-ubyte")).astype(np.int64)
print(f"# torch {torch.__version__} intra-op threads {torch.get_num_threads()} "
      f"OPENBLAS_NUM_THREADS={args.threads} mkldnn={torch.backends.mkldnn.is_available()}",
      flush=True)

for dt_name in args.dtypes.split(","):
    dtype = getattr(torch, dt_name)
    prec = "single" if dt_name == "float32" else "double"
    Xtr = torch.tensor(xtr, dtype=dtype).unsqueeze(1).contiguous()
    Ytr = torch.tensor(ytr)
    Xte = torch.tensor(xte, dtype=dtype).unsqueeze(1).contiguous()
    Yte = torch.tensor(yte)
    n = Xtr.shape[0]
    for run in range(1, args.runs + 1):
        torch.manual_seed(run)
        model = torch.nn.Sequential(
            torch.nn.Conv2d(1, 32, 3), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            torch.nn.Conv2d(32, 64, 3), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            torch.nn.Flatten(),
            torch.nn.Linear(1600, 128), torch.nn.ReLU(),
            torch.nn.Linear(128, 10)).to(dtype)
        for m in model:
            if isinstance(m, (torch.nn.Linear, torch.nn.Conv2d)):
                fan_in = m.weight[0].numel()
                bound = (6.0 / fan_in) ** 0.5
                torch.nn.init.uniform_(m.weight, -bound, bound)
                torch.nn.init.zeros_(m.bias)
        opt = torch.optim.SGD(model.parameters(), lr=0.05)
        lossf = torch.nn.CrossEntropyLoss()
        gen = torch.Generator().manual_seed(run)
        t0 = time.perf_counter()
        perm = torch.randperm(n, generator=gen)
        for i in range(0, n, 128):
            idx = perm[i:i + 128]
            loss = lossf(model(Xtr[idx]), Ytr[idx])
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
        t = time.perf_counter() - t0
        with torch.no_grad():
            acc = sum((model(Xte[i:i + 1000]).argmax(1) == Yte[i:i + 1000]).sum().item()
                      for i in range(0, Xte.shape[0], 1000)) / Xte.shape[0]
        print(f"RESULT task=C-cnn impl={args.impl} prec={prec} threads={args.threads} "
              f"run={run} n={n} time_s={t:.4f} acc={acc:.4f}", flush=True)
sys.exit(0)
