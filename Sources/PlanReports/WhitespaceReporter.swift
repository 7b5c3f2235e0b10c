import PlanEngine
import PlanFormat
import PlanModel

/// `acctplan whitespace`'s renderers: text here, JSON, CSV and Markdown in `WhitespaceReporter+Data`.
public enum WhitespaceReporter {
    /// What a cell says: the state, or "·" for whitespace (people read a dot as "nothing here").
    static func word(_ state: Whitespace.State?) -> String { state?.rawValue ?? "·" }

    static let legend = "installed: live or implementing · won · pipeline: an open opportunity · lost · '·': whitespace, never sold"

    /// `acctplan whitespace` (text): the matrix (one row per account id, one column per offering id),
    /// then per offering how many accounts have each state; with `--by`, both per group.
    public static func text(_ map: Whitespace, color: Bool) -> String {
        let style = TerminalStyle(enabled: color)
        var lines = [style.bold("Whitespace map: \(count(map.accounts.count, "account")) × \(count(map.offerings.count, "offering"))")]
        guard !map.offerings.isEmpty else {
            lines.append("No offering to map: list them under offerings: in acctplan.yml and name them in the Offering column.")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append(style.dim(legend))
        if !map.fromCatalogue {
            lines.append(style.dim("(acctplan.yml has no offerings: catalogue; the columns are the offerings the plans name)"))
        }
        if map.dimension == nil {
            lines.append("")
            lines += matrix(map, rows: Array(map.accounts.indices), style: style)
            lines.append("")
            lines += countsTable(map, map.counts, style: style)
        }
        for group in map.groups {
            lines.append("")
            let name = group.name.map { " — \($0)" } ?? ""
            lines.append(style.bold("\(group.dimension.rawValue) \(group.id)\(name)") + " (\(count(group.members.count, "account")))")
            lines += matrix(map, rows: group.members, style: style).map { "  " + $0 }
            lines.append("")
            lines += countsTable(map, group.counts, style: style).map { "  " + $0 }
        }
        lines.append("")
        lines.append("Offerings: " + map.offerings.map { $0.name == $0.id ? $0.id : "\($0.id) = \($0.name)" }.joined(separator: ", "))
        return lines.joined(separator: "\n") + "\n"
    }

    static func paint(_ state: Whitespace.State?, _ text: String, _ style: TerminalStyle) -> String {
        switch state {
        case .installed: style.green(text)
        case .won: style.cyan(text)
        case .pipeline: style.yellow(text)
        case .lost: style.red(text)
        case nil: style.dim(text)
        }
    }

    static func matrix(_ map: Whitespace, rows: [Int], style: TerminalStyle) -> [String] {
        let header = ["account"] + map.offerings.map(\.id)
        let table = rows.map { index in [map.accounts[index].id] + map.accounts[index].cells.map { word($0.state) } }
        let widths = columnWidths(header, table)
        var lines = [pad(header, widths).map { style.bold($0) }.joined(separator: "  ")]
        for (row, index) in zip(table, rows) {
            let cells = map.accounts[index].cells
            let padded = pad(row, widths)
            lines.append(([padded[0]] + padded.dropFirst().enumerated().map { paint(cells[$0].state, $1, style) })
                .joined(separator: "  "))
        }
        return lines
    }

    static func countsTable(_ map: Whitespace, _ counts: [Whitespace.Counts], style: TerminalStyle) -> [String] {
        let header = ["offering", "installed", "won", "pipeline", "lost", "whitespace"]
        let table = zip(map.offerings, counts).map { offering, counts in
            [offering.id] + [counts.installed, counts.won, counts.pipeline, counts.lost, counts.whitespace].map(String.init)
        }
        let widths = columnWidths(header, table)
        var lines = [pad(header, widths, rightAligned: 1...).map { style.bold($0) }.joined(separator: "  ")]
        for row in table { lines.append(pad(row, widths, rightAligned: 1...).joined(separator: "  ")) }
        return lines
    }

    static func columnWidths(_ header: [String], _ table: [[String]]) -> [Int] {
        var widths = header.map { DisplayWidth.of($0) }
        for row in table { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) } }
        return widths
    }

    /// Each cell padded to its column's width on screen (wide characters count two); the last
    /// column, left-aligned, is not (no line ends in blanks).
    static func pad(_ row: [String], _ widths: [Int], rightAligned: PartialRangeFrom<Int>? = nil) -> [String] {
        row.enumerated().map { index, cell in
            let fill = String(repeating: " ", count: max(0, widths[index] - DisplayWidth.of(cell)))
            if rightAligned?.contains(index) == true { return fill + cell }
            return index == row.count - 1 ? cell : cell + fill
        }
    }

    static func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}
