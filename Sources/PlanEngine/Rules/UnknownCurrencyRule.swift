import PlanModel

/// An amount in a currency that has no `fx:` rate.
public struct UnknownCurrencyRule: LintRule {
    public init() {}
    public let description = RuleDescription(
        id: .unknownCurrency,
        summary: "An amount's currency is neither the workspace currency nor listed under `fx:`",
        rationale: "Every amount is summed in the workspace currency; an amount that cannot be converted cannot be added up.",
        defaultSeverity: .error,
        valid: [
            RuleExample("---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\nrevenue_target: USD 1M\n---\n",
                        files: ["acctplan.yml": "currency: CNY\nfx: {USD: 7.1}\n"]),
        ],
        invalid: [
            RuleExample("""
                ---
                name: Acme
                industry: tobacco
                stage: departmental
                manager: li-you
                reviewed: 2026-11-01
                revenue_target: ↓EUR 1M
                ---
                ## Opportunities

                | ID | Name | Stage | Amount | Close |
                | --- | --- | --- | --- | --- |
                | opp-a | ERP | qualify | ↓JPY 30M | 2027-03-31 |
                | opp-b | HR | qualify | USD 30k | 2027-03-31 |
                """, files: ["acctplan.yml": "currency: CNY\nfx: {USD: 7.1}\n"]),
        ])

    public func check(_ context: LintContext) -> [Finding] {
        let config = context.config
        var findings: [Finding] = []
        context.forEachPlan(readable: true) { plan in
            var amounts: [Located<Money>] = []
            if let target = plan.header.revenueTarget { amounts.append(target) }
            if let target = plan.header.targets?.revenue { amounts.append(target) }
            amounts += plan.opportunities.compactMap(\.amount)
            for amount in amounts where config.convert(amount.value) == nil {
                let code = amount.value.currency ?? ""
                findings.append(context.finding(
                    .unknownCurrency, plan, at: amount.location,
                    "no exchange rate for \(code): amounts must convert to \(config.currency)",
                    hint: "add \(code) under fx: in acctplan.yml (units of \(config.currency) per \(code))"))
            }
        }
        return findings
    }
}
