import Foundation
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
            return .value(Row(line: "| " + cells.joined(separator: " | ") + " |", cells: cells))
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
