import PlanModel

extension HTMLReport {
    /// `definitions.html`: what every number of the dashboard means, inside the report itself
    /// (it is read offline, away from acctplan's documentation; docs/rollups.md says the same at
    /// length).
    func definitionsPage() -> String {
        let config = workspace.config
        let stages = config.lifecycle.map { HTML.escape($0.label) }.joined(separator: " → ")
        let closed = config.opportunityStages.filter(\.closed).map { HTML.escape($0.id) }.joined(separator: ", ")
        let rows: [[String]] = language == .en ? [
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
        ] : [
            ["客户数", "行业或细分市场的成员客户计划。"],
            ["各阶段客户数", "处于各生命周期阶段的成员客户：\(stages)。"],
            ["阶段目标", "行业或细分市场计划在 <code>targets.stages</code> 下为各阶段写明的目标，以及<strong>已达到或超过</strong>该阶段的成员数。"],
            ["收入目标", "行业或细分市场计划的 <code>targets.revenue</code>。"],
            ["客户计划合计", "成员客户 <code>revenue_target</code> 之和；没有填写的客户不计入。"],
            ["差距", "收入目标减去计划收入。<em>缺口</em>：客户计划尚未覆盖目标；<em>超出</em>：客户经理的计划高于目标。"],
            ["未关闭商机", "成员客户未关闭商机（不处于已关闭阶段：\(closed)）的金额之和。"],
            ["加权商机", "同一批商机，每笔金额 × 其概率：取“概率”单元格，为空时取该阶段的默认概率。"],
            ["赢单", "处于 <code>won</code> 阶段的商机金额之和。"],
            ["未完成、逾期和已完成的行动", "未勾选的 <code>- [ ]</code> 条目；其中到期日<strong>早于</strong>统计日期（\(rollup.asOf)）的；已勾选的 <code>- [x]</code> 条目。"],
            ["过期未评审的计划", "<code>reviewed</code> 日期早于统计日期 \(config.reviewIntervalDays) 天以上的计划。"],
            ["健康状况", "按 <code>health:</code> 统计的成员：绿色、黄色、红色或未填写。"],
            ["阶段变动", "自指定日期或版本以来阶段上升或下降的客户；<em>new</em>（新增）：当时不存在的计划；<em>removed</em>（删除）：现已不存在的计划；<em>(no stage)</em>：没有阶段的计划。"],
            ["阶段走势", "每个期末各生命周期阶段的客户数，读取当天在 git 中提交的计划。"],
        ]
        let body = t("<h1>How every number is defined</h1><p class=\"subtitle\">All amounts are in \(HTML.escape(rollup.currency)), "
            + "converted with the rates of <code>acctplan.yml</code>; all dates are judged as of \(rollup.asOf). The acctplan "
            + "documentation (docs/rollups.md) gives each definition with examples.</p>",
            "<h1>各项数字的定义</h1><p class=\"subtitle\">所有金额均以 \(HTML.escape(rollup.currency)) 计，按 <code>acctplan.yml</code> "
            + "中的汇率换算；所有日期均以 \(rollup.asOf) 为统计日期判断。acctplan 文档（docs/rollups.md）给出了每项定义及示例。</p>")
            + HTML.table([t("Number", "数字"), t("Meaning", "含义")], rows.map { [HTML.escape($0[0]), $0[1]] })
            + t("<h2 id=\"whitespace\">Whitespace map</h2><p>Accounts × the offerings of <code>offerings:</code> in "
            + "<code>acctplan.yml</code>, from the Offering column of the Installed base and Opportunities tables. A cell is "
            + "<strong>installed</strong> (an installed product that is live or implementing, or has no status), "
            + "<strong>won</strong> (an opportunity at a won stage), <strong>pipeline</strong> (an open opportunity), "
            + "<strong>lost</strong> (another closed stage), or empty: <strong>whitespace</strong>, nothing sold there. "
            + "Several rows for one offering: the first of installed, won, pipeline, lost. A retired product counts for "
            + "nothing. The acctplan documentation (docs/whitespace.md) has the details.</p>",
            "<h2 id=\"whitespace\">空白点地图</h2><p>客户 × <code>acctplan.yml</code> 中 <code>offerings:</code> 列出的产品线，"
            + "取自“已实施产品”和“商机”表的“产品线”（Offering）列。每个单元格是"
            + "<strong>已实施</strong>（运行中、实施中或未写状态的已实施产品）、<strong>已赢单</strong>（处于赢单阶段的商机）、"
            + "<strong>商机中</strong>（未关闭的商机）、<strong>已丢单</strong>（其他已关闭阶段），或为空：<strong>空白</strong>，"
            + "即从未销售。同一产品线有多行时，按已实施、已赢单、商机中、已丢单的顺序取第一个。已停用（retired）的产品不计入。"
            + "acctplan 文档（docs/whitespace.md）有详细说明。</p>")
        return document(title: t("How every number is defined", "各项数字的定义"), depth: 0, crumbs: [t("Definitions", "定义")], body: body)
    }
}
