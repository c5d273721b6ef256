#!/usr/bin/env bash
# Build the Coq development and audit it:
#  1. no .v file contains Admitted, admit, Axiom, Parameter, Conjecture (or Abort);
#  2. every `Theorem` of theories/*.v is listed in theories/Audit.v, and vice versa;
#  3. `Print Assumptions` reports "Closed under the global context" for every one.
# Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"

fail() { echo "check_assumptions: FAIL: $*" >&2; exit 1; }

# 1. forbidden vernacular (as whole words, anywhere, comments included)
if grep -nwE 'Admitted|admit|Axiom|Axioms|Parameter|Parameters|Conjecture|Abort' theories/*.v; then
  fail "forbidden keyword found (see above)"
fi

# 2. build
make -s all

# 3. the audit list matches the theorems
theorems=$(grep -ho '^Theorem [A-Za-z_0-9]*' theories/*.v | awk '{print $2}' | sort)
audited=$(grep -o '^Print Assumptions [A-Za-z_0-9]*' theories/Audit.v | awk '{print $3}' | sort)
if [ "$theorems" != "$audited" ]; then
  diff <(echo "$theorems") <(echo "$audited") >&2 || true
  fail "theories/Audit.v does not list exactly the Theorems (< missing, > extra)"
fi
n=$(echo "$audited" | wc -l)

# 4. run the audit
out=$(coqc -w -notation-overridden,-ambiguous-paths,-notation-incompatible-format \
        -Q theories Collapse theories/Audit.v 2>&1) || { echo "$out" >&2; fail "coqc Audit.v"; }
closed=$(echo "$out" | grep -c '^Closed under the global context$' || true)
if [ "$closed" -ne "$n" ] || echo "$out" | grep -qE '^Axioms:|Admitted|admit'; then
  echo "$out" >&2
  fail "$closed of $n theorems are closed under the global context"
fi
rm -f theories/Audit.vo theories/Audit.vok theories/Audit.vos theories/Audit.glob theories/.Audit.aux
echo "check_assumptions: $n theorems, all closed under the global context"
echo "$n passed, 0 failed"
