import PlanLocalization
import PlanModel
import PlanReports
import PlanServices

/// What `acctplan fmt` prints about a ``FormatService/Run``: the plans changed on stdout, the
/// plans it could not format (with their problems) and the tally on stderr.
enum FmtRenderer {
    static func report(_ run: FormatService.Run, check: Bool, language: UILanguage = .en) {
        let style = TerminalStyle(enabled: Terminal.useColor(fileDescriptor: 2))
        func t(_ english: String, _ chinese: String) -> String { language == .en ? english : chinese }
        for (path, outcome) in run.files {
            switch outcome {
            case .unchanged: continue
            case .notRead(let reason):
                // Links out of the workspace, FIFOs: never read, so never formatted (as lint reports them).
                Terminal.standardError(t("acctplan: \(path) not formatted: not read: \(reason)\n",
                                         "acctplan: 未格式化 \(path)：未读取：\(Localizer.translate(reason, to: language))\n"))
            case .wouldChange: Terminal.standardOutput(path + "\n")
            case .written: Terminal.standardOutput(t("formatted \(path)\n", "已格式化 \(path)\n"))
            case .writeFailed(let reason): Terminal.standardError(LintWords.errorLine(reason, hint: nil, in: language))
            case .refused(let findings):
                for finding in findings.sorted(by: { $0.location < $1.location }) {
                    Terminal.standardError(TextReporter.render(Diagnostic(finding, severity: .error), style: style, language: language))
                }
                // A plan that parses but would pass a size limit once aligned (a newcomer trial's
                // megabyte-long title): lint reads it, so "it does not parse" was wrong.
                if findings.allSatisfy({ $0.rule == .tooLarge && $0.message.hasPrefix("aligned, ") }) {
                    Terminal.standardError(t("acctplan: \(path) not formatted: aligned, it would be over acctplan's limits (above); "
                        + "lint reads it as it is\n",
                        "acctplan: 未格式化 \(path)：对齐后将超出 acctplan 的上限（见上）；lint 按原样读取它\n"))
                } else {
                    Terminal.standardError(t("acctplan: \(path) not formatted: it does not parse (fix the problems above first)\n",
                                             "acctplan: 未格式化 \(path)：无法解析（请先修正上面的问题）\n"))
                }
            case .conflicted(let line):
                Terminal.standardError(t("acctplan: \(path) not formatted: it has merge conflict markers (line \(line)); "
                    + "resolve the conflict first\n", "acctplan: 未格式化 \(path)：含有合并冲突标记（第 \(line) 行）；请先解决冲突\n"))
            case .unsafe(let reason):
                Terminal.standardError("acctplan: error: \(path) not formatted: the canonical form would change what it means "
                    + "(\(reason)); please report this with the file\n")
            }
        }
        let (changed, failed) = (run.changed, run.failed)
        guard language == .en else {
            let notChecked = failed > 0 ? "；\(failed) 个无法检查（见上）" : ""
            if check {
                Terminal.standardError(changed == 0 && failed == 0 ? "已检查 \(run.plans) 个计划，全部为规范格式\n"
                    : "\(run.plans) 个计划中有 \(changed) 个需要重新格式化\(notChecked)"
                        + (changed > 0 ? "；运行“acctplan fmt”即可改写" : "") + "\n")
            } else {
                Terminal.standardError("\(run.plans) 个计划中已重新格式化 \(run.written) 个"
                    + (failed > 0 ? "；\(failed) 个无法格式化（见上）" : "") + "\n")
            }
            return
        }
        let plans = "\(run.plans) \(run.plans == 1 ? "plan" : "plans")"
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
