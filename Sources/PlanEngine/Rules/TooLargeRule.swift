import PlanModel

/// Reported by the parser (an acctplan extension): a documented limit is exceeded. The invalid
/// case needs megabytes of input and is tested in PlanParserTests rather than as an example.
public struct TooLargeRule: LintRule {
    public init() {}
    public let description = RuleDescription(
        id: .tooLarge,
        summary: "A plan exceeds a limit: 4 MiB per file, 10,000 rows per table, 256 columns per table row, or 1,000,000 table cells; or a plan folder is nested more than 64 folders deep",
        rationale: "A plan is a document a team reviews; limits keep one runaway file from slowing every lint, diff and rollup.",
        defaultSeverity: .error, phase: .parse, traits: [.extension, .makesPlanUnreadable],
        valid: [
            RuleExample(RuleExample.acme),
        ],
        invalid: [])
}
