import Foundation
import PlanEngine
import PlanGit
import PlanModel
import PlanReports
import PlanSupport
import PlanWorkspace

/// `rollup`: the lifecycle rollup, and with `since` what moved.
public enum RollupService {
    public struct Result {
        public var rollup: Rollup
        public var history: RollupReporter.History?
        /// The commit read, for `--rev`.
        public var revision: ObjectID?
        /// The workspace's `language:` (nil when unset), for the front end's choice of language.
        public var language: UILanguage?
    }

    /// The rollup of the workspace as `choice` holds it, grouped by `dimension` (nil: industries
    /// and segments); `since` (a revision or a date) adds the moves, `trend` a stage count per
    /// period end. Accounts that cannot be read are said through `warn`, not left out in silence.
    public static func rollup(workspace: String?, at choice: PlanSourceChoice, by dimension: Rollup.Dimension?,
                              since: String?, trend: RollupHistoryReader.Trend?, asOf: CalendarDate,
                              progress: any ServiceProgress = NoProgress(), warn: (ServiceWarning) -> Void = { _ in })
        throws -> Result
    {
        let opened = try OpenedWorkspace.open(workspace: workspace, at: choice)
        // With --since, git history is read on another thread while the working tree is parsed
        // (`alongside`): the history's reading is mostly on one core, the parse on all of them.
        // Its warnings are said after the working tree's, as when one followed the other.
        var background: (@Sendable () -> Swift.Result<RollupHistoryReader.Early, Error>?) = { nil }
        let handover = RollupHistoryReader.WorkingTreeHandover()
        if since != nil {
            background = try RollupHistoryReader.background(opened, workspaceOption: workspace, since: since, trend: trend,
                                                            asOf: asOf, progress: progress, workingTree: handover)
        }
        let (loaded, early) = try alongside({ try handover.handingOver { try UnreadableFiles.loadForCounting(opened, warn: warn) } },
                                            background: background)
        var rollup = Rollup.compute(loaded, asOf: asOf, dimensions: dimension.map { [$0] } ?? [.industry, .segment])
        var history: RollupReporter.History?
        if let early = try early?.get() {
            early.warnings.forEach(warn)
            history = RollupHistoryReader.complete(early, now: loaded, rollup: &rollup)
        }
        return Result(rollup: rollup, history: history, revision: opened.revision, language: loaded.config.language)
    }
}

/// The progress line, used by the history's thread alone while the main thread parses.
struct SharedProgress: @unchecked Sendable {
    let progress: any ServiceProgress
    init(_ progress: any ServiceProgress) { self.progress = progress }
}
