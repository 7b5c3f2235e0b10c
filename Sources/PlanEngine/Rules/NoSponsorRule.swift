import PlanModel

/// An account without a decision-maker or sponsor among its stakeholders.
public struct NoSponsorRule: LintRule {
    public init() {}
    public let description = RuleDescription(
        id: .noSponsor,
        summary: "An account plan names no stakeholder whose role is decision-maker or sponsor",
        rationale: "Key-account selling is won at the top; a plan that knows no decision-maker or sponsor has not found who decides.",
        defaultSeverity: .warning,
        valid: [
            RuleExample("""
                \(RuleExample.acme)## Stakeholders

                | Name | Role |
                | --- | --- |
                | Zhang Wei | sponsor |
                """),
        ],
        invalid: [
            RuleExample("""
                \(RuleExample.acme)↓## Stakeholders

                | Name | Role |
                | --- | --- |
                | Zhang Wei | user |
                """),
        ])

    public func check(_ context: LintContext) -> [Finding] {
        var findings: [Finding] = []
        context.forEachPlan(.account, readable: true) { plan in
            let hasSponsor = plan.stakeholders.contains {
                $0.role?.value == .decisionMaker || $0.role?.value == .sponsor
            }
            guard !hasSponsor else { return }
            let section = plan.sections.first { $0.kind == .stakeholders }
            findings.append(context.finding(.noSponsor, plan, at: section?.location ?? .fileStart,
                                            "no stakeholder is a decision-maker or sponsor",
                                            hint: "find who decides at \(plan.header.name?.value ?? plan.id) and add them to Stakeholders"))
        }
        return findings
    }
}
