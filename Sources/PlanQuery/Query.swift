import Foundation
import PlanModel

/// A query as the command line gives it (docs/query.md).
public struct QueryRequest: Sendable {
    public var entity: String
    public var terms: [String]
    public var columns: [String]?
    /// A field, `-field` for descending.
    public var sort: String?
    public var sums: [String]
    public var by: String?
    public var limit: Int?

    public init(entity: String, terms: [String] = [], columns: [String]? = nil, sort: String? = nil, sums: [String] = [],
                by: String? = nil, limit: Int? = nil) {
        self.entity = entity
        self.terms = terms
        self.columns = columns
        self.sort = sort
        self.sums = sums
        self.by = by
        self.limit = limit
    }
}

/// The answer: the matching rows (each with its account and `path:line`), the groups of `--by`
/// with their subtotals, and the totals of `--sum` (exact decimals).
public struct QueryResult: Sendable {
    public struct Row: Sendable {
        public var account: String
        public var path: String
        public var line: Int
        public var values: [QueryValue]
    }

    public struct Group: Sendable {
        public var key: QueryValue
        public var rows: [Row]
        public var totals: [Decimal]
    }

    public var entity: QueryEntity
    /// The terms as given, joined by spaces.
    public var query: String
    public var columns: [(name: String, type: QueryType)]
    public var sums: [String]
    public var by: String?
    /// The rows listed (after `--limit`), sorted.
    public var rows: [Row]
    /// How many rows matched, before `--limit`.
    public var matched: Int
    /// With `--by`: the listed rows by the field's value, in the order of the values.
    public var groups: [Group]
    /// The sums of the listed rows, one per `--sum` field.
    public var totals: [Decimal]
}
