import Foundation
import PlanEngine
import PlanGit
import PlanModel
import PlanReports
import PlanWorkspace

extension ScoreService {
    /// `--trend`: at each period end from `from` to `asOf`, the scores of the plans in the last
    /// commit made on or before that day, judged as of that day (freshness and overdue actions
    /// as they stood then). Plans unchanged between two points are parsed once; only the plans
    /// of about two points are kept in memory.
    static func trend(_ trend: RollupHistoryReader.Trend, from: CalendarDate, asOf: CalendarDate, commits: [CommitInfo],
                      located: WorkspaceRepository, accounts: Set<String>?, fiscalYearStart: MonthDay,
                      progress: any ServiceProgress) throws -> [ScoreReport.TrendPoint]
    {
        let ends = RollupHistory.periodEnds(from: from, to: asOf, quarterly: trend == .quarterly, fiscalYearStart: fiscalYearStart)
        let cache = ParseCache()
        var points: [ScoreReport.TrendPoint] = []
        var loaded: (commit: ObjectID, workspace: Workspace)?
        for (index, end) in ends.enumerated() {
            var summary = Rollup.ScoreSummary()
            let commit = commits.first { $0.committerDay <= end }
            if let commit {
                if loaded?.commit != commit.id {
                    cache.nextGeneration()
                    let source = try GitSnapshotSource.tree(commit.tree, commit: commit.id, label: commit.id.short,
                                                            prefix: located.prefix, in: located.repository)
                    loaded = (commit.id, try WorkspaceLoader.load(from: source, cache: cache))
                }
                if let workspace = loaded?.workspace {
                    for score in HealthScore.compute(workspace, asOf: end, accounts: accounts, withEvidence: false) {
                        summary.add(score: score.score, band: score.band)
                    }
                }
            }
            points.append(ScoreReport.TrendPoint(date: end, revision: commit?.id.description, summary: summary))
            progress.update(index + 1, of: ends.count)
        }
        progress.finish()
        return points
    }
}
