/// The identifier of a lint rule, e.g. `unknown-stage`. Ids never change meaning once released.
public struct RuleID: RawRepresentable, Hashable, Sendable, Codable, Comparable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }
}

extension RuleID {
    // The core rules of PLAN_FORMAT.md §7.
    public static let frontMatter: RuleID = "front-matter"
    public static let missingField: RuleID = "missing-field"
    public static let invalidValue: RuleID = "invalid-value"
    public static let unknownField: RuleID = "unknown-field"
    public static let idMismatch: RuleID = "id-mismatch"
    public static let duplicateID: RuleID = "duplicate-id"
    public static let duplicateKey: RuleID = "duplicate-key"
    public static let duplicateSection: RuleID = "duplicate-section"
    public static let unknownStage: RuleID = "unknown-stage"
    public static let unknownReference: RuleID = "unknown-reference"
    public static let unknownPerson: RuleID = "unknown-person"
    public static let unknownCurrency: RuleID = "unknown-currency"
    public static let staleReview: RuleID = "stale-review"
    public static let overdueAction: RuleID = "overdue-action"
    public static let undatedAction: RuleID = "undated-action"
    public static let pastClose: RuleID = "past-close"
    public static let noSponsor: RuleID = "no-sponsor"
    public static let reportingCycle: RuleID = "reporting-cycle"
    public static let targetGap: RuleID = "target-gap"
    public static let config: RuleID = "config"
    // Extensions (documented in docs/rules.md): problems with the file itself.
    public static let encoding: RuleID = "encoding"
    public static let tooLarge: RuleID = "too-large"
    public static let outsideWorkspace: RuleID = "outside-workspace"
    public static let mergeConflict: RuleID = "merge-conflict"
    // Extensions: the account health score (docs/score.md).
    public static let healthMismatch: RuleID = "health-mismatch"
}

extension RuleID {
    /// In ``Plan/disabledRules``: every rule (an `acctplan-disable` comment that names none).
    public static let all: RuleID = "*"
}
