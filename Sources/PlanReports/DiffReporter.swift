import Foundation
import PlanEngine
import PlanLocalization
import PlanModel

/// Renders semantic diffs: one summary line per plan (commit messages, `log`), text for people,
/// JSON (PLAN_FORMAT.md §8) and Markdown for pull-request comments.
public enum DiffReporter {
    static let amountFields = PlanSchema.standard.amountFields

    static func show(_ value: DiffValue, field: String) -> String {
        if case .number(let number) = value, amountFields.contains(field) { return Format.amount(number) }
        if case .amount(let number) = value { return Format.amount(number) }
        // Bytes, not Foundation's `contains(_: String)`, which went through NSString's search.
        if case .text(let text) = value, text.utf8.contains(UInt8(ascii: " ")) || text.isEmpty { return "'\(text)'" }
        return value.description
    }

    /// `value` for people in `language`: yes/no in its words, the rest as ``show(_:field:)``.
    static func show(_ value: DiffValue, field: String, language: UILanguage) -> String {
        if case .bool(let flag) = value { return DiffWords.boolean(flag, in: language) }
        return show(value, field: field)
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

    /// `xinan-tobacco: stage departmental → industry-solution; opp-x amount 2,000,000 → 2,400,000; +1 opportunity`.
    /// `language`: the words around the fields (`log` in Chinese); commit messages stay English.
    public static func summaryLine(_ change: PlanChange, language: UILanguage = .en) -> String {
        var parts: [String] = []
        switch change.status {
        case .added: parts.append(DiffWords.newPlan(change.kind.rawValue, in: language))
        case .removed: parts.append(DiffWords.removedPlan(change.kind.rawValue, in: language))
        case .renamed: parts.append(DiffWords.movedFrom(change.oldPath ?? "?", in: language))
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
                    default: parts.append(itemText(item, section: section.section, language: language))
                    }
                }
                if added > 0 { parts.append(DiffWords.items("+", added, section: section.id, english: noun(section.id, added), in: language)) }
                if removed > 0 { parts.append(DiffWords.items("−", removed, section: section.id, english: noun(section.id, removed), in: language)) }
            }
            if change.proseChanged { parts.append(proseSummary(change, language: language)) }
        }
        if let unreadable = change.unreadable { parts.append(Localizer.translate(unreadable.sentence, to: language)) }
        return "\(change.id): " + (parts.isEmpty ? DiffWords.noSemanticChange(in: language)
                                                 : parts.joined(separator: DiffWords.separator(in: language)))
    }

    static func itemText(_ item: ItemChange, section: SectionKind?, language: UILanguage = .en) -> String {
        if section == .actions {
            var words: [String] = []
            for field in item.fields {
                if field.name == "done" {
                    words.append(DiffWords.actionDone(field.to == .bool(true), in: language))
                } else {
                    words.append(fieldText(field))
                }
            }
            return DiffWords.action(item.key, words, in: language)
        }
        return "\(item.key) " + item.fields.map(fieldText).joined(separator: language == .en ? ", " : "，")
    }
}
