import PlanModel

/// An industry or segment without a plan, an action's `#id` that is no opportunity of the plan,
/// a stakeholder's `Reports to` that names no stakeholder of the table, or an `Offering` cell
/// that names no offering of `acctplan.yml`'s catalogue (checked only when there is one).
public struct UnknownReferenceRule: LintRule {
    public init() {}
    public let description = RuleDescription(
        id: .unknownReference,
        summary: "An account's industry or segment has no plan file, an action's `#id` names no opportunity of the same plan, a stakeholder's Reports to names no stakeholder of the table, or an Offering cell names no offering of acctplan.yml",
        rationale: "Industry and segment plans carry the targets accounts are rolled up against; a reference to nothing is usually a typo.",
        defaultSeverity: .warning, traits: [.crossPlan],
        valid: [
            RuleExample(RuleExample.acme,
                        files: ["industries/tobacco.md": "---\nname: Tobacco\nowner: li-you\n---\n"]),
        ],
        invalid: [
            RuleExample("---\nname: Acme\nindustry: ↓tobaco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\n---\n",
                        files: ["industries/tobacco.md": "---\nname: Tobacco\nowner: li-you\n---\n"]),
            RuleExample("""
                ---
                name: Acme
                industry: tobacco
                segments: [↓high-end]
                stage: departmental
                manager: li-you
                reviewed: 2026-11-01
                ---
                ## Opportunities

                | ID | Name | Stage | Amount | Close |
                | --- | --- | --- | --- | --- |
                | opp-erp | ERP | qualify | 1M | 2027-03-31 |

                ## Actions

                - [ ] 2027-01-10 @li-you Demo for ↓#opp-hr and #opp-erp
                """, files: ["industries/tobacco.md": "---\nname: Tobacco\nowner: li-you\n---\n"]),
            RuleExample("""
                \(RuleExample.acme)## Stakeholders

                | Name | Role | Reports to |
                | --- | --- | --- |
                | Zhang Wei | decision-maker | |
                | Li Na | sponsor | ↓Zhang Wie |
                """, files: ["industries/tobacco.md": "---\nname: Tobacco\nowner: li-you\n---\n"]),
            RuleExample("""
                \(RuleExample.acme)## Installed base

                | Product | Status | Offering |
                | --- | --- | --- |
                | Finance | live | ↓finanse |
                """, files: ["industries/tobacco.md": "---\nname: Tobacco\nowner: li-you\n---\n",
                            "acctplan.yml": "offerings: [{id: finance, name: Finance cloud}]\n"]),
        ])

    public func check(_ context: LintContext) -> [Finding] {
        // Ids only: no plan is copied for them (an editor asks this after every edit).
        let plans = context.workspace.plans
        var industries = Set<String>(), segments = Set<String>()
        for index in plans.indices {
            switch plans[index].kind {
            case .industry: industries.insert(plans[index].id)
            case .segment: segments.insert(plans[index].id)
            case .account: break
            }
        }
        let knownIndustries = ClosestMatch(industries)
        let knownSegments = ClosestMatch(segments)
        let offerings = Set(context.config.offerings.map(\.id))
        let knownOfferings = ClosestMatch(offerings)
        var findings: [Finding] = []
        context.forEachPlan(readable: true) { plan in
            guard context.judges(plan.path) else { return }
            var suggestions = SuggestionBudget()
            if let industry = plan.header.industry, !industries.contains(industry.value) {
                let suggestion = knownIndustries.closest(to: industry.value)
                findings.append(context.finding(
                    .unknownReference, plan, at: industry.location,
                    "industry '\(industry.value)' has no plan" + ValueSyntax.didYouMean(suggestion),
                    hint: "add industries/\(industry.value).md ('acctplan new industry \(industry.value) --owner PERSON')"))
            }
            for segment in plan.header.segments where !segments.contains(segment.value) {
                let suggestion = suggestions.closest(to: segment.value, in: knownSegments)
                findings.append(context.finding(
                    .unknownReference, plan, at: segment.location,
                    "segment '\(segment.value)' has no plan" + ValueSyntax.didYouMean(suggestion),
                    hint: "add segments/\(segment.value).md ('acctplan new segment \(segment.value) --owner PERSON')"))
            }
            // The chart only for the plans that draw one (this rule runs after every edit).
            let chart = plan.stakeholders.contains { $0.reportsTo != nil } ? OrgChart(plan.stakeholders) : nil
            if let chart, !chart.unknown.isEmpty {
                let names = plan.stakeholders.compactMap { $0.name?.value }
                let known = ClosestMatch(names.map { $0.lowercased() })
                for index in chart.unknown {
                    guard let written = plan.stakeholders[index].reportsTo else { continue }
                    let suggestion = suggestions.closest(to: written.value, in: known).flatMap { lowered in
                        names.first { $0.lowercased() == lowered }
                    }
                    findings.append(context.finding(
                        .unknownReference, plan, at: written.location,
                        "'\(written.value)' (Reports to) is no stakeholder of this plan" + ValueSyntax.didYouMean(suggestion),
                        hint: "name a row of the Stakeholders table, or leave the cell empty for the top of the organisation"))
                }
            }
            if !offerings.isEmpty {
                let written = plan.installedBase.compactMap(\.offering) + plan.opportunities.compactMap(\.offering)
                for offering in written where !offerings.contains(offering.value) {
                    let suggestion = suggestions.closest(to: offering.value, in: knownOfferings)
                    findings.append(context.finding(
                        .unknownReference, plan, at: offering.location,
                        "offering '\(offering.value)' is not in acctplan.yml's offerings" + ValueSyntax.didYouMean(suggestion),
                        hint: "name an id of offerings: in acctplan.yml, or add {id: \(offering.value), name: ...} there"))
                }
            }
            let opportunities = Set(plan.opportunities.compactMap { $0.id?.value })
            var knownOpportunities: ClosestMatch?
            for action in plan.actions {
                for reference in action.references where !opportunities.contains(reference.value) {
                    let candidates = knownOpportunities ?? ClosestMatch(opportunities)
                    knownOpportunities = candidates
                    let suggestion = suggestions.closest(to: reference.value, in: candidates)
                    findings.append(context.finding(
                        .unknownReference, plan, at: reference.location,
                        "'#\(reference.value)' is not an opportunity of this plan"
                            + ValueSyntax.didYouMean(suggestion, prefix: "#")))
                }
            }
        }
        return findings
    }
}
