import ArgumentParser
import PlanServices

/// `acctplan log [ID]`: history of plan changes.
struct LogCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "log",
        abstract: UI.help("History of plan changes, newest first, each commit with its semantic summary.", "计划修改的历史，最新的在前，每个提交附带语义摘要。"),
        discussion: UI.discussion("""
            With ID, only the commits that changed that plan (following renames). --since takes a revision (commits after it) or a date YYYY-MM-DD (commits on or after it).

            A merge is listed with the plans whose parallel edits it joined (both sides changed the plan, or the merge resolved it into something neither side had), as what it changed on its first parent's line; a plan only the merged branch changed is listed with that branch's commits, not again with the merge.

              acctplan log
              acctplan log shanghai-tobacco --since 2026-09-01
              acctplan log --since v2026-q3 --format json
            """, """
            给出 ID 时，只列出修改过该计划的提交（跟随改名）。--since 接受一个版本（其后的提交）或日期 YYYY-MM-DD（当天及之后的提交）。

            合并提交会列出它汇合了并行修改的计划（两边都修改过该计划，或合并时解决成了两边都没有的内容），内容是它在第一个父提交那条线上所做的修改；只有被合并分支修改过的计划随该分支的提交列出，不会在合并提交中重复。

              acctplan log
              acctplan log shanghai-tobacco --since 2026-09-01
              acctplan log --since v2026-q3 --format json
            """)) }

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp(UI.help("A plan id: only commits that changed it.", "计划编号：只列出修改过它的提交。"), valueName: "id"),
              completion: .custom { _, _, _ in CompletionService.planIDs() })
    var id: String?

    @Option(help: ArgumentHelp(UI.help("A revision or a date (YYYY-MM-DD): where history starts.", "版本或日期（YYYY-MM-DD）：历史的起点。"), valueName: "rev-or-date"))
    var since: String?

    @Option(help: ArgumentHelp(UI.help("Output format: text or json.", "输出格式：text 或 json。"), valueName: "format"))
    var format: OutputFormat = .text

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        let entries = try LogService.entries(id: id, since: since, workspace: workspaceOptions.workspace)
        switch format {
        case .json: Terminal.standardOutput(LogRenderer.json(entries))
        case .text: Terminal.standardOutput(LogRenderer.text(entries, color: Terminal.useColor(), language: UI.languageOutsideWorkspace()))
        }
    }
}
