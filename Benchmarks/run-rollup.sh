#!/usr/bin/env bash
# Times `acctplan rollup --since FIRST-COMMIT` and `acctplan rollup --trend monthly` over the
# whole history side by side with a full `acctplan lint` of the same repository. Budget (issue
# "Lifecycle rollups"): each at most 2x the lint, peak memory under 300 MB. Both run twice: with
# the history store filled by an earlier run (the usual case) and without it (ACCTPLAN_HISTORY_STORE=off).
#
#   Benchmarks/run-rollup.sh REPO [ACCTPLAN_BINARY] [--runs 5]
#
# REPO: python3 Benchmarks/generate.py /tmp/bench-ws-hist --commits 1000
set -euo pipefail
die() { printf 'run-rollup.sh: %s\n' "$*" >&2; exit 2; }
script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
repo=""; binary=""; runs=5
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs=$2; shift 2 ;;
        -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) if [ -z "$repo" ]; then repo=$1; elif [ -z "$binary" ]; then binary=$1; else die "too many arguments"; fi; shift ;;
    esac
done
[ -n "$repo" ] && [ -f "$repo/acctplan.yml" ] || die "usage: run-rollup.sh REPO (a workspace that is a git repository)"
repo=$(cd "$repo" && pwd -P)
binary=${binary:-$script_dir/../.build/release/acctplan}
[ -x "$binary" ] || die "no acctplan binary at $binary (swift build -c release)"
binary="$(cd "$(dirname "$binary")" && pwd -P)/$(basename "$binary")"
first=$(git -C "$repo" rev-list --max-parents=0 HEAD | tail -n 1)
first_day=$(git -C "$repo" log -1 --format=%cd --date=short "$first")
out=$(mktemp -d /tmp/acctplan-bench-rollup.XXXXXX)
q() { printf '%q' "$1"; }
lint_cmd="cd $(q "$repo") && $(q "$binary") lint --format json --as-of 2026-11-29 > /dev/null"
since_cmd="cd $(q "$repo") && $(q "$binary") rollup --since $first --format json --as-of 2026-11-29 > /dev/null"
trend_cmd="cd $(q "$repo") && $(q "$binary") rollup --trend monthly --since $first_day --format json --as-of 2026-11-29 > /dev/null"
# The same two without the history store (.git/acctplan/history-store): what a first run, or a
# run with ACCTPLAN_HISTORY_STORE=off, costs. The runs above fill the store before timing.
since_cold_cmd="cd $(q "$repo") && ACCTPLAN_HISTORY_STORE=off $(q "$binary") rollup --since $first --format json --as-of 2026-11-29 > /dev/null"
trend_cold_cmd="cd $(q "$repo") && ACCTPLAN_HISTORY_STORE=off $(q "$binary") rollup --trend monthly --since $first_day --format json --as-of 2026-11-29 > /dev/null"
for name in lint since trend since_cold trend_cold; do
    cmd_var="${name}_cmd"
    /usr/bin/time -f %M -o "$out/$name.maxrss" bash -c "${!cmd_var}" || true
done
echo "load average before timing: $(cut -d' ' -f1 /proc/loadavg)" >&2
hyperfine --warmup 1 --runs "$runs" --ignore-failure --export-json "$out/hyperfine.json" \
    --command-name lint "$lint_cmd" --command-name "rollup --since FIRST" "$since_cmd" \
    --command-name "rollup --trend monthly" "$trend_cmd" \
    --command-name "since, no store" "$since_cold_cmd" --command-name "trend, no store" "$trend_cold_cmd" >&2
python3 - "$out" <<'PY' | tee "$out/summary.txt"
import json, os, statistics, sys
out = sys.argv[1]
results = {r["command"]: r for r in json.load(open(os.path.join(out, "hyperfine.json")))["results"]}
rss = {"lint": "lint.maxrss", "rollup --since FIRST": "since.maxrss", "rollup --trend monthly": "trend.maxrss",
       "since, no store": "since_cold.maxrss", "trend, no store": "trend_cold.maxrss"}
lint = statistics.median(results["lint"]["times"])
print(f"{'command':<26}{'median s':>10}{'x lint':>8}{'peak RSS MB':>14}")
for name, result in results.items():
    median = statistics.median(result["times"])
    peak = int(open(os.path.join(out, rss[name])).read().split()[-1]) / 1024
    verdict = "" if name == "lint" else ("  PASS" if median <= 2 * lint and peak < 300 else "  FAIL")
    print(f"{name:<26}{median:>10.3f}{median / lint:>8.2f}{peak:>14.1f}{verdict}")
PY
echo "raw results: $out" >&2
