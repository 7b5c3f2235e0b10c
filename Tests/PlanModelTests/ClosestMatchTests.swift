import Foundation
@testable import PlanModel
import Testing

struct ClosestMatchTests {
    /// The full table, as the reference for the banded one.
    static func fullDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Every pair of words of up to four letters over a three-letter alphabet (so that many
    /// pairs are close), and longer words a few edits apart, at every bound.
    @Test func bandedDistanceAgreesWithTheFullTable() {
        let letters: [Unicode.Scalar] = ["a", "b", "-"]
        var words: [[Unicode.Scalar]] = [[]]
        var longer: [[Unicode.Scalar]] = [[]]
        for _ in 1...4 {
            longer = longer.flatMap { word in letters.map { word + [$0] } }
            words += longer
        }
        let long = Array("account-plan-of-shanghai".unicodeScalars)
        var pairs = words.flatMap { a in words.map { (a, $0) } }
        for edits in 0...5 {
            var other = long
            for edit in 0..<edits { other[edit * 4] = "x" }
            pairs += [(long, other), (long, Array(other.dropFirst(edits))), (Array(long.dropLast(edits)), other)]
        }
        for (a, b) in pairs {
            let full = Self.fullDistance(a, b)
            for bound in 0...4 {
                #expect(ClosestMatch.editDistance(a, b, atMost: bound) == (full <= bound ? full : nil),
                        "\(String(String.UnicodeScalarView(a))) / \(String(String.UnicodeScalarView(b))) bound \(bound)")
            }
        }
    }

    @Test func closestAgreesWithTheRulesOfThumb() {
        let stages = ClosestMatch(["departmental", "industry-solution", "integration"])
        #expect(stages.closest(to: "industy-solution") == "industry-solution")
        #expect(stages.closest(to: "INTEGRATON") == "integration")
        #expect(stages.closest(to: "integration") == "integration")
        #expect(stages.closest(to: "xyz") == nil)
        // A short candidate accepts one edit only.
        #expect(ClosestMatch(["fx"]).closest(to: "f") == "fx")
        #expect(ClosestMatch(["abc"]).closest(to: "a") == nil)
    }

    /// A megabyte-long value against a thousand candidates: linear, not quadratic.
    @Test func longValuesAreComparedInLinearTime() {
        let candidates = ClosestMatch((0..<1_000).map { "person-\($0)" } + [String(repeating: "a", count: 100_000)])
        let clock = ContinuousClock()
        let start = clock.now
        #expect(candidates.closest(to: String(repeating: "b", count: 1_000_000)) == nil)
        #expect(candidates.closest(to: String(repeating: "a", count: 99_999) + "b") == String(repeating: "a", count: 100_000))
        // A hang guard (quadratic would take hours), generous for a loaded CI machine.
        #expect(clock.now - start < .seconds(60 * testTimeScale))
    }
}

/// `ACCTPLAN_TEST_TIME_SCALE` (scripts/sanitize sets 10).
let testTimeScale = Int(ProcessInfo.processInfo.environment["ACCTPLAN_TEST_TIME_SCALE"] ?? "") ?? 1
