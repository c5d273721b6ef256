#!/usr/bin/python3
"""Peer driver: scipy's double solvers on the binary mle (Wright-Fisher) chain, built here
from the closed form (scipy.stats.binom.pmf; no code shared with collapse).

  scipy_solve.py --n N --what absorption|steps|stationary [--lambda A/B]
                 [--method dense|banded] [--cutoff 1e-30] [--print]

Same systems as flint_solve.c: (I-Q) x = r, (I-Q) t = 1 over states 1..N-1, and the
regenerative form (I - P_{-0,-0})^T w = P(0,-0)^T, pi = (1, w) / (1 + sum w).
dense: scipy.linalg.solve (LAPACK gesv, partial pivoting) on the full matrix.
banded: scipy.linalg.solve_banded (LAPACK gbsv) on the band of entries >= cutoff; entries
below the cut-off (binomial tails) are dropped, a relative change of the system of about
the cut-off. Prints one JSON object with build and solve seconds and, with --print, the
solution (entry i for state i: 1..N-1, or 0..N for stationary).
Run with Debian's python3 (python3-scipy)."""
import argparse
import json
import sys
import time
import warnings
from fractions import Fraction

import numpy as np
import scipy
import scipy.linalg
from scipy.stats import binom


def probabilities(n, lam):
    i = np.arange(n + 1, dtype=float)
    return (1.0 - lam) * i / n + lam / 2.0


def dense_system(n, what, lam):
    p = probabilities(n, lam)
    P = binom.pmf(np.arange(n + 1)[None, :], n, p[:, None])
    if what == "stationary":
        A = np.eye(n) - P[1:, 1:].T
        b = P[0, 1:].copy()
    else:
        A = np.eye(n - 1) - P[1:n, 1:n]
        b = P[1:n, n].copy() if what == "absorption" else np.ones(n - 1)
    return A, b


def banded_system(n, what, lam, cutoff):
    """Band storage ab[w + r - c, c] = A[r, c] with half-bandwidth w from the cut-off."""
    p = probabilities(n, lam)
    first = 1  # unknowns: states 1..N-1 (absorbing) or 1..N (stationary)
    m = n if what == "stationary" else n - 1
    # Rows of the unknowns: outside [lo, hi] each binomial tail has mass <= cutoff.
    rows = np.arange(first, first + m)
    lo = binom.ppf(cutoff, n, p[rows])
    hi = n - binom.ppf(cutoff, n, 1.0 - p[rows])  # binom.isf is inaccurate this far out
    w = int(max(np.max(np.abs(rows - lo)), np.max(np.abs(hi - rows)), 1))
    ab = np.zeros((2 * w + 1, m))
    b = np.zeros(m)
    chunk = max(1, 2_000_000 // (2 * w + 1))
    offsets = np.arange(-w, w + 1)
    for start in range(0, m, chunk):
        r = np.arange(start, min(m, start + chunk))
        state = r + first
        cols = state[:, None] + offsets[None, :]  # state j of P(state, j)
        pmf = binom.pmf(np.clip(cols, 0, n), n, p[state][:, None])
        c = cols - first
        valid = (c >= 0) & (c < m)
        # A = I - Q (row state) or its transpose: entry (r, c) goes to ab[w + r - c, c].
        rr = np.broadcast_to(r[:, None], c.shape)
        if what == "stationary":
            # A[c, r] = -P(state r, state c): transposed, so the band row index flips.
            ab[(w + c - rr)[valid], rr[valid]] = -pmf[valid]
        else:
            ab[(w + rr - c)[valid], c[valid]] = -pmf[valid]
    ab[w, :] += 1.0
    if what == "stationary":
        b[:] = binom.pmf(np.arange(1, n + 1), n, p[0])
    elif what == "absorption":
        b[:] = binom.pmf(n, n, p[1:n])
    else:
        b[:] = 1.0
    return ab, w, b


def main():
    # Boost's binomial pdf warns on the zero tails it returns; the values are right.
    warnings.filterwarnings("ignore", category=RuntimeWarning)
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--what", choices=["absorption", "steps", "stationary"], required=True)
    ap.add_argument("--lambda", dest="lam", default="0")
    ap.add_argument("--method", choices=["dense", "banded"], default="dense")
    ap.add_argument("--cutoff", type=float, default=1e-30)
    ap.add_argument("--print", action="store_true")
    a = ap.parse_args()
    lam = float(Fraction(a.lam))
    if (a.what == "stationary") == (lam == 0):
        sys.exit("scipy_solve: stationary needs --lambda > 0, absorption and steps need lambda = 0")
    t0 = time.perf_counter()
    if a.method == "dense":
        A, b = dense_system(a.n, a.what, lam)
        t1, c1 = time.perf_counter(), time.process_time()
        x = scipy.linalg.solve(A, b)
    else:
        ab, w, b = banded_system(a.n, a.what, lam, a.cutoff)
        t1, c1 = time.perf_counter(), time.process_time()
        x = scipy.linalg.solve_banded((w, w), ab, b)
    t2, c2 = time.perf_counter(), time.process_time()
    if a.what == "stationary":
        p0 = 1.0 / (1.0 + np.sum(x))
        x = np.concatenate(([p0], x * p0))
    out = {"tool": "scipy", "method": a.method, "n": a.n, "what": a.what, "lambda": a.lam,
           "scipy": scipy.__version__, "build_seconds": t1 - t0, "solve_seconds": t2 - t1,
           "solve_cpu_seconds": c2 - c1}
    if a.method == "banded":
        out["half_bandwidth"] = w
        out["cutoff"] = a.cutoff
    if a.print:
        out["values"] = [float(v) for v in x]
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
