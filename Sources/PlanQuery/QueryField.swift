import Foundation
import PlanEngine
import PlanModel

/// One row a query looks at: a plan (an account, industry or segment) or one item of it.
public struct QueryRow: Sendable {
    public var plan: Plan
    /// The item's index in the plan's list (opportunities, actions, ...); -1 for the plan itself.
    public var index: Int
    public var line: Int
}

/// What the fields of a row are read against.
public struct QueryContext: Sendable {
    public var config: WorkspaceConfig
    public var asOf: CalendarDate
    /// Each plan's health score, computed once for `score` and `band` (and `account.*` of its items).
    let scores = ScoreMemo()
    /// The plans by id of each kind, for industries' and segments' names.
    public init(config: WorkspaceConfig, asOf: CalendarDate) {
        self.config = config
        self.asOf = asOf
    }
}

/// A field of an entity: its name (and the Chinese or English aliases that mean it), its type,
/// what it means, and how it is read from a row.
public struct QueryField: Sendable {
    public var name: String
    public var aliases: [String]
    public var type: QueryType
    public var summary: String
    /// Words that mean one of the field's values (`决策者` → `decision-maker`), from the schema.
    public var valueAliases: [String: String]
    /// The schema's type of the key or column, when it has one: a stage or a choice names the
    /// only values a `field:value` term can match.
    public var schemaType: ValueType?
    /// The least and the greatest value the field can hold (a percent, the health score: 0 to
    /// 100), when it has both: a term outside them can pass nothing.
    public var bounds: ClosedRange<Decimal>?
    let read: @Sendable (QueryRow, QueryContext) -> QueryValue

    init(_ name: String, aliases: [String] = [], _ type: QueryType, _ summary: String, valueAliases: [String: String] = [:],
         schemaType: ValueType? = nil, bounds: ClosedRange<Decimal>? = nil,
         read: @escaping @Sendable (QueryRow, QueryContext) -> QueryValue) {
        self.name = name
        self.aliases = aliases
        self.valueAliases = valueAliases
        self.type = type
        self.summary = summary
        self.schemaType = schemaType
        // A plan's percent is 0 to 100 (`ValueSyntax.parsePercent`).
        self.bounds = bounds ?? (type == .percent ? 0...100 : nil)
        self.read = read
    }

    /// The values a term on this field may name (lifecycle or opportunity stages of the
    /// configuration, a choice's words); nil for any other field.
    func choices(_ config: WorkspaceConfig) -> [String]? {
        switch schemaType {
        case .lifecycleStage?: return config.lifecycle.map(\.id)
        case .opportunityStage?: return config.opportunityStages.map(\.id)
        case .choice(let values)?: return values
        default: return nil
        }
    }

    public func value(_ row: QueryRow, _ context: QueryContext) -> QueryValue { read(row, context) }

    /// The same field read from the row's account plan (`account.industry`).
    func onAccount() -> QueryField {
        let read = self.read
        return QueryField("account." + name, aliases: aliases.map { "account." + $0 }, type, "The row's account: " + summary,
                          valueAliases: valueAliases, schemaType: schemaType, bounds: bounds) { row, context in
            read(QueryRow(plan: row.plan, index: -1, line: row.plan.header.name?.location.line ?? 1), context)
        }
    }
}

extension QueryValue {
    /// A front-matter or cell value read as `type` says (money converted to the workspace
    /// currency; a currency without an `fx:` rate reads as missing).
    static func reading(_ value: FrontMatterValue?, as type: ValueType, config: WorkspaceConfig) -> QueryValue {
        guard let value else { return .none }
        switch value {
        case .null, .mapping: return .none
        case .list(let items):
            return .list(items.compactMap(\.scalarText))
        case .scalar(let text, _):
            return reading(text, as: type, config: config)
        }
    }

    static func reading(_ text: String, as type: ValueType, config: WorkspaceConfig) -> QueryValue {
        if text.isEmpty { return .none }
        switch type {
        case .identifierList, .personList: return .list([text])
        case .date, .yearOrDate: return CalendarDate(planText: text).map { .date($0) } ?? .text(text)
        case .money:
            guard case .success(let money) = Money.parse(text), let amount = config.convert(money) else { return .none }
            return .money(amount)
        case .percent, .integer:
            let digits = text.hasSuffix("%") ? String(text.dropLast()) : text
            return Decimal(string: digits.trimmingCharacters(in: .whitespaces)).map { .number($0) } ?? .text(text)
        default: return .text(text)
        }
    }

    static func of(_ located: Located<String>?) -> QueryValue { located.map { .text($0.value) } ?? .none }
    static func of(_ located: Located<CalendarDate>?) -> QueryValue { located.map { .date($0.value) } ?? .none }
}

extension QueryType {
    init(_ type: ValueType) {
        switch type {
        case .identifierList, .personList: self = .list
        case .date, .yearOrDate: self = .date
        case .money: self = .money
        case .percent: self = .percent
        case .integer: self = .number
        default: self = .text
        }
    }

    init(_ type: CustomFieldType) {
        switch type {
        case .string: self = .text
        case .integer, .number: self = .number
        case .boolean: self = .bool
        case .date: self = .date
        case .money: self = .money
        case .list: self = .list
        }
    }
}

/// Health scores by plan path, computed on first use; safe to share between threads.
final class ScoreMemo: @unchecked Sendable {
    private var scores: [String: HealthScore] = [:]
    private let lock = NSLock()

    func score(of plan: Plan, _ context: QueryContext) -> HealthScore {
        if let known = lock.withLock({ scores[plan.path] }) { return known }
        let computed = HealthScore.compute(plan, config: context.config, asOf: context.asOf, withEvidence: false)
        lock.withLock { scores[plan.path] = computed }
        return computed
    }
}
