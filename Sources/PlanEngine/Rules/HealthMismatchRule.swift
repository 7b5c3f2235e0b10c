import PlanModel

/// A manual `health:` two bands away from the computed health score's band (green vs red).
public struct HealthMismatchRule: LintRule {
    public init() {}
    public let description = RuleDescription(
        id: .healthMismatch,
        summary: "An account's manual `health:` is green while its computed health score is red, or red while the score is green (docs/score.md)",
        rationale: "Management reads the health flag; when the plan's own lines say the opposite, either the flag is out of date or the plan leaves out what the manager knows. One band apart (yellow) is a judgement call and not reported.",
        defaultSeverity: .warning,
        valid: [
            RuleExample("---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nhealth: red\nreviewed: 2026-11-01\n---\n"),
            RuleExample("---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nhealth: yellow\nreviewed: 2026-11-01\n---\n"),
        ],
        invalid: [
            RuleExample("---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nhealth: ↓green\nreviewed: 2026-11-01\n---\n"),
        ])

    public func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        context.forEachPlan(.account, readable: true) { plan in
            guard context.judges(plan.path), let health = plan.header.health else { return }
            let manual = ScoreBand(health.value)
            // Amber is one band from either end: it can never be two bands away, so no score is needed.
            guard manual != .amber else { return }
            // Two bands away means the other end: decided without the pipeline when its least or
            // most cannot get there (most plans), computed in full otherwise.
            let profile = context.config.healthScore
            if context.scores[plan.path] == nil {
                let bounds = HealthScore.bounds(plan, config: context.config, asOf: context.asOf)
                let reachable = manual == .green ? bounds.lowerBound < profile.amber : bounds.upperBound >= profile.green
                guard reachable else { return }
            }
            let score = context.score(plan)
            guard abs(manual.rank - score.band.rank) == 2 else { return }
            findings.append(context.finding(.healthMismatch, plan, at: health.location,
                                            "health is \(health.value.rawValue) but the computed health score is \(score.score) (\(score.band.rawValue))",
                                            hint: "'acctplan score \(plan.id) --explain' shows where each point comes from; "
                                                + "update `health:` or add what the plan leaves out"))
        }
        return findings
    }
}
