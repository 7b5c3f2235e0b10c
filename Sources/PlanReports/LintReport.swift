import PlanModel

/// The result of `acctplan lint`, ready for any reporter.
public struct LintReport: Sendable {
    public var asOf: CalendarDate
    public var diagnostics: [Diagnostic]
    /// Plan files in the report's scope.
    public var files: Int

    public init(asOf: CalendarDate, diagnostics: [Diagnostic], files: Int) {
        self.asOf = asOf
        self.diagnostics = diagnostics
        self.files = files
    }

    public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }
}
