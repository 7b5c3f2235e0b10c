import Foundation
import PlanModel

/// Blanks out the parts two versions of a plan have in common, so a semantic diff parses only
/// what changed. A plan is cut at its front matter and at every ATX heading of level 1 or 2 that
/// starts a line (outside fenced code); a part that is byte-for-byte the same in both versions —
/// same heading, same position among the parts with that heading, same lines — cannot differ
/// in meaning, so both copies are replaced by empty lines (line numbers are kept). The front
/// matter is always kept: it says what kind of plan the rest is.
public enum SectionSlicer {
    /// The two versions with their common sections blanked, or the originals when either is not
    /// UTF-8 text with a front matter (then the parser should see everything).
    public static func withoutCommonSections(_ old: Data, _ new: Data) -> (Data, Data) {
        let oldParts = parts(old), newParts = parts(new)
        guard !oldParts.isEmpty, !newParts.isEmpty else { return (old, new) }
        // A part is common when the other version has a part with the same key and the same bytes.
        func index(_ parts: [Part]) -> [String: [ArraySlice<UInt8>]] {
            var result: [String: [ArraySlice<UInt8>]] = [:]
            for part in parts where part.key != nil { result[part.key!, default: []].append(part.bytes) }
            return result
        }
        let oldIndex = index(oldParts), newIndex = index(newParts)
        func isCommon(_ part: Part, _ other: [String: [ArraySlice<UInt8>]], _ own: [String: [ArraySlice<UInt8>]]) -> Bool {
            // Repeated headings (a duplicate section) are always parsed in full.
            guard let key = part.key, own[key]?.count == 1, let theirs = other[key], theirs.count == 1 else { return false }
            return theirs[0].elementsEqual(part.bytes)
        }
        func rebuild(_ parts: [Part], other: [String: [ArraySlice<UInt8>]], own: [String: [ArraySlice<UInt8>]]) -> Data {
            var output = Data()
            for part in parts {
                if isCommon(part, other, own) {
                    output.append(Data(repeating: 0x0A, count: part.lines))
                } else {
                    output.append(contentsOf: part.bytes)
                }
            }
            return output
        }
        return (rebuild(oldParts, other: newIndex, own: oldIndex), rebuild(newParts, other: oldIndex, own: newIndex))
    }

    struct Part {
        /// nil for the front matter (always kept); otherwise the heading line (or "" for the
        /// text between the front matter and the first heading).
        var key: String?
        var bytes: ArraySlice<UInt8>
        var lines: Int
    }

    /// Cuts a plan into its front matter and its heading-led parts; empty when it has no front
    /// matter (a broken plan is parsed whole).
    static func parts(_ data: Data) -> [Part] {
        let bytes = [UInt8](data)
        var lineStarts = SourceText.lineStarts(of: bytes)
        // A final LF ends the last line; it starts no empty one here.
        if lineStarts.count > 1, lineStarts.last == bytes.count { lineStarts.removeLast() }
        func line(_ index: Int) -> ArraySlice<UInt8> {
            let start = lineStarts[index]
            var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
            if end > start, bytes[end - 1] == 0x0A { end -= 1 }
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            return bytes[start..<end]
        }
        func isFence(_ text: ArraySlice<UInt8>) -> Bool { text.elementsEqual("---".utf8) }
        var first = line(0)
        if first.starts(with: [0xEF, 0xBB, 0xBF]) { first = first.dropFirst(3) }
        guard isFence(first) else { return [] }
        var closing: Int?
        for index in 1..<lineStarts.count where isFence(line(index)) {
            closing = index
            break
        }
        guard let closing else { return [] }
        var parts: [Part] = []
        func end(ofLine index: Int) -> Int { index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count }
        parts.append(Part(key: nil, bytes: bytes[0..<end(ofLine: closing)], lines: closing + 1))
        var partStart = closing + 1
        var key = ""
        var fence: (byte: UInt8, count: Int)?
        func closePart(at index: Int) {
            guard index > partStart else { return }
            parts.append(Part(key: key, bytes: bytes[lineStarts[partStart]..<end(ofLine: index - 1)], lines: index - partStart))
        }
        var index = closing + 1
        while index < lineStarts.count {
            let text = line(index)
            let indent = text.prefix { $0 == 0x20 }.count
            let trimmed = text.dropFirst(indent)
            if indent < 4, let marker = trimmed.first, marker == UInt8(ascii: "`") || marker == UInt8(ascii: "~") {
                let run = trimmed.prefix { $0 == marker }.count
                if run >= 3 {
                    if let open = fence {
                        if open.byte == marker && run >= open.count { fence = nil }
                    } else {
                        fence = (marker, run)
                    }
                }
            } else if fence == nil, text.first == UInt8(ascii: "#"), isHeading(text) {
                closePart(at: index)
                partStart = index
                key = partKey(text)
            }
            index += 1
        }
        closePart(at: lineStarts.count)
        return parts
    }

    /// Recognized sections are keyed by what they are, whatever alias names them, so that an
    /// `## Actions` next to a `## 行动计划` is seen as the duplicate it is; other headings by their line.
    static func partKey(_ line: ArraySlice<UInt8>) -> String {
        if line.prefix(2).elementsEqual("##".utf8) {
            // Trimmed and stripped of closing hashes on bytes: a space, a tab or `#` is one byte,
            // and a byte of a longer character is never one of them.
            func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
                let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
                guard let first = bytes.firstIndex(where: { !isBlank($0) }) else { return bytes[bytes.endIndex...] }
                return bytes[first...bytes.lastIndex(where: { !isBlank($0) })!]
            }
            var title = trimmed(line.dropFirst(2))
            while title.last == UInt8(ascii: "#") { title = title.dropLast() }
            if let kind = SectionKind(heading: String(decoding: trimmed(title), as: UTF8.self)) { return "section:" + kind.rawValue }
        }
        return String(decoding: line, as: UTF8.self)
    }

    /// `# ` or `## ` (or a bare `#`/`##`) at the very start of the line.
    static func isHeading(_ text: ArraySlice<UInt8>) -> Bool {
        let hashes = text.prefix { $0 == UInt8(ascii: "#") }.count
        guard hashes == 1 || hashes == 2 else { return false }
        let rest = text.dropFirst(hashes)
        return rest.isEmpty || rest.first == 0x20 || rest.first == 0x09
    }
}
