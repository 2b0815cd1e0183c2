#!/usr/bin/python3
"""Reference vectors for nn_step: torch.optim, 100 steps, in double.

Run with Debian's python3-torch (PyTorch 1.13):
    /usr/bin/python3 tests/data/gen_step.py
Writes, next to this script:
  step_grads.txt  line 1: the initial parameter P0 (3x2) as P0(:)';
                  lines 2..101: gradient t as G(:)' (column-major, as Octave)
  step_cases.txt  for each case a line `case NAME METHOD opt=value ...`
                  (the options exactly as given to nn_step; a 2-vector is
                  written a,b), then `P ...` the parameter after 100 steps
                  and one line per state buffer `BUFFER ...` (PyTorch's state
                  names, column-major), all in %.17g.
tests/step.tst replays every case with nn_step; torch is not needed there.
"""
import os

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
SHAPE = (3, 2)
STEPS = 100

# (name, method, options as given to nn_step)
CASES = [
    ("sgd_default", "sgd", {}),
    ("sgd_plain", "sgd", {"lr": 0.1}),
    ("sgd_momentum", "sgd", {"lr": 0.05, "momentum": 0.9}),
    ("sgd_dampening", "sgd", {"lr": 0.05, "momentum": 0.9, "dampening": 0.3,
                              "weight_decay": 0.01}),
    ("sgd_nesterov", "sgd", {"lr": 0.05, "momentum": 0.8, "nesterov": True,
                             "weight_decay": 0.1}),
    ("sgd_maximize", "sgd", {"lr": 0.01, "momentum": 0.5, "maximize": True,
                             "weight_decay": 0.05}),
    ("adagrad_default", "adagrad", {}),
    ("adagrad_decay", "adagrad", {"lr": 0.1, "lr_decay": 0.05,
                                  "weight_decay": 0.01,
                                  "initial_accumulator_value": 0.5,
                                  "eps": 1e-6}),
    ("adagrad_maximize", "adagrad", {"lr": 0.05, "maximize": True}),
    ("rmsprop_default", "rmsprop", {}),
    ("rmsprop_momentum", "rmsprop", {"lr": 0.001, "momentum": 0.9,
                                     "eps": 1e-4}),
    ("rmsprop_centered", "rmsprop", {"lr": 0.005, "alpha": 0.9,
                                     "centered": True}),
    ("rmsprop_all", "rmsprop", {"lr": 0.005, "alpha": 0.9, "centered": True,
                                "momentum": 0.7, "weight_decay": 0.01,
                                "maximize": True}),
    ("adam_default", "adam", {}),
    ("adam_amsgrad", "adam", {"lr": 0.01, "betas": (0.8, 0.95), "eps": 1e-6,
                              "weight_decay": 0.05, "amsgrad": True}),
    ("adam_maximize", "adam", {"lr": 0.01, "maximize": True}),
    ("adamw_default", "adamw", {}),
    ("adamw_amsgrad", "adamw", {"lr": 0.02, "betas": (0.85, 0.99),
                                "weight_decay": 0.1, "amsgrad": True}),
    ("rprop_default", "rprop", {}),
    ("rprop_custom", "rprop", {"lr": 0.05, "etas": (0.3, 1.5),
                               "step_sizes": (1e-3, 0.2)}),
    ("rprop_maximize", "rprop", {"maximize": True}),
]

CLASSES = {
    "sgd": torch.optim.SGD, "adagrad": torch.optim.Adagrad,
    "rmsprop": torch.optim.RMSprop, "adam": torch.optim.Adam,
    "adamw": torch.optim.AdamW, "rprop": torch.optim.Rprop,
}

BUFFERS = {
    "sgd": ["momentum_buffer"], "adagrad": ["sum"],
    "rmsprop": ["square_avg", "momentum_buffer", "grad_avg"],
    "adam": ["exp_avg", "exp_avg_sq", "max_exp_avg_sq"],
    "adamw": ["exp_avg", "exp_avg_sq", "max_exp_avg_sq"],
    "rprop": ["prev", "step_size"],
}


def col(a):
    """A 3x2 array as Octave's a(:)' (column-major)."""
    return np.asarray(a, dtype=np.float64).flatten(order="F")


def fmt(v):
    return " ".join("%.17g" % x for x in v)


def opt_text(opts):
    out = []
    for k, v in opts.items():
        if isinstance(v, bool):
            out.append("%s=%d" % (k, int(v)))
        elif isinstance(v, tuple):
            out.append("%s=%s" % (k, ",".join(repr(float(x)) for x in v)))
        else:
            out.append("%s=%r" % (k, float(v)))
    return " ".join(out)


def gradients(rng):
    """100 gradients of varying scale (so that amsgrad's maximum and rprop's
    sign changes matter), with exact zeros in places (rprop's sign 0)."""
    grads = []
    for t in range(STEPS):
        scale = np.exp(1.5 * np.sin(t / 6.0))
        g = rng.standard_normal(SHAPE) * scale + 0.3 * np.cos(t / 9.0)
        if t % 5 == 2:
            g[1, 0] = 0.0
        if t % 7 == 3:
            g[2, 1] = 0.0
        grads.append(g)
    return grads


def run(method, opts, p0, grads):
    kw = dict(opts)
    if method == "sgd" and "lr" not in kw:
        kw["lr"] = 1e-3       # nnlab's default (PyTorch >= 2.2); 1.13 needs it
    if method != "rprop":
        kw["foreach"] = False
    p = torch.tensor(p0, dtype=torch.float64, requires_grad=True)
    opt = CLASSES[method]([p], **kw)
    for g in grads:
        p.grad = torch.tensor(g, dtype=torch.float64)
        opt.step()
    state = opt.state[p]
    bufs = [(b, state[b].detach().numpy()) for b in BUFFERS[method]
            if b in state and state[b] is not None]
    return p.detach().numpy(), bufs


def main():
    torch.set_default_dtype(torch.float64)
    rng = np.random.default_rng(20261126)
    p0 = rng.standard_normal(SHAPE)
    grads = gradients(rng)
    with open(os.path.join(HERE, "step_grads.txt"), "w") as f:
        f.write("# nn_step reference: P0(:)' then the 100 gradients G(:)' "
                "(3x2), written by gen_step.py\n")
        f.write(fmt(col(p0)) + "\n")
        for g in grads:
            f.write(fmt(col(g)) + "\n")
    with open(os.path.join(HERE, "step_cases.txt"), "w") as f:
        f.write("# nn_step reference: torch.optim %s, %d steps on step_grads.txt, "
                "written by gen_step.py\n" % (torch.__version__, STEPS))
        for name, method, opts in CASES:
            p, bufs = run(method, opts, p0, grads)
            f.write(("case %s %s %s" % (name, method, opt_text(opts))).rstrip() + "\n")
            f.write("P " + fmt(col(p)) + "\n")
            for b, v in bufs:
                f.write("%s %s\n" % (b, fmt(col(v))))


if __name__ == "__main__":
    main()
