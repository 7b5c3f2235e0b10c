import Foundation
import PlanModel
import PlanSupport

/// An account's score and band without its components: what rollups and lint need of 10,000.
public struct ScoreAndBand: Sendable, Hashable {
    public var score: Int
    public var band: ScoreBand

    public init(score: Int, band: ScoreBand) {
        self.score = score
        self.band = band
    }
}

/// An account's health score (docs/score.md): five components, each a fraction from 0 to 1 of its
/// weight (`health_score:` in acctplan.yml), every point backed by evidence — a line of the plan.
public struct HealthScore: Sendable, Hashable {
    public var accountID: String
    public var path: String
    /// The plan's `name:` (the id when it has none).
    public var name: String
    public var components: [Component]
    /// The sum of the components' points, before rounding.
    public var exactTotal: Decimal
    /// `exactTotal` rounded half up: an integer from 0 to 100.
    public var score: Int
    public var band: ScoreBand

    /// One component's share of the score.
    public struct Component: Sendable, Hashable {
        public var id: HealthScoreProfile.Component
        /// The most points it can give.
        public var weight: Int
        /// From 0 to 1 (`points / weight`; computed when asked: Decimal division is slow).
        public var fraction: Decimal { weight == 0 ? 0 : points / Decimal(weight) }
        /// `weight × fraction`, unrounded.
        public var points: Decimal
        /// How the fraction was reached, in words, e.g. "(1 + 1 + 4/5) / 3".
        public var reckoning: String
        public var evidence: [Evidence]
    }

    /// A line of the plan that a component's points come from (or that shows what is missing).
    public struct Evidence: Sendable, Hashable {
        public var path: String
        public var line: Int
        public var message: String
        /// What that line says which the message names (a stakeholder's name, `reviewed`, an
        /// opportunity id, a due date): the line contains it. Not shown; tests check it.
        public var quoted: String

        public init(path: String, line: Int, message: String, quoted: String) {
            (self.path, self.line, self.message, self.quoted) = (path, line, message, quoted)
        }
    }

    /// The band of a score under `profile`'s thresholds.
    public static func band(of score: Int, _ profile: HealthScoreProfile) -> ScoreBand {
        score >= profile.green ? .green : score >= profile.amber ? .amber : .red
    }

    /// Rounds half up to an integer (scores are never negative).
    public static func roundHalfUp(_ value: Decimal) -> Int {
        var exact = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 0, .plain)
        return NSDecimalNumber(decimal: rounded).intValue
    }

    /// The score of one account plan as of `asOf` under the workspace's `health_score:` profile.
    /// `withEvidence: false` leaves every component's evidence empty (the points are the same).
    public static func compute(_ plan: Plan, config: WorkspaceConfig, asOf: CalendarDate, withEvidence: Bool = true) -> HealthScore {
        let profile = config.healthScore
        let reader = ScoreReader(plan: plan, config: config, asOf: asOf, withEvidence: withEvidence)
        let components = HealthScoreProfile.Component.allCases.map { id -> Component in
            let (numerator, denominator, reckoning, evidence) = reader.measure(id)
            let weight = profile.weight(id)
            let points = Self.points(weight: weight, numerator, denominator)
            return Component(id: id, weight: weight, points: points, reckoning: reckoning,
                             evidence: withEvidence ? evidence : [])
        }
        var sum = DecimalSum() // Foundation's `+=`, the same bytes, mostly without its arithmetic
        for component in components { sum.add(component.points) }
        let exactTotal = sum.value
        let score = min(100, max(0, roundHalfUp(exactTotal)))
        return HealthScore(accountID: plan.id, path: plan.path, name: plan.header.name?.value ?? plan.id, components: components,
                           exactTotal: exactTotal, score: score, band: band(of: score, profile))
    }

    /// The score and band alone, as ``compute(_:config:asOf:withEvidence:)`` gives them (the
    /// rollup needs nothing else of 10,000 scores). The components are added in binary floating
    /// point, whose error (under 10⁻¹²) decides nothing unless the total is within 10⁻⁹ of a half
    /// — there the rounding could go either way, and the exact Decimal computation decides.
    public static func scoreAndBand(_ plan: Plan, config: WorkspaceConfig, asOf: CalendarDate) -> ScoreAndBand {
        let profile = config.healthScore
        guard let estimate = estimatedPoints(plan, config: config, asOf: asOf, including: HealthScoreProfile.Component.allCases) else {
            return compute(plan, config: config, asOf: asOf, withEvidence: false).scoreAndBand
        }
        let score = min(100, max(0, Int((estimate + 0.5).rounded(.down))))
        return ScoreAndBand(score: score, band: band(of: score, profile))
    }

    /// The points of `components` added in floating point; nil when a fraction has no Double
    /// reading, or when the sum is within 10⁻⁹ of a half (its rounding is left to the exact sum).
    static func estimatedPoints(_ plan: Plan, config: WorkspaceConfig, asOf: CalendarDate,
                                including components: [HealthScoreProfile.Component]) -> Double? {
        let profile = config.healthScore
        let reader = ScoreReader(plan: plan, config: config, asOf: asOf, withEvidence: false)
        var estimate = 0.0
        for id in components {
            let (numerator, denominator, _, _) = reader.measure(id)
            let weight = profile.weight(id)
            if numerator == 0 { continue }
            if numerator == denominator { estimate += Double(weight); continue }
            guard let top = numerator.approximateDouble, let bottom = denominator.approximateDouble, bottom != 0 else { return nil }
            estimate += Double(weight) * top / bottom
        }
        return abs(estimate - estimate.rounded(.down) - 0.5) > 1e-9 ? estimate : nil
    }

    public var scoreAndBand: ScoreAndBand { ScoreAndBand(score: score, band: band) }

    /// The score and band of every readable account plan by path (``scoreAndBand(_:config:asOf:)``),
    /// computed on all cores: what a rollup and lint's `health-mismatch` need of each.
    public static func scoresAndBands(_ workspace: Workspace, asOf: CalendarDate) -> [String: ScoreAndBand] {
        let plans = Rollup.countedAccounts(workspace)
        let computed = concurrentMap(plans.count) { scoreAndBand(plans[$0], config: workspace.config, asOf: asOf) }
        return Dictionary(zip(plans.map(\.path), computed), uniquingKeysWith: { first, _ in first })
    }

    /// weight × numerator / denominator: one division, so (1 + 1 + 4/5) / 3 of 30 is exactly 28;
    /// none when the fraction is 0 or 1.
    static func points(weight: Int, _ numerator: Decimal, _ denominator: Decimal) -> Decimal {
        if numerator == 0 { return 0 }
        if numerator == denominator { return Decimal(weight) }
        // Most fractions are of counts (3 of 4 actions open…): when weight × numerator divides
        // evenly, the quotient is that integer, without Decimal's long division.
        if let whole = wholeQuotient(weight: weight, numerator, denominator) { return Decimal(whole) }
        return Decimal(weight) * numerator / denominator
    }

    /// weight × numerator / denominator when both are whole numbers that small and the division
    /// leaves no remainder; nil otherwise.
    static func wholeQuotient(weight: Int, _ numerator: Decimal, _ denominator: Decimal) -> Int? {
        guard let n = smallInteger(numerator), let d = smallInteger(denominator), d != 0 else { return nil }
        let (product, overflow) = n.multipliedReportingOverflow(by: weight)
        guard !overflow, product % d == 0 else { return nil }
        return product / d
    }

    /// A whole Decimal of at most 15 digits as an Int (nil for a fraction or a larger number).
    static func smallInteger(_ value: Decimal) -> Int? {
        guard !value.isNaN, value.exponent >= 0, value.exponent < 16, value.magnitude < 1_000_000_000_000_000 else { return nil }
        let int = NSDecimalNumber(decimal: value).int64Value
        return Decimal(int) == value ? Int(int) : nil
    }

    /// The least and the most the score can be whatever the pipeline component (the costly one:
    /// every opportunity's amount converted and weighted) turns out to be: the other components
    /// summed exactly as ``compute(_:config:asOf:withEvidence:)`` sums them, then 0 or the full
    /// pipeline weight added (the pipeline is summed last, and adding is monotonic).
    /// Added in floating point, as ``scoreAndBand(_:config:asOf:)`` adds: the pipeline's weight is
    /// a whole number, so both ends round the same fraction, and a fraction within 10⁻⁹ of a half
    /// is left to ``exactBounds(_:config:asOf:)``.
    public static func bounds(_ plan: Plan, config: WorkspaceConfig, asOf: CalendarDate) -> ClosedRange<Int> {
        let profile = config.healthScore
        guard let estimate = estimatedPoints(plan, config: config, asOf: asOf, including: componentsButPipeline) else {
            return exactBounds(plan, config: config, asOf: asOf)
        }
        let low = min(100, max(0, Int((estimate + 0.5).rounded(.down))))
        let high = min(100, max(0, Int((estimate + Double(profile.weight(.pipeline)) + 0.5).rounded(.down))))
        return low...max(low, high)
    }

    private static let componentsButPipeline = HealthScoreProfile.Component.allCases.filter { $0 != .pipeline }

    /// ``bounds(_:config:asOf:)`` in Decimal arithmetic, as ``compute(_:config:asOf:withEvidence:)`` sums.
    static func exactBounds(_ plan: Plan, config: WorkspaceConfig, asOf: CalendarDate) -> ClosedRange<Int> {
        let profile = config.healthScore
        let reader = ScoreReader(plan: plan, config: config, asOf: asOf, withEvidence: false)
        var partial = Decimal(0)
        for id in HealthScoreProfile.Component.allCases where id != .pipeline {
            let (numerator, denominator, _, _) = reader.measure(id)
            partial += points(weight: profile.weight(id), numerator, denominator)
        }
        let low = min(100, max(0, roundHalfUp(partial)))
        let high = min(100, max(0, roundHalfUp(partial + Decimal(profile.weight(.pipeline)))))
        return low...max(low, high)
    }

    /// The scores of the workspace's readable account plans (all of them, or those named in
    /// `accounts`), in path order, computed on all cores.
    public static func compute(_ workspace: Workspace, asOf: CalendarDate, accounts: Set<String>? = nil,
                               withEvidence: Bool = true) -> [HealthScore] {
        let plans = Rollup.countedAccounts(workspace).filter { accounts?.contains($0.id) ?? true }.sorted { $0.path < $1.path }
        return concurrentMap(plans.count) { compute(plans[$0], config: workspace.config, asOf: asOf, withEvidence: withEvidence) }
    }
}
