import PlanModel

/// Stakeholders whose Reports to column goes round in a circle.
public struct ReportingCycleRule: LintRule {
    public init() {}
    public let description = RuleDescription(
        id: .reportingCycle,
        summary: "The Reports to column of the Stakeholders table goes round in a circle",
        rationale: "An organisation chart has a top; a circle (A reports to B, B to A) is a slip in the table, and the chart cannot be drawn.",
        defaultSeverity: .error,
        valid: [
            RuleExample("""
                \(RuleExample.acme)## Stakeholders

                | Name | Role | Reports to |
                | --- | --- | --- |
                | Zhang Wei | decision-maker | |
                | Li Na | sponsor | Zhang Wei |
                """),
        ],
        invalid: [
            RuleExample("""
                \(RuleExample.acme)## Stakeholders

                | Name | Role | Reports to |
                | --- | --- | --- |
                | Zhang Wei | decision-maker | ↓Li Na |
                | Li Na | sponsor | Zhang Wei |
                """),
        ])

    public func check(_ context: LintContext) -> [Finding] {
        let plans = context.workspace.plans
        var findings: [Finding] = []
        for index in plans.indices where plans[index].kind == .account && plans[index].isReadable && context.judges(plans[index].path) {
            let people = plans[index].stakeholders
            guard people.contains(where: { $0.reportsTo != nil }) else { continue }
            for cycle in OrgChart(people).cycles {
                guard let cell = people[cycle[0]].reportsTo else { continue }
                let names = (cycle + [cycle[0]]).map { people[$0].name?.value ?? "?" }
                findings.append(context.finding(.reportingCycle, plans[index], at: cell.location,
                                                "Reports to goes round in a circle: " + names.joined(separator: " → "),
                                                hint: "leave Reports to empty for the top person of the circle"))
            }
        }
        return findings
    }
}
