import ArgumentParser
import PlanEngine
import PlanReports
import PlanServices

/// `acctplan rollup`: the lifecycle rollup management reads.
struct RollupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollup",
        abstract: "Lifecycle rollups: accounts per stage, targets, pipeline and actions per industry and segment.",
        discussion: """
            One group per industry and segment that has a plan or a member account (or, with --by, per manager, region or ABU: those group by the field and have no targets).

            --since REV|DATE adds the stage transitions since then and each group's moves (up, down, new, removed); a DATE means the last commit on HEAD's first-parent history made on or before that day. A DATE before the history starts (every account is then new) or after its last commit gives a warning on stderr; a DATE after the as-of date (today) is an error (exit 2). --trend monthly|quarterly (with --since DATE) adds one stage count per period end, from history: the customers' S-curve over time.

            Formats: text (default), json (PLAN_FORMAT.md §8), csv (one row per group), markdown. docs/rollups.md defines every number.

              acctplan rollup
              acctplan rollup --by manager --format csv > managers.csv
              acctplan rollup --since 2026-09-30 --format markdown
              acctplan rollup --trend quarterly --since 2025-01-01
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json, csv, markdown }
    typealias Trend = RollupHistoryReader.Trend

    @Option(help: ArgumentHelp("Group by industry, segment, manager, region or abu (default: industries and segments).", valueName: "dimension"))
    var by: Rollup.Dimension?

    @Option(help: ArgumentHelp("A revision or a date (YYYY-MM-DD, not after --as-of): add the moves since then.",
                                valueName: "rev-or-date"))
    var since: String?

    @Option(help: ArgumentHelp("monthly or quarterly: add a stage count per period end since --since.", valueName: "period"))
    var trend: Trend?

    @Option(help: ArgumentHelp("Output format: text, json, csv or markdown.", valueName: "format"))
    var format: OutputFormat = .text

    @OptionGroup var sourceOptions: SourceOptions
    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var asOfOption: AsOfOption

    func validate() throws {
        if trend != nil && since == nil { throw ValidationError("--trend needs --since DATE: where the trend starts") }
    }

    func run() throws {
        let asOf = try asOfOption.date()
        let result = try RollupService.rollup(workspace: workspaceOptions.workspace, at: sourceOptions.choice, by: by, since: since,
                                              trend: trend, asOf: asOf, progress: ProgressLine(), warn: Terminal.warn)
        let (rollup, history) = (result.rollup, result.history)
        switch format {
        case .text: Terminal.standardOutput(RollupReporter.text(rollup, history: history, color: Terminal.useColor()))
        case .json: Terminal.standardOutput(RollupReporter.json(rollup, revision: result.revision?.description, history: history))
        case .csv: Terminal.standardOutput(RollupReporter.csv(rollup))
        case .markdown: Terminal.standardOutput(RollupReporter.markdown(rollup, history: history))
        }
    }
}

extension Rollup.Dimension: ExpressibleByArgument {}
extension RollupHistoryReader.Trend: ExpressibleByArgument {}
