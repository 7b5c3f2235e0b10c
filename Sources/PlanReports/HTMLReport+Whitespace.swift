import Foundation
import PlanEngine
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
        return "<h2>Whitespace</h2><p>Which of our \(whitespace.offerings.count) offerings each account runs, is buying, or "
            + "was never sold — by industry: \(links(.industry)); by segment: \(links(.segment)).</p>"
    }

    /// A link to a group's whitespace page from its group page (depth 1).
    func whitespaceLink(_ group: Rollup.Group) -> String {
        guard whitespaceGroups.contains(where: { $0.key == group.key }) else { return "" }
        return "<p>" + HTML.link("Whitespace map of \(group.name ?? group.id)", to: "../" + Self.whitespacePath(group.dimension, group.id))
            + ": which offerings its accounts run, are buying, or were never sold.</p>"
    }

    func whitespacePage(_ group: Rollup.Group) -> String {
        let kind = group.dimension == .industry ? "Industry" : "Segment"
        let title = group.name ?? group.id
        let rows = group.members.compactMap { id in whitespace.accounts.firstIndex { $0.id == id } }
        var body = "<h1>Whitespace map: \(HTML.escape(title))</h1><p class=\"subtitle\">\(kind) "
            + groupLink(group.dimension, group.id, depth: 1) + " · \(rows.count) account\(rows.count == 1 ? "" : "s") × "
            + "\(whitespace.offerings.count) offering\(whitespace.offerings.count == 1 ? "" : "s")</p>"
        body += "<ul class=\"legend\">" + Whitespace.State.allCases.map { state in
            "<li><span class=\"swatch ws-\(state.rawValue)\"></span>\(Self.whitespaceMeaning(state))</li>"
        }.joined() + "<li><span class=\"swatch ws-none\"></span>empty: whitespace, never sold</li></ul>"
        body += "<div class=\"table-wrap\"><table class=\"data whitespace\"><thead><tr><th>Account</th>"
            + whitespace.offerings.map { "<th title=\"\(HTML.escape($0.id))\">\(HTML.escape($0.name))</th>" }.joined() + "</tr></thead><tbody>"
        for index in rows {
            let account = whitespace.accounts[index]
            body += "<tr><td>" + accountLink(account.id, depth: 1) + "</td>"
            for cell in account.cells {
                guard let state = cell.state else {
                    body += "<td class=\"ws ws-none\"><span class=\"visually-hidden\">whitespace</span></td>"
                    continue
                }
                let rows = cell.evidence.map { "\($0.path):\($0.line) \($0.message)" }.joined(separator: "\n")
                body += "<td class=\"ws ws-\(state.rawValue)\" title=\"\(HTML.escape(rows))\">\(state.rawValue)</td>"
            }
            body += "</tr>"
        }
        body += "</tbody></table></div>"
        let counts = Whitespace.counts(of: rows, in: whitespace.accounts, offerings: whitespace.offerings.count)
        body += "<h2>Per offering</h2>" + HTML.table(["Offering", "Installed", "Won", "Pipeline", "Lost", "Whitespace"],
            zip(whitespace.offerings, counts).map { offering, counts in
                [HTML.escape(offering.name)] + [counts.installed, counts.won, counts.pipeline, counts.lost, counts.whitespace].map(String.init)
            }, numericColumns: [1, 2, 3, 4, 5])
        body += "<p class=\"muted\">A cell shows the strongest of the rows that name the offering in the Installed base and "
            + "Opportunities tables: installed, then won, then pipeline, then lost (hover a cell for its rows). "
            + "<a href=\"../definitions.html#whitespace\">How the map is defined</a>.</p>"
        return document(title: "Whitespace map: \(title)", depth: 1,
                        crumbs: [groupLink(group.dimension, group.id, depth: 1), "Whitespace"], body: body)
    }

    static func whitespaceMeaning(_ state: Whitespace.State) -> String {
        switch state {
        case .installed: "installed: live or implementing"
        case .won: "won"
        case .pipeline: "pipeline: an open opportunity"
        case .lost: "lost"
        }
    }
}
