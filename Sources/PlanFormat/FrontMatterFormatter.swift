import PlanModel

/// Puts the top-level front-matter keys in the plan schema's order (PLAN_FORMAT.md §4, with
/// `kind` and `id` first), working on the lines as written so that every comment, quote and blank line stays
/// beside its key. Keys the format does not define (custom fields) follow in their own order.
///
/// A key's block is its line, the lines of its value, and the comment lines written directly
/// above it (at the start of a line, with no blank line in between). Lines before the first
/// block stay first; blank and comment lines after the last value stay last. The front matter is
/// left in its order when its keys are not one per line at the start of a line (a flow mapping,
/// an indented mapping, explicit `?` keys).
///
/// Tabs between a key's `:` and its value become one space (``separatorWithoutTabs(_:keyColumn:)``).
enum FrontMatterFormatter {
    /// The canonical key order of each kind: the plan schema's.
    static let orders: [PlanKind: [String]] = Dictionary(uniqueKeysWithValues: PlanKind.allCases.map { kind in
        (kind, PlanSchema.standard.fields(of: kind).map(\.key))
    })

    /// - Parameters:
    ///   - lines: the lines between the fences (without line ends).
    ///   - keys: the top-level keys in written order with the index in `lines` of each key's line.
    /// - Returns: the order in which to write the lines: a permutation of `lines.indices`.
    static func order(_ lines: [[UInt8]], keys: [(key: String, lineIndex: Int)], kind: PlanKind) -> [Int] {
        let identity = Array(lines.indices)
        guard !keys.isEmpty,
              zip(keys, keys.dropFirst()).allSatisfy({ $0.lineIndex < $1.lineIndex }),
              keys.allSatisfy({ $0.lineIndex < lines.count && startsKey(lines[$0.lineIndex]) }) else { return identity }
        // Each block starts at its comments; the previous block ends where the next one starts.
        var starts = keys.map(\.lineIndex)
        for (index, key) in keys.enumerated() {
            let floor = index == 0 ? 0 : keys[index - 1].lineIndex + 1
            var start = key.lineIndex
            while start > floor, isComment(lines[start - 1]) { start -= 1 }
            starts[index] = start
        }
        // Trailing blank and comment lines after the last value stay at the end.
        var tailStart = lines.count
        while tailStart > keys[keys.count - 1].lineIndex + 1, isBlankOrComment(lines[tailStart - 1]) { tailStart -= 1 }

        let canonical = orders[kind] ?? []
        func rank(_ key: String) -> Int { canonical.firstIndex(of: key) ?? canonical.count }
        let sorted = keys.indices.sorted { (rank(keys[$0].key), $0) < (rank(keys[$1].key), $1) }
        var result = Array(0..<starts[0])
        for block in sorted {
            let end = block + 1 < keys.count ? starts[block + 1] : tailStart
            result += starts[block]..<end
        }
        result += tailStart..<lines.count
        return result
    }

    /// `line` with the blanks between a key's `:` and its value written as one space, when they
    /// hold a tab (`manager:\tli-you`); nil when there is nothing to change. YAML 1.2 reads a tab
    /// there as a separator, but many YAML tools refuse it. `keyColumn` is where the key starts
    /// (code points, 1-based). Blanks at the end of the line are left for trimming.
    static func separatorWithoutTabs(_ line: [UInt8], keyColumn: Int) -> [UInt8]? {
        let colon = UInt8(ascii: ":")
        func isBlank(_ index: Int) -> Bool { index < line.count && (line[index] == 0x20 || line[index] == 0x09) }
        var index = 0
        var codePoints = 1
        while index < line.count, codePoints < keyColumn {
            index += 1
            if index < line.count, line[index] & 0xC0 != 0x80 { codePoints += 1 }
        }
        guard index < line.count else { return nil }
        // A quoted key may hold ': ' itself: its end is the closing quote.
        let quote = line[index]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            index += 1
            while index < line.count, line[index] != quote {
                index += quote == UInt8(ascii: "\"") && line[index] == UInt8(ascii: "\\") ? 2 : 1
            }
        }
        while index < line.count, !(line[index] == colon && (index + 1 == line.count || isBlank(index + 1))) { index += 1 }
        let start = index + 1
        var end = start
        while isBlank(end) { end += 1 }
        guard end < line.count, line[start..<end].contains(0x09) else { return nil }
        return Array(line[..<start]) + [0x20] + Array(line[end...])
    }

    /// Where every key of the front matter is written, nested keys included.
    static func keyLocations(_ entries: [FrontMatterEntry]) -> [SourceLocation] {
        func locations(in value: FrontMatterValue) -> [SourceLocation] {
            switch value {
            case .null, .scalar: return []
            case .list(let items): return items.flatMap(locations)
            case .mapping(let entries): return keyLocations(entries)
            }
        }
        return entries.flatMap { [$0.keyLocation] + locations(in: $0.value) }
    }

    /// A line that begins a top-level key: not indented, not a comment, a sequence item, a
    /// flow collection or an explicit key.
    private static func startsKey(_ line: [UInt8]) -> Bool {
        guard let first = line.first else { return false }
        return ![UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "#"), UInt8(ascii: "-"), UInt8(ascii: "{"),
                 UInt8(ascii: "["), UInt8(ascii: "?")].contains(first)
    }

    private static func isComment(_ line: [UInt8]) -> Bool { line.first == UInt8(ascii: "#") }

    /// Also the document end marker `...`, which must stay last.
    private static func isBlankOrComment(_ line: [UInt8]) -> Bool {
        isComment(line) || line.allSatisfy { $0 == 0x20 || $0 == 0x09 } || line.elementsEqual("...".utf8)
    }
}
