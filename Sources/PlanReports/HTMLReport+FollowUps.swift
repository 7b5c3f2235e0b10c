import Foundation
import PlanEngine
import PlanModel

extension HTMLReport {
    /// `follow-ups.html`: every stale plan and every overdue action.
    func followUpsPage() -> String {
        var body = "<h1>Follow-ups</h1><p class=\"subtitle\">Plans to review and actions past their due date, as of \(rollup.asOf).</p>"
        body += "<h2 id=\"stale\">Stale plans (\(stalePlans.count))</h2>" + staleTable(limit: nil, depth: 0)
        body += "<h2 id=\"overdue\">Overdue actions (\(overdueActions.count))</h2>" + overdueTable(limit: nil, depth: 0)
        return document(title: "Follow-ups, \(rollup.asOf)", depth: 0, crumbs: ["Follow-ups"], body: body)
    }

    /// Stale plans, the longest unreviewed first; at most `limit` rows, then a link to the rest.
    func staleTable(limit: Int?, depth: Int) -> String {
        guard !stalePlans.isEmpty else {
            return "<p class=\"muted\">None: every plan was reviewed in the last \(workspace.config.reviewIntervalDays) days.</p>"
        }
        let shown = limit.map { Array(stalePlans.prefix($0)) } ?? stalePlans
        let rows: [[String]] = shown.map { stale in
            let manager = accountIndex[stale.account].flatMap { accounts[$0].header.manager?.value }
            return [accountLink(stale.account, depth: depth), manager.map(person) ?? "—", date(stale.reviewed),
                    String(stale.daysSinceReview)]
        }
        return HTML.table(["Account", "Manager", "Reviewed", "Days since"], rows, numericColumns: [3])
            + more(shown.count, of: stalePlans.count, anchor: "stale", depth: depth)
    }

    /// Overdue actions, the longest overdue first; at most `limit` rows, then a link to the rest.
    func overdueTable(limit: Int?, depth: Int) -> String {
        guard !overdueActions.isEmpty else { return "<p class=\"muted\">None.</p>" }
        let shown = limit.map { Array(overdueActions.prefix($0)) } ?? overdueActions
        let rows: [[String]] = shown.map { action in
            [date(action.due), String(action.daysOverdue), accountLink(action.account, depth: depth),
             action.owner.map(person) ?? "—", HTML.escape(action.text)]
        }
        return HTML.table(["Due", "Days over", "Account", "Owner", "Action"], rows, numericColumns: [1])
            + more(shown.count, of: overdueActions.count, anchor: "overdue", depth: depth)
    }

    private func more(_ shown: Int, of total: Int, anchor: String, depth: Int) -> String {
        guard shown < total else { return "" }
        let href = String(repeating: "../", count: depth) + "follow-ups.html#" + anchor
        return "<p>\(HTML.link("All \(total) on the follow-ups page", to: href)) (\(total - shown) more).</p>"
    }
}
