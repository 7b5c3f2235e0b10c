#!/usr/bin/env bash
# Times `acctplan diff HEAD~1 HEAD` on a commit that changes 100 plans of the 10,000-plan
# workspace, side by side with `git diff --stat HEAD~1 HEAD` on the same commits. Budget (issue
# "Semantic diff and plan history"): at most 3x git, i.e. the cost grows with the change, not
# with the workspace.
#
#   Benchmarks/run-diff.sh REPO [ACCTPLAN_BINARY] [--plans 100] [--runs 10]
#
# REPO is left untouched: the script clones it into a temp folder and commits there an edit of
# --plans account plans (a stage move, an amount change and a ticked action each).
set -euo pipefail
die() { printf 'run-diff.sh: %s\n' "$*" >&2; exit 2; }
script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
repo=""; binary=""; plans=100; runs=10
while [ $# -gt 0 ]; do
    case "$1" in
        --plans) plans=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) if [ -z "$repo" ]; then repo=$1; elif [ -z "$binary" ]; then binary=$1; else die "too many arguments"; fi; shift ;;
    esac
done
[ -n "$repo" ] && git -C "$repo" rev-parse -q --verify HEAD > /dev/null || die "usage: run-diff.sh REPO (a git repository holding a workspace)"
binary=${binary:-$script_dir/../.build/release/acctplan}
[ -x "$binary" ] || die "no acctplan binary at $binary (swift build -c release)"
binary="$(cd "$(dirname "$binary")" && pwd -P)/$(basename "$binary")"
out=$(mktemp -d /tmp/acctplan-bench-diff.XXXXXX)
clone="$out/repo"
git clone -q "$repo" "$clone"
python3 "$script_dir/edit-plans.py" "$clone" "$plans"
git -C "$clone" -c user.name=bench -c user.email=bench@example.com commit -qam "bench: edit $plans plans"
acctplan_cmd="cd $(printf %q "$clone") && $(printf %q "$binary") diff HEAD~1 HEAD --format json > /dev/null"
git_cmd="cd $(printf %q "$clone") && git diff --stat HEAD~1 HEAD > /dev/null"
(cd "$clone" && "$binary" diff HEAD~1 HEAD --format json > "$out/diff.json")
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(f'diff: {len(d[\"plans\"])} plans changed', file=sys.stderr)" "$out/diff.json"
/usr/bin/time -f %M -o "$out/acctplan.maxrss" bash -c "$acctplan_cmd"
# The floor under any diff on libgit2: reading the same trees and blobs, one thread, nothing
# parsed (Benchmarks/libgit2-read.c). Left out when there is no C compiler or libgit2 header.
floor=()
if cc -O2 -o "$out/libgit2-read" "$script_dir/libgit2-read.c" -lgit2 2> "$out/libgit2-read.log"; then
    (cd "$clone" && "$out/libgit2-read" HEAD~1 HEAD >&2)
    floor=(--command-name "libgit2 reading" "cd $(printf %q "$clone") && $(printf %q "$out/libgit2-read") HEAD~1 HEAD > /dev/null")
else
    echo "run-diff.sh: no libgit2 reading floor (cc or libgit2-dev missing, see $out/libgit2-read.log)" >&2
fi
echo "load average before timing: $(cut -d' ' -f1 /proc/loadavg)" >&2
hyperfine --warmup 2 --runs "$runs" --export-json "$out/hyperfine.json" \
    --command-name "acctplan diff" "$acctplan_cmd" --command-name "git diff --stat" "$git_cmd" "${floor[@]}" >&2
python3 - "$out" <<'PY' | tee "$out/summary.txt"
import json, os, statistics, sys
out = sys.argv[1]
results = {r["command"]: r for r in json.load(open(os.path.join(out, "hyperfine.json")))["results"]}
a, g = (statistics.median(results[n]["times"]) for n in ("acctplan diff", "git diff --stat"))
peak = int(open(os.path.join(out, "acctplan.maxrss")).read().split()[-1]) / 1024
print(f"acctplan diff HEAD~1 HEAD  median {a*1000:.1f} ms, peak RSS {peak:.1f} MB")
print(f"git diff --stat            median {g*1000:.1f} ms")
print(f"ratio acctplan/git (median): {a/g:.2f}  (budget <= 3.00: {'PASS' if a/g <= 3 else 'FAIL'})")
if "libgit2 reading" in results:
    r = statistics.median(results["libgit2 reading"]["times"])
    print(f"libgit2 reading the same objects, one thread: median {r*1000:.1f} ms ({r/g:.2f} x git)")
PY
echo "raw results: $out (delete it when done)" >&2
