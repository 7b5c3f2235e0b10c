import PlanModel

/// Reported by the parser: a required key, column or section value is absent.
public struct MissingFieldRule: LintRule {
    public init() {}
    public let description = RuleDescription(
        id: .missingField,
        summary: "A required front-matter key, table column or cell, or list value is absent (or, for a key, an empty quoted string)",
        rationale: "Rollups count accounts by stage and industry and sum amounts; a plan without them silently drops out of the numbers management reads.",
        defaultSeverity: .error, phase: .parse,
        valid: [
            RuleExample(RuleExample.acme),
        ],
        invalid: [
            RuleExample("↓---\nname: Acme\nindustry: tobacco\nstage: departmental\nreviewed: 2026-11-01\n---\n"),
            RuleExample("---\nname: ↓\"\"\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\n---\n"),
            RuleExample("""
                \(RuleExample.acme)## Opportunities

                ↓| ID | Name | Stage | Close |
                | --- | --- | --- | --- |
                | opp-a | ERP | qualify | 2027-03-31 |
                """),
            RuleExample("""
                \(RuleExample.acme)## Moments of truth

                - ↓Dinner with the CIO, no date given
                """),
        ])
}
