import PlanModel

/// Reported by the parser: a front-matter key that neither the spec nor `fields:` defines, or a
/// table cell beyond its header's columns.
public struct UnknownFieldRule: LintRule {
    public init() {}
    public let description = RuleDescription(
        id: .unknownField,
        summary: "A front-matter key is not defined by the plan format or by `fields:` in acctplan.yml, or a table row has a cell beyond its header's columns",
        rationale: "A misspelt key ('reveiwed') is a value the tool silently ignores; custom keys are welcome once declared. A cell after a row's last column is shown by no renderer (GitHub drops it) and read by no column.",
        defaultSeverity: .warning, phase: .parse,
        valid: [
            RuleExample("---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\nstrategic_tier: 1\n---\n",
                        files: ["acctplan.yml": "fields:\n  strategic_tier: {type: integer}\n"]),
            // An empty cell after the last column (a doubled `|`) holds nothing to lose.
            RuleExample("---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\n---\n\n## Stakeholders\n\n"
                        + "| Name | Title | Role |\n| --- | --- | --- |\n| Zhou Ming | CIO | decision-maker | |\n"),
        ],
        invalid: [
            RuleExample("---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\n↓reveiwed: 2026-11-02\n---\n"),
            RuleExample("---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\n---\n\n## Stakeholders\n\n"
                        + "| Name | Title | Role |\n| --- | --- | --- |\n| Zhou Ming | CIO | decision-maker | ↓ask about the budget |\n"),
        ])
}
