import PlanModel

/// Reported by the parser: a front-matter key that neither the spec nor `fields:` defines.
public struct UnknownFieldRule: LintRule {
    public init() {}
    public let description = RuleDescription(
        id: .unknownField,
        summary: "A front-matter key is not defined by the plan format or by `fields:` in acctplan.yml",
        rationale: "A misspelt key ('reveiwed') is a value the tool silently ignores; custom keys are welcome once declared.",
        defaultSeverity: .warning, phase: .parse,
        valid: [
            RuleExample("---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\nstrategic_tier: 1\n---\n",
                        files: ["acctplan.yml": "fields:\n  strategic_tier: {type: integer}\n"]),
        ],
        invalid: [
            RuleExample("---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\n↓reveiwed: 2026-11-02\n---\n"),
        ])
}
