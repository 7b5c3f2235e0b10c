import Foundation
import PlanModel

/// A value a term compares with, read as its field's type says.
public enum QueryLiteral: Sendable, Hashable {
    case text(String)
    case number(Decimal)
    case date(CalendarDate)
    /// A fiscal quarter or year, or `thisquarter` and the like: a range of days.
    case period(FiscalPeriod)
    case bool(Bool)
}

/// One term of a query line: `field:value`, `field:>V`, `field:A..B`, `field:~text`,
/// `has:field`, each possibly under `not:`.
public struct QueryTerm: Sendable, Hashable {
    public enum Test: Sendable, Hashable {
        case equals(QueryLiteral)
        case greater(QueryLiteral, orEqual: Bool)
        case less(QueryLiteral, orEqual: Bool)
        case range(QueryLiteral, QueryLiteral)
        case contains(String)
        case present
    }

    /// The field's canonical name.
    public var field: String
    public var test: Test
    public var negated: Bool
    /// The term as written.
    public var text: String
}

/// Why a query line cannot run: one line naming what is wrong, the valid choices and a
/// did-you-mean (exit 2).
public struct QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var hint: String?
    public var description: String { message + (hint.map { " (\($0))" } ?? "") }

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    /// "unknown X 'word'" with the closest choice and the list of choices.
    public static func unknown(_ what: String, _ word: String, choices: [String]) -> QueryError {
        // The nearest by spelling, else the one choice the word begins (`@closing` for
        // `closing-this-quarter`).
        let closest = ValueSyntax.suggestion(for: word, in: choices)
        return QueryError("unknown \(what) '\(word)'" + (closest.map { "; did you mean '\($0)'?" } ?? ""),
                          hint: (what == "entity" ? "entities" : what + "s") + ": " + choices.joined(separator: ", "))
    }

    /// A value a field cannot hold (a stage or choice misspelt), with the closest one.
    public static func unknownValue(_ word: String, of field: String, choices: [String]) -> QueryError {
        let closest = ClosestMatch(choices).closest(to: word)
        return QueryError("unknown value '\(word)' for \(field)" + (closest.map { "; did you mean '\($0)'?" } ?? ""),
                          hint: "\(field) takes: " + choices.joined(separator: ", "))
    }
}

extension QueryTerm {
    /// Reads one term against the entity's fields.
    static func parse(_ written: String, fields: [QueryField], context: QueryContext) throws -> QueryTerm {
        var rest = Substring(written)
        var negated = false
        while rest.lowercased().hasPrefix("not:") {
            negated.toggle()
            rest = rest.dropFirst(4)
        }
        if rest.lowercased().hasPrefix("has:") {
            guard rest.count > 4 else {
                throw QueryError("'\(written)' names no field: has:FIELD keeps the rows with a value in FIELD",
                                 hint: "e.g. has:probability, or not:has:close for the rows without one")
            }
            let field = try resolve(String(rest.dropFirst(4)), fields)
            return QueryTerm(field: field.name, test: .present, negated: negated, text: written)
        }
        guard let colon = rest.firstIndex(of: ":"), colon != rest.startIndex else {
            throw QueryError("'\(written)' is not a term: write field:value, e.g. stage:negotiate",
                             hint: "terms: field:value, field:>V, field:A..B, field:~text, has:field, not:TERM")
        }
        let field = try resolve(String(rest[..<colon]), fields)
        let value = rest[rest.index(after: colon)...]
        func literal(_ text: Substring) throws -> QueryLiteral { try QueryLiteral.parse(String(text), for: field, term: written, context: context) }
        let test: Test
        if value.hasPrefix(">=") { test = .greater(try literal(value.dropFirst(2)), orEqual: true) }
        else if value.hasPrefix("<=") { test = .less(try literal(value.dropFirst(2)), orEqual: true) }
        else if value.hasPrefix(">") { test = .greater(try literal(value.dropFirst()), orEqual: false) }
        else if value.hasPrefix("<") { test = .less(try literal(value.dropFirst()), orEqual: false) }
        else if value.hasPrefix("~") {
            // `name:~` contained "" and so every name: a term that asks nothing is a mistake.
            guard value.count > 1 else {
                throw QueryError("'\(written)' has no text after its '~'", hint: "write the text to look for, e.g. \(field.name):~word")
            }
            test = .contains(String(value.dropFirst()).lowercased())
        }
        else if let dots = value.range(of: ".."), field.type != .text, field.type != .list {
            let low = try literal(value[..<dots.lowerBound]), high = try literal(value[dots.upperBound...])
            // `amount:5M..1M` passed nothing and answered "0 rows" (a newcomer trial).
            if Self.isReversed(low, high) {
                let turned = String(written.dropLast(value.count)) + value[dots.upperBound...] + ".." + value[..<dots.lowerBound]
                let (from, to) = (String(value[..<dots.lowerBound]), String(value[dots.upperBound...]))
                throw QueryError(field.type == .date ? "the range '\(written)' is reversed: \(from) is after \(to)"
                                                     : "the range '\(written)' is reversed: \(from) is more than \(to)",
                                 hint: "did you mean '\(turned)'?")
            }
            test = .range(low, high)
        } else {
            test = .equals(try literal(value))
            // A stage or a choice misspelt matched nothing and answered "0 rows", which reads as
            // "there are none" (a newcomer trial): it is named, with the closest value.
            if case .equals(.text(let word)) = test, let choices = field.choices(context.config), !choices.contains(word) {
                throw QueryError.unknownValue(String(value), of: field.name, choices: choices)
            }
        }
        // `probability:>150` passed nothing and answered "0 rows" (a newcomer trial).
        if let bounds = field.bounds, Self.isOutside(test, bounds) {
            let (low, high) = ("\(bounds.lowerBound)", "\(bounds.upperBound)")
            throw QueryError("'\(written)' can match nothing: \(field.name) runs from \(low) to \(high)",
                             hint: "write a value from \(low) to \(high), e.g. \(field.name):>=\((bounds.lowerBound + bounds.upperBound) / 2)")
        }
        return QueryTerm(field: field.name, test: test, negated: negated, text: written)
    }

    /// Whether no number from the least to the greatest of `bounds` passes `test`: `>150`, `>100`,
    /// `<0`, `150` or `120..200` for a percent.
    static func isOutside(_ test: Test, _ bounds: ClosedRange<Decimal>) -> Bool {
        switch test {
        case .equals(.number(let value)): return !bounds.contains(value)
        case .greater(.number(let value), let orEqual): return value > bounds.upperBound || (value == bounds.upperBound && !orEqual)
        case .less(.number(let value), let orEqual): return value < bounds.lowerBound || (value == bounds.lowerBound && !orEqual)
        case .range(.number(let low), .number(let high)): return low > bounds.upperBound || high < bounds.lowerBound
        default: return false
        }
    }

    /// Whether no value can lie from `low` to `high`: the first starts after the second ends (a
    /// period from its first day to its last).
    static func isReversed(_ low: QueryLiteral, _ high: QueryLiteral) -> Bool {
        switch (low, high) {
        case (.number(let low), .number(let high)): return low > high
        case (.date(let low), .date(let high)): return low > high
        case (.date(let low), .period(let high)): return low > high.end
        case (.period(let low), .date(let high)): return low.start > high
        case (.period(let low), .period(let high)): return low.start > high.end
        default: return false
        }
    }

    static func resolve(_ name: String, _ fields: [QueryField]) throws -> QueryField {
        let lowered = name.lowercased()
        if let field = fields.first(where: { $0.name == lowered || $0.aliases.contains(lowered) }) { return field }
        throw QueryError.unknown("field", name, choices: fields.map(\.name))
    }
}

extension QueryLiteral {
    /// `value` read for `field`: dates (`2027-03-31`, `today`, `today+30d`, `today-7d`), fiscal
    /// periods (`2027Q1`, `2027`, `thisquarter`, `nextquarter`, `lastquarter`, `thisyear`,
    /// `nextyear`, `lastyear`), money (`1M`, `CNY 2.4M`: in the workspace currency), percents,
    /// numbers, booleans (`yes`, `no`, `true`, `false`), else text.
    static func parse(_ value: String, for field: QueryField, term: String, context: QueryContext) throws -> QueryLiteral {
        let config = context.config
        func fail(_ what: String, _ example: String) -> QueryError {
            QueryError("'\(value)' in '\(term)' is not \(what)", hint: "\(field.name) takes \(what), e.g. \(field.name):\(example)")
        }
        // `reviewed:>=today-90d` unquoted: the shell took `>=today-90d` as a redirection (and
        // wrote a file named `=today-90d`), leaving `reviewed:`.
        if value.isEmpty && field.type != .text && field.type != .list {
            throw QueryError("'\(term)' has no value after its ':'",
                             hint: "quote a term with > or < for the shell, which reads them as a redirection: '\(field.name):>=V'")
        }
        // `name:` asked for the rows whose name is "" — none, as there is no such value written:
        // "0 rows" read as an answer (a newcomer trial).
        if value.isEmpty {
            throw QueryError("'\(term)' has no value after its ':'",
                             hint: "write the value to look for, e.g. \(field.name):word; not:has:\(field.name) lists the rows without one")
        }
        switch field.type {
        case .text, .list:
            return .text((field.valueAliases[value] ?? value).lowercased())
        case .bool:
            switch value.lowercased() {
            case "yes", "true", "y", "1": return .bool(true)
            case "no", "false", "n", "0": return .bool(false)
            default: throw fail("yes or no", "yes")
            }
        case .date:
            if let date = date(value, asOf: context.asOf) { return .date(date) }
            if let period = period(value, config: config, asOf: context.asOf) { return .period(period) }
            if let impossibility = CalendarDate.impossibility(of: value) {
                throw QueryError("'\(value)' in '\(term)' is not a date", hint: impossibility)
            }
            throw fail("a date", "2027-03-31, today+30d, 2027Q1 or thisquarter")
        case .money:
            guard case .success(let money) = Money.parse(value) else { throw fail("an amount", "1M or \"CNY 2.4M\"") }
            guard let converted = config.convert(money) else {
                throw QueryError("'\(value)' in '\(term)': no fx rate for \(money.currency ?? "") in acctplan.yml",
                                 hint: "add it under fx:, or write the amount in \(config.currency)")
            }
            return .number(converted)
        case .number, .percent:
            let digits = value.hasSuffix("%") ? String(value.dropLast()) : value
            guard let number = Decimal(string: digits), !digits.isEmpty, digits.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) else {
                throw fail(field.type == .percent ? "a percent" : "a number", field.type == .percent ? "50%" : "3")
            }
            return .number(number)
        }
    }

    /// `YYYY-MM-DD`, `today`, `today+Nd`, `today-Nd`.
    static func date(_ text: String, asOf: CalendarDate) -> CalendarDate? {
        let lowered = text.lowercased()
        if lowered == "today" { return asOf }
        if lowered.hasPrefix("today"), lowered.hasSuffix("d") {
            let offset = lowered.dropFirst(5).dropLast()
            let sign = offset.first == "-" ? -1 : 1
            guard let first = offset.first, first == "+" || first == "-", let days = Int(offset.dropFirst()) else { return nil }
            return asOf.adding(days: sign * days)
        }
        return CalendarDate(planText: text)
    }

    /// `2027Q1`, `2027` (a fiscal year), `thisquarter` and its neighbours.
    static func period(_ text: String, config: WorkspaceConfig, asOf: CalendarDate) -> FiscalPeriod? {
        let lowered = text.lowercased()
        let quarter = FiscalPeriod.quarter(of: asOf, config: config), year = FiscalPeriod.year(of: asOf, config: config)
        switch lowered {
        case "thisquarter": return quarter
        case "nextquarter": return FiscalPeriod.quarter(of: quarter.end.adding(days: 1), config: config)
        case "lastquarter": return FiscalPeriod.quarter(of: quarter.start.adding(days: -1), config: config)
        case "thisyear": return year
        case "nextyear": return FiscalPeriod.year(of: year.end.adding(days: 1), config: config)
        case "lastyear": return FiscalPeriod.year(of: year.start.adding(days: -1), config: config)
        default: break
        }
        let parts = lowered.split(separator: "q", omittingEmptySubsequences: false)
        guard let yearNumber = Int(parts[0]), parts[0].count == 4 else { return nil }
        if parts.count == 1 { return FiscalPeriod.fiscalYear(yearNumber, config: config) }
        guard parts.count == 2, let number = Int(parts[1]), (1...4).contains(number) else { return nil }
        return FiscalPeriod.quarter(number, ofYear: yearNumber, config: config)
    }
}
