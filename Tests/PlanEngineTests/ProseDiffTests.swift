import Foundation
import PlanEngine
import PlanModel
import PlanParser
import Testing

/// How prose changes are shown: per part of the plan, the changed lines, matched by heading,
/// bounded. Plans inline, parsed with their prose text as `diff`, `log` and `textconv` do.
struct ProseDiffTests {
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

    @Test func anEditedSentenceShowsAsItsOldAndNewLine() throws {
        let change = try #require(Self.compare(Self.base, Self.replacing("Budget freeze until Q3.",
                                                                          "Budget freeze until Q4; the CFO confirmed it.")))
        #expect(change.proseChanged)
        #expect(change.fields == [] && change.sections == [])
        #expect(change.prose == [ProseChange(heading: "Risks", status: .modified, lines: [
            ProseLineChange(.removed, line: 19, text: "Budget freeze until Q3."),
            ProseLineChange(.added, line: 19, text: "Budget freeze until Q4; the CFO confirmed it."),
        ])])
    }

    @Test func theTitleAndIntroductionAndARecognizedSectionsNotes() throws {
        let edited = Self.replacing("Amounts are before discount.", "Amounts are after discount.",
                                    in: Self.replacing("since 2009.", "since 2009, HR since 2024."))
        let change = try #require(Self.compare(Self.base, edited))
        #expect(change.prose.map(\.heading) == [nil, "Opportunities"])
        #expect(change.prose[0].lines.map(\.text) == ["Xinan runs our financials since 2009.",
                                                      "Xinan runs our financials since 2009, HR since 2024."])
        #expect(change.sections == [], "notes are not items")
    }

    @Test func chineseProseIsShownAsWritten() throws {
        let old = Self.base + "## 风险\n\n客户预算冻结到第三季度。\n"
        let new = Self.base + "## 风险\n\n客户预算冻结到第四季度。\n竞争对手在接触财务总监。\n"
        let change = try #require(Self.compare(old, new))
        #expect(change.prose == [ProseChange(heading: "风险", status: .modified, lines: [
            ProseLineChange(.removed, line: 27, text: "客户预算冻结到第三季度。"),
            ProseLineChange(.added, line: 27, text: "客户预算冻结到第四季度。"),
            ProseLineChange(.added, line: 28, text: "竞争对手在接触财务总监。"),
        ])])
    }

    @Test func aMovedSectionIsNoChange() {
        let moved = Self.replacing("## Risks\n\nBudget freeze until Q3.\nSAP is pitching to the CFO.\n\n", "") +
            "\n## Risks\n\nBudget freeze until Q3.\nSAP is pitching to the CFO.\n"
        #expect(Self.compare(Self.base, moved) == nil)
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

    // MARK: Bounds

    @Test func aSectionShowsAtMostItsShareOfLines() throws {
        let many = (1...50).map { "Risk number \($0)." }.joined(separator: "\n") + "\n"
        let change = try #require(Self.compare(Self.base, Self.base + "## Long list\n\n" + many))
        let part = try #require(change.prose.first)
        #expect(part.lines.count == ProseDiff.maxLinesPerSection)
        #expect(part.omittedLines == 51 - ProseDiff.maxLinesPerSection, "50 lines and the heading")
        #expect(part.isTruncated)
        #expect(part.lines.last?.text == "Risk number \(ProseDiff.maxLinesPerSection - 1).")
    }

    @Test func aPlanShowsAtMostItsBudgetOfLines() throws {
        var addition = ""
        for section in 1...5 {
            addition += "## Part \(section)\n\n" + (1...30).map { "Line \($0) of part \(section)." }.joined(separator: "\n") + "\n\n"
        }
        let change = try #require(Self.compare(Self.base, Self.base + addition))
        #expect(change.prose.count == 5, "every changed part is named, even past the budget")
        #expect(change.prose.reduce(0) { $0 + $1.lines.count } == ProseDiff.maxLinesPerPlan)
        #expect(change.prose.reduce(0) { $0 + $1.lines.count + $1.omittedLines } == 5 * 31)
        #expect(change.prose.last?.lines == [] && change.prose.last?.omittedLines == 31)
    }

    @Test func aLongLineIsCut() throws {
        let long = String(repeating: "很长的句子。", count: 100)
        let change = try #require(Self.compare(Self.base, Self.replacing("SAP is pitching to the CFO.", long)))
        let added = try #require(change.prose.first?.lines.last)
        #expect(added.text.count == ProseDiff.maxLineCharacters + 1 && added.text.hasSuffix("…"))
        #expect(added.text.hasPrefix("很长的句子。"))
    }

    // MARK: Without prose text

    @Test func plansParsedWithoutProseTextStillSayWhetherItChanged() throws {
        let edited = Self.replacing("Budget freeze until Q3.", "Budget freeze until Q4.")
        let change = try #require(PlanDiff.compare(.init(Self.plan(Self.base, depth: .full), config: WorkspaceConfig()),
                                                   .init(Self.plan(edited, depth: .full), config: WorkspaceConfig())))
        #expect(change.proseChanged && change.prose == [])
    }
}
