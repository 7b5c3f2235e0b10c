import ArgumentParser
import PlanReports
import PlanServices

/// `acctplan diff`: plan changes in plan terms.
struct DiffCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "diff",
        abstract: UI.help("Show plan changes in plan terms: stage moves, amounts, ticked actions.", "用计划的语言显示变化：阶段变动、金额、已完成的行动。"),
        discussion: UI.discussion("""
            Like git diff, but semantic: fields and section items are matched by meaning, so reordering rows, list items or keys is no change, and 2.4M → 2,400,000 is no change. Free prose (a Risks section, notes, the intro) is shown as its changed lines, part by part, bounded (docs/git.md).

              acctplan diff                 index → working tree (what you have not staged)
              acctplan diff --staged        HEAD → index (what the next commit records)
              acctplan diff REV             REV → working tree
              acctplan diff REV1 REV2       REV1 → REV2
              acctplan diff main feature --format markdown   # paste into a pull request

            PATHs after the revisions narrow the diff. Formats: text (default), json, markdown. Also usable as git's diff driver: 'acctplan hooks install' sets that up (docs/git.md).
            """, """
            与 git diff 类似，但按语义比较：字段和各部分的条目按含义匹配，因此调换行、列表项或键的顺序不算修改，2.4M → 2,400,000 也不算修改。自由正文（风险部分、备注、引言）按部分显示其改动的行，有数量上限（docs/git.md）。

              acctplan diff                 暂存区 → 工作区（尚未暂存的修改）
              acctplan diff --staged        HEAD → 暂存区（下一次提交将记录的内容）
              acctplan diff REV             REV → 工作区
              acctplan diff REV1 REV2       REV1 → REV2
              acctplan diff main feature --format markdown   # 粘贴到拉取请求中

            版本之后的 PATH 可缩小比较范围。格式：text（默认）、json、markdown。也可以用作 git 的差异驱动：“acctplan hooks install”会完成设置（docs/git.md）。
            """)) }

    @Argument(help: ArgumentHelp(UI.help("Up to two revisions, then paths to narrow the diff.", "最多两个版本，之后是用来限定范围的路径。"), valueName: "rev-or-path"),
              completion: .custom { _, _, _ in CompletionService.revisions() + CompletionService.planPaths() })
    var arguments: [String] = []

    @Flag(help: ArgumentHelp(UI.help("Compare HEAD (or REV) with the index.", "比较 HEAD（或 REV）与索引。")))
    var staged = false

    @Option(help: FormatChoice<DiffFormatList>.help)
    var format = FormatChoice<DiffFormatList>.first

    @Flag(help: .hidden)
    var external = false

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        if external { return try ExternalDiff.run(arguments, workspace: workspaceOptions.workspace) }
        try Self.diff(arguments, staged: staged, format: format, workspace: workspaceOptions.workspace)
    }

    /// The diff itself, also run by ``HotPath`` without ArgumentParser.
    static func diff(_ arguments: [String], staged: Bool, format: FormatChoice<DiffFormatList>, workspace: String?) throws {
        let result = try DiffService.compare(arguments, staged: staged, workspace: workspace)
        DiffNotices.report(unmerged: result.unmerged, untracked: result.untracked)
        result.warnings.forEach(Terminal.warn)
        // The diff reads plans per version, not the workspace's configuration as a whole: its
        // `language:` is read from acctplan.yml's line, as for an error line.
        Terminal.standardOutput(format.format.render(result.changes, between: result.ends, color: Terminal.useColor(),
                                                     language: UI.languageOutsideWorkspace()))
    }
}
