import Foundation
import PlanLanguageServer
import Testing

/// The workspace's own front-matter keys (`fields:` in acctplan.yml) complete by their type.
struct CustomFieldCompletionTests {
    static let config = LSPSession.config + """
        fields:
          erp_vendor: {type: string}
          signed: {type: date}
          budget: {type: money}
          tier: {type: integer}
          tags: {type: list}

        """

    static func account(_ name: String, vendor: String, tags: String) -> String {
        LSPSession.acme.replacingOccurrences(of: "name: Acme Tobacco", with: "name: \(name)")
            .replacingOccurrences(of: "reviewed: 2026-11-01\n", with: "reviewed: 2026-11-01\nerp_vendor: \(vendor)\ntags: \(tags)\n")
            .replacingOccurrences(of: "opp-a", with: "opp-\(name.lowercased())")
    }

    /// A value with a space ("Big Corp") replaces all that is typed of it, and a list's element
    /// only that element: `erp_vendor: Big C` becomes `Big Corp`, not `Big Big Corp`.
    @Test func aValueWithSpacesIsReplacedWhole() throws {
        let session = try LSPSession(files: [
            "acctplan.yml": Self.config, "industries/tobacco.md": LSPSession.tobacco, "accounts/acme.md": LSPSession.acme,
            "accounts/beta.md": Self.account("Beta", vendor: "Big Corp", tags: "[cloud native, erp]"),
        ])
        let text = LSPSession.acme.replacingOccurrences(
            of: "reviewed: 2026-11-01\n", with: "reviewed: 2026-11-01\nerp_vendor: Big C\ntags: [erp, cloud n\n")
        let out = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/acme.md", text),
            session.request(2, "textDocument/completion", "accounts/acme.md", line: 6, character: 17),
            session.request(3, "textDocument/completion", "accounts/acme.md", line: 7, character: 19),
        ]).messages
        let (edits, range) = (out.completionEdits, LSPSession.range)
        #expect(edits(2).map { $0["newText"] } == ["Big Corp"] && edits(2).first?["range"] == range(6, 12, 17), "\(edits(2))")
        #expect(edits(3).contains { $0["newText"] == "cloud native" } && edits(3).allSatisfy { $0["range"] == range(7, 12, 19) },
                "\(edits(3))")
    }

    @Test func valuesByTypeWithDocumentation() throws {
        let session = try LSPSession(files: [
            "acctplan.yml": Self.config, "industries/tobacco.md": LSPSession.tobacco, "accounts/acme.md": LSPSession.acme,
            "accounts/beta.md": Self.account("Beta", vendor: "SAP", tags: "[cloud, erp]"),
            "accounts/gamma.md": Self.account("Gamma", vendor: "SAP", tags: "[cloud]"),
            "accounts/delta.md": Self.account("Delta", vendor: "Oracle", tags: "[]"),
        ])
        let text = LSPSession.acme.replacingOccurrences(
            of: "reviewed: 2026-11-01\n", with: "reviewed: 2026-11-01\nerp_vendor: \nsigned: \nbudget: \ntier: \ntags: \n")
        let out = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/acme.md", text),
            session.request(2, "textDocument/completion", "accounts/acme.md", line: 6, character: 12),
            session.request(3, "textDocument/completion", "accounts/acme.md", line: 7, character: 8),
            session.request(4, "textDocument/completion", "accounts/acme.md", line: 8, character: 8),
            session.request(5, "textDocument/completion", "accounts/acme.md", line: 9, character: 6),
            session.request(6, "textDocument/completion", "accounts/acme.md", line: 10, character: 6),
            session.request(7, "textDocument/hover", "accounts/acme.md", line: 9, character: 1),
        ]).messages
        func items(_ id: Int) -> [JSON] { out.response(id)?["result"]?["items"]?.array ?? [] }
        // Text: the spellings other plans use, the commonest shown with its count.
        #expect(items(2).map { $0["label"] } == ["Oracle", "SAP"])
        #expect(items(2).last?["detail"] == "used in 2 plans")
        #expect(items(2).first?["documentation"]?["value"]?.string?.hasPrefix("**erp_vendor** — custom field of type `string`") == true)
        // A date: today (the lint date) as a snippet to edit.
        #expect(items(3).map { $0["label"] } == ["2026-12-01"])
        #expect(items(3).first?["insertText"] == "${1:2026-12-01}")
        #expect(items(3).first?["insertTextFormat"] == 2)
        #expect(items(3).first?["documentation"]?["value"]?.string?.contains("accepts a date, `YYYY-MM-DD`") == true)
        // Money: the workspace currency first, then those of fx:.
        #expect(items(4).map { $0["label"] } == ["CNY …", "USD …"])
        #expect(items(4).first?["insertText"] == "CNY ${1:amount}")
        // A number: nothing to guess.
        #expect(items(5).isEmpty)
        // A list: the items other plans use.
        #expect(items(6).map { $0["label"] } == ["cloud", "erp"])
        #expect(items(6).first?["detail"] == "used in 2 plans")
        #expect(out.response(7)?["result"]?["contents"]?["value"]?.string
            == "**tier** — custom field of type `integer`, declared under `fields:` in acctplan.yml; accepts a whole number, e.g. `1`.")
    }

    @Test func keysNotWrittenYetComeWithTheirDocumentation() throws {
        let session = try LSPSession(files: [
            "acctplan.yml": Self.config, "industries/tobacco.md": LSPSession.tobacco, "accounts/acme.md": LSPSession.acme,
        ])
        let out = session.run([
            session.initialize(), LSPSession.initialized,
            session.open("accounts/acme.md", LSPSession.acme),
            session.request(2, "textDocument/completion", "accounts/acme.md", line: 1, character: 0),
        ]).messages
        let budget = out.response(2)?["result"]?["items"]?.array?.first { $0["label"] == "budget" }
        #expect(budget?["detail"] == "custom field (money, acctplan.yml)")
        #expect(budget?["documentation"]?["value"]?.string?.hasSuffix("accepts an amount with its currency, e.g. `CNY 1.5M`.") == true)
    }
}

/// The Offering column (产品线) completes the ids of `offerings:`, each with its name, in
/// catalogue order; a plan of a workspace without a catalogue gets nothing to guess.
struct OfferingCompletionTests {
    static let plan = """
        ---
        name: Acme Tobacco
        industry: tobacco
        stage: departmental
        manager: li-you
        reviewed: 2026-11-01
        ---
        ## 已实施产品

        | 产品 | 状态 | 产品线 |
        | --- | --- | --- |
        | 财务云 | live |  |

        """

    @Test func theCatalogueInItsOrder() throws {
        let config = LSPSession.config + "offerings:\n  - {id: supply-chain, name: Supply chain}\n  - {id: finance, name: Finance cloud}\n"
        for (files, expected) in [(["acctplan.yml": config], ["supply-chain", "finance"]), (["acctplan.yml": LSPSession.config], [])] {
            let session = try LSPSession(files: files.merging(["industries/tobacco.md": LSPSession.tobacco]) { first, _ in first })
            let out = session.run([
                session.initialize(), LSPSession.initialized,
                session.open("accounts/acme.md", Self.plan),
                session.request(2, "textDocument/completion", "accounts/acme.md", line: 11, character: 15),
            ]).messages
            let items = out.response(2)?["result"]?["items"]?.array ?? []
            #expect(items.map { $0["label"]?.string ?? "" } == expected)
            if !expected.isEmpty { #expect(items.map { $0["detail"]?.string ?? "" } == ["Supply chain", "Finance cloud"]) }
        }
    }
}
