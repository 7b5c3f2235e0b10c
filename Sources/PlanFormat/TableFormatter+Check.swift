extension TableFormatter {
    /// Whether ``format(header:delimiter:body:)`` would give these very lines back, decided in
    /// place, without splitting cells or writing lines: `fmt --check` of a formatted workspace
    /// asks it of every table. Only for the plainest tables — ASCII (a byte is a column), no
    /// backslash or tab, every row with the delimiter row's pipes at the same places; for anything
    /// else it answers false and the table is formatted and compared as usual.
    static func isFormatted(header: ArraySlice<UInt8>, delimiter: ArraySlice<UInt8>, body: [ArraySlice<UInt8>]) -> Bool {
        let pipe = UInt8(ascii: "|"), space = UInt8(ascii: " "), dash = UInt8(ascii: "-"), colon = UInt8(ascii: ":")
        // The pipes' offsets in the delimiter row: the first at 0, the last at its end.
        var pipes: [Int] = []
        for (offset, byte) in delimiter.enumerated() where byte == pipe { pipes.append(offset) }
        guard pipes.count >= 2, pipes.first == 0, pipes.last == delimiter.count - 1 else { return false }
        let columns = pipes.count - 1
        // Each column's alignment, from the delimiter row's ` :---: ` (exactly the width's dashes and colons).
        var alignments: [Alignment] = []
        for column in 0..<columns {
            let start = delimiter.startIndex + pipes[column] + 1, end = delimiter.startIndex + pipes[column + 1]
            guard end - start >= 5, delimiter[start] == space, delimiter[end - 1] == space else { return false }
            let inner = delimiter[(start + 1)..<(end - 1)]
            let leading = inner.first == colon, trailing = inner.last == colon
            guard inner.dropFirst(leading ? 1 : 0).dropLast(trailing ? 1 : 0).allSatisfy({ $0 == dash }) else { return false }
            alignments.append(leading && trailing ? .center : leading ? .left : trailing ? .right : .plain)
        }
        // Every row: the same length and pipes, ASCII, no backslash or tab; each cell ` text `
        // padded as its alignment pads it; and each column as wide as its widest text (or 3).
        var widest = Array(repeating: 3, count: columns)
        for row in [header] + body {
            guard row.count == delimiter.count else { return false }
            var next = 0 // the next pipe expected
            for (offset, byte) in row.enumerated() {
                if byte == pipe {
                    guard next < pipes.count, pipes[next] == offset else { return false }
                    next += 1
                } else if byte >= 0x80 || byte == UInt8(ascii: "\\") || byte < 0x20 {
                    return false
                }
            }
            guard next == pipes.count else { return false }
            for column in 0..<columns {
                let start = row.startIndex + pipes[column] + 1, end = row.startIndex + pipes[column + 1]
                guard row[start] == space, row[end - 1] == space else { return false }
                let region = row[(start + 1)..<(end - 1)]
                guard let first = region.firstIndex(where: { $0 != space }) else { continue } // an empty cell: all spaces
                let last = region.lastIndex(where: { $0 != space })!
                let length = last - first + 1, room = region.count - length
                let left: Int
                switch alignments[column] {
                case .right: left = room
                case .center: left = room / 2
                case .plain, .left: left = 0
                }
                guard first - region.startIndex == left else { return false }
                widest[column] = max(widest[column], length)
            }
        }
        for column in 0..<columns where pipes[column + 1] - pipes[column] - 3 != widest[column] { return false }
        return true
    }
}
