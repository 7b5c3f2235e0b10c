import Foundation
import PlanEngine
import PlanModel

/// The fields of each entity. Front-matter keys and table columns (with their Chinese aliases,
/// types and meanings) come from the schema of `acctplan.yml`; the computed ones are written here.
enum QueryFields {
    typealias Read = @Sendable (QueryRow, QueryContext) -> QueryValue

    /// The front-matter keys of `kind` in the schema, then the custom fields.
    static func frontMatter(_ config: WorkspaceConfig, kind: PlanKind) -> [QueryField] {
        let keys = config.schema.fields(of: kind).filter { $0.key != "kind" && $0.key != "targets" }.map { spec in
            // `id` is the plan's id (its file name), which an `id:` key may only repeat.
            spec.key == "id" ? QueryField("id", .text, "The plan's id: its file name without .md.") { row, _ in .text(row.plan.id) }
                : QueryField(spec.key, QueryType(spec.type), spec.summary, schemaType: spec.type) { row, context in
                    .reading(row.plan.frontMatter.first { $0.key == spec.key }?.value, as: spec.type, config: context.config)
                }
        }
        let custom = config.fields.keys.sorted().map { key in
            let type = config.fields[key] ?? .string
            return QueryField(key, QueryType(type), "A custom field of acctplan.yml (\(type.rawValue)).") { row, context in
                let value = row.plan.frontMatter.first { $0.key == key }?.value
                if type == .boolean, let text = value?.scalarText?.lowercased() {
                    return ["true", "yes", "on"].contains(text) ? .bool(true) : ["false", "no", "off"].contains(text) ? .bool(false) : .text(text)
                }
                return .reading(value, as: type.valueType, config: context.config)
            }
        }
        return [QueryField("path", .text, "The plan's path in the workspace.") { row, _ in .text(row.plan.path) }] + keys + custom
    }

    static func account(_ config: WorkspaceConfig) -> [QueryField] {
        return frontMatter(config, kind: .account) + [
            QueryField("pipeline", .money, "Open opportunities' amounts, in the workspace currency.") { row, context in
                sumOpportunities(row, { !$0.isClosed(context.config) }) { $0.convertedAmount(context.config) }
            },
            QueryField("weighted", .money, "Open opportunities' amount × probability, in the workspace currency.") { row, context in
                sumOpportunities(row, { !$0.isClosed(context.config) }) { $0.weightedAmount(context.config) }
            },
            QueryField("won", .money, "Won opportunities' amounts, in the workspace currency.") { row, context in
                sumOpportunities(row, { $0.isWon(context.config) }) { $0.convertedAmount(context.config) }
            },
            QueryField("roles", .list, "The roles of the account's stakeholders (`not:roles:sponsor`: no sponsor).",
                       valueAliases: PlanSchema.roleAliases) { row, _ in
                .list(row.plan.stakeholders.compactMap { $0.role?.value.rawValue })
            },
            QueryField("stakeholders", .number, "How many stakeholders the plan names.") { row, _ in .number(Decimal(row.plan.stakeholders.count)) },
            QueryField("open_actions", .number, "How many actions are not done.") { row, _ in
                .number(Decimal(row.plan.actions.filter { !$0.done }.count))
            },
            QueryField("overdue_actions", .number, "How many open actions are due before the as-of day.") { row, context in
                .number(Decimal(row.plan.actions.filter { Rollup.isOverdue($0, asOf: context.asOf) }.count))
            },
            QueryField("score", .number, "The health score, 0 to 100 (docs/score.md).", bounds: 0...100) { row, context in
                .number(Decimal(context.scores.score(of: row.plan, context).score))
            },
            QueryField("band", .text, "The health score's band: green, amber or red.",
                       schemaType: .choice(ScoreBand.allCases.map(\.rawValue))) { row, context in
                .text(context.scores.score(of: row.plan, context).band.rawValue)
            },
            QueryField("stale", .bool, "Not reviewed within review_interval_days of the as-of day (or never).") { row, context in
                guard let reviewed = row.plan.header.reviewed?.value else { return .bool(true) }
                return .bool(Rollup.isStale(reviewed: reviewed, asOf: context.asOf, config: context.config))
            },
        ]
    }

    static func group(_ config: WorkspaceConfig, kind: PlanKind) -> [QueryField] {
        frontMatter(config, kind: kind) + [
            QueryField("revenue_target", .money, "targets.revenue, in the workspace currency.") { row, context in
                row.plan.header.targets?.revenue.flatMap { context.config.convert($0.value) }.map { .money($0) } ?? .none
            },
            QueryField("accounts_target", .number, "targets.accounts: how many member accounts.") { row, _ in
                row.plan.header.targets?.accounts.map { .number(Decimal($0.value)) } ?? .none
            },
        ]
    }

    /// The table's columns from the schema, each read by `read[column id]`.
    static func columns(_ config: WorkspaceConfig, _ section: SectionKind, _ read: [String: Read]) -> [QueryField] {
        guard case .table(let columns, _)? = config.schema.section(section)?.shape else { return [] }
        return columns.compactMap { column in
            // A field name has no blank (`reports to` is `reports_to`: a term is one shell word).
            read[column.id].map { QueryField(column.id.replacingOccurrences(of: " ", with: "_"), aliases: column.aliases + [column.id],
                                             QueryType(column.type), "The \(column.header) column.",
                                             valueAliases: column.valueAliases, schemaType: column.type, read: $0) }
        }
    }

    static func opportunity(_ config: WorkspaceConfig) -> [QueryField] {
        func item(_ body: @escaping @Sendable (Opportunity, QueryContext) -> QueryValue) -> Read {
            { row, context in body(row.plan.opportunities[row.index], context) }
        }
        let read: [String: Read] = [
            "id": item { opportunity, _ in .of(opportunity.id) },
            "name": item { opportunity, _ in .of(opportunity.name) },
            "stage": item { opportunity, _ in .of(opportunity.stage) },
            "amount": item { opportunity, context in opportunity.convertedAmount(context.config).map { .money($0) } ?? .none },
            "probability": item { opportunity, context in opportunity.effectiveProbability(context.config).map { .number($0) } ?? .none },
            "close": item { opportunity, _ in .of(opportunity.close) },
            "offering": item { opportunity, _ in .of(opportunity.offering) },
        ]
        return columns(config, .opportunities, read) + [
            QueryField("weighted", .money, "amount × probability (as used), in the workspace currency.", read: item { opportunity, context in
                opportunity.weightedAmount(context.config).map { .money($0) } ?? .none
            }),
            QueryField("open", .bool, "Not in a closed stage.", read: item { opportunity, context in .bool(!opportunity.isClosed(context.config)) }),
            QueryField("won", .bool, "In a won stage.", read: item { opportunity, context in .bool(opportunity.isWon(context.config)) }),
            QueryField("quarter", .text, "The fiscal quarter of the close date (2027Q1).", read: item { opportunity, context in
                opportunity.close.map { .text(FiscalPeriod.quarterName(of: $0.value, config: context.config)) } ?? .none
            }),
        ]
    }

    static func action() -> [QueryField] {
        func item(_ body: @escaping @Sendable (PlanAction, QueryContext) -> QueryValue) -> Read {
            { row, context in body(row.plan.actions[row.index], context) }
        }
        return [
            QueryField("text", .text, "The action's words.", read: item { action, _ in .text(action.text) }),
            QueryField("done", .bool, "Ticked.", read: item { action, _ in .bool(action.done) }),
            QueryField("due", .date, "The due date.", read: item { action, _ in .of(action.due) }),
            QueryField("owner", .text, "The @person.", read: item { action, _ in .of(action.owner) }),
            QueryField("overdue", .bool, "Open and due before the as-of day.", read: item { action, context in
                .bool(Rollup.isOverdue(action, asOf: context.asOf))
            }),
            QueryField("opportunities", .list, "The #opportunity ids it names.", read: item { action, _ in .list(action.references.map(\.value)) }),
        ]
    }

    static func stakeholder(_ config: WorkspaceConfig) -> [QueryField] {
        func item(_ body: @escaping @Sendable (Stakeholder) -> QueryValue) -> Read { { row, _ in body(row.plan.stakeholders[row.index]) } }
        return columns(config, .stakeholders, [
            "name": item { .of($0.name) }, "title": item { .of($0.title) },
            "role": item { $0.role.map { .text($0.value.rawValue) } ?? .none },
            "relationship": item { $0.relationship.map { .text($0.value.rawValue) } ?? .none },
            "owner": item { .of($0.owner) }, "reports to": item { .of($0.reportsTo) },
        ])
    }

    static func moment() -> [QueryField] {
        func item(_ body: @escaping @Sendable (Moment) -> QueryValue) -> Read { { row, _ in body(row.plan.moments[row.index]) } }
        return [
            QueryField("date", .date, "The day it happened.", read: item { .of($0.date) }),
            QueryField("person", .text, "The @person.", read: item { .of($0.person) }),
            QueryField("text", .text, "What happened.", read: item { .text($0.text) }),
        ]
    }

    static func installed(_ config: WorkspaceConfig) -> [QueryField] {
        func item(_ body: @escaping @Sendable (InstalledProduct) -> QueryValue) -> Read { { row, _ in body(row.plan.installedBase[row.index]) } }
        return columns(config, .installedBase, [
            "product": item { .of($0.product) }, "modules": item { .of($0.modules) },
            "since": item { product in product.since.map { CalendarDate(planText: $0.value).map(QueryValue.date) ?? .text($0.value) } ?? .none },
            "status": item { $0.status.map { .text($0.value.rawValue) } ?? .none },
            "offering": item { .of($0.offering) },
        ])
    }
}

extension CustomFieldType {
    /// How a custom field's value is read (its schema type).
    var valueType: ValueType {
        switch self {
        case .string, .boolean: .text
        case .integer, .number: .integer
        case .date: .date
        case .money: .money
        case .list: .identifierList
        }
    }
}

/// The sum of the plan's opportunities that `include` picks, of `value`.
@Sendable private func sumOpportunities(_ row: QueryRow, _ include: (Opportunity) -> Bool, _ value: (Opportunity) -> Decimal?) -> QueryValue {
    .money(row.plan.opportunities.filter(include).compactMap(value).reduce(0, +))
}
