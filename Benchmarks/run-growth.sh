#!/usr/bin/env bash
# How cost grows (issue 17): lint, `rollup --trend monthly` over the whole history and `diff
# HEAD~1 HEAD` (one commit's fixed change of 10 plans) on generated workspaces of 1,000, 10,000
# and 30,000 plans (100 commits each) and of 10,000 plans with 100, 1,000 and 5,000 commits.
# Each figure is the median of hyperfine runs; the table goes to standard output as Markdown.
#
#   Benchmarks/run-growth.sh [ACCTPLAN_BINARY] [--runs 3] [--keep]
#
# The data sets are generated under /tmp/acctplan-growth (about 1.5 GB with the 30,000-plan one)
# and deleted afterwards unless --keep is given; a data set already there is reused.
set -euo pipefail
die() { printf 'run-growth.sh: %s\n' "$*" >&2; exit 2; }
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
binary=""; runs=3; keep=0
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs=$2; shift 2 ;;
        --keep) keep=1; shift ;;
        -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) [ -z "$binary" ] || die "too many arguments"; binary=$1; shift ;;
    esac
done
binary=${binary:-$here/../.build/release/acctplan}
[ -x "$binary" ] || die "no acctplan binary at $binary (swift build -c release)"
binary="$(cd "$(dirname "$binary")" && pwd -P)/$(basename "$binary")"
root=/tmp/acctplan-growth
mkdir -p "$root"
[ "$keep" = 1 ] || trap 'rm -rf "$root"' EXIT

median() { # hyperfine's median of one command, in seconds
    local json; json=$(mktemp "$root/hf.XXXXXX.json")
    hyperfine -N -i --warmup 1 --runs "$runs" --export-json "$json" "$1" >/dev/null 2>&1
    python3 -c 'import json,sys; print("%.2f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$json"
    rm -f "$json"
}
peak() { # peak RSS in MB of one run
    /usr/bin/time -f %M -o "$root/rss" "$@" >/dev/null 2>&1 || true
    echo $(( $(cat "$root/rss") / 1024 ))
}

echo "| plans | commits | lint | rollup --trend monthly | diff HEAD~1 HEAD | peak RSS (trend) |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: |"
for set in 1000:100 10000:100 30000:100 10000:1000 10000:5000; do
    plans=${set%%:*}; commits=${set##*:}
    ws="$root/p$plans-c$commits"
    [ -f "$ws/acctplan.yml" ] || python3 "$here/generate.py" "$ws" --accounts "$plans" --commits "$commits" >/dev/null
    first=$(git -C "$ws" rev-list --max-parents=0 HEAD)
    first_day=$(git -C "$ws" log -1 --format=%cd --date=short "$first")
    cd "$ws"
    lint=$(median "$binary lint --as-of 2026-11-29")
    trend=$(median "$binary rollup --trend monthly --since $first_day --as-of 2026-11-29")
    diff=$(median "$binary diff HEAD~1 HEAD")
    rss=$(peak "$binary" rollup --trend monthly --since "$first_day" --as-of 2026-11-29)
    echo "| $plans | $commits | $lint s | $trend s | $diff s | $rss MB |"
    cd "$root"
    [ "$keep" = 1 ] || rm -rf "$ws"
done
