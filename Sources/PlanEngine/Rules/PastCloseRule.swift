import PlanModel

/// An open opportunity whose close date has passed.
public struct PastCloseRule: LintRule {
    public init() {}
    public let description = RuleDescription(
        id: .pastClose,
        summary: "An opportunity in an open (not closed) stage has a close date before the as-of date",
        rationale: "A deal past its close date is either won, lost or slipped; left as it is, it inflates the pipeline.",
        defaultSeverity: .warning,
        valid: [
            RuleExample("""
                \(RuleExample.acme)## Opportunities

                | ID | Name | Stage | Amount | Close |
                | --- | --- | --- | --- | --- |
                | opp-a | ERP | won | 1M | 2026-03-31 |
                | opp-b | HR | propose | 1M | 2026-11-29 |
                """),
        ],
        invalid: [
            RuleExample("""
                \(RuleExample.acme)## Opportunities

                | ID | Name | Stage | Amount | Close |
                | --- | --- | --- | --- | --- |
                | opp-a | ERP | negotiate | 1M | ↓2026-10-31 |
                """),
        ])

    public func check(_ context: LintContext) -> [Finding] {
        let config = context.config
        var findings: [Finding] = []
        context.forEachPlan { plan in
            for opportunity in plan.opportunities {
                guard let close = opportunity.close, close.value < context.asOf,
                      let stage = opportunity.stage.flatMap({ config.opportunityStage($0.value) }), !stage.closed
                else { continue }
                let name = opportunity.id?.value ?? opportunity.name?.value ?? "opportunity"
                findings.append(context.finding(.pastClose, plan, at: close.location,
                                                "open opportunity '\(name)' was to close \(close.value)",
                                                hint: "move it to won or lost, or set a new close date"))
            }
        }
        return findings
    }
}
