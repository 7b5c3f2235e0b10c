import Foundation
import PlanLanguageServer
import Testing

/// While `acctplan.yml` cannot be read, no plan is checked (each would be judged against the
/// default settings), and an open plan without a diagnostic read as a plan that is fine. Each open
/// plan gets one error on its line 1 saying why, cleared once acctplan.yml can be read again.
struct UnreadableSettingsTests {
    static func changed(_ session: LSPSession, _ path: String) -> [String: Any] {
        ["jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles",
         "params": ["changes": [["uri": session.uri(path), "type": 2]]]]
    }

    /// acctplan.yml broken on disk (not open in the editor): conflict markers from a pull, or text
    /// that is not YAML; then fixed on disk.
    @Test(arguments: [
        ("<<<<<<< HEAD\n" + LSPSession.config + "=======\ncurrency: EUR\n>>>>>>> theirs\n", "merge-conflict",
         "acctplan.yml has unresolved merge conflicts (line 1); this plan is checked again once it can be read"),
        (LSPSession.config.replacingOccurrences(of: "fx: {USD: 7}", with: "fx: {USD: 7"), "config",
         "acctplan.yml cannot be read (line 2: "),
    ])
    func eachOpenPlanSaysWhyItIsNotCheckedUntilTheSettingsCanBeRead(broken: String, code: String, message: String) throws {
        let session = try LSPSession()
        let config = session.root.appendingPathComponent("acctplan.yml")
        try Data(broken.utf8).write(to: config)
        // The plan has an error of its own (an unknown stage), not shown while nothing is checked.
        let typo = LSPSession.acme.replacingOccurrences(of: "stage: departmental", with: "stage: departmentl")
        let out = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/acme.md", typo),
            session.open("industries/tobacco.md", LSPSession.tobacco),
            Self.changed(session, "acctplan.yml"),
        ], before: [4: { try? Data(LSPSession.config.utf8).write(to: config) }]).messages
        for path in ["accounts/acme.md", "industries/tobacco.md"] {
            let published = out.diagnostics(session.uri(path))
            let first = try #require(published.first?["diagnostics"]?.array, "\(path): \(published)")
            #expect(first.count == 1, "\(path): \(first)")
            #expect(first.first?["code"]?.string == code && first.first?["severity"] == 1, "\(path): \(first)")
            #expect(first.first?["range"] == LSPSession.range(0, 0, 3), "line 1: \(first)")
            let text = first.first?["message"]?.string ?? ""
            #expect(text.hasPrefix(message) && text.contains("; this plan is checked again once it can be read\n"), "\(text)")
            #expect(text.contains("fix acctplan.yml ('acctplan lint' shows where)"), "\(text)")
            // Fixed on disk: the notice goes, and the plans are checked again (the industry's target
            // of 3 accounts has 1).
            let last = published.last?["diagnostics"]?.array?.compactMap { $0["code"]?.string }
            #expect(last == [path == "accounts/acme.md" ? "unknown-stage" : "target-gap"], "\(path): \(published)")
        }
    }

    /// acctplan.yml open in the editor and broken there: the same for the open plans, and
    /// acctplan.yml shows its own error; mended in the editor, everything is checked again.
    @Test func anAcctplanYmlBrokenInTheEditorIsSaidOnEveryOpenPlan() throws {
        let session = try LSPSession()
        let broken = LSPSession.config.replacingOccurrences(of: "currency: CNY", with: "currency: [CNY")
        let out = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/acme.md", LSPSession.acme),
            session.open("acctplan.yml", LSPSession.config),
            session.change("acctplan.yml", version: 2, text: broken),
        ], before: [4: {}]).messages
        let plan = out.diagnostics(session.uri("accounts/acme.md"))
        #expect(plan.first?["diagnostics"] == [], "readable at first: \(plan)")
        let notice = plan.last?["diagnostics"]?.array ?? []
        #expect(notice.count == 1 && notice.first?["code"] == "config"
                && notice.first?["message"]?.string?.hasPrefix("acctplan.yml cannot be read (line 1: ") == true, "\(plan)")
        let own = out.diagnostics(session.uri("acctplan.yml")).last?["diagnostics"]?.array ?? []
        #expect(own.map { $0["code"] } == ["config"] && own.first?["range"]?["start"]?["line"] == 0, "\(own)")
        // Mended in the editor: the notice goes.
        let mended = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/acme.md", LSPSession.acme),
            session.open("acctplan.yml", broken),
            session.change("acctplan.yml", version: 2, text: LSPSession.config),
        ], before: [4: {}]).messages.diagnostics(session.uri("accounts/acme.md"))
        #expect(mended.first?["diagnostics"]?.array?.count == 1 && mended.last?["diagnostics"] == [], "\(mended)")
    }
}
