import Foundation
import PlanModel

/// Checking a cell against its column's ``ValueType``, for tables read through the schema alone
/// (the typed sections check their cells into typed values in `ParseContext+Tables`).
extension ParseContext {
    /// The cell when it is a valid value of `type`; otherwise reports why and returns nil.
    mutating func checkedCell(_ value: Located<String>, type: ValueType, column: String,
                              valueAliases: [String: String] = [:]) -> Located<String>? {
        let text = value.value
        switch type {
        case .text, .targets, .identifierList, .personList:
            return value
        case .identifier, .person:
            guard ValueSyntax.isValidID(text) else { reportBadID(value, field: column); return nil }
            return value
        case .date:
            return parseDate(value, field: column).map { _ in value }
        case .yearOrDate:
            let isYear = text.utf8.count == 4 && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            guard isYear || CalendarDate(planText: text) != nil else {
                report(.invalidValue, at: value.location, "'\(text)' is not a year or a date for '\(column)'",
                       hint: "write a year (2019) or a date (2019-04-01)")
                return nil
            }
            return value
        case .money:
            return parseMoney(value, field: column).map { _ in value }
        case .percent:
            guard ValueSyntax.parsePercent(text) != nil else {
                report(.invalidValue, at: value.location, "'\(text)' is not a percent from 0 to 100",
                       hint: "write e.g. 60% or 60")
                return nil
            }
            return value
        case .integer:
            guard let number = Int(text), number >= 0 else {
                report(.invalidValue, at: value.location, "'\(text)' is not a whole number for '\(column)'",
                       hint: "write a number of 0 or more, e.g. 12")
                return nil
            }
            return value
        case .choice(let allowed):
            if let canonical = valueAliases[text], allowed.contains(canonical) { return Located(canonical, at: value.location) }
            return choice(value, column: column, allowed: allowed)
        case .lifecycleStage:
            return choice(value, column: column, allowed: config.lifecycle.map(\.id))
        case .opportunityStage:
            return choice(value, column: column, allowed: config.opportunityStages.map(\.id))
        }
    }

    private mutating func choice(_ value: Located<String>, column: String, allowed: [String]) -> Located<String>? {
        if allowed.contains(value.value) { return value }
        if let match = allowed.first(where: { $0 == value.value.lowercased() }) { return Located(match, at: value.location) }
        reportBadEnum(value, field: column, allowed: allowed)
        return nil
    }
}
