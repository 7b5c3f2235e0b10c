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
        let sinceDate = since.flatMap(CalendarDate.init(parsing:))
        if let sinceDate, sinceDate > asOf {
            throw ToolFailure("--since \(sinceDate) is after the as-of date \(asOf) (today unless --as-of says otherwise): "
                + "nothing can have moved since a day that has not come; check the year")
        }
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
                if let date = sinceDate {
                    result.sinceDate = date
                    sinceCommit = onOrBefore(date)
                    if let warning = Self.outsideHistory(date, commits: commits, chosen: sinceCommit) {
                        Terminal.standardError("acctplan: warning: \(warning.message)\n  hint: \(warning.hint)\n")
                    }
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
                var points: [RollupReporter.TrendPoint] = []
                let census = StageCensus(repository: repository, prefix: prefix, config: workspace.config)
                if let (thenWorkspace, source) = thenSnapshot { census.seed(thenWorkspace, source: source) }
                for (index, end) in ends.enumerated() {
                    let commit = onOrBefore(end)
                    points.append(.init(date: end, revision: commit?.id.description, stageCounts: try census.stageCounts(at: commit)))
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
            throw ToolFailure("cannot read the history: \(error); check the repository with 'git fsck'")
        }
    }

    /// Why a `--since DATE` gives a comparison the numbers alone do not explain: the date is
    /// before the first commit (every account is new) or after the last one (the comparison is
    /// with that commit). `commits` is the first-parent history, newest first; `chosen` the
    /// commit the date picked. nil when the date falls within the history.
    static func outsideHistory(_ date: CalendarDate, commits: [CommitInfo], chosen: CommitInfo?)
        -> (message: String, hint: String)?
    {
        guard let last = commits.first else {
            return ("--since \(date): the repository has no commits yet: every account is counted as new",
                    "commit the workspace, then compare with its history")
        }
        guard chosen != nil else {
            // Back-dated commits may be older than the root: the history starts at its earliest day.
            let start = commits.map(\.committerDay).min() ?? last.committerDay
            return ("--since \(date) is before the history starts on \(start): every account is counted as new",
                    "give a date from \(start) on, or a revision")
        }
        guard date > last.committerDay else { return nil }
        return ("--since \(date) is after the last commit (\(last.id.short), \(last.committerDay)): the moves are those since "
                + "that commit", "give a date on or before \(last.committerDay) to compare with an earlier commit")
    }
}
