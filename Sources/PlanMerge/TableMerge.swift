import Foundation
import PlanFormat
import PlanModel
import PlanParser

/// A recognized table merged row by row: rows are matched by the key column's cell (found
/// through the header's aliases) and merged cell by cell. The lines around the table are
/// merged as prose. When the three tables do not have the same columns, they are brought to the
/// union of their columns first (`TableColumns`).
enum TableMerge {
    struct Table {
        var before: [String]
        var header: [String]
        var rows: [[String]]
        var after: [String]
        var columnIDs: [String]
    }

    struct Row {
        var line: String
        var cells: [String]
    }

    /// Merges the section bodies; false when they are not three comparable tables.
    static func merge(base: [String], ours: [String], theirs: [String], columns: [ColumnSpec], key: String,
                      into output: inout MergeOutput) -> Bool {
        guard var mine = table(ours, columns), var other = table(theirs, columns) else { return false }
        var original = table(base, columns)
        if mine.columnIDs != other.columnIDs || original.map({ $0.columnIDs != mine.columnIDs }) == true {
            switch TableColumns.align(base: original, ours: mine, theirs: other, key: key) {
            case .aligned(let alignedBase, let alignedOurs, let alignedTheirs)?:
                (original, mine, other) = (alignedBase, alignedOurs, alignedTheirs)
            case .removedColumnChanged?:
                // The whole table is the unit: one side dropped a column the other changed.
                output.lineMerge(base: original?.before ?? [], ours: mine.before, theirs: other.before)
                output.conflict(ours: mine.header + mine.rows.map { $0.joined() }, base: original.map { $0.header + $0.rows.map { $0.joined() } } ?? [],
                                theirs: other.header + other.rows.map { $0.joined() })
                output.lineMerge(base: original?.after ?? [], ours: mine.after, theirs: other.after)
                return true
            case nil:
                return false
            }
        }
        guard let keyIndex = mine.columnIDs.firstIndex(of: key) else { return false }
        let width = mine.columnIDs.count
        // Both sides laid out alike, as `fmt` lays a table out (else rows are written plainly, and
        // the merge stays the same whichever side is ours).
        let layout: Layout? = {
            let (a, b) = (Layout(mine), Layout(other))
            return a == b && a.laysOut(mine) && b.laysOut(other) ? a : nil
        }()
        func rows(_ table: Table?) -> [(key: String, value: Row)] {
            (table?.rows ?? []).map { line in
                var row = Row(line: line.joined(), cells: cells(line.joined()))
                row.cells = Array((row.cells + Array(repeating: "", count: max(0, width - row.cells.count))).prefix(max(width, row.cells.count)))
                return (row.cells[keyIndex], row)
            }
        }
        output.lineMerge(base: original?.before ?? [], ours: mine.before, theirs: other.before)
        output.append(pickLines(original?.header, mine.header, other.header))
        let merged = KeyedMerge.merge(base: rows(original), ours: rows(mine), theirs: rows(other),
                                      same: { $0.cells == $1.cells }) { originalRow, row, otherRow in
            guard let originalRow, row.cells.count == otherRow.cells.count, originalRow.cells.count == row.cells.count else {
                return .conflict(ours: row, base: originalRow, theirs: otherRow)
            }
            var cells: [String] = []
            for index in row.cells.indices {
                guard let cell = KeyedMerge.pick(originalRow.cells[index], row.cells[index], otherRow.cells[index]) else {
                    return .conflict(ours: row, base: originalRow, theirs: otherRow)
                }
                cells.append(cell)
            }
            // A row merged from both sides' cells is laid out as ours lays out its rows, so that a
            // table with a conflict elsewhere is in canonical form once the conflict is resolved
            // (it was `| a | b |`; a clean merge is formatted as a whole anyway).
            return .value(Row(line: layout?.render(cells) ?? "| " + cells.joined(separator: " | ") + " |", cells: cells))
        }
        for row in merged {
            switch row {
            case .value(let row): output.append([row.line])
            case .conflict(let mine, let original, let other):
                output.conflict(ours: mine.map { [$0.line] } ?? [], base: original.map { [$0.line] } ?? [], theirs: other.map { [$0.line] } ?? [])
            }
        }
        output.lineMerge(base: original?.after ?? [], ours: mine.after, theirs: other.after)
        return true
    }

    /// How a table lays its rows out: each column as wide as its widest cell (header included,
    /// at least 3, CJK characters two columns), aligned as its delimiter cell says; as
    /// `acctplan fmt` writes a table.
    struct Layout: Equatable {
        var widths: [Int]
        var rightAligned: [Bool]
        var centered: [Bool]

        init(_ table: Table) {
            let header = table.header.first.map(TableMerge.cells) ?? []
            let delimiter = table.header.count > 1 ? TableMerge.cells(table.header[1]) : []
            widths = header.map { max(3, DisplayWidth.of($0)) }
            for row in table.rows.map({ TableMerge.cells($0.joined()) }) {
                for (index, cell) in row.prefix(widths.count).enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) }
            }
            rightAligned = widths.indices.map { index in
                index < delimiter.count && delimiter[index].hasSuffix(":") && !delimiter[index].hasPrefix(":")
            }
            centered = widths.indices.map { index in
                index < delimiter.count && delimiter[index].hasSuffix(":") && delimiter[index].hasPrefix(":")
            }
        }

        /// Whether every row of `table`, the header included, is written as this layout writes it.
        func laysOut(_ table: Table) -> Bool {
            guard let header = table.header.first, header == render(TableMerge.cells(header)) else { return false }
            return table.rows.allSatisfy { row in
                let line = row.joined()
                return line == render(TableMerge.cells(line))
            }
        }

        /// `| cell | cell |`, each cell padded to its column; cells beyond the header's after them.
        func render(_ cells: [String]) -> String {
            var line = "|"
            for (index, cell) in cells.enumerated() {
                guard index < widths.count else {
                    line += " \(cell) |"
                    continue
                }
                let room = max(0, widths[index] - DisplayWidth.of(cell))
                let left = rightAligned[index] ? room : centered[index] ? room / 2 : 0
                line += " " + String(repeating: " ", count: left) + cell + String(repeating: " ", count: room - left) + " |"
            }
            return line
        }
    }

    /// The header lines (header and delimiter) of ours unless only theirs changed them.
    private static func pickLines(_ base: [String]?, _ ours: [String], _ theirs: [String]) -> [String] {
        func cellsOf(_ lines: [String]?) -> [[String]]? { lines?.map(cells) }
        if let base, cellsOf(base) == cellsOf(ours), cellsOf(base) != cellsOf(theirs) { return theirs }
        return ours
    }

    /// The first table of a section body, with the column ids of its header.
    static func table(_ lines: [String], _ columns: [ColumnSpec]) -> Table? {
        guard let start = lines.indices.first(where: { index in
            index + 1 < lines.count && lines[index].contains("|") && isDelimiter(lines[index + 1])
        }) else { return nil }
        var end = start + 2
        while end < lines.count, !lines[end].trimmingCharacters(in: .whitespaces).isEmpty, lines[end].contains("|") { end += 1 }
        let ids = cells(lines[start]).map { header -> String in
            let name = header.lowercased()
            return columns.first { $0.id == name || $0.aliases.contains(name) }?.id ?? name
        }
        return Table(before: Array(lines[..<start]), header: Array(lines[start...(start + 1)]),
                     rows: lines[(start + 2)..<end].map { [$0] }, after: Array(lines[end...]), columnIDs: ids)
    }

    static func isDelimiter(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.contains("-") else { return false }
        return trimmed.allSatisfy { "|-: \t".contains($0) }
    }

    /// A row's cells, trimmed; `\|` does not split.
    static func cells(_ line: String) -> [String] {
        // Split exactly as the parser splits rows (one home for it; bytes, not characters).
        let bytes = Array(line.utf8)
        return TableSyntax.rawCells(bytes[...]).map { String(decoding: $0, as: UTF8.self) }
    }
}
