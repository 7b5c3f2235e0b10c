import Foundation
import PlanFormat
import PlanModel
import Testing

/// `fmt` aligns a plan written with the Chinese values and keeps every value as written: no
/// `决策者` becomes `decision-maker`, no `500万` becomes `5000000`, no `2027/03/31` becomes
/// `2027-03-31` (docs/format.md, "Chinese values").
struct ChineseValueFormatTests {
    static let plan = """
        ---
        name: 江南卷烟厂
        industry: tobacco
        stage: departmental
        manager: li-you
        reviewed: 2026/11/20
        revenue_target: 1200万
        ---
        # 江南卷烟厂

        ## 干系人

        | 姓名 | 角色 | 关系 |
        | --- | --- | --- |
        | 周明 | 决策者 | 强 |
        | 钱慧 | 发起人 | 中 |

        ## 商机

        | 编号 | 名称 | 阶段 | 金额 | 成交日期 |
        | --- | --- | --- | --- | --- |
        | opp-cost | 成本管理 | propose | 人民币 500万 | 2027/03/31 |

        ## 行动

        * [X] 2026/12/05 @li-you 确认方案

        """

    @Test func fmtAlignsAndKeepsTheChineseValues() {
        let formatted = Fmt.format(Self.plan)
        #expect(formatted.contains("""
            | 姓名 | 角色   | 关系 |
            | ---- | ------ | ---- |
            | 周明 | 决策者 | 强   |
            | 钱慧 | 发起人 | 中   |
            """))
        #expect(formatted.contains("| opp-cost | 成本管理 | propose | 人民币 500万 | 2027/03/31 |"))
        #expect(formatted.contains("- [x] 2026/12/05 @li-you 确认方案"))
        #expect(formatted.contains("reviewed: 2026/11/20\nrevenue_target: 1200万\n"))
        #expect(!formatted.contains("decision-maker") && !formatted.contains("2027-03-31"))
        // Already canonical the second time.
        #expect(Fmt.outcome(formatted) == .unchanged)
        let parsed = Fmt.parse(formatted).plan
        #expect(parsed.stakeholders.map { $0.role?.value } == [.decisionMaker, .sponsor])
        #expect(parsed.opportunities.first?.amount?.value == Money(5_000_000, currency: "CNY"))
    }
}
