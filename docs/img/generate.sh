#!/usr/bin/env bash
# Regenerates the figures of docs/tutorial.md and docs/reproduction.md.
#   docs/img/generate.sh build/release/lib/collapse docs/img
# The output is deterministic: the test docs.figures (tests/docs/check_figures.py) runs this
# script into the build directory and fails when a committed figure differs.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 COLLAPSE_BINARY OUTPUT_DIRECTORY" >&2
  exit 2
fi
collapse=$1
out=$2
mkdir -p "$out"
plot() { "$collapse" plot "$@" >/dev/null; }

# Collapse without fresh data: sample paths, K = 2 and K = 3 (simulated, fixed seeds).
plot trajectories --symbols 2 --samples 20 --start 10,10 --generations 60 --runs 8 --seed 1 \
  --output "$out/trajectories-binary.svg"
plot trajectories --symbols 3 --samples 20 --start 7,7,6 --generations 80 --runs 8 --seed 1 \
  --output "$out/trajectories-triangle.svg"
# With fresh data the paths never settle in a corner.
plot trajectories --symbols 2 --samples 20 --fresh-fraction 1/10 --start 10,10 --generations 60 --runs 4 --seed 1 \
  --output "$out/trajectories-fresh.svg"
# Where a run is absorbed (T2) and how long it takes; tempering bends the line.
plot absorption --symbols 2 --samples 12 --output "$out/absorption-mle.svg"
plot absorption --symbols 2 --samples 12 --fit temper:2 --output "$out/absorption-temper.svg"
plot absorption --symbols 3 --samples 10 --fit temper:2 --output "$out/absorption-triangle.svg"
# The probability of having collapsed by generation t.
plot collapse-time --symbols 2 --samples 10 --start "5,5;9,1" --generations 60 --output "$out/collapse-time.svg"
# Degeneration: the stationary law for shrinking fresh fractions (T4, T5).
plot stationary --symbols 2 --samples 10 --external 1/4,3/4 --lambdas 1/10,1/100,1/10000 \
  --output "$out/stationary-binary.svg"
plot stationary --symbols 3 --samples 12 --lambdas 1/2,1/10,1/100 --output "$out/stationary-triangle.svg"
