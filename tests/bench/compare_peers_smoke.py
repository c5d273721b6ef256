#!/usr/bin/env python3
"""Smoke test of compare_peers.py (ctest bench.compare_peers_smoke): first checks that its
accuracy measures notice wrong answers, then runs it with --quick (tiny N, every tool) and
checks that it exits 0, that every tool ran, and that the accuracy columns are sane: exact
results equal the closed form i/N (absorption) or the collapse exact result, intervals
contain the reference and are narrow, doubles are close. No timing is checked.

  compare_peers_smoke.py COLLAPSE_EXECUTABLE OUT_DIR
"""
import json
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))
import compare_peers as cp  # noqa: E402

failures = []


def expect(cond, what):
    if not cond:
        failures.append(what)


def self_checks():
    """The measures themselves, on hand-made values: a wrong answer must be seen as wrong."""
    third, half = Fraction(1, 3), Fraction(1, 2)
    expect(cp.compare("exact", [half], "exact", [half]) == {"matches_reference": True}, "exact equal")
    expect(cp.compare("exact", [third], "exact", [half]) == {"matches_reference": False}, "exact differs")
    err = cp.compare("double", [Fraction(0.5000001)], "exact", [half])["max_rel_error"]
    expect(abs(err - 2e-7) < 1e-12, f"relative error of 0.5000001 against 1/2: {err}")
    expect(cp.compare("double", [None], "exact", [half])["max_rel_error"] == float("inf"), "NaN is an error")
    expect(cp.compare("interval", [(third, half)], "exact", [half]) == {"contains_reference": True}, "contains")
    expect(cp.compare("interval", [(third, Fraction(2, 5))], "exact", [half]) == {"contains_reference": False},
           "does not contain")
    expect(cp.arb_interval("[0.25 +/- 1.5e-3]") == (Fraction(2485, 10000), Fraction(2515, 10000)), "arb ball")
    expect(cp.arb_interval("[+/- 2e-5]") == (Fraction(-2, 100000), Fraction(2, 100000)), "arb ball at 0")
    expect(cp.interval_width((Fraction(1), Fraction(3, 2))) == 0.5, "relative width")


def check_results(results):
    cases = {c["case"]: c for c in results["cases"]}
    expected = {name for name, c in cp.CASES.items() if c.quick}
    expect(set(cases) == expected, f"cases run: {sorted(cases)}, expected {sorted(expected)}")
    for name, case in cases.items():
        tools = {r["tool"] for r in case["rows"]}
        expect(tools == {t for t, _ in cp.CASES[name].tools}, f"{name}: tools {sorted(tools)}")
        for row in case["rows"]:
            where = f"{name} {row['tool']}"
            expect(row["status"] == "ok", f"{where}: {row['status']} {row['message']}")
            acc = row.get("accuracy", {})
            if acc.get("is_reference"):
                continue
            kind = cp.kind_of(row["tool"])
            if kind == "exact":
                expect(acc.get("matches_reference") is True, f"{where}: exact result differs: {acc}")
            elif kind == "interval":
                inside = acc.get("contains_reference", acc.get("consistent_with_reference"))
                expect(inside is True, f"{where}: interval misses the reference: {acc}")
                expect(acc.get("max_rel_width", 1) < 1e-30, f"{where}: interval too wide at 128 bits: {acc}")
            else:
                expect(acc.get("max_rel_error", 1) < 1e-12, f"{where}: double too far off: {acc}")
            expect(row.get("ratio_to_collapse") is not None, f"{where}: no ratio")
    # Absorption is checked against the closed form i/N, independent of every tool.
    expect(cases.get("quick-abs", {}).get("reference", "").startswith("closed form"), "quick-abs reference")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    cli, out_dir = sys.argv[1], Path(sys.argv[2])
    self_checks()
    script = Path(__file__).resolve().parent / "compare_peers.py"
    run = subprocess.run([sys.executable, str(script), "--quick", "--no-install", "--collapse", cli,
                          "--out-dir", str(out_dir)])
    expect(run.returncode == 0, f"compare_peers.py --quick exited {run.returncode}")
    if run.returncode == 0:
        check_results(json.loads((out_dir / "results.json").read_text()))
    for f in failures:
        print("FAIL:", f)
    print("compare_peers smoke:", "failed" if failures else "passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
