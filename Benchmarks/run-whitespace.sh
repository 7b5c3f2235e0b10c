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
# Results go to a new /tmp/acctplan-bench-whitespace.XXXXXX (Benchmarks/vs-lint.sh), never into the repository.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
exec "$here/vs-lint.sh" whitespace "$1" "${2:-$here/../.build/release/acctplan}" "${3:-7}" \
    'whitespace' \
    'whitespace --by segment --format json'
