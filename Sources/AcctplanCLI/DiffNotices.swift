import Foundation
import PlanModel
import PlanReports
import PlanServices

/// What `acctplan diff` says on stderr about plans a comparison with the index or the working
/// tree cannot show (``DiffService/Result``): without it, `acctplan diff` prints nothing in the
/// middle of a conflicted merge or right after `acctplan new`.
enum DiffNotices {
    static func report(unmerged: [String], untracked: [String]) {
        func list(_ paths: [String]) -> String { ValueSyntax.shortList(paths, limit: 10) }
        if !unmerged.isEmpty {
            let one = unmerged.count == 1
            Terminal.standardError(Terminal.say(
                "acctplan: unmerged: \(list(unmerged)) \(one ? "has" : "have") unresolved merge conflicts "
                    + "and \(one ? "is" : "are") not compared; resolve \(one ? "it" : "them") ('acctplan lint' shows where), then 'git add'\n",
                "acctplan: 未合并：\(list(unmerged)) 有未解决的合并冲突，未参与比较；请先解决（“acctplan lint”会指出位置），再“git add”\n"))
        }
        if !untracked.isEmpty {
            let one = untracked.count == 1
            Terminal.standardError(Terminal.say(
                "acctplan: note: \(list(untracked)) \(one ? "is a new plan" : "are new plans") git does not track yet; "
                    + "'git add' \(one ? "it" : "them") and 'acctplan diff --staged' shows \(one ? "it" : "them")\n",
                "acctplan: 注意：\(list(untracked)) 是 git 尚未跟踪的新计划；用“git add”添加后，“acctplan diff --staged”会显示\n"))
        }
    }
}

/// `acctplan diff --external PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE [NEW-PATH
/// RENAME-INFO]`: git's external diff protocol (diff.acctplan.command; the last two for a file git
/// found renamed). Plans get a semantic diff; any other file a plain unified diff.
enum ExternalDiff {
    static func run(_ arguments: [String], workspace: String?) throws {
        guard arguments.count >= 7 else {
            throw ToolFailure("--external takes the 7 arguments git passes to an external diff driver")
        }
        let path = arguments[0]
        let newPath = arguments.count >= 9 ? arguments[7] : nil
        switch ExternalDiffService.compare(path: path, newPath: newPath, oldFile: arguments[1], newFile: arguments[4],
                                           workspace: workspace) {
        case .plan(let planPath, let change):
            Terminal.standardOutput(change.map { DiffReporter.text([$0], color: Terminal.useColor()) }
                ?? "\(planPath): no semantic change\n")
        case .notAPlan:
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
            process.arguments = ["-u", "--label", "a/\(path)", "--label", "b/\(newPath ?? path)", arguments[1], arguments[4]]
            try process.run()
            process.waitUntilExit()
        }
    }
}
