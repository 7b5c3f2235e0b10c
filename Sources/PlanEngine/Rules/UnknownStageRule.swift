import PlanModel

/// A lifecycle or opportunity stage that the configuration does not define.
public struct UnknownStageRule: LintRule {
    public init() {}
    public let description = RuleDescription(
        id: .unknownStage,
        summary: "A lifecycle stage (account `stage`, `targets.stages`) or opportunity stage is not in the configuration",
        rationale: "Stages are what the S-curve rollup counts; a misspelt stage is an account or deal missing from every count.",
        defaultSeverity: .error,
        valid: [
            RuleExample("---\nname: Acme\nindustry: tobacco\nstage: industry-solution\nmanager: li-you\nreviewed: 2026-11-01\n---\n"),
        ],
        invalid: [
            RuleExample("---\nname: Acme\nindustry: tobacco\nstage: ↓industy-solution\nmanager: li-you\nreviewed: 2026-11-01\n---\n"),
            RuleExample("""
                \(RuleExample.acme)## Opportunities

                | ID | Name | Stage | Amount | Close |
                | --- | --- | --- | --- | --- |
                | opp-a | ERP | ↓negotiation | 1M | 2027-03-31 |
                """),
            RuleExample("---\nname: Tobacco\nowner: li-you\ntargets:\n  stages: {↓integrated: 2}\n---\n", path: "industries/tobacco.md"),
        ])

    public func check(_ context: LintContext) -> [Finding] {
        let lifecycle = context.config.lifecycle.map(\.id)
        let opportunityStages = context.config.opportunityStages.map(\.id)
        var findings: [Finding] = []
        func check(_ plan: Plan, _ stage: Located<String>, _ known: [String], _ what: String) {
            guard !known.contains(stage.value) else { return }
            let suggestion = ValueSyntax.closest(to: stage.value, in: known)
            findings.append(context.finding(
                .unknownStage, plan, at: stage.location,
                "unknown \(what) '\(stage.value)'" + ValueSyntax.didYouMean(suggestion),
                hint: "stages are: \(known.joined(separator: ", ")) (set in acctplan.yml)"))
        }
        context.forEachPlan(readable: true) { plan in
            if let stage = plan.header.stage { check(plan, stage, lifecycle, "lifecycle stage") }
            for target in plan.header.targets?.stages ?? [] { check(plan, target.stage, lifecycle, "lifecycle stage") }
            for opportunity in plan.opportunities {
                if let stage = opportunity.stage { check(plan, stage, opportunityStages, "opportunity stage") }
            }
        }
        return findings
    }
}
