import Foundation
import PlanEngine
import PlanLocalization
import PlanModel

/// The dashboard's whitespace pages (docs/whitespace.md): one per industry and per segment, the
/// matrix of its accounts × the offerings, each cell coloured by state, whitespace visibly empty.
extension HTMLReport {
    /// `whitespace/industry-ID.html` or `whitespace/segment-ID.html`.
    public static func whitespacePath(_ dimension: Rollup.Dimension, _ id: String) -> String {
        "whitespace/\(dimension.rawValue)-\(HTML.fileName(for: id)).html"
    }

    /// The industries and segments that get a whitespace page: every one with a member account,
    /// when there is any offering to map.
    var whitespaceGroups: [Rollup.Group] {
        guard !whitespace.offerings.isEmpty else { return [] }
        return rollup.groups.filter { ($0.dimension == .industry || $0.dimension == .segment) && $0.accounts > 0 }
    }

    /// The index's list of whitespace pages (nothing when no plan names an offering).
    func whitespaceSection() -> String {
        let groups = whitespaceGroups
        guard !groups.isEmpty else { return "" }
        func links(_ dimension: Rollup.Dimension) -> String {
            groups.filter { $0.dimension == dimension }.map {
                HTML.link($0.name ?? $0.id, to: Self.whitespacePath(dimension, $0.id))
            }.joined(separator: " · ")
        }
        // Only the dimensions that have pages: a workspace without industries says nothing of them.
        let parts = [(Rollup.Dimension.industry, t("by industry: ", "按行业：")), (.segment, t("by segment: ", "按细分市场："))]
            .compactMap { dimension, label in links(dimension).isEmpty ? nil : label + links(dimension) }
        return "<h2>\(t("Whitespace", "空白点"))</h2><p>"
            + t("Which of our \(whitespace.offerings.count) offerings each account runs, is buying, or was never sold — "
                + parts.joined(separator: "; ") + ".",
                "每个客户在我们的 \(whitespace.offerings.count) 条产品线中已实施、正在采购或从未购买的情况——"
                + parts.joined(separator: "；") + "。") + "</p>"
    }

    /// A link to a group's whitespace page from its group page (depth 1).
    func whitespaceLink(_ group: Rollup.Group) -> String {
        guard whitespaceGroups.contains(where: { $0.key == group.key }) else { return "" }
        return "<p>" + HTML.link(t("Whitespace map of \(group.name ?? group.id)", "\(group.name ?? group.id)的空白点地图"),
                                 to: "../" + Self.whitespacePath(group.dimension, group.id))
            + t(": which offerings its accounts run, are buying, or were never sold.", "：其客户已实施、正在采购或从未购买哪些产品线。") + "</p>"
    }

    func whitespacePage(_ group: Rollup.Group) -> String {
        let kind = group.dimension == .industry ? t("Industry", "行业") : t("Segment", "细分市场")
        let title = group.name ?? group.id
        // The map's accounts are sorted by id, as the report's own are: the same index.
        let rows = group.members.compactMap { id in accountIndex[id] }
        let heading = t("Whitespace map", "空白点地图")
        let size = WhitespaceReporter.size(accounts: rows.count, offerings: whitespace.offerings.count, language)
        var body = "<h1>\(heading)\(t(": ", "："))\(HTML.escape(title))</h1><p class=\"subtitle\">\(kind) "
            + groupLink(group.dimension, group.id, depth: 1) + " · \(size)</p>"
        body += "<ul class=\"legend\">" + Whitespace.State.allCases.map { state in
            "<li><span class=\"swatch ws-\(state.rawValue)\"></span>\(whitespaceMeaning(state))</li>"
        }.joined() + "<li><span class=\"swatch ws-none\"></span>\(t("empty: whitespace, never sold", "空：空白点，从未销售"))</li></ul>"
        body += "<div class=\"table-wrap\"><table class=\"data whitespace\"><thead><tr><th>\(t("Account", "客户"))</th>"
            + whitespace.offerings.map { "<th title=\"\(HTML.escape($0.id))\">\(HTML.escape($0.name))</th>" }.joined() + "</tr></thead><tbody>"
        for index in rows {
            let account = whitespace.accounts[index]
            body += "<tr><td>" + accountLink(account.id, depth: 1) + "</td>"
            for cell in account.cells {
                guard let state = cell.state else {
                    body += "<td class=\"ws ws-none\"><span class=\"visually-hidden\">\(t("whitespace", "空白"))</span></td>"
                    continue
                }
                let rows = cell.evidence.map { "\($0.path):\($0.line) \($0.message)" }.joined(separator: "\n")
                body += "<td class=\"ws ws-\(state.rawValue)\" title=\"\(HTML.escape(rows))\">"
                    + "\(WhitespaceLabel.state(state.rawValue).text(language))</td>"
            }
            body += "</tr>"
        }
        body += "</tbody></table></div>"
        let counts = Whitespace.counts(of: rows, in: whitespace.accounts, offerings: whitespace.offerings.count)
        body += "<h2>\(t("Per offering", "按产品线"))</h2>" + HTML.table(WhitespaceReporter.countHeads(language),
            zip(whitespace.offerings, counts).map { offering, counts in
                [HTML.escape(offering.name)] + [counts.installed, counts.won, counts.pipeline, counts.lost, counts.whitespace].map(String.init)
            }, numericColumns: [1, 2, 3, 4, 5])
        body += "<p class=\"muted\">" + t("A cell shows the strongest of the rows that name the offering in the Installed base and "
            + "Opportunities tables: installed, then won, then pipeline, then lost (hover a cell for its rows). ",
            "每个格子显示“已实施产品”和“商机”表中写到该产品线的各行里最强的状态：已实施、已赢单、商机中、已丢单依次递减"
            + "（鼠标悬停可看到依据的行）。")
            + "<a href=\"../definitions.html#whitespace\">\(t("How the map is defined", "地图的定义"))</a>\(t(".", "。"))</p>"
        return document(title: "\(heading)\(t(": ", "："))\(title)", depth: 1,
                        crumbs: [groupLink(group.dimension, group.id, depth: 1), t("Whitespace", "空白点")], body: body)
    }

    func whitespaceMeaning(_ state: Whitespace.State) -> String {
        switch state {
        case .installed: t("installed: live or implementing", "已实施：运行中或实施中")
        case .won: t("won", "已赢单")
        case .pipeline: t("pipeline: an open opportunity", "商机中：有未关闭的商机")
        case .lost: t("lost", "已丢单")
        }
    }
}
