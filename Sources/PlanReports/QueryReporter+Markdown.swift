import Foundation
import PlanModel
import PlanQuery

/// `--format markdown`: a GitHub table for a pull-request comment (`|` in cells escaped), a
/// table per group with `--by`, and the totals under it.
public struct MarkdownQueryFormat: QueryFormat {
    public let name = "markdown"
    public func render(_ result: QueryResult, color: Bool) -> String { render(result, color: color, language: .en) }

    /// The words around the tables in `language`; the columns keep the field names the query
    /// wrote, as in text.
    public func render(_ result: QueryResult, color: Bool, language: UILanguage) -> String {
        let english = language == .en
        func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        let numeric = result.columns.map { [.money, .number, .percent].contains($0.type) }
        func table(_ rows: [QueryResult.Row]) -> String {
            var lines = ["| \(english ? "account" : "客户") | " + result.columns.map(\.name).joined(separator: " | ")
                            + " | \(english ? "where" : "位置") |",
                         "| --- | " + numeric.map { $0 ? "---:" : "---" }.joined(separator: " | ") + " | --- |"]
            for row in rows {
                let cells = zip(row.values, result.columns).map { escape(QueryCell.text($0, $1.type)) }
                lines.append("| \(escape(row.account)) | " + cells.joined(separator: " | ") + " | `\(row.path):\(row.line)` |")
            }
            return lines.joined(separator: "\n") + "\n"
        }
        func totals(_ values: [Decimal]) -> String { QueryCell.totals(result, values, mark: "**").joined(separator: ", ") }
        let rows = english
            ? "\(result.rows.count == result.matched ? "" : "\(result.rows.count) of ")\(result.matched) row\(result.matched == 1 ? "" : "s")"
            : result.rows.count == result.matched ? "\(result.matched) 行" : "共 \(result.matched) 行，列出 \(result.rows.count) 行"
        var output = "**\(result.entity.rawValue)**" + (result.query.isEmpty ? "" : " `\(result.query)`") + " — \(rows)\n\n"
        if result.groups.isEmpty {
            output += table(result.rows)
        } else {
            for group in result.groups {
                output += "### \(result.by ?? ""): \(escape(QueryCell.groupName(result, group)))\n\n" + table(group.rows)
                output += result.sums.isEmpty ? "\n" : (english ? "\nSubtotal: " : "\n小计：") + totals(group.totals) + "\n\n"
            }
        }
        if !result.sums.isEmpty {
            output += (result.groups.isEmpty ? "\n" : "") + (english ? "Total: " : "合计：") + totals(result.totals) + "\n"
        }
        return output
    }
}
