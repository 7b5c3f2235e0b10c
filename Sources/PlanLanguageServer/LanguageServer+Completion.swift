import Foundation
import PlanLocalization
import PlanModel

/// `textDocument/completion`: front-matter keys not yet written and their values; in tables the
/// values of a column's type (opportunity stages, roles, people, ...); `@person` and
/// `#opportunity-id` in list items.
extension LanguageServer {
    func completion(_ params: JSON) -> JSON {
        guard let (document, parsed) = openPlan(params), let position = Position(params["position"]),
              let (line, column, text) = document.location(of: position, encoding: encoding) else { return [] }
        let before = String(String.UnicodeScalarView(text.unicodeScalars.prefix(column - 1)))
        let plan = parsed.plan
        let config = self.config
        let lines = document.lines
        let frontMatterEnd = lines.first == "---" ? lines.dropFirst().firstIndex(of: "---").map { $0 + 1 } : nil
        var items: [JSON] = []
        // What an item replaces when it is not just the word before the cursor.
        var typed: Substring?
        if let end = frontMatterEnd, line > 1, line < end {
            if let colon = before.firstIndex(of: ":") {
                // A value may hold spaces ("Big Corp"): the whole value typed so far, or in a list
                // (`[a, b`) its last element, is replaced.
                let value = before[before.index(after: colon)...]
                let start = value.lastIndex { $0 == "[" || $0 == "," }.map { value.index(after: $0) } ?? value.startIndex
                typed = value[start...].drop { $0 == " " || $0 == "\t" }
                let key = before[..<colon].trimmingCharacters(in: .whitespaces)
                if let field = config.schema.fields.first(where: { $0.key == key }) {
                    items = values(of: field.type, field: key)
                } else if let type = config.fields[key] {
                    items = customFieldValues(key, type)
                }
            } else if !before.hasPrefix(" "), !before.hasPrefix("#") {
                // Not on a comment line (`# ...`): nothing there is a key.
                // Read from the lines, not the parse: while a key is half typed the YAML is broken.
                let present = Set(lines[1..<end].compactMap { line -> String? in
                    guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" ") else { return nil }
                    return String(line[..<colon])
                })
                items = config.schema.fields(of: plan.kind).filter { !present.contains($0.key) }.map { field in
                    [
                        "label": .string(field.key), "kind": 10, "insertText": .string(field.key + ": "),
                        "detail": .string(field.requiredIn.contains(plan.kind) ? "required" : "optional"),
                        "documentation": ["kind": "markdown", "value": .string(Localizer.translate(field.summary, to: language))],
                    ]
                }
                // The workspace's own keys (`fields:` in acctplan.yml), with their type.
                items += config.fields.sorted { $0.key < $1.key }.filter { !present.contains($0.key) }.map { key, type in
                    ["label": .string(key), "kind": 10, "insertText": .string(key + ": "),
                     "detail": .string("custom field (\(type.rawValue), acctplan.yml)"),
                     "documentation": customFieldDocumentation(key, type)]
                }
            }
        } else if let token = before.split(whereSeparator: { $0 == " " || $0 == "\t" }).last, !before.hasSuffix(" ") {
            if token.hasPrefix("@") {
                items = people()
            } else if token.hasPrefix("#") {
                items = plan.opportunities.compactMap { opportunity in
                    opportunity.id.map { id in
                        ["label": .string(id.value), "kind": 18, "detail": .string(opportunity.name?.value ?? "")]
                    }
                }
            }
        }
        // The section from the nearest `## ` heading above, so that a table completes even
        // while the front matter does not parse.
        if items.isEmpty, before.hasPrefix("|"),
           let heading = lines[..<(line - 1)].last(where: { $0.hasPrefix("## ") }),
           let spec = config.schema.section(forHeading: String(heading.dropFirst(3))), spec.kinds.contains(plan.kind) {
            // The cell under the cursor: count the unescaped pipes before it; the header is the
            // first line of this table.
            var header = line - 1
            while header > 0, lines[header - 1].hasPrefix("|") { header -= 1 }
            let cell = Self.cellCount(before) - 1
            let names = Self.cells(String(lines[header]))
            if names.indices.contains(cell),
               let column = spec.columns.first(where: { $0.id == names[cell].lowercased() || $0.aliases.contains(names[cell].lowercased()) }) {
                items = values(of: column.type, field: column.id)
                // Under a Chinese header (an alias), the Chinese words for the values come first.
                if column.aliases.contains(names[cell].lowercased()), !column.valueAliases.isEmpty {
                    let order = column.type.choices
                    items = column.valueAliases.sorted { (order.firstIndex(of: $0.value) ?? 0, $0.key) < (order.firstIndex(of: $1.value) ?? 0, $1.key) }
                        .enumerated().map { index, alias in
                            ["label": .string(alias.key), "kind": 20, "detail": .string(alias.value),
                             "sortText": .string(String(format: "%03d", index))]
                        } + items
                }
            }
        }
        return ["isIncomplete": false, "items": .array(Self.replacingWord(items, before: before, typed: typed, line: line - 1, encoding: encoding))]
    }

    /// Characters that end the word being completed, looking back from the cursor.
    static let wordBoundaries: Set<Character> = [" ", "\t", "|", "@", "#", ":", "[", "]", ",", "{", "}", "\"", "'", "("]

    /// Each item with a `textEdit` over the word before the cursor (`ma-` of `manager: ma-`): an
    /// editor that finds the word's start itself would stop at `-`, which is no word character in
    /// Markdown, and insert `ma-ma-tao` (Neovim 0.7, a newcomer trial). The new text is the item's
    /// `insertText`, else its label. `typed`: the end of `before` to replace instead of the word.
    static func replacingWord(_ items: [JSON], before: String, typed: Substring? = nil, line: Int, encoding: PositionEncoding) -> [JSON] {
        let word = typed.map(String.init) ?? String(before.reversed().prefix { !wordBoundaries.contains($0) })
        let end = before.unicodeScalars.reduce(0) { $0 + encoding.units($1) }
        let start = end - word.unicodeScalars.reduce(0) { $0 + encoding.units($1) }
        let range: JSON = ["start": Position(line: line, character: start).json, "end": Position(line: line, character: end).json]
        return items.map { item in
            guard case .object(var members) = item, let text = members["insertText"] ?? members["label"] else { return item }
            members["textEdit"] = ["range": range, "newText": text]
            return .object(members)
        }
    }

    /// What may be written for a value of `type`.
    func values(of type: ValueType, field: String) -> [JSON] {
        let config = self.config
        switch type {
        case .lifecycleStage:
            return config.lifecycle.enumerated().map { index, stage in
                ["label": .string(stage.id), "kind": 20, "detail": .string("\(index + 1). \(stage.label)"), "sortText": .string(String(format: "%03d", index))]
            }
        case .opportunityStage:
            return config.opportunityStages.enumerated().map { index, stage in
                ["label": .string(stage.id), "kind": 20, "sortText": .string(String(format: "%03d", index)),
                 "detail": .string("\(stage.probability.plainString)%" + (stage.closed ? ", closed" : ""))]
            }
        case .choice(let options):
            return options.map { ["label": .string($0), "kind": 20] }
        case .person, .personList:
            return people()
        case .identifier where field == "offering":
            return config.offerings.enumerated().map { index, offering in
                ["label": .string(offering.id), "kind": 12, "detail": .string(offering.name),
                 "sortText": .string(String(format: "%03d", index))]
            }
        case .identifier, .identifierList:
            let kind: PlanKind? = field == "industry" ? .industry : field == "segments" ? .segment : nil
            guard let kind else { return [] }
            return (workspaceOnDisk()?.plans(kind) ?? []).map { plan in
                ["label": .string(plan.id), "kind": 18, "detail": .string(plan.header.name?.value ?? "")]
            }
        default:
            return []
        }
    }

    /// `acctplan.yml`'s people: `li-you — Li You`, inserting the id.
    func people() -> [JSON] {
        config.people.sorted { $0.key < $1.key }.map { id, name in
            ["label": .string("\(id) — \(name)"), "kind": 18, "insertText": .string(id), "filterText": .string(id),
             "detail": .string(name)]
        }
    }

    /// The number of unescaped `|` in a table line's text.
    static func cellCount(_ text: String) -> Int {
        var count = 0
        var escaped = false
        for character in text {
            if character == "|" && !escaped { count += 1 }
            escaped = character == "\\" && !escaped
        }
        return count
    }

    /// A header row's cells, trimmed.
    static func cells(_ line: String) -> [String] {
        var cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if line.hasPrefix("|") { cells.removeFirst() }
        if line.hasSuffix("|"), !cells.isEmpty { cells.removeLast() }
        return cells
    }
}
