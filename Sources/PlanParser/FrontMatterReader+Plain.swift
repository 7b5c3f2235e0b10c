import PlanModel

/// Plain front matter without libyaml: most plans write one `key: value` per line, the value a
/// plain word or phrase or a flow list of plain words (`segments: [a, b]`). For them the entries
/// (and their positions) are read off the lines directly; libyaml's event stream and the
/// composition of its nodes were most of a history read's cost and 8 % of lint's.
///
/// The rule is conservative: anything else — a comment, an indented or continued line, a block
/// list or mapping, quotes, an anchor, a tag or another indicator, `: ` or ` #` inside a value, an
/// empty value, a repeated key, a tab, a CR, a control character or a character YAML reads as a
/// line break, invalid UTF-8 — and the YAML goes to libyaml (`nil`). Tests hold the two readings
/// equal on generated front matter.
extension FrontMatterReader {
    /// The entries with positions in `yaml` (line 1 is its first line), or nil.
    static func plain(_ yaml: ArraySlice<UInt8>) -> [FrontMatterEntry]? {
        var entries: [FrontMatterEntry] = []
        var keys = Set<String>()
        var lineNumber = 0
        var start = yaml.startIndex
        while start < yaml.endIndex {
            lineNumber += 1
            let end = yaml[start...].firstIndex(of: 0x0A) ?? yaml.endIndex
            defer { start = end + 1 }
            var line = yaml[start..<end]
            while line.last == 0x20 { line = line.dropLast() }
            if line.isEmpty { continue }
            // The key: a letter, then letters, digits, `_` and `-`; then `:` and a space.
            guard let first = line.first, isLetter(first) else { return nil }
            let keyBytes = line.prefix { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
            var rest = line[keyBytes.endIndex...]
            guard rest.count >= 3, rest.first == UInt8(ascii: ":"), rest[rest.startIndex + 1] == 0x20 else { return nil }
            rest = rest.dropFirst().drop { $0 == 0x20 }
            let key = String(decoding: keyBytes, as: UTF8.self)
            guard keys.insert(key).inserted else { return nil }
            let keyLocation = SourceLocation(line: lineNumber, column: 1)
            let valueLocation = SourceLocation(line: lineNumber, column: rest.startIndex - line.startIndex + 1)
            if rest.first == UInt8(ascii: "[") {
                guard let (items, columns) = flowList(rest) else { return nil }
                entries.append(FrontMatterEntry(key: key, value: .list(items.map(scalar)), keyLocation: keyLocation,
                                                valueLocation: valueLocation,
                                                itemLocations: columns.map { SourceLocation(line: lineNumber, column: $0 - line.startIndex + 1) }))
            } else {
                guard let text = plainScalar(rest, allowNonASCII: true) else { return nil }
                entries.append(FrontMatterEntry(key: key, value: scalar(text), keyLocation: keyLocation, valueLocation: valueLocation))
            }
        }
        return entries
    }

    /// A plain scalar as ``convert`` makes it: YAML's null words are null, anything else text.
    private static func scalar(_ text: String) -> FrontMatterValue {
        text == "~" || text == "null" || text == "Null" || text == "NULL" ? .null : .scalar(text, quoted: false)
    }

    /// `[a, b c, d]` of plain ASCII words: the items and the index of each item's first byte.
    private static func flowList(_ text: ArraySlice<UInt8>) -> ([String], [Int])? {
        guard text.last == UInt8(ascii: "]"), text.allSatisfy({ $0 < 0x80 }) else { return nil }
        let inner = text.dropFirst().dropLast()
        if inner.allSatisfy({ $0 == 0x20 }) { return ([], []) }
        var items: [String] = []
        var columns: [Int] = []
        for part in inner.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            var item = part.drop { $0 == 0x20 }
            while item.last == 0x20 { item = item.dropLast() }
            guard let text = plainScalar(item, allowNonASCII: false) else { return nil }
            items.append(text)
            columns.append(item.startIndex)
        }
        return (items, columns)
    }

    /// The text of a plain scalar that libyaml reads as written (trailing spaces already gone),
    /// or nil: it must not start with an indicator, nor hold `: `, ` #`, a flow indicator (in a
    /// list), a control character or anything YAML reads as a line break.
    private static func plainScalar(_ text: ArraySlice<UInt8>, allowNonASCII: Bool) -> String? {
        guard let first = text.first, !startIndicators.contains(first), text.last != UInt8(ascii: ":") else { return nil }
        var previous: UInt8 = 0
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            switch byte {
            case 0x00..<0x20, 0x7F:
                return nil
            case UInt8(ascii: "#") where previous == 0x20:
                return nil
            case 0x20 where previous == UInt8(ascii: ":"):
                return nil
            case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ":"):
                if !allowNonASCII { return nil } // in a flow list, these end or nest an item
            case 0x80...:
                guard allowNonASCII else { return nil }
                // NEL and the C1 controls, LS and PS, a BOM, U+FFFE and U+FFFF: YAML reads them
                // as line breaks or refuses them.
                let next = index + 1 < text.endIndex ? text[index + 1] : 0
                let third = index + 2 < text.endIndex ? text[index + 2] : 0
                if byte == 0xC2, next < 0xA0 { return nil }
                if byte == 0xE2, next == 0x80, third == 0xA8 || third == 0xA9 { return nil }
                if byte == 0xEF, (next == 0xBB && third == 0xBF) || (next == 0xBF && third >= 0xBE) { return nil }
            default:
                break
            }
            previous = byte
            index += 1
        }
        return String(validating: text, as: UTF8.self)
    }

    /// Bytes a plain scalar cannot start with (YAML's indicators; `-`, `?` and `:` as well, to be safe).
    private static let startIndicators: Set<UInt8> = Set("-?:,[]{}#&*!|>'\"%@`".utf8)

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
