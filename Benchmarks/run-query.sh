#!/usr/bin/env bash
# Time `acctplan query` side by side with `acctplan lint` on the same workspace (issue 16's
# budget: a query at most 1.1 x lint), medians of hyperfine runs, and each ratio.
#
#   Benchmarks/run-query.sh WORKSPACE [ACCTPLAN_BINARY] [RUNS]
#
#   ACCTPLAN_BINARY   default: <repo root>/.build/release/acctplan
#   RUNS              hyperfine runs per command (default 7)
#
# Results go to a new /tmp/acctplan-bench-query.XXXXXX (Benchmarks/vs-lint.sh), never into the repository.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
exec "$here/vs-lint.sh" query "$1" "${2:-$here/../.build/release/acctplan}" "${3:-7}" \
    'query opportunities open:yes close:thisquarter --sort -amount --sum weighted --as-of 2026-12-04' \
    'query actions overdue:yes --by owner --as-of 2026-12-04' \
    'query accounts stage:integration not:reviewed:>=today-90d --as-of 2026-12-04'
