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

    /// Random words over a three-letter alphabet (so that many pairs are close), every bound.
    @Test func bandedDistanceAgreesWithTheFullTable() {
        var generator = SplitMix(seed: 7)
        let letters: [Unicode.Scalar] = ["a", "b", "-"]
        func word() -> [Unicode.Scalar] {
            (0..<Int.random(in: 0...9, using: &generator)).map { _ in letters[Int.random(in: 0..<3, using: &generator)] }
        }
        for _ in 0..<3_000 {
            let a = word(), b = word()
            let full = Self.fullDistance(a, b)
            for bound in 0...4 {
                let banded = ClosestMatch.editDistance(a, b, atMost: bound)
                #expect(banded == (full <= bound ? full : nil), "\(String(String.UnicodeScalarView(a))) / \(String(String.UnicodeScalarView(b))) bound \(bound)")
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
        #expect(clock.now - start < .seconds(5 * testTimeScale))
    }
}

/// `ACCTPLAN_TEST_TIME_SCALE` (scripts/sanitize sets 10).
let testTimeScale = Int(ProcessInfo.processInfo.environment["ACCTPLAN_TEST_TIME_SCALE"] ?? "") ?? 1

/// A seeded generator, so a failure can be replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
