import Foundation
import PlanLanguageServer
import Testing

/// Diagnostics in the workspace's language: with `language: zh-CN` in acctplan.yml the editor shows
/// the Chinese message and hint, and the quick fix still applies the suggestion — from the
/// diagnostic's `data`, or, for a client that does not send it back, from the Chinese message.
struct ChineseDiagnosticsTests {
    @Test func diagnosticsInChineseAndTheQuickFixStillWorks() throws {
        let session = try LSPSession(files: ["acctplan.yml": LSPSession.config + "language: zh-CN\n",
                                             "industries/tobacco.md": LSPSession.tobacco])
        let typo = LSPSession.acme.replacingOccurrences(of: "stage: departmental", with: "stage: departmentl")
        let first = session.run([session.initialize(), LSPSession.initialized, session.open("accounts/acme.md", typo)]).messages
        let diagnostics = try #require(first.diagnostics(session.uri("accounts/acme.md")).last?["diagnostics"]?.array)
        let stage = try #require(diagnostics.first { $0["code"] == "unknown-stage" })
        let message = try #require(stage["message"]?.string)
        #expect(message.contains("“departmentl”") && message.contains("（是否应为“departmental”？）") && message.contains("\n提示: "), "\(message)")
        #expect(stage["data"]?["suggestion"] == "departmental")

        // The same request twice: with the diagnostic as published, and without its `data`.
        var bare = try JSONSerialization.jsonObject(with: JSON.array([stage]).data) as! [[String: Any]]
        bare[0].removeValue(forKey: "data")
        for sent in [try JSONSerialization.jsonObject(with: JSON.array([stage]).data), bare] as [Any] {
            let request: [String: Any] = ["jsonrpc": "2.0", "id": 2, "method": "textDocument/codeAction", "params": [
                "textDocument": ["uri": session.uri("accounts/acme.md")],
                "range": ["start": ["line": 0, "character": 0], "end": ["line": 30, "character": 0]],
                "context": ["diagnostics": sent],
            ]]
            let out = session.run([session.initialize(), LSPSession.initialized, session.open("accounts/acme.md", typo), request]).messages
            let actions = try #require(out.response(2)?["result"]?.array)
            #expect(actions.first?["edit"]?["changes"]?[session.uri("accounts/acme.md")]?[0]?["newText"] == "departmental", "\(actions)")
        }
    }
}
