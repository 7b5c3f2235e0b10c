import Foundation
import PlanLocalization
import PlanQuery

extension HTMLReport {
    /// A saved view of `acctplan.yml` (`views:`) and its answer, or why it has none.
    public struct ViewResult: Sendable {
        public var name: String
        public var query: String
        public var result: QueryResult?
        public var problem: String?

        public init(name: String, query: String, result: QueryResult?, problem: String?) {
            self.name = name
            self.query = query
            self.result = result
            self.problem = problem
        }
    }

    /// `views/NAME.html`.
    public static func viewPath(_ name: String) -> String { "views/\(HTML.fileName(for: name)).html" }

    /// The dashboard's list of saved views, each with its row count and totals.
    func viewsSection() -> String {
        guard !views.isEmpty else { return "" }
        let rows: [[String]] = views.map { view in
            [HTML.link(view.name, to: Self.viewPath(view.name)), "<code>\(HTML.escape(view.query))</code>",
             view.result.map { "\($0.matched)" } ?? "<span class=\"down\">\(t("error", "错误"))</span>",
             view.result.map { totals($0, $0.totals) } ?? ""]
        }
        return "<h2>\(t("Saved views", "保存的视图"))</h2>"
            + HTML.table([t("View", "视图"), t("Query", "查询"), t("Rows", "行数"), t("Totals", "合计")], rows, numericColumns: [2])
    }

    /// One view: its query, its table (accounts linked, each row's `path:line`), groups and totals.
    func viewPage(_ view: ViewResult) -> String {
        var body = "<h1>\(HTML.escape(view.name))</h1><p class=\"subtitle\"><code>acctplan query \(HTML.escape(view.query))</code></p>"
        guard let result = view.result else {
            body += "<p class=\"down\">\(HTML.escape(view.problem.map { Localizer.translate($0, to: language) } ?? t("This view could not run.", "此视图无法运行。")))</p>"
            return document(title: t("View \(view.name)", "视图 \(view.name)"), depth: 1, crumbs: [t("Views", "视图"), HTML.escape(view.name)], body: body)
        }
        let numeric = Set(result.columns.indices.filter { [.money, .number, .percent].contains(result.columns[$0].type) }.map { $0 + 1 })
        func table(_ rows: [QueryResult.Row]) -> String {
            HTML.table([t("Account", "客户")] + result.columns.map(\.name) + [t("Where", "位置")], rows.map { row in
                [accountIndex[row.account] != nil ? accountLink(row.account, depth: 1) : HTML.escape(row.account)]
                    + zip(row.values, result.columns).map { HTML.escape(QueryCell.text($0, $1.type)) }
                    + ["<code>\(HTML.escape("\(row.path):\(row.line)"))</code>"]
            }, numericColumns: numeric)
        }
        if result.groups.isEmpty {
            body += result.rows.isEmpty ? t("<p class=\"muted\">No rows match.</p>", "<p class=\"muted\">没有符合条件的行。</p>") : table(result.rows)
        } else {
            for group in result.groups {
                body += "<h2>\(HTML.escape(result.by ?? "")): \(HTML.escape(QueryCell.groupName(result, group)))"
                    + t(" (\(group.rows.count))", "（\(group.rows.count)）") + "</h2>"
                body += table(group.rows) + (result.sums.isEmpty ? "" : "<p>\(t("Subtotal: ", "小计："))\(totals(result, group.totals))</p>")
            }
        }
        if language == .en {
            let count = result.rows.count == result.matched ? "\(result.matched)" : "\(result.rows.count) of \(result.matched)"
            body += "<p>\(count) row\(result.matched == 1 ? "" : "s")" + (result.sums.isEmpty ? "" : "; total \(totals(result, result.totals))") + ".</p>"
        } else {
            let count = result.rows.count == result.matched ? "\(result.matched) 行" : "共 \(result.matched) 行，列出 \(result.rows.count) 行"
            body += "<p>\(count)" + (result.sums.isEmpty ? "" : "；合计 \(totals(result, result.totals))") + "。</p>"
        }
        return document(title: t("View \(view.name)", "视图 \(view.name)"), depth: 1, crumbs: [t("Views", "视图"), HTML.escape(view.name)], body: body)
    }

    private func totals(_ result: QueryResult, _ values: [Decimal]) -> String {
        HTML.escape(QueryCell.totals(result, values).joined(separator: ", "))
    }
}
