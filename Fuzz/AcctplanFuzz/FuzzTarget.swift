import Foundation

/// One fuzz target: a name for `scripts/fuzz`, what it exercises, and the function that feeds
/// one input to the code under test and checks what must hold for every input.
struct FuzzTarget: Sendable {
    var name: String
    var summary: String
    var run: @Sendable (UnsafeBufferPointer<UInt8>) -> Void

    /// Every target, in the order `scripts/fuzz --list` prints them.
    static let all: [FuzzTarget] = [
        FuzzTarget(name: "plan", summary: "PlanParser on one plan file (as account and industry plan, full and front matter only)",
                   run: PlanTargets.plan),
        FuzzTarget(name: "config", summary: "ConfigParser on acctplan.yml", run: PlanTargets.config),
        FuzzTarget(name: "money", summary: "Money.parse, checked against Foundation's Decimal(string:)", run: ValueTargets.money),
        FuzzTarget(name: "date", summary: "CalendarDate(parsing:) and the day-number round trip", run: ValueTargets.date),
        FuzzTarget(name: "percent", summary: "ValueSyntax.parsePercent, isValidID (against a regular expression) and closest",
                   run: ValueTargets.percent),
        FuzzTarget(name: "lint", summary: "acctplan.yml + one plan, split at a '=====' line: the linter and every lint reporter",
                   run: PlanTargets.lint),
        FuzzTarget(name: "diff", summary: "two plans split at a '=====' line: PlanDiff both ways and against itself, diff reporters",
                   run: PlanTargets.diff),
        FuzzTarget(name: "lsp", summary: "acctplan lsp on a byte stream: framing, then whatever requests it makes, on a small workspace",
                   run: LSPTargets.lsp),
    ]
}

/// Ends the process with a message when an invariant does not hold: libFuzzer reports the
/// abort as a crash and saves the input.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() {
        FileHandle.standardError.write(Data("AcctplanFuzz: invariant violated: \(message())\n".utf8))
        abort()
    }
}
