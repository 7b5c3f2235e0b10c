/// `health_score:` in acctplan.yml (docs/score.md): the weight of each component of the account
/// health score and the band thresholds. The defaults are issue 15's profile.
public struct HealthScoreProfile: Sendable, Hashable {
    /// The components, in the order they are listed and scored.
    public enum Component: String, Sendable, Hashable, CaseIterable {
        case coverage, relationship, freshness, actions, pipeline
    }

    /// Points each component can give at most; they add up to 100 (acctplan.yml is checked).
    public var weights: [Component: Int] = [.coverage: 30, .relationship: 15, .freshness: 20, .actions: 15, .pipeline: 20]
    /// A score at or above this is green.
    public var green = 70
    /// A score at or above this (and below `green`) is amber; below it, red.
    public var amber = 40

    public init() {}

    public func weight(_ component: Component) -> Int { weights[component] ?? 0 }
}

/// The band an account's health score falls in. `amber` is the plan format's `health: yellow`.
public enum ScoreBand: String, Sendable, Hashable, CaseIterable {
    case green, amber, red

    /// Bands are ordered red < amber < green; the distance between two is 0, 1 or 2.
    public var rank: Int {
        switch self {
        case .red: return 0
        case .amber: return 1
        case .green: return 2
        }
    }

    /// The band of a manual `health:` flag.
    public init(_ health: Health) {
        switch health {
        case .green: self = .green
        case .yellow: self = .amber
        case .red: self = .red
        }
    }
}
