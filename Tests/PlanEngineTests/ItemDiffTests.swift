import Foundation
@testable import PlanEngine
import Testing

/// Items whose keys stay where they were are paired by position; matching by key is the
/// definition. Held equal on generated sections: reordered, repeated, added and removed keys,
/// changed and unchanged fields.
struct ItemDiffTests {
    @Test func pairingByPositionEqualsMatchingByKey() {
        var generator = SystemRandomNumberGenerator()
        let keys = ["opp-a", "opp-b", "opp-c", "opp-d", "opp-e"]
        func item(_ key: String) -> PlanDiff.Item {
            PlanDiff.Item(key: key, fields: [("amount", .text(["1M", "2M", "3M"].randomElement(using: &generator)!)),
                                             ("stage", Bool.random(using: &generator) ? .null : .text("won"))])
        }
        var pairedByPosition = 0
        for _ in 0..<5_000 {
            let old = (0..<Int.random(in: 0...6, using: &generator)).map { _ in item(keys.randomElement(using: &generator)!) }
            var new: [PlanDiff.Item]
            switch Int.random(in: 0..<4, using: &generator) {
            case 0, 1: new = old.map { Bool.random(using: &generator) ? $0 : item($0.key) } // same keys, some fields changed
            case 2: new = old.shuffled(using: &generator)
            default: new = (0..<Int.random(in: 0...6, using: &generator)).map { _ in item(keys.randomElement(using: &generator)!) }
            }
            if Set(old.map(\.key)).count == old.count, old.map(\.key) == new.map(\.key) { pairedByPosition += 1 }
            #expect(PlanDiff.diffItems(old, new) == PlanDiff.diffItemsByKey(old, new), "\(old.map(\.key)) → \(new.map(\.key))")
        }
        #expect(pairedByPosition > 1_000, "the generator reaches the pairing by position")
    }
}
