import PlanModel

/// `acctplan lint --format json`, exactly PLAN_FORMAT.md §8.
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
