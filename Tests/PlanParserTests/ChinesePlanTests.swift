import Foundation
import PlanModel
import PlanParser
import Testing

/// A plan written entirely in Chinese: the Chinese section headings of PLAN_FORMAT.md §3 and the
/// Chinese column headers (an acctplan extension, docs/format.md). Columns count characters (code
/// points), so a diagnostic after Chinese text points where an editor's cursor would.
struct ChinesePlanTests {
    static let text = """
        ---
        name: 浙江烟草工业集团
        industry: tobacco
        segments: [installed-base-high-end]
        stage: industry-solution
        manager: ma-tao
        region: 华东
        reviewed: 2026-10-28
        ---
        # 浙江烟草工业集团 客户计划

        客户自 2014 年起使用我方财务系统。

        ## 干系人

        | 姓名 | 职务 | 角色 | 关系 | 负责人 |
        | ---- | ---- | ---- | ---- | ------ |
        | 张伟 | 信息中心主任 | decision-maker | medium | ma-tao |
        | 李娜 | 财务部部长 | 赞助人 | strong | 马涛 |

        ## 已实施产品

        | 产品 | 模块 | 始于 | 状态 |
        | ---- | ---- | ---- | ---- |
        | 财务云 | 总账、应收应付、资金 | 2014 | live |
        | 供应链 | 采购、库存、销售 | 2017年 | 运行中 |

        ## 商机

        | 编号 | 名称 | 阶段 | 金额 | 概率 | 成交日期 |
        | ---- | ---- | ---- | ---- | ---- | -------- |
        | opp-marketing-rollout | 营销解决方案全省推广 | propose | 3,000,000 | 60% | 2027-01-31 |
        | opp-budget-control | 全面预算管理 | qualify | 八十万 | 百分之六十 | 2027年4月30日 |

        ## 行动计划

        - [ ] 2026-12-10 @ma-tao 与财务部确认全面预算管理需求 #opp-budget-control
        - [x] 2026-08-25 @ma-tao 物流配送项目失利复盘

        ## 关键时刻

        - 2025-09-01 @zhao-lei 营销解决方案一期上线，首月订单处理零差错
        - 上线后 客户满意

        ## 风险

        - 竞争对手正以低价方案接触生产部。
        """

    @Test func sectionsAreRecognizedByTheirChineseHeadings() {
        let plan = parse(Self.text, id: "zhejiang-tobacco").plan
        #expect(plan.title == "浙江烟草工业集团 客户计划")
        #expect(plan.sections.map(\.heading) == ["干系人", "已实施产品", "商机", "行动计划", "关键时刻", "风险"])
        #expect(plan.sections.map(\.kind) == [.stakeholders, .installedBase, .opportunities, .actions, .moments, nil])
        #expect(plan.sections.map(\.location.line) == [14, 21, 28, 35, 40, 45])
    }

    @Test func frontMatterColumnsCountCharacters() {
        let header = parse(Self.text, id: "zhejiang-tobacco").plan.header
        #expect(header.name?.at == "浙江烟草工业集团@2:7")
        #expect(header.region?.at == "华东@7:9")
    }

    /// Every bad cell is reported at its column in characters, not bytes.
    @Test func badCellsAfterChineseTextAreReportedAtTheirCharacterColumn() {
        #expect(parse(Self.text, id: "zhejiang-tobacco").located == [
            "invalid-value 19:16", // Role 赞助人 (发起人 is the alias of sponsor)
            "invalid-value 19:31", // Owner 马涛 is no person id
            "invalid-value 26:20", // Since 2017年
            "invalid-value 26:28", // Status 运行中
            "invalid-value 33:43", // Amount 八十万
            "invalid-value 33:49", // Probability 百分之六十
            "invalid-value 33:57", // Close 2027年4月30日
            "missing-field 43:3", // a moment of truth without a date
        ])
    }

    @Test func chineseColumnHeadersFillTheKnownColumns() throws {
        let plan = parse(Self.text, id: "zhejiang-tobacco").plan
        try #require(plan.stakeholders.count == 2)
        #expect(plan.stakeholders[0].name?.at == "张伟@18:3")
        #expect(plan.stakeholders[0].title?.at == "信息中心主任@18:8")
        #expect(plan.stakeholders[0].role?.value == .decisionMaker)
        #expect(plan.stakeholders[0].role?.location == SourceLocation(line: 18, column: 17))
        #expect(plan.stakeholders[0].relationship?.value == .medium)
        #expect(plan.stakeholders[0].owner?.at == "ma-tao@18:43")
        #expect(plan.stakeholders[0].extra == [])
        #expect(plan.stakeholders[1].name?.at == "李娜@19:3")
        #expect(plan.stakeholders[1].role == nil)

        try #require(plan.installedBase.count == 2)
        #expect(plan.installedBase[0].product?.at == "财务云@25:3")
        #expect(plan.installedBase[0].modules?.at == "总账、应收应付、资金@25:9")
        #expect(plan.installedBase[0].since?.at == "2014@25:22")
        #expect(plan.installedBase[0].status?.value == .live)
        #expect(plan.installedBase[0].extra == [])

        try #require(plan.opportunities.count == 2)
        let rollout = plan.opportunities[0]
        #expect(rollout.id?.at == "opp-marketing-rollout@32:3")
        #expect(rollout.name?.at == "营销解决方案全省推广@32:27")
        #expect(rollout.stage?.at == "propose@32:40")
        #expect(rollout.amount?.value == Money(Decimal(3_000_000)))
        #expect(rollout.amount?.location == SourceLocation(line: 32, column: 50))
        #expect(rollout.probability?.value == Decimal(60))
        #expect(rollout.probability?.location == SourceLocation(line: 32, column: 62))
        #expect(rollout.close?.at == "2027-01-31@32:68")
        #expect(rollout.extra == [])
        #expect(plan.opportunities[1].id?.at == "opp-budget-control@33:3")
        #expect(plan.opportunities[1].stage?.at == "qualify@33:33")
    }

    @Test func chineseActionsAndMoments() throws {
        let plan = parse(Self.text, id: "zhejiang-tobacco").plan
        try #require(plan.actions.count == 2)
        #expect(plan.actions[0].owner?.at == "ma-tao@37:18")
        #expect(plan.actions[0].text == "与财务部确认全面预算管理需求 #opp-budget-control")
        #expect(plan.actions[0].references.map(\.at) == ["opp-budget-control@37:41"])
        #expect(plan.actions[1].done)
        #expect(plan.actions[1].text == "物流配送项目失利复盘")
        try #require(plan.moments.count == 2)
        #expect(plan.moments[0].person?.at == "zhao-lei@42:14")
        #expect(plan.moments[0].text == "营销解决方案一期上线，首月订单处理零差错")
        #expect(plan.moments[1].date == nil)
    }

    /// Every alias of §3 opens its section, matched case-insensitively after trimming.
    @Test(arguments: [
        ("Stakeholders", SectionKind.stakeholders), ("stakeholders", .stakeholders), ("干系人", .stakeholders),
        ("关键人物", .stakeholders), ("Installed base", .installedBase), ("INSTALLED BASE", .installedBase),
        ("已实施产品", .installedBase), ("Opportunities", .opportunities), ("商机", .opportunities),
        ("Actions", .actions), ("Action plan", .actions), ("action PLAN", .actions), ("行动计划", .actions),
        ("Moments of truth", .moments), ("MOT", .moments), ("mot", .moments), ("关键时刻", .moments),
        ("  Actions  ", .actions),
    ])
    func everyAliasOpensItsSection(heading: String, kind: SectionKind) {
        let text = """
            ---
            name: A
            ---
            ## \(heading)
            """
        let plan = parse(text).plan
        #expect(plan.sections.map(\.kind) == [kind])
    }

    @Test(arguments: ["Stakeholder", "Installed-base", "Opportunity", "Action", "Moments", "Key people", "关键人"])
    func otherHeadingsAreFreeProse(heading: String) {
        let text = """
            ---
            name: A
            ---
            ## \(heading)
            """
        #expect(parse(text).plan.sections.map(\.kind) == [nil])
    }
}
