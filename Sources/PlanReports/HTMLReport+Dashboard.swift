import Foundation
import PlanEngine
import PlanModel

extension HTMLReport {
    /// How many stale plans and overdue actions the dashboard lists before linking to the rest.
    static let dashboardListLimit = 15

    /// `index.html`: totals, the stage trend, pipeline by close quarter, a card per industry and
    /// segment, moves since --since, stale plans and overdue actions.
    func dashboardPage() -> String {
        let total = rollup.total
        let industries = rollup.groups.filter { $0.dimension == .industry }
        let segments = rollup.groups.filter { $0.dimension == .segment }
        var body = "<h1>Key accounts: lifecycle dashboard</h1><p class=\"subtitle\">\(total.accounts) account"
            + "\(total.accounts == 1 ? "" : "s") in \(industries.count) industr\(industries.count == 1 ? "y" : "ies") and "
            + "\(segments.count) segment\(segments.count == 1 ? "" : "s"), as of \(rollup.asOf).</p>"
        body += lintBanner()

        body += "<h2>Totals</h2><div class=\"tiles\"><div class=\"tile wide\"><div class=\"label\">Accounts by lifecycle stage</div>"
            + "<div class=\"value\">\(total.accounts)</div>" + SVGChart.stageBar(total.stageCounts, labels: stageLabels)
            + stageLegend(total.stageCounts) + "</div>"
        body += tile("Open pipeline", moneyValue(total.pipeline.open), detail: "weighted \(money(total.pipeline.weighted))")
        body += tile("Won", moneyValue(total.pipeline.won))
        body += tile("Open actions", "\(total.actions.open)",
                     detail: (total.actions.overdue > 0 ? "<span class=\"down\">\(total.actions.overdue) overdue</span>" : "none overdue")
                        + " · \(total.actions.done) done")
        body += tile("Stale plans", "\(total.stale)", detail: "not reviewed for over \(workspace.config.reviewIntervalDays) days")
        body += tile("Health", "\(total.health.green) green", detail: "<span class=\"warn\">\(total.health.yellow) yellow</span> · "
                     + "<span class=\"down\">\(total.health.red) red</span> · \(total.health.unset) unset")
        if let transitions = history?.transitions {
            let moves = movesSummary(transitions)
            body += tile("Moves since \(sinceLabel)", "<span class=\"up\">↑\(moves.up)</span> <span class=\"down\">↓\(moves.down)</span>",
                         detail: "\(moves.new) new · \(moves.removed) removed")
        }
        body += "</div>"

        body += "<h2>Stage trend</h2>" + trendSection()
        body += "<h2>Pipeline by close quarter</h2>" + pipelineSection()
        body += "<h2>Industries</h2>" + cards(industries)
        body += "<h2>Segments</h2>" + cards(segments)
        body += whitespaceSection()
        if let transitions = history?.transitions {
            body += "<h2>Lifecycle moves since \(HTML.escape(sinceLabel)) (\(transitions.count))</h2>"
            body += transitions.isEmpty ? "<p class=\"muted\">No account changed stage.</p>"
                : HTML.table(["Account", "From", "To"], transitions.map { move in
                    [accountLink(move.account, depth: 0), move.from.map(stageBadge) ?? "<span class=\"muted\">\(move.fromLabel)</span>",
                     move.to.map(stageBadge) ?? "<span class=\"muted\">\(move.toLabel)</span>"]
                })
        }
        body += "<h2>Stale plans (\(stalePlans.count))</h2>" + staleTable(limit: Self.dashboardListLimit, depth: 0)
        body += "<h2>Overdue actions (\(overdueActions.count))</h2>" + overdueTable(limit: Self.dashboardListLimit, depth: 0)
        body += viewsSection()
        return document(title: "Key-account dashboard, \(rollup.asOf)", depth: 0, body: body)
    }

    func cards(_ groups: [Rollup.Group]) -> String {
        groups.isEmpty ? "<p class=\"muted\">None.</p>" : "<div class=\"cards\">" + groups.map { groupCard($0, depth: 0) }.joined() + "</div>"
    }

    /// Up, down, new and removed among the transitions (the same test as each group's `moved`).
    func movesSummary(_ transitions: [RollupHistory.Transition]) -> Rollup.Moved {
        var moved = Rollup.Moved()
        for transition in transitions {
            switch (transition.from, transition.to) {
            case (nil, _): moved.new += 1
            case (_, nil): moved.removed += 1
            case let (from?, to?):
                guard let old = workspace.config.lifecycleIndex(from), let new = workspace.config.lifecycleIndex(to) else { continue }
                if new > old { moved.up += 1 } else if new < old { moved.down += 1 }
            }
        }
        return moved
    }

    /// The S-curve from history, ending with the counts reported here; or why there is none.
    func trendSection() -> String {
        guard let trend = history?.trend, !trend.isEmpty else {
            return "<p class=\"muted\">\(HTML.escape(historyNote ?? "No history to draw a trend from."))</p>"
        }
        var points = trend.map { SVGChart.TrendPoint(date: $0.date, stageCounts: $0.stageCounts, note: $0.revision.map { String($0.prefix(7)) }) }
        if let last = trend.last, last.date < rollup.asOf {
            points.append(SVGChart.TrendPoint(date: rollup.asOf, stageCounts: rollup.total.stageCounts, note: "as reported"))
        }
        var output = "<p class=\"note\">Accounts per lifecycle stage at each period end, from git history, and on \(rollup.asOf) as "
            + "reported here. The highest stage is at the bottom, so the top edge of each band is the number of accounts at or "
            + "beyond that stage.</p>"
        output += SVGChart.stageTrend(points, labels: stageLabels) + stageLegend()
        output += "<details><summary>Figures</summary>" + HTML.table(["Date"] + rollup.stages.map(stageName) + ["Total"], points.map { point in
            [date(point.date)] + point.stageCounts.map { String($0.count) } + [String(point.stageCounts.reduce(0) { $0 + $1.count })]
        }, numericColumns: Set(1...(rollup.stages.count + 1))) + "</details>"
        return output
    }

    /// Open and weighted pipeline per fiscal quarter of the close date.
    func pipelineSection() -> String {
        guard !closeQuarters.isEmpty else { return "<p class=\"muted\">No open opportunities.</p>" }
        var output = "<p class=\"note\">Open opportunities by the fiscal quarter of their close date; the darker part is the "
            + "weighted pipeline (amount × probability). Paler columns are quarters that have already ended: those "
            + "opportunities are past their close date.</p>"
        output += SVGChart.pipelineByQuarter(closeQuarters, asOf: rollup.asOf, currency: rollup.currency)
        output += "<ul class=\"legend\"><li><span class=\"swatch open\"></span>open pipeline</li>"
            + "<li><span class=\"swatch weighted\"></span>weighted pipeline</li></ul>"
        var rows: [[String]] = closeQuarters.map { quarter in
            let period = quarter.start.flatMap { start in quarter.end.map { "\(date(start)) – \(date($0))" } } ?? "no close date"
            return [period, String(quarter.opportunities), Format.amount(quarter.open), Format.amount(quarter.weighted)]
        }
        rows.append(["<strong>total</strong>", String(closeQuarters.reduce(0) { $0 + $1.opportunities }),
                     "<strong>\(Format.amount(rollup.total.pipeline.open))</strong>",
                     "<strong>\(Format.amount(rollup.total.pipeline.weighted))</strong>"])
        output += "<details><summary>Figures</summary>" + HTML.table(["Close quarter", "Opportunities", "Open (\(rollup.currency))",
                                                                      "Weighted (\(rollup.currency))"], rows,
                                                                     numericColumns: [1, 2, 3]) + "</details>"
        return output
    }

    /// What lint found, and which plans could not be read at all (they are in no number).
    func lintBanner() -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        let unreadable = workspace.plans.filter { !$0.isReadable }.map(\.path)
        guard !errors.isEmpty || !unreadable.isEmpty else {
            let warnings = diagnostics.count
            return warnings == 0 ? "" : "<p class=\"note\">acctplan lint: no errors, \(warnings) warning\(warnings == 1 ? "" : "s").</p>"
        }
        let plans = Set(errors.map(\.path)).count
        var output = "<div class=\"banner bad\"><strong>acctplan lint: \(errors.count) error\(errors.count == 1 ? "" : "s") in \(plans) "
            + "file\(plans == 1 ? "" : "s"), \(diagnostics.count - errors.count) warning\(diagnostics.count - errors.count == 1 ? "" : "s").</strong> "
            + "Values that could not be read are left out of the numbers; run <code>acctplan lint</code> for the list."
        if !unreadable.isEmpty {
            output += "<br>\(unreadable.count) plan file\(unreadable.count == 1 ? "" : "s") could not be read at all and "
                + "\(unreadable.count == 1 ? "is" : "are") in no number: "
                + unreadable.prefix(10).map { "<code>\(HTML.escape($0))</code>" }.joined(separator: ", ")
                + (unreadable.count > 10 ? " and \(unreadable.count - 10) more" : "") + "."
        }
        return output + "</div>"
    }
}
