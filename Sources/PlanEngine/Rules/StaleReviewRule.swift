import PlanModel

/// `reviewed` older than `review_interval_days` before the as-of date.
public struct StaleReviewRule: LintRule {
    public init() {}
    public let description = RuleDescription(
        id: .staleReview,
        summary: "The plan's `reviewed` date is more than `review_interval_days` (default 90) before the as-of date",
        rationale: "A plan nobody has reviewed for a quarter no longer describes the account; management reads stale plans as a list of accounts at risk.",
        defaultSeverity: .warning,
        valid: [
            RuleExample("---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-08-31\n---\n"),
        ],
        invalid: [
            RuleExample("---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: ↓2026-08-30\n---\n"),
            RuleExample("---\nname: Tobacco\nowner: li-you\nreviewed: ↓2026-06-01\n---\n", path: "industries/tobacco.md"),
        ])

    public func check(_ context: LintContext) -> [Finding] {
        let interval = context.config.reviewIntervalDays
        var findings: [Finding] = []
        context.forEachPlan(readable: true) { plan in
            guard let reviewed = plan.header.reviewed,
                  Rollup.isStale(reviewed: reviewed.value, asOf: context.asOf, config: context.config) else { return }
            let age = reviewed.value.days(until: context.asOf)
            findings.append(context.finding(.staleReview, plan, at: reviewed.location,
                                            "plan was last reviewed \(age) days ago (\(reviewed.value)); the interval is \(interval) days",
                                            hint: "review the plan with the account team and update `reviewed:`"))
        }
        return findings
    }
}
