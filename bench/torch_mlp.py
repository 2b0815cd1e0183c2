#!/usr/bin/python3
"""Task A of make bench in PyTorch (CPU): the lecture's MNIST task.

Fashion-MNIST (pixels / 255), 784-256-128-10, ReLU, softmax cross-entropy,
minibatch 128 (the last batch of an epoch is smaller), a fresh random
permutation every epoch; SGD lr 0.1 (no momentum) or Adam lr 1e-3.
He-uniform weights U(+-sqrt(6/fan_in)), zero biases (as nnlab's nn_mlp).

Times the training loop only (data already in memory as tensors; the test
evaluation after the last epoch is not timed).  torch uses 1 intra-op thread
and OpenBLAS the given number of threads (torch's GEMMs go to OpenBLAS,
whose thread pool torch.set_num_threads does not govern), the fastest
setting on this 2-core machine.

Prints one line per run:
  RESULT task=A-sgd impl=torch prec=single threads=1 run=1 time_s=... acc=...

usage: torch_mlp.py --threads T [--runs 3] [--epochs 1] [--dtypes float32,float64]
                    [--optims sgd,adam]
"""
import argparse
import gzip
import os
import struct
import sys
import time

ap = argparse.ArgumentParser()
ap.add_argument("--threads", type=int, default=1, help="OpenBLAS threads")
ap.add_argument("--runs", type=int, default=3)
ap.add_argument("--epochs", type=int, default=1)
ap.add_argument("--dtypes", default="float32,float64")
ap.add_argument("--optims", default="sgd,adam")
args = ap.parse_args()
os.environ["OPENBLAS_NUM_THREADS"] = str(args.threads)
os.environ["OMP_NUM_THREADS"] = "1"

import numpy as np  # noqa: E402
import torch  # noqa: E402

torch.set_num_threads(1)


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
xtr = read_idx(os.path.join(d, "train-images-idx3-ubyte")).reshape(-1, 784) / 255.0
ytr = read_idx(os.path.join(d, "train-labels-idx1-ubyte")).astype(np.int64)
xte = read_idx(os.path.join(d, "t10k-images-idx3-ubyte")).reshape(-1, 784) / 255.0
yte = read_idx(os.path.join(d, "t10k-labels-idx1-ubyte")).astype(np.int64)
print(f"# torch {torch.__version__} intra-op threads {torch.get_num_threads()} "
      f"OPENBLAS_NUM_THREADS={args.threads}", flush=True)

for dt_name in args.dtypes.split(","):
    dtype = getattr(torch, dt_name)
    prec = "single" if dt_name == "float32" else "double"
    Xtr, Ytr = torch.tensor(xtr, dtype=dtype), torch.tensor(ytr)
    Xte, Yte = torch.tensor(xte, dtype=dtype), torch.tensor(yte)
    n = Xtr.shape[0]
    for optim in args.optims.split(","):
        for run in range(1, args.runs + 1):
            torch.manual_seed(run)
            model = torch.nn.Sequential(
                torch.nn.Linear(784, 256), torch.nn.ReLU(),
                torch.nn.Linear(256, 128), torch.nn.ReLU(),
                torch.nn.Linear(128, 10)).to(dtype)
            for m in model:
                if isinstance(m, torch.nn.Linear):
                    bound = (6.0 / m.in_features) ** 0.5
                    torch.nn.init.uniform_(m.weight, -bound, bound)
                    torch.nn.init.zeros_(m.bias)
            if optim == "sgd":
                opt = torch.optim.SGD(model.parameters(), lr=0.1)
            else:
                opt = torch.optim.Adam(model.parameters(), lr=1e-3)
            lossf = torch.nn.CrossEntropyLoss()
            gen = torch.Generator().manual_seed(run)
            t0 = time.perf_counter()
            for ep in range(args.epochs):
                perm = torch.randperm(n, generator=gen)
                for i in range(0, n, 128):
                    idx = perm[i:i + 128]
                    loss = lossf(model(Xtr[idx]), Ytr[idx])
                    opt.zero_grad(set_to_none=True)
                    loss.backward()
                    opt.step()
            t = time.perf_counter() - t0
            with torch.no_grad():
                acc = (model(Xte).argmax(1) == Yte).double().mean().item()
            print(f"RESULT task=A-{optim} impl=torch prec={prec} threads={args.threads} "
                  f"run={run} epochs={args.epochs} time_s={t:.4f} acc={acc:.4f}", flush=True)
sys.exit(0)
