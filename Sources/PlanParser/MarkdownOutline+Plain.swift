/// The outline of a plain plan body without cmark: most plans are only ATX headings, paragraphs,
/// GFM tables and one-line `- ` items, and for them the block structure is read off the lines
/// directly. cmark-gfm's full parse (its inline pass included) was a quarter of lint's CPU.
///
/// The rule is conservative: any line outside that subset — indentation, a tab or a CR, a block
/// quote, a fence, HTML, a thematic break or setext underline, another bullet or an ordered list,
/// an item that wraps, a table not set off by a blank line, a heading with inline markup — and
/// the body goes to cmark (`nil`). Tests hold the two readings equal on generated bodies.
extension MarkdownOutline {
    static func plain(_ bytes: ArraySlice<UInt8>, lineOffset: Int) -> MarkdownOutline? {
        // The lines, without their trailing spaces (they never change a line's kind here; a line
        // of spaces is blank). A CR, a tab, a NUL, a vertical tab or form feed, or a leading byte
        // order mark (cmark drops it): cmark's business.
        guard !bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { return nil }
        var lines: [Range<Int>] = []
        lines.reserveCapacity(64)
        var start = bytes.startIndex
        var end = start // the end of the line's last byte that is not a space
        for index in bytes.indices {
            switch bytes[index] {
            case 0x0A:
                lines.append(start..<end)
                start = index + 1
                end = start
            case 0x20:
                continue
            case 0x0D, 0x09, 0x00, 0x0B, 0x0C:
                return nil
            default:
                end = index + 1
            }
        }
        if start < bytes.endIndex { lines.append(start..<end) }
        func line(_ index: Int) -> ArraySlice<UInt8> { bytes[lines[index]] }
        func number(_ index: Int) -> Int { index + 1 + lineOffset }

        var outline = MarkdownOutline()
        var index = 0
        while index < lines.count {
            let text = line(index)
            guard let first = text.first else { index += 1; continue }
            switch first {
            case UInt8(ascii: "#"):
                guard let (level, title) = heading(text) else { return nil }
                outline.blocks.append(.heading(level: level, text: title, line: number(index)))
                index += 1
            case UInt8(ascii: "|"):
                // Reached only at the start, after a blank line or after a heading: never inside a paragraph.
                guard index + 1 < lines.count, let columns = cells(text), delimiterColumns(line(index + 1)) == columns else { return nil }
                var rows = [number(index)]
                var next = index + 2
                while next < lines.count, !line(next).isEmpty {
                    guard isRow(line(next)) else { return nil }
                    rows.append(number(next))
                    next += 1
                }
                outline.blocks.append(.table(rowLines: rows, endLine: number(next - 1)))
                index = next
            case UInt8(ascii: "-"):
                var items: [ListItem] = []
                var next = index
                while next < lines.count {
                    guard let checked = item(line(next)) else { return nil }
                    items.append(ListItem(line: number(next), paragraphEndLine: number(next), checked: checked))
                    var after = next + 1
                    while after < lines.count, line(after).isEmpty { after += 1 }
                    guard after < lines.count, line(after).first == UInt8(ascii: "-") else {
                        // Right after an item, only a heading may follow without a blank line:
                        // text there would continue the item's paragraph.
                        if after == next + 1, after < lines.count, line(after).first != UInt8(ascii: "#") { return nil }
                        next = after
                        break
                    }
                    next = after
                }
                outline.blocks.append(.list(items: items))
                index = next
            default:
                guard isParagraphStart(text) else { return nil }
                outline.blocks.append(.other(line: number(index)))
                var next = index + 1
                while next < lines.count, let byte = line(next).first {
                    if byte == UInt8(ascii: "#") || byte == UInt8(ascii: "-") { break } // a heading or an item interrupts
                    guard isParagraphStart(line(next)) else { return nil }
                    next += 1
                }
                index = next
            }
        }
        return outline
    }

    /// `## Title`: the level and the title, when the title needs no inline parsing.
    private static func heading(_ text: ArraySlice<UInt8>) -> (Int, String)? {
        let level = text.prefix(while: { $0 == UInt8(ascii: "#") }).count
        guard (1...6).contains(level), text.count > level + 1, text[text.startIndex + level] == 0x20 else { return nil }
        let title = text[(text.startIndex + level)...].drop(while: { $0 == 0x20 })
        guard !title.isEmpty, !title.contains(where: { Self.kinds[Int($0)] & Self.inlineMarkup != 0 }) else { return nil }
        return String(validating: title, as: UTF8.self).map { (level, $0) }
    }

    /// What a byte may start: inline markup in a heading's title (emphasis, code, escapes,
    /// entities, HTML, links, strikethrough, a closing `#`), another block at a line's start.
    private static let inlineMarkup: UInt8 = 1, blockStart: UInt8 = 2
    private static let kinds: [UInt8] = {
        var kinds = [UInt8](repeating: 0, count: 256)
        for byte in "*_`\\&<[]!~#".utf8 { kinds[Int(byte)] |= inlineMarkup }
        // `:` too: `:---` under a line of text is a delimiter row, and the two lines a table.
        for byte in " -*+#>|<`~=_[\\:".utf8 { kinds[Int(byte)] |= blockStart }
        return kinds
    }()

    /// The number of cells of a header row `| a | b |` (no escaped pipes), nil when it is not one.
    private static func cells(_ text: ArraySlice<UInt8>) -> Int? {
        guard text.count >= 2, text.last == UInt8(ascii: "|"), !text.contains(UInt8(ascii: "\\")) else { return nil }
        return text.reduce(0) { $0 + ($1 == UInt8(ascii: "|") ? 1 : 0) } - 1
    }

    /// The number of cells of a delimiter row `| --- | :-: |`, nil when it is not one: each cell
    /// is spaces, an optional `:`, dashes, an optional `:`, spaces.
    private static func delimiterColumns(_ text: ArraySlice<UInt8>) -> Int? {
        guard text.first == UInt8(ascii: "|"), text.count >= 2, text.last == UInt8(ascii: "|") else { return nil }
        var columns = 0
        var index = text.startIndex + 1
        while index < text.endIndex {
            while text[index] == 0x20 { index += 1 }
            if text[index] == UInt8(ascii: ":") { index += 1 }
            let dashes = index
            while text[index] == UInt8(ascii: "-") { index += 1 }
            guard index > dashes else { return nil }
            if text[index] == UInt8(ascii: ":") { index += 1 }
            while text[index] == 0x20 { index += 1 }
            guard text[index] == UInt8(ascii: "|") else { return nil }
            columns += 1
            index += 1
        }
        return columns
    }

    private static func isRow(_ text: ArraySlice<UInt8>) -> Bool {
        text.first == UInt8(ascii: "|") && text.count >= 2 && text.last == UInt8(ascii: "|")
    }

    /// A one-line `- ` item: nil when it is not one; otherwise its task box (`.some(nil)`: none).
    private static func item(_ text: ArraySlice<UInt8>) -> Bool?? {
        guard text.count > 2, text[text.startIndex + 1] == 0x20 else { return nil }
        var content = text.dropFirst(2)
        var checked: Bool?
        if content.first == UInt8(ascii: "[") {
            guard content.count > 4, content[content.startIndex + 2] == UInt8(ascii: "]"), content[content.startIndex + 3] == 0x20 else {
                return nil
            }
            switch content[content.startIndex + 1] {
            case 0x20: checked = false
            case UInt8(ascii: "x"), UInt8(ascii: "X"): checked = true
            default: return nil
            }
            content = content.dropFirst(4).drop(while: { $0 == 0x20 })
            // cmark-gfm's tasklist extension ticks the box when `[x]` or `[X]` is anywhere on
            // the line (`- [ ] check [x] later` is done): the same here.
            if checked == false, containsTick(content) { checked = true }
        }
        guard isParagraphStart(content) else { return nil }
        return .some(checked)
    }

    private static func containsTick(_ text: ArraySlice<UInt8>) -> Bool {
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: UInt8(ascii: "[")) {
            if open + 2 < text.endIndex, text[open + 1] | 0x20 == UInt8(ascii: "x"), text[open + 2] == UInt8(ascii: "]") { return true }
            index = open + 1
        }
        return false
    }

    /// Whether a line (or an item's text) starts plain text: not a block of another kind, not an
    /// ordered-list marker, not a link reference definition.
    private static func isParagraphStart(_ text: ArraySlice<UInt8>) -> Bool {
        guard let first = text.first, Self.kinds[Int(first)] & Self.blockStart == 0 else { return false }
        let digits = text.prefix(while: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        if !digits.isEmpty, let after = text.dropFirst(digits.count).first, after == UInt8(ascii: ".") || after == UInt8(ascii: ")") {
            return false
        }
        return true
    }

}
