import Foundation
import PlanModel

extension QueryTerm {
    /// Whether `value` passes the term (before `not:`). A missing value passes only `not:` terms.
    func passes(_ value: QueryValue) -> Bool {
        switch test {
        case .present: return value.isPresent
        case .equals(let literal): return Self.equal(value, literal)
        case .greater(let literal, let orEqual): return Self.order(value, literal, after: true, orEqual: orEqual)
        case .less(let literal, let orEqual): return Self.order(value, literal, after: false, orEqual: orEqual)
        case .range(let low, let high):
            return Self.order(value, low, after: true, orEqual: true) && Self.order(value, high, after: false, orEqual: true)
        case .contains(let part):
            switch value {
            case .text(let text): return text.lowercased().contains(part)
            case .list(let items): return items.contains { $0.lowercased().contains(part) }
            default: return false
            }
        }
    }

    /// A year written alone where a date may stand (installed-base `since: 2019`) compares as
    /// January 1 of that year.
    static func comparable(_ value: QueryValue, _ literal: QueryLiteral) -> QueryValue {
        guard case .text(let text) = value, text.count == 4, let year = Int(text) else { return value }
        switch literal {
        case .date, .period: return CalendarDate(year: year, month: 1, day: 1).map(QueryValue.date) ?? value
        default: return value
        }
    }

    static func equal(_ value: QueryValue, _ literal: QueryLiteral) -> Bool {
        let value = comparable(value, literal)
        switch (value, literal) {
        case (.text(let text), .text(let wanted)): return text.lowercased() == wanted
        case (.list(let items), .text(let wanted)): return items.contains { $0.lowercased() == wanted }
        case (.date(let date), .date(let wanted)): return date == wanted
        case (.date(let date), .period(let period)): return period.contains(date)
        case (.bool(let flag), .bool(let wanted)): return flag == wanted
        case (_, .number(let wanted)): return value.decimal == wanted
        default: return false
        }
    }

    /// `value > literal` (`after`) or `value < literal`, or equal when `orEqual`. A period is
    /// after its last day and before its first.
    static func order(_ value: QueryValue, _ literal: QueryLiteral, after: Bool, orEqual: Bool) -> Bool {
        let value = comparable(value, literal)
        func compare<T: Comparable>(_ left: T, _ right: T) -> Bool {
            if left == right { return orEqual }
            return after ? left > right : left < right
        }
        switch (value, literal) {
        case (.date(let date), .date(let bound)): return compare(date, bound)
        case (.date(let date), .period(let period)):
            // > 2027Q1: after its end; >= 2027Q1: from its start; < : before its start; <= : to its end.
            if after { return orEqual ? date >= period.start : date > period.end }
            return orEqual ? date <= period.end : date < period.start
        case (.text(let text), .text(let bound)): return compare(text.lowercased(), bound)
        case (_, .number(let bound)):
            guard let number = value.decimal else { return false }
            return compare(number, bound)
        default: return false
        }
    }
}
