import Foundation
import PlanEngine
import PlanModel

extension HTMLReport {
    /// The card of one industry or segment: stage distribution, targets against actuals,
    /// revenue, pipeline, actions, stale plans, health and (with --since) moves.
    func groupCard(_ group: Rollup.Group, depth: Int, linked: Bool = true) -> String {
        let title = group.name ?? group.id
        var output = "<section class=\"card\" id=\"\(HTML.escape(group.dimension.rawValue + "-" + HTML.fileName(for: group.id)))\"><h3>"
        output += linked ? HTML.link(title, to: String(repeating: "../", count: depth) + Self.groupPath(group.dimension, group.id))
            : HTML.escape(title)
        if !group.hasPlan { output += " <span class=\"badge warn\" title=\"\(t("members name it, but it has no plan file", "成员客户引用了它，但它没有计划文件"))\">\(t("no plan", "无计划"))</span>" }
        output += "</h3>"
        var accountsLine = t("\(group.accounts) account\(group.accounts == 1 ? "" : "s")", "\(group.accounts) 个客户")
        if let target = groupPlans[group.key]?.header.targets?.accounts?.value {
            accountsLine += t(" · target \(target)", " · 目标 \(target)")
        }
        output += "<div class=\"counts\">\(accountsLine)</div>"
        output += SVGChart.stageBar(group.stageCounts, labels: stageLabels)
        output += stageLegend(group.stageCounts)
        if !group.stageTargets.isEmpty {
            output += "<div class=\"meter\">"
            for target in group.stageTargets {
                let share = target.target > 0 ? min(1, Double(target.actual) / Double(target.target)) : 1
                output += "<span>\(HTML.escape(stageName(target.stage)))\(t(" or beyond", "及以上"))</span>"
                    + "<span class=\"num\">\(t("\(target.actual) of \(target.target)", "\(target.actual) / \(target.target)"))</span>"
                    + "<span class=\"track\" style=\"grid-column: 1 / span 2\"><span class=\"fill\(target.actual < target.target ? " short" : "")\""
                    + " style=\"display:block;width:\(SVGChart.number(share * 100))%\"></span></span>"
            }
            output += "</div>"
        }
        output += "<dl>"
        func row(_ term: String, _ value: String) { output += "<dt>\(term)</dt><dd>\(value)</dd>" }
        if group.revenue.target != nil {
            row(t("Revenue target", "收入目标"), money(group.revenue.target))
            row(t("Planned by accounts", "客户计划合计"), money(group.revenue.planned))
            row(t("Gap", "缺口"), gapText(group.revenue.gap ?? 0))
        } else {
            row(t("Planned by accounts", "客户计划合计"), money(group.revenue.planned))
        }
        row(t("Open pipeline", "在途商机"), money(group.pipeline.open))
        row(t("Weighted pipeline", "加权商机金额"), money(group.pipeline.weighted))
        row(t("Won", "已赢单"), money(group.pipeline.won))
        row(t("Actions open · overdue", "未完成 · 逾期行动"), "\(group.actions.open) · "
            + (group.actions.overdue > 0 ? "<span class=\"down\">\(group.actions.overdue)</span>" : "0"))
        row(t("Stale plans", "待评审计划"), group.stale > 0 ? "<span class=\"down\">\(group.stale)</span>" : "0")
        row(t("Health", "健康状况"), healthSummary(group.health))
        row(t("Health score", "健康评分"), scoreSummary(group.score))
        if let moved = group.moved {
            row(t("Moved since \(HTML.escape(sinceLabel))", "自 \(HTML.escape(sinceLabel)) 以来的变动"),
                "<span class=\"nowrap\"><span class=\"up\">↑\(moved.up)</span> "
                + "<span class=\"down\">↓\(moved.down)</span></span> <span class=\"nowrap\">+\(moved.new) \(t("new", "新增"))</span> "
                + "<span class=\"nowrap\">−\(moved.removed) \(t("removed", "移除"))</span>")
        }
        return output + "</dl></section>"
    }

    /// The gap (target minus planned, docs/rollups.md) in words: "short by CNY 1,500,000" when the
    /// account plans do not yet cover the target, "ahead by …" when they plan more.
    func gapText(_ gap: Decimal) -> String {
        if gap > 0 { return "<span class=\"down\">\(t("short by", "差")) \(money(gap))</span>" }
        if gap < 0 { return "<span class=\"up\">\(t("ahead by", "超出")) \(money(-gap))</span>" }
        return t("on target", "达成目标")
    }

    /// "2 green · 1 yellow · 0 red", and how many do not say, when any.
    func healthSummary(_ health: Rollup.HealthCounts) -> String {
        "<span class=\"up\">\(health.green) \(t("green", "绿"))</span> · <span class=\"warn\">\(health.yellow) \(t("yellow", "黄"))</span> · "
            + "<span class=\"down\">\(health.red) \(t("red", "红"))</span>" + (health.unset > 0 ? " · \(health.unset) \(t("unset", "未填"))" : "")
    }

    /// "2026-09-30" or the short commit id --since named.
    var sinceLabel: String {
        history?.sinceDate?.description ?? history?.sinceRevision.map { String($0.prefix(7)) } ?? t("the start", "起点")
    }

    /// `industries/ID.html` or `segments/ID.html`: the group's card, its plan's own fields and
    /// every member account with its figures.
    func groupPage(_ group: Rollup.Group) -> String {
        let kind = group.dimension == .industry ? t("Industry", "行业") : t("Segment", "细分市场")
        let title = group.name ?? group.id
        var body = "<h1>\(HTML.escape(title))</h1><p class=\"subtitle\">\(kind) <code>\(HTML.escape(group.id))</code>"
        if let plan = groupPlans[group.key] {
            var facts = [t("plan ", "计划 ") + "<code>\(HTML.escape(plan.path))</code>"]
            if let owner = plan.header.owner?.value { facts.append(t("owner ", "负责人 ") + person(owner)) }
            if let year = plan.header.fiscalYear?.value { facts.append(t("fiscal year \(year)", "财年 \(year)")) }
            if let reviewed = plan.header.reviewed?.value { facts.append(t("reviewed \(reviewed)", "评审于 \(reviewed)")) }
            body += " · " + facts.joined(separator: " · ")
        } else {
            let file = "<code>\(group.dimension == .industry ? "industries" : "segments")/\(HTML.escape(group.id)).md</code>"
            body += t(" · no plan file: members name it, but \(file) does not exist, so it has no targets",
                      " · 没有计划文件：成员客户写到了它，但 \(file) 不存在，因此没有目标")
        }
        body += "</p><div class=\"cards\">" + groupCard(group, depth: 1, linked: false) + "</div>"
        body += whitespaceLink(group)
        body += "<h2>\(t("Accounts", "客户"))\(t(" (\(group.accounts))", "（\(group.accounts)）"))</h2>"
        body += accountTable(group.members, depth: 1)
        return document(title: t("\(title) – \(kind.lowercased())", "\(title) – \(kind)"), depth: 1,
                        crumbs: [t("\(kind) ", kind) + HTML.escape(title)], body: body)
    }

    /// A table of accounts with their stage and figures, in the given order.
    func accountTable(_ ids: [String], depth: Int) -> String {
        guard !ids.isEmpty else { return t("<p class=\"muted\">No member accounts.</p>", "<p class=\"muted\">没有成员客户。</p>") }
        let rows: [[String]] = ids.map { id in
            // The fields read in place: a copy of the plan retained each of its arrays and strings.
            let index = accountIndex[id]
            let figures = rollup.figures[id]
            let reviewed = index.flatMap { accounts[$0].header.reviewed?.value }
            let stale = figures?.isStale == true ? " <span class=\"badge warn\">\(t("stale", "过期"))</span>" : ""
            let overdue = figures?.actions.overdue ?? 0
            return [
                accountLink(id, depth: depth),
                stageBadge(index.flatMap { accounts[$0].header.stage?.value }),
                index.flatMap { accounts[$0].header.manager.map { person($0.value) } } ?? "—",
                index.flatMap { accounts[$0].header.health.map { healthBadge($0.value) } } ?? "—",
                figures.map { scoreBadge($0.score, $0.band) } ?? "—",
                (reviewed.map(date) ?? "—") + stale,
                figures.map { Format.amount($0.plannedRevenue) } ?? "—",
                figures.map { Format.amount($0.pipeline.open) } ?? "—",
                figures.map { Format.amount($0.pipeline.weighted) } ?? "—",
                overdue > 0 ? "<span class=\"down\">\(overdue)</span>" : "0",
            ]
        }
        let currency = rollup.currency
        return HTML.table([t("Account", "客户"), t("Stage", "阶段"), t("Manager", "客户经理"), t("Health", "健康"), t("Score", "评分"),
                           t("Reviewed", "评审日期"), t("Revenue target (\(currency))", "收入目标（\(currency)）"),
                           t("Open pipeline", "未关闭商机"), t("Weighted", "加权"), t("Overdue actions", "逾期行动")], rows,
                          numericColumns: [6, 7, 8, 9])
    }

    func healthBadge(_ health: Health) -> String {
        switch health {
        case .green: return "<span class=\"badge good\">\(t("green", "绿色"))</span>"
        case .yellow: return "<span class=\"badge warn\">\(t("yellow", "黄色"))</span>"
        case .red: return "<span class=\"badge bad\">\(t("red", "红色"))</span>"
        }
    }
}
