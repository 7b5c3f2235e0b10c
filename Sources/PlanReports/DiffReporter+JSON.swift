import Foundation
import PlanEngine
import PlanModel

/// `acctplan diff --format json` (PLAN_FORMAT.md §8).
extension DiffReporter {
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
}
