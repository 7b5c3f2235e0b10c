import Foundation
import PlanEngine
import PlanModel

/// What `acctplan score` prints: the health scores as of a day and, with `--since`, each
/// account's score then.
public struct ScoreReport: Sendable {
    public var asOf: CalendarDate
    public var scores: [HealthScore]
    /// Account id → its score at the `--since` commit (as of that day); an account missing here
    /// had no readable plan then. nil without `--since`.
    public var then: [String: HealthScore]?
    /// The `--since` commit (nil when the date is before the history) and its day.
    public var sinceRevision: String?
    public var sinceDate: CalendarDate?
    /// The band thresholds the scores were banded with.
    public var profile: HealthScoreProfile
    /// With `--trend`: the mean score and bands at each period end (nil without).
    public var trend: [TrendPoint]?

    /// The scores at the end of one period, as of that day, from the commit read then (nil when
    /// the period ends before the history starts: no account).
    public struct TrendPoint: Sendable, Equatable {
        public var date: CalendarDate
        public var revision: String?
        public var summary: Rollup.ScoreSummary

        public init(date: CalendarDate, revision: String?, summary: Rollup.ScoreSummary) {
            (self.date, self.revision, self.summary) = (date, revision, summary)
        }
    }

    public init(asOf: CalendarDate, scores: [HealthScore], profile: HealthScoreProfile, then: [String: HealthScore]? = nil,
                sinceRevision: String? = nil, sinceDate: CalendarDate? = nil) {
        (self.asOf, self.scores, self.profile, self.then) = (asOf, scores, profile, then)
        (self.sinceRevision, self.sinceDate) = (sinceRevision, sinceDate)
    }

    /// The change since then, e.g. "+3", "-12", "0"; "new" when the account had no plan then.
    public func change(_ score: HealthScore) -> String? {
        guard let then else { return nil }
        guard let before = then[score.accountID] else { return "new" }
        let delta = score.score - before.score
        return delta > 0 ? "+\(delta)" : "\(delta)"
    }
}

/// The score's renderers, one file per format (`ScoreReporter+Text`, `+JSON`, `+CSV`, `+Markdown`).
public enum ScoreReporter {
    /// Points for people: rounded half up to one decimal ("7.4", "30").
    static func points(_ value: Decimal) -> String {
        var exact = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 1, .plain)
        return rounded.plainString
    }

    /// "green ≥ 70, amber ≥ 40, red below".
    static func bands(_ profile: HealthScoreProfile) -> String {
        "green ≥ \(profile.green), amber ≥ \(profile.amber), red below"
    }

    /// "6 accounts: 5 green, 1 amber, 0 red; mean score 78.3".
    static func summary(_ scores: [HealthScore]) -> String {
        let count: (ScoreBand) -> Int = { band in scores.filter { $0.band == band }.count }
        let total = scores.reduce(0) { $0 + $1.score }
        let mean = scores.isEmpty ? "–" : points(Decimal(total) / Decimal(scores.count))
        return "\(scores.count) account\(scores.count == 1 ? "" : "s"): \(count(.green)) green, \(count(.amber)) amber, "
            + "\(count(.red)) red; mean score \(mean)"
    }
}
