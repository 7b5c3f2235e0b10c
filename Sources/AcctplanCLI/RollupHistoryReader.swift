import ArgumentParser
import Foundation
import PlanEngine
import PlanGit
import PlanModel
import PlanReports
import PlanWorkspace

/// Reads from git history what `--since` and `--trend` add to a rollup (used by `rollup` and
/// `report`): the snapshot at the `--since` commit, the transitions and moves since then, and one
/// stage count per period end.
struct RollupHistoryReader {
    enum Trend: String, ExpressibleByArgument, CaseIterable { case monthly, quarterly }

    let opened: OpenedWorkspace
    let workspace: Workspace
    let workspaceOptions: WorkspaceOptions
    let asOf: CalendarDate

    /// `since` (a revision or a date) adds transitions and moves to `rollup`; `trend` adds one point
    /// per period end from the `--since` date, or, without `since`, from the day of the first commit.
    /// `purpose` finishes the sentence when there is no repository ("--since reads git history").
    func read(since: String?, trend: Trend?, rollup: inout Rollup, purpose: String = "--since reads git history") throws
        -> RollupReporter.History
    {
        let located = try WorkspaceRepository.open(workspaceOptions, purpose: purpose)
        let (repository, prefix) = (located.repository, located.prefix)
        do {
            let progress = Progress(total: 0)
            let commits = try repository.history(from: opened.revision, firstParentOnly: true)
            func onOrBefore(_ date: CalendarDate) -> CommitInfo? {
                commits.first { $0.committerDay <= date }
            }
            let cache = ParseCache()
            func snapshot(_ commit: CommitInfo?) throws -> (Workspace, GitSnapshotSource)? {
                guard let commit else { return nil }
                let source = try GitSnapshotSource.tree(commit.tree, commit: commit.id, label: commit.id.short, prefix: prefix,
                                                        in: repository)
                let loaded = try WorkspaceLoader.load(from: source, depth: .frontMatter, cache: cache)
                ProcessLifetime.keepUntilExit(loaded)
                return (loaded, source)
            }
            var result = RollupReporter.History()
            var thenSnapshot: (Workspace, GitSnapshotSource)?
            var trendStart = commits.last?.committerDay
            if let since {
                let sinceCommit: CommitInfo?
                if let date = CalendarDate(parsing: since) {
                    result.sinceDate = date
                    sinceCommit = onOrBefore(date)
                } else {
                    guard let id = try? repository.resolveCommit(since) else {
                        throw ToolFailure("--since '\(since)' is neither a revision nor a date (YYYY-MM-DD)")
                    }
                    let listed = commits.first { $0.id == id }
                    sinceCommit = try listed ?? repository.history(from: id).first
                    result.sinceDate = sinceCommit.map(\.committerDay)
                }
                result.sinceRevision = sinceCommit?.id.description
                thenSnapshot = try snapshot(sinceCommit)
                let then = thenSnapshot?.0
                result.transitions = RollupHistory.transitions(then: then, now: workspace)
                RollupHistory.applyMoves(to: &rollup, then: then, now: workspace)
                trendStart = result.sinceDate
            }
            if let trend, let from = trendStart {
                let ends = RollupHistory.periodEnds(from: from, to: asOf, quarterly: trend == .quarterly,
                                                    fiscalYearStart: workspace.config.fiscalYearStart)
                progress.total = ends.count
                var points: [(date: CalendarDate, revision: String?, stageCounts: [(stage: String, count: Int)])] = []
                let census = StageCensus(repository: repository, prefix: prefix, config: workspace.config)
                if let (thenWorkspace, source) = thenSnapshot { census.seed(thenWorkspace, source: source) }
                for (index, end) in ends.enumerated() {
                    let commit = onOrBefore(end)
                    points.append((end, commit?.id.description, try census.stageCounts(at: commit)))
                    progress.update(index + 1)
                }
                progress.finish()
                result.trend = points
            }
            return result
        } catch let error as GitError {
            // A shallow clone lacks the older commits (libgit2 cannot walk past its boundary).
            let gitDirectory = URL(fileURLWithPath: repository.gitDirectory)
            if FileManager.default.fileExists(atPath: gitDirectory.appendingPathComponent("shallow").path) {
                throw ToolFailure("cannot read the history of this shallow clone (\(error)); fetch all of it with "
                    + "'git fetch --unshallow' (in GitHub Actions: actions/checkout with fetch-depth: 0)")
            }
            throw ToolFailure("cannot read the history: \(error)")
        }
    }
}
