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
            RuleExample(RuleExample.acme + "## Actions\n\n- [ ] 2027-01-10 @li-you Plan the workshop\n- [x] @li-you Health check\n"),
        ],
        invalid: [
            RuleExample(RuleExample.acme + "## Actions\n\n↓- [ ] @li-you Plan the workshop\n"),
        ])

    public func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        context.forEachPlan { plan in
            for action in plan.actions where !action.done && action.due == nil && !action.dueMalformed {
                findings.append(context.finding(.undatedAction, plan, at: action.location,
                                                "open action '\(action.text)' has no due date",
                                                hint: "write the date after the box: '- [ ] 2027-01-15 @owner ...'"))
            }
        }
        return findings
    }
}
