import Foundation
import PlanEngine
import PlanGit
import PlanModel
import PlanReports
import PlanSupport
import PlanWorkspace

/// `score`: each account's health score with its evidence (docs/score.md), and with `since` the
/// score then, read from git history, and the change.
public enum ScoreService {
    public struct Result: Sendable {
        public var report: ScoreReport
        /// The commit read, for `--rev`.
        public var revision: ObjectID?
        /// The workspace's `language:` (nil when unset), for the front end's choice of language.
        public var language: UILanguage?
    }

    /// The scores of the account plans named in `accounts` (ids; all of them when empty) in the
    /// workspace as `choice` holds it, as of `asOf`. An id with no account plan is an error (exit
    /// 2) that suggests the closest one; unreadable plans are said through `warn`.
    /// `withEvidence: false` leaves the evidence and reckonings out (an output that does not show
    /// them). `trend` adds the mean score and bands at each period end from `since` (or from the first
    /// commit).
    public static func score(workspace: String?, at choice: PlanSourceChoice, accounts: [String], since: String?,
                             trend: RollupHistoryReader.Trend? = nil, asOf: CalendarDate, withEvidence: Bool = true,
                             progress: any ServiceProgress = NoProgress(), warn: (ServiceWarning) -> Void = { _ in }) throws -> Result
    {
        let opened = try OpenedWorkspace.open(workspace: workspace, at: choice)
        let loaded = try UnreadableFiles.loadForCounting(opened, warn: warn)
        if let problem = loaded.findings.first(where: { $0.rule == .config && $0.message.contains("health_score") }) {
            warn(ServiceWarning("acctplan.yml:\(problem.location): \(problem.message); the scores use the default profile",
                                hint: problem.hint))
        }
        let selection = try AccountSelection.check(accounts, in: loaded)
        var report = ScoreReport(asOf: asOf, scores: HealthScore.compute(loaded, asOf: asOf, accounts: selection, withEvidence: withEvidence),
                                 profile: loaded.config.healthScore)
        guard since != nil || trend != nil else { return Result(report: report, revision: opened.revision, language: loaded.config.language) }
        if let since, let date = CalendarDate(parsing: since), date > asOf {
            throw ToolFailure("--since \(date) is after the as-of date \(asOf) (today unless --as-of says otherwise); check the year")
        }
        let located = try WorkspaceRepository.open(workspace: workspace, purpose: "--since and --trend read git history")
        let commits = try HistoryFailure.reading(located.repository) {
            try located.repository.history(from: opened.revision, firstParentOnly: true)
        }
        var trendStart = commits.last?.committerDay
        if let since {
            let (commit, date) = try RollupHistoryReader.sinceCommit(since, commits: commits, in: located.repository, warn: warn)
            report.sinceRevision = commit?.id.description
            report.sinceDate = date
            trendStart = date
            var then: [String: HealthScore] = [:]
            if let commit {
                let source = try GitSnapshotSource.tree(commit.tree, commit: commit.id, label: commit.id.short, prefix: located.prefix,
                                                        in: located.repository)
                // The scores then would be computed with default settings (other bands, weights,
                // exchange rates): refused, as `score --rev` of that commit refuses.
                let config = try WorkspaceLoader.readConfig(from: source)
                if let problem = UnreadableFiles.configProblem(config.0, findings: config.1) {
                    throw ToolFailure("--since \(since) reads commit \(commit.id.short), where \(problem.description): "
                        + "the scores then are not computed with default settings",
                                      hint: "give a date or revision where acctplan.yml can be read; "
                                          + "'acctplan lint --rev \(commit.id.short)' shows where")
                }
                let thenWorkspace = try WorkspaceLoader.load(from: source, config: config)
                ProcessLifetime.keepUntilExit(thenWorkspace)
                // The score then is judged as of then (a plan fresh on that day was fresh); only
                // its number and band are shown, so no evidence is built.
                for score in HealthScore.compute(thenWorkspace, asOf: min(date ?? asOf, asOf), accounts: selection, withEvidence: false) {
                    then[score.accountID] = score
                }
            }
            report.then = then
        }
        if let trend, let trendStart {
            report.trend = try Self.trend(trend, from: trendStart, asOf: asOf, commits: commits, located: located, accounts: selection,
                                          fiscalYearStart: loaded.config.fiscalYearStart, progress: progress, warn: warn)
        }
        return Result(report: report, revision: opened.revision, language: loaded.config.language)
    }
}
