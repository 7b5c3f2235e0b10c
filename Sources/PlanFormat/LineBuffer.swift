import Foundation

/// A file's lines, each with its own line end, edited in place by line number (1-based, as the
/// parser counts them: after a leading BOM, which is kept).
struct LineBuffer {
    private var bom: [UInt8] = []
    private var lines: [(content: [UInt8], end: [UInt8])] = []
    /// The bytes read, given back as they are while no edit changed anything (most plans of a
    /// formatted workspace: `fmt --check` builds nothing for them).
    private let original: Data
    private var changed = false

    init(_ data: Data) {
        original = data
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bom = [0xEF, 0xBB, 0xBF]
            bytes.removeFirst(3)
        }
        var start = 0
        while start < bytes.count {
            guard let newline = bytes[start...].firstIndex(of: 0x0A) else {
                lines.append((Array(bytes[start...]), []))
                break
            }
            var contentEnd = newline
            if contentEnd > start, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            lines.append((Array(bytes[start..<contentEnd]), Array(bytes[contentEnd...newline])))
            start = newline + 1
        }
    }

    var data: Data {
        guard changed else { return original }
        var result = bom
        result.reserveCapacity(lines.reduce(bom.count) { $0 + $1.content.count + $1.end.count })
        for line in lines {
            result.append(contentsOf: line.content)
            result.append(contentsOf: line.end)
        }
        return Data(result)
    }

    private func valid(_ line: Int) -> Bool { line >= 1 && line <= lines.count }

    func content(_ line: Int) -> [UInt8] { valid(line) ? lines[line - 1].content : [] }

    mutating func replace(_ line: Int, with content: [UInt8]) {
        guard valid(line), lines[line - 1].content != content else { return }
        lines[line - 1].content = content
        changed = true
    }

    /// - Parameter keepingSpaceAfterTaskBox: an item that is only a task box (`- [ ] `) needs the
    ///   space after the box to stay a task item.
    mutating func trimTrailingWhitespace(_ line: Int, keepingSpaceAfterTaskBox: Bool = false) {
        guard valid(line) else { return }
        guard let last = lines[line - 1].content.last, last == 0x20 || last == 0x09 else { return }
        let before = lines[line - 1].content
        while let last = lines[line - 1].content.last, last == 0x20 || last == 0x09 { lines[line - 1].content.removeLast() }
        if keepingSpaceAfterTaskBox, lines[line - 1].content.count < before.count, lines[line - 1].content.last == UInt8(ascii: "]") {
            lines[line - 1].content.append(0x20)
        }
        if lines[line - 1].content != before { changed = true }
    }

    /// Reorders the contents of the lines in `range`: the new line i holds old line
    /// `range.lowerBound + order[i]`. Line ends stay where they are.
    mutating func permute(_ range: Range<Int>, _ order: [Int]) {
        guard valid(range.lowerBound), valid(range.upperBound - 1), order.count == range.count else { return }
        let old = range.map { lines[$0 - 1].content }
        for (offset, source) in order.enumerated() where old[offset] != old[source] {
            lines[range.lowerBound + offset - 1].content = old[source]
            changed = true
        }
    }

    /// `*` and `+` list markers become `-` (when `marker`), `[X]` becomes `[x]`; nothing moves,
    /// so the item's continuation lines keep their indentation.
    mutating func normalizeListItem(_ line: Int, marker: Bool, isTask: Bool) {
        guard valid(line) else { return }
        var content = lines[line - 1].content
        var index = 0
        while index < content.count, index < 3, content[index] == 0x20 { index += 1 }
        guard index < content.count, [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+")].contains(content[index]) else { return }
        if marker { content[index] = UInt8(ascii: "-") }
        if isTask {
            index += 1
            while index < content.count, content[index] == 0x20 || content[index] == 0x09 { index += 1 }
            if index + 2 < content.count, content[index] == UInt8(ascii: "["), content[index + 1] == UInt8(ascii: "X"),
               content[index + 2] == UInt8(ascii: "]") {
                content[index + 1] = UInt8(ascii: "x")
            }
        }
        if content != lines[line - 1].content {
            lines[line - 1].content = content
            changed = true
        }
    }

    /// Drops blank lines at the end and gives the last line a line end (the file's first one's
    /// style: CRLF or LF).
    mutating func endWithOneLineEnd() {
        while let last = lines.last, last.content.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            lines.removeLast()
            changed = true
        }
        guard !lines.isEmpty else { return }
        let style = lines.first.map { $0.end.isEmpty ? [0x0A] : $0.end } ?? [0x0A]
        if lines[lines.count - 1].end != style {
            lines[lines.count - 1].end = style
            changed = true
        }
    }
}
