import Foundation
import PlanEngine
import PlanModel

extension HTMLReport {
    /// `follow-ups.html`: every stale plan and every overdue action.
    func followUpsPage() -> String {
        var body = t("<h1>Follow-ups</h1><p class=\"subtitle\">Plans to review and actions past their due date, as of \(rollup.asOf).</p>",
                     "<h1>待跟进</h1><p class=\"subtitle\">需要评审的计划和已过到期日的行动，截至 \(rollup.asOf)。</p>")
        body += "<h2 id=\"stale\">\(t("Stale plans", "过期未评审的计划"))\(t(" (\(stalePlans.count))", "（\(stalePlans.count)）"))</h2>"
            + staleTable(limit: nil, depth: 0)
        body += "<h2 id=\"overdue\">\(t("Overdue actions", "逾期的行动"))\(t(" (\(overdueActions.count))", "（\(overdueActions.count)）"))</h2>"
            + overdueTable(limit: nil, depth: 0)
        return document(title: t("Follow-ups, \(rollup.asOf)", "待跟进，\(rollup.asOf)"), depth: 0, crumbs: [t("Follow-ups", "待跟进")], body: body)
    }

    /// Stale plans, the longest unreviewed first; at most `limit` rows, then a link to the rest.
    func staleTable(limit: Int?, depth: Int) -> String {
        guard !stalePlans.isEmpty else {
            return t("<p class=\"muted\">None: every plan was reviewed in the last \(workspace.config.reviewIntervalDays) days.</p>",
                     "<p class=\"muted\">没有：所有计划都在最近 \(workspace.config.reviewIntervalDays) 天内评审过。</p>")
        }
        let shown = limit.map { Array(stalePlans.prefix($0)) } ?? stalePlans
        let rows: [[String]] = shown.map { stale in
            let manager = accountIndex[stale.account].flatMap { accounts[$0].header.manager?.value }
            return [accountLink(stale.account, depth: depth), manager.map(person) ?? "—", date(stale.reviewed),
                    String(stale.daysSinceReview)]
        }
        return HTML.table([t("Account", "客户"), t("Manager", "客户经理"), t("Reviewed", "评审日期"), t("Days since", "距今天数")], rows,
                          numericColumns: [3])
            + more(shown.count, of: stalePlans.count, anchor: "stale", depth: depth)
    }

    /// Overdue actions, the longest overdue first; at most `limit` rows, then a link to the rest.
    func overdueTable(limit: Int?, depth: Int) -> String {
        guard !overdueActions.isEmpty else { return t("<p class=\"muted\">None.</p>", "<p class=\"muted\">没有。</p>") }
        let shown = limit.map { Array(overdueActions.prefix($0)) } ?? overdueActions
        let rows: [[String]] = shown.map { action in
            [date(action.due), String(action.daysOverdue), accountLink(action.account, depth: depth),
             action.owner.map(person) ?? "—", HTML.escape(action.text)]
        }
        return HTML.table([t("Due", "到期日"), t("Days over", "逾期天数"), t("Account", "客户"), t("Owner", "负责人"), t("Action", "行动")], rows,
                          numericColumns: [1])
            + more(shown.count, of: overdueActions.count, anchor: "overdue", depth: depth)
    }

    private func more(_ shown: Int, of total: Int, anchor: String, depth: Int) -> String {
        guard shown < total else { return "" }
        let href = String(repeating: "../", count: depth) + "follow-ups.html#" + anchor
        return t("<p>\(HTML.link("All \(total) on the follow-ups page", to: href)) (\(total - shown) more).</p>",
                 "<p>\(HTML.link("待跟进页面列出全部 \(total) 项", to: href))（另有 \(total - shown) 项）。</p>")
    }
}
