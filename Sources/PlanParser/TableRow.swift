import PlanModel

/// One row of a GitHub pipe table, split into cells as GFM does: on every `|` that is not
/// escaped with a backslash (also inside code spans), outer pipes optional, cells trimmed.
struct TableRow {
    struct Cell {
        /// The cell as written, trimmed, with `\|` unescaped.
        var text: String
        var location: SourceLocation
    }

    var cells: [Cell]

    init(line: Substring, lineNumber: Int) {
        var cells: [Cell] = []
        var current = ""
        var column = 1
        var cellStartColumn = 1
        var sawContent = false
        var pendingSpaces = ""
        var escaped = false
        var index = line.unicodeScalars.startIndex
        let scalars = line.unicodeScalars
        // Skip indentation and the optional leading pipe.
        while index < scalars.endIndex, scalars[index] == " " || scalars[index] == "\t" {
            index = scalars.index(after: index)
            column += 1
        }
        if index < scalars.endIndex, scalars[index] == "|" {
            index = scalars.index(after: index)
            column += 1
        }
        cellStartColumn = column
        func finishCell() {
            cells.append(Cell(text: current, location: SourceLocation(line: lineNumber, column: cellStartColumn)))
            current = ""
            pendingSpaces = ""
            sawContent = false
        }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if escaped {
                if scalar != "|" { current += "\\" }
                current.unicodeScalars.append(scalar)
                escaped = false
            } else if scalar == "\\" {
                if !sawContent { sawContent = true; cellStartColumn = column }
                current += pendingSpaces
                pendingSpaces = ""
                escaped = true
            } else if scalar == "|" {
                finishCell()
                cellStartColumn = column + 1
            } else if scalar == " " || scalar == "\t" {
                if sawContent { pendingSpaces.unicodeScalars.append(scalar) }
            } else {
                if !sawContent { sawContent = true; cellStartColumn = column }
                current += pendingSpaces
                pendingSpaces = ""
                current.unicodeScalars.append(scalar)
            }
            column += 1
            index = scalars.index(after: index)
        }
        if escaped { current += "\\" }
        // Text after the last pipe is a cell unless it is empty (a trailing pipe).
        if sawContent || escaped { finishCell() }
        self.cells = cells
    }
}
