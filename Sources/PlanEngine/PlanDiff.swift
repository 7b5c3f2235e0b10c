import Foundation
import PlanModel

/// The semantic diff of two versions of a plan: pure, no git, no terminal. Fields are compared
/// by meaning — amounts as converted decimals (`2.4M` and `2,400,000` are equal), lists as sets
/// — and items are matched by key, so reordering keys, rows or list items is no change.
public enum PlanDiff {
    /// A side of the comparison: the plan (nil when the file does not exist there) and the
    /// configuration it is read with.
    public struct Side {
        public var plan: Plan?
        public var config: WorkspaceConfig

        public init(_ plan: Plan?, config: WorkspaceConfig) {
            self.plan = plan
            self.config = config
        }
    }

    /// What changed from `old` to `new`; nil when nothing did (or neither exists).
    public static func compare(_ old: Side, _ new: Side) -> PlanChange? {
        guard var change = emptyChange(old, new) else { return nil }
        let oldUnreadable = old.plan.map { !$0.isReadable } == true, newUnreadable = new.plan.map { !$0.isReadable } == true
        if oldUnreadable || newUnreadable {
            // A side that cannot be read is not an empty plan: comparing with it would list every
            // field and item as removed (or added). Only that it cannot be read is reported.
            change.unreadable = UnreadableSide(oldUnreadable && newUnreadable ? .both : oldUnreadable ? .old : .new,
                                               hasMergeConflicts: [old.plan, new.plan].contains { $0?.hasMergeConflicts == true })
            return change
        }
        change.fields = diffFields(old.plan.map { fields(of: $0, config: old.config) } ?? [],
                                   new.plan.map { fields(of: $0, config: new.config) } ?? [])
        for section in SectionKind.allCases {
            let changed = diffItems(old.plan.map { items(section, of: $0, config: old.config) } ?? [],
                                    new.plan.map { items(section, of: $0, config: new.config) } ?? [])
            if !changed.isEmpty { change.sections.append(SectionChange(section: section, items: changed)) }
        }
        for spec in new.config.schema.sections where SectionKind(rawValue: spec.id) == nil {
            let changed = diffItems(old.plan.map { items(spec, of: $0, config: old.config) } ?? [],
                                    new.plan.map { items(spec, of: $0, config: new.config) } ?? [])
            if !changed.isEmpty { change.sections.append(SectionChange(id: spec.id, items: changed)) }
        }
        if let oldPlan = old.plan, let newPlan = new.plan {
            // With the text of both sides, how it changed; otherwise (lint's and fmt's parses) whether.
            if let oldProse = oldPlan.prose, let newProse = newPlan.prose {
                change.prose = ProseDiff.changes(oldProse, newProse)
                change.proseChanged = !change.prose.isEmpty
            } else {
                change.proseChanged = oldPlan.proseFingerprint != newPlan.proseFingerprint
            }
        }
        return change.isEmpty ? nil : change
    }

    /// The change of a plan that exists on a side whose `acctplan.yml` cannot be read (merge
    /// conflicts, not YAML): whether it was added, removed or renamed, and that it is not
    /// compared — its amounts, stages and fields would be read with the default settings. nil when
    /// the settings of every side where the plan exists can be read. The plans of the sides need
    /// hold only their kind, id and path: nothing else of them is looked at.
    public static func settingsUnreadable(_ old: Side, _ new: Side) -> PlanChange? {
        let oldUnreadable = old.plan != nil && !old.config.isReadable
        let newUnreadable = new.plan != nil && !new.config.isReadable
        guard oldUnreadable || newUnreadable, var change = emptyChange(old, new) else { return nil }
        change.unreadable = UnreadableSide(oldUnreadable && newUnreadable ? .both : oldUnreadable ? .old : .new,
                                           settingsUnreadable: true)
        return change
    }

    /// A change of the plan `old` and `new` hold, with its status and nothing else; nil when
    /// neither side holds it.
    private static func emptyChange(_ old: Side, _ new: Side) -> PlanChange? {
        guard let reference = new.plan ?? old.plan else { return nil }
        var status: ChangeStatus = .modified
        if old.plan == nil { status = .added }
        if new.plan == nil { status = .removed }
        var change = PlanChange(kind: reference.kind, id: reference.id, path: reference.path, status: status)
        if let oldPlan = old.plan, let newPlan = new.plan, oldPlan.path != newPlan.path {
            change.status = .renamed
            change.oldPath = oldPlan.path
        }
        return change
    }

    // MARK: Fields

    typealias Fields = [(name: String, value: DiffValue)]

    /// Matches by name; reports in the new side's order, then what was removed.
    static func diffFields(_ old: Fields, _ new: Fields) -> [FieldChange] {
        // Items have a handful of fields: a linear search beats building a dictionary per item.
        if old.count <= 16 {
            var changes: [FieldChange] = []
            for field in new {
                let previous = old.first { $0.name == field.name }?.value ?? .null
                if previous != field.value { changes.append(FieldChange(name: field.name, from: previous, to: field.value)) }
            }
            for field in old where field.value != .null && !new.contains(where: { $0.name == field.name }) {
                changes.append(FieldChange(name: field.name, from: field.value, to: .null))
            }
            return changes
        }
        let oldValues = Dictionary(old.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        let newNames = Set(new.map(\.name))
        var changes: [FieldChange] = []
        for field in new where (oldValues[field.name] ?? .null) != field.value {
            changes.append(FieldChange(name: field.name, from: oldValues[field.name] ?? .null, to: field.value))
        }
        for field in old where !newNames.contains(field.name) && field.value != .null {
            changes.append(FieldChange(name: field.name, from: field.value, to: .null))
        }
        return changes
    }

    /// The front matter as comparable values, flattened (`targets.stages.integration`).
    static func fields(of plan: Plan, config: WorkspaceConfig) -> Fields {
        var result: Fields = []
        func add(_ name: String, _ value: FrontMatterValue) {
            switch value {
            case .mapping(let entries):
                for entry in entries { add(name + "." + entry.key, entry.value) }
            case .list(let items):
                let texts = items.map(describe).sorted()
                result.append((name, texts.isEmpty ? .null : .text(texts.joined(separator: ", "))))
            case .null:
                result.append((name, .null))
            case .scalar(let text, _):
                result.append((name, scalar(text, field: name, config: config)))
            }
        }
        for entry in plan.frontMatter { add(entry.key, entry.value) }
        return result
    }

    static let moneyFields = PlanSchema.standard.moneyFields
    static let dateFields = Set(PlanSchema.standard.fields.filter { $0.type == .date }.map(\.key))

    static func scalar(_ text: String, field: String, config: WorkspaceConfig) -> DiffValue {
        // `2027/03/31` and `2027-03-31` are one date: compared, and shown, as YYYY-MM-DD.
        if dateFields.contains(field) || config.fields[field] == .date, let date = CalendarDate(planText: text) {
            return .text(date.description)
        }
        if moneyFields.contains(field) || config.fields[field] == .money {
            if case .success(let money) = Money.parse(text), let amount = config.convert(money) { return .number(amount) }
        }
        if field == "fiscal_year" || field == "targets.accounts" || field.hasPrefix("targets.stages."),
           let number = Int(text) {
            return .number(Decimal(number))
        }
        return .text(text)
    }

    private static func describe(_ value: FrontMatterValue) -> String {
        switch value {
        case .null: return ""
        case .scalar(let text, _): return text
        case .list(let items): return "[" + items.map(describe).joined(separator: ", ") + "]"
        case .mapping(let entries): return "{" + entries.map { "\($0.key): \(describe($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    // MARK: Items

    struct Item {
        var key: String
        var fields: Fields
    }

    static func diffItems(_ old: [Item], _ new: [Item]) -> [ItemChange] {
        // Most edits keep a section's items where they were: with the same distinct keys in the
        // same order, the items pair up by position, and no dictionary is needed (what the
        // matching below gives then: the modified items, in order).
        if old.count == new.count, old.count <= 16, zip(old, new).allSatisfy({ $0.key == $1.key }),
           !new.indices.contains(where: { index in new[..<index].contains { $0.key == new[index].key } }) {
            var changes: [ItemChange] = []
            for (previous, item) in zip(old, new) {
                let fields = diffFields(previous.fields, item.fields)
                if !fields.isEmpty { changes.append(ItemChange(key: item.key, status: .modified, fields: fields)) }
            }
            return changes
        }
        return diffItemsByKey(old, new)
    }

    /// Items matched by key (the first of a repeated key): changed and added ones in the new
    /// side's order, then the removed ones.
    static func diffItemsByKey(_ old: [Item], _ new: [Item]) -> [ItemChange] {
        var oldByKey: [String: Item] = [:]
        for item in old where oldByKey[item.key] == nil { oldByKey[item.key] = item }
        var seen = Set<String>()
        var changes: [ItemChange] = []
        for item in new where seen.insert(item.key).inserted {
            if let previous = oldByKey[item.key] {
                let fields = diffFields(previous.fields, item.fields)
                if !fields.isEmpty { changes.append(ItemChange(key: item.key, status: .modified, fields: fields)) }
            } else {
                changes.append(ItemChange(key: item.key, status: .added,
                                          fields: item.fields.filter { $0.value != .null }.map {
                                              FieldChange(name: $0.name, from: .null, to: $0.value)
                                          }))
            }
        }
        var removed = Set<String>()
        for item in old where !seen.contains(item.key) && removed.insert(item.key).inserted {
            changes.append(ItemChange(key: item.key, status: .removed,
                                      fields: item.fields.filter { $0.value != .null }.map {
                                          FieldChange(name: $0.name, from: $0.value, to: .null)
                                      }))
        }
        return changes
    }

    /// The rows of a section only the schema knows, keyed by its key column; amounts and
    /// percents compared as numbers, like the typed sections' cells.
    static func items(_ spec: SectionSpec, of plan: Plan, config: WorkspaceConfig) -> [Item] {
        guard let key = spec.keyColumn else { return [] }
        let columns = spec.columns.filter { $0.id != key }
        return plan.schemaTable(spec.id).compactMap { row in
            guard let name = row.cells[key]?.value else { return nil }
            let fields: Fields = columns.map { column in
                guard let text = row.cells[column.id]?.value else { return (column.id, .null) }
                if column.type == .money, case .success(let money) = Money.parse(text), let amount = config.convert(money) {
                    return (column.id, .amount(amount))
                }
                return (column.id, column.number(text).map { .number($0) } ?? .text(text))
            }
            return Item(key: name, fields: fields + row.extra.map { ($0.column.lowercased(), $0.value.isEmpty ? .null : .text($0.value)) })
        }
    }

    static func items(_ section: SectionKind, of plan: Plan, config: WorkspaceConfig) -> [Item] {
        func text(_ value: Located<String>?) -> DiffValue { value.map { .text($0.value) } ?? .null }
        func extra(_ fields: [ExtraField]) -> Fields {
            fields.map { ($0.column.lowercased(), $0.value.isEmpty ? DiffValue.null : .text($0.value)) }
        }
        switch section {
        case .stakeholders:
            return plan.stakeholders.compactMap { person in
                guard let name = person.name?.value else { return nil }
                return Item(key: name, fields: [
                    ("title", text(person.title)), ("role", person.role.map { .text($0.value.rawValue) } ?? .null),
                    ("relationship", person.relationship.map { .text($0.value.rawValue) } ?? .null),
                    ("owner", text(person.owner)), ("reports to", text(person.reportsTo)),
                ] + extra(person.extra))
            }
        case .installedBase:
            return plan.installedBase.compactMap { product in
                guard let name = product.product?.value else { return nil }
                return Item(key: name, fields: [
                    ("modules", text(product.modules)),
                    ("since", product.since.map { .text(CalendarDate(planText: $0.value)?.description ?? $0.value) } ?? .null),
                    ("status", product.status.map { .text($0.value.rawValue) } ?? .null),
                    ("offering", text(product.offering)),
                ] + extra(product.extra))
            }
        case .opportunities:
            return plan.opportunities.compactMap { opportunity in
                guard let id = opportunity.id?.value else { return nil }
                let amount: DiffValue = opportunity.convertedAmount(config).map { .number($0) }
                    ?? opportunity.amount.map { .text($0.value.description) } ?? .null
                return Item(key: id, fields: [
                    ("name", text(opportunity.name)), ("stage", text(opportunity.stage)), ("amount", amount),
                    ("probability", opportunity.probability.map { .number($0.value) } ?? .null),
                    ("close", opportunity.close.map { .text($0.value.description) } ?? .null),
                    ("offering", text(opportunity.offering)),
                ] + extra(opportunity.extra))
            }
        case .actions:
            return plan.actions.filter { !$0.key.isEmpty }.map { action in
                Item(key: action.key, fields: [
                    ("done", .bool(action.done)), ("due", action.due.map { .text($0.value.description) } ?? .null),
                    ("owner", text(action.owner)),
                ])
            }
        case .moments:
            return plan.moments.map { moment in
                Item(key: moment.key, fields: [("person", text(moment.person))])
            }
        }
    }
}
