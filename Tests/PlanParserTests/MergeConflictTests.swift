import Foundation
import PlanModel
import PlanParser
import Testing

/// Conflict markers git leaves after a merge: one `merge-conflict` finding per block at its
/// `<<<<<<<` line, and nothing else read from the file (no rows, items or YAML made of two
/// versions at once).
struct MergeConflictTests {
    static let frontMatter = "---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\n---\n"

    @Test func conflictInsideAnActionsListIsOneFindingAndNoActionIsRead() {
        // Both clones appended an action: the markers would otherwise continue the last item's text.
        let parsed = parse(Self.frontMatter + """

            ## Actions

            - [ ] 2026-12-15 @li-you Run the group-finance workshop
            <<<<<<< HEAD
            - [ ] 2026-12-20 @li-you Consolidation pilot
            =======
            - [ ] 2027-01-10 @li-you Interface spec for MES
            >>>>>>> 1a2b3c4 (Clone A's action)

            """)
        #expect(parsed.located == ["merge-conflict 12:1"])
        #expect(parsed.findings.first?.message == "unresolved merge conflict (lines 12–16); the plan is not read until it is resolved")
        #expect(parsed.findings.first?.hint?.contains("'<<<<<<<'") == true)
        #expect(!parsed.plan.isReadable)
        #expect(parsed.plan.hasMergeConflicts)
        #expect(parsed.plan.mergeConflictLines == [12])
        #expect(parsed.plan.actions.isEmpty)
    }

    @Test func conflictInATableGivesNoRowDiagnostics() {
        let parsed = parse(Self.frontMatter + """

            ## Opportunities

            | ID      | Name | Stage     | Amount | Close      |
            | ------- | ---- | --------- | ------ | ---------- |
            <<<<<<< HEAD
            | opp-erp | ERP  | negotiate | 2.4M   | 2027-03-31 |
            | opp-hr  | HR   | qualify   | 1M     | 2027-06-30 |
            =======
            | opp-erp | ERP  | propose   | 2.0M   | 2027-03-31 |
            -------------------
            >>>>>>> theirs

            """)
        #expect(parsed.located == ["merge-conflict 13:1"])
        #expect(parsed.plan.opportunities.isEmpty)
    }

    @Test func conflictInFrontMatterIsNotAYAMLError() {
        let parsed = parse("""
            ---
            name: Acme
            industry: tobacco
            <<<<<<< ours
            stage: industry-solution
            ||||||| base
            stage: departmental
            =======
            stage: integration
            >>>>>>> theirs
            manager: li-you
            reviewed: 2026-11-01
            ---

            """)
        #expect(parsed.located == ["merge-conflict 4:1"])
        #expect(parsed.findings.first?.message.contains("lines 4–10") == true)
        #expect(parsed.plan.header.stage == nil)
    }

    @Test func everyBlockIsReportedAtItsOpeningLineWithCRLFAndABOM() {
        let text = "\u{FEFF}" + Self.frontMatter + "\n## Stakeholders\n\n| Name | Role |\n| --- | --- |\n<<<<<<< HEAD\n| Zhou Ming | decision-maker |\n=======\n| Zhou Ming | sponsor |\n>>>>>>> main\n\n## Risks\n\n<<<<<<< HEAD\nBudget freeze.\n=======\nBudget approved.\n>>>>>>> main\n"
        let parsed = parse(Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        #expect(parsed.located == ["merge-conflict 13:1", "merge-conflict 21:1"])
        #expect(parsed.plan.stakeholders.isEmpty)
    }

    @Test func strayAndUnclosedMarkersAreConflictsToo() {
        let stray = parse(Self.frontMatter + "\n## Risks\n\nKept one side.\n>>>>>>> theirs\n")
        #expect(stray.located == ["merge-conflict 12:1"])
        #expect(stray.findings.first?.message.hasPrefix("stray merge-conflict marker") == true)
        let unclosed = parse(Self.frontMatter + "\n## Risks\n\n<<<<<<< HEAD\nBudget freeze.\n")
        #expect(unclosed.located == ["merge-conflict 11:1"])
        #expect(unclosed.findings.first?.message.contains("no closing '>>>>>>>'") == true)
        let bare = parse(Self.frontMatter + "\n<<<<<<<\nA\n=======\nB\n>>>>>>>\n")
        #expect(bare.located == ["merge-conflict 9:1"])
    }

    @Test func lookalikesAreNotConflicts() {
        // A setext heading's underline, longer runs, markers not at the line start, quoted in prose.
        let parsed = parse(Self.frontMatter + """

            Risks
            =======

            ========
            <<<<<<<< eight is not seven
             <<<<<<< indented
            >>>>>>>x no space
            The marker `<<<<<<< HEAD` in a sentence.

            """)
        #expect(parsed.findings.isEmpty)
        #expect(parsed.plan.isReadable)
    }

    @Test func blocksAreFoundByTheSharedScanner() {
        let text = "a\n<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> x\nd\n|||||||\n<<<<<<< y\n"
        let blocks = MergeConflictMarkers.blocks(in: Array(text.utf8))
        #expect(blocks == [
            .init(startLine: 2, endLine: 6),
            .init(startLine: 8, endLine: 8, isOpened: false),
            .init(startLine: 9, endLine: nil),
        ])
        #expect(MergeConflictMarkers.firstLine(in: Data("x\n=======\n".utf8)) == nil)
    }

    @Test func longerMarkersOfConflictMarkerSizeAreABlockWhenClosedAtTheSameSize() {
        // `conflict-marker-size=10` in .gitattributes: git (and a merge driver given %L) writes
        // ten-character markers. Alone, or closed at another size, such a line is a lookalike.
        let text = "a\n<<<<<<<<<< HEAD\nb\n==========\nc\n>>>>>>>>>> theirs\nd\n<<<<<<<<< nine\n>>>>>>>>>> ten\n"
        #expect(MergeConflictMarkers.blocks(in: Array(text.utf8)) == [.init(startLine: 2, endLine: 6)])
        let crlf = "<<<<<<<<<<\r\nb\r\n||||||||||\r\n==========\r\n>>>>>>>>>>\r\n"
        #expect(MergeConflictMarkers.blocks(in: Array(crlf.utf8)) == [.init(startLine: 1, endLine: 5)])
        let parsed = parse(Self.frontMatter + "\n## Risks\n\n<<<<<<<<<< ours\nApril.\n==========\nMay.\n>>>>>>>>>> theirs\n")
        #expect(parsed.located == ["merge-conflict 11:1"])
        #expect(!parsed.plan.isReadable)
    }

    @Test func manyUnclosedLongerOpeningMarkersAreOnePassNotOneSearchEach() {
        // 40,000 lookalike openings with no closing marker: each used to search to the end of
        // the file (800 million line visits); the closings are now indexed once. Then two real
        // blocks of different sizes after them, and one opening whose only closing comes before it.
        var text = String(repeating: "<<<<<<<< eight\nx\n", count: 40_000)
        text += "<<<<<<<<< nine\nours\n=========\ntheirs\n>>>>>>>>> nine\n"
        text += ">>>>>>>>>> ten, before its opening\n<<<<<<<<<< ten\na\n>>>>>>>>>> ten\n"
        text += "<<<<<<<<<<<< twelve, closed only earlier\n"
        let first = 80_001
        #expect(MergeConflictMarkers.blocks(in: Array(text.utf8)) == [
            .init(startLine: first, endLine: first + 4),
            .init(startLine: first + 6, endLine: first + 8),
        ])
    }

    @Test func markersCommittedByMistakeThatConflictAgainNestAsOneBlock() {
        let text = "<<<<<<< HEAD\n<<<<<<< a\nx\n=======\ny\n>>>>>>> a\n=======\nz\n>>>>>>> main\nend\n>>>>>>> stray"
        #expect(MergeConflictMarkers.blocks(in: Array(text.utf8)) == [
            .init(startLine: 1, endLine: 9),
            .init(startLine: 11, endLine: 11, isOpened: false),
        ])
    }

    @Test func acctplanYmlWithConflictsIsNotReadAndSaysSo() {
        let (config, findings) = parseConfig("""
            version: 1
            currency: USD
            people:
            <<<<<<< HEAD
              li-you: {name: Li You}
            =======
              wang-fang: {name: Wang Fang}
            >>>>>>> theirs

            """)
        #expect(findings.located == ["merge-conflict 4:1"])
        #expect(findings.first?.message.contains("no plan is checked") == true)
        #expect(config.hasMergeConflicts)
        #expect(config.currency == "CNY") // the defaults: nothing of the file was read
    }

    @Test func aFrontMatterThatIsNotYAMLMakesThePlanUnreadable() {
        // No stage, no industry: content rules must not judge the plan (no false no-sponsor).
        let parsed = parse("---\nname: Acme\nstage: [departmental\n---\n\n## Stakeholders\n\n| Name | Role |\n| --- | --- |\n| Zhou | user |\n")
        #expect(parsed.findings.map(\.rule) == [.frontMatter])
        #expect(!parsed.plan.isReadable)
        #expect(parsed.plan.stakeholders.isEmpty)
    }
}
