/// The plan format of docs/format.md, as data: the one declaration the parser, `fmt`, the diff,
/// `show`, the HTML pages and `new` read.
extension PlanSchema {
    /// The plan format of docs/format.md.
    public static let standard = PlanSchema(
        fields: [
            FieldSpec("kind", kinds: [.account, .industry, .segment], type: .choice(PlanKind.allCases.map(\.rawValue)),
                      summary: "The plan's kind; optional, must match the folder."),
            FieldSpec("id", kinds: [.account, .industry, .segment], type: .identifier,
                      summary: "The plan's id; optional, must match the file name."),
            FieldSpec("name", kinds: [.account, .industry, .segment], requiredIn: [.account, .industry, .segment], type: .text,
                      summary: "The customer's, industry's or segment's name as people write it."),
            FieldSpec("industry", kinds: [.account], requiredIn: [.account], type: .identifier,
                      summary: "The id of the account's industry plan (industries/ID.md)."),
            FieldSpec("segments", kinds: [.account], type: .identifierList,
                      summary: "The ids of the segment plans the account belongs to (segments/ID.md)."),
            FieldSpec("stage", kinds: [.account], requiredIn: [.account], type: .lifecycleStage,
                      summary: "Where the account is on the lifecycle S-curve: a stage of acctplan.yml's lifecycle."),
            FieldSpec("manager", kinds: [.account], requiredIn: [.account], type: .person,
                      summary: "The account manager who owns the plan: a person id of acctplan.yml."),
            FieldSpec("owner", kinds: [.industry, .segment], requiredIn: [.industry, .segment], type: .person,
                      summary: "The person who owns the industry or segment plan: a person id of acctplan.yml."),
            FieldSpec("team", kinds: [.account], type: .personList,
                      summary: "The account team: person ids of acctplan.yml."),
            FieldSpec("abu", kinds: [.account], type: .text,
                      summary: "The dedicated account business unit, for the largest accounts."),
            FieldSpec("region", kinds: [.account], type: .text, summary: "The sales region."),
            FieldSpec("health", kinds: [.account], type: .choice(Health.allCases.map(\.rawValue)),
                      summary: "The account team's judgement of the relationship: green, yellow or red."),
            FieldSpec("since", kinds: [.account], type: .date, summary: "When the customer relationship began."),
            FieldSpec("reviewed", kinds: [.account, .industry, .segment], requiredIn: [.account], type: .date,
                      summary: "When the plan was last reviewed; stale after review_interval_days."),
            FieldSpec("revenue_target", kinds: [.account], type: .money,
                      summary: "The account's revenue target for the fiscal year; rolled up against its industry's and segments' targets."),
            FieldSpec("fiscal_year", kinds: [.industry, .segment], type: .integer, summary: "The fiscal year the targets are for."),
            FieldSpec("targets", kinds: [.industry, .segment], type: .targets,
                      summary: "revenue, accounts and stages: the targets the member accounts roll up against."),
        ],
        sections: [
            SectionSpec(id: SectionKind.stakeholders.rawValue, headings: ["Stakeholders", "干系人", "关键人物"], kinds: [.account],
                        shape: .table(columns: [
                            ColumnSpec("name", aliases: ["姓名"], type: .text, required: true),
                            ColumnSpec("title", aliases: ["职务"], type: .text),
                            ColumnSpec("role", aliases: ["角色"], type: .choice(StakeholderRole.allCases.map(\.rawValue)), required: true,
                                       valueAliases: roleAliases),
                            ColumnSpec("relationship", aliases: ["关系"], type: .choice(Relationship.allCases.map(\.rawValue)),
                                       valueAliases: relationshipAliases),
                            ColumnSpec("owner", aliases: ["负责人"], type: .person),
                            ColumnSpec("reports to", aliases: ["汇报对象"], type: .text),
                        ], key: "name"), itemName: "stakeholder"),
            SectionSpec(id: SectionKind.installedBase.rawValue, headings: ["Installed base", "已实施产品"], kinds: [.account],
                        shape: .table(columns: [
                            ColumnSpec("product", aliases: ["产品"], type: .text, required: true),
                            ColumnSpec("modules", aliases: ["模块"], type: .text),
                            ColumnSpec("since", aliases: ["始于"], type: .yearOrDate),
                            ColumnSpec("status", aliases: ["状态"], type: .choice(InstallStatus.allCases.map(\.rawValue))),
                            ColumnSpec("offering", aliases: ["产品线"], type: .identifier),
                        ], key: "product"), itemName: "installed product"),
            SectionSpec(id: SectionKind.opportunities.rawValue, headings: ["Opportunities", "商机"], kinds: [.account],
                        shape: .table(columns: [
                            ColumnSpec("id", aliases: ["编号"], type: .identifier, required: true),
                            ColumnSpec("name", aliases: ["名称"], type: .text, required: true),
                            ColumnSpec("stage", aliases: ["阶段"], type: .opportunityStage, required: true),
                            ColumnSpec("amount", aliases: ["金额"], type: .money, required: true),
                            ColumnSpec("probability", aliases: ["概率"], type: .percent),
                            ColumnSpec("close", aliases: ["成交日期"], type: .date, required: true),
                            ColumnSpec("offering", aliases: ["产品线"], type: .identifier),
                        ], key: "id"), itemName: "opportunity", itemNamePlural: "opportunities"),
            SectionSpec(id: SectionKind.actions.rawValue, headings: ["Actions", "Action plan", "行动计划", "行动"],
                        kinds: [.account, .industry, .segment], shape: .taskList,
                        itemName: "action"),
            SectionSpec(id: SectionKind.moments.rawValue, headings: ["Moments of truth", "MOT", "关键时刻"], kinds: [.account],
                        shape: .datedList, itemName: "moment of truth", itemNamePlural: "moments of truth"),
        ])
}

extension PlanSchema {
    /// The Chinese words for the stakeholder roles (docs/format.md): aliases of the English ids.
    public static let roleAliases: [String: String] = [
        "决策者": StakeholderRole.decisionMaker.rawValue, "发起人": StakeholderRole.sponsor.rawValue,
        "影响者": StakeholderRole.influencer.rawValue, "用户": StakeholderRole.user.rawValue,
        "把关者": StakeholderRole.gatekeeper.rawValue,
    ]

    /// The Chinese words for the relationship strengths: aliases of the English ids.
    public static let relationshipAliases: [String: String] = [
        "强": Relationship.strong.rawValue, "中": Relationship.medium.rawValue,
        "弱": Relationship.weak.rawValue, "无": Relationship.none.rawValue,
    ]
}
