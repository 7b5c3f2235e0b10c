import Foundation
import PlanEngine
import PlanLocalization
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
        var body = t("<h1>Key accounts: lifecycle dashboard</h1><p class=\"subtitle\">\(total.accounts) account"
            + "\(total.accounts == 1 ? "" : "s") in \(industries.count) industr\(industries.count == 1 ? "y" : "ies") and "
            + "\(segments.count) segment\(segments.count == 1 ? "" : "s"), as of \(rollup.asOf).</p>",
                     "<h1>大客户：生命周期仪表板</h1><p class=\"subtitle\">\(total.accounts) 个客户，分属 \(industries.count) 个行业和 "
            + "\(segments.count) 个细分市场，截至 \(rollup.asOf)。</p>")
        body += lintBanner()

        body += "<h2>\(t("Totals", "合计"))</h2><div class=\"tiles\"><div class=\"tile wide\"><div class=\"label\">"
            + t("Accounts by lifecycle stage", "各生命周期阶段的客户数") + "</div>"
            + "<div class=\"value\">\(total.accounts)</div>" + SVGChart.stageBar(total.stageCounts, labels: stageLabels)
            + stageLegend(total.stageCounts) + "</div>"
        body += tile(t("Open pipeline", "在途商机"), moneyValue(total.pipeline.open),
                     detail: t("weighted", "加权") + " \(money(total.pipeline.weighted))")
        body += tile(t("Won", "已赢单"), moneyValue(total.pipeline.won))
        body += tile(t("Open actions", "未完成行动"), "\(total.actions.open)",
                     detail: (total.actions.overdue > 0 ? "<span class=\"down\">\(total.actions.overdue) \(t("overdue", "项逾期"))</span>"
                        : t("none overdue", "无逾期")) + " · \(total.actions.done) \(t("done", "项已完成"))")
        body += tile(t("Stale plans", "待评审计划"), "\(total.stale)",
                     detail: t("not reviewed for over \(workspace.config.reviewIntervalDays) days",
                               "超过 \(workspace.config.reviewIntervalDays) 天未评审"))
        body += tile(t("Health", "健康状况"), "\(total.health.green) \(t("green", "绿"))",
                     detail: "<span class=\"warn\">\(total.health.yellow) \(t("yellow", "黄"))</span> · "
                     + "<span class=\"down\">\(total.health.red) \(t("red", "红"))</span> · \(total.health.unset) \(t("unset", "未填"))")
        if let transitions = history?.transitions {
            let moves = movesSummary(transitions)
            body += tile(t("Moves since \(sinceLabel)", "自 \(sinceLabel) 以来的变动"),
                         "<span class=\"up\">↑\(moves.up)</span> <span class=\"down\">↓\(moves.down)</span>",
                         detail: "\(moves.new) \(t("new", "新增")) · \(moves.removed) \(t("removed", "移除"))")
        }
        body += "</div>"

        body += "<h2>\(t("Stage trend", "阶段趋势"))</h2>" + trendSection()
        body += "<h2>\(t("Pipeline by close quarter", "按成交季度的商机管道"))</h2>" + pipelineSection()
        body += "<h2>\(t("Industries", "行业"))</h2>" + cards(industries)
        body += "<h2>\(t("Segments", "细分市场"))</h2>" + cards(segments)
        body += whitespaceSection()
        if let transitions = history?.transitions {
            body += "<h2>" + t("Lifecycle moves since \(HTML.escape(sinceLabel)) (\(transitions.count))",
                               "自 \(HTML.escape(sinceLabel)) 以来的生命周期变动（\(transitions.count)）") + "</h2>"
            body += transitions.isEmpty ? "<p class=\"muted\">\(t("No account changed stage.", "没有客户变更阶段。"))</p>"
                : HTML.table([t("Account", "客户"), t("From", "从"), t("To", "到")], transitions.map { move in
                    [accountLink(move.account, depth: 0), move.from.map(stageBadge) ?? "<span class=\"muted\">\(move.fromLabel(in: language))</span>",
                     move.to.map(stageBadge) ?? "<span class=\"muted\">\(move.toLabel(in: language))</span>"]
                })
        }
        body += "<h2>\(t("Stale plans", "待评审计划"))\(t(" (", "（"))\(stalePlans.count)\(t(")", "）"))</h2>" + staleTable(limit: Self.dashboardListLimit, depth: 0)
        body += "<h2>\(t("Overdue actions", "逾期行动"))\(t(" (", "（"))\(overdueActions.count)\(t(")", "）"))</h2>" + overdueTable(limit: Self.dashboardListLimit, depth: 0)
        body += viewsSection()
        return document(title: t("Key-account dashboard, \(rollup.asOf)", "大客户仪表板，\(rollup.asOf)"), depth: 0, body: body)
    }

    func cards(_ groups: [Rollup.Group]) -> String {
        groups.isEmpty ? "<p class=\"muted\">\(t("None.", "无。"))</p>" : "<div class=\"cards\">" + groups.map { groupCard($0, depth: 0) }.joined() + "</div>"
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
            return "<p class=\"muted\">\(HTML.escape(historyNote.map { Localizer.translate($0, to: language) } ?? t("No history to draw a trend from.", "没有可绘制趋势的历史。")))</p>"
        }
        var points = trend.map { SVGChart.TrendPoint(date: $0.date, stageCounts: $0.stageCounts, note: $0.revision.map { String($0.prefix(7)) }) }
        if let last = trend.last, last.date < rollup.asOf {
            points.append(SVGChart.TrendPoint(date: rollup.asOf, stageCounts: rollup.total.stageCounts, note: t("as reported", "本次报告")))
        }
        var output = "<p class=\"note\">" + t("Accounts per lifecycle stage at each period end, from git history, and on \(rollup.asOf) as "
            + "reported here. The highest stage is at the bottom, so the top edge of each band is the number of accounts at or "
            + "beyond that stage.", "每个期末各生命周期阶段的客户数（来自 git 历史），以及本报告 \(rollup.asOf) 的数字。"
            + "最高阶段在最下面，因此每条色带的上沿就是处于该阶段及更高阶段的客户数。") + "</p>"
        output += SVGChart.stageTrend(points, labels: stageLabels, language: language) + stageLegend()
        output += "<details><summary>\(t("Figures", "数据"))</summary>" + HTML.table([t("Date", "日期")] + rollup.stages.map(stageName) + [t("Total", "合计")], points.map { point in
            [date(point.date)] + point.stageCounts.map { String($0.count) } + [String(point.stageCounts.reduce(0) { $0 + $1.count })]
        }, numericColumns: Set(1...(rollup.stages.count + 1))) + "</details>"
        return output
    }

    /// Open and weighted pipeline per fiscal quarter of the close date.
    func pipelineSection() -> String {
        guard !closeQuarters.isEmpty else { return "<p class=\"muted\">\(t("No open opportunities.", "没有未关闭的商机。"))</p>" }
        var output = "<p class=\"note\">" + t("Open opportunities by the fiscal quarter of their close date; the darker part is the "
            + "weighted pipeline (amount × probability). Paler columns are quarters that have already ended: those "
            + "opportunities are past their close date.", "按成交日期所在财季统计的未关闭商机；颜色较深的部分是加权商机金额（金额 × 概率）。"
            + "颜色较浅的柱是已经结束的季度：这些商机已过成交日期。") + "</p>"
        output += SVGChart.pipelineByQuarter(closeQuarters, asOf: rollup.asOf, currency: rollup.currency, language: language)
        output += "<ul class=\"legend\"><li><span class=\"swatch open\"></span>\(t("open pipeline", "在途商机"))</li>"
            + "<li><span class=\"swatch weighted\"></span>\(t("weighted pipeline", "加权商机金额"))</li></ul>"
        var rows: [[String]] = closeQuarters.map { quarter in
            let period = quarter.start.flatMap { start in quarter.end.map { "\(date(start)) – \(date($0))" } } ?? t("no close date", "无成交日期")
            return [period, String(quarter.opportunities), Format.amount(quarter.open), Format.amount(quarter.weighted)]
        }
        rows.append(["<strong>\(t("total", "合计"))</strong>", String(closeQuarters.reduce(0) { $0 + $1.opportunities }),
                     "<strong>\(Format.amount(rollup.total.pipeline.open))</strong>",
                     "<strong>\(Format.amount(rollup.total.pipeline.weighted))</strong>"])
        output += "<details><summary>\(t("Figures", "数据"))</summary>" + HTML.table([t("Close quarter", "成交季度"), t("Opportunities", "商机数"),
                                                                      t("Open (\(rollup.currency))", "在途（\(rollup.currency)）"),
                                                                      t("Weighted (\(rollup.currency))", "加权（\(rollup.currency)）")], rows,
                                                                     numericColumns: [1, 2, 3]) + "</details>"
        return output
    }

    /// What lint found, and which plans could not be read at all (they are in no number).
    func lintBanner() -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        let unreadable = workspace.plans.filter { !$0.isReadable }.map(\.path)
        guard !errors.isEmpty || !unreadable.isEmpty else {
            let warnings = diagnostics.count
            return warnings == 0 ? "" : "<p class=\"note\">" + t("acctplan lint: no errors, \(warnings) warning\(warnings == 1 ? "" : "s").",
                                                                 "acctplan lint：没有错误，\(warnings) 个警告。") + "</p>"
        }
        if language == .zhCN {
            let plans = Set(errors.map(\.path)).count
            var output = "<div class=\"banner bad\"><strong>acctplan lint：\(plans) 个文件中有 \(errors.count) 个错误、"
                + "\(diagnostics.count - errors.count) 个警告。</strong>无法读取的值不计入各项数字；运行 <code>acctplan lint</code> 可查看清单。"
            if !unreadable.isEmpty {
                output += "<br>\(unreadable.count) 个计划文件完全无法读取，未计入任何数字："
                    + unreadable.prefix(10).map { "<code>\(HTML.escape($0))</code>" }.joined(separator: "、")
                    + (unreadable.count > 10 ? " 等另外 \(unreadable.count - 10) 个" : "") + "。"
            }
            return output + "</div>"
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
