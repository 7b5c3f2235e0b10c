import ArgumentParser
import Foundation
import PlanLocalization
import PlanServices

/// `acctplan hooks install`.
struct InstallHooks: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "install",
        abstract: UI.help("Install a pre-commit hook that runs 'acctplan lint --staged', prepare-commit-msg and pre-applypatch hooks that refuse conflict markers, and the diff and merge drivers.", "安装运行“acctplan lint --staged”的 pre-commit 钩子、拒绝冲突标记的 prepare-commit-msg 和 pre-applypatch 钩子，以及 diff 和合并驱动。"),
        discussion: UI.discussion("""
            After this, a plain 'git commit' of a plan with lint errors fails and prints the diagnostics; 'git commit --no-verify' skips the hook once. It respects core.hooksPath. Running it again updates acctplan's own hooks.

            The prepare-commit-msg and pre-applypatch hooks run 'acctplan hooks check-conflicts': it refuses any commit that would record merge-conflict markers in a plan, also where git skips the pre-commit hook (continuing a rebase, cherry-pick or revert, 'git commit --no-verify', 'git am', 'git rebase --apply').

            Also configures the 'acctplan' diff driver in this repository (diff.acctplan.command for git diff, diff.acctplan.textconv for git log -p), used for the files .gitattributes marks with diff=acctplan (the workspace template marks every plan), and the 'acctplan' merge driver (merge.acctplan.driver = acctplan merge-driver --marker-size %L --ours-label %X --base-label %S --theirs-label %Y %O %A %B %P) for the files marked merge=acctplan.

            The hook and the driver run 'acctplan' as found on PATH when git runs them, so moving or upgrading the binary breaks nothing; --acctplan PATH names a binary instead.

            When the repository already has a pre-commit, prepare-commit-msg or pre-applypatch hook of its own, it is left as it is: the drivers are still configured, and acctplan says which line to add to the hook. --chain adds that line for you (a marked block at the top of a shell hook, removed again by 'hooks uninstall'; a hook that is a link or a compiled program is never edited); --force replaces a pre-commit hook (never a prepare-commit-msg or pre-applypatch hook of yours).

            Exit status: 0 when the hook or the driver was set up (a hook of your own left alone is a warning on stderr), 2 when nothing could be done (not in a clone, --acctplan names no program, --chain cannot edit the pre-commit hook), and 2 also when --chain cannot edit your prepare-commit-msg or pre-applypatch hook (the rest is set up; the error names the line to add).

              acctplan hooks install
              acctplan hooks install --chain
              acctplan hooks install --acctplan /opt/acctplan/bin/acctplan
            """, """
            安装后，普通的“git commit”提交有检查错误的计划时会失败并列出诊断；“git commit --no-verify”可跳过一次钩子。遵循 core.hooksPath。再次运行会更新 acctplan 自己的钩子。

            prepare-commit-msg 和 pre-applypatch 钩子运行“acctplan hooks check-conflicts”：任何会把合并冲突标记记录到计划中的提交都会被拒绝，包括 git 跳过 pre-commit 钩子的情况（继续变基、拣选或还原，“git commit --no-verify”，“git am”，“git rebase --apply”）。

            同时在此仓库中配置“acctplan”差异驱动（git diff 用 diff.acctplan.command，git log -p 用 diff.acctplan.textconv），用于 .gitattributes 中标记为 diff=acctplan 的文件（工作区模板标记了所有计划），以及“acctplan”合并驱动（merge.acctplan.driver = acctplan merge-driver --marker-size %L --ours-label %X --base-label %S --theirs-label %Y %O %A %B %P），用于标记为 merge=acctplan 的文件。

            git 运行钩子和驱动时使用 PATH 中找到的“acctplan”，因此移动或升级程序不会破坏任何东西；--acctplan PATH 可指定一个程序。

            仓库已有自己的 pre-commit、prepare-commit-msg 或 pre-applypatch 钩子时，保持其原样：仍会配置驱动，并告诉你要在钩子中加入哪一行。--chain 会替你加入这一行（在 shell 钩子开头加入一个带标记的代码块，“hooks uninstall”会再将其移除；链接或编译后的钩子程序从不改动）；--force 替换 pre-commit 钩子（从不替换你自己的 prepare-commit-msg 或 pre-applypatch 钩子）。

            退出状态：0 已设置钩子或驱动（保留你自己的钩子时在标准错误上给出警告），2 无法进行任何设置（不在克隆中、--acctplan 指定的不是程序、--chain 无法编辑 pre-commit 钩子）；--chain 无法编辑你的 prepare-commit-msg 或 pre-applypatch 钩子时也是 2（其余已设置好，错误信息给出要加入的那一行）。

              acctplan hooks install
              acctplan hooks install --chain
              acctplan hooks install --acctplan /opt/acctplan/bin/acctplan
            """)) }

    @Flag(help: ArgumentHelp(UI.help("Replace an existing pre-commit hook that is not acctplan's (your prepare-commit-msg or pre-applypatch hook is never replaced: --chain adds to it).", "替换已有的、不是 acctplan 的 pre-commit 钩子（你自己的 prepare-commit-msg 或 pre-applypatch 钩子从不替换：--chain 可向其中加入检查）。")))
    var force = false

    @Flag(help: ArgumentHelp(UI.help("Add acctplan's check to the top of an existing (shell) hook instead of replacing it.", "把 acctplan 的检查加到已有的（shell）钩子开头，而不是替换它。")))
    var chain = false

    @OptionGroup var options: HookOptions

    func validate() throws {
        if force && chain { throw ValidationError("--force replaces the hook and --chain keeps it: give one of them") }
    }

    func run() throws {
        let setup = try HookSetup(workspace: options.workspaceOptions.workspace, binary: options.binary)
        let hook = setup.hook
        switch try setup.installHook(force: force, chain: chain) {
        case .installed:
            Terminal.standardOutput(Terminal.say("installed \(hook.path): 'git commit' now runs 'acctplan lint --staged'\n",
                                                 "已安装 \(hook.path)：“git commit”现在会运行“acctplan lint --staged”\n"))
        case .replaced:
            Terminal.standardOutput(Terminal.say("replaced \(hook.path): 'git commit' now runs 'acctplan lint --staged'\n",
                                                 "已替换 \(hook.path)：“git commit”现在会运行“acctplan lint --staged”\n"))
        case .chained:
            Terminal.standardOutput(Terminal.say("added acctplan's check to the top of \(hook.path) ('acctplan hooks uninstall' removes it)\n",
                                                 "已在 \(hook.path) 开头加入 acctplan 的检查（“acctplan hooks uninstall”可将其移除）\n"))
        case .leftAlone(preCommitFramework: true) where setup.frameworkRuns("acctplan-lint"):
            Self.sayFrameworkRuns("acctplan-lint", hook)
        case .leftAlone(let preCommitFramework):
            Self.warnLeftAlone(hook, unchecked: ("'git commit' does not lint plans yet", "“git commit”暂不检查计划"),
                               note: preCommitFramework
                                   ? (" It is the pre-commit framework's hook: add acctplan to .pre-commit-config.yaml instead (docs/git.md).",
                                      "它是 pre-commit 框架的钩子：请改为把 acctplan 加入 .pre-commit-config.yaml（docs/git.md）。")
                                   : ("", ""),
                               line: setup.checkCommand)
        }
        let gates = [installConflictGate(setup, .prepareCommitMessage), installConflictGate(setup, .preApplypatch)]
        try setup.configureDiffDriver()
        Terminal.standardOutput(Terminal.say(
            "configured the 'acctplan' diff driver: git diff and git log -p show plan changes in plan terms\n",
            "已配置“acctplan”差异驱动：git diff 和 git log -p 会按计划的语义显示修改\n"))
        Terminal.standardOutput(Terminal.say(
            "configured the 'acctplan' merge driver: git merges plans row by row (docs/merge.md)\n",
            "已配置“acctplan”合并驱动：git 会按表格行和条目逐条合并计划（docs/merge.md）\n"))
        if options.binary == nil, HookSetup.onPath("acctplan") == nil {
            Terminal.standardError(Terminal.say(
                "acctplan: warning: 'acctplan' is not on PATH here; the hook, git diff and git log -p run "
                    + "'acctplan' from PATH: put it there, or install again with --acctplan PATH\n",
                "acctplan: 警告：此处的 PATH 中没有“acctplan”；钩子、git diff 和 git log -p 会从 PATH 运行“acctplan”："
                    + "请把它放入 PATH，或用 --acctplan PATH 重新安装\n"))
        }
        // --chain asked for the conflict check in a hook it could not edit: the rest is set up,
        // but the check the user asked for is missing, which a script must not take for success.
        if gates.contains(false) { throw ExitCode(2) }
    }

    /// The prepare-commit-msg and pre-applypatch hooks: they refuse conflict markers where git
    /// skips the pre-commit hook. A failure to install one is said, not thrown, so that the rest
    /// is still set up; false then (the command ends with exit status 2).
    private func installConflictGate(_ setup: HookSetup, _ kind: GitHook) -> Bool {
        let hook = setup.url(kind)
        // Where git makes the commits this hook covers (English, Chinese).
        let covers = kind == .preApplypatch
            ? ("git am and git rebase --apply", "git am 和 git rebase --apply")
            : ("a continued rebase or cherry-pick", "继续的变基或拣选")
        do {
            // --force replaces a pre-commit hook only: a hook of the user's here (one that writes a
            // ticket number into the message, say) is never replaced, only chained.
            switch try setup.installHook(kind, force: false, chain: chain) {
            case .installed, .replaced: // not replaced: see `force: false` above
                Terminal.standardOutput(Terminal.say(
                    "installed \(hook.path): no commit records merge-conflict markers in a plan, \(covers.0) included\n",
                    "已安装 \(hook.path)：任何提交（包括\(covers.1)）都不会把合并冲突标记记录到计划中\n"))
            case .chained:
                Terminal.standardOutput(Terminal.say("added acctplan's conflict check to the top of \(hook.path) ('acctplan hooks uninstall' removes it)\n",
                                                     "已在 \(hook.path) 开头加入 acctplan 的冲突检查（“acctplan hooks uninstall”可将其移除）\n"))
            case .leftAlone(preCommitFramework: true) where setup.frameworkRuns("acctplan-conflicts"):
                Self.sayFrameworkRuns("acctplan-conflicts", hook)
            case .leftAlone:
                Self.warnLeftAlone(hook, unchecked: ("\(covers.0) can still record conflict markers", "\(covers.1)仍可能记录冲突标记"),
                                   line: setup.checkCommand(kind), force: false)
            }
        } catch let failure as any UserFacingError {
            // As every error line is written (translated, one style with the pre-commit hook's).
            Terminal.standardError(LintWords.errorLine(failure.message, hint: failure.hint, in: UI.languageOutsideWorkspace()))
            return false
        } catch {
            Terminal.standardError("acctplan: error: \(error)\n")
            return false
        }
        return true
    }

    /// The warning for a hook of the user's left as it is: what goes unchecked (English, Chinese),
    /// a note, and the line to add to the hook.
    private static func warnLeftAlone(_ hook: URL, unchecked: (String, String), note: (String, String) = ("", ""), line: String,
                                      force: Bool = true) {
        Terminal.standardError(Terminal.say(
            "acctplan: warning: \(hook.path) already exists and is not acctplan's; it was left as it is, "
                + "so \(unchecked.0).\(note.0) Add this line to it:\n    \(line)\n"
                + "or run 'acctplan hooks install --chain' to add it for you\(force ? " (--force replaces the hook)" : "")\n",
            "acctplan: 警告：\(hook.path) 已存在且不是 acctplan 的钩子；已保持原样，因此\(unchecked.1)。"
                + "\(note.1)请在其中加入这一行：\n    \(line)\n"
                + "或运行“acctplan hooks install --chain”自动加入\(force ? "（--force 会替换该钩子）" : "")\n"))
    }

    /// A framework hook at `hook` already runs acctplan's check `id`: said, not warned about.
    private static func sayFrameworkRuns(_ id: String, _ hook: URL) {
        Terminal.standardOutput(Terminal.say(
            "left \(hook.path) as it is: it is the pre-commit framework's, and .pre-commit-config.yaml runs \(id)\n",
            "保持 \(hook.path) 原样：它是 pre-commit 框架的钩子，且 .pre-commit-config.yaml 会运行 \(id)\n"))
    }
}
