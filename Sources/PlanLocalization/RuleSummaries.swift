import PlanModel

/// What each lint rule finds, in Chinese, for `acctplan rules` (a test holds every rule of the
/// registry to an entry; the English is each rule's `RuleDescription.summary`).
public enum RuleSummaries {
    public static func summary(_ id: RuleID, english: String, in language: UILanguage) -> String {
        guard language == .zhCN else { return english }
        return chinese[id.rawValue] ?? english
    }

    static let chinese: [String: String] = [
        "config": "acctplan.yml 有误：未知设置、错误的值、未知的规则编号",
        "duplicate-id": "同类的两个计划使用了同一个编号（文件名），例如位于两个子文件夹中",
        "duplicate-key": "同一章节中两行或两项的键相同（干系人姓名、产品、商机编号、行动内容、关键时刻的日期和内容）",
        "duplicate-section": "已识别的章节（干系人、已实施产品、商机、行动计划、关键时刻）出现了两次",
        "encoding": "文件不是 UTF-8 文本（含无效字节序列或 NUL 字节），或根本无法读取",
        "front-matter": "前置元数据缺失、未结束、不是映射、YAML 语法错误、使用了别名或锚点、标签，或键重复",
        "health-mismatch": "客户手工填写的 `health:` 为绿色而计算出的健康评分为红色，或反之（docs/score.md）",
        "id-mismatch": "`id` 与文件名不一致、`kind` 与所在文件夹不符，或文件名不是有效编号",
        "invalid-value": "值的类型或写法有误（日期、金额、百分数、枚举值、编号）",
        "merge-conflict": "计划或 acctplan.yml 有未解决的合并冲突：`<<<<<<<`、`|||||||`、`=======` 和 `>>>>>>>` 行，"
            + "或 git 索引中的冲突状态；解决之前不读取该文件。始终是错误：不能关闭，也不能降为警告",
        "missing-field": "缺少必填的前置元数据字段、表格列或单元格，或列表项的值（前置元数据字段写成空的引号字符串也算缺少）",
        "no-sponsor": "客户计划的干系人中没有角色为决策者或发起人的人",
        "outside-workspace": "计划文件是指向工作区之外的链接，或不是普通文件（FIFO、设备）；不读取",
        "overdue-action": "未完成行动的截止日期早于评估日期",
        "past-close": "处于未关闭阶段的商机，其成交日期早于评估日期",
        "reporting-cycle": "干系人表的汇报对象列形成了循环",
        "stale-review": "计划的 `reviewed` 日期早于评估日期超过 `review_interval_days`（默认 90 天）",
        "target-gap": "行业或细分市场的 `targets.revenue` 高于其成员客户 `revenue_target` 之和",
        "too-large": "计划超出限制：每个文件 4 MiB、每个表格 10,000 行、每行 256 列或 1,000,000 个单元格；或计划文件夹嵌套超过 64 层",
        "undated-action": "未完成的行动没有截止日期",
        "unknown-currency": "金额的币种既不是工作区货币，也未列在 `fx:` 中",
        "unknown-field": "前置元数据的键既不是计划格式定义的，也未在 acctplan.yml 的 `fields:` 中声明；或表格某行在表头各列之外还有单元格",
        "unknown-person": "人员编号（manager、team、owner、行动或关键时刻的 @负责人、干系人的负责人）不在 `people:` 中",
        "unknown-reference": "客户的行业或细分市场没有计划文件、行动的 `#编号` 不是本计划的商机，或干系人的汇报对象不在表中",
        "unknown-stage": "生命周期阶段（客户的 `stage`、`targets.stages`）或商机阶段未在配置中定义",
    ]
}
