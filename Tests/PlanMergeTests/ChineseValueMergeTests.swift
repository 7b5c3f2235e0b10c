import Foundation
import Testing

/// The merge driver splits items as the parser reads them: a due date written `2026/12/05` is
/// the action's date, not part of its key, so ticking it on one side and moving its date on the
/// other merge cleanly, under `## 行动` as under `## Actions`.
struct ChineseValueMergeTests {
    static func chinese(_ action: String, role: String = "决策者") -> String {
        header + "# 甲\n\n## 干系人\n\n| 姓名 | 角色 | 关系 |\n| --- | --- | --- |\n| 周明 | \(role) | 强 |\n\n## 行动\n\n" + action + "\n"
    }

    @Test func aSlashDatedActionTickedAndMovedMerges() {
        let result = merge(Self.chinese("- [ ] 2026/12/05 @li-you 确认方案"),
                           Self.chinese("- [x] 2026/12/05 @li-you 确认方案"),
                           Self.chinese("- [ ] 2026/12/20 @li-you 确认方案"))
        #expect(result.conflicts == 0, "\(result.text)")
        #expect(result.text == Self.chinese("- [x] 2026/12/20 @li-you 确认方案"))
    }

    @Test func aRoleCellAndAnActionEditedOnTwoSidesMerge() {
        let result = merge(Self.chinese("- [ ] 2026/12/05 @li-you 确认方案"),
                           Self.chinese("- [ ] 2026/12/05 @li-you 确认方案", role: "发起人"),
                           Self.chinese("- [x] 2026/12/05 @li-you 确认方案"))
        #expect(result.conflicts == 0, "\(result.text)")
        #expect(result.text == Self.chinese("- [x] 2026/12/05 @li-you 确认方案", role: "发起人"))
    }
}
