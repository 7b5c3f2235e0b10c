import PlanModel

/// Reported by the parser: a value of the wrong type or syntax.
public struct InvalidValueRule: LintRule {
    public init() {}
    public let description = RuleDescription(
        id: .invalidValue,
        summary: "A value has the wrong type or syntax (date, money, percent, enumeration, id)",
        rationale: "Dates, amounts and enumerations are what the tool computes with; a value it cannot read is a value every rollup gets wrong.",
        defaultSeverity: .error, phase: .parse,
        valid: [
            RuleExample("---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\nrevenue_target: CNY 2.4M\nhealth: green\n---\n"),
        ],
        invalid: [
            RuleExample("---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: ↓01.11.2026\n---\n"),
            RuleExample("---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\nrevenue_target: ↓2.4 million\n---\n"),
            RuleExample("---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\nhealth: ↓amber\n---\n"),
            RuleExample("""
                \(RuleExample.acme)## Opportunities

                | ID | Name | Stage | Amount | Probability | Close |
                | --- | --- | --- | --- | --- | --- |
                | opp-a | ERP | qualify | 240,000 | ↓120% | 2027-03-31 |
                """),
        ])
}
