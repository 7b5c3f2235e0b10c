import Foundation
import PlanEngine
import PlanModel
import PlanParser
import Testing

/// How prose changed: a minimal line diff (Myers), per part of the plan, bounded.
struct ProseDiffTests {
    /// The length of a longest common subsequence, by dynamic programming: an oracle for Myers.
    static func lcs(_ a: [Int], _ b: [Int]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 1...max(1, a.count) where i <= a.count {
            for j in 1...max(1, b.count) where j <= b.count {
                table[i][j] = a[i - 1] == b[j - 1] ? table[i - 1][j - 1] + 1 : max(table[i - 1][j], table[i][j - 1])
            }
        }
        return table[a.count][b.count]
    }

    /// Applies an edit script: the kept and added lines in order must be `new`.
    static func apply(_ edits: [LineDiff.Edit], _ old: [Int], _ new: [Int]) -> [Int] {
        edits.compactMap { edit in
            switch edit {
            case .kept(let x, _): return old[x]
            case .added(let y): return new[y]
            case .removed: return nil
            }
        }
    }

    @Test func editScriptsAreCorrectAndMinimalOnEverySmallPair() {
        // Every pair of sequences of length ≤ 4 over a three-letter alphabet: exhaustive, not sampled.
        var sequences: [[Int]] = [[]]
        for length in 1...4 {
            var next: [[Int]] = []
            for sequence in sequences where sequence.count == length - 1 { for letter in 0..<3 { next.append(sequence + [letter]) } }
            sequences += next
        }
        for old in sequences {
            for new in sequences {
                let edits = LineDiff.edits(old, new)
                #expect(Self.apply(edits, old, new) == new, "\(old) → \(new)")
                let kept = edits.filter { if case .kept = $0 { return true } else { return false } }.count
                #expect(kept == Self.lcs(old, new), "\(old) → \(new): not minimal")
                #expect(edits.count == old.count + new.count - kept)
            }
        }
    }

    @Test func beyondTheBoundTheMiddleIsAllRemovedThenAllAdded() {
        let old = Array(0..<50), new = Array(100..<150)
        let edits = LineDiff.edits(old, new, maxDistance: 10)
        #expect(Self.apply(edits, old, new) == new)
        #expect(edits.prefix(50).allSatisfy { if case .removed = $0 { return true } else { return false } })
    }

    static func prose(_ body: String) -> [ProseSection] {
        let text = "---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\n---\n" + body
        return PlanParser().parse(Data(text.utf8), path: "accounts/acme.md", kind: .account, id: "acme", depth: .withProse).plan.prose ?? []
    }

    @Test func aChangedSentenceIsOneRemovedAndOneAddedLineOfItsSection() {
        let before = Self.prose("# Acme\n\nIntro.\n\n## Risks\n\nBudget freeze until March.\nCIO leaves in June.\n\n## 服务说明\n\n每月一次回访。\n")
        let after = Self.prose("# Acme\n\nIntro.\n\n## Risks\n\nBudget freeze until May.\nCIO leaves in June.\n\n## 服务说明\n\n每两周一次回访。\n")
        let changes = ProseDiff.changes(before, after)
        #expect(changes.map(\.heading) == ["Risks", "服务说明"])
        #expect(changes[0].lines.map { "\($0.operation.rawValue)\($0.line) \($0.text)" }
            == ["-14 Budget freeze until March.", "+14 Budget freeze until May."])
        #expect(changes[1].lines.map { "\($0.operation.rawValue) \($0.text)" } == ["- 每月一次回访。", "+ 每两周一次回访。"])
    }

    @Test func movedSectionsAreNoChangeAndAddedOrRemovedOnesAreWhole() {
        let before = Self.prose("## Risks\n\nOne.\n\n## Notes\n\nTwo.\n")
        #expect(ProseDiff.changes(before, Self.prose("## Notes\n\nTwo.\n\n## Risks\n\nOne.\n")).isEmpty)
        let changes = ProseDiff.changes(before, Self.prose("## Risks\n\nOne.\n\n## Service\n\nThree.\n"))
        #expect(changes.map { "\($0.heading ?? "") \($0.status.rawValue) \($0.lines.count)" } == ["Service added 2", "Notes removed 2"])
    }

    @Test func longEditsAreBoundedPerSectionAndPerPlan() {
        let many = (1...30).map { "Line \($0)." }.joined(separator: "\n")
        let other = (1...30).map { "Row \($0)." }.joined(separator: "\n")
        let sections = (1...4).map { "## Part \($0)\n\n" }
        let before = Self.prose(sections.map { $0 + many + "\n\n" }.joined())
        let after = Self.prose(sections.map { $0 + other + "\n\n" }.joined())
        let changes = ProseDiff.changes(before, after)
        #expect(changes.map(\.lines.count) == [ProseDiff.maxLinesPerSection, ProseDiff.maxLinesPerSection,
                                                ProseDiff.maxLinesPerSection, 0])
        #expect(changes.map(\.omittedLines) == [40, 40, 40, 60])
        let long = Self.prose("## Risks\n\n" + String(repeating: "x", count: 1_000) + "\n")
        let cut = ProseDiff.changes([], long)
        #expect(cut[0].lines.last?.text.count == ProseDiff.maxLineCharacters + 1 && cut[0].lines.last?.text.hasSuffix("…") == true)
    }

    @Test func lintsParseKeepsNoProseText() {
        let text = "---\nname: Acme\n---\n## Risks\n\nOne.\n"
        #expect(PlanParser().parse(Data(text.utf8), path: "accounts/acme.md", kind: .account, id: "acme").plan.prose == nil)
    }
}
