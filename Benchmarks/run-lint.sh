#!/usr/bin/env bash
# Time `acctplan lint` on a whole workspace side by side with the reference from the
# performance budget (shared/spec/CLI.md): cmark-gfm parsing and rendering the same
# plan files once.
#
#   Benchmarks/run-lint.sh WORKSPACE [ACCTPLAN_BINARY] [options]
#
#   ACCTPLAN_BINARY   default: <repo root>/.build/release/acctplan
#   --out DIR         where raw results go (default: a new /tmp/acctplan-bench-lint.XXXXXX);
#                     never inside the repository
#   --runs N          hyperfine runs per command (default 5)
#   --warmup N        hyperfine warm-up runs per command (default 1)
#   --as-of DATE      passed to `acctplan lint` so warning counts do not depend on the day
#                     the benchmark runs (default 2026-11-29, the day after the generator's
#                     last commit; `--as-of none` leaves it out)
#   --reference-only  time cmark-gfm alone (no acctplan binary needed)
#
# Needs hyperfine, cmark-gfm, GNU time (/usr/bin/time) and python3.
#
# How the reference is run, and why it is fair:
#   - The plan files (every *.md under accounts/ industries/ segments/ except README.md and
#     _*.md, i.e. exactly what acctplan treats as plans) are listed once, before timing,
#     into a NUL-separated file list. The reference is then the single shell command
#       cd WORKSPACE && xargs -0 -s MAX -a LIST cmark-gfm -e table -e tasklist > /dev/null
#     Listing outside the timed command makes the reference slightly cheaper than acctplan,
#     which has to walk the folders itself; the comparison errs against acctplan.
#   - `-s MAX` raises xargs' command-line buffer from its 128 KiB default to the system
#     limit, so that 10,000 relative paths (~270 KB) go to ONE cmark-gfm process, which is
#     literally `cmark-gfm -e table -e tasklist FILES`: one process, one parse of all files
#     read as one concatenated document, one render. Should the list ever exceed the limit,
#     xargs runs several cmark-gfm processes one after another (never in parallel; the
#     reference stays single-threaded); the script prints how many.
#   - Concatenating the files into one input beforehand (`cat ... | cmark-gfm`) was rejected:
#     it would take file reading out of the reference's cost, while acctplan has to read
#     every file.
#   - lint exits 1 when the workspace has errors (the generated one has a few), so hyperfine
#     runs with -i; a separate check run first makes sure lint really ran (exit 0 or 1, not 2).
#   - Peak memory comes from a separate run of each command under `/usr/bin/time -f %M`
#     (max RSS in KB of the largest process in the tree, i.e. cmark-gfm, not the shell).
set -euo pipefail

die() { printf 'run-lint.sh: %s\n' "$*" >&2; exit 2; }

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
repo_root=$(cd "$script_dir/.." && pwd -P)

workspace=""
binary=""
out=""
runs=5
warmup=1
as_of="2026-11-29"
reference_only=0

while [ $# -gt 0 ]; do
    case "$1" in
        --out) [ $# -ge 2 ] || die "--out needs a directory"; out=$2; shift 2 ;;
        --out=*) out=${1#--out=}; shift ;;
        --runs) [ $# -ge 2 ] || die "--runs needs a number"; runs=$2; shift 2 ;;
        --warmup) [ $# -ge 2 ] || die "--warmup needs a number"; warmup=$2; shift 2 ;;
        --as-of) [ $# -ge 2 ] || die "--as-of needs a date or 'none'"; as_of=$2; shift 2 ;;
        --reference-only) reference_only=1; shift ;;
        -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) die "unknown option $1 (see --help)" ;;
        *)
            if [ -z "$workspace" ]; then workspace=$1
            elif [ -z "$binary" ]; then binary=$1
            else die "too many arguments (see --help)"; fi
            shift ;;
    esac
done

[ -n "$workspace" ] || die "usage: run-lint.sh WORKSPACE [ACCTPLAN_BINARY] [--out DIR] [--runs N] [--warmup N] [--as-of DATE|none] [--reference-only]"
[ -d "$workspace" ] || die "workspace $workspace is not a directory"
workspace=$(cd "$workspace" && pwd -P)
[ -f "$workspace/acctplan.yml" ] || die "$workspace has no acctplan.yml (generate one with Benchmarks/generate.py)"
case "$runs$warmup" in *[!0-9]*) die "--runs and --warmup take whole numbers" ;; esac
[ "$runs" -ge 1 ] || die "--runs must be at least 1"

for tool in hyperfine cmark-gfm python3 xargs find; do
    command -v "$tool" > /dev/null || die "$tool is not installed"
done
[ -x /usr/bin/time ] || die "GNU time (/usr/bin/time) is not installed (apt-get install time)"

if [ "$reference_only" -eq 0 ]; then
    binary=${binary:-$repo_root/.build/release/acctplan}
    if [ ! -x "$binary" ] || [ -d "$binary" ]; then
        die "acctplan binary not found or not executable: $binary
  build it first (swift build -c release), pass its path as the second argument,
  or use --reference-only to time cmark-gfm alone"
    fi
    binary="$(cd "$(dirname "$binary")" && pwd -P)/$(basename "$binary")"
fi

inside_repo() {
    case "$1/" in "$repo_root"/*|"$(cd "$script_dir/.." && pwd -L)"/*) return 0 ;; esac
    return 1
}
if [ -z "$out" ]; then
    out=$(mktemp -d /tmp/acctplan-bench-lint.XXXXXX)
else
    case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
    inside_repo "$out" && die "--out $out is inside the repository; results are never written into the repo"
    mkdir -p "$out"
    out=$(cd "$out" && pwd -P)
    inside_repo "$out" && die "--out $out is inside the repository; results are never written into the repo"
fi

# ---------------------------------------------------------------------------- plan files
list="$out/plan-files.list"
dirs=()
for d in accounts industries segments; do [ -d "$workspace/$d" ] && dirs+=("$d"); done
[ "${#dirs[@]}" -gt 0 ] || die "$workspace has none of accounts/ industries/ segments/"
(cd "$workspace" && find "${dirs[@]}" -type f -name '*.md' ! -name README.md ! -name '_*' -print0 \
    | LC_ALL=C sort -z) > "$list"
files=$(tr -cd '\0' < "$list" | wc -c)
[ "$files" -gt 0 ] || die "no plan files under $workspace"
bytes=$(cd "$workspace" && xargs -0 -a "$list" cat | wc -c)

xargs_max=$(xargs --show-limits -r < /dev/null 2>&1 | awk -F': *' '/actually use/ {print $2}')
xargs_max=${xargs_max:-131072}
cmark_processes=$(cd "$workspace" && xargs -0 -s "$xargs_max" -a "$list" echo | wc -l)

q() { printf '%q' "$1"; }
reference_cmd="cd $(q "$workspace") && xargs -0 -s $xargs_max -a $(q "$list") cmark-gfm -e table -e tasklist > /dev/null"
as_of_arg=""
[ "$as_of" = "none" ] || as_of_arg=" --as-of $(q "$as_of")"
acctplan_cmd=""
[ "$reference_only" -eq 1 ] || acctplan_cmd="cd $(q "$workspace") && $(q "$binary") lint --format json$as_of_arg > /dev/null"

{
    echo "workspace:  $workspace ($files plan files, $bytes bytes)"
    echo "reference:  $reference_cmd"
    echo "            ($cmark_processes cmark-gfm process(es))"
    [ -z "$acctplan_cmd" ] || echo "acctplan:   $acctplan_cmd"
    echo "machine:    $(nproc) cores, $(uname -srm)"
    echo "results:    $out"
} | tee "$out/setup.txt" >&2

# hyperfine times one command after the other, so background load (a build on this
# 2-core machine) can skew the ratio: say so instead of silently measuring it.
load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)
if python3 -c "import sys; sys.exit(0 if float('$load') > 0.5 else 1)"; then
    echo "run-lint.sh: warning: 1-minute load average is $load; results may be noisy" >&2
fi

# ---------------------------------------------------------------------------- check + peak RSS
# (GNU time writes "Command exited with non-zero status N" before the value when the
# command fails; the table reads the last line.)

if [ -n "$acctplan_cmd" ]; then
    set +e
    (cd "$workspace" && /usr/bin/time -f %M -o "$out/acctplan.maxrss" \
        "$binary" lint --format json ${as_of_arg:+--as-of "$as_of"} > "$out/lint.json" 2> "$out/lint.stderr")
    rc=$?
    set -e
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
        cat "$out/lint.stderr" >&2
        die "acctplan lint exited with status $rc (expected 0 or 1); not benchmarking"
    fi
    python3 - "$out/lint.json" "$rc" >&2 <<'EOF' || echo "run-lint.sh: warning: lint output is not the expected JSON" >&2
import json, sys
summary = json.load(open(sys.argv[1]))["summary"]
print(f"lint:       exit {sys.argv[2]}, files {summary['files']}, "
      f"errors {summary['errors']}, warnings {summary['warnings']}")
EOF
fi
/usr/bin/time -f %M -o "$out/reference.maxrss" bash -c "$reference_cmd" \
    || die "the reference command failed"

# ---------------------------------------------------------------------------- timing
hyperfine_args=(--warmup "$warmup" --runs "$runs" --ignore-failure --export-json "$out/hyperfine.json")
if [ -n "$acctplan_cmd" ]; then
    hyperfine_args+=(--command-name acctplan "$acctplan_cmd")
fi
hyperfine_args+=(--command-name cmark-gfm "$reference_cmd")
hyperfine "${hyperfine_args[@]}" 2>&1 | tee "$out/hyperfine.txt" >&2

# ---------------------------------------------------------------------------- table
python3 - "$out" "$(nproc)" <<'EOF' | tee "$out/summary.txt"
import json, os, sys
out, cores = sys.argv[1], int(sys.argv[2])
results = json.load(open(os.path.join(out, "hyperfine.json")))["results"]
rss_file = {"acctplan": "acctplan.maxrss", "cmark-gfm": "reference.maxrss"}
rows = {}
for r in results:
    name = r["command"]
    with open(os.path.join(out, rss_file[name])) as f:
        peak_mb = int(f.read().strip().splitlines()[-1]) / 1024
    cpu = (r["user"] + r["system"]) / r["mean"] if r["mean"] else 0.0
    rows[name] = (r["median"], r["min"], r["max"], cpu, peak_mb)
print(f"{'command':<10} {'median s':>9} {'min s':>8} {'max s':>8} {'cores busy':>10} {'peak RSS MB':>12}")
for name, (median, lo, hi, cpu, peak) in rows.items():
    print(f"{name:<10} {median:9.3f} {lo:8.3f} {hi:8.3f} {cpu:10.2f} {peak:12.1f}")
if "acctplan" in rows:
    ratio = rows["acctplan"][0] / rows["cmark-gfm"][0]
    peak = rows["acctplan"][4]
    print(f"ratio acctplan/cmark-gfm (median): {ratio:.2f}  (budget <= 1.00: "
          f"{'PASS' if ratio <= 1.0 else 'FAIL'}); acctplan peak RSS {peak:.0f} MB "
          f"(budget < 300 MB: {'PASS' if peak < 300 else 'FAIL'}); "
          f"cores busy {rows['acctplan'][3]:.2f} of {cores}")
EOF
