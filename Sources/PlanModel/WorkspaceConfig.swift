import Foundation

/// `acctplan.yml` (PLAN_FORMAT.md §6). Every key is optional; the defaults are the spec's.
public struct WorkspaceConfig: Sendable, Hashable {
    public var version = 1
    public var currency = "CNY"
    /// Units of workspace currency per unit of another currency.
    public var fx: [String: Decimal] = [:]
    public var fiscalYearStart = MonthDay(month: 1, day: 1)
    public var reviewIntervalDays = 90
    public var lifecycle: [LifecycleStage] = LifecycleStage.defaults
    public var opportunityStages: [OpportunityStage] = OpportunityStage.defaults
    /// Person id → display name; empty means person ids are not checked.
    public var people: [String: String] = [:]
    public var fields: [String: CustomFieldType] = [:]
    public var ruleSeverities: [RuleID: RuleSetting] = [:]
    /// `health_score:`: the weights and bands of `acctplan score`.
    public var healthScore = HealthScoreProfile()
    /// Where each `rules:` entry is written, so an unknown rule id can be reported there.
    public var ruleLocations: [RuleID: SourceLocation] = [:]
    /// True when acctplan.yml has unresolved merge conflicts (in its text or in the git index):
    /// it was not read, and these are the defaults, which no number should be computed with.
    public var hasMergeConflicts = false
    /// True when acctplan.yml could not be read at all (not YAML, not UTF-8 text, over the size
    /// limit): these are the defaults, which no plan should be judged by and no number computed
    /// with, as with merge conflicts.
    public var isUnreadable = false
    /// Whether these are settings read from acctplan.yml (or the defaults of a workspace without
    /// one): false when it has merge conflicts or cannot be read, and nothing may be computed
    /// with them.
    public var isReadable: Bool { !isUnreadable && !hasMergeConflicts }
    /// What a plan may contain: its front-matter keys and recognized sections. Everything that
    /// reads a plan with this configuration reads it with this schema.
    public var schema = PlanSchema.standard
    /// Saved queries (`views:`), in file order: `acctplan query @name` runs one.
    public var views: [SavedView] = []
    /// `offerings:`: the catalogue of what the vendor sells, in file order; the `Offering`
    /// column of Installed base and Opportunities names one. Empty: offerings are not checked.
    public var offerings: [Offering] = []
    /// `language:`: the language of the team's messages, reports and help (`--lang` overrides
    /// it; nil when unset, and the locale decides).
    public var language: UILanguage?

    public init() {}

    public func offering(_ id: String) -> Offering? { offerings.first { $0.id == id } }

    public func lifecycleStage(_ id: String) -> LifecycleStage? { lifecycle.first { $0.id == id } }
    public func lifecycleIndex(_ id: String) -> Int? { lifecycle.firstIndex { $0.id == id } }
    public func opportunityStage(_ id: String) -> OpportunityStage? { opportunityStages.first { $0.id == id } }

    /// Converts money into the workspace currency; nil when its currency has no `fx:` rate.
    public func convert(_ money: Money) -> Decimal? {
        guard let code = money.currency, code != currency else { return money.amount }
        guard let rate = fx[code] else { return nil }
        return money.amount * rate
    }
}

/// A saved query of `views:` in `acctplan.yml`: a name and a query line
/// (`opportunities open:yes close:thisquarter --sum weighted`).
public struct SavedView: Sendable, Hashable {
    public var name: String
    public var query: String
    public var location: SourceLocation

    public init(name: String, query: String, location: SourceLocation) {
        self.name = name
        self.query = query
        self.location = location
    }
}

/// An offering of `offerings:` in `acctplan.yml`: a product line of the vendor's, the columns of
/// the whitespace map.
public struct Offering: Sendable, Hashable {
    public var id: String
    public var name: String
    public var location: SourceLocation

    public init(id: String, name: String, location: SourceLocation = SourceLocation(line: 1, column: 1)) {
        self.id = id
        self.name = name
        self.location = location
    }
}

/// A month and day, for `fiscal_year_start`.
public struct MonthDay: Sendable, Hashable, CustomStringConvertible {
    public var month: Int
    public var day: Int
    public init(month: Int, day: Int) {
        self.month = month
        self.day = day
    }
    public var description: String {
        (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
    }
}

/// A step of the customer lifecycle S-curve.
public struct LifecycleStage: Sendable, Hashable {
    public var id: String
    public var label: String

    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }

    public static let defaults = [
        LifecycleStage(id: "departmental", label: "Departmental applications"),
        LifecycleStage(id: "industry-solution", label: "Industry-solution deepening"),
        LifecycleStage(id: "integration", label: "Application integration"),
    ]
}

/// A stage of an opportunity, with its default probability.
public struct OpportunityStage: Sendable, Hashable {
    public var id: String
    public var probability: Decimal
    public var closed: Bool

    public init(id: String, probability: Decimal, closed: Bool = false) {
        self.id = id
        self.probability = probability
        self.closed = closed
    }

    /// A won stage: closed with probability 100 (`won` by default), read from `acctplan.yml`
    /// rather than from the stage's name.
    public var isWon: Bool { closed && probability == 100 }

    public static let defaults = [
        OpportunityStage(id: "qualify", probability: 10),
        OpportunityStage(id: "develop", probability: 30),
        OpportunityStage(id: "propose", probability: 50),
        OpportunityStage(id: "negotiate", probability: 75),
        OpportunityStage(id: "won", probability: 100, closed: true),
        OpportunityStage(id: "lost", probability: 0, closed: true),
    ]
}

/// The type of a custom front-matter key declared under `fields:`.
public enum CustomFieldType: String, Sendable, Hashable, CaseIterable {
    case string, integer, number, boolean, date, money, list
}

/// A `rules:` override.
public enum RuleSetting: String, Sendable, Hashable, CaseIterable {
    case error, warning, off

    public var severity: Severity? {
        switch self {
        case .error: return .error
        case .warning: return .warning
        case .off: return nil
        }
    }
}
