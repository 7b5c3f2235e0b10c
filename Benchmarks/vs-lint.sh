#!/usr/bin/env bash
# Times acctplan commands side by side with `acctplan lint` on the same workspace, medians of
# hyperfine runs, each as a ratio to lint; what run-query.sh and run-whitespace.sh share.
#
#   Benchmarks/vs-lint.sh NAME WORKSPACE ACCTPLAN_BINARY RUNS 'ARGS' ['ARGS' ...]
#
# Each ARGS is one command's arguments after the binary (`whitespace --format json`). Results go
# to a new /tmp/acctplan-bench-NAME.XXXXXX, never into the repository.
set -euo pipefail
name=$1; ws=$(cd "$2" && pwd); acctplan=$3; runs=$4; shift 4
out=$(mktemp -d "/tmp/acctplan-bench-$name.XXXXXX")
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
cd "$ws"
commands=("$acctplan lint --as-of 2026-12-04")
for args in "$@"; do commands+=("$acctplan $args"); done
hyperfine -N -w 1 -r "$runs" -i --export-json "$out/results.json" "${commands[@]}" >"$out/hyperfine.txt"
python3 - "$out/results.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
lint = results[0]["median"]
for result in results:
    command = result["command"].split(" ", 1)[1]
    print(f"{result['median']:.3f} s  {result['median'] / lint:.2f} x lint  {command}")
PY
echo "raw results: $out"
