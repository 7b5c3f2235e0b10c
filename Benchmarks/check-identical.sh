#!/usr/bin/env bash
# Output stays byte-identical (issue 17): runs lint, rollup (with --since and --trend), diff,
# log, show, query and report on a small workspace with history that Benchmarks/generate.py
# writes the same way on every machine, and compares every output
#   - with the figures recorded in Benchmarks/identical.sha256 (CI does this), and
#   - with --against OLD_BINARY, byte for byte with an older binary's (before a speed change).
#
#   Benchmarks/check-identical.sh BINARY [--against OLD_BINARY] [--record]
#
#   --record   write Benchmarks/identical.sha256 from BINARY's outputs (after an intended
#              change of an output; say which in the commit)
# Exit 0 when everything matches, 1 with the differences listed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
against=""
record=false
while [ $# -gt 0 ]; do
    case "$1" in
        --against) against=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
        --record) record=true; shift ;;
        *) echo "check-identical: unknown option '$1'" >&2; exit 2 ;;
    esac
done
work=$(mktemp -d /tmp/acctplan-identical.XXXXXX)
trap 'rm -rf "$work"' EXIT
ws="$work/ws"
python3 "$here/generate.py" "$ws" --accounts 200 --industries 8 --segments 4 --commits 40 --plans-per-commit 5 --seed 7 >/dev/null 2>&1
first=$(git -C "$ws" rev-list --max-parents=0 HEAD)

# name|arguments (run in the workspace; each output is one file, the report a folder)
asof="--as-of 2026-11-29"
commands=(
    "lint.json|lint --format json $asof"
    "lint.txt|lint $asof"
    "rollup.json|rollup --format json $asof"
    "rollup-by-manager.csv|rollup --by manager --format csv $asof"
    "rollup-since.json|rollup --since $first --format json $asof"
    "rollup-trend-monthly.json|rollup --trend monthly --since 2025-12-01 --format json $asof"
    "rollup-trend-quarterly.txt|rollup --trend quarterly --since 2025-12-01 $asof"
    "diff-1.json|diff HEAD~1 HEAD --format json"
    "diff-10.txt|diff HEAD~10 HEAD"
    "log.json|log --format json"
    "show.json|show acct-00007 --format json"
    "query.json|query opportunities open:yes --sort -amount --sum weighted --by account.industry --format json $asof"
    "report|report --output REPORT $asof"
)
run_all() {  # binary, output folder
    mkdir -p "$2"
    for entry in "${commands[@]}"; do
        name=${entry%%|*}
        args=${entry#*|}
        if [ "$name" = report ]; then
            # Twice: the second run keeps its account pages (docs/report.md) and must leave the
            # folder as the first wrote it.
            (cd "$ws" && "$1" ${args/REPORT/$2/report} >/dev/null 2>&1) || true
            (cd "$ws" && "$1" ${args/REPORT/$2/report} >/dev/null 2>&1) || true
        else
            (cd "$ws" && NO_COLOR=1 "$1" $args >"$2/$name" 2>/dev/null) || true
        fi
    done
}
digest() {  # output folder → one line per output: name, sha256
    for entry in "${commands[@]}"; do
        name=${entry%%|*}
        if [ -d "$1/$name" ]; then
            sum=$(cd "$1/$name" && find . -type f ! -name .acctplan-report ! -name .acctplan-report-keys | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-64)
        else
            sum=$(sha256sum < "$1/$name" | cut -c1-64)
        fi
        echo "$name $sum"
        if [ -f "$1/$name" ] && [ ! -s "$1/$name" ]; then echo "check-identical: '$name' wrote nothing: did it fail?" >&2; fi
    done
}

run_all "$binary" "$work/new"
status=0
if [ -n "$against" ]; then
    run_all "$against" "$work/old"
    if diff -r "$work/old" "$work/new" >"$work/diff.txt"; then
        echo "identical to $against: ${#commands[@]} outputs"
    else
        echo "DIFFERENT from $against:"; head -60 "$work/diff.txt"; status=1
    fi
fi
digest "$work/new" > "$work/new.sha256"
if $record; then
    cp "$work/new.sha256" "$here/identical.sha256"
    echo "recorded $here/identical.sha256"
elif diff "$here/identical.sha256" "$work/new.sha256" >"$work/sums.txt"; then
    echo "identical to the recorded outputs: ${#commands[@]} outputs"
else
    echo "DIFFERENT from Benchmarks/identical.sha256 (outputs that changed: < recorded, > now):"
    cat "$work/sums.txt"
    echo "If the change is intended, run: Benchmarks/check-identical.sh BINARY --record"
    status=1
fi
exit $status
