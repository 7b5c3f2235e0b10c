import Foundation
import PlanFormat
import PlanModel
import PlanQuery

/// `--format text` (the default): an aligned table (wide characters count two columns), each
/// row ending with its `path:line`; with `--by`, a block per group with its subtotals.
public struct TextQueryFormat: QueryFormat {
    public let name = "text"
    public func render(_ result: QueryResult, color: Bool) -> String { render(result, color: color, language: .en) }

    /// The words around the table in `language`; the columns keep the field names the query
    /// wrote (they are what a query line takes).
    public func render(_ result: QueryResult, color: Bool, language: UILanguage) -> String {
        let style = TerminalStyle(enabled: color)
        let english = language == .en
        func count(_ rows: Int) -> String { english ? (rows == 1 ? "1 row" : "\(rows) rows") : "\(rows) 行" }
        let header = [english ? "account" : "客户"] + result.columns.map(\.name) + [english ? "where" : "位置"]
        func cells(_ row: QueryResult.Row) -> [String] {
            [row.account] + zip(row.values, result.columns).map { QueryCell.text($0, $1.type) } + ["\(row.path):\(row.line)"]
        }
        let table = result.rows.map(cells)
        var widths = header.map { DisplayWidth.of($0) }
        for line in table { for (index, cell) in line.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) } }
        let numeric = [false] + result.columns.map { [.money, .number, .percent].contains($0.type) } + [false]
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - DisplayWidth.of(cell))
                return numeric[index] ? pad + cell : (index == cells.count - 1 ? cell : cell + pad)
            }.joined(separator: "  ")
        }
        func totals(_ values: [Decimal]) -> String { QueryCell.totals(result, values).joined(separator: ", ") }
        var output = style.bold(line(header)) + "\n"
        if result.groups.isEmpty {
            output += table.map { line($0) + "\n" }.joined()
        } else {
            for group in result.groups {
                output += "\n" + style.bold("\(result.by ?? ""): \(QueryCell.groupName(result, group))") + " — \(count(group.rows.count))"
                output += (result.sums.isEmpty ? "" : "; " + totals(group.totals)) + "\n"
                output += group.rows.map { line(cells($0)) + "\n" }.joined()
            }
        }
        let shown = result.rows.count == result.matched ? count(result.matched)
            : english ? "\(result.rows.count) of \(count(result.matched))" : "共 \(count(result.matched))，列出 \(result.rows.count) 行"
        output += "\n" + shown + (result.sums.isEmpty ? "" : (english ? "; total " : "；合计 ") + totals(result.totals)) + "\n"
        return output
    }
}
