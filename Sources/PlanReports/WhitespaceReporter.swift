import PlanEngine
import PlanFormat
import PlanLocalization
import PlanModel

/// `acctplan whitespace`'s renderers: text here, JSON, CSV and Markdown in `WhitespaceReporter+Data`.
public enum WhitespaceReporter {
    /// What a cell says: the state in `language`, or "·" for whitespace (people read a dot as "nothing here").
    static func word(_ state: Whitespace.State?, _ language: UILanguage) -> String {
        state.map { WhitespaceLabel.state($0.rawValue).text(language) } ?? "·"
    }

    /// "6 accounts × 8 offerings" ("6 个客户 × 8 条产品线").
    static func size(_ map: Whitespace, _ language: UILanguage) -> String {
        size(accounts: map.accounts.count, offerings: map.offerings.count, language)
    }

    public static func size(accounts: Int, offerings: Int, _ language: UILanguage) -> String {
        guard language == .en else {
            return "\(accounts) \(WhitespaceLabel.accounts.text(language)) × \(offerings) \(WhitespaceLabel.offerings.text(language))"
        }
        return "\(count(accounts, "account")) × \(count(offerings, "offering"))"
    }

    /// The heads of the counts table for a page (Markdown, the dashboard): "Offering", "Installed", ...
    public static func countHeads(_ language: UILanguage) -> [String] {
        let heads = [WhitespaceLabel.offering, .installed, .won, .pipeline, .lost, .whitespace].map { $0.text(language) }
        return language == .en ? heads.map { $0.prefix(1).uppercased() + $0.dropFirst() } : heads
    }

    /// `acctplan whitespace` (text): the matrix (one row per account id, one column per offering id),
    /// then per offering how many accounts have each state; with `--by`, both per group.
    public static func text(_ map: Whitespace, color: Bool, language: UILanguage = .en) -> String {
        let style = TerminalStyle(enabled: color)
        func label(_ label: WhitespaceLabel) -> String { label.text(language) }
        let colon = language == .en ? ": " : "："
        var lines = [style.bold(label(.title) + colon + size(map, language))]
        guard !map.offerings.isEmpty else {
            lines.append(label(.noOffering))
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append(style.dim(label(.legend)))
        if !map.fromCatalogue { lines.append(style.dim(label(.fromPlans))) }
        if map.dimension == nil {
            lines.append("")
            lines += matrix(map, rows: Array(map.accounts.indices), style: style, language: language)
            lines.append("")
            lines += countsTable(map, map.counts, style: style, language: language)
        }
        for group in map.groups {
            lines.append("")
            let name = group.name.map { " — \($0)" } ?? ""
            let members = language == .en ? count(group.members.count, "account") : "\(group.members.count) \(label(.accounts))"
            lines.append(style.bold("\(ReportLabel.kind(group.dimension.rawValue, in: language)) \(group.id)\(name)")
                + (language == .en ? " (\(members))" : "（\(members)）"))
            lines += matrix(map, rows: group.members, style: style, language: language).map { "  " + $0 }
            lines.append("")
            lines += countsTable(map, group.counts, style: style, language: language).map { "  " + $0 }
        }
        if let dimension = map.dimension, !map.ungrouped.isEmpty {
            lines.append("")
            lines.append(style.dim(WhitespaceLabel.ungrouped(map.ungrouped.map { map.accounts[$0].id },
                                                             kind: ReportLabel.kind(dimension.rawValue, in: language), language: language)))
        }
        lines.append("")
        lines.append(label(.offeringNames) + colon
            + map.offerings.map { $0.name == $0.id ? $0.id : "\($0.id) = \($0.name)" }.joined(separator: language == .en ? ", " : "，"))
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

    static func matrix(_ map: Whitespace, rows: [Int], style: TerminalStyle, language: UILanguage) -> [String] {
        let header = [WhitespaceLabel.account.text(language)] + map.offerings.map(\.id)
        let table = rows.map { index in [map.accounts[index].id] + map.accounts[index].cells.map { word($0.state, language) } }
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

    static func countsTable(_ map: Whitespace, _ counts: [Whitespace.Counts], style: TerminalStyle, language: UILanguage) -> [String] {
        let header = [WhitespaceLabel.offering, .installed, .won, .pipeline, .lost, .whitespace].map { $0.text(language) }
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
