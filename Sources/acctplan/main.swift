import AcctplanCLI
import CMimalloc
import Foundation

// Pages mimalloc has freed go back to the system after 1 ms instead of 25: with two threads
// allocating at once (history read beside the parse, pages rendered on every core), freed pages
// waiting out the delay were ~20 MB of the peak of `rollup --since`, `--trend` and `report` on
// 10,000 plans, at no measured cost in time (docs/performance.md). 0 (at once) cost 17 % more time.
// `MIMALLOC_DECOMMIT_DELAY` in the environment still decides, for whoever measures.
if getenv("MIMALLOC_DECOMMIT_DELAY") == nil && getenv("MIMALLOC_RESET_DELAY") == nil {
    mi_option_set(mi_option_decommit_delay, 1)
}
exit(AcctplanCommand.run(Array(CommandLine.arguments.dropFirst())))
