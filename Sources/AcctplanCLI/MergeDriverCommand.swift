import ArgumentParser
import PlanLocalization
import PlanServices

/// `acctplan merge-driver BASE OURS THEIRS PATH`: git's merge driver for plans
/// (merge.acctplan.driver). Merges the three versions in plan terms and writes the result over
/// OURS; exit 0 when clean, 1 when conflicts remain (written with git's markers).
struct MergeDriverCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "merge-driver",
        abstract: UI.help("Merge three versions of a plan row by row (git's merge driver for plans).", "按表格行和条目逐条合并计划的三个版本（git 的计划合并驱动）。"),
        discussion: UI.discussion("""
            git runs this for every plan both branches changed, when the repository is set up for it. `acctplan hooks install` does the setup; by hand it is:

              git config merge.acctplan.name "acctplan plan merge"
              git config merge.acctplan.driver "acctplan merge-driver --marker-size %L \\
                  --ours-label %X --base-label %S --theirs-label %Y %O %A %B %P"

            and in .gitattributes:

              accounts/**/*.md merge=acctplan
              industries/**/*.md merge=acctplan
              segments/**/*.md merge=acctplan

            git before 2.44 does not expand %X, %S and %Y: a label left as it was (or empty) is replaced by ours, base or theirs.

            Front matter merges per key (segments and team as sets), tables per row (matched by ID, Name or Product) and cell, Actions and Moments of truth per item, prose per section with git's line merge. A real conflict is confined to one key, row, item or prose hunk, written with git's markers (with the base when merge.conflictStyle is diff3 or zdiff3). A file that is not a plan (no front matter, binary, conflict markers already, over 4 MiB) is merged line by line, as git would. The result replaces OURS; the exit status is 0 when clean, 1 when conflicts remain. See docs/merge.md.
            """, """
            仓库设置好之后，git 会对两个分支都修改过的每个计划运行此命令。`acctplan hooks install` 会完成设置；手动设置如下：

              git config merge.acctplan.name "acctplan plan merge"
              git config merge.acctplan.driver "acctplan merge-driver --marker-size %L \\
                  --ours-label %X --base-label %S --theirs-label %Y %O %A %B %P"

            并在 .gitattributes 中写入：

              accounts/**/*.md merge=acctplan
              industries/**/*.md merge=acctplan
              segments/**/*.md merge=acctplan

            2.44 之前的 git 不展开 %X、%S 和 %Y：原样保留（或为空）的标签会被替换为 ours、base 或 theirs。

            前置元数据按键合并（segments 和 team 作为集合），表格按行（按 ID、Name 或 Product 匹配）和单元格合并，行动和关键时刻按条目合并，正文按部分用 git 的逐行合并。真正的冲突限定在一个键、一行、一个条目或一段正文中，用 git 的冲突标记写出（merge.conflictStyle 为 diff3 或 zdiff3 时包含共同祖先版本）。不是计划的文件（没有前置元数据、二进制、已有冲突标记、超过 4 MiB）像 git 一样逐行合并。结果替换 OURS；没有冲突时退出状态为 0，仍有冲突时为 1。见 docs/merge.md。
            """)) }

    @Argument(help: ArgumentHelp(UI.help("The common ancestor's version (git's %O).", "共同祖先的版本（git 的 %O）。")))
    var base: String
    @Argument(help: ArgumentHelp(UI.help("Our version (git's %A); the result is written here.", "我方版本（git 的 %A）；结果写入此文件。")))
    var ours: String
    @Argument(help: ArgumentHelp(UI.help("Their version (git's %B).", "对方版本（git 的 %B）。")))
    var theirs: String
    @Argument(help: ArgumentHelp(UI.help("The plan's path in the repository (git's %P), for its kind and id.", "计划在仓库中的路径（git 的 %P），用于确定其类型和编号。")))
    var path: String = "accounts/plan.md"

    @Option(help: ArgumentHelp(UI.help("Conflict style: merge or diff3 (zdiff3 is written as diff3). Default: git's merge.conflictStyle.", "冲突样式：merge 或 diff3（zdiff3 按 diff3 写出）。默认：git 的 merge.conflictStyle。")))
    var conflictStyle: String?
    @Option(help: ArgumentHelp(UI.help("The length of the conflict markers (git's %L).", "冲突标记的长度（git 的 %L）。")))
    var markerSize: Int = 7
    @Option(help: ArgumentHelp(UI.help("The label of our side in conflict markers (git's %X; not expanded by git before 2.44: then 'ours').", "冲突标记中我方的标签（git 的 %X；2.44 之前的 git 不展开，此时为“ours”）。")))
    var oursLabel: String = "ours"
    @Option(help: ArgumentHelp(UI.help("The label of the base in diff3 markers (git's %S).", "diff3 标记中共同祖先的标签（git 的 %S）。")))
    var baseLabel: String = "base"
    @Option(help: ArgumentHelp(UI.help("The label of their side in conflict markers (git's %Y).", "冲突标记中对方的标签（git 的 %Y）。")))
    var theirsLabel: String = "theirs"

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        try Self.merge(base: base, ours: ours, theirs: theirs, path: path,
                       markers: MergeService.Markers(style: conflictStyle, size: markerSize, ours: oursLabel, base: baseLabel, theirs: theirsLabel),
                       workspace: workspaceOptions.workspace)
    }

    /// The merge itself, also run by ``MergeDriverInvocation`` (git's usual call, read by hand).
    static func merge(base: String, ours: String, theirs: String, path: String, markers: MergeService.Markers, workspace: String?) throws {
        let result = try MergeService.driver(base: base, ours: ours, theirs: theirs, path: path, markers: markers,
                                             workspace: workspace) { reason in
            Terminal.standardError(Terminal.say("acctplan merge-driver: \(path): \(reason); merged line by line\n",
                                                "acctplan merge-driver: \(path)：\(Localizer.translate(reason, to: .zhCN))；已逐行合并\n"))
        }
        guard result.isClean else {
            Terminal.standardError(Terminal.say(
                "acctplan merge-driver: \(path): \(result.conflicts) conflict\(result.conflicts == 1 ? "" : "s") left to resolve\n",
                "acctplan merge-driver: \(path)：剩余 \(result.conflicts) 处冲突待解决\n"))
            throw ExitCode(1)
        }
    }
}
