import Foundation
import PlanEngine
import PlanModel
import PlanParser
import Testing

/// Writing a value the Chinese way is no change of meaning: the semantic diff (and so `acctplan
/// diff`, the merge driver's review and the rollups' history) sees nothing when `decision-maker`
/// becomes `决策者`, `5000000` becomes `500万` or `2027-03-31` becomes `2027/03/31`; a real
/// change written in Chinese is reported in the English ids.
struct ChineseValueDiffTests {
    static func plan(role: String, relationship: String, amount: String, close: String, due: String, heading: String) -> String {
        """
        ---
        name: 江南卷烟厂
        industry: tobacco
        stage: departmental
        manager: li-you
        reviewed: \(due)
        ---
        # 江南卷烟厂

        ## 干系人

        | 姓名 | 角色 | 关系 |
        | --- | --- | --- |
        | 周明 | \(role) | \(relationship) |

        ## 已实施产品

        | 产品 | 始于 |
        | --- | --- |
        | 财务云 | \(due) |

        ## 商机

        | 编号 | 名称 | 阶段 | 金额 | 成交日期 |
        | --- | --- | --- | --- | --- |
        | opp-cost | 成本管理 | propose | \(amount) | \(close) |

        ## \(heading)

        - [ ] \(due) @li-you 确认方案 #opp-cost

        """
    }

    static func parsed(_ text: String) -> Plan {
        PlanParser(config: WorkspaceConfig()).parse(Data(text.utf8), path: "accounts/jiangnan.md", kind: .account, id: "jiangnan").plan
    }

    static func compare(_ old: String, _ new: String) -> PlanChange? {
        PlanDiff.compare(.init(parsed(old), config: WorkspaceConfig()), .init(parsed(new), config: WorkspaceConfig()))
    }

    @Test func theChineseSpellingOfTheSameValuesIsNoChange() {
        let english = Self.plan(role: "decision-maker", relationship: "strong", amount: "5000000", close: "2027-03-31",
                                due: "2026-12-05", heading: "Actions")
        let chinese = Self.plan(role: "决策者", relationship: "强", amount: "人民币 500万", close: "2027/03/31",
                                due: "2026/12/05", heading: "行动")
        #expect(Self.compare(english, chinese) == nil)
        #expect(Self.compare(chinese, english) == nil)
    }

    @Test func aRealChangeWrittenInChineseIsAChange() throws {
        let before = Self.plan(role: "决策者", relationship: "强", amount: "500万", close: "2027/03/31", due: "2026/12/05", heading: "行动")
        let after = Self.plan(role: "发起人", relationship: "弱", amount: "0.06亿", close: "2027/03/31", due: "2026/12/05", heading: "行动")
        let change = try #require(Self.compare(before, after))
        let described = "\(change.sections)"
        #expect(described.contains("sponsor") && described.contains("decision-maker"), "\(described)")
        #expect(described.contains("weak") && described.contains("strong"), "\(described)")
        #expect(described.contains("6000000"), "\(described)")
    }
}
