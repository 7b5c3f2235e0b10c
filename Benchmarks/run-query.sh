#!/usr/bin/env bash
# Time `acctplan query` side by side with `acctplan lint` on the same workspace (issue 16's
# budget: a query at most 1.1 x lint), medians of hyperfine runs, and each ratio.
#
#   Benchmarks/run-query.sh WORKSPACE [ACCTPLAN_BINARY] [RUNS]
#
#   ACCTPLAN_BINARY   default: <repo root>/.build/release/acctplan
#   RUNS              hyperfine runs per command (default 7)
#
# Results go to a new /tmp/acctplan-bench-query.XXXXXX, never into the repository.
set -euo pipefail
ws=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
acctplan=${2:-$here/../.build/release/acctplan}
runs=${3:-7}
out=$(mktemp -d /tmp/acctplan-bench-query.XXXXXX)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
cd "$ws"
hyperfine -N -w 1 -r "$runs" -i --export-json "$out/results.json" \
    "$acctplan lint --as-of 2026-12-04" \
    "$acctplan query opportunities open:yes close:thisquarter --sort -amount --sum weighted --as-of 2026-12-04" \
    "$acctplan query actions overdue:yes --by owner --as-of 2026-12-04" \
    "$acctplan query accounts stage:integration not:reviewed:>=today-90d --as-of 2026-12-04" >"$out/hyperfine.txt"
python3 - "$out/results.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
lint = results[0]["median"]
for result in results:
    command = result["command"].split(" ", 1)[1]
    print(f"{result['median']:.3f} s  {result['median'] / lint:.2f} x lint  {command}")
PY
echo "raw results: $out"
