#!/usr/bin/env bash
# Times `acctplan lint --rev HEAD` (plans read from git's object database through libgit2)
# side by side with `acctplan lint` on the working tree of the same repository. Budget
# (issue "Git-native workspace"): --rev within 1.2x of the working tree.
#
#   Benchmarks/run-rev.sh REPO [ACCTPLAN_BINARY] [--runs N]
#
# REPO is a workspace that is a git repository whose HEAD matches the working tree, e.g.
#   python3 Benchmarks/generate.py /tmp/bench-ws-hist --commits 1000
# Results go to a new /tmp/acctplan-bench-rev.XXXXXX, never into the repository.
set -euo pipefail
die() { printf 'run-rev.sh: %s\n' "$*" >&2; exit 2; }
script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
repo=""; binary=""; runs=5
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs=$2; shift 2 ;;
        -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) if [ -z "$repo" ]; then repo=$1; elif [ -z "$binary" ]; then binary=$1; else die "too many arguments"; fi; shift ;;
    esac
done
[ -n "$repo" ] && [ -f "$repo/acctplan.yml" ] || die "usage: run-rev.sh REPO [ACCTPLAN_BINARY] (REPO must hold acctplan.yml)"
git -C "$repo" rev-parse --verify -q HEAD > /dev/null || die "$repo is not a git repository with a commit"
[ -z "$(git -C "$repo" status --porcelain --untracked-files=no)" ] || die "$repo has uncommitted changes: HEAD and the working tree must match"
repo=$(cd "$repo" && pwd -P)
binary=${binary:-$script_dir/../.build/release/acctplan}
[ -x "$binary" ] || die "no acctplan binary at $binary (swift build -c release)"
binary="$(cd "$(dirname "$binary")" && pwd -P)/$(basename "$binary")"
out=$(mktemp -d /tmp/acctplan-bench-rev.XXXXXX)
q() { printf '%q' "$1"; }
worktree_cmd="cd $(q "$repo") && $(q "$binary") lint --format json --as-of 2026-11-29 > /dev/null"
rev_cmd="cd $(q "$repo") && $(q "$binary") lint --rev HEAD --format json --as-of 2026-11-29 > /dev/null"
(cd "$repo" && "$binary" lint --format json --as-of 2026-11-29 > "$out/worktree.json") || [ $? -eq 1 ] || die "lint failed"
(cd "$repo" && "$binary" lint --rev HEAD --format json --as-of 2026-11-29 > "$out/rev.json") || [ $? -eq 1 ] || die "lint --rev failed"
cmp -s "$out/worktree.json" "$out/rev.json" || die "lint --rev HEAD and lint disagree on a clean checkout (see $out)"
for name in worktree rev; do
    cmd_var="${name}_cmd"
    /usr/bin/time -f %M -o "$out/$name.maxrss" bash -c "${!cmd_var}" || true
done
load=$(cut -d' ' -f1 /proc/loadavg)
echo "load average before timing: $load (results are only comparable on a quiet machine)" >&2
hyperfine --warmup 1 --runs "$runs" --ignore-failure --export-json "$out/hyperfine.json" \
    --command-name "lint (working tree)" "$worktree_cmd" --command-name "lint --rev HEAD" "$rev_cmd" >&2
python3 - "$out" <<'PY' | tee "$out/summary.txt"
import json, os, statistics, sys
out = sys.argv[1]
results = {r["command"]: r for r in json.load(open(os.path.join(out, "hyperfine.json")))["results"]}
rss = {"lint (working tree)": "worktree.maxrss", "lint --rev HEAD": "rev.maxrss"}
print(f"{'command':<22}{'median s':>10}{'peak RSS MB':>14}")
for name, result in results.items():
    peak = int(open(os.path.join(out, rss[name])).read().split()[-1]) / 1024
    print(f"{name:<22}{statistics.median(result['times']):>10.3f}{peak:>14.1f}")
ratio = statistics.median(results["lint --rev HEAD"]["times"]) / statistics.median(results["lint (working tree)"]["times"])
print(f"ratio rev/worktree (median): {ratio:.2f}  (budget <= 1.20: {'PASS' if ratio <= 1.2 else 'FAIL'})")
PY
echo "raw results: $out" >&2
