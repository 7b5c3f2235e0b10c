import PlanModel

/// Reported by the parser: the plan's id or kind disagrees with its file name or folder.
public struct IDMismatchRule: LintRule {
    public init() {}
    public let description = RuleDescription(
        id: .idMismatch,
        summary: "`id` differs from the file name, `kind` differs from the folder, or the file name is not a valid id",
        rationale: "A plan is known by its file name everywhere (references, diffs, history); a second name in the front matter can only disagree.",
        defaultSeverity: .error, phase: .parse,
        valid: [
            RuleExample("---\nid: acme\nkind: account\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\n---\n"),
        ],
        invalid: [
            RuleExample("---\nid: ↓acme-group\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\n---\n"),
            RuleExample("---\nkind: ↓industry\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\n---\n"),
            RuleExample("↓---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\n---\n",
                        path: "accounts/Acme Group.md"),
        ])
}
