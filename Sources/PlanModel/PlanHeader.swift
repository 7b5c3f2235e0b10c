import Foundation

/// The interpreted front matter of a plan (PLAN_FORMAT.md §4). Every value keeps its location;
/// a value that was absent or invalid is nil (and the parser reported why).
public struct PlanHeader: Sendable, Hashable {
    // Every kind.
    public var name: Located<String>?
    public var reviewed: Located<CalendarDate>?
    // Accounts.
    public var industry: Located<String>?
    public var segments: [Located<String>] = []
    public var stage: Located<String>?
    public var manager: Located<String>?
    public var team: [Located<String>] = []
    public var abu: Located<String>?
    public var region: Located<String>?
    public var health: Located<Health>?
    public var since: Located<CalendarDate>?
    public var revenueTarget: Located<Money>?
    // Industries and segments.
    public var owner: Located<String>?
    public var fiscalYear: Located<Int>?
    public var targets: Targets?

    public init() {}
}

/// An account's health flag.
public enum Health: String, Sendable, Hashable, CaseIterable, Codable {
    case green, yellow, red
}

/// The targets of an industry or segment plan.
public struct Targets: Sendable, Hashable {
    public var location: SourceLocation
    public var revenue: Located<Money>?
    public var accounts: Located<Int>?
    /// Stage id → target number of member accounts at or beyond that stage, in file order.
    public var stages: [StageTarget] = []

    public init(location: SourceLocation) { self.location = location }
}

/// `targets.stages.<stage>: count`.
public struct StageTarget: Sendable, Hashable {
    public var stage: Located<String>
    public var count: Int

    public init(stage: Located<String>, count: Int) {
        self.stage = stage
        self.count = count
    }
}
