import Foundation
import PlanEngine
import PlanModel

/// Renders semantic diffs: one summary line per plan (commit messages, `log`), text for people,
/// JSON (PLAN_FORMAT.md §8) and Markdown for pull-request comments.
public enum DiffReporter {
    static let amountFields = PlanSchema.standard.amountFields

    static func show(_ value: DiffValue, field: String) -> String {
        if case .number(let number) = value, amountFields.contains(field) { return Format.amount(number) }
        if case .amount(let number) = value { return Format.amount(number) }
        if case .text(let text) = value, text.contains(" ") || text.isEmpty { return "'\(text)'" }
        return value.description
    }

    static func fieldText(_ field: FieldChange) -> String {
        "\(field.name) \(show(field.from, field: field.name)) → \(show(field.to, field: field.name))"
    }

    /// What `count` items of a section are called: the schema's item name.
    static func noun(_ section: String, _ count: Int) -> String {
        let spec = PlanSchema.standard.section(id: section)
            ?? SectionSpec(id: section, headings: [], kinds: [], shape: .table(columns: [], key: ""))
        return count == 1 ? spec.itemName : spec.itemNamePlural
    }

    /// `xinan-tobacco: stage departmental → industry-solution; opp-x amount 2,000,000 → 2,400,000; +1 opportunity`
    public static func summaryLine(_ change: PlanChange) -> String {
        var parts: [String] = []
        switch change.status {
        case .added: parts.append("new \(change.kind.rawValue) plan")
        case .removed: parts.append("\(change.kind.rawValue) plan removed")
        case .renamed: parts.append("moved from \(change.oldPath ?? "?")")
        case .modified: break
        }
        if change.status != .added && change.status != .removed {
            let ordered = change.fields.filter { $0.name == "stage" } + change.fields.filter { $0.name != "stage" }
            parts += ordered.map(fieldText)
            for section in change.sections {
                var added = 0, removed = 0
                for item in section.items {
                    switch item.status {
                    case .added: added += 1
                    case .removed: removed += 1
                    default: parts.append(itemText(item, section: section.section))
                    }
                }
                if added > 0 { parts.append("+\(added) \(noun(section.id, added))") }
                if removed > 0 { parts.append("−\(removed) \(noun(section.id, removed))") }
            }
            if change.proseChanged { parts.append(proseSummary(change)) }
        }
        if let unreadable = change.unreadable { parts.append(unreadable.sentence) }
        return "\(change.id): " + (parts.isEmpty ? "no semantic change" : parts.joined(separator: "; "))
    }

    static func itemText(_ item: ItemChange, section: SectionKind?) -> String {
        if section == .actions {
            var words: [String] = []
            for field in item.fields {
                if field.name == "done" {
                    words.append(field.to == .bool(true) ? "done" : "reopened")
                } else {
                    words.append(fieldText(field))
                }
            }
            return "action '\(item.key)' " + words.joined(separator: ", ")
        }
        return "\(item.key) " + item.fields.map(fieldText).joined(separator: ", ")
    }

    // MARK: Text

    public static func text(_ changes: [PlanChange], color: Bool = false) -> String {
        let style = TerminalStyle(enabled: color)
        var output = ""
        for change in changes {
            var header = "\(change.path) (\(change.kind.rawValue) \(change.id), \(change.status.rawValue)"
            if let old = change.oldPath { header += " from \(old)" }
            output += style.bold(header + ")") + "\n"
            if let unreadable = change.unreadable {
                output += "  " + style.red(unreadable.sentence + "; run acctplan lint") + "\n"
            }
            for field in change.fields {
                output += "  \(field.name): \(style.red(show(field.from, field: field.name))) → \(style.green(show(field.to, field: field.name)))\n"
            }
            for section in change.sections {
                output += "  \(section.id):\n"
                for item in section.items {
                    switch item.status {
                    case .added:
                        output += "    " + style.green("+ \(item.key)") + details(item) + "\n"
                    case .removed:
                        output += "    " + style.red("- \(item.key)") + "\n"
                    default:
                        output += "    ~ \(item.key): " + item.fields.map { field in
                            "\(field.name) \(style.red(show(field.from, field: field.name))) → \(style.green(show(field.to, field: field.name)))"
                        }.joined(separator: ", ") + "\n"
                    }
                }
            }
            if change.proseChanged { output += proseText(change, style: style) }
        }
        return output
    }

    private static func details(_ item: ItemChange) -> String {
        let values = item.fields.map { "\($0.name) \(show($0.to, field: $0.name))" }
        return values.isEmpty ? "" : " (" + values.joined(separator: ", ") + ")"
    }

    // MARK: JSON

    public static func json(_ changes: [PlanChange], from: String, to: String) -> String {
        JSONValue.object([
            ("version", .integer(1)),
            ("from", .string(from)),
            ("to", .string(to)),
            ("plans", .array(changes.map(planJSON))),
        ]).serialized() + "\n"
    }

    static func value(_ value: DiffValue, field: String) -> JSONValue {
        switch value {
        case .text(let text): return .string(text)
        case .number(let number): return amountFields.contains(field) ? .amount(number) : .number(number)
        case .amount(let number): return .amount(number)
        case .bool(let flag): return .bool(flag)
        case .null: return .null
        }
    }

    static func fieldJSON(_ field: FieldChange) -> JSONValue {
        .object([("name", .string(field.name)), ("from", value(field.from, field: field.name)),
                 ("to", value(field.to, field: field.name))])
    }

    public static func planJSON(_ change: PlanChange) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("kind", .string(change.kind.rawValue)), ("id", .string(change.id)), ("path", .string(change.path)),
            ("status", .string(change.status.rawValue)),
        ]
        if let old = change.oldPath { members.append(("old_path", .string(old))) }
        members.append(("fields", .array(change.fields.map(fieldJSON))))
        members.append(("sections", .array(change.sections.map { section in
            .object([
                ("section", .string(section.id)),
                ("items", .array(section.items.map { item in
                    .object([("key", .string(item.key)), ("status", .string(item.status.rawValue)),
                             ("fields", .array(item.fields.map(fieldJSON)))])
                })),
            ])
        })))
        members.append(("prose_changed", .bool(change.proseChanged)))
        if !change.prose.isEmpty { members.append(("prose", .array(change.prose.map(proseJSON)))) }
        if let unreadable = change.unreadable { members.append(("unreadable", .string(unreadable.side.rawValue))) }
        return .object(members)
    }

    // MARK: Markdown

    /// For a pull-request comment: lifecycle moves first, one block per plan.
    public static func markdown(_ changes: [PlanChange], from: String, to: String) -> String {
        guard !changes.isEmpty else { return "**acctplan:** no plan changes between `\(from)` and `\(to)`.\n" }
        let moves = changes.filter { $0.stageMove != nil && $0.status != .added && $0.status != .removed }
        var output = "### acctplan: \(changes.count) plan\(changes.count == 1 ? "" : "s") changed (`\(from)` → `\(to)`)\n\n"
        if !moves.isEmpty {
            output += "**Lifecycle moves**\n\n"
            for change in moves {
                if let move = change.stageMove {
                    output += "- `\(change.id)`: \(escape(show(move.from, field: "stage"))) → **\(escape(show(move.to, field: "stage")))**\n"
                }
            }
            output += "\n"
        }
        let ordered = moves + changes.filter { change in !moves.contains { $0.path == change.path } }
        for change in ordered {
            output += "#### `\(change.id)` (\(change.kind.rawValue), \(change.status.rawValue))\n\n"
            if let old = change.oldPath { output += "Moved from `\(old)` to `\(change.path)`.\n\n" }
            if let unreadable = change.unreadable {
                output += "> ⚠️ \(unreadable.sentence.prefix(1).uppercased() + unreadable.sentence.dropFirst()); run `acctplan lint`.\n\n"
            }
            if change.status == .added || change.status == .removed {
                output += "\(change.status == .added ? "New" : "Removed") plan `\(change.path)`.\n\n"
                continue
            }
            if !change.fields.isEmpty || !change.sections.isEmpty {
                output += "| what | before | after |\n| --- | --- | --- |\n"
                for field in change.fields {
                    output += "| \(escape(field.name)) | \(escape(show(field.from, field: field.name))) | \(escape(show(field.to, field: field.name))) |\n"
                }
                for section in change.sections {
                    for item in section.items {
                        let label = "\(section.id) `\(escape(item.key))`"
                        switch item.status {
                        case .added: output += "| \(label) | — | added |\n"
                        case .removed: output += "| \(label) | removed | — |\n"
                        default:
                            for field in item.fields {
                                output += "| \(label) \(escape(field.name)) | \(escape(show(field.from, field: field.name))) | \(escape(show(field.to, field: field.name))) |\n"
                            }
                        }
                    }
                }
                output += "\n"
            }
            if change.proseChanged { output += proseMarkdown(change) }
        }
        return output
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "|": result += "\\|"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\n": result += " "
            case "`": result += "'"
            default: result.append(character)
            }
        }
        return result
    }
}
