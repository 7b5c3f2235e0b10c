import PlanModel

/// Reported by the parser: two rows or items of one section share their key.
public struct DuplicateKeyRule: LintRule {
    public init() {}
    public let description = RuleDescription(
        id: .duplicateKey,
        summary: "Two rows or items of one section share a key (stakeholder Name, Product, opportunity ID, action text, moment date and text)",
        rationale: "Keys are how changes are told apart in reviews and history; two rows with one key make every diff of them ambiguous.",
        defaultSeverity: .error, phase: .parse,
        valid: [
            RuleExample("""
                \(RuleExample.acme)## Opportunities

                | ID | Name | Stage | Amount | Close |
                | --- | --- | --- | --- | --- |
                | opp-a | ERP | qualify | 1M | 2027-03-31 |
                | opp-b | HR | qualify | 1M | 2027-03-31 |
                """),
        ],
        invalid: [
            RuleExample("""
                \(RuleExample.acme)## Opportunities

                | ID | Name | Stage | Amount | Close |
                | --- | --- | --- | --- | --- |
                | opp-a | ERP | qualify | 1M | 2027-03-31 |
                | ↓opp-a | HR | qualify | 1M | 2027-03-31 |
                """),
            RuleExample("""
                \(RuleExample.acme)## Actions

                - [ ] 2027-01-10 @li-you Send the proposal
                ↓- [x] @li-you Send the proposal
                """),
        ])
}
