import Foundation
import PlanModel
import PlanParser
import Testing

/// The Chinese value syntaxes one by one (docs/format.md, "Chinese values"): amounts in 万 and 亿
/// with the currency word 人民币, dates with `/`, and what is still refused, with hints that say
/// what to write instead.
struct ChineseValueTests {
    @Test(arguments: [
        ("500万", "5000000", nil), ("1.2亿", "120000000", nil), ("人民币 500万", "5000000", "CNY"),
        ("人民币500万", "5000000", "CNY"), ("500万人民币", "5000000", "CNY"), ("500万 人民币", "5000000", "CNY"),
        ("人民币 2,400,000", "2400000", "CNY"), ("CNY 80万", "800000", "CNY"), ("USD 1.5万", "15000", "USD"),
        ("0.0001万", "1", nil), ("3.14159亿", "314159000", nil), ("1,000万", "10000000", nil),
    ] as [(String, String, String?)])
    func wanAndYiScaleExactly(text: String, amount: String, currency: String?) throws {
        let money = try Money.parse(text).get()
        #expect(money.amount == Decimal(string: amount)!)
        #expect(money.amount.plainString == amount)
        #expect(money.currency == currency)
    }

    @Test(arguments: ["¥500万", "500万元", "万", "人民币", "500万k", "5M万", "八十万", "人民币 CNY 5", "人民币 -5万", "500 万"])
    func otherChineseAmountsAreRefused(text: String) {
        #expect(throws: Money.SyntaxError.self) { try Money.parse(text).get() }
    }

    @Test(arguments: ["2027/03/31", "2028/02/29"])
    func slashDatesAreDates(text: String) throws {
        let date = try #require(CalendarDate(planText: text))
        #expect(date.description == text.replacingOccurrences(of: "/", with: "-"))
        // The command line's and JSON's dates stay YYYY-MM-DD only.
        #expect(CalendarDate(parsing: text) == nil)
    }

    @Test(arguments: ["2027/3/31", "2027-03/31", "2027/03-31", "2027/02/30", "31/03/2027", "2027/03/31/"])
    func otherSlashDatesAreNot(text: String) {
        #expect(CalendarDate(planText: text) == nil)
    }

    static let plan = """
        ---
        name: 江南卷烟厂
        industry: tobacco
        stage: departmental
        manager: li-you
        reviewed: 2026/11/20
        revenue_target: ¥500万
        ---
        # 江南卷烟厂

        ## 干系人

        | 姓名 | 角色 | 关系 |
        | --- | --- | --- |
        | 周明 | 领导 | 很好 |

        ## 商机

        | 编号 | 名称 | 阶段 | 金额 | 成交日期 |
        | --- | --- | --- | --- | --- |
        | 机会一 | 成本管理 | propose | 500万 | 2027/03/31 |

        ## 行动

        - [ ] 2026/12/05 @li-you 确认方案
        - [ ] 2026/13/05 @li-you 日期有误

        """

    @Test func chineseMistakesGetHintsInTheirTerms() throws {
        let result = parse(Self.plan, id: "jiangnan")
        #expect(result.located == [
            "invalid-value 7:17", // ¥500万
            "invalid-value 15:8", // role 领导
            "invalid-value 15:13", // relationship 很好
            "invalid-value 21:3", // id 机会一
            "invalid-value 26:7", // 2026/13/05
        ])
        let hints = result.findings.sorted { $0.location < $1.location }.map { $0.hint ?? "" }
        #expect(hints[0].contains("500万") && hints[0].contains("人民币"))
        #expect(hints[1] == "use one of: 决策者, 发起人, 影响者, 用户, 把关者")
        #expect(hints[2] == "use one of: 强, 中, 弱, 无")
        #expect(hints[3].contains("ids must be ASCII") && hints[3].hasSuffix("e.g. 'opp-1'"))
        #expect(!hints[3].contains("e.g. '-'") && !hints[3].contains("'opp'"))
        // The Actions under 行动 are read, the due date with slashes too.
        #expect(result.plan.actions.first?.due?.value == CalendarDate(year: 2026, month: 12, day: 5))
        #expect(result.plan.actions.map(\.text) == ["确认方案", "日期有误"])
        #expect(result.plan.header.reviewed?.value == CalendarDate(year: 2026, month: 11, day: 20))
    }
}
