import PlanEngine
import PlanModel

/// SARIF 2.1.0 for code-scanning tools: one run, the rule catalogue from the registry, one result
/// per diagnostic. Columns are counted in Unicode code points, as every acctplan diagnostic is.
public enum SARIFReporter {
    public static func render(_ report: LintReport) -> String {
        let rules = RuleRegistry.all.map(\.description)
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let ruleObjects: [JSONValue] = rules.map { rule in
            .object([
                ("id", .string(rule.id.rawValue)),
                ("shortDescription", .object([("text", .string(rule.summary))])),
                ("fullDescription", .object([("text", .string(rule.rationale))])),
                ("defaultConfiguration", .object([("level", .string(rule.defaultSeverity.rawValue))])),
            ])
        }
        let results: [JSONValue] = report.diagnostics.map { diagnostic in
            var message = diagnostic.message
            if let hint = diagnostic.hint { message += " (hint: \(hint))" }
            var members: [(String, JSONValue)] = [("ruleId", .string(diagnostic.rule.rawValue))]
            if let index = ruleIndex[diagnostic.rule] { members.append(("ruleIndex", .integer(index))) }
            members += [
                ("level", .string(diagnostic.severity.rawValue)),
                ("message", .object([("text", .string(message))])),
                ("locations", .array([.object([
                    ("physicalLocation", .object([
                        ("artifactLocation", .object([
                            ("uri", .string(diagnostic.path)),
                            ("uriBaseId", .string("%SRCROOT%")),
                        ])),
                        ("region", .object([
                            ("startLine", .integer(diagnostic.line)),
                            ("startColumn", .integer(diagnostic.column)),
                        ])),
                    ])),
                ])])),
            ]
            return .object(members)
        }
        let document = JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string(ToolInfo.name)),
                    ("version", .string(ToolInfo.version)),
                    ("informationUri", .string(ToolInfo.informationURI)),
                    ("rules", .array(ruleObjects)),
                ]))])),
                ("columnKind", .string("unicodeCodePoints")),
                ("results", .array(results)),
            ])])),
        ])
        return document.serialized(pretty: true) + "\n"
    }
}
