import Foundation
import PlanEngine
import PlanModel
import PlanWorkspace
import Testing

/// The whitespace map's cells, counts and groups on plans written inline (the template's map is
/// worked out by hand in EndToEndTests/WhitespaceEndToEndTests).
struct WhitespaceTests {
    static let config = """
        offerings:
          - {id: erp, name: ERP suite}
          - {id: hr, name: HR cloud}
          - {id: crm}
        """

    static func account(_ id: String, segments: String = "[]", manager: String = "li-you", installed: String = "",
                        opportunities: String = "") -> String {
        """
        ---
        name: \(id.capitalized)
        industry: tobacco
        segments: \(segments)
        stage: departmental
        manager: \(manager)
        reviewed: 2026-11-01
        ---
        ## Installed base

        | Product | Status | Offering |
        | --- | --- | --- |
        \(installed)
        ## Opportunities

        | ID | Name | Stage | Amount | Close | Offering |
        | --- | --- | --- | --- | --- | --- |
        \(opportunities)
        """
    }

    static func map(_ files: [String: String], accounts: Set<String>? = nil, by: Rollup.Dimension? = nil) throws -> Whitespace {
        try Whitespace.compute(WorkspaceLoader.load(from: MemorySource(files)), accounts: accounts, by: by)
    }

    static func states(_ map: Whitespace) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: map.accounts.map { ($0.id, $0.cells.map { $0.state?.rawValue ?? "" }) })
    }

    @Test func theStrongestRowWinsAndRetiredOrUnknownStagesSayNothing() throws {
        let map = try Self.map([
            "acctplan.yml": Self.config,
            // erp: lost, then pipeline, then won, then installed (implementing) — installed wins.
            // hr: retired (nothing) and lost: lost. crm: an unknown stage only: whitespace.
            "accounts/a.md": Self.account("a", installed: """
                | ERP | implementing | erp |
                | Payroll | retired | hr |
                """, opportunities: """
                | o1 | ERP 1 | lost | 1M | 2026-01-01 | erp |
                | o2 | ERP 2 | qualify | 1M | 2027-01-01 | erp |
                | o3 | ERP 3 | won | 1M | 2026-02-01 | erp |
                | o4 | HR | lost | 1M | 2026-03-01 | hr |
                | o5 | CRM | dreaming | 1M | 2027-01-01 | crm |
                """),
            // erp: pipeline beats lost; hr: won beats pipeline; crm: installed with no status.
            "accounts/b.md": Self.account("b", installed: "| CRM | | crm |\n", opportunities: """
                | o1 | ERP | lost | 1M | 2026-01-01 | erp |
                | o2 | ERP | negotiate | 1M | 2027-01-01 | erp |
                | o3 | HR | develop | 1M | 2027-01-01 | hr |
                | o4 | HR | won | 1M | 2026-01-01 | hr |
                """),
            // No Offering anywhere: all whitespace.
            "accounts/c.md": Self.account("c", installed: "| ERP | live | |\n"),
        ])
        #expect(map.fromCatalogue)
        #expect(map.offerings.map(\.id) == ["erp", "hr", "crm"])
        #expect(map.offerings.map(\.name) == ["ERP suite", "HR cloud", "crm"])
        #expect(Self.states(map) == ["a": ["installed", "lost", ""], "b": ["pipeline", "won", "installed"], "c": ["", "", ""]])
        // Every row naming the offering is evidence, strongest first, file order among equals.
        let erp = map.accounts[0].cells[0]
        #expect(erp.evidence.map(\.line) == [13, 21, 20, 19])
        #expect(erp.evidence.map(\.state) == [.installed, .won, .pipeline, .lost])
        #expect(erp.evidence[0].message == "ERP (implementing)")
        #expect(erp.evidence[1].message == "o3 (won)")
        #expect(erp.evidence.allSatisfy { $0.path == "accounts/a.md" })
        #expect(map.accounts[0].cells[2].evidence.isEmpty, "an unknown stage is no evidence")
        let counts = map.counts.map { [$0.installed, $0.won, $0.pipeline, $0.lost, $0.whitespace] }
        #expect(counts == [[1, 0, 1, 0, 1], [0, 1, 0, 1, 1], [1, 0, 0, 0, 2]])
    }

    /// A misspelt status is an error, and the row counts as nothing: it might be retired.
    @Test func aMisspeltInstalledStatusSaysNothing() throws {
        let files = [
            "acctplan.yml": Self.config,
            "accounts/a.md": Self.account("a", installed: "| ERP | retird | erp |\n| HR | Live | hr |\n| CRM | | crm |\n"),
        ]
        let map = try Self.map(files)
        #expect(Self.states(map) == ["a": ["", "installed", "installed"]], "retird: nothing; Live: live; empty: live")
        #expect(map.accounts[0].cells[0].evidence.isEmpty)
        let workspace = try WorkspaceLoader.load(from: MemorySource(files))
        #expect(workspace.findings.contains { $0.rule == .invalidValue && $0.message.contains("retird") }, "\(workspace.findings)")
    }

    @Test func withoutACatalogueTheColumnsAreTheIdsThePlansName() throws {
        let map = try Self.map([
            "accounts/a.md": Self.account("a", installed: "| X | live | zeta |\n", opportunities: "| o1 | Y | propose | 1M | 2027-01-01 | alpha |\n"),
            "accounts/b.md": Self.account("b", opportunities: "| o1 | Y | won | 1M | 2026-01-01 | zeta |\n"),
        ])
        #expect(!map.fromCatalogue)
        #expect(map.offerings.map(\.id) == ["alpha", "zeta"])
        #expect(Self.states(map) == ["a": ["pipeline", "installed"], "b": ["", "won"]])
    }

    @Test func groupsCountAnAccountInEverySegmentItBelongsTo() throws {
        let files = [
            "acctplan.yml": Self.config + "\npeople: {li-you: {name: Li You}, ma-tao: {name: Ma Tao}}\n",
            "segments/high-end.md": "---\nname: High end\nowner: li-you\n---\n",
            "accounts/a.md": Self.account("a", segments: "[high-end, growth]", installed: "| ERP | live | erp |\n"),
            "accounts/b.md": Self.account("b", segments: "[growth]", manager: "ma-tao",
                                          opportunities: "| o1 | HR | qualify | 1M | 2027-01-01 | hr |\n"),
            "accounts/c.md": Self.account("c"),
        ]
        let bySegment = try Self.map(files, by: .segment)
        #expect(bySegment.dimension == .segment)
        #expect(bySegment.groups.map(\.id) == ["growth", "high-end"], "c is in no segment: in no group")
        #expect(bySegment.groups.map(\.name) == [nil, "High end"])
        #expect(bySegment.groups.map { $0.members.map { bySegment.accounts[$0].id } } == [["a", "b"], ["a"]])
        #expect(bySegment.ungrouped.map { bySegment.accounts[$0].id } == ["c"], "said under the groups, not dropped")
        let growth = bySegment.groups[0].counts.map { [$0.installed, $0.pipeline, $0.whitespace] }
        #expect(growth == [[1, 0, 1], [0, 1, 1], [0, 0, 2]])
        // The totals count every account once.
        #expect(bySegment.counts.map(\.whitespace) == [2, 2, 3])
        let byManager = try Self.map(files, by: .manager)
        #expect(byManager.groups.map { "\($0.id)=\($0.name ?? "")" } == ["li-you=Li You", "ma-tao=Ma Tao"])
        let whole = try Self.map(files)
        #expect(byManager.ungrouped.isEmpty && whole.ungrouped.isEmpty, "every account has a manager; no --by, no groups")
        // A selection keeps only the named accounts.
        let selected = try Self.map(files, accounts: ["b"])
        #expect(selected.accounts.map(\.id) == ["b"])
        #expect(selected.counts.map(\.pipeline) == [0, 1, 0])
    }
}
