import Foundation
import PlanEngine
import PlanModel
import PlanQuery
import PlanReports
import PlanSupport
import PlanWorkspace

/// `report`: the static HTML dashboard, written into a folder.
public enum ReportService {
    public struct Written {
        /// Files written (pages, style sheet and the folder's marker).
        public let files: Int
        public let accounts: Int
        /// Account pages kept from the earlier report in the folder, unchanged (not counted in `files`).
        public var kept = 0
        /// The language the pages were written in.
        public var language: UILanguage = .en
    }

    /// Writes the dashboard of the workspace as `choice` holds it into `output` (created when
    /// missing). `rev` is only for the label ("commit abc1234 (main)"). `since` lists the moves and
    /// starts the trend there; without it the trend starts at the first commit, and a workspace
    /// outside git simply has none.
    public static func write(output: String, workspace: String?, at choice: PlanSourceChoice, since: String?,
                             trend: RollupHistoryReader.Trend, asOf: CalendarDate,
                             progress: any ServiceProgress = NoProgress(), warn: (ServiceWarning) -> Void = { _ in },
                             language: (UILanguage?) -> UILanguage = { $0 ?? .en })
        throws -> Written
    {
        let opened = try OpenedWorkspace.open(workspace: workspace, at: choice)
        // The history is read on another thread while the working tree is parsed, as for rollup
        // (`alongside`); its warnings are said after the working tree's. Without `since`, a
        // workspace outside git simply has no trend.
        var background: (@Sendable () -> Result<RollupHistoryReader.Early, Error>?) = { nil }
        let inRepository = since != nil || (try? WorkspaceRepository.open(workspace: workspace, purpose: "")) != nil
        let handover = RollupHistoryReader.WorkingTreeHandover()
        if inRepository {
            background = try RollupHistoryReader.background(opened, workspaceOption: workspace, since: since, trend: trend,
                                                            asOf: asOf, progress: progress, workingTree: handover)
        }
        let (loaded, early) = try alongside({ try handover.handingOver { try UnreadableFiles.loadForCounting(opened, digests: true, warn: warn) } },
                                            background: background)
        // Each account's score and band once, for the rollup's figures and lint's health-mismatch;
        // the account page builds its explained score when it is written (holding 10,000 scores
        // with their evidence cost 50 MB more at peak than it saved).
        let scores = HealthScore.scoresAndBands(loaded, asOf: asOf)
        var rollup = Rollup.compute(loaded, asOf: asOf, scores: scores)
        let (history, note) = try finishHistory(early, now: loaded, since: since, trend: trend, asOf: asOf, rollup: &rollup,
                                                warn: warn)
        // Only now, when nothing can refuse any more, is the output folder made.
        let folder = try ReportFolder.prepare(output)
        let sourceLabel: String
        switch choice {
        case .workingTree: sourceLabel = "working tree"
        case .index: sourceLabel = "git index"
        case .revision(let rev): sourceLabel = opened.revision.map { "commit \($0.short) (\(rev))" } ?? "working tree"
        }
        let source = opened.source
        // The plans whose file changed between the parse and the reading of their prose: their
        // pages mix two versions, and get no key (ReportFolder records none, so they are made
        // again next time).
        let reread = PathSet()
        var report = HTMLReport(workspace: loaded, rollup: rollup, history: history, historyNote: note,
                                diagnostics: Linter.lint(loaded, asOf: asOf, scores: scores), sourceLabel: sourceLabel,
                                proseSections: { plan in ProseSections.html(of: plan, in: source) { reread.insert(plan.path) } },
                                views: views(of: loaded, asOf: asOf))
        // The page's language: the front end's choice, given the workspace's `language:`.
        report.language = language(loaded.config.language)
        // For the account pages' keys, digests of the bytes that were parsed: a page whose inputs
        // did not change is kept (ReportFolder).
        report.configDigest = loaded.configDigest
        report.builder = HistoryStore.builderIdentity()
        report.isMixed = { plan in reread.contains(plan.path) }
        ProcessLifetime.keepUntilExit(report)
        let outcome = try folder.write(report.pages())
        var written = Written(files: outcome.written, accounts: rollup.total.accounts)
        written.kept = outcome.kept
        written.language = report.language
        return written
    }

    /// Every saved view's answer, or why it has none (a wrong view line is the view's problem,
    /// shown on its page, not a reason to write no report).
    static func views(of workspace: Workspace, asOf: CalendarDate) -> [HTMLReport.ViewResult] {
        workspace.config.views.map { view in
            do {
                let result = try QueryEngine.run(try SavedQuery(line: view.query).request, in: workspace, asOf: asOf)
                return HTMLReport.ViewResult(name: view.name, query: view.query, result: result, problem: nil)
            } catch let error as QueryError {
                return HTMLReport.ViewResult(name: view.name, query: view.query, result: nil,
                                             problem: "acctplan.yml:\(view.location.line): " + error.message + (error.hint.map { " (\($0))" } ?? ""))
            } catch {
                return HTMLReport.ViewResult(name: view.name, query: view.query, result: nil, problem: "\(error)")
            }
        }
    }

    /// The trend (and, with `since`, the moves), or why there is none: `early` is what the history
    /// gave (nil outside git without `since`). Without `since`, a failure to read the history is
    /// said and the report is written without a trend; with it, that is an error, as for rollup.
    private static func finishHistory(_ early: Result<RollupHistoryReader.Early, Error>?, now: Workspace, since: String?,
                                      trend: RollupHistoryReader.Trend, asOf: CalendarDate, rollup: inout Rollup,
                                      warn: (ServiceWarning) -> Void) throws -> (RollupReporter.History?, String?)
    {
        guard let early else {
            return (nil, "This workspace is not in a git repository, so there is no history to draw the stage trend from.")
        }
        let history: RollupReporter.History
        do {
            let read = try early.get()
            read.warnings.forEach(warn)
            history = RollupHistoryReader.complete(read, now: now, rollup: &rollup)
        } catch let failure as any UserFacingError where since == nil {
            // The trend is a part of the page, not the job: say why it is missing, write the rest.
            warn(ServiceWarning("no stage trend: \(failure.message)"))
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

/// A set of paths that threads add to while pages are rendered.
final class PathSet: @unchecked Sendable {
    private let lock = NSLock()
    private var paths = Set<String>()

    func insert(_ path: String) { lock.withLock { _ = paths.insert(path) } }
    func contains(_ path: String) -> Bool { lock.withLock { paths.contains(path) } }
}
