import PlanEngine
import PlanLocalization
import PlanModel

/// `acctplan whitespace --format json|csv|markdown` (docs/json.md, docs/whitespace.md).
extension WhitespaceReporter {
    /// `{"version": 1, "catalogue", "by", "offerings", "accounts", "groups"}`: every cell of every
    /// account by offering id, `state` null for whitespace, with the rows behind it.
    public static func json(_ map: Whitespace) -> String {
        func counts(_ counts: [Whitespace.Counts]) -> JSONValue {
            .object(zip(map.offerings, counts).map { offering, counts in
                (offering.id, .object([
                    ("installed", .integer(counts.installed)), ("won", .integer(counts.won)),
                    ("pipeline", .integer(counts.pipeline)), ("lost", .integer(counts.lost)),
                    ("whitespace", .integer(counts.whitespace)),
                ]))
            })
        }
        let accounts: [JSONValue] = map.accounts.map { account in
            .object([
                ("id", .string(account.id)), ("path", .string(account.path)), ("name", .optional(account.name)),
                ("industry", .optional(account.industry)), ("segments", .array(account.segments.map(JSONValue.string))),
                ("manager", .optional(account.manager)),
                ("cells", .object(zip(map.offerings, account.cells).map { offering, cell in
                    (offering.id, .object([
                        ("state", .optional(cell.state?.rawValue)),
                        ("evidence", .array(cell.evidence.map {
                            .object([("path", .string($0.path)), ("line", .integer($0.line)), ("state", .string($0.state.rawValue)),
                                     ("message", .string($0.message))])
                        })),
                    ]))
                })),
            ])
        }
        let groups: [JSONValue] = map.groups.map { group in
            .object([
                ("id", .string(group.id)), ("name", .optional(group.name)),
                ("accounts", .array(group.members.map { .string(map.accounts[$0].id) })),
                ("counts", counts(group.counts)),
            ])
        }
        return JSONValue.object([
            ("version", .integer(1)), ("catalogue", .bool(map.fromCatalogue)),
            ("by", .optional(map.dimension?.rawValue)),
            ("offerings", .array(map.offerings.map { .object([("id", .string($0.id)), ("name", .string($0.name))]) })),
            ("counts", counts(map.counts)),
            ("accounts", .array(accounts)),
            ("groups", .array(groups)),
        ]).serialized() + "\n"
    }

    /// RFC 4180 (CRLF line ends): `account,name,industry,manager` and one column per offering id,
    /// each cell a state or empty; with `--by`, a first column `group` and an account once per group.
    /// An offering whose id is one of those columns' names (the template sells `industry`
    /// solutions) is headed `offering:ID`: two `industry` columns made a spreadsheet or a script
    /// read the offering's state as the account's industry.
    public static func csv(_ map: Whitespace) -> String {
        let grouped = map.dimension != nil
        let fixed = (grouped ? ["group"] : []) + ["account", "name", "industry", "manager"]
        let header = fixed + map.offerings.map { fixed.contains($0.id) ? "offering:" + $0.id : $0.id }
        var rows = [header]
        func row(_ index: Int) -> [String] {
            let account = map.accounts[index]
            return [account.id, account.name ?? "", account.industry ?? "", account.manager ?? ""]
                + account.cells.map { $0.state?.rawValue ?? "" }
        }
        if grouped {
            for group in map.groups { for member in group.members { rows.append([group.id] + row(member)) } }
        } else {
            for index in map.accounts.indices { rows.append(row(index)) }
        }
        return rows.map { $0.map(RollupReporter.csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A Markdown table of accounts × offerings (whitespace cells empty) and the counts per offering.
    public static func markdown(_ map: Whitespace, language: UILanguage = .en) -> String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        func label(_ label: WhitespaceLabel) -> String { label.text(language) }
        var lines = ["## " + label(.title), "", size(map, language) + (language == .en ? ". " : "。") + label(.legendMarkdown)]
        guard !map.offerings.isEmpty else { return (lines + ["", label(.noOffering)]).joined(separator: "\n") + "\n" }
        func tables(_ rows: [Int], _ counts: [Whitespace.Counts]) -> [String] {
            let accountHead = language == .en ? "Account" : label(.account)
            var part = ["", "| \(accountHead) | " + map.offerings.map { cell($0.name) }.joined(separator: " | ") + " |",
                        "| --- |" + String(repeating: " --- |", count: map.offerings.count)]
            for index in rows {
                let account = map.accounts[index]
                part.append("| \(cell(account.name ?? account.id)) (`\(account.id)`) | "
                    + account.cells.map { $0.state.map { WhitespaceLabel.state($0.rawValue).text(language) } ?? "" }.joined(separator: " | ") + " |")
            }
            part += ["", "| " + countHeads(language).joined(separator: " | ") + " |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
            for (offering, counts) in zip(map.offerings, counts) {
                part.append("| \(cell(offering.name)) | \(counts.installed) | \(counts.won) | \(counts.pipeline) | "
                    + "\(counts.lost) | \(counts.whitespace) |")
            }
            return part
        }
        if map.dimension == nil { lines += tables(Array(map.accounts.indices), map.counts) }
        for group in map.groups {
            lines += ["", "### \(ReportLabel.kind(group.dimension.rawValue, in: language)) \(cell(group.id))"
                + (group.name.map { " — \(cell($0))" } ?? "")]
            lines += tables(group.members, group.counts)
        }
        if let dimension = map.dimension, !map.ungrouped.isEmpty {
            lines += ["", WhitespaceLabel.ungrouped(map.ungrouped.map { cell(map.accounts[$0].id) },
                                                    kind: ReportLabel.kind(dimension.rawValue, in: language), language: language)]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
