import Foundation
import PlanEngine
import Testing

/// The line diff behind prose changes, on lines a reader recognises: removals before additions,
/// CJK text, moved and repeated lines, and the bound on its cost (minimality on every small pair
/// is checked exhaustively in ProseDiffTests).
struct LineDiffTests {
    /// The script as `-x` / `+y` / ` z` lines, to compare with what a reader expects.
    static func render(_ old: [String], _ new: [String], maxDistance: Int = LineDiff.maxEditDistance) -> [String] {
        LineDiff.edits(old, new, maxDistance: maxDistance).map { edit in
            switch edit {
            case .kept(let x, _): return " " + old[x]
            case .removed(let x): return "-" + old[x]
            case .added(let y): return "+" + new[y]
            }
        }
    }

    /// Checks that the script is a valid one: old indices in order, new indices in order, kept
    /// lines equal; returns its length (removed + added).
    static func check(_ old: [String], _ new: [String], _ edits: [LineDiff.Edit],
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Int {
        var x = 0, y = 0, distance = 0
        for edit in edits {
            switch edit {
            case .kept(let a, let b):
                #expect(a == x && b == y && old[a] == new[b], sourceLocation: sourceLocation)
                x += 1
                y += 1
            case .removed(let a):
                #expect(a == x, sourceLocation: sourceLocation)
                x += 1
                distance += 1
            case .added(let b):
                #expect(b == y, sourceLocation: sourceLocation)
                y += 1
                distance += 1
            }
        }
        #expect(x == old.count && y == new.count, sourceLocation: sourceLocation)
        return distance
    }

    @Test func aChangedSentenceIsOneRemovedAndOneAddedLine() {
        let old = ["Budget freeze until Q3.", "SAP is pitching to the CFO.", "We answer with the roadmap."]
        let new = ["Budget freeze until Q4; the CFO confirmed it.", "SAP is pitching to the CFO.", "We answer with the roadmap."]
        #expect(Self.render(old, new) == ["-Budget freeze until Q3.", "+Budget freeze until Q4; the CFO confirmed it.",
                                          " SAP is pitching to the CFO.", " We answer with the roadmap."])
    }

    @Test func emptySides() {
        #expect(Self.render([], []) == [])
        #expect(Self.render([], ["a", "b"]) == ["+a", "+b"])
        #expect(Self.render(["a", "b"], []) == ["-a", "-b"])
        #expect(Self.render(["a"], ["a"]) == [" a"])
    }

    @Test func chineseLinesAreComparedAsWholeLines() {
        let old = ["客户预算冻结到第三季度。", "竞争对手在接触财务总监。"]
        let new = ["客户预算冻结到第四季度。", "竞争对手在接触财务总监。", "我们安排了路线图交流。"]
        #expect(Self.render(old, new) == ["-客户预算冻结到第三季度。", "+客户预算冻结到第四季度。", " 竞争对手在接触财务总监。",
                                          "+我们安排了路线图交流。"])
    }

    @Test func aMovedLineIsRemovedThenAddedAndTheRestKept() {
        let old = ["a", "b", "c", "d"], new = ["b", "c", "d", "a"]
        #expect(Self.render(old, new) == ["-a", " b", " c", " d", "+a"])
    }

    @Test func removalsComeBeforeAdditionsWithinARun() {
        let old = ["keep", "x1", "x2", "keep too"], new = ["keep", "y1", "y2", "y3", "keep too"]
        #expect(Self.render(old, new) == [" keep", "-x1", "-x2", "+y1", "+y2", "+y3", " keep too"])
    }

    @Test func repeatedLinesKeepTheLongestCommonRun() {
        let old = ["a", "b", "a", "b", "a"], new = ["b", "a", "b", "a", "b"]
        let edits = LineDiff.edits(old, new)
        #expect(Self.check(old, new, edits) == 2)
    }

    @Test func beyondTheDistanceLimitTheMiddleIsReplacedWhole() {
        let old = ["head", "a", "b", "c", "tail"], new = ["head", "x", "b", "y", "tail"]
        // Four edits are needed; with a limit of three the middle is all removed, then all added.
        #expect(Self.render(old, new, maxDistance: 3) == [" head", "-a", "-b", "-c", "+x", "+b", "+y", " tail"])
        #expect(Self.render(old, new, maxDistance: 4) == [" head", "-a", "+x", " b", "-c", "+y", " tail"])
    }

    @Test func aLargeRewriteIsBoundedInTime() {
        // 100,000 lines replaced by 100,000 others: past the limit after ~1,000 rounds, not 200,000.
        let old = (0..<100_000).map { "old line \($0)" }, new = (0..<100_000).map { "new line \($0)" }
        let start = Date()
        let edits = LineDiff.edits(old, new)
        #expect(Self.check(old, new, edits) == 200_000)
        #expect(Date().timeIntervalSince(start) < 60, "bounded by the edit-distance limit (a hang guard, generous for a loaded machine)")
    }
}
