import PlanModel

/// One row of a GitHub pipe table, split into cells as GFM does: on every `|` that is not
/// escaped with a backslash (also inside code spans), outer pipes optional, cells trimmed.
/// Works on the line's UTF-8 bytes: this runs for every row of every plan.
struct TableRow {
    struct Cell {
        /// The cell as written, trimmed, with `\|` unescaped.
        var text: String
        var location: SourceLocation
        /// The cell's bytes in the line, trimmed, escapes as written.
        var raw: Range<Int>
    }

    var cells: [Cell]

    init(bytes line: ArraySlice<UInt8>, lineNumber: Int) {
        var cells: [Cell] = []
        cells.reserveCapacity(8)
        var index = line.startIndex
        var column = 1
        @inline(__always) func advance() {
            if line[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        while index < line.endIndex, line[index] == 0x20 || line[index] == 0x09 { advance() }
        if index < line.endIndex, line[index] == 0x7C { advance() }
        // Each cell: skip leading blanks, then read to the next unescaped pipe.
        while index < line.endIndex {
            while index < line.endIndex, line[index] == 0x20 || line[index] == 0x09 { advance() }
            let startColumn = column
            let start = index
            var end = index // one past the last non-blank byte
            var hasEscapedPipe = false
            var terminated = false
            while index < line.endIndex {
                let byte = line[index]
                if byte == 0x5C, index + 1 < line.endIndex, TableRow.isASCIIPunctuation(line[index + 1]) {
                    // An escaped character, as GFM's cell scanner reads it: in `\\|` the backslash is
                    // escaped and the pipe delimits; `\|` is a pipe inside the cell.
                    if line[index + 1] == 0x7C { hasEscapedPipe = true }
                    advance()
                    advance()
                    end = index
                    continue
                }
                if byte == 0x7C {
                    terminated = true
                    break
                }
                advance()
                if byte != 0x20 && byte != 0x09 { end = index }
            }
            if start == end && !terminated { break } // nothing after the last pipe
            var text = String(decoding: line[start..<end], as: UTF8.self)
            if hasEscapedPipe { text = text.replacingEscapedPipes() }
            cells.append(Cell(text: text, location: SourceLocation(line: lineNumber, column: startColumn), raw: start..<end))
            if terminated { advance() }
        }
        self.cells = cells
    }

    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
            || (0x7B...0x7E).contains(byte)
    }
}

extension String {
    fileprivate func replacingEscapedPipes() -> String {
        var result = ""
        var previousBackslash = false
        for scalar in unicodeScalars {
            if previousBackslash && scalar != "|" { result += "\\" }
            previousBackslash = scalar == "\\" && !previousBackslash
            if !previousBackslash { result.unicodeScalars.append(scalar) }
        }
        if previousBackslash { result += "\\" }
        return result
    }
}
