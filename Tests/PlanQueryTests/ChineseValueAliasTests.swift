import Foundation
import PlanEngine
import PlanModel
import PlanQuery
import PlanWorkspace
import Testing

/// The values Chinese authors write (docs/format.md, "Chinese values"): roles 决策者…, relationships
/// 强/中/弱/无, amounts in 万 and 亿 with 人民币, dates `2027/03/31`, the heading `## 行动`. A plan
/// written with them means exactly what its English twin means: same parsed values, no lint
/// finding, the same rollup, score and query rows.
struct ChineseValueAliasTests {
    static let config = """
        currency: CNY
        fx: {USD: 7.1}
        people:
          li-you: {name: 李游}
          wang-fang: {name: 王芳}

        """

    static let industry = """
        ---
        name: 烟草行业
        owner: li-you
        reviewed: 2026-11-01
        fiscal_year: 2027
        targets:
          revenue: 1000万
          accounts: 1
        ---
        # 烟草行业计划

        ## 行动

        - [ ] 2026/12/15 @li-you 召开行业客户交流会

        """

    static let english = """
        ---
        name: 江南卷烟厂
        industry: tobacco
        stage: industry-solution
        manager: li-you
        since: 2019-04-01
        reviewed: 2026-11-20
        revenue_target: 12000000
        ---
        # 江南卷烟厂 客户计划

        ## Stakeholders

        | Name | Title | Role | Relationship | Owner |
        | --- | --- | --- | --- | --- |
        | 周明 | 总经理 | decision-maker | strong | li-you |
        | 钱慧 | 财务总监 | sponsor | medium | li-you |
        | 孙强 | 信息部经理 | influencer | weak | wang-fang |
        | 赵磊 | 财务主管 | user | none | wang-fang |
        | 吴敏 | 采购经理 | gatekeeper | medium | li-you |

        ## Opportunities

        | ID | Name | Stage | Amount | Probability | Close |
        | --- | --- | --- | --- | --- | --- |
        | opp-cost | 成本管理 | propose | 5000000 | | 2027-03-31 |
        | opp-group | 集团管控 | negotiate | 120000000 | 60% | 2027-06-30 |
        | opp-hr | 人力云 | won | CNY 1.5M | | 2026-09-15 |
        | opp-usd | 海外子公司 | develop | USD 200k | | 2027-05-31 |

        ## Actions

        - [ ] 2026-12-05 @li-you 与财务总监确认成本管理方案 #opp-cost
        - [ ] 2026-11-10 @wang-fang 提交集团管控报价 #opp-group
        - [x] 2026-09-10 @li-you 签订人力云合同 #opp-hr

        ## Moments of truth

        - 2026-06-01 @wang-fang 人力云上线

        """

    static let chinese = """
        ---
        name: 江南卷烟厂
        industry: tobacco
        stage: industry-solution
        manager: li-you
        since: 2019/04/01
        reviewed: 2026/11/20
        revenue_target: 1200万
        ---
        # 江南卷烟厂 客户计划

        ## 干系人

        | 姓名 | 职务 | 角色 | 关系 | 负责人 |
        | --- | --- | --- | --- | --- |
        | 周明 | 总经理 | 决策者 | 强 | li-you |
        | 钱慧 | 财务总监 | 发起人 | 中 | li-you |
        | 孙强 | 信息部经理 | 影响者 | 弱 | wang-fang |
        | 赵磊 | 财务主管 | 用户 | 无 | wang-fang |
        | 吴敏 | 采购经理 | 把关者 | 中 | li-you |

        ## 商机

        | 编号 | 名称 | 阶段 | 金额 | 概率 | 成交日期 |
        | --- | --- | --- | --- | --- | --- |
        | opp-cost | 成本管理 | propose | 人民币 500万 | | 2027/03/31 |
        | opp-group | 集团管控 | negotiate | 1.2亿 | 60% | 2027/06/30 |
        | opp-hr | 人力云 | won | 150万人民币 | | 2026/09/15 |
        | opp-usd | 海外子公司 | develop | USD 20万 | | 2027/05/31 |

        ## 行动

        - [ ] 2026/12/05 @li-you 与财务总监确认成本管理方案 #opp-cost
        - [ ] 2026/11/10 @wang-fang 提交集团管控报价 #opp-group
        - [x] 2026/09/10 @li-you 签订人力云合同 #opp-hr

        ## 关键时刻

        - 2026/06/01 @wang-fang 人力云上线

        """

    static let asOf = CalendarDate(year: 2026, month: 11, day: 29)!

    static func workspace(_ account: String) throws -> Workspace {
        try WorkspaceLoader.load(from: MemorySource([
            "acctplan.yml": config, "industries/tobacco.md": industry, "accounts/jiangnan.md": account,
        ]))
    }

    @Test func theChineseValuesParseAsTheEnglishOnes() throws {
        let plan = try #require(try Self.workspace(Self.chinese).plans.first { $0.id == "jiangnan" })
        #expect(plan.stakeholders.map { $0.role?.value } == [.decisionMaker, .sponsor, .influencer, .user, .gatekeeper])
        #expect(plan.stakeholders.map { $0.relationship?.value } == [.strong, .medium, .weak, Relationship.none, .medium])
        #expect(plan.opportunities.map { $0.amount?.value } == [
            Money(5_000_000, currency: "CNY"), Money(120_000_000), Money(1_500_000, currency: "CNY"), Money(200_000, currency: "USD"),
        ])
        #expect(plan.opportunities.map { $0.close?.value.description } == ["2027-03-31", "2027-06-30", "2026-09-15", "2027-05-31"])
        #expect(plan.header.reviewed?.value == CalendarDate(year: 2026, month: 11, day: 20))
        #expect(plan.header.revenueTarget?.value == Money(12_000_000))
        #expect(plan.actions.map { $0.due?.value.description } == ["2026-12-05", "2026-11-10", "2026-09-10"])
        #expect(plan.actions.map(\.text) == ["与财务总监确认成本管理方案 #opp-cost", "提交集团管控报价 #opp-group", "签订人力云合同 #opp-hr"])
        #expect(plan.moments.map { $0.date?.value.description } == ["2026-06-01"])
        // The role's location stays where the Chinese word is written.
        #expect(plan.stakeholders[0].role?.location == SourceLocation(line: 16, column: 14))
    }

    /// The only findings are the ones the English twin has too (the overdue action).
    @Test func lintFindsTheSameInBothLanguages() throws {
        func findings(_ account: String) throws -> [String] {
            Linter.lint(try Self.workspace(account), asOf: Self.asOf).map { "\($0.rule.rawValue) \($0.path):\($0.line)" }
        }
        let chinese = try findings(Self.chinese)
        #expect(chinese == (try findings(Self.english)))
        #expect(chinese == ["overdue-action accounts/jiangnan.md:34"])
    }

    @Test func rollupAndScoreAreTheEnglishTwins() throws {
        let english = Rollup.compute(try Self.workspace(Self.english), asOf: Self.asOf)
        let chinese = Rollup.compute(try Self.workspace(Self.chinese), asOf: Self.asOf)
        let group = try #require(chinese.groups.first { $0.id == "tobacco" })
        let twin = try #require(english.groups.first { $0.id == "tobacco" })
        // open 5M + 120M + USD 200k × 7.1 = 1,420,000 → 126,420,000; weighted 5M × 50% + 120M × 60%
        // + 1.42M × 30% = 2,500,000 + 72,000,000 + 426,000 = 74,926,000; won 1,500,000.
        #expect(group.pipeline.open == 126_420_000)
        #expect(group.pipeline.weighted == 74_926_000)
        #expect(group.pipeline.won == 1_500_000)
        #expect(group.revenue.target == 10_000_000 && group.revenue.planned == 12_000_000)
        #expect(group.actions.open == 2 && group.actions.overdue == 1 && group.actions.done == 1)
        #expect((group.pipeline.open, group.pipeline.weighted, group.pipeline.won) == (twin.pipeline.open, twin.pipeline.weighted, twin.pipeline.won))
        #expect(group.revenue.target == twin.revenue.target && group.revenue.planned == twin.revenue.planned)
        #expect((group.actions.open, group.actions.overdue, group.actions.done) == (twin.actions.open, twin.actions.overdue, twin.actions.done))

        let scores = HealthScore.compute(try Self.workspace(Self.chinese), asOf: Self.asOf)
        let twinScores = HealthScore.compute(try Self.workspace(Self.english), asOf: Self.asOf)
        #expect(scores.map(\.exactTotal) == twinScores.map(\.exactTotal))
        #expect(scores.map { $0.components.map(\.points) } == twinScores.map { $0.components.map(\.points) })
    }

    @Test func queriesTakeTheChineseWords() throws {
        for (plan, terms) in [(Self.chinese, ["role:决策者"]), (Self.chinese, ["role:decision-maker"]), (Self.english, ["角色:决策者"])] {
            let result = try QueryEngine.run(QueryRequest(entity: "stakeholders", terms: terms, columns: ["name"]),
                                             in: try Self.workspace(plan), asOf: Self.asOf)
            #expect(result.rows.map(\.values) == [[.text("周明")]], "\(terms)")
        }
        let weak = try QueryEngine.run(QueryRequest(entity: "stakeholders", terms: ["关系:弱", "关系:无"], columns: ["name"]),
                                       in: try Self.workspace(Self.chinese), asOf: Self.asOf)
        #expect(weak.rows.map(\.values) == [[.text("孙强")], [.text("赵磊")]])
        let accounts = try QueryEngine.run(QueryRequest(entity: "accounts", terms: ["roles:把关者"], columns: ["id"]),
                                           in: try Self.workspace(Self.chinese), asOf: Self.asOf)
        #expect(accounts.rows.count == 1)
        let due = try QueryEngine.run(QueryRequest(entity: "actions", terms: ["due:<2026/12/01"], columns: ["text"]),
                                      in: try Self.workspace(Self.chinese), asOf: Self.asOf)
        #expect(due.rows.count == 2)
    }
}
