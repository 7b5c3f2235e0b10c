import PlanModel

/// Reported by the parser: a required key, column or section value is absent.
public struct MissingFieldRule: LintRule {
    public init() {}
    public let description = RuleDescription(
        id: .missingField,
        summary: "A required front-matter key, table column or cell, or list value is absent",
        rationale: "Rollups count accounts by stage and industry and sum amounts; a plan without them silently drops out of the numbers management reads.",
        defaultSeverity: .error, phase: .parse,
        valid: [
            RuleExample("---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\n---\n"),
        ],
        invalid: [
            RuleExample("↓---\nname: Acme\nindustry: tobacco\nstage: departmental\nreviewed: 2026-11-01\n---\n"),
            RuleExample("""
                ---
                name: Acme
                industry: tobacco
                stage: departmental
                manager: li-you
                reviewed: 2026-11-01
                ---
                ## Opportunities

                ↓| ID | Name | Stage | Close |
                | --- | --- | --- | --- |
                | opp-a | ERP | qualify | 2027-03-31 |
                """),
            RuleExample("""
                ---
                name: Acme
                industry: tobacco
                stage: departmental
                manager: li-you
                reviewed: 2026-11-01
                ---
                ## Moments of truth

                - ↓Dinner with the CIO, no date given
                """),
        ])
}
