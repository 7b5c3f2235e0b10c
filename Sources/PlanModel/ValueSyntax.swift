import Foundation

/// The value syntaxes of PLAN_FORMAT.md §5 that are not money or dates.
public enum ValueSyntax {
    /// `^[a-z0-9][a-z0-9-]{0,63}$`: plan ids, person ids, stage ids, opportunity ids.
    public static func isValidID(_ text: String) -> Bool {
        var count = 0
        for byte in text.utf8 {
            let alphanumeric = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            guard alphanumeric || (byte == UInt8(ascii: "-") && count > 0) else { return false }
            count += 1
            if count > 64 { return false }
        }
        return count > 0
    }

    /// A percent from 0 to 100, with or without `%`: `60%`, `60`, `12.5%`.
    public static func parsePercent(_ text: String) -> Decimal? {
        var bytes = Substring(text).utf8[...]
        func trim() {
            while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
            while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        }
        trim()
        if bytes.last == UInt8(ascii: "%") { bytes = bytes.dropLast() }
        trim()
        guard case .success(let value) = Money.parseDecimal(bytes, allowThousands: false), value <= 100 else { return nil }
        return value
    }

    /// The closest candidate to a misspelt word, for "did you mean ...?" hints; nil when none is close.
    /// Ties go to the alphabetically first candidate, so the hint never depends on iteration order.
    /// To ask about many words, build one ``ClosestMatch``.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        ClosestMatch(candidates).closest(to: word)
    }

    /// What to suggest for a mistyped id or name: the nearest spelling, else the one candidate
    /// that begins with the word (`harbour` for `harbour-city-land`, `closing` for
    /// `closing-this-quarter`: no spelling distance reaches those); nil when several begin so.
    public static func suggestion(for word: String, in candidates: [String]) -> String? {
        if let near = closest(to: word, in: candidates) { return near }
        let beginning = Set(candidates.filter { $0.hasPrefix(word.lowercased()) })
        return beginning.count == 1 ? beginning.first : nil
    }

    /// The first `limit` of `items` joined by ", ", then ", and N more" for the rest: how a message
    /// names files without flooding the terminal.
    public static func shortList(_ items: [String], limit: Int) -> String {
        let shown = items.prefix(limit).joined(separator: ", ")
        return items.count > limit ? shown + ", and \(items.count - limit) more" : shown
    }

    /// ` (did you mean 'x'?)` after a message, or "" when there is no suggestion. `prefix` goes
    /// before the suggestion (`#` for an opportunity reference).
    public static func didYouMean(_ suggestion: String?, prefix: String = "") -> String {
        suggestion.map { " (did you mean '\(prefix)\($0)'?)" } ?? ""
    }
}

extension StringProtocol where SubSequence == Substring {
    /// Without leading and trailing spaces and tabs; cheaper than Foundation's trimming, which
    /// bridges through NSString.
    public func trimmingSpaces() -> Substring {
        let slice = self[...]
        guard let start = slice.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return slice[slice.endIndex...] }
        let end = slice.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return slice[start...end]
    }

    /// The lines, without their line ends: a line ends at LF or CRLF, as a plan's do
    /// (docs/format.md). Splitting Characters at "\n" does not end a line at CRLF: "\r\n" is
    /// one Character, and a CRLF text would be one line.
    public func splitLines() -> [Substring] {
        let slice = self[...]
        let utf8 = slice.utf8
        var lines: [Substring] = []
        var start = utf8.startIndex
        func add(_ end: String.Index) {
            var end = end
            if end > start, utf8[utf8.index(before: end)] == 0x0D { end = utf8.index(before: end) }
            lines.append(slice[start..<end])
        }
        while let newline = utf8[start...].firstIndex(of: 0x0A) {
            add(newline)
            start = utf8.index(after: newline)
        }
        add(utf8.endIndex)
        return lines
    }

    /// The first line, without its line end (LF or CRLF), as ``splitLines()`` gives it.
    public var firstLine: Substring {
        let slice = self[...]
        guard let newline = slice.utf8.firstIndex(of: 0x0A) else { return slice }
        let line = slice[..<newline]
        return line.utf8.last == 0x0D ? line.dropLast() : line
    }
}
