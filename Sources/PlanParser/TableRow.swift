import Foundation
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
        Self.scan(line) { raw, startColumn, hasEscapedPipe in
            var text = String(decoding: line[raw], as: UTF8.self)
            if hasEscapedPipe { text = text.replacingEscapedPipes() }
            cells.append(Cell(text: text, location: SourceLocation(line: lineNumber, column: startColumn), raw: raw))
        }
        self.cells = cells
    }

    /// The cells' byte ranges alone (trimmed, escapes as written): `fmt` needs no text.
    static func rawRanges(_ line: ArraySlice<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(8)
        scan(line) { raw, _, _ in ranges.append(raw) }
        return ranges
    }

    /// Calls `cell` with each cell's trimmed byte range, its first column and whether it holds `\|`.
    private static func scan(_ line: ArraySlice<UInt8>, _ cell: (Range<Int>, Int, Bool) -> Void) {
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
                if byte == 0x5C, index + 1 < line.endIndex, line[index + 1] == 0x7C {
                    // `\|` is a pipe inside the cell, whatever comes before the backslash: GFM's
                    // cell scanner takes the longest match, so in `\\|` too the pipe is escaped.
                    hasEscapedPipe = true
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
            cell(start..<end, startColumn, hasEscapedPipe)
            if terminated { advance() }
        }
    }
}

extension String {
    /// GFM's `unescape_pipes`: every `\|` becomes `|`; other backslashes stay for the inline parser.
    fileprivate func replacingEscapedPipes() -> String {
        replacingOccurrences(of: "\\|", with: "|")
    }
}
