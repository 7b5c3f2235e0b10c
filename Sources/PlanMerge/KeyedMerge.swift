/// One merged unit (a front-matter key, a table row, a list item, a section): a value, or a
/// conflict between the sides' values (nil where a side deleted the unit or did not have it).
enum Merged<Value> {
    case value(Value)
    case conflict(ours: Value?, base: Value?, theirs: Value?)
}

/// The three-way merge of keyed sequences that every part of a plan uses: units are matched by
/// key, never by position; a unit changed on one side takes that change; changed on both
/// sides, `merge` decides; deleted on one side and changed on the other is a conflict. Order:
/// ours, with the units only theirs has placed after their predecessor in theirs (and after
/// the units ours added there).
enum KeyedMerge {
    static func merge<Value>(
        base: [(key: String, value: Value)], ours: [(key: String, value: Value)], theirs: [(key: String, value: Value)],
        same: (Value, Value) -> Bool, merge: (_ base: Value?, _ ours: Value, _ theirs: Value) -> Merged<Value>
    ) -> [Merged<Value>] {
        let baseMap = Dictionary(unique(base), uniquingKeysWith: { first, _ in first })
        let theirsMap = Dictionary(unique(theirs), uniquingKeysWith: { first, _ in first })
        let oursUnique = unique(ours)
        let oursKeys = Set(oursUnique.map(\.key))
        var result: [(key: String, merged: Merged<Value>)] = []
        for (key, mine) in oursUnique {
            let original = baseMap[key]
            guard let other = theirsMap[key] else {
                // Theirs deleted it (or never had it).
                guard let original else { result.append((key, .value(mine))); continue }
                if same(original, mine) { continue }
                result.append((key, .conflict(ours: mine, base: original, theirs: nil)))
                continue
            }
            if same(mine, other) { result.append((key, .value(mine))); continue }
            if let original, same(original, mine) { result.append((key, .value(other))); continue }
            if let original, same(original, other) { result.append((key, .value(mine))); continue }
            result.append((key, merge(original, mine, other)))
        }
        // Units only theirs has: after their predecessor in theirs.
        var insertAt = 0
        for (key, other) in unique(theirs) {
            if oursKeys.contains(key) {
                if let index = result.firstIndex(where: { $0.key == key }) { insertAt = index + 1 }
                // Rows ours added right after the same predecessor stay first: both sides'
                // appended rows end up ours then theirs.
                while insertAt < result.count, baseMap[result[insertAt].key] == nil, theirsMap[result[insertAt].key] == nil {
                    insertAt += 1
                }
                continue
            }
            let merged: Merged<Value>
            if let original = baseMap[key] {
                // Ours deleted it.
                if same(original, other) { continue }
                merged = .conflict(ours: nil, base: original, theirs: other)
            } else {
                merged = .value(other)
            }
            result.insert((key, merged), at: insertAt)
            insertAt += 1
        }
        return result.map(\.merged)
    }

    /// Keys made unique by occurrence (`k`, `k\u{0}2`, ...), so that repeated keys match in order.
    static func unique<Value>(_ items: [(key: String, value: Value)]) -> [(key: String, value: Value)] {
        var seen: [String: Int] = [:]
        return items.map { item in
            let count = (seen[item.key] ?? 0) + 1
            seen[item.key] = count
            return (count == 1 ? item.key : "\(item.key)\u{0}\(count)", item.value)
        }
    }

    /// The three-way merge of one value: the side that changed wins; nil when both changed differently.
    static func pick<T: Equatable>(_ base: T?, _ ours: T, _ theirs: T) -> T? {
        if ours == theirs { return ours }
        if base == ours { return theirs }
        if base == theirs { return ours }
        return nil
    }
}
