import PlanModel

extension HTMLReport {
    /// `definitions.html`: what every number of the dashboard means, inside the report itself
    /// (it is read offline, away from acctplan's documentation; docs/rollups.md says the same at
    /// length).
    func definitionsPage() -> String {
        let config = workspace.config
        let stages = config.lifecycle.map { HTML.escape($0.label) }.joined(separator: " → ")
        let closed = config.opportunityStages.filter(\.closed).map { HTML.escape($0.id) }.joined(separator: ", ")
        let rows: [[String]] = [
            ["Accounts", "Member account plans of the industry or segment."],
            ["Stage counts", "Member accounts at each lifecycle stage: \(stages)."],
            ["Stage targets", "For each stage the industry or segment plan names under <code>targets.stages</code>: its target, and the members <strong>at or beyond</strong> that stage."],
            ["Revenue target", "<code>targets.revenue</code> of the industry or segment plan."],
            ["Planned by accounts", "The sum of the members' <code>revenue_target</code>; an account without one adds nothing."],
            ["Gap", "Revenue target minus planned revenue. <em>Short by</em> an amount: the account plans do not yet cover the target. <em>Ahead by</em> an amount: the account managers plan more than the target."],
            ["Open pipeline", "The sum of Amount over the members' open opportunities: those not at a closed stage (\(closed))."],
            ["Weighted pipeline", "The same opportunities, each Amount × its probability: the Probability cell, or the stage's default when it is empty."],
            ["Won", "The sum of Amount over opportunities at the stage <code>won</code>."],
            ["Open, overdue and done actions", "Unticked <code>- [ ]</code> items; those due <strong>before</strong> the as-of date (\(rollup.asOf)); ticked <code>- [x]</code> items."],
            ["Stale plans", "Plans whose <code>reviewed</code> date is more than \(config.reviewIntervalDays) days before the as-of date."],
            ["Health", "Members by <code>health:</code> green, yellow, red, or unset."],
            ["Moves", "Accounts whose stage went up or down since the date or revision asked for; <em>new</em>: plans that did not exist then; <em>removed</em>: plans that no longer exist; <em>(no stage)</em>: a plan without a stage."],
            ["Stage trend", "Accounts per lifecycle stage at each period end, read from the plans as committed in git at that day."],
        ]
        let body = "<h1>How every number is defined</h1><p class=\"subtitle\">All amounts are in \(HTML.escape(rollup.currency)), "
            + "converted with the rates of <code>acctplan.yml</code>; all dates are judged as of \(rollup.asOf). The acctplan "
            + "documentation (docs/rollups.md) gives each definition with examples.</p>"
            + HTML.table(["Number", "Meaning"], rows.map { [HTML.escape($0[0]), $0[1]] })
            + "<h2 id=\"whitespace\">Whitespace map</h2><p>Accounts × the offerings of <code>offerings:</code> in "
            + "<code>acctplan.yml</code>, from the Offering column of the Installed base and Opportunities tables. A cell is "
            + "<strong>installed</strong> (an installed product that is live or implementing, or has no status), "
            + "<strong>won</strong> (an opportunity at a won stage), <strong>pipeline</strong> (an open opportunity), "
            + "<strong>lost</strong> (another closed stage), or empty: <strong>whitespace</strong>, nothing sold there. "
            + "Several rows for one offering: the first of installed, won, pipeline, lost. A retired product counts for "
            + "nothing. The acctplan documentation (docs/whitespace.md) has the details.</p>"
        return document(title: "How every number is defined", depth: 0, crumbs: ["Definitions"], body: body)
    }
}
