/// Three versions of a table whose columns differ (a side added an optional or custom column,
/// or removed one), brought to one set of columns so that their rows merge by key and cell:
/// ours' columns in ours' order, the columns only theirs added after their predecessor in
/// theirs; a column one side removed is left out, unless the other side changed a cell in it
/// (or added a row with a value in it): then the tables conflict as a whole.
enum TableColumns {
    enum Alignment {
        /// The three tables with the same columns: header and rows rewritten, a cell empty
        /// where its version had no such column.
        case aligned(base: TableMerge.Table?, ours: TableMerge.Table, theirs: TableMerge.Table)
        /// A column removed on one side holds a change of the other: the removed column it is.
        case removedColumnChanged(String)
    }

    /// Nil when a version repeats a column, or a side has no key column: not comparable.
    static func align(base: TableMerge.Table?, ours: TableMerge.Table, theirs: TableMerge.Table, key: String) -> Alignment? {
        let versions = [base, ours, theirs].compactMap { $0 }
        guard versions.allSatisfy({ Set($0.columnIDs).count == $0.columnIDs.count }),
              ours.columnIDs.contains(key), theirs.columnIDs.contains(key), base?.columnIDs.contains(key) ?? true else { return nil }
        let original = base?.columnIDs ?? []
        // Removed on one side: left out, unless the other side changed it.
        for (removing, keeping) in [(ours, theirs), (theirs, ours)] {
            for column in original where !removing.columnIDs.contains(column) && keeping.columnIDs.contains(column) {
                if changes(keeping, column: column, base: base, key: key) { return .removedColumnChanged(column) }
            }
        }
        var columns = ours.columnIDs.filter { original.contains($0) == false || theirs.columnIDs.contains($0) }
        var after = 0
        for column in theirs.columnIDs {
            if let index = columns.firstIndex(of: column) {
                after = index + 1
            } else if !original.contains(column) {
                columns.insert(column, at: after)
                after += 1
            }
        }
        // A column's header (row 0) and delimiter (row 1) cell: merged three-way, else ours'.
        func header(_ row: Int, fallback: String) -> String {
            let cells = columns.map { column -> String in
                let names = [base, ours, theirs].map { table in
                    table.flatMap { table in table.columnIDs.firstIndex(of: column).flatMap { TableMerge.cells(table.header[row])[safe: $0] } }
                }
                if let mine = names[1], let other = names[2] { return KeyedMerge.pick(names[0], mine, other) ?? mine }
                return names[1] ?? names[2] ?? fallback
            }
            return "| " + cells.joined(separator: " | ") + " |"
        }
        let headerLines = [header(0, fallback: ""), header(1, fallback: "---")]
        func rewritten(_ table: TableMerge.Table) -> TableMerge.Table {
            var table = table
            table.rows = table.rows.map { line in
                let cells = TableMerge.cells(line.joined())
                return ["| " + columns.map { table.columnIDs.firstIndex(of: $0).flatMap { cells[safe: $0] } ?? "" }.joined(separator: " | ") + " |"]
            }
            table.header = headerLines
            table.columnIDs = columns
            return table
        }
        return .aligned(base: base.map(rewritten), ours: rewritten(ours), theirs: rewritten(theirs))
    }

    /// Whether `table` holds a value in `column` that the base did not: a changed cell, or a
    /// new row with a value there.
    private static func changes(_ table: TableMerge.Table, column: String, base: TableMerge.Table?, key: String) -> Bool {
        func values(_ table: TableMerge.Table?) -> [String: String] {
            guard let table, let keyIndex = table.columnIDs.firstIndex(of: key), let index = table.columnIDs.firstIndex(of: column) else { return [:] }
            var values: [String: String] = [:]
            for line in table.rows {
                let cells = TableMerge.cells(line.joined())
                let rowKey = cells[safe: keyIndex] ?? ""
                if values[rowKey] == nil { values[rowKey] = cells[safe: index] ?? "" }
            }
            return values
        }
        let original = values(base)
        return values(table).contains { key, value in value != (original[key] ?? "") }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
