import PlanModel

/// An open action due before the as-of date.
public struct OverdueActionRule: LintRule {
    public init() {}
    public let description = RuleDescription(
        id: .overdueAction,
        summary: "An open action's due date is before the as-of date",
        rationale: "Overdue actions are promises to the customer that slipped; they are the first thing an account review asks about.",
        defaultSeverity: .warning,
        valid: [
            RuleExample(RuleExample.acme + "## Actions\n\n- [ ] 2026-11-29 @li-you Due today\n- [x] 2026-10-01 @li-you Done long ago\n"),
        ],
        invalid: [
            RuleExample(RuleExample.acme + "## Actions\n\n- [ ] ↓2026-11-28 @li-you Send the proposal\n"),
        ])

    public func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        context.forEachPlan { plan in
            for action in plan.actions {
                guard Rollup.isOverdue(action, asOf: context.asOf), let due = action.due else { continue }
                let days = due.value.days(until: context.asOf)
                findings.append(context.finding(.overdueAction, plan, at: due.location,
                                                "action '\(action.text)' was due \(due.value), \(days) day\(days == 1 ? "" : "s") ago",
                                                hint: "tick it ('- [x]') if it is done, or agree a new date"))
            }
        }
        return findings
    }
}
