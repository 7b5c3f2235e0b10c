import PlanLocalization
import PlanModel
import PlanReports
import PlanServices

/// What `acctplan commit` prints: the commit line and the summary on stdout; a refusal's
/// diagnostics on stdout and its reason on stderr; reminders on stderr.
enum CommitRenderer {
    static func report(_ outcome: CommitService.Outcome, message: String) {
        switch outcome {
        case .nothingToCommit:
            Terminal.standardError(Terminal.say(
                "acctplan: nothing to commit: the staged tree is the same as HEAD's (stage files with PATH arguments or -a)\n",
                "acctplan: 没有可提交的内容：暂存的内容与 HEAD 相同（用 PATH 参数或 -a 暂存文件）\n"))
        case .refused(let report):
            let language = UI.language(workspace: report.language)
            Terminal.standardOutput(TextReporter.render(report, color: Terminal.useColor(), language: language))
            Terminal.standardError(refusal(report, language: language))
        case .committed(let committed):
            Terminal.standardOutput("[\(committed.branch) \(committed.commit.short)] \(message.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).first ?? "")\n")
            for line in committed.summary { Terminal.standardOutput(" \(line)\n") }
            for line in canonicalFormWarnings(committed.notInCanonicalForm) { Terminal.standardError(line + "\n") }
        }
    }

    /// How many plans not in canonical form are named one by one.
    static let namedCanonicalFormWarnings = 5

    /// Why the lint gate refused, and the way out.
    static func refusal(_ report: LintReport, language: UILanguage = .en) -> String {
        let errors = report.diagnostics.filter { $0.severity == .error }
        // --no-verify is no way out of merge-conflict markers: never suggest it for them.
        let conflicts = errors.contains { $0.rule == .mergeConflict }
        guard language == .en else {
            return "acctplan: 拒绝提交：待提交的内容有 \(errors.count) 个检查错误；未做任何更改（"
                + (conflicts ? "请先解决合并冲突" : "请修正，或使用 --no-verify") + "）\n"
        }
        let way = conflicts ? "resolve the merge conflicts first" : "fix them, or use --no-verify"
        return "acctplan: commit refused: the tree to be committed has \(errors.count) lint error\(errors.count == 1 ? "" : "s"); "
            + "nothing was changed (\(way))\n"
    }

    /// One warning line per plan, the first few by name.
    static func canonicalFormWarnings(_ paths: [String]) -> [String] {
        var lines = paths.prefix(namedCanonicalFormWarnings).map { path in
            Terminal.say("acctplan: warning: \(path) is not in canonical form; run 'acctplan fmt \(path)'",
                         "acctplan: 警告：\(path) 不是规范格式；请运行“acctplan fmt \(path)”")
        }
        if paths.count > namedCanonicalFormWarnings {
            let more = paths.count - namedCanonicalFormWarnings
            lines.append(Terminal.say("acctplan: warning: and \(more) more plans not in canonical form; run 'acctplan fmt'",
                                      "acctplan: 警告：另有 \(more) 个计划不是规范格式；请运行“acctplan fmt”"))
        }
        return lines
    }
}
