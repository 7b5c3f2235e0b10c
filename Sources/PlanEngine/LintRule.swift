import PlanModel

/// A lint rule: its description as data, and the check that finds its problems.
/// Rules whose problems are found while a file is parsed (`front-matter`, `invalid-value`, ...)
/// have a description and examples like every other rule, and an empty `check`.
public protocol LintRule: Sendable {
    var description: RuleDescription { get }
    /// Problems in the workspace; severity is decided later by the configuration.
    func check(_ context: LintContext) -> [Finding]
}

extension LintRule {
    public func check(_ context: LintContext) -> [Finding] { [] }
}

/// What a rule is for, as shown by `acctplan rules` and docs/rules.md, with examples that a
/// test runs: valid examples give no diagnostic of this rule; invalid ones give exactly one at
/// every `↓` marker.
public struct RuleDescription: Sendable {
    public var id: RuleID
    public var summary: String
    public var rationale: String
    public var defaultSeverity: Severity
    /// Where the problem is found: `parse` while reading a file, `workspace` by checking plans.
    public var phase: Phase
    /// What else is true of the rule's findings (see ``Trait``).
    public var traits: Set<Trait>
    public var valid: [RuleExample]
    public var invalid: [RuleExample]

    public enum Phase: String, Sendable {
        case parse, workspace
    }

    /// Facts about a rule that other parts of acctplan act on, declared with the rule.
    public enum Trait: Sendable, Hashable {
        /// An acctplan addition to the core rules of the plan format (marked in docs/rules.md).
        case `extension`
        /// Its finding means the file could not be read as a plan at all: `fmt` refuses it.
        case makesPlanUnreadable
        /// Always an error: neither `rules:` nor an `acctplan-disable` comment changes it.
        case alwaysError
        /// Looks at other plans than the one it reports on (an id used twice, a reference to
        /// another plan, an industry's members): an edit of one plan can change its findings
        /// on another. Every other rule judges each plan on its own (with the configuration).
        case crossPlan
    }

    public init(id: RuleID, summary: String, rationale: String, defaultSeverity: Severity, phase: Phase = .workspace,
                traits: Set<Trait> = [], valid: [RuleExample], invalid: [RuleExample]) {
        self.id = id
        self.summary = summary
        self.rationale = rationale
        self.defaultSeverity = defaultSeverity
        self.phase = phase
        self.traits = traits
        self.valid = valid
        self.invalid = invalid
    }
}

/// A small workspace for a rule example: files by path; `↓` marks where a diagnostic is expected.
public struct RuleExample: Sendable {
    public static let marker: Character = "↓"

    public var files: [String: String]
    public var asOf: CalendarDate

    /// One plan at `path`, plus any other files the example needs.
    public init(_ plan: String, path: String = "accounts/acme.md", files: [String: String] = [:],
                asOf: CalendarDate = RuleExample.defaultAsOf) {
        var all = files
        all[path] = plan
        self.files = all
        self.asOf = asOf
    }

    /// Only the given files.
    public init(files: [String: String], asOf: CalendarDate = RuleExample.defaultAsOf) {
        self.files = files
        self.asOf = asOf
    }

    public static let defaultAsOf = CalendarDate(year: 2026, month: 11, day: 29)!
}

extension RuleExample {
    /// The front matter of a minimal valid account plan, `accounts/acme.md`, which most examples
    /// start from.
    public static let acme = "---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\n---\n"
}
