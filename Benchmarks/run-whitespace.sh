#!/usr/bin/env bash
# Time `acctplan whitespace` side by side with `acctplan lint` on the same workspace (issue 15's
# whitespace map: about as fast as lint), medians of hyperfine runs, and each ratio.
#
#   Benchmarks/run-whitespace.sh WORKSPACE [ACCTPLAN_BINARY] [RUNS]
#
#   WORKSPACE         with Offering columns: python3 Benchmarks/generate.py /tmp/bench-ws-off --offerings
#
#   ACCTPLAN_BINARY   default: <repo root>/.build/release/acctplan
#   RUNS              hyperfine runs per command (default 7)
#
# Results go to a new /tmp/acctplan-bench-whitespace.XXXXXX, never into the repository.
set -euo pipefail
ws=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
acctplan=${2:-$here/../.build/release/acctplan}
runs=${3:-7}
out=$(mktemp -d /tmp/acctplan-bench-whitespace.XXXXXX)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
cd "$ws"
hyperfine -N -w 1 -r "$runs" -i --export-json "$out/results.json" \
    "$acctplan lint --as-of 2026-12-04" \
    "$acctplan whitespace" \
    "$acctplan whitespace --by segment --format json" >"$out/hyperfine.txt"
python3 - "$out/results.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
lint = results[0]["median"]
for result in results:
    command = result["command"].split(" ", 1)[1]
    print(f"{result['median']:.3f} s  {result['median'] / lint:.2f} x lint  {command}")
PY
echo "raw results: $out"
