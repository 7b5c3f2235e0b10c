import Foundation

/// A shortest edit script between two sequences of lines (Myers, "An O(ND) Difference Algorithm
/// and Its Variations", 1986): which lines of the old sequence are kept, which are removed, and
/// which lines of the new one are added, in order. Pure; used to show how prose changed.
public enum LineDiff {
    /// Edit scripts longer than this (removed plus added lines, after the common head and tail
    /// are set aside) are not searched for: the middle is reported as all removed, then all
    /// added. Myers' search costs time in proportion to (old + new lines) × this distance and
    /// memory in proportion to its square (about 8 MB at 1,000); no prose edit a person reviews
    /// comes near it, and a diff report shows far fewer lines anyway (see ``ProseDiff``).
    public static let maxEditDistance = 1_000

    /// One step of an edit script, with indices into the old and new sequences.
    public enum Edit: Hashable, Sendable {
        case kept(old: Int, new: Int)
        case removed(old: Int)
        case added(new: Int)
    }

    /// The edits that turn `old` into `new`: every old index appears once (kept or removed) and
    /// every new index once (kept or added), both in increasing order; between two kept lines the
    /// removed lines come before the added ones, as a reader expects. Minimal (fewest removed
    /// plus added) unless more than `maxDistance` edits are needed.
    public static func edits<Line: Hashable>(_ old: [Line], _ new: [Line], maxDistance: Int = maxEditDistance) -> [Edit] {
        // The common head and tail cost nothing and are most of a typical edit.
        var head = 0
        while head < old.count, head < new.count, old[head] == new[head] { head += 1 }
        var tail = 0
        while tail < old.count - head, tail < new.count - head, old[old.count - 1 - tail] == new[new.count - 1 - tail] { tail += 1 }
        // Lines as small integers: the search compares them many times.
        var numbers: [Line: Int] = [:]
        func number(_ line: Line) -> Int {
            if let known = numbers[line] { return known }
            numbers[line] = numbers.count
            return numbers.count - 1
        }
        let a = old[head..<(old.count - tail)].map(number)
        let b = new[head..<(new.count - tail)].map(number)
        var result = (0..<head).map { Edit.kept(old: $0, new: $0) }
        let middle = middleEdits(a, b, maxDistance: maxDistance)
            ?? (a.indices.map { Edit.removed(old: $0) } + b.indices.map { Edit.added(new: $0) })
        for edit in middle {
            switch edit {
            case .kept(let x, let y): result.append(.kept(old: head + x, new: head + y))
            case .removed(let x): result.append(.removed(old: head + x))
            case .added(let y): result.append(.added(new: head + y))
            }
        }
        for offset in 0..<tail { result.append(.kept(old: old.count - tail + offset, new: new.count - tail + offset)) }
        return removalsFirst(result)
    }

    /// Each run of edits between kept lines reordered: its removals, then its additions (the
    /// order within a run is free; indices stay increasing on each side).
    static func removalsFirst(_ edits: [Edit]) -> [Edit] {
        var result: [Edit] = []
        result.reserveCapacity(edits.count)
        var added: [Edit] = []
        for edit in edits {
            switch edit {
            case .kept:
                result += added
                added.removeAll(keepingCapacity: true)
                result.append(edit)
            case .removed: result.append(edit)
            case .added: added.append(edit)
            }
        }
        return result + added
    }

    /// Myers' greedy forward search with the frontier of every round kept for the way back;
    /// nil when more than `maxDistance` edits are needed.
    static func middleEdits(_ a: [Int], _ b: [Int], maxDistance: Int) -> [Edit]? {
        let n = a.count, m = b.count
        let limit = min(n + m, maxDistance)
        // frontier[offset + k]: the furthest x reached on diagonal k (y = x - k).
        let offset = limit + 1
        var frontier = [Int](repeating: 0, count: 2 * limit + 3)
        // rounds[d][k + d]: the frontier after round d, for k in -d...d.
        var rounds: [[Int]] = []
        var found: Int?
        search: for d in 0...limit {
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if d == 0 {
                    x = 0
                } else if k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]) {
                    x = frontier[offset + k + 1] // down: a line of b added
                } else {
                    x = frontier[offset + k - 1] + 1 // right: a line of a removed
                }
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                frontier[offset + k] = x
                if x >= n, y >= m {
                    found = d
                    break
                }
            }
            rounds.append(Array(frontier[(offset - d)...(offset + d)]))
            if found != nil { break search }
        }
        guard let distance = found else { return nil }
        // Back from (n, m): each round undoes its diagonal run, then its one edit.
        var reversed: [Edit] = []
        var x = n, y = m
        for d in stride(from: distance, through: 1, by: -1) {
            let previous = rounds[d - 1]
            func reached(_ k: Int) -> Int { previous[k + d - 1] }
            let k = x - y
            let fromAbove = k == -d || (k != d && reached(k - 1) < reached(k + 1))
            let previousK = fromAbove ? k + 1 : k - 1
            let previousX = reached(previousK), previousY = previousX - previousK
            while x > previousX, y > previousY {
                x -= 1
                y -= 1
                reversed.append(.kept(old: x, new: y))
            }
            if fromAbove {
                y -= 1
                reversed.append(.added(new: y))
            } else {
                x -= 1
                reversed.append(.removed(old: x))
            }
        }
        while x > 0, y > 0 {
            x -= 1
            y -= 1
            reversed.append(.kept(old: x, new: y))
        }
        return reversed.reversed()
    }
}
