extension MessageCatalogue {
    /// The workspace rules' messages and hints (`Sources/PlanEngine/Rules`), and the words their
    /// messages are built from.
    static let rules: [(String, String)] = [
        // config
        ("'{1}' is always an error; this setting is ignored", "“{1}”始终是错误，此设置不起作用"),
        ("a file with merge-conflict markers is not read at all, so its problem cannot be hidden; remove this line",
         "含合并冲突标记的文件根本不会被读取，其问题无法隐藏；请删除此行"),
        ("unknown rule '{1}'", "未知规则“{1}”"),
        ("'acctplan rules' lists every rule id", "“acctplan rules”列出所有规则编号"),
        // duplicate-id
        ("{~1} id '{2}' is already used by {3}", "{~1}编号“{2}”已被 {3} 使用"),
        ("{~1} id '{2}' is also used by {3}", "{~1}编号“{2}”也被 {3} 使用"),
        ("rename one of the files: ids are unique per kind, whatever the sub-folder",
         "请重命名其中一个文件：同类计划的编号必须唯一，与所在子文件夹无关"),
        // health-mismatch
        ("health is {~1} but the computed health score is {2} ({~3})", "health 为{~1}，但计算得出的健康评分为 {2}（{~3}）"),
        ("'acctplan score {1} --explain' shows where each point comes from; update `health:` or add what the plan leaves out",
         "“acctplan score {1} --explain”会列出每一分的来源；请更新 `health:`，或补充计划中缺少的内容"),
        // no-sponsor
        ("no stakeholder is a decision-maker or sponsor", "干系人中没有决策者或发起人"),
        ("find who decides at {1} and add them to Stakeholders", "请找出 {1} 的决策人，并将其加入干系人表"),
        // overdue-action
        ("action '{1}' was due {2}, {3} day ago", "行动“{1}”应于 {2} 完成，已逾期 {3} 天"),
        ("action '{1}' was due {2}, {3} days ago", "行动“{1}”应于 {2} 完成，已逾期 {3} 天"),
        ("tick it ('- [x]') if it is done, or agree a new date", "如已完成，请勾选（“- [x]”）；否则请商定新的日期"),
        // past-close
        ("open opportunity '{1}' was to close {2}", "未关闭的商机“{1}”原定于 {2} 成交"),
        ("move it to won or lost, or set a new close date", "请将其改为 won（赢单）或 lost（丢单），或设定新的成交日期"),
        // reporting-cycle
        ("Reports to goes round in a circle: {1}", "汇报对象形成了循环：{1}"),
        ("leave Reports to empty for the top person of the circle", "请将循环中最高层人员的汇报对象留空"),
        // stale-review
        ("plan was last reviewed {1} days ago ({2}); the interval is {3} days",
         "计划上次评审于 {1} 天前（{2}）；评审周期为 {3} 天"),
        ("review the plan with the account team and update `reviewed:`", "请与客户团队一起评审计划，并更新 `reviewed:`"),
        // target-gap
        ("revenue target {1} {2} is {3} above the members' planned {4}",
         "收入目标 {1} {2} 比成员客户的计划合计 {4} 高出 {3}"),
        ("raise member accounts' revenue_target or lower the {~1} target", "请提高成员客户的 revenue_target，或降低该{~1}的目标"),
        // undated-action
        ("open action '{1}' has no due date", "未完成的行动“{1}”没有截止日期"),
        ("write the date after the box: '- [ ] 2027-01-15 @owner ...'", "请在复选框后写上日期：“- [ ] 2027-01-15 @负责人 ...”"),
        // unknown-currency
        ("no exchange rate for {1}: amounts must convert to {2}", "没有 {1} 的汇率：金额必须能换算为 {2}"),
        ("add {1} under fx: in acctplan.yml (units of {2} per {3})", "请在 acctplan.yml 的 fx: 下添加 {1}（每 1 {3} 折合多少 {2}）"),
        // unknown-person
        ("{~1} '{2}' is not in people:", "{~1}“{2}”不在 people: 中"),
        ("add {1} under people: in acctplan.yml", "请在 acctplan.yml 的 people: 下添加 {1}"),
        // unknown-reference
        ("industry '{1}' has no plan", "行业“{1}”没有计划"),
        ("segment '{1}' has no plan", "细分市场“{1}”没有计划"),
        ("add industries/{1}.md ('acctplan new industry {2} --owner PERSON')", "请添加 industries/{1}.md（“acctplan new industry {2} --owner PERSON”）"),
        ("add segments/{1}.md ('acctplan new segment {2} --owner PERSON')", "请添加 segments/{1}.md（“acctplan new segment {2} --owner PERSON”）"),
        ("'{1}' (Reports to) is no stakeholder of this plan", "“{1}”（汇报对象）不是本计划的干系人"),
        ("name a row of the Stakeholders table, or leave the cell empty for the top of the organisation",
         "请填写干系人表中某一行的姓名；组织最高层人员请留空"),
        ("'#{1}' is not an opportunity of this plan", "“#{1}”不是本计划的商机"),
        ("offering '{1}' is not in acctplan.yml's offerings", "产品线“{1}”不在 acctplan.yml 的 offerings 中"),
        ("name an id of offerings: in acctplan.yml, or add {id: {1}, name: ...} there",
         "请填写 acctplan.yml 中 offerings: 的某个编号，或在那里添加 {id: {1}, name: ...}"),
        // unknown-stage
        ("unknown {~1} '{2}'", "未知的{~1}“{2}”"),
        ("stages are: {1} (set in acctplan.yml)", "可用阶段：{1}（在 acctplan.yml 中设置）"),

        // Words messages are built from.
        ("account", "客户"), ("industry", "行业"), ("segment", "细分市场"),
        ("manager", "客户经理"), ("owner", "负责人"), ("team member", "团队成员"),
        ("stakeholder owner", "干系人负责人"), ("action owner", "行动负责人"), ("person", "人员"),
        ("lifecycle stage", "生命周期阶段"), ("opportunity stage", "商机阶段"),
        ("green", "绿色"), ("yellow", "黄色"), ("amber", "黄色"), ("red", "红色"),
        ("the plan", "该计划"), ("front matter", "前置元数据"),
        ("stakeholder", "干系人"), ("product", "产品"), ("opportunity ID", "商机编号"),
        ("stakeholders", "干系人"), ("installed base", "已实施产品"), ("opportunities", "商机"),
        ("actions", "行动计划"), ("moments of truth", "关键时刻"),
        ("field", "字段"), ("option", "选项"), ("entity", "对象"), ("view", "视图"),
    ]
}
