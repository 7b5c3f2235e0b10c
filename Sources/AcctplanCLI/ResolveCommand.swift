import ArgumentParser
import PlanLocalization
import PlanServices

/// `acctplan resolve [PATH...]`: in a repository stopped in a conflicted merge, rebase,
/// cherry-pick or revert, re-merges each conflicted plan from its index stages with the plan
/// merge driver's engine, writes it, and stages the plans that merged cleanly.
struct ResolveCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "resolve",
        abstract: UI.help("Re-merge conflicted plans row by row after a conflicted git merge, rebase or cherry-pick.", "git 合并、变基或拣选出现冲突后，按表格行和条目逐条重新合并有冲突的计划。"),
        discussion: UI.discussion("""
            For when git merged plans line by line (the merge driver was not configured, or the merge was started elsewhere): each conflicted plan is merged again from the versions git recorded (base, ours, theirs) the way 'acctplan merge-driver' does, and written over the file. Plans that merge cleanly are staged ('git add'); the others keep only their real conflicts, each confined to one key, row, item or prose hunk. Then continue as git says ('git merge --continue', 'git rebase --continue', ...). See docs/merge.md.

            Exit status: 0 when nothing is left to resolve, 1 when conflicts remain (in plans or other files), 2 when it could not run.
            """, """
            用于 git 逐行合并了计划的情况（没有配置合并驱动，或合并是在别处开始的）：每个有冲突的计划都会像“acctplan merge-driver”那样，从 git 记录的各版本（base、ours、theirs）重新合并并写回文件。干净合并的计划会被暂存（“git add”）；其余的只保留真正的冲突，每个冲突限定在一个键、一行、一个条目或一段正文中。然后按 git 的提示继续（“git merge --continue”、“git rebase --continue”……）。见 docs/merge.md。

            退出状态：0 没有需要解决的冲突，1 仍有冲突（在计划或其他文件中），2 无法运行。
            """)) }

    @Argument(help: ArgumentHelp(UI.help("The conflicted plans to resolve (default: every conflicted plan).", "要解决的有冲突的计划（默认：所有有冲突的计划）。")))
    var paths: [String] = []

    @Option(help: ArgumentHelp(UI.help("Conflict style for what remains: merge, diff3 or zdiff3. Default: git's merge.conflictStyle.", "剩余冲突的样式：merge、diff3 或 zdiff3。默认：git 的 merge.conflictStyle。")))
    var conflictStyle: String?

    @Flag(help: ArgumentHelp(UI.help("Merge again over plans that are no longer the conflict git wrote (edits made since are lost).",
                                      "即使计划已不是 git 写入的冲突内容也重新合并并覆盖（之后所做的编辑会丢失）。")))
    var force = false

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        var left = 0
        let lines = try ResolveService.resolve(paths: paths, conflictStyle: conflictStyle, workspace: workspaceOptions.workspace,
                                               force: force)
        // Silence read as "it did something" or "it failed" (a newcomer trial).
        if lines.isEmpty {
            Terminal.standardOutput(Terminal.say("nothing to resolve: no file is in conflict\n", "无需解决：没有处于冲突状态的文件\n"))
        }
        for line in lines {
            let path = line.path
            switch line.outcome {
            case .notConflicted:
                Terminal.standardOutput(Terminal.say("not conflicted  \(path)\n", "无冲突          \(path)\n"))
            case .notAPlan:
                left += 1
                Terminal.standardOutput(Terminal.say("skipped     \(path): not a plan; resolve it with git\n",
                                                     "已跳过      \(path)：不是计划；请用 git 解决\n"))
            case .deletedAndChanged:
                left += 1
                Terminal.standardOutput(Terminal.say(
                    "conflict    \(path): deleted on one side and changed on the other; keep it with 'git add' or drop it with 'git rm'\n",
                    "冲突        \(path)：一边删除、另一边修改；用“git add”保留，或用“git rm”删除\n"))
            case .editedSinceTheMerge:
                left += 1
                Terminal.standardOutput(Terminal.say(
                    "left alone  \(path): edited since the merge wrote it; finish it by hand, then 'git add \(path)' "
                        + "(or merge it again with 'acctplan resolve --force \(path)', which drops your edits)\n",
                    "未改动      \(path)：合并写入后已被手动编辑；请手动完成后运行“git add \(path)”"
                        + "（或用“acctplan resolve --force \(path)”重新合并，这会丢弃你的编辑）\n"))
            case .merged(let fallback):
                Terminal.standardOutput(Terminal.say("merged      \(path)\(fallback.map { " (\($0); merged line by line)" } ?? "")\n",
                                                     "已合并      \(path)\(fallback.map { "（\(Localizer.translate($0, to: .zhCN))；已逐行合并）" } ?? "")\n"))
            case .conflicts(let count, let fallback):
                left += 1
                let note = fallback.map { " (\($0); merged line by line)" } ?? ""
                let chineseNote = fallback.map { "（\(Localizer.translate($0, to: .zhCN))；已逐行合并）" } ?? ""
                Terminal.standardOutput(Terminal.say(
                    "conflict    \(path): \(count) conflict\(count == 1 ? "" : "s") left\(note); edit them, then 'git add \(path)'\n",
                    "冲突        \(path)：剩余 \(count) 处冲突\(chineseNote)；请编辑后运行“git add \(path)”\n"))
            }
        }
        if left > 0 { throw ExitCode(1) }
    }
}
