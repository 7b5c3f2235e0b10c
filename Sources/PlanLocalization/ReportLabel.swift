import PlanModel

/// The fixed words of the reports for people (`show`, `diff`, `rollup` text and Markdown): one
/// case each, and an exhaustive `switch` per language, so a label cannot exist in one language
/// and not the other (the compiler refuses it). Values (ids, stages, amounts, dates) are never
/// labels: they are printed as written.
public enum ReportLabel: CaseIterable, Sendable, TwoLanguageLabel {
    // kinds of plan and rollup dimensions
    case account, industry, segment
    // show
    case stakeholders, installedBase, opportunities, actions, momentsOfTruth
    case relationship, owner, reportsTo, since, stageDefault, close, offering, otherSections
    // rollup
    case lifecycleRollupAsOf, stages, group, accounts, target, gap, openPipeline, weighted, overdue, stale, score
    case greenAmberRed, moved, noPlan, total, movesSince, theStart, none, stageTrend, lifecycleMoves
    case revenueTarget, planned, overdueActions, meanScore
    // rollup --since: an account's stage then or now when it has none
    case newAccount, removedAccount, noStage
    // diff
    case what, before, after, added, removed, newPlan, removedPlan, noPlanChanges, runLint

    /// The label of a kind of plan or a rollup dimension (`account`, `industry`, `segment`);
    /// nil for a word that is none of them.
    public static func kind(_ rawValue: String) -> ReportLabel? {
        switch rawValue {
        case "account": .account
        case "industry": .industry
        case "segment": .segment
        default: nil
        }
    }

    /// `rawValue` (a kind or dimension id) in `language`, or as it is.
    public static func kind(_ rawValue: String, in language: UILanguage) -> String {
        language == .en ? rawValue : kind(rawValue)?.text(language) ?? rawValue
    }


    public var english: String {
        switch self {
        case .account: "account"
        case .industry: "industry"
        case .segment: "segment"
        case .stakeholders: "Stakeholders"
        case .installedBase: "Installed base"
        case .opportunities: "Opportunities"
        case .actions: "Actions"
        case .momentsOfTruth: "Moments of truth"
        case .relationship: "relationship"
        case .owner: "owner"
        case .reportsTo: "reports to"
        case .since: "since"
        case .stageDefault: "stage default"
        case .close: "close"
        case .offering: "offering"
        case .otherSections: "Other sections"
        case .lifecycleRollupAsOf: "Lifecycle rollup as of"
        case .stages: "stages"
        case .group: "group"
        case .accounts: "accounts"
        case .target: "target"
        case .gap: "gap"
        case .openPipeline: "open pipeline"
        case .weighted: "weighted"
        case .overdue: "overdue"
        case .stale: "stale"
        case .score: "score"
        case .greenAmberRed: "green/amber/red"
        case .moved: "moved"
        case .noPlan: "no plan"
        case .total: "total"
        case .movesSince: "Moves since"
        case .theStart: "the start"
        case .none: "none"
        case .stageTrend: "Stage trend"
        case .lifecycleMoves: "Lifecycle moves"
        case .revenueTarget: "revenue target"
        case .planned: "planned"
        case .overdueActions: "overdue actions"
        case .meanScore: "mean score"
        case .newAccount: "(new)"
        case .removedAccount: "(removed)"
        case .noStage: "(no stage)"
        case .what: "what"
        case .before: "before"
        case .after: "after"
        case .added: "added"
        case .removed: "removed"
        case .newPlan: "New plan"
        case .removedPlan: "Removed plan"
        case .noPlanChanges: "no plan changes between"
        case .runLint: "run acctplan lint"
        }
    }

    public var chinese: String {
        switch self {
        case .account: "客户"
        case .industry: "行业"
        case .segment: "细分市场"
        case .stakeholders: "干系人"
        case .installedBase: "已实施产品"
        case .opportunities: "商机"
        case .actions: "行动计划"
        case .momentsOfTruth: "关键时刻"
        case .relationship: "关系"
        case .owner: "负责人"
        case .reportsTo: "汇报对象"
        case .since: "始于"
        case .stageDefault: "阶段默认值"
        case .close: "成交日期"
        case .offering: "产品线"
        case .otherSections: "其他章节"
        case .lifecycleRollupAsOf: "生命周期汇总，截至"
        case .stages: "阶段"
        case .group: "分组"
        case .accounts: "客户数"
        case .target: "目标"
        case .gap: "缺口"
        case .openPipeline: "在途商机"
        case .weighted: "加权金额"
        case .overdue: "逾期"
        case .stale: "待评审"
        case .score: "评分"
        case .greenAmberRed: "绿/黄/红"
        case .moved: "变动"
        case .noPlan: "无计划"
        case .total: "合计"
        case .movesSince: "阶段变动，自"
        case .theStart: "起始"
        case .none: "无"
        case .stageTrend: "阶段趋势"
        case .lifecycleMoves: "生命周期阶段变动"
        case .revenueTarget: "收入目标"
        case .planned: "计划收入"
        case .overdueActions: "逾期行动"
        case .meanScore: "平均评分"
        case .newAccount: "（新增）"
        case .removedAccount: "（已删除）"
        case .noStage: "（无阶段）"
        case .what: "项目"
        case .before: "之前"
        case .after: "之后"
        case .added: "新增"
        case .removed: "删除"
        case .newPlan: "新计划"
        case .removedPlan: "已删除的计划"
        case .noPlanChanges: "计划没有变化："
        case .runLint: "请运行 acctplan lint"
        }
    }
}
