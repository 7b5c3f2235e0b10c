import PlanParser

/// Aligns one GitHub pipe table: every row, the delimiter row included, gets the same display
/// width, with cells padded to their column's widest cell (CJK characters count two columns).
/// Cell text is kept exactly as written (escaped pipes stay escaped); a row with fewer cells than
/// the header gets empty ones (GitHub shows the missing cells as empty), and cells beyond the
/// header's (which GitHub does not show) are kept after the aligned ones, never dropped.
enum TableFormatter {
    enum Alignment { case plain, left, right, center }

    /// The formatted header, delimiter and body rows; nil when `delimiter` is not a delimiter
    /// row for `header` (then the lines are left as they are).
    static func format(header: ArraySlice<UInt8>, delimiter: ArraySlice<UInt8>, body: [ArraySlice<UInt8>]) -> [[UInt8]]? {
        let headerCells = TableSyntax.rawCells(header)
        let alignments = TableSyntax.rawCells(delimiter).map(alignment)
        guard !headerCells.isEmpty, alignments.count == headerCells.count,
              alignments.allSatisfy({ $0 != nil }) else { return nil }
        let columns = headerCells.count
        let rows = [headerCells] + body.map(TableSyntax.rawCells)
        var widths = Array(repeating: 3, count: columns)
        for row in rows {
            for (index, cell) in row.prefix(columns).enumerated() {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        func render(_ cells: [ArraySlice<UInt8>]) -> [UInt8] {
            var line: [UInt8] = [UInt8(ascii: "|")]
            for index in 0..<columns {
                let cell = index < cells.count ? cells[index] : []
                line += pad(cell, to: widths[index], alignments[index]!)
            }
            for extra in cells.dropFirst(columns) { line += Array(" ".utf8) + extra + Array(" |".utf8) }
            return line
        }
        var delimiterLine: [UInt8] = [UInt8(ascii: "|")]
        for index in 0..<columns {
            delimiterLine += [0x20] + delimiterCell(width: widths[index], alignments[index]!) + Array(" |".utf8)
        }
        return [render(headerCells), delimiterLine] + rows.dropFirst().map(render)
    }

    /// ` cell ` padded with spaces to `width` display columns, then the closing `|`.
    private static func pad(_ cell: ArraySlice<UInt8>, to width: Int, _ alignment: Alignment) -> [UInt8] {
        let room = width - DisplayWidth.of(cell)
        let left: Int
        switch alignment {
        case .right: left = room
        case .center: left = room / 2
        case .plain, .left: left = 0
        }
        return [0x20] + Array(repeating: 0x20, count: left) + cell
            + Array(repeating: 0x20, count: room - left) + Array(" |".utf8)
    }

    private static func delimiterCell(width: Int, _ alignment: Alignment) -> [UInt8] {
        let dash = UInt8(ascii: "-")
        let colon = UInt8(ascii: ":")
        switch alignment {
        case .plain: return Array(repeating: dash, count: width)
        case .left: return [colon] + Array(repeating: dash, count: width - 1)
        case .right: return Array(repeating: dash, count: width - 1) + [colon]
        case .center: return [colon] + Array(repeating: dash, count: width - 2) + [colon]
        }
    }

    /// `---`, `:--`, `--:`, `:-:` (GFM: at least one dash, optional colons at the ends).
    private static func alignment(_ cell: ArraySlice<UInt8>) -> Alignment? {
        var inner = cell
        let leading = inner.first == UInt8(ascii: ":")
        if leading { inner = inner.dropFirst() }
        let trailing = inner.last == UInt8(ascii: ":")
        if trailing { inner = inner.dropLast() }
        guard !inner.isEmpty, inner.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
        switch (leading, trailing) {
        case (true, true): return .center
        case (true, false): return .left
        case (false, true): return .right
        case (false, false): return .plain
        }
    }
}
