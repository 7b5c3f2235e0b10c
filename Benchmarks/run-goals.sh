#!/usr/bin/env bash
# Measures every goal of issue 17 ("Faster history and a faster cold lint") in one interleaved run
# (Benchmarks/interleave.py: run 1 of every command, then run 2, ...; medians), each beside its
# reference, and prints the goals table with the ratios, peak memory and whether each goal holds.
#
#   Benchmarks/run-goals.sh WORKSPACE HISTORY [ACCTPLAN_BINARY] [--runs 7]
#
# WORKSPACE: python3 Benchmarks/generate.py /tmp/bench-ws
# HISTORY:   python3 Benchmarks/generate.py /tmp/bench-hist --commits 1000
# Neither is changed: the script works on copies in /tmp/acctplan-bench-goals.* (a formatted copy
# of WORKSPACE for `fmt --check`; a clone of HISTORY with one more commit editing 100 plans for
# `diff`). Without a C compiler and libgit2-dev the libgit2 reading floor is left out.
set -euo pipefail
die() { printf 'run-goals.sh: %s\n' "$*" >&2; exit 2; }
script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
workspace=""; history=""; binary=""; runs=7
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs=$2; shift 2 ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) if [ -z "$workspace" ]; then workspace=$1; elif [ -z "$history" ]; then history=$1
           elif [ -z "$binary" ]; then binary=$1; else die "too many arguments"; fi; shift ;;
    esac
done
[ -n "$workspace" ] && [ -f "$workspace/acctplan.yml" ] || die "usage: run-goals.sh WORKSPACE HISTORY [BINARY] [--runs N]"
[ -n "$history" ] && git -C "$history" rev-parse -q --verify HEAD > /dev/null || die "HISTORY must be a workspace that is a git repository"
binary=${binary:-$script_dir/../.build/release/acctplan}
[ -x "$binary" ] || die "no acctplan binary at $binary (swift build -c release)"
for tool in cmark-gfm /usr/bin/time; do command -v "$tool" > /dev/null || die "needs $tool (apt-get install cmark-gfm time)"; done
binary="$(cd "$(dirname "$binary")" && pwd -P)/$(basename "$binary")"
workspace=$(cd "$workspace" && pwd -P)
out=$(mktemp -d /tmp/acctplan-bench-goals.XXXXXX)
q() { printf '%q' "$1"; }
bin=$(q "$binary")
asof="--as-of 2026-11-29"

# The copies: a formatted workspace, and a clone of the history with the diff's commit.
cp -R "$workspace" "$out/formatted"
(cd "$out/formatted" && "$binary" fmt > /dev/null 2>&1) || true
git clone -q "$history" "$out/history"
python3 "$script_dir/edit-plans.py" "$out/history" 100
git -C "$out/history" -c user.name=bench -c user.email=bench@example.com commit -qam "bench: edit 100 plans"
(cd "$workspace" && find accounts industries segments -name '*.md' ! -name README.md ! -name '_*' -print0 \
    | LC_ALL=C sort -z) > "$out/plans.list"
floor=()
if cc -O2 -o "$out/libgit2-read" "$script_dir/libgit2-read.c" -lgit2 2> "$out/libgit2-read.log"; then
    floor=("floor=cd $(q "$out/history") && $(q "$out/libgit2-read") HEAD~1 HEAD")
fi
ws=$(q "$workspace"); hist=$(q "$out/history"); fmt=$(q "$out/formatted")
# The report's pages go to memory when it can (as in docs/performance.md's figures). `report`
# rewrites the last run's report, as a weekly report does (its account pages are kept when their
# inputs did not change); `report-new` writes into an emptied folder every time (its CPU includes
# the rm of the last one's 10,000 files, a few hundredths of it).
pages="$out/report"
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
    pages=$(mktemp -d /dev/shm/acctplan-bench-goals.XXXXXX)
    shm=$pages
    trap 'rm -rf "$shm"' EXIT
fi
fresh="$pages/new"; pages="$pages/again"
# Before HEAD~1: the history as generated (the diff's commit is not part of the trend's months).
commands=(
    "lint=cd $ws && $bin lint --format json $asof"
    "cmark=cd $ws && xargs -0 -s 2000000 -a $(q "$out/plans.list") cmark-gfm -e table -e tasklist"
    "fmt-check=cd $fmt && $bin fmt --check"
    "lint-hist=cd $hist && $bin lint --format json $asof"
    "since=cd $hist && $bin rollup --since \$(git rev-list --max-parents=0 HEAD) --format json $asof"
    "trend=cd $hist && $bin rollup --trend monthly --since 2024-03-01 --format json $asof"
    "since-first=cd $hist && ACCTPLAN_HISTORY_STORE=off $bin rollup --since \$(git rev-list --max-parents=0 HEAD) --format json $asof"
    "trend-first=cd $hist && ACCTPLAN_HISTORY_STORE=off $bin rollup --trend monthly --since 2024-03-01 --format json $asof"
    "diff=cd $hist && $bin diff HEAD~1 HEAD --format json"
    "git-diff=cd $hist && git diff --stat HEAD~1 HEAD"
    "${floor[@]}"
    "report=cd $ws && $bin report -o $(q "$pages") $asof"
    "report-new=cd $ws && rm -rf $(q "$fresh") && $bin report -o $(q "$fresh") $asof"
)
for item in "${commands[@]}"; do
    name=${item%%=*}
    /usr/bin/time -f %M -o "$out/$name.maxrss" sh -c "${item#*=}" > /dev/null 2>&1 || true
done
python3 "$script_dir/interleave.py" --runs "$runs" --warmup 1 --json "$out/times.json" "${commands[@]}" >&2
python3 - "$out" <<'PY' | tee "$out/summary.txt"
import json, os, statistics, sys
out = sys.argv[1]
times = json.load(open(os.path.join(out, "times.json")))
wall = {name: statistics.median(t["wall"]) for name, t in times.items()}
cpu = {name: statistics.median(t["cpu"]) for name, t in times.items()}
def rss(name):
    try:
        return int(open(os.path.join(out, name + ".maxrss")).read().split()[-1]) / 1024
    except (OSError, ValueError, IndexError):
        return float("nan")
rows = [
    ("lint vs cmark-gfm (wall)", wall["lint"] / wall["cmark"], 0.55),
    ("rollup --since vs lint (wall)", wall["since"] / wall["lint-hist"], 1.3),
    ("rollup --trend monthly vs lint (wall)", wall["trend"] / wall["lint-hist"], 1.3),
    ("  first run (no history store): --since", wall["since-first"] / wall["lint-hist"], 2.0),
    ("  first run (no history store): --trend", wall["trend-first"] / wall["lint-hist"], 2.0),
    ("diff HEAD~1 HEAD vs git diff --stat (wall)", wall["diff"] / wall["git-diff"], 1.5),
    ("report vs lint (CPU), written again", cpu["report"] / cpu["lint"], 1.5),
    ("  into a new folder (every page made)", cpu["report-new"] / cpu["lint"], float("nan")),
    ("fmt --check vs lint (wall)", wall["fmt-check"] / wall["lint"], 1.1),
]
print(f"{'goal':46} {'ratio':>6} {'goal':>6}  holds")
for name, ratio, goal in rows:
    if goal != goal:  # no goal: shown beside the one it explains
        print(f"{name:46} {ratio:6.2f}")
        continue
    print(f"{name:46} {ratio:6.2f} {goal:6.2f}  {'yes' if ratio <= goal else 'NO'}")
if "floor" in wall:
    print(f"{'  floor: libgit2 reading the diff objects':46} {wall['floor'] / wall['git-diff']:6.2f}")
peaks = {name: rss(name) for name in ("lint", "since", "trend", "since-first", "trend-first", "diff", "report", "report-new", "fmt-check")}
worst = max(peaks.values())
print(f"{'peak memory, MB (goal < 200)':46} " + ", ".join(f"{n} {v:.0f}" for n, v in peaks.items())
      + f"  {'yes' if worst < 200 else 'NO'}")
print(f"medians of {len(times['lint']['wall'])} interleaved runs; wall s: "
      + ", ".join(f"{n} {w:.3f}" for n, w in wall.items()))
PY
echo "raw results: $out (delete it when done)" >&2
