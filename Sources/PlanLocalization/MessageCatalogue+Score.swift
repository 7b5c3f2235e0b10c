extension MessageCatalogue {
    /// The health score's reckonings and evidence (`HealthScore+Components`): what `score
    /// --explain` and the dashboard's account page show beside each component's points. Values
    /// (names, roles, dates, amounts, stage ids) stay as written.
    static let score: [(String, String)] = [
        // Reckonings.
        ("(decision-maker {1} + sponsor {2} + {3}/5 stakeholders) / 3", "（决策者 {1} + 发起人 {2} + {3}/5 名干系人）/ 3"),
        ("{1} of {2} stakeholders", "{2} 名干系人中的 {1}"),
        ("no stakeholders", "没有干系人"),
        ("no reviewed date", "没有评审日期（reviewed:）"),
        ("within {1} days", "{1} 天内"),
        ("over {1} days ago", "超过 {1} 天前"),
        ("no open action", "没有未完成的行动"),
        ("{1} open, none overdue", "{1} 项未完成，均未逾期"),
        ("the most overdue action is {1} days late (1–7)", "逾期最久的行动已晚 {1} 天（1–7 天）"),
        ("the most overdue action is 1 day late (1–7)", "逾期最久的行动已晚 1 天（1–7 天）"),
        ("the most overdue action is {1} days late (over 7)", "逾期最久的行动已晚 {1} 天（超过 7 天）"),
        ("no revenue target", "没有收入目标"),
        ("the revenue target is 0", "收入目标为 0"),
        // Evidence.
        ("{1}: no role", "{1}：没有角色"),
        ("{1}: no relationship ({2})", "{1}：没有关系（{2}）"),
        ("no stakeholder is a decision-maker", "没有干系人是决策者"),
        ("no stakeholder is a sponsor", "没有干系人是发起人"),
        ("no stakeholders named", "未列出干系人"),
        ("reviewed {1}, {2} days before {3}: {~4}", "评审于 {1}，在 {3} 之前 {2} 天：{~4}"),
        ("reviewed {1}, 1 day before {2}: {~3}", "评审于 {1}，在 {2} 之前 1 天：{~3}"),
        ("next open action due {1}: {2}", "下一项未完成的行动，到期 {1}：{2}"),
        ("next open action: {1}", "下一项未完成的行动：{1}"),
        ("due {1}, {2} days late: {3}", "到期 {1}，已晚 {2} 天：{3}"),
        ("due {1}, 1 day late: {2}", "到期 {1}，已晚 1 天：{2}"),
        ("{1}: amount not counted (no amount or no fx rate)", "{1}：金额未计入（没有金额或没有汇率）"),
        ("{1}: {2} {3} {4}, closed {5} in this fiscal year", "{1}：{2} {3} {4}，本财年 {5} 成交"),
        ("no revenue_target (in {1})", "没有 revenue_target（以 {1} 计）"),
        ("revenue_target is 0: no target to cover", "revenue_target 为 0：没有要覆盖的目标"),
        ("revenue_target {1}: no fx rate to {2} in acctplan.yml", "revenue_target {1}：acctplan.yml 中没有折算为 {2} 的汇率"),
        // The organisation chart's coverage gaps (`OrgChartReporter.gaps`).
        ("no sponsor", "没有发起人"),
        ("no decision-maker", "没有决策者"),
        ("decision-maker {1} has a {2} relationship", "决策者 {1} 的关系为 {2}"),
    ]
}
