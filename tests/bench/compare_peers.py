#!/usr/bin/env python3
"""Times the collapse CLI against peer tools on the same binary mle chains, in one run.

Peers (drivers in tests/bench/peers/, each building the chain from the closed form on its
own): FLINT (exact), Arb (verified balls), scipy (doubles), R markovchain (doubles).
For every case it prints a table (tool, seconds, ratio to collapse, accuracy) and writes
results.json, results.md and every tool's raw output under --out-dir.

  tests/bench/compare_peers.py                 # the issue's sizes (about 20 minutes)
  tests/bench/compare_peers.py --quick         # tiny N, seconds: the smoke run
  tests/bench/compare_peers.py --cases steps-exact-200,stat-interval-500
  tests/bench/compare_peers.py --list

Accuracy is measured against an answer of known quality, never against the tool itself:
absorption probabilities against the closed form i/N (theorem T2); expected steps and
stationary laws against the collapse exact or interval result of the same case. Double
results: largest relative error; interval results: largest relative width and whether they
contain the reference; exact results: equality with the reference.
Only the Python standard library is used here; the scipy driver runs under Debian's
python3 (--scipy-python). C drivers are compiled with cc into --out-dir/bin.
"""
import argparse
import json
import os
import platform
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PEERS = Path(__file__).resolve().parent / "peers"
DEBIAN_PACKAGES = ["gcc", "libc6-dev", "libflint-dev", "libflint-arb-dev", "python3", "python3-scipy",
                   "r-cran-markovchain"]


@dataclass
class Case:
    n: int
    what: str                      # absorption | steps | stationary
    tools: list                    # (tool id, timeout seconds); the first is the collapse row
    reference: str                 # "closed-form" or a tool id of this case
    fresh: str = "0"               # fresh fraction lambda, exact
    target: str = ""
    quick: bool = False


def c(n, what, tools, reference, fresh="0", target="", quick=False):
    return Case(n, what, tools, reference, fresh, target, quick)


# Tool ids: collapse:<arithmetic>, flint:<solve|dixon|fmpz-dixon>, arb:<solve|lu>,
# scipy:<dense|banded>, markovchain.
CASES = {
    # --- the smoke run: every tool, tiny N ---
    "quick-abs": c(12, "absorption", [("collapse:exact", 60), ("collapse:interval", 60), ("collapse:float", 60),
                                      ("flint:solve", 60), ("flint:dixon", 60), ("flint:fmpz-dixon", 60),
                                      ("arb:solve", 60), ("arb:lu", 60), ("scipy:dense", 60),
                                      ("scipy:banded", 60), ("markovchain", 60)],
                   "closed-form", quick=True),
    "quick-steps": c(10, "steps", [("collapse:exact", 60), ("collapse:interval", 60), ("collapse:float", 60),
                                   ("flint:solve", 60), ("flint:fmpz-dixon", 60), ("arb:lu", 60),
                                   ("scipy:dense", 60), ("scipy:banded", 60), ("markovchain", 60)],
                     "collapse:exact", quick=True),
    "quick-stat": c(8, "stationary", [("collapse:exact", 60), ("collapse:interval", 60), ("collapse:float", 60),
                                      ("flint:fmpz-dixon", 60), ("arb:lu", 60), ("scipy:dense", 60),
                                      ("scipy:banded", 60), ("markovchain", 60)],
                    "collapse:exact", fresh="1/10", quick=True),
    # --- the targets (issue 4) ---
    "abs-exact-1000": c(1000, "absorption", [("collapse:exact", 300), ("flint:solve", 300),
                                             ("flint:fmpz-dixon", 300)],
                        "closed-form", target="1: >= 10x faster than FLINT fmpq_mat_solve"),
    "abs-exact-2000": c(2000, "absorption", [("collapse:exact", 120)],
                        "closed-form", target="1: N=2000 completes within 24 GiB"),
    "steps-exact-200": c(200, "steps", [("collapse:exact", 120), ("flint:fmpz-dixon", 120),
                                        ("flint:dixon", 120), ("flint:solve", 120)],
                         "collapse:exact", target="2: no slower than FLINT's Dixon solver"),
    "steps-exact-400": c(400, "steps", [("collapse:exact", 180), ("flint:fmpz-dixon", 180)],
                         "collapse:exact", target="2: N=400 completes"),
    "abs-interval-1000": c(1000, "absorption", [("collapse:interval", 150), ("arb:lu", 120),
                                                ("arb:solve", 120)],
                           "closed-form", target="3 (peer check): verified solves against Arb"),
    "abs-interval-10000": c(10000, "absorption", [("collapse:interval", 60), ("collapse:float", 60),
                                                  ("scipy:banded", 60)],
                            "closed-form", target="3: rel. width <= 1e-9, within 3x of the double solve"),
    "steps-interval-10000": c(10000, "steps", [("collapse:interval", 60), ("collapse:float", 60),
                                               ("scipy:banded", 60)],
                              "collapse:interval", target="3: rel. width <= 1e-9, within 3x of the double solve"),
    "abs-100000": c(100000, "absorption", [("collapse:interval", 1500), ("collapse:float", 1500),
                                           ("scipy:banded", 180)],
                    "closed-form", target="3, 5: N=1e5 completes (verified; doubles in minutes)"),
    "stat-interval-500": c(500, "stationary", [("collapse:interval", 120), ("collapse:float", 60),
                                               ("arb:lu", 120), ("scipy:dense", 60), ("markovchain", 120)],
                           "collapse:interval", fresh="1/1000000000",
                           target="4: rel. width <= 1e-20; 5: doubles entrywise to 1e-13"),
    "abs-float-2000": c(2000, "absorption", [("collapse:float", 60), ("scipy:dense", 60),
                                             ("markovchain", 120)],
                        "closed-form", target="5: no slower than dense scipy.linalg.solve"),
}


# ---------------------------------------------------------------- running one command

@dataclass
class Run:
    status: str = "ok"             # ok | timeout | failed
    seconds: float = 0.0           # wall time of the whole process
    cpu_seconds: float = 0.0       # user + system time: less disturbed by a busy machine
    load: float = 0.0              # 1-minute load average when the run started
    max_rss_mib: float = 0.0
    stdout: str = ""
    message: str = ""


def run(cmd, timeout, mem_gib, raw_path, wall_factor):
    """Runs cmd in its own process group under an address-space limit. The timeout is CPU
    time (RLIMIT_CPU), so that a busy shared machine does not turn a run into a timeout; a
    wall-clock guard of wall_factor times the timeout kills the group all the same."""
    def limit():
        if mem_gib > 0:
            b = int(mem_gib * 2**30)
            resource.setrlimit(resource.RLIMIT_AS, (b, b))
        cpu = int(timeout + 0.999)
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    out_path, err_path = raw_path.with_suffix(".out"), raw_path.with_suffix(".err")
    with open(out_path, "w") as out, open(err_path, "w") as err:
        load = os.getloadavg()[0]
        start = time.perf_counter()
        # One thread everywhere (BLAS included): the comparison is core for core.
        env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env,
                                preexec_fn=limit, start_new_session=True)
        r = Run(load=load)
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > wall_factor * timeout:
                os.killpg(proc.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(proc.pid, 0)
                r.status, r.message = "timeout", f"killed after {wall_factor * timeout:g} s wall"
                break
            time.sleep(0.02)
        proc.returncode = os.waitstatus_to_exitcode(status)
        r.seconds = time.perf_counter() - start
        r.cpu_seconds = usage.ru_utime + usage.ru_stime
        r.max_rss_mib = usage.ru_maxrss / 1024.0
    r.stdout = out_path.read_text()
    # SIGXCPU comes only from the CPU limit (its accounting runs a little ahead of rusage).
    if r.status == "ok" and (proc.returncode == -signal.SIGXCPU
                             or (proc.returncode == -signal.SIGKILL and r.cpu_seconds >= timeout)):
        r.status, r.message = "timeout", f"over {timeout:g} s of CPU time"
    if r.status == "ok" and proc.returncode != 0:
        lines = [ln for ln in err_path.read_text().splitlines() if ln.strip()]
        r.status = "failed"
        r.message = f"exit {proc.returncode}: " + (lines[-1][:200] if lines else "no message")
    return r


# ---------------------------------------------------------------- values

ARB_BALL = re.compile(r"^\[\s*(?:([-+0-9.eE]+)\s*)?\+/-\s*([0-9.eE+-]+)\s*\]$")


def arb_interval(s):
    m = ARB_BALL.match(s.strip())
    if not m:
        x = Fraction(s)
        return (x, x)
    mid = Fraction(m.group(1)) if m.group(1) else Fraction(0)
    rad = Fraction(m.group(2))
    return (mid - rad, mid + rad)


def collapse_value(v):
    if isinstance(v, str):
        return Fraction(v)
    if isinstance(v, list):
        return (Fraction(v[0]), Fraction(v[1]))
    return Fraction(v) if v == v and abs(v) != float("inf") else None


def collapse_values(d, case):
    """The solution by state index i (state label "i,N-i"): i = 1..N-1, or 0..N for stationary."""
    n = case.n
    label = lambda i: f"{i},{n - i}"
    if case.what == "absorption":
        k = d["closed_classes"].index([label(n)])
        return [collapse_value(d["absorption"][label(i)][k]) for i in range(1, n)]
    if case.what == "steps":
        return [collapse_value(d["expected_steps"][label(i)]) for i in range(1, n)]
    if len(d["stationary"]) != 1:
        raise ValueError(f"expected one stationary law, got {len(d['stationary'])}")
    return [collapse_value(d["stationary"][0][label(i)]) for i in range(0, n + 1)]


def kind_of(tool):
    if tool.startswith("collapse:"):
        return {"exact": "exact", "interval": "interval", "float": "double"}[tool.split(":")[1]]
    return {"flint": "exact", "arb": "interval", "scipy": "double", "markovchain": "double"}[tool.split(":")[0]]


def peer_values(tool, out):
    kind = kind_of(tool)
    vals = out["values"]
    if kind == "exact":
        return [Fraction(v) for v in vals]
    if kind == "interval":
        return [arb_interval(v) for v in vals]
    return [Fraction(v) if v == v and abs(v) != float("inf") else None for v in vals]


# ---------------------------------------------------------------- commands

def command(tool, case, bins, cli, scipy_python):
    n, what, lam = case.n, case.what, case.fresh
    if tool.startswith("collapse:"):
        cmd = [cli, "analyze", "--symbols", "2", "--samples", str(n), "--what", what,
               "--arithmetic", tool.split(":")[1], "--json"]
        return cmd + (["--fresh-fraction", lam] if lam != "0" else [])
    common = ["--n", str(n), "--what", what, "--lambda", lam, "--print"]
    name, _, method = tool.partition(":")
    if name == "flint":
        return [str(bins / "flint_solve")] + common + ["--method", method]
    if name == "arb":
        return [str(bins / "arb_solve")] + common + ["--method", method, "--prec", "128"]
    if name == "scipy":
        return [scipy_python, str(PEERS / "scipy_solve.py")] + common + ["--method", method]
    if name == "markovchain":
        return ["Rscript", str(PEERS / "markovchain_solve.R")] + common
    raise ValueError(tool)


# ---------------------------------------------------------------- accuracy

def rel(a, b):
    return float(abs(a - b) / abs(b)) if b != 0 else (0.0 if a == b else float("inf"))


def reference_values(case, rows):
    """(description, values, kind) of the reference; values None when it is not available."""
    if case.reference == "closed-form":
        return "closed form i/N (T2)", [Fraction(i, case.n) for i in range(1, case.n)], "exact"
    row = rows.get(case.reference)
    if row is None or row.get("values") is None:
        return f"{case.reference} (not available)", None, None
    kind = kind_of(case.reference)
    desc = case.reference
    if kind == "interval":
        desc += f" (max rel. width {row['accuracy'].get('max_rel_width', float('nan')):.1e})"
    return desc, row["values"], kind


def interval_width(iv):
    lo, hi = iv
    mag = min(abs(lo), abs(hi))
    if (lo <= 0 <= hi) or mag == 0:
        return float("inf")
    return float((hi - lo) / mag)


def own_accuracy(kind, values):
    if kind == "interval":
        return {"kind": kind, "max_rel_width": max(interval_width(v) for v in values)}
    return {"kind": kind}


def compare(kind, values, ref_kind, ref):
    """Accuracy of values against the reference (exact values or intervals)."""
    acc = {}
    if len(values) != len(ref):
        return {"error": f"{len(values)} values, reference has {len(ref)}"}
    if kind == "double":
        errs = []
        for x, r in zip(values, ref):
            if x is None:
                errs.append(float("inf"))
            elif ref_kind == "interval":
                errs.append(rel(x, (r[0] + r[1]) / 2))
            else:
                errs.append(rel(x, r))
        acc["max_rel_error"] = max(errs)
    elif kind == "exact":
        if ref_kind == "interval":
            acc["contained_in_reference"] = all(r[0] <= x <= r[1] for x, r in zip(values, ref))
        else:
            acc["matches_reference"] = all(x == r for x, r in zip(values, ref))
    else:
        if ref_kind == "interval":
            acc["consistent_with_reference"] = all(v[0] <= r[1] and r[0] <= v[1] for v, r in zip(values, ref))
        else:
            acc["contains_reference"] = all(v[0] <= r <= v[1] for v, r in zip(values, ref))
    return acc


def accuracy_text(acc):
    if "error" in acc:
        return acc["error"]
    parts = []
    if "max_rel_error" in acc:
        parts.append(f"max rel. error {acc['max_rel_error']:.1e}")
    if "max_rel_width" in acc:
        parts.append(f"max rel. width {acc['max_rel_width']:.1e}")
    for key, text in (("matches_reference", "exact, equal to reference"),
                      ("contained_in_reference", "exact, inside reference"),
                      ("contains_reference", "contains reference"),
                      ("consistent_with_reference", "overlaps reference")):
        if key in acc:
            parts.append(text if acc[key] else "NOT " + text.replace("exact, ", "exact, not "))
    if acc.get("is_reference"):
        parts.append("(reference)")
    return ", ".join(parts) if parts else "-"


# ---------------------------------------------------------------- setup

def installed(pkg):
    q = subprocess.run(["dpkg-query", "-W", "-f=${Status}", pkg], capture_output=True, text=True)
    return "install ok installed" in q.stdout


def install_missing(allowed):
    missing = [p for p in DEBIAN_PACKAGES if not installed(p)]
    if not missing:
        return
    if not allowed:
        sys.exit(f"compare_peers: missing Debian packages {' '.join(missing)} (run .ci/install-deps, "
                 "or run this script without --no-install as root)")
    if os.geteuid() != 0:
        sys.exit(f"compare_peers: missing Debian packages {' '.join(missing)}; installing them needs root")
    print(f"installing: {' '.join(missing)}", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends"] + missing, check=True, env=env)


def build_drivers(bins):
    """The C drivers, compiled with cc (FLINT and Arb ship no CMake or pkg-config files)."""
    bins.mkdir(parents=True, exist_ok=True)
    flags = ["-O2", "-std=c11", "-Wall", "-Wextra", "-Wpedantic", "-Werror"]
    for name, libs in (("flint_solve", ["-lflint", "-lgmp"]),
                       ("arb_solve", ["-lflint-arb", "-lflint", "-lgmp", "-lm"])):
        src = PEERS / f"{name}.c"
        exe = bins / name
        if exe.exists() and exe.stat().st_mtime > src.stat().st_mtime:
            continue
        subprocess.run(["cc"] + flags + ["-o", str(exe), str(src)] + libs, check=True)


def ensure_cli(cli):
    if cli:
        return cli
    default = ROOT / "build" / "release" / "lib" / "collapse"
    if not default.exists():
        print("building the collapse CLI (cmake --preset release, target collapse_cli)", flush=True)
        subprocess.run(["cmake", "--preset", "release"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["cmake", "--build", "build/release", "--target", "collapse_cli"], cwd=ROOT, check=True)
    return str(default)


def package_version(pkg):
    q = subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True, text=True)
    return q.stdout.strip() or None


def machine():
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal"))
        mem_gib = int(mem.split()[1]) / 2**20
    except (OSError, StopIteration):
        mem_gib = None
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(mem_gib, 1) if mem_gib else None,
            "system": platform.platform(),
            "packages": {p: package_version(p) for p in ("libflint-dev", "libflint-arb-dev", "python3-scipy",
                                                          "r-cran-markovchain", "r-base-core")}}


# ---------------------------------------------------------------- one case

def run_case(name, case, args, bins, cli):
    raw = Path(args.out_dir) / "raw"
    rows = {}
    for tool, timeout in case.tools:
        timeout = args.timeout if args.timeout else timeout
        cmd = command(tool, case, bins, cli, args.scipy_python)
        r = run(cmd, timeout, args.mem_gib, raw / f"{name}__{tool.replace(':', '-')}", args.wall_factor)
        row = {"tool": tool, "status": r.status, "seconds": round(r.seconds, 4),
               "cpu_seconds": round(r.cpu_seconds, 4), "load_at_start": round(r.load, 2),
               "max_rss_mib": round(r.max_rss_mib, 1), "command": " ".join(cmd), "message": r.message}
        if r.status == "ok":
            try:
                out = json.loads(r.stdout)
                if tool.startswith("collapse:"):
                    row["values"] = collapse_values(out, case)
                    row["method"] = out.get("methods", {})
                    if "precision" in out:
                        row["precision"] = out["precision"]
                else:
                    row["values"] = peer_values(tool, out)
                    row["solve_seconds"] = float(f"{out['solve_seconds']:.4g}")
                    row["build_seconds"] = float(f"{out['build_seconds']:.4g}")
                    row["solve_cpu_seconds"] = float(f"{out['solve_cpu_seconds']:.4g}")
                    for key in ("half_bandwidth", "max_relative_width", "contains_exact"):
                        if key in out:
                            row[key] = out[key]
                row["accuracy"] = own_accuracy(kind_of(tool), row["values"])
            except (ValueError, KeyError, TypeError, ZeroDivisionError) as e:
                row["status"], row["message"] = "failed", f"unreadable output: {e}"
                row.pop("values", None)
        rows[tool] = row
        print(f"  {tool:<20} {row['status']:<8} {r.seconds:9.3f} s wall {r.cpu_seconds:9.3f} s cpu "
              f"(load {r.load:.1f})", flush=True)
    ref_desc, ref, ref_kind = reference_values(case, rows)
    for tool, row in rows.items():
        if row.get("values") is None:
            continue
        if tool == case.reference:
            row["accuracy"]["is_reference"] = True
        elif ref is not None:
            row["accuracy"].update(compare(kind_of(tool), row["values"], ref_kind, ref))
    base = rows[case.tools[0][0]]
    for row in rows.values():
        # Peers are charged their solve only (their own build is not what is compared):
        # the ratio favours the peer.
        both = row["status"] == "ok" and base["status"] == "ok"
        for key, mine, theirs in (("ratio_to_collapse", "solve_seconds", "seconds"),
                                  ("cpu_ratio_to_collapse", "solve_cpu_seconds", "cpu_seconds")):
            t = row.get(mine, row[theirs])
            row[key] = float(f"{t / base[theirs]:.4g}") if both and base[theirs] > 0 else None
        row.pop("values", None)
    return {"case": name, "n": case.n, "what": case.what, "fresh_fraction": case.fresh, "target": case.target,
            "collapse_row": case.tools[0][0], "reference": ref_desc, "rows": list(rows.values())}


# ---------------------------------------------------------------- output

def seconds_text(row, total, solve):
    if row["status"] != "ok":
        return f"{row['status']} ({row['message']})" if total == "seconds" else f"{row[total]:.3g}"
    s = f"{row[total]:.3g}"
    if solve in row:
        s += f" (solve {row[solve]:.3g})"
    return s


def ratio_text(x):
    return f"{x:.3g}" if x is not None else "-"


def markdown(results):
    lines = ["| case | tool | wall s (peers: solve) | cpu s (peers: solve) | ratio wall | ratio cpu "
             "| max RSS MiB | accuracy |",
             "|---|---|---|---|---|---|---|---|"]
    for case in results["cases"]:
        for row in case["rows"]:
            lines.append(f"| {case['case']} | {row['tool']} | {seconds_text(row, 'seconds', 'solve_seconds')} | "
                         f"{seconds_text(row, 'cpu_seconds', 'solve_cpu_seconds')} | "
                         f"{ratio_text(row.get('ratio_to_collapse'))} | {ratio_text(row.get('cpu_ratio_to_collapse'))} | "
                         f"{row['max_rss_mib']:.0f} | {accuracy_text(row.get('accuracy', {}))} |")
    return "\n".join(lines) + "\n"


def main():
    if hasattr(sys, "set_int_max_str_digits"):
        sys.set_int_max_str_digits(0)  # exact expected steps have numerators of 10^4+ digits
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="the smoke run: tiny N, every tool")
    ap.add_argument("--cases", help="comma-separated case names (see --list)")
    ap.add_argument("--list", action="store_true", help="list the cases and exit")
    ap.add_argument("--timeout", type=float,
                    help="per-tool CPU-time limit in seconds for every case (default: per case)")
    ap.add_argument("--wall-factor", type=float, default=4.0,
                    help="a run is also killed after this many times its timeout in wall-clock time (default 4)")
    ap.add_argument("--mem-gib", type=float, default=20.0, help="address-space limit per tool run (default 20)")
    ap.add_argument("--collapse", help="the collapse executable (default build/release/lib/collapse, built if missing)")
    ap.add_argument("--out-dir", default=str(ROOT / "build" / "bench-peers"), help="results and raw outputs")
    ap.add_argument("--scipy-python", default="/usr/bin/python3", help="a python3 with scipy (Debian's)")
    ap.add_argument("--no-install", action="store_true", help="fail instead of installing missing packages")
    args = ap.parse_args()

    if args.list:
        for name, case in CASES.items():
            tools = ", ".join(f"{t} ({limit:g} s)" for t, limit in case.tools)
            print(f"{name:<22} N={case.n:<7} {case.what:<10} {'quick' if case.quick else case.target}\n"
                  f"{'':<22} {tools}")
        return 0
    if args.cases:
        names = [s for s in args.cases.split(",") if s]
        unknown = [s for s in names if s not in CASES]
        if unknown:
            sys.exit(f"compare_peers: unknown case(s) {', '.join(unknown)}; accepted: {', '.join(CASES)}")
    else:
        names = [n for n, cs in CASES.items() if cs.quick == args.quick]

    install_missing(not args.no_install)
    if not shutil.which("Rscript") or not Path(args.scipy_python).exists():
        sys.exit("compare_peers: Rscript or " + args.scipy_python + " not found")
    out_dir = Path(args.out_dir)
    (out_dir / "raw").mkdir(parents=True, exist_ok=True)
    bins = out_dir / "bin"
    build_drivers(bins)
    cli = ensure_cli(args.collapse)

    results = {"command": " ".join([Path(sys.argv[0]).name] + sys.argv[1:]),
               "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
               "machine": machine(), "mem_limit_gib": args.mem_gib, "cases": []}
    for name in names:
        case = CASES[name]
        print(f"{name}: N={case.n} {case.what}" + (f" fresh {case.fresh}" if case.fresh != "0" else ""), flush=True)
        results["cases"].append(run_case(name, case, args, bins, cli))
        # Written after every case, so an interrupted run keeps what it measured.
        (out_dir / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    table = markdown(results)
    (out_dir / "results.md").write_text(f"Command: `{results['command']}`, {results['date']}\n\n" + table)
    print()
    print(table)
    print(f"results: {out_dir / 'results.json'}, {out_dir / 'results.md'}, raw outputs in {out_dir / 'raw'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
