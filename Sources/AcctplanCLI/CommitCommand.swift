import ArgumentParser
import Foundation
import PlanServices

/// `acctplan commit`: commit plan changes through libgit2 with the linter as a gate.
struct CommitCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "commit",
        abstract: UI.help("Commit plan changes, refusing a tree that does not lint.", "提交计划的修改；检查不通过的内容拒绝提交。"),
        discussion: UI.discussion("""
            Stages the given files (or, with -a, every modified or deleted tracked file; with neither, commits the index as it is), lints the tree that WOULD be committed — not the working tree — and refuses with the diagnostics when it has errors. Otherwise the commit is made on the current branch (an unborn branch too) and the index is updated to match. A committed plan that is not in canonical form gets a warning on stderr ('run acctplan fmt'); it is committed all the same.

            The message is MSG, a blank line, and one line per changed plan (unless --no-summary). Author and committer come from GIT_AUTHOR_*/GIT_COMMITTER_* or git's user.name and user.email.

            Exit status: 0 committed, 1 refused by the lint gate or nothing to commit, 2 could not commit (no identity, index.lock held, a merge or rebase in progress, detached HEAD). A refused commit leaves HEAD, the index and the working tree exactly as they were.

            Examples:
              acctplan commit -m "Xinan Tobacco: moves to industry-solution" \\
                  accounts/xinan-tobacco.md
              acctplan commit -a -m "Quarterly review"
            """, """
            暂存给出的文件（或用 -a 暂存所有已修改或已删除的受跟踪文件；两者都没有时按暂存区现状提交），检查将要提交的内容——而不是工作区——有错误时列出诊断并拒绝提交。否则在当前分支（包括尚未有提交的分支）上提交，并更新暂存区。提交了不是规范格式的计划时，会在标准错误上给出警告（“请运行 acctplan fmt”），但照常提交。

            提交说明是 MSG、一个空行，以及每个有修改的计划一行摘要（除非用 --no-summary）。作者和提交者取自 GIT_AUTHOR_*/GIT_COMMITTER_* 或 git 的 user.name 和 user.email。

            退出状态：0 已提交，1 被检查拒绝或没有可提交的内容，2 无法提交（没有身份信息、index.lock 被占用、正在合并或变基、分离的 HEAD）。被拒绝的提交不会改变 HEAD、暂存区和工作区。

            示例：
              acctplan commit -m "Xinan Tobacco: moves to industry-solution" \\
                  accounts/xinan-tobacco.md
              acctplan commit -a -m "Quarterly review"
            """)) }

    @Option(name: .shortAndLong, help: ArgumentHelp(UI.help("The commit message.", "提交说明。")))
    var message: String

    @Flag(name: .shortAndLong, help: ArgumentHelp(UI.help("Stage every modified or deleted tracked file first (not new files).", "先暂存所有已修改或已删除的受跟踪文件（不含新文件）。")))
    var all = false

    @Argument(help: ArgumentHelp(UI.help("Files to stage before committing (relative to the current directory).", "提交前要暂存的文件（相对于当前文件夹）。"), valueName: "path"))
    var paths: [String] = []

    @Flag(help: ArgumentHelp(UI.help("Commit even when the tree has lint errors (never with merge-conflict markers in a plan it changes).", "即使有检查错误也提交（但它修改的计划中有合并冲突标记时绝不提交）。")))
    var noVerify = false

    @Flag(help: ArgumentHelp(UI.help("Do not append the per-plan summary to the message.", "不在提交说明后附加各计划的摘要。")))
    var noSummary = false

    @Flag(help: ArgumentHelp(UI.help("Allow committing on a detached HEAD.", "允许在分离的 HEAD 上提交。")))
    var allowDetached = false

    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var asOfOption: AsOfOption

    func validate() throws {
        if message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("the commit message (-m) is empty")
        }
    }

    func run() throws {
        var request = CommitService.Request(message: message, asOf: try asOfOption.date())
        (request.all, request.paths, request.noVerify) = (all, paths, noVerify)
        (request.noSummary, request.allowDetached, request.workspace) = (noSummary, allowDetached, workspaceOptions.workspace)
        let outcome = try CommitService.commit(request)
        CommitRenderer.report(outcome, message: message)
        if case .committed = outcome { return }
        throw ExitCode(1)
    }
}
