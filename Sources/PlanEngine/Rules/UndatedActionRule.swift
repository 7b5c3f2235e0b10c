import PlanModel

/// An open action without a due date.
public struct UndatedActionRule: LintRule {
    public init() {}
    public let description = RuleDescription(
        id: .undatedAction,
        summary: "An open action has no due date",
        rationale: "An action without a date is never overdue and so never followed up.",
        defaultSeverity: .warning,
        valid: [
            RuleExample("---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\n---\n## Actions\n\n- [ ] 2027-01-10 @li-you Plan the workshop\n- [x] @li-you Health check\n"),
        ],
        invalid: [
            RuleExample("---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\n---\n## Actions\n\n↓- [ ] @li-you Plan the workshop\n"),
        ])

    public func check(_ context: LintContext) -> [Finding] {
        context.workspace.plans.flatMap { plan in
            plan.actions.compactMap { action in
                guard !action.done, action.due == nil, !action.dueMalformed else { return nil }
                return context.finding(.undatedAction, plan, at: action.location,
                                       "open action '\(action.text)' has no due date",
                                       hint: "write the date after the box: '- [ ] 2027-01-15 @owner ...'")
            }
        }
    }
}
