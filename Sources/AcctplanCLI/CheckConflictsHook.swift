import ArgumentParser
import PlanModel
import PlanReports
import PlanServices

/// `acctplan hooks check-conflicts`: what the prepare-commit-msg and pre-applypatch hooks run.
struct CheckConflictsHook: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "check-conflicts",
        abstract: UI.help("Refuse a commit whose staged plans hold merge-conflict markers (what the prepare-commit-msg and pre-applypatch hooks run).",
                          "若暂存的计划中含有合并冲突标记，则拒绝提交（prepare-commit-msg 和 pre-applypatch 钩子运行的检查）。"),
        discussion: UI.discussion("""
            Reads the plans and the acctplan.yml the index changes from HEAD (every staged one on a new branch) and reports each merge-conflict block in them, as 'acctplan lint' does. git runs the prepare-commit-msg hook for every commit it makes with a message, also where it skips the pre-commit hook: when it continues a rebase, cherry-pick or revert, and for 'git commit --no-verify'; the pre-applypatch hook runs it where commits are made from patches ('git am', 'git rebase --apply'). So conflict markers are not recorded by a commit, whatever made it ('git am --no-verify' aside). To record a plan with markers anyway, skip every hook once: git -c core.hooksPath=/dev/null commit ...

            Arguments after the options (git's message file, its source and a commit id) are accepted and ignored.

            Exit status: 0 when no staged plan holds markers, 1 when one does, 2 when the check could not run.
            """, """
            读取索引中相对 HEAD 有改动的计划和 acctplan.yml（新分支上为所有暂存的文件），并像“acctplan lint”一样报告其中的每个合并冲突块。git 在每次带提交说明的提交时都会运行 prepare-commit-msg 钩子，包括它跳过 pre-commit 钩子的情况：继续变基、拣选或还原时，以及“git commit --no-verify”；从补丁生成提交时（“git am”、“git rebase --apply”）由 pre-applypatch 钩子运行它。因此，无论由什么发起，提交都不会记录冲突标记（“git am --no-verify”除外）。如确需提交含标记的计划，可一次性跳过所有钩子：git -c core.hooksPath=/dev/null commit ...

            选项之后的参数（git 的提交说明文件、其来源和提交 ID）会被接受并忽略。

            退出状态：0 暂存的计划中没有冲突标记，1 有冲突标记，2 无法进行检查。
            """)) }

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Argument(help: ArgumentHelp(UI.help("What git passes a prepare-commit-msg hook (ignored).", "git 传给 prepare-commit-msg 钩子的参数（忽略）。"),
                                 valueName: "hook-argument"))
    var hookArguments: [String] = []

    func run() throws {
        let found = try StagedConflicts.findings(workspace: workspaceOptions.workspace)
        guard !found.isEmpty else { return }
        let language = UI.languageOutsideWorkspace()
        let style = TerminalStyle(enabled: Terminal.useColor(fileDescriptor: 2))
        for diagnostic in found { Terminal.standardError(TextReporter.render(diagnostic, style: style, language: language)) }
        let files = Set(found.map(\.path)).count // plans and acctplan.yml
        Terminal.standardError(Terminal.say(
            "acctplan: the commit is refused: \(files) staged file\(files == 1 ? "" : "s") still hold\(files == 1 ? "s" : "") merge-conflict markers; "
                + "resolve them (keep the lines you want, delete the marker lines), 'git add' the file\(files == 1 ? "" : "s"), "
                + "then commit again or continue the rebase, cherry-pick or revert\n",
            "acctplan: 已拒绝提交：\(files) 个暂存的文件中仍有合并冲突标记；请解决冲突（保留需要的行，删除标记行），"
                + "用“git add”暂存文件，然后重新提交，或继续变基、拣选或还原\n"))
        throw ExitCode(1)
    }
}
