import Foundation
import Testing

/// Under a Chinese column header the editor offers the Chinese values first (决策者 …, 强 …), each
/// with the English id it means; under the English header only the English ids.
struct ChineseValueCompletionTests {
    static let plan = """
        ---
        name: 江南卷烟厂
        industry: tobacco
        stage: departmental
        manager: li-you
        reviewed: 2026/11/01
        ---
        # 江南卷烟厂

        ## 干系人

        | 姓名 | 角色 | 关系 |
        | --- | --- | --- |
        | 周明 | 决策者 | 强 |
        | 钱慧 | 
        """

    @Test func chineseHeadersCompleteChineseValues() throws {
        let session = try LSPSession()
        let english = Self.plan.replacingOccurrences(of: "| 姓名 | 角色 | 关系 |", with: "| Name | Role | Relationship |")
        let out = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/jiangnan.md", Self.plan),
            // "| 钱慧 | " is 7 UTF-16 units: the Role cell; "| 周明 | 决策者 | " is 13: the Relationship cell.
            session.request(2, "textDocument/completion", "accounts/jiangnan.md", line: 14, character: 7),
            session.request(3, "textDocument/completion", "accounts/jiangnan.md", line: 13, character: 13),
            session.open("accounts/english.md", english),
            session.request(4, "textDocument/completion", "accounts/english.md", line: 14, character: 7),
        ]).messages
        func items(_ id: Int) -> [String] { out.response(id)?["result"]?["items"]?.array?.compactMap { $0["label"]?.string } ?? [] }
        #expect(items(2) == ["决策者", "发起人", "影响者", "用户", "把关者", "decision-maker", "sponsor", "influencer", "user", "gatekeeper"])
        #expect(items(3) == ["强", "中", "弱", "无", "strong", "medium", "weak", "none"])
        #expect(out.response(2)?["result"]?["items"]?.array?.first?["detail"]?.string == "decision-maker")
        #expect(items(4) == ["decision-maker", "sponsor", "influencer", "user", "gatekeeper"])
    }
}
