import PlanEngine
import PlanModel

/// SARIF 2.1.0 for code-scanning tools: one run, the rule catalogue it is given (the linter's
/// rules, `RuleRegistry.descriptions`), one result per diagnostic. Columns are counted in Unicode code points, as every acctplan diagnostic is.
/// URIs are relative to the repository's top (`%SRCROOT%`, defined in `originalUriBaseIds` when
/// the working tree is known) and percent-encoded as RFC 3986 requires of a URI reference.
public enum SARIFReporter {
    public static func render(_ report: LintReport, rules: [RuleDescription]) -> String {
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
                            ("uri", .string(percentEncoded(report.repositoryPath(diagnostic.path)))),
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
            ] + baseIDs(report) + [
                ("columnKind", .string("unicodeCodePoints")),
                ("results", .array(results)),
            ])])),
        ])
        return document.serialized(pretty: true) + "\n"
    }

    /// `originalUriBaseIds`: where `%SRCROOT%` is, as a `file:` URI ending in `/`.
    static func baseIDs(_ report: LintReport) -> [(String, JSONValue)] {
        guard let root = report.repository?.root else { return [] }
        let uri = "file://" + percentEncoded(root.hasSuffix("/") ? root : root + "/")
        return [("originalUriBaseIds", .object([("%SRCROOT%", .object([("uri", .string(uri))]))]))]
    }

    /// `path` with every byte other than RFC 3986's unreserved characters and `/` written as `%XX`
    /// (UTF-8): spaces, `%`, `#` and Chinese file names included.
    static func percentEncoded(_ path: String) -> String {
        var output = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF")
                output += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            }
        }
        return output
    }
}

/// `--format sarif`, with the catalogue of the rules that linted (the registry's, by default).
public struct SARIFLintFormat: LintFormat {
    public let name = "sarif"
    public let namesFilesFromRepositoryTop = true
    public let rules: [RuleDescription]

    public init(rules: [RuleDescription] = RuleRegistry.descriptions) {
        self.rules = rules
    }

    public func render(_ report: LintReport, color: Bool) -> String { SARIFReporter.render(report, rules: rules) }
}
