/// How serious a diagnostic is. `error` fails `acctplan lint`; `warning` fails it only under `--strict`.
public enum Severity: String, Sendable, Codable, Hashable, Comparable {
    case error
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .error && rhs == .warning
    }
}

/// A problem found in a file, before the workspace's configuration has decided how serious it is.
/// Parsers and rules produce findings; the linter turns them into ``Diagnostic``s.
public struct Finding: Hashable, Sendable {
    public var rule: RuleID
    public var path: String
    public var location: SourceLocation
    public var message: String
    /// How to fix it, when there is something more to say than the message.
    public var hint: String?

    public init(_ rule: RuleID, path: String, at location: SourceLocation, _ message: String, hint: String? = nil) {
        self.rule = rule
        self.path = path
        self.location = location
        self.message = message
        self.hint = hint
    }
}

/// One reported problem: where, how serious, which rule, and what to do about it.
/// Sorted by path, line, column, rule (then message, hint, severity) so that every output is deterministic.
public struct Diagnostic: Hashable, Sendable, Comparable {
    public var path: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var rule: RuleID
    public var message: String
    public var hint: String?

    public init(path: String, line: Int, column: Int, severity: Severity, rule: RuleID, message: String,
                hint: String? = nil) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.rule = rule
        self.message = message
        self.hint = hint
    }

    public init(_ finding: Finding, severity: Severity) {
        self.init(path: finding.path, line: finding.location.line, column: finding.location.column,
                  severity: severity, rule: finding.rule, message: finding.message, hint: finding.hint)
    }

    /// A total order: two diagnostics that differ in anything never tie, so a sorted list is
    /// the same whatever order the rules (on several threads) found them in.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        let left = (lhs.path, lhs.line, lhs.column, lhs.rule.rawValue, lhs.message)
        let right = (rhs.path, rhs.line, rhs.column, rhs.rule.rawValue, rhs.message)
        if left != right { return left < right }
        return (lhs.hint == nil ? 0 : 1, lhs.hint ?? "", lhs.severity) < (rhs.hint == nil ? 0 : 1, rhs.hint ?? "", rhs.severity)
    }
}
