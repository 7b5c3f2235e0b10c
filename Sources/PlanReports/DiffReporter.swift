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
}
