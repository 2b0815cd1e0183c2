#!/usr/bin/python3
"""Task B of make bench in PyTorch (CPU): small networks, where the cost of
each call rules rather than the arithmetic.

B-xor   XOR, 2-8-1, sigmoid hidden and output, binary cross-entropy,
        full batch (4 rows), plain SGD lr 1, STEPS gradient steps (20000).
B-blobs 64-32-10, tanh hidden, linear output + softmax cross-entropy,
        2000 samples read from BLOBS (written by bench/make_blobs.m, the same
        data every implementation trains on), minibatch 32 with a fresh
        permutation every epoch, plain SGD lr 0.1, 20 epochs.

Weights: torch's default initialisation; zero biases.  Only the training
loop is timed.  Accuracy: on the training data (XOR: its 4 rows).
1 intra-op thread; OpenBLAS threads as given.

Prints one line per run:
  RESULT task=B-xor impl=torch prec=single threads=1 run=1 time_s=... acc=...

usage: torch_small.py --threads T --blobs FILE [--runs 3] [--steps 20000]
"""
import argparse
import os
import time

ap = argparse.ArgumentParser()
ap.add_argument("--threads", type=int, default=1, help="OpenBLAS threads")
ap.add_argument("--runs", type=int, default=3)
ap.add_argument("--steps", type=int, default=20000)
ap.add_argument("--epochs", type=int, default=20)
ap.add_argument("--blobs", required=True)
args = ap.parse_args()
os.environ["OPENBLAS_NUM_THREADS"] = str(args.threads)
os.environ["OMP_NUM_THREADS"] = "1"

import numpy as np  # noqa: E402
import torch  # noqa: E402

torch.set_num_threads(1)
blobs = np.loadtxt(args.blobs)            # N x 65: 64 features, then label 1..10


def zero_bias(model):
    for m in model:
        if isinstance(m, torch.nn.Linear):
            torch.nn.init.zeros_(m.bias)


for dt_name in ("float32", "float64"):
    dtype = getattr(torch, dt_name)
    prec = "single" if dt_name == "float32" else "double"
    # XOR
    X = torch.tensor([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=dtype)
    T = torch.tensor([[0], [1], [1], [0]], dtype=dtype)
    for run in range(1, args.runs + 1):
        torch.manual_seed(run)
        model = torch.nn.Sequential(torch.nn.Linear(2, 8), torch.nn.Sigmoid(),
                                    torch.nn.Linear(8, 1), torch.nn.Sigmoid()).to(dtype)
        zero_bias(model)
        opt = torch.optim.SGD(model.parameters(), lr=1.0)
        lossf = torch.nn.BCELoss()
        t0 = time.perf_counter()
        for step in range(args.steps):
            loss = lossf(model(X), T)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
        t = time.perf_counter() - t0
        with torch.no_grad():
            acc = ((model(X) > 0.5).to(dtype) == T).double().mean().item()
        print(f"RESULT task=B-xor impl=torch prec={prec} threads={args.threads} run={run} "
              f"steps={args.steps} time_s={t:.4f} acc={acc:.4f}", flush=True)
    # blobs
    Xb = torch.tensor(blobs[:, :64], dtype=dtype)
    Yb = torch.tensor(blobs[:, 64].astype(np.int64) - 1)
    n = Xb.shape[0]
    for run in range(1, args.runs + 1):
        torch.manual_seed(run)
        model = torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.Tanh(),
                                    torch.nn.Linear(32, 10)).to(dtype)
        zero_bias(model)
        opt = torch.optim.SGD(model.parameters(), lr=0.1)
        lossf = torch.nn.CrossEntropyLoss()
        gen = torch.Generator().manual_seed(run)
        t0 = time.perf_counter()
        for ep in range(args.epochs):
            perm = torch.randperm(n, generator=gen)
            for i in range(0, n, 32):
                idx = perm[i:i + 32]
                loss = lossf(model(Xb[idx]), Yb[idx])
                opt.zero_grad(set_to_none=True)
                loss.backward()
                opt.step()
        t = time.perf_counter() - t0
        with torch.no_grad():
            acc = (model(Xb).argmax(1) == Yb).double().mean().item()
        print(f"RESULT task=B-blobs impl=torch prec={prec} threads={args.threads} run={run} "
              f"epochs={args.epochs} time_s={t:.4f} acc={acc:.4f}", flush=True)
