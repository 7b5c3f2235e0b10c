import Foundation
import PlanEngine
import PlanModel

/// `acctplan show ID --format json`: one plan as parsed, with computed values.
public enum PlanJSON {
    public static func render(_ plan: Plan, config: WorkspaceConfig) -> String {
        JSONValue.object([("version", .integer(1)), ("plan", value(plan, config: config))]).serialized(pretty: true) + "\n"
    }

    public static func value(_ plan: Plan, config: WorkspaceConfig) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("kind", .string(plan.kind.rawValue)),
            ("id", .string(plan.id)),
            ("path", .string(plan.path)),
            ("title", .optional(plan.title)),
            ("fields", .object(plan.frontMatter.map { ($0.key, field($0, config: config)) })),
        ]
        var sections: [JSONValue] = []
        for section in plan.sections {
            var object: [(String, JSONValue)] = [
                ("section", .optional(section.schemaID)),
                ("heading", .string(section.heading)),
                ("line", .integer(section.location.line)),
            ]
            if let kind = section.kind {
                object.append(("items", .array(items(kind, plan, config))))
            } else if let id = section.schemaID, let spec = config.schema.section(id: id) {
                object.append(("items", .array(items(spec, plan, config))))
            }
            sections.append(.object(object))
        }
        members.append(("sections", .array(sections)))
        return .object(members)
    }

    private static let moneyFields = Set(PlanSchema.standard.fields.filter { $0.type == .money }.map(\.key))

    private static func field(_ entry: FrontMatterEntry, config: WorkspaceConfig) -> JSONValue {
        // Money fields (the schema says which) are amounts in the workspace currency.
        if moneyFields.contains(entry.key), let text = entry.value.scalarText, case .success(let money) = Money.parse(text) {
            return .amount(config.convert(money))
        }
        return raw(entry.value, key: entry.key, config: config)
    }

    private static func raw(_ value: FrontMatterValue, key: String, config: WorkspaceConfig) -> JSONValue {
        switch value {
        case .null: return .null
        case .scalar(let text, let quoted):
            if !quoted, let integer = Int(text), key != "name" { return .integer(integer) }
            return .string(text)
        case .list(let items): return .array(items.map { raw($0, key: key, config: config) })
        case .mapping(let entries):
            return .object(entries.map { entry in
                if entry.key == "revenue", let text = entry.value.scalarText, case .success(let money) = Money.parse(text) {
                    return (entry.key, .amount(config.convert(money)))
                }
                return (entry.key, raw(entry.value, key: entry.key, config: config))
            })
        }
    }

    private static func extra(_ fields: [ExtraField]) -> [(String, JSONValue)] {
        fields.map { ($0.column, .string($0.value)) }
    }

    /// The rows of a section only the schema knows: every column in schema order (amounts in
    /// the workspace currency, percents and whole numbers as numbers), then unknown columns.
    private static func items(_ spec: SectionSpec, _ plan: Plan, _ config: WorkspaceConfig) -> [JSONValue] {
        plan.schemaTable(spec.id).map { row in
            let values: [(String, JSONValue)] = spec.columns.map { column in
                guard let text = row.cells[column.id]?.value else { return (column.id, .null) }
                if column.type == .money, case .success(let money) = Money.parse(text) { return (column.id, .amount(config.convert(money))) }
                return (column.id, column.number(text).map { .number($0) } ?? .string(text))
            }
            return .object([
                ("key", .optional(spec.keyColumn.flatMap { row.cells[$0]?.value })), ("line", .integer(row.location.line)),
                ("values", .object(values + extra(row.extra))),
            ])
        }
    }

    private static func items(_ kind: SectionKind, _ plan: Plan, _ config: WorkspaceConfig) -> [JSONValue] {
        switch kind {
        case .stakeholders:
            return plan.stakeholders.map { person in
                .object([
                    ("key", .optional(person.name?.value)), ("line", .integer(person.location.line)),
                    ("values", .object([
                        ("name", .optional(person.name?.value)), ("title", .optional(person.title?.value)),
                        ("role", .optional(person.role?.value.rawValue)),
                        ("relationship", .optional(person.relationship?.value.rawValue)),
                        ("owner", .optional(person.owner?.value)),
                        ("reports_to", .optional(person.reportsTo?.value)),
                    ] + extra(person.extra))),
                ])
            }
        case .installedBase:
            return plan.installedBase.map { product in
                .object([
                    ("key", .optional(product.product?.value)), ("line", .integer(product.location.line)),
                    ("values", .object([
                        ("product", .optional(product.product?.value)), ("modules", .optional(product.modules?.value)),
                        ("since", .optional(product.since?.value)), ("status", .optional(product.status?.value.rawValue)),
                        ("offering", .optional(product.offering?.value)),
                    ] + extra(product.extra))),
                ])
            }
        case .opportunities:
            return plan.opportunities.map { opportunity in
                .object([
                    ("key", .optional(opportunity.id?.value)), ("line", .integer(opportunity.location.line)),
                    ("values", .object([
                        ("id", .optional(opportunity.id?.value)), ("name", .optional(opportunity.name?.value)),
                        ("stage", .optional(opportunity.stage?.value)),
                        ("amount", .amount(opportunity.convertedAmount(config))),
                        ("amount_written", .optional(opportunity.amount?.value.description)),
                        ("probability", opportunity.probability.map { .number($0.value) } ?? .null),
                        ("close", .optional(opportunity.close?.value.description)),
                        ("offering", .optional(opportunity.offering?.value)),
                    ] + extra(opportunity.extra))),
                    ("computed", .object([
                        ("probability", opportunity.effectiveProbability(config).map { .number($0) } ?? .null),
                        ("weighted", .amount(opportunity.weightedAmount(config))),
                        ("closed", .bool(opportunity.isClosed(config))),
                    ])),
                ])
            }
        case .actions:
            return plan.actions.map { action in
                .object([
                    ("key", .string(action.key)), ("line", .integer(action.location.line)),
                    ("values", .object([
                        ("done", .bool(action.done)), ("due", .optional(action.due?.value.description)),
                        ("owner", .optional(action.owner?.value)), ("text", .string(action.text)),
                        ("references", .array(action.references.map { .string($0.value) })),
                    ])),
                ])
            }
        case .moments:
            return plan.moments.map { moment in
                .object([
                    ("key", .string(moment.key)), ("line", .integer(moment.location.line)),
                    ("values", .object([
                        ("date", .optional(moment.date?.value.description)), ("person", .optional(moment.person?.value)),
                        ("text", .string(moment.text)),
                    ])),
                ])
            }
        }
    }
}
