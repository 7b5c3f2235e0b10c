import ArgumentParser
import Foundation
import PlanEngine
import PlanModel
import PlanReports

/// `acctplan report`: the static HTML dashboard.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a static HTML dashboard of the rollups: totals, industries, segments, trend, pipeline, accounts.",
        discussion: """
            Writes index.html (totals; a card per industry and segment with its stage distribution, targets against actuals and pipeline; the stage trend over time from git history; pipeline by close quarter; stale plans and overdue actions), a page per industry, segment and account, follow-ups.html and style.css. It needs no server and no network: open index.html in a browser, print it, or publish the folder (a CI artifact, GitHub Pages).

            The numbers are the rollup's (docs/rollups.md). The trend has one point per fiscal quarter end (or month end, with --trend monthly) from the first commit, or from --since, to the as-of date. --since REV|DATE also lists the accounts that moved since then.

            DIR is created when missing. A folder that is not empty is only written into when it holds an earlier report (a .acctplan-report file); its files are replaced.

              acctplan report --output report
              acctplan report --output report --since 2026-09-30
              acctplan report --output public --rev origin/main --as-of 2026-12-31
            """)

    @Option(name: [.short, .long], help: ArgumentHelp("The folder to write the report into (created when missing).", valueName: "dir"))
    var output: String

    @Option(help: ArgumentHelp("A revision or a date (YYYY-MM-DD): list the moves since then and start the trend there.",
                               valueName: "rev-or-date"))
    var since: String?

    @Option(help: ArgumentHelp("One point of the stage trend per fiscal quarter end or month end.", valueName: "period"))
    var trend: RollupHistoryReader.Trend = .quarterly

    @OptionGroup var sourceOptions: SourceOptions
    @OptionGroup var workspaceOptions: WorkspaceOptions
    @OptionGroup var asOfOption: AsOfOption

    func run() throws {
        let asOf = try asOfOption.date()
        let opened = try OpenedWorkspace.open(workspaceOptions, sourceOptions)
        let workspace = try opened.load()
        try UnreadableFiles.requireReadableConfig(workspace)
        UnreadableFiles.warnUncounted(workspace)
        ProcessLifetime.keepUntilExit(workspace)
        var rollup = Rollup.compute(workspace, asOf: asOf)
        let (history, note) = try readHistory(opened: opened, workspace: workspace, asOf: asOf, rollup: &rollup)
        // Only now, when nothing can refuse any more, is the output folder made.
        let folder = try ReportFolder.prepare(output)
        let sourceLabel = opened.revision.map { "commit \($0.short)" + (sourceOptions.rev.map { " (\($0))" } ?? "") }
            ?? (sourceOptions.staged ? "git index" : "working tree")
        let source = opened.source
        let report = HTMLReport(workspace: workspace, rollup: rollup, history: history, historyNote: note,
                                diagnostics: Linter.lint(workspace, asOf: asOf), sourceLabel: sourceLabel,
                                proseSections: { plan in ProseSections.html(of: plan, in: source) })
        ProcessLifetime.keepUntilExit(report)
        let files = try folder.write(report.pages())
        let index = URL(fileURLWithPath: output).appendingPathComponent("index.html").relativePath
        Terminal.standardOutput("Wrote \(files) files for \(rollup.total.accounts) accounts; open \(index)\n")
    }

    /// The trend (and, with --since, the moves), or why there is none. Without --since, a
    /// workspace outside git simply has no trend; with it, that is an error, as for rollup.
    private func readHistory(opened: OpenedWorkspace, workspace: Workspace, asOf: CalendarDate, rollup: inout Rollup) throws
        -> (RollupReporter.History?, String?)
    {
        if since == nil, (try? WorkspaceRepository.open(workspaceOptions, purpose: "")) == nil {
            return (nil, "This workspace is not in a git repository, so there is no history to draw the stage trend from.")
        }
        let reader = RollupHistoryReader(opened: opened, workspace: workspace, workspaceOptions: workspaceOptions, asOf: asOf)
        let history: RollupReporter.History
        do {
            history = try reader.read(since: since, trend: trend, rollup: &rollup, purpose: "--since reads git history")
        } catch let failure as ToolFailure where since == nil {
            // The trend is a part of the page, not the job: say why it is missing, write the rest.
            Terminal.standardError("acctplan: warning: no stage trend: \(failure.message)\n")
            return (nil, "No stage trend: acctplan \(failure.message).")
        }
        guard let points = history.trend else {
            return (history, "The repository has no commits yet, so there is no history to draw the stage trend from.")
        }
        if points.isEmpty {
            let period = trend == .quarterly ? "quarter" : "month"
            let start = history.sinceDate.map { "since \($0)" } ?? "since the first commit"
            return (history, "No \(period) has ended \(start) (as of \(asOf)), so the stage trend has no point yet.")
        }
        return (history, nil)
    }
}
