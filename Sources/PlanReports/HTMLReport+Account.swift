import Foundation
import PlanEngine
import PlanLocalization
import PlanModel

extension HTMLReport {
    /// Front-matter keys shown in the account's field grid (others are listed after them as written).
    static let accountKeys = Set(PlanSchema.standard.fields(of: .account).map(\.key))

    /// `accounts/ID.html`: the plan's fields, its lint findings, stakeholders, installed base,
    /// opportunities with weighted amounts, actions and moments of truth.
    func accountPage(_ plan: Plan) -> String {
        let config = workspace.config
        let header = plan.header
        let name = header.name?.value ?? plan.id
        var body = "<h1>\(HTML.escape(name))</h1><p class=\"subtitle\">\(t("Account", "客户")) <code>\(HTML.escape(plan.id))</code> · "
            + "<code>\(HTML.escape(plan.path))</code>"
        body.reserveCapacity(16_384) // a page's body is 8-12 KB
        if let title = plan.title, title != name { body += " · " + HTML.escape(title) }
        body += "</p>"
        body += lintBox(plan.path)

        var fields: [(String, String)] = []
        if let industry = header.industry?.value { fields.append((t("Industry", "行业"), groupLink(.industry, industry, depth: 1))) }
        if !header.segments.isEmpty {
            fields.append((t("Segments", "细分市场"), header.segments.map { groupLink(.segment, $0.value, depth: 1) }.joined(separator: ", ")))
        }
        fields.append((t("Stage", "阶段"), stageBadge(header.stage?.value)))
        if let manager = header.manager?.value { fields.append((t("Manager", "客户经理"), person(manager))) }
        if !header.team.isEmpty { fields.append((t("Team", "团队"), header.team.map { person($0.value) }.joined(separator: ", "))) }
        if let abu = header.abu?.value { fields.append((t("ABU", "事业部"), HTML.escape(abu))) }
        if let region = header.region?.value { fields.append((t("Region", "区域"), HTML.escape(region))) }
        if let health = header.health?.value { fields.append((t("Health", "健康状况"), healthBadge(health))) }
        if let since = header.since?.value { fields.append((t("Customer since", "客户起始"), date(since))) }
        if let reviewed = header.reviewed?.value {
            let stale = rollup.figures[plan.id]?.isStale == true
                ? " <span class=\"badge warn\">\(t("stale: \(reviewed.days(until: rollup.asOf)) days ago", "已过期：\(reviewed.days(until: rollup.asOf)) 天前"))</span>" : ""
            fields.append((t("Reviewed", "评审日期"), date(reviewed) + stale))
        }
        if let target = header.revenueTarget?.value { fields.append((t("Revenue target", "收入目标"), amount(target))) }
        for entry in plan.frontMatter where !Self.accountKeys.contains(entry.key) {
            fields.append((entry.key, HTML.escape(PlanText.describe(entry.value))))
        }
        body += "<div class=\"fields\">" + fields.map { "<div><span class=\"key\">\(HTML.escape($0.0))</span><span>\($0.1)</span></div>" }
            .joined() + "</div>"

        if let figures = rollup.figures[plan.id] {
            body += "<div class=\"tiles\">"
                + tile(t("Open pipeline", "在途商机"), moneyValue(figures.pipeline.open)) + tile(t("Weighted pipeline", "加权商机金额"), moneyValue(figures.pipeline.weighted))
                + tile(t("Won", "已赢单"), moneyValue(figures.pipeline.won))
                + tile(t("Actions", "行动计划"), t("\(figures.actions.open) open", "\(figures.actions.open) 项未完成"),
                       detail: t("\(figures.actions.overdue) overdue · \(figures.actions.done) done",
                                 "\(figures.actions.overdue) 项逾期 · \(figures.actions.done) 项已完成"))
                + tile(t("Health score", "健康评分"), "\(figures.score)<span class=\"unit\"> / 100</span>",
                       detail: "<a href=\"#health-score\">" + t("\(figures.band.rawValue): how it is reached", "\(figures.band.word(.zhCN))：评分如何得出") + "</a>")
                + "</div>"
            body += scoreSection(plan)
        }
        if !plan.stakeholders.isEmpty {
            let hasChart = plan.stakeholders.contains { $0.reportsTo != nil }
            body += "<h2>\(t("Stakeholders", "干系人"))</h2>" + HTML.table([t("Name", "姓名"), t("Title", "职务"), t("Role", "角色"), t("Relationship", "关系"), t("Owner", "负责人")] + (hasChart ? [t("Reports to", "汇报对象")] : []),
                                                         plan.stakeholders.map { row in
                [HTML.escape(row.name?.value ?? "—"), HTML.escape(row.title?.value ?? ""), HTML.escape(row.role?.value.rawValue ?? "—"),
                 HTML.escape(row.relationship?.value.rawValue ?? ""), row.owner.map { person($0.value) } ?? ""]
                    + (hasChart ? [HTML.escape(row.reportsTo?.value ?? "")] : [])
            })
            if let chart = SVGChart.orgChart(plan.stakeholders, language: language) {
                let gaps = OrgChartReporter.gaps(plan)
                body += "<h3>\(t("Organisation", "组织架构"))</h3>" + chart
                    + (gaps.isEmpty ? "" : "<p class=\"down\">" + t("Coverage gaps: ", "覆盖缺口：")
                        + HTML.escape(gaps.map { Localizer.translate($0, to: language) }.joined(separator: t("; ", "；"))) + t(".", "。") + "</p>")
            }
        }
        if !plan.installedBase.isEmpty {
            body += "<h2>\(t("Installed base", "已实施产品"))</h2>" + HTML.table([t("Product", "产品"), t("Modules", "模块"), t("Since", "始于"), t("Status", "状态")], plan.installedBase.map { row in
                [HTML.escape(row.product?.value ?? "—"), HTML.escape(row.modules?.value ?? ""), HTML.escape(row.since?.value ?? ""),
                 HTML.escape(row.status?.value.rawValue ?? "")]
            })
        }
        if !plan.opportunities.isEmpty { body += opportunities(plan, config: config) }
        if !plan.actions.isEmpty {
            body += "<h2>"
            body += t("Actions", "行动计划")
            body += "</h2><ul class=\"items tasks\">"
            for action in plan.actions {
                body += action.done ? "<li class=\"done\">☑" : "<li>☐"
                if let due = action.due {
                    body += " <span class=\"date\">"
                    body += due.value.description
                    body += "</span>"
                }
                if let owner = action.owner {
                    body += " <span class=\"muted\">"
                    body += person(owner.value)
                    body += "</span>"
                }
                body += " "
                body += HTML.escape(action.text)
                if Rollup.isOverdue(action, asOf: rollup.asOf) {
                    body += " <span class=\"badge bad\">"
                    body += t("overdue", "逾期")
                    body += "</span>"
                }
                body += "</li>"
            }
            body += "</ul>"
        }
        if !plan.moments.isEmpty {
            body += "<h2>"
            body += t("Moments of truth", "关键时刻")
            body += "</h2><ul class=\"items\">"
            for moment in plan.moments {
                body += "<li><span class=\"date\">"
                body += moment.date?.value.description ?? "—"
                body += "</span>"
                if let person = moment.person {
                    body += " <span class=\"muted\">"
                    body += self.person(person.value)
                    body += "</span>"
                }
                body += " "
                body += HTML.escape(moment.text)
                body += "</li>"
            }
            body += "</ul>"
        }
        for table in plan.schemaTables where !table.rows.isEmpty {
            guard let spec = config.schema.section(id: table.section) else { continue }
            let numeric = Set(spec.columns.indices.filter { [.money, .percent, .integer].contains(spec.columns[$0].type) })
            body += "<h2>\(HTML.escape(spec.headings.first ?? spec.id))</h2>" + HTML.table(spec.columns.map(\.header), table.rows.map { row in
                spec.columns.map { column in
                    guard let text = row.cells[column.id]?.value else { return "" }
                    if column.type == .money, case .success(let money) = Money.parse(text) { return amount(money) }
                    return HTML.escape(text)
                }
            }, numericColumns: numeric)
        }
        for section in proseSections(plan) {
            body += "<section class=\"prose\"><h2>\(HTML.escape(section.heading))</h2>\(section.html)</section>"
        }
        var crumbs: [String] = []
        if let industry = header.industry?.value { crumbs.append(groupLink(.industry, industry, depth: 1)) }
        crumbs.append(HTML.escape(name))
        return document(title: t("\(name) – account plan", "\(name) – 客户计划"), depth: 1, crumbs: crumbs, lang: language(of: plan), body: body)
    }

    /// The opportunities table: amounts converted to the workspace currency, probability (the
    /// stage default when the cell is empty), weighted amount of open opportunities, and totals
    /// that match the rollup's pipeline.
    func opportunities(_ plan: Plan, config: WorkspaceConfig) -> String {
        var output = ""
        output.reserveCapacity(600 + 260 * plan.opportunities.count)
        output += "<h2>"
        output += t("Opportunities", "商机")
        output += "</h2>"
        var table = HTMLTable(&output, header: [t("ID", "编号"), t("Name", "名称"), t("Stage", "阶段"), t("Amount", "金额"), t("Probability", "概率"),
                                                t("Weighted (\(rollup.currency))", "加权（\(rollup.currency)）"), t("Close", "成交日期")],
                              numericColumns: [3, 4, 5])
        for opportunity in plan.opportunities {
            let closed = opportunity.isClosed(config)
            table.startRow(&output)
            table.cell(&output, HTML.escape(opportunity.id?.value ?? "—"))
            table.cell(&output, HTML.escape(opportunity.name?.value ?? ""))
            table.cell(&output, HTML.escape(opportunity.stage?.value ?? "—"))
            table.cell(&output, opportunity.amount.map { amount($0.value) } ?? "—")
            table.openCell(&output)
            if let probability = opportunity.effectiveProbability(config) {
                output += probability.plainString
                output += "%"
                if opportunity.probability == nil { output += " <span class=\"muted\">(stage)</span>" }
            } else {
                output += "—"
            }
            table.closeCell(&output)
            table.cell(&output, closed ? "<span class=\"muted\">closed</span>" : opportunity.weightedAmount(config).map(Format.amount) ?? "—")
            table.openCell(&output)
            output += opportunity.close.map { date($0.value) } ?? "—"
            if !closed, let date = opportunity.close?.value, date < rollup.asOf {
                output += " <span class=\"badge warn\">"
                output += t("past close", "已过成交日期")
                output += "</span>"
            }
            table.closeCell(&output)
            table.endRow(&output)
        }
        table.end(&output)
        if let figures = rollup.figures[plan.id] {
            output += "<p class=\"note\">" + t("Open pipeline \(money(figures.pipeline.open)), weighted \(money(figures.pipeline.weighted)), "
                + "won \(money(figures.pipeline.won)).",
                "在途商机 \(money(figures.pipeline.open))，加权 \(money(figures.pipeline.weighted))，"
                + "已赢单 \(money(figures.pipeline.won))。") + "</p>"
        }
        return output
    }

    /// An amount as written, converted to the workspace currency when written in another.
    func amount(_ value: Money) -> String {
        let written = (value.currency.map { $0 + " " } ?? "") + Format.amount(value.amount)
        guard let currency = value.currency, currency != rollup.currency else { return money(workspace.config.convert(value)) }
        guard let converted = workspace.config.convert(value) else {
            return HTML.escape(written) + " <span class=\"badge bad\">no fx rate</span>"
        }
        return HTML.escape(written) + " <span class=\"muted\">= \(money(converted))</span>"
    }

    /// The plan's lint findings, when it has any.
    func lintBox(_ path: String) -> String {
        guard let found = diagnosticsByPath[path], !found.isEmpty else { return "" }
        let errors = found.filter { $0.severity == .error }.count
        var output = "<div class=\"banner\(errors > 0 ? " bad" : "")\"><strong>"
            + t("acctplan lint: \(errors) error\(errors == 1 ? "" : "s"), \(found.count - errors) warning\(found.count - errors == 1 ? "" : "s")",
                "acctplan lint：\(errors) 个错误，\(found.count - errors) 个警告") + "</strong>"
        if errors > 0 { output += t(" — values that could not be read are left out of the figures.", "——无法读取的值不计入各项数字。") }
        output += "<ul class=\"items\">" + found.prefix(50).map { diagnostic in
            "<li><code>\(diagnostic.line):\(diagnostic.column)</code> \(LintWords.severity(diagnostic.severity, in: language)): "
                + "\(HTML.escape(Localizer.translate(diagnostic.message, to: language))) <span class=\"muted\">[\(HTML.escape(diagnostic.rule.description))]</span></li>"
        }.joined()
        if found.count > 50 {
            output += t("<li>… and \(found.count - 50) more: run <code>acctplan lint</code>.</li>",
                        "<li>……另有 \(found.count - 50) 条：请运行 <code>acctplan lint</code>。</li>")
        }
        return output + "</ul></div>"
    }

    /// An amount as a tile's value: the currency small, the number large.
    func moneyValue(_ value: Decimal) -> String {
        "<span class=\"unit\">\(HTML.escape(rollup.currency))</span> " + Format.amount(value)
    }

    func tile(_ label: String, _ value: String, detail: String? = nil) -> String {
        "<div class=\"tile\"><div class=\"label\">\(HTML.escape(label))</div><div class=\"value\">\(value)</div>"
            + (detail.map { "<div class=\"detail\">\($0)</div>" } ?? "") + "</div>"
    }
}
