import Foundation
import PlanModel

/// Runs a query over a workspace's plans.
public enum QueryEngine {
    /// The rows of `request.entity` in `workspace` that pass every term, as of `asOf`. Terms on
    /// the same field are alternatives (OR), terms on different fields must all hold (AND), and
    /// each `not:` term and each `has:` field must hold on its own.
    public static func run(_ request: QueryRequest, in workspace: Workspace, asOf: CalendarDate) throws -> QueryResult {
        guard let entity = QueryEntity(name: request.entity) else {
            throw QueryError.unknown("entity", request.entity, choices: QueryEntity.allCases.map(\.rawValue))
        }
        let context = QueryContext(config: workspace.config, asOf: asOf)
        let fields = entity.fields(workspace.config)
        let terms = try request.terms.map { try QueryTerm.parse($0, fields: fields, context: context) }
        let sums = try request.sums.map { try QueryTerm.resolve($0, fields) }
        for field in sums where ![.money, .number, .percent].contains(field.type) {
            throw QueryError("--sum \(field.name): \(field.name) is \(field.type.rawValue), not an amount or a number",
                             hint: "sum money or number fields, e.g. --sum amount")
        }
        let by = try request.by.map { try QueryTerm.resolve($0, fields) }
        if let given = request.columns, given.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw QueryError("--columns names no field", hint: "list the fields to show, e.g. --columns id,name,amount")
        }
        var columns = try (request.columns ?? entity.defaultColumns).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { try QueryTerm.resolve($0, fields) }
        for extra in [by].compactMap({ $0 }) + sums where !columns.contains(where: { $0.name == extra.name }) { columns.append(extra) }
        let descending = request.sort?.hasPrefix("-") ?? false
        let sort = try request.sort.map { try QueryTerm.resolve(descending ? String($0.dropFirst()) : $0, fields) }
        if let limit = request.limit, limit < 0 { throw QueryError("--limit \(limit): the limit must be 0 or more") }

        // Positive terms by field (alternatives; `has:field` is a group of its own), then each
        // negated term on its own.
        var alternatives: [(key: String, field: QueryField, terms: [QueryTerm])] = []
        for term in terms where !term.negated {
            let key = term.test == .present ? "has:" + term.field : term.field
            if let index = alternatives.firstIndex(where: { $0.key == key }) { alternatives[index].terms.append(term) }
            else if let field = fields.first(where: { $0.name == term.field }) { alternatives.append((key, field, [term])) }
        }
        let negated = terms.filter(\.negated).compactMap { term in fields.first { $0.name == term.field }.map { (field: $0, term: term) } }

        var matched: [(row: QueryResult.Row, sortKey: QueryValue)] = []
        for plan in workspace.plans where plan.kind == entity.planKind && plan.isReadable {
            for row in entity.rows(of: plan) {
                guard alternatives.allSatisfy({ group in
                    let value = group.field.value(row, context)
                    return group.terms.contains { $0.passes(value) }
                }), negated.allSatisfy({ !$0.term.passes($0.field.value(row, context)) }) else { continue }
                let values = columns.map { $0.value(row, context) }
                matched.append((QueryResult.Row(account: plan.id, path: plan.path, line: row.line, values: values),
                                sort.map { $0.value(row, context) } ?? .none))
            }
        }
        if sort != nil {
            // Stable, missing values last in either direction.
            let order = matched.indices.sorted { left, right in
                let a = matched[left].sortKey, b = matched[right].sortKey
                if a == b { return left < right }
                if !a.isPresent || !b.isPresent { return a.isPresent }
                return descending ? QueryValue.ascending(b, a) : QueryValue.ascending(a, b)
            }
            matched = order.map { matched[$0] }
        }
        let total = matched.count
        var rows = matched.map(\.row)
        if let limit = request.limit { rows = Array(rows.prefix(limit)) }
        let sumIndices = sums.map { sum in columns.firstIndex { $0.name == sum.name } ?? 0 }
        func totals(_ rows: [QueryResult.Row]) -> [Decimal] {
            sumIndices.map { index in rows.compactMap { $0.values[index].decimal }.reduce(0, +) }
        }
        var groups: [QueryResult.Group] = []
        if let by, let index = columns.firstIndex(where: { $0.name == by.name }) {
            var keys: [QueryValue] = []
            var members: [QueryValue: [QueryResult.Row]] = [:]
            for row in rows {
                // A list (segments, team) puts the row in the group of each of its elements, as
                // rollup counts an account in each of its segments; grouped by the whole list,
                // [a, b] and [b, a] were two groups (a newcomer trial).
                var rowKeys = [row.values[index]]
                if case .list(let items) = row.values[index] {
                    var seen = Set<String>()
                    rowKeys = items.isEmpty ? [.none] : items.filter { seen.insert($0).inserted }.map(QueryValue.text)
                }
                for key in rowKeys {
                    if members[key] == nil { keys.append(key) }
                    members[key, default: []].append(row)
                }
            }
            keys.sort { a, b in a.isPresent != b.isPresent ? a.isPresent : QueryValue.ascending(a, b) }
            groups = keys.map { QueryResult.Group(key: $0, rows: members[$0] ?? [], totals: totals(members[$0] ?? [])) }
        }
        return QueryResult(entity: entity, query: request.terms.joined(separator: " "),
                           columns: columns.map { ($0.name, $0.type) }, sums: sums.map(\.name), by: by?.name,
                           rows: rows, matched: total, groups: groups, totals: totals(rows))
    }
}
