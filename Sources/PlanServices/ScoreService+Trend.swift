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
    /// of about two points are kept in memory. A period end whose commit holds an acctplan.yml
    /// that cannot be read is left out, said through `warn` once per commit: its scores would be
    /// computed with default settings.
    static func trend(_ trend: RollupHistoryReader.Trend, from: CalendarDate, asOf: CalendarDate, commits: [CommitInfo],
                      located: WorkspaceRepository, accounts: Set<String>?, fiscalYearStart: MonthDay,
                      progress: any ServiceProgress, warn: (ServiceWarning) -> Void = { _ in }) throws -> [ScoreReport.TrendPoint]
    {
        let ends = RollupHistory.periodEnds(from: from, to: asOf, quarterly: trend == .quarterly, fiscalYearStart: fiscalYearStart)
        let cache = ParseCache()
        var points: [ScoreReport.TrendPoint] = []
        var loaded: (commit: ObjectID, workspace: Workspace?)?
        /// The commits left out, in the order met, with the period ends each stood for and why.
        var leftOut: [(commit: ObjectID, ends: [CalendarDate], problem: UnreadableFiles.ConfigProblem)] = []
        for (index, end) in ends.enumerated() {
            defer { progress.update(index + 1, of: ends.count) }
            var summary = Rollup.ScoreSummary()
            let commit = commits.first { $0.committerDay <= end }
            if let commit {
                if loaded?.commit != commit.id {
                    cache.nextGeneration()
                    let source = try GitSnapshotSource.tree(commit.tree, commit: commit.id, label: commit.id.short,
                                                            prefix: located.prefix, in: located.repository)
                    let config = try WorkspaceLoader.readConfig(from: source)
                    if let problem = UnreadableFiles.configProblem(config.0, findings: config.1) {
                        // No plan of this commit is read: nothing is parsed with the defaults.
                        loaded = (commit.id, nil)
                        leftOut.append((commit.id, [], problem))
                    } else {
                        loaded = (commit.id, try WorkspaceLoader.load(from: source, cache: cache, config: config))
                    }
                }
                guard let workspace = loaded?.workspace else {
                    leftOut[leftOut.count - 1].ends.append(end)
                    continue
                }
                for score in HealthScore.compute(workspace, asOf: end, accounts: accounts, withEvidence: false) {
                    summary.add(score: score.score, band: score.band)
                }
            }
            points.append(ScoreReport.TrendPoint(date: end, revision: commit?.id.description, summary: summary))
        }
        progress.finish()
        for (commit, ends, problem) in leftOut {
            warn(ServiceWarning("the score trend leaves out \(ValueSyntax.shortList(ends.map(\.description), limit: 5)): "
                                + "it reads commit \(commit.short) there, where \(problem.description), and no score is computed "
                                + "with default settings",
                                hint: "'acctplan lint --rev \(commit.short)' shows where"))
        }
        return points
    }
}
