import PlanEngine
import PlanGit
import PlanModel
import PlanReports
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
        let loaded = try UnreadableFiles.loadForCounting(opened, warn: warn)
        var rollup = Rollup.compute(loaded, asOf: asOf, dimensions: dimension.map { [$0] } ?? [.industry, .segment])
        var history: RollupReporter.History?
        if let since {
            let reader = RollupHistoryReader(opened: opened, workspace: loaded, workspaceOption: workspace, asOf: asOf)
            history = try reader.read(since: since, trend: trend, rollup: &rollup, progress: progress, warn: warn)
        }
        return Result(rollup: rollup, history: history, revision: opened.revision, language: loaded.config.language)
    }
}
