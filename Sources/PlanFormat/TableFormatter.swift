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
        // Each cell's display width once (it is needed for the column and again for the padding);
        // each line written into one buffer: `fmt --check` runs this on every table of every plan.
        let cellWidths = rows.map { row in row.prefix(columns).map(DisplayWidth.of) }
        var widths = Array(repeating: 3, count: columns)
        for row in cellWidths {
            for (index, width) in row.enumerated() { widths[index] = max(widths[index], width) }
        }
        let space = UInt8(ascii: " "), bar = UInt8(ascii: "|")
        func render(_ cells: [ArraySlice<UInt8>], _ cellWidth: [Int]) -> [UInt8] {
            var line: [UInt8] = []
            line.reserveCapacity(widths.reduce(1) { $0 + $1 + 3 } + cells.dropFirst(columns).reduce(0) { $0 + $1.count + 3 })
            line.append(bar)
            for index in 0..<columns {
                // ` cell ` padded with spaces to the column's width, then the closing `|`.
                let cell = index < cells.count ? cells[index] : []
                let room = widths[index] - (index < cellWidth.count ? cellWidth[index] : 0)
                let left: Int
                switch alignments[index]! {
                case .right: left = room
                case .center: left = room / 2
                case .plain, .left: left = 0
                }
                line.append(space)
                line.append(contentsOf: repeatElement(space, count: left))
                line.append(contentsOf: cell)
                line.append(contentsOf: repeatElement(space, count: room - left))
                line.append(space)
                line.append(bar)
            }
            for extra in cells.dropFirst(columns) {
                line.append(space)
                line.append(contentsOf: extra)
                line.append(space)
                line.append(bar)
            }
            return line
        }
        var delimiterLine: [UInt8] = [bar]
        for index in 0..<columns {
            delimiterLine += [space] + delimiterCell(width: widths[index], alignments[index]!) + [space, bar]
        }
        var lines: [[UInt8]] = [render(headerCells, cellWidths[0]), delimiterLine]
        lines.reserveCapacity(rows.count + 1)
        for index in rows.indices.dropFirst() { lines.append(render(rows[index], cellWidths[index])) }
        return lines
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
