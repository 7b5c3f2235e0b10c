import Foundation
import PlanLanguageServer
import Testing

/// Hovers and quick-fix titles in the workspace's language, like the diagnostics: with
/// `language: zh-CN` in acctplan.yml the editor showed Chinese diagnostics beside English hovers
/// and "Change to '…'" (a newcomer trial). Values, ids and names stay as written.
struct ChineseHoverTests {
    static let files = ["acctplan.yml": LSPSession.config + "language: zh-CN\nfields:\n  tier: {type: integer}\n",
                        "industries/tobacco.md": LSPSession.tobacco, "accounts/acme.md": LSPSession.acme]

    @Test func hoversFollowTheWorkspaceLanguage() throws {
        let session = try LSPSession(files: Self.files)
        let plan = LSPSession.acme.replacingOccurrences(of: "reviewed: 2026-11-01\n", with: "reviewed: 2026-11-01\ntier: 2\n")
        let out = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/acme.md", plan),
            session.request(2, "textDocument/hover", "accounts/acme.md", line: 4, character: 2),
            session.request(3, "textDocument/hover", "accounts/acme.md", line: 4, character: 12),
            session.request(4, "textDocument/hover", "accounts/acme.md", line: 14, character: 4),
            session.request(5, "textDocument/hover", "accounts/acme.md", line: 2, character: 11),
            session.request(6, "textDocument/hover", "accounts/acme.md", line: 3, character: 10),
            session.request(7, "textDocument/hover", "accounts/acme.md", line: 6, character: 1),
            session.request(8, "textDocument/hover", "accounts/acme.md", line: 14, character: 20),
        ]).messages
        func text(_ id: Int) -> String { out.response(id)?["result"]?["contents"]?["value"]?.string ?? "" }
        #expect(text(2) == "**manager** — 负责此计划的客户经理：acctplan.yml 中的人员 id。", "\(text(2))")
        #expect(text(3) == "**Li You**（`li-you`，acctplan.yml）\n\n负责 2 个计划，在 0 个计划的团队中", "\(text(3))")
        #expect(text(4) == "**opp-a**：700,000 × 50%（阶段默认值） = 加权金额 350,000 CNY", "\(text(4))")
        #expect(text(5) == "行业计划 **Tobacco**（`industries/tobacco.md`）\n\n收入目标 10,000,000 CNY\n\n目标客户数：3", "\(text(5))")
        // The default stage's label in Chinese, as on the dashboard.
        #expect(text(6) == "生命周期阶段 **部门级应用**（`departmental`，第 1 个，共 3 个）", "\(text(6))")
        #expect(text(7) == "**tier** — 自定义字段，类型为 `integer`，在 acctplan.yml 的 `fields:` 下声明；可填整数，例如 `1`。", "\(text(7))")
        #expect(text(8) == "商机阶段 `propose`：默认概率 50%", "\(text(8))")
    }

    @Test func quickFixTitlesFollowTheWorkspaceLanguage() throws {
        let session = try LSPSession(files: Self.files)
        let typo = LSPSession.acme.replacingOccurrences(of: "stage: departmental", with: "stage: departmentl")
            .replacingOccurrences(of: "reviewed: 2026-11-01", with: "reviewed: 2025-01-01")
        let first = session.run([session.initialize(), LSPSession.initialized, session.open("accounts/acme.md", typo)]).messages
        let diagnostics = try #require(first.diagnostics(session.uri("accounts/acme.md")).last?["diagnostics"]?.array)
        let request = try session.codeActions(2, "accounts/acme.md", diagnostics: diagnostics)
        let out = session.run([session.initialize(), LSPSession.initialized, session.open("accounts/acme.md", typo), request]).messages
        let actions = try #require(out.response(2)?["result"]?.array)
        #expect(actions.map { $0["title"] } == ["改为“departmental”", "将 reviewed: 设为今天（2026-12-01）"], "\(actions)")
        #expect(actions.first?["edit"]?["changes"]?[session.uri("accounts/acme.md")]?[0]?["newText"] == "departmental")
    }
}
