import PlanModel

/// `acctplan lint --format json`: PLAN_FORMAT.md §8, plus each diagnostic's `hint` (docs/format.md §7).
public enum JSONReporter {
    public static func render(_ report: LintReport) -> String {
        let diagnostics: [JSONValue] = report.diagnostics.map { diagnostic in
            .object([
                ("path", .string(diagnostic.path)),
                ("line", .integer(diagnostic.line)),
                ("column", .integer(diagnostic.column)),
                ("severity", .string(diagnostic.severity.rawValue)),
                ("rule", .string(diagnostic.rule.rawValue)),
                ("message", .string(diagnostic.message)),
                // What to do about it, as the text output's `hint:` line; null when there is none
                // (like every absent value in acctplan's JSON).
                ("hint", .optional(diagnostic.hint)),
            ])
        }
        let document = JSONValue.object([
            ("version", .integer(1)),
            ("as_of", .string(report.asOf.description)),
            ("diagnostics", .array(diagnostics)),
            ("summary", .object([
                ("files", .integer(report.files)),
                ("errors", .integer(report.errors)),
                ("warnings", .integer(report.warnings)),
            ])),
        ])
        return document.serialized() + "\n"
    }
}

/// `--format json`.
public struct JSONLintFormat: LintFormat {
    public let name = "json"
    public func render(_ report: LintReport, color: Bool) -> String { JSONReporter.render(report) }
}
