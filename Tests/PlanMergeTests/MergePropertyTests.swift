import Foundation
import PlanEngine
import PlanGit
import PlanMerge
import PlanModel
import PlanParser
import PlanWorkspace
import Testing

/// Issue 13's guarantees over thousands of generated base/ours/theirs triples (seeded, so a
/// failure reproduces; ``GeneratedPlan`` says what is edited: rows of the three tables added,
/// removed, edited, reordered and re-keyed, items ticked, re-assigned, re-dated and added,
/// `team` and `segments` elements added and removed, prose lines added, changed and removed, a
/// table column added):
/// nothing is lost, symmetry up to order, idempotence, and a clean merge of plans that lint
/// clean lints clean.
struct MergePropertyTests {
    static let path = "accounts/acme.md"

    static func merged(_ base: String, _ ours: String, _ theirs: String) -> PlanMerger.Result {
        PlanMerger().merge(base: Data(base.utf8), ours: Data(ours.utf8), theirs: Data(theirs.utf8), path: path)
    }

    /// The result's lines without conflict markers, list values' elements sorted (their order
    /// is ours' then theirs').
    static func content(_ text: String) -> [String] {
        text.split(separator: "\n").filter { line in !["<<<<<<<", "|||||||", "=======", ">>>>>>>"].contains { line.hasPrefix($0) } }.map { line in
            for key in ["team", "segments"] where line.hasPrefix("\(key): [") {
                let elements = line.dropFirst(key.count + 3).dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                return "\(key): " + elements.sorted().joined(separator: ",")
            }
            return String(line)
        }
    }

    /// The rows of the result's tables (in conflict blocks too), as trimmed cells.
    static func tableRows(_ text: String) -> [[String]] {
        text.split(separator: "\n").filter { $0.hasPrefix("|") }.map { line in
            line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    /// The elements of a front-matter list in the result (clean results only).
    static func elements(_ key: String, _ text: String) -> Set<String> {
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("\(key): [") }) else { return [] }
        return Set(line.dropFirst(key.count + 3).dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
    }

    @Test func nothingIsLostAndTheMergeIsSymmetricAndIdempotent() {
        var rng = SeededRNG(seed: 13)
        var clean = 0
        for _ in 0..<2000 {
            let base = GeneratedPlan.base(&rng)
            let ours = GeneratedPlan.edit(base, side: "o", &rng), theirs = GeneratedPlan.edit(base, side: "t", &rng)
            let result = Self.merged(base.text, ours.text, theirs.text)
            let text = String(decoding: result.text, as: UTF8.self)
            Self.expectNothingLost(base, ours, theirs, in: text, clean: result.isClean)
            // Symmetry: the same content up to order, conflicts included (their sides swapped).
            let swapped = Self.merged(base.text, theirs.text, ours.text)
            #expect(swapped.conflicts == result.conflicts)
            #expect(Set(Self.content(text)) == Set(Self.content(String(decoding: swapped.text, as: UTF8.self))), "not symmetric:\n\(text)")
            // Idempotence: X with X over any base is X.
            #expect(Self.merged(base.text, ours.text, ours.text).text == Data(ours.text.utf8))
            #expect(Self.merged(theirs.text, ours.text, ours.text).text == Data(ours.text.utf8))
            if result.isClean {
                clean += 1
                #expect(PlanMerger().merge(base: Data(base.text.utf8), ours: result.text, theirs: result.text, path: Self.path).text == result.text)
                #expect(MergeConflictMarkers.blocks(in: result.text).isEmpty)
            } else {
                #expect(!MergeConflictMarkers.blocks(in: result.text).isEmpty)
            }
        }
        #expect(clean > 1000, "most generated pairs merge cleanly (\(clean) of 2000)")
    }

    /// Every change a side made is in the result, or inside a conflict block; a row both sides
    /// added alike appears once; a deletion the other side did not contest is applied.
    static func expectNothingLost(_ base: GeneratedPlan, _ ours: GeneratedPlan, _ theirs: GeneratedPlan, in text: String, clean: Bool) {
        let rows = tableRows(text)
        let lines = Set(text.split(separator: "\n").map(String.init))
        for (side, other) in [(ours, theirs), (theirs, ours)] {
            for (table, (original, otherTable)) in zip(side.tables, zip(base.tables, other.tables)) {
                for row in table.rows {
                    if let old = original.rows.first(where: { $0.key == row.key }) {
                        for column in table.header.dropFirst() where table.value(row, column) != original.value(old, column) {
                            let cell = table.value(row, column)
                            #expect(rows.contains { $0.first == row.key && $0.contains(cell) }, "\(row.key) \(column) \(cell) lost:\n\(text)")
                        }
                    } else {
                        // Its cells in order (an empty one where the other side added a column).
                        #expect(rows.contains { $0.first == row.key && $0.filter { !$0.isEmpty } == ([row.key] + row.cells).filter { !$0.isEmpty } },
                                "\(row.key) lost:\n\(text)")
                    }
                }
                // Deleted on this side, untouched (or deleted too) on the other: gone.
                for old in original.rows where !table.rows.contains(where: { $0.key == old.key }) {
                    if otherTable.rows.first(where: { $0.key == old.key }).map({ $0 == old }) ?? true {
                        #expect(!rows.contains { $0.first == old.key }, "\(old.key) deleted, yet kept:\n\(text)")
                    }
                }
            }
            for (items, originals) in [(side.actions, base.actions), (side.moments, base.moments)] {
                for item in items {
                    let old = originals.first { $0.text == item.text }
                    // Each part this side changed, in a line of the same item.
                    let changed = old == nil ? [item.line] : [
                        item.done != old?.done ? "[\(item.done == true ? "x" : " ")] " : nil,
                        item.date != old?.date ? " \(item.date) " : nil,
                        item.owner != old?.owner ? "@\(item.owner) " : nil,
                    ].compactMap { $0 }
                    for part in changed {
                        #expect(lines.contains { $0.hasPrefix("- ") && $0.hasSuffix(" \(item.text)") && $0.contains(part) }, "\(item.text): \(part) lost:\n\(text)")
                    }
                }
            }
            for line in side.prose where !base.prose.contains(line) { #expect(lines.contains(line), "\(line) lost:\n\(text)") }
            if side.stage != base.stage { #expect(lines.contains("stage: \(side.stage)"), "stage lost:\n\(text)") }
            // List elements: added ones are in, removed ones out (lists merge as sets, never conflict).
            for (key, mine, original) in [("team", side.team, base.team), ("segments", side.segments, base.segments)] {
                let result = elements(key, text)
                for element in mine where !original.contains(element) { #expect(result.contains(element), "\(key) \(element) lost:\n\(text)") }
                for element in original where !mine.contains(element) { #expect(!result.contains(element), "\(key) \(element) kept:\n\(text)") }
            }
        }
        // A change made by both sides appears once: no key twice in a clean result (a row both
        // added, or both re-keyed alike).
        if clean {
            let keys = rows.compactMap(\.first).filter { $0 != "---" }
            #expect(Set(keys).count == keys.count, "a key appears twice:\n\(text)")
        }
        for key in ["team", "segments"] {
            let line = text.split(separator: "\n").first { $0.hasPrefix("\(key): [") } ?? ""
            let list = line.dropFirst(key.count + 3).dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(Set(list).count == list.count, "\(key) repeats an element:\n\(text)")
        }
    }
}
