import Foundation
import PlanEngine
import PlanModel
import PlanParser
import Testing

/// What counts as a part of a plan's prose and how parts are matched between versions: the intro
/// and the title, a recognized section's notes, headings added, removed, renamed or emptied,
/// whitespace, and plans parsed without prose text. Plans inline, parsed as `diff` does.
struct ProsePartsTests {
    static let path = "accounts/xinan-tobacco.md"

    static let base = """
        ---
        name: Xinan Tobacco
        stage: departmental
        ---
        # Xinan Tobacco – account plan

        Xinan runs our financials since 2009.

        ## Opportunities

        | ID | Name | Stage | Amount | Close |
        | --- | --- | --- | --- | --- |
        | opp-x | Consolidation phase 2 | negotiate | 2,000,000 | 2026-12-20 |

        Amounts are before discount.

        ## Risks

        Budget freeze until Q3.
        SAP is pitching to the CFO.

        ## Service notes

        Two open tickets on consolidation.

        """

    static func plan(_ text: String, depth: PlanParser.Depth = .withProse) -> Plan {
        PlanParser().parse(Data(text.utf8), path: path, kind: .account, id: "xinan-tobacco", depth: depth).plan
    }

    static func compare(_ old: String, _ new: String) -> PlanChange? {
        PlanDiff.compare(.init(plan(old), config: WorkspaceConfig()), .init(plan(new), config: WorkspaceConfig()))
    }

    static func replacing(_ old: String, _ new: String, in text: String = base) -> String {
        precondition(text.components(separatedBy: old).count == 2, "'\(old)' must occur once")
        return text.replacingOccurrences(of: old, with: new)
    }

    // MARK: The parser's part of it

    @Test func proseIsKeptPartByPartOnlyWhenAskedFor() throws {
        #expect(Self.plan(Self.base, depth: .full).prose == nil, "lint's parse does not keep prose text")
        let prose = try #require(Self.plan(Self.base).prose)
        #expect(prose.map(\.heading) == [nil, "Opportunities", "Risks", "Service notes"])
        #expect(prose.map(\.kind) == [nil, .opportunities, nil, nil])
        #expect(prose[0].lines == [ProseLine(line: 5, text: "# Xinan Tobacco – account plan"),
                                   ProseLine(line: 7, text: "Xinan runs our financials since 2009.")])
        #expect(prose[1].lines == [ProseLine(line: 15, text: "Amounts are before discount.")],
                "a recognized section's heading and table are not prose; its notes are")
        #expect(prose[2].lines.map(\.text) == ["## Risks", "Budget freeze until Q3.", "SAP is pitching to the CFO."])
        #expect(Self.plan(Self.base).proseFingerprint == Self.plan(Self.base, depth: .full).proseFingerprint)
    }

    // MARK: Changes

    @Test func theTitleAndIntroductionAndARecognizedSectionsNotes() throws {
        let edited = Self.replacing("Amounts are before discount.", "Amounts are after discount.",
                                    in: Self.replacing("since 2009.", "since 2009, HR since 2024."))
        let change = try #require(Self.compare(Self.base, edited))
        #expect(change.prose.map(\.heading) == [nil, "Opportunities"])
        #expect(change.prose[0].lines.map(\.text) == ["Xinan runs our financials since 2009.",
                                                      "Xinan runs our financials since 2009, HR since 2024."])
        #expect(change.sections == [], "notes are not items")
    }

    @Test func sectionsAddedAndRemovedAndEmptied() throws {
        let added = try #require(Self.compare(Self.base, Self.base + "## Competition\n\nOracle left in 2025.\n"))
        #expect(added.prose == [ProseChange(heading: "Competition", status: .added, lines: [
            ProseLineChange(.added, line: 25, text: "## Competition"), ProseLineChange(.added, line: 27, text: "Oracle left in 2025."),
        ])])
        let removed = try #require(Self.compare(Self.base, Self.replacing("## Service notes\n\nTwo open tickets on consolidation.\n", "")))
        #expect(removed.prose == [ProseChange(heading: "Service notes", status: .removed, lines: [
            ProseLineChange(.removed, line: 22, text: "## Service notes"),
            ProseLineChange(.removed, line: 24, text: "Two open tickets on consolidation."),
        ])])
        let emptied = try #require(Self.compare(Self.base, Self.replacing("Two open tickets on consolidation.\n", "")))
        #expect(emptied.prose.map(\.status) == [.modified])
        #expect(emptied.prose.first?.lines == [ProseLineChange(.removed, line: 24, text: "Two open tickets on consolidation.")])
    }

    @Test func aRenamedHeadingIsOnePartRemovedAndOneAdded() throws {
        let change = try #require(Self.compare(Self.base, Self.replacing("## Risks\n", "## Risks and issues\n")))
        #expect(change.prose.map(\.heading) == ["Risks and issues", "Risks"])
        #expect(change.prose.map(\.status) == [.added, .removed])
    }

    @Test func blanksAndLineEndsAreNoChange() {
        let spaced = Self.replacing("Budget freeze until Q3.\n", "Budget freeze until Q3.  \n\n")
        #expect(Self.compare(Self.base, spaced) == nil)
        #expect(Self.compare(Self.base, Self.base.replacingOccurrences(of: "\n", with: "\r\n")) == nil)
    }

    // MARK: Without prose text

    @Test func plansParsedWithoutProseTextStillSayWhetherItChanged() throws {
        let edited = Self.replacing("Budget freeze until Q3.", "Budget freeze until Q4.")
        let change = try #require(PlanDiff.compare(.init(Self.plan(Self.base, depth: .full), config: WorkspaceConfig()),
                                                   .init(Self.plan(edited, depth: .full), config: WorkspaceConfig())))
        #expect(change.proseChanged && change.prose == [])
    }
}
