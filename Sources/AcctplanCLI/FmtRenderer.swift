import PlanModel
import PlanReports
import PlanServices

/// What `acctplan fmt` prints about a ``FormatService/Run``: the plans changed on stdout, the
/// plans it could not format (with their problems) and the tally on stderr.
enum FmtRenderer {
    static func report(_ run: FormatService.Run, check: Bool) {
        let style = TerminalStyle(enabled: Terminal.useColor(fileDescriptor: 2))
        for (path, outcome) in run.files {
            switch outcome {
            case .unchanged: continue
            case .notRead(let reason):
                // Links out of the workspace, FIFOs: never read, so never formatted (as lint reports them).
                Terminal.standardError("acctplan: \(path) not formatted: not read: \(reason)\n")
            case .wouldChange: Terminal.standardOutput(path + "\n")
            case .written: Terminal.standardOutput("formatted \(path)\n")
            case .writeFailed(let reason): Terminal.standardError("acctplan: error: \(reason)\n")
            case .refused(let findings):
                for finding in findings.sorted(by: { $0.location < $1.location }) {
                    Terminal.standardError(TextReporter.render(Diagnostic(finding, severity: .error), style: style))
                }
                Terminal.standardError("acctplan: \(path) not formatted: it does not parse (fix the problems above first)\n")
            case .conflicted(let line):
                Terminal.standardError("acctplan: \(path) not formatted: it has merge conflict markers (line \(line)); "
                    + "resolve the conflict first\n")
            case .unsafe(let reason):
                Terminal.standardError("acctplan: error: \(path) not formatted: the canonical form would change what it means "
                    + "(\(reason)); please report this with the file\n")
            }
        }
        let plans = "\(run.plans) \(run.plans == 1 ? "plan" : "plans")"
        let (changed, failed) = (run.changed, run.failed)
        let notChecked = failed > 0 ? "; \(failed) could not be checked (above)" : ""
        if check {
            Terminal.standardError(changed == 0 && failed == 0 ? "\(plans) checked, all in canonical form\n"
                : "\(changed) of \(plans) would be reformatted\(notChecked)"
                    + (changed > 0 ? "; run 'acctplan fmt' to rewrite them" : "") + "\n")
        } else {
            Terminal.standardError("\(run.written) of \(plans) reformatted\(notChecked.replacingOccurrences(of: "checked", with: "formatted"))\n")
        }
    }
}
