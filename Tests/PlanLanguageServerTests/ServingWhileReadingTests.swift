import Foundation
import PlanLanguageServer
import Testing

/// The editor is never kept waiting: requests are answered while every plan is read, a
/// cancelled request is refused, and an edit of `acctplan.yml` reads every plan again without
/// holding anything up.
struct ServingWhileReadingTests {
    /// A workspace of 2,000 account plans besides the usual three files.
    static func largeWorkspace() throws -> LSPSession {
        var files = ["acctplan.yml": LSPSession.config, "industries/tobacco.md": LSPSession.tobacco, "accounts/acme.md": LSPSession.acme]
        for index in 0..<2000 {
            files["accounts/generated/account-\(index).md"] = LSPSession.acme
                .replacingOccurrences(of: "Acme Tobacco", with: "Account \(index)")
                .replacingOccurrences(of: "opp-a", with: "opp-\(index)")
        }
        return try LSPSession(files: files)
    }

    @Test func requestsAreAnsweredWhileTheWorkspaceIsFirstRead() throws {
        let session = try Self.largeWorkspace()
        let out = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/acme.md", LSPSession.acme),
            // Needs the industry plan: waits until every plan is read.
            session.request(2, "textDocument/definition", "accounts/acme.md", line: 2, character: 12),
            // Need the open document (and acctplan.yml) only: answered at once.
            session.request(3, "textDocument/completion", "accounts/acme.md", line: 3, character: 7),
            session.request(4, "textDocument/hover", "accounts/acme.md", line: 4, character: 2),
            session.request(5, "textDocument/documentSymbol", "accounts/acme.md"),
            session.request(6, "textDocument/formatting", "accounts/acme.md"),
            session.request(7, "textDocument/completion", "accounts/acme.md", line: 17, character: 19),
        ]).messages
        func index(_ id: Int) -> Int { out.firstIndex { $0["id"] == .int(id) } ?? -1 }
        let firstDiagnostics = out.firstIndex { $0["method"] == "textDocument/publishDiagnostics" } ?? -1
        for id in 3...7 {
            #expect(index(id) >= 0 && index(id) < index(2), "request \(id) waited for the definition")
            #expect(index(id) < firstDiagnostics, "request \(id) waited for the first diagnostics")
        }
        let stages = out.response(3)?["result"]?["items"]?.array?.compactMap { $0["label"]?.string }
        #expect(stages == ["departmental", "industry-solution", "integration"])
        #expect(out.response(4)?["result"]?["contents"]?["value"]?.string?.hasPrefix("**manager** — The account manager") == true)
        #expect(out.response(5)?["result"]?.array?.count == 3)
        #expect(out.response(7)?["result"]?["items"]?.array?.compactMap { $0["label"]?.string } == ["li-you — Li You", "wang-fang — Wang Fang"])
        // The waiting request is answered from the whole workspace once it is read.
        #expect(out.response(2)?["result"]?["uri"]?.string == session.uri("industries/tobacco.md"))
        // The account's opportunity ids are its own: the 2,000 copies are no duplicates of it.
        #expect(out.diagnostics(session.uri("accounts/acme.md")).last?["diagnostics"] == [])
    }

    @Test func aCancelledRequestStillPendingGetsRequestCancelled() throws {
        let session = try Self.largeWorkspace()
        func cancel(_ id: Int) -> [String: Any] { ["jsonrpc": "2.0", "method": "$/cancelRequest", "params": ["id": id]] }
        var references = session.request(3, "textDocument/references", "accounts/acme.md", line: 13, character: 3)
        references["params"] = (references["params"] as? [String: Any] ?? [:]).merging(["context": ["includeDeclaration": true]]) { $1 }
        let out = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/acme.md", LSPSession.acme),
            session.request(2, "textDocument/completion", "accounts/acme.md", line: 3, character: 7),
            references,
            session.request(4, "textDocument/hover", "accounts/acme.md", line: 4, character: 2),
            cancel(2), cancel(3),
            cancel(42), // answered long ago, or never sent: nothing to say
        ]).messages
        for id in [2, 3] {
            #expect(out.response(id)?["error"]?["code"] == -32800, "\(String(describing: out.response(id)))")
            #expect(out.filter { $0["id"] == .int(id) }.count == 1)
        }
        #expect(out.response(4)?["result"]?["contents"] != nil)
        #expect(out.response(42) == nil)
        #expect(out.diagnostics(session.uri("accounts/acme.md")).last?["diagnostics"] == [])
    }

    @Test func anEditOfAcctplanYmlReadsEveryPlanAgainForTheOpenPlans() throws {
        let session = try LSPSession()
        let withoutWang = LSPSession.config.replacingOccurrences(of: "  wang-fang: {name: Wang Fang}\n", with: "")
        let out = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/acme.md", LSPSession.acme),
            session.open("acctplan.yml", LSPSession.config),
            session.change("acctplan.yml", version: 2, text: withoutWang),
            // Completion uses the editor's acctplan.yml at once.
            session.request(2, "textDocument/completion", "accounts/acme.md", line: 17, character: 19),
        ]).messages
        #expect(out.response(2)?["result"]?["items"]?.array?.compactMap { $0["label"]?.string } == ["li-you — Li You"])
        let published = out.diagnostics(session.uri("accounts/acme.md"))
        #expect(published.last?["diagnostics"]?.array?.map { $0["code"] } == ["unknown-person"], "\(published)")
        // Put back as it was (closing it: the file on disk is the truth again), the person is known.
        let closed = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/acme.md", LSPSession.acme),
            session.open("acctplan.yml", withoutWang),
            ["jsonrpc": "2.0", "method": "textDocument/didClose", "params": ["textDocument": ["uri": session.uri("acctplan.yml")]]],
        ]).messages.diagnostics(session.uri("accounts/acme.md"))
        #expect(closed.last?["diagnostics"] == [], "\(closed)")
    }
}
