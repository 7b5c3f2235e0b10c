import Foundation
import PlanParser

/// A task list (Actions) or dated list (Moments of truth) merged item by item: an item's
/// identity is its text without the check box, date and @owner; the box, the date, the owner
/// and the lines that continue the item merge each on their own. The lines before the first
/// item merge as prose. A moment of truth is keyed by its text too (not by date and text, its
/// `Moment.key` in a diff): one side moving its date and the other editing its owner merge.
/// Two items with the same text match in the order they are written.
enum ListMerge {
    struct Item: Equatable {
        var lines: [String]
        var box: String?
        var date: String?
        var owner: String?
        var text: String
        var rest: [String]

        var parts: [String?] { [box, date, owner, text, rest.joined(separator: "\n")] }
    }

    static func merge(base: [String], ours: [String], theirs: [String], into output: inout MergeOutput) {
        let (baseHead, baseItems, baseTail) = split(base)
        let (oursHead, oursItems, oursTail) = split(ours)
        let (theirsHead, theirsItems, theirsTail) = split(theirs)
        output.lineMerge(base: baseHead, ours: oursHead, theirs: theirsHead)
        func keyed(_ items: [Item]) -> [(key: String, value: Item)] { items.map { ($0.text, $0) } }
        let merged = KeyedMerge.merge(base: keyed(baseItems), ours: keyed(oursItems), theirs: keyed(theirsItems),
                                      same: { $0.parts == $1.parts }) { original, item, other in
            guard let original else { return .conflict(ours: item, base: nil, theirs: other) }
            var parts: [String?] = []
            for index in item.parts.indices {
                guard let part = KeyedMerge.pick(original.parts[index], item.parts[index], other.parts[index]) else {
                    return .conflict(ours: item, base: original, theirs: other)
                }
                parts.append(part)
            }
            var result = item
            result.box = parts[0]
            result.date = parts[1]
            result.owner = parts[2]
            result.rest = parts[4] == other.rest.joined(separator: "\n") ? other.rest : item.rest
            var head = "- "
            if let box = result.box { head += "[\(box)] " }
            if let date = result.date { head += date + " " }
            if let owner = result.owner { head += owner + " " }
            result.lines = [head + result.text] + result.rest
            return .value(result)
        }
        for item in merged {
            switch item {
            case .value(let item): output.append(item.lines)
            case .conflict(let mine, let original, let other):
                output.conflict(ours: mine?.lines ?? [], base: original?.lines ?? [], theirs: other?.lines ?? [])
            }
        }
        output.append(oursTail.count >= theirsTail.count ? oursTail : theirsTail)
        _ = baseTail
    }

    /// The lines before the first item, the items, and the blank lines that end the section.
    static func split(_ lines: [String]) -> (head: [String], items: [Item], tail: [String]) {
        var end = lines.count
        while end > 0, lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty { end -= 1 }
        let body = lines[..<end]
        guard let first = body.firstIndex(where: isItem) else { return (Array(body), [], Array(lines[end...])) }
        var items: [Item] = []
        for line in body[first...] {
            if isItem(line) {
                items.append(item(line))
            } else {
                items[items.count - 1].lines.append(line)
                items[items.count - 1].rest.append(line)
            }
        }
        return (Array(body[..<first]), items, Array(lines[end...]))
    }

    static func isItem(_ line: String) -> Bool { line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("+ ") || line == "-" }

    static func item(_ line: String) -> Item {
        var rest = Substring(line.dropFirst(2))
        var box: String?
        if rest.count >= 3, rest.hasPrefix("["), rest.dropFirst(2).hasPrefix("]"),
           let mark = rest.dropFirst().first, mark == " " || mark == "x" || mark == "X" {
            box = String(mark).lowercased()
            rest = rest.dropFirst(3).drop { $0 == " " }
        }
        var date: String?
        if let word = rest.split(separator: " ", maxSplits: 1).first, looksLikeDate(word) {
            date = String(word)
            rest = rest.dropFirst(word.count).drop { $0 == " " }
        }
        var owner: String?
        if let word = rest.split(separator: " ", maxSplits: 1).first, word.hasPrefix("@") {
            owner = String(word)
            rest = rest.dropFirst(word.count).drop { $0 == " " }
        }
        let text = rest.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        return Item(lines: [line], box: box, date: date, owner: owner, text: text, rest: [])
    }

    static func looksLikeDate(_ word: Substring) -> Bool { PlanParser.looksLikeItemDate(word) }
}
