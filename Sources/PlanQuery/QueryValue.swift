import Foundation
import PlanModel

/// What a field of a query row holds. Money is in the workspace currency; percents are numbers
/// from 0 to 100.
public enum QueryValue: Sendable, Hashable {
    case none
    case text(String)
    case number(Decimal)
    case money(Decimal)
    case date(CalendarDate)
    case bool(Bool)
    case list([String])

    /// Whether the row has the field (`has:field`): not missing, not empty.
    public var isPresent: Bool {
        switch self {
        case .none: false
        case .text(let text): !text.isEmpty
        case .list(let items): !items.isEmpty
        default: true
        }
    }

    /// The number a sum adds up, for money and numbers.
    public var decimal: Decimal? {
        switch self {
        case .number(let value), .money(let value): value
        default: nil
        }
    }

    /// Orders values of one field: missing values last, then by value.
    static func ascending(_ left: QueryValue, _ right: QueryValue) -> Bool {
        switch (left, right) {
        case (.none, _): return false
        case (_, .none): return true
        case (.text(let a), .text(let b)): return a.lowercased() < b.lowercased()
        case (.date(let a), .date(let b)): return a < b
        case (.bool(let a), .bool(let b)): return !a && b
        case (.list(let a), .list(let b)): return a.joined(separator: ",") < b.joined(separator: ",")
        default:
            if let a = left.decimal, let b = right.decimal { return a < b }
            return false
        }
    }
}

/// The kind of value a field holds, which decides how a term's value is read.
public enum QueryType: String, Sendable, Hashable {
    case text, number, percent, money, date, bool, list
}
