import Foundation
import PlanModel

/// Interpreting the front matter (PLAN_FORMAT.md §4).
extension ParseContext {
    /// The keys each kind understands, in canonical order, and those it requires (the schema's).
    static let keys: [PlanKind: (known: [String], required: [String])] = Dictionary(uniqueKeysWithValues: PlanKind.allCases.map { kind in
        let fields = PlanSchema.standard.fields(of: kind)
        return (kind, (fields.map(\.key), fields.filter { $0.requiredIn.contains(kind) }.map(\.key)))
    })

    mutating func interpretHeader() {
        if stageAndGroupsOnly {
            // The fields a history census reads; no other value changes them or readability, and
            // the findings of this depth are dropped (a fifth of reading a history blob's header).
            for entry in plan.frontMatter where Self.stageAndGroupsKeys.contains(entry.key) { interpret(entry) }
            return
        }
        let (known, required) = ParseContext.keys[plan.kind] ?? ([], [])
        for entry in plan.frontMatter {
            if known.contains(entry.key) {
                interpret(entry)
            } else if let type = config.fields[entry.key] {
                checkCustom(entry, type)
            } else {
                let suggestion = ValueSyntax.closest(to: entry.key, in: known)
                report(.unknownField, at: entry.keyLocation, "unknown front-matter field '\(entry.key)'"
                    + ValueSyntax.didYouMean(suggestion),
                    hint: suggestion == nil ? "declare it under `fields:` in acctplan.yml to use a custom field" : nil)
            }
        }
        for key in required {
            let entry = plan.entry(key)
            if entry == nil || entry?.value == .null {
                report(.missingField, at: entry?.valueLocation ?? SourceLocation(line: 1, column: 1),
                       "\(plan.kind.rawValue) plan is missing required field '\(key)'",
                       hint: "add `\(key): ...` to the front matter")
            } else if let entry, case .scalar(let text, true) = entry.value, text.allSatisfy(\.isWhitespace),
                      key != "stage", !findings.contains(where: { $0.location == entry.valueLocation }) {
                // `name: ""` passed as a name (a newcomer trial); unquoted, an empty value is null.
                // A value its own check refused already (an id, a date, a stage) is said once.
                report(.missingField, at: entry.valueLocation, "\(plan.kind.rawValue) plan's required field '\(key)' is empty",
                       hint: "write its value after `\(key):`")
            }
        }
    }

    /// The front-matter keys ``StageAndGroups`` is read from.
    static let stageAndGroupsKeys: Set<String> = ["stage", "industry", "segments", "manager", "region", "abu"]

    private mutating func interpret(_ entry: FrontMatterEntry) {
        switch entry.key {
        case "kind":
            if let text = text(entry)?.value, text != plan.kind.rawValue {
                report(.idMismatch, at: entry.valueLocation,
                       "kind '\(text)' does not match the folder, which holds \(plan.kind.rawValue) plans",
                       hint: "move the file to \(PlanKind(rawValue: text)?.folder ?? "the right folder")/ or remove `kind:`")
            }
        case "id":
            if let text = text(entry)?.value, text != plan.id {
                report(.idMismatch, at: entry.valueLocation, "id '\(text)' differs from the file name '\(plan.id).md'",
                       hint: "rename the file or remove `id:`: the file name is the plan's id")
            }
        case "name": plan.header.name = text(entry).flatMap { $0.value.allSatisfy(\.isWhitespace) ? nil : $0 } // no name, not ""
        case "industry": plan.header.industry = identifier(entry)
        case "segments": plan.header.segments = identifierList(entry)
        case "stage": plan.header.stage = text(entry)
        case "manager": plan.header.manager = identifier(entry)
        case "owner": plan.header.owner = identifier(entry)
        case "team": plan.header.team = identifierList(entry)
        case "abu": plan.header.abu = text(entry)
        case "region": plan.header.region = text(entry)
        case "health": plan.header.health = enumValue(entry, Health.self)
        case "since": plan.header.since = date(entry)
        case "reviewed": plan.header.reviewed = date(entry)
        case "revenue_target": plan.header.revenueTarget = money(entry)
        case "fiscal_year": plan.header.fiscalYear = integer(entry)
        case "targets": plan.header.targets = targets(entry)
        default: break
        }
    }

    // MARK: Typed values

    private mutating func text(_ entry: FrontMatterEntry) -> Located<String>? {
        switch entry.value {
        case .null: return nil
        case .scalar(let text, _): return Located(text, at: entry.valueLocation)
        case .list, .mapping:
            report(.invalidValue, at: entry.valueLocation, "'\(entry.key)' must be a single value, not a list or mapping")
            return nil
        }
    }

    private mutating func identifier(_ entry: FrontMatterEntry) -> Located<String>? {
        guard let value = text(entry) else { return nil }
        guard ValueSyntax.isValidID(value.value) else {
            reportBadID(value, field: entry.key)
            return nil
        }
        return value
    }

    mutating func reportBadID(_ value: Located<String>, field: String) {
        // Lowercasing cannot turn Chinese (or any non-ASCII) text into an id: say that ids are
        // ASCII and show a made-up example rather than a mangled version of the word.
        let hint = value.value.unicodeScalars.contains(where: { !$0.isASCII })
            ? "ids must be ASCII: lowercase letters a-z, digits and '-' (the text can go in a name column), e.g. '\(Self.asciiExample(field))'"
            : "ids use lowercase letters, digits and '-', e.g. '\(suggestedID(value.value))'"
        report(.invalidValue, at: value.location, "'\(value.value)' is not a valid id for '\(field)'", hint: hint)
    }

    /// A made-up id of the right sort for `field`, for the hint on a non-ASCII id.
    private static func asciiExample(_ field: String) -> String {
        switch field {
        case let field where field.contains("opportunity") || field == "id": "opp-1"
        case let field where field.contains("owner") || field.contains("manager") || field.contains("team")
            || field.contains("person"): "li-you"
        case "industry": "tobacco"
        case "segments": "new-logo-growth"
        default: "item-1"
        }
    }

    private func suggestedID(_ text: String) -> String {
        let lowered = text.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }
        let collapsed = String(lowered).split(separator: "-").joined(separator: "-")
        return collapsed.isEmpty ? "li-you" : collapsed
    }

    private mutating func identifierList(_ entry: FrontMatterEntry) -> [Located<String>] {
        switch entry.value {
        case .null: return []
        case .scalar(let text, _):
            // A single id written without brackets is accepted as a list of one.
            let value = Located(text, at: entry.valueLocation)
            guard ValueSyntax.isValidID(text) else { reportBadID(value, field: entry.key); return [] }
            return [value]
        case .list(let items):
            var result: [Located<String>] = []
            for (index, item) in items.enumerated() {
                let location = index < entry.itemLocations.count ? entry.itemLocations[index] : entry.valueLocation
                guard let text = item.scalarText else {
                    report(.invalidValue, at: location, "'\(entry.key)' must be a list of ids")
                    continue
                }
                let value = Located(text, at: location)
                if ValueSyntax.isValidID(text) { result.append(value) } else { reportBadID(value, field: entry.key) }
            }
            return result
        case .mapping:
            report(.invalidValue, at: entry.valueLocation, "'\(entry.key)' must be a list of ids, e.g. [li-you, wang-fang]")
            return []
        }
    }

    private mutating func enumValue<E: RawRepresentable & CaseIterable>(_ entry: FrontMatterEntry, _: E.Type)
        -> Located<E>? where E.RawValue == String
    {
        guard let value = text(entry) else { return nil }
        if let parsed = E(rawValue: value.value) { return Located(parsed, at: value.location) }
        reportBadEnum(value, field: entry.key, allowed: E.allCases.map(\.rawValue))
        return nil
    }

    mutating func reportBadEnum(_ value: Located<String>, field: String, allowed: [String]) {
        let suggestion = ValueSyntax.closest(to: value.value, in: allowed)
        report(.invalidValue, at: value.location,
               "'\(value.value)' is not a valid \(field)" + ValueSyntax.didYouMean(suggestion),
               hint: "use one of: \(allowed.joined(separator: ", "))")
    }

    mutating func date(_ entry: FrontMatterEntry) -> Located<CalendarDate>? {
        guard let value = text(entry) else { return nil }
        return parseDate(value, field: entry.key)
    }

    mutating func parseDate(_ value: Located<String>, field: String) -> Located<CalendarDate>? {
        if let date = CalendarDate(planText: value.value) { return Located(date, at: value.location) }
        // A date in the right form that is not in the calendar (2026-02-30): the form is not the
        // mistake, the day is (a newcomer trial).
        report(.invalidValue, at: value.location, "'\(value.value)' is not a valid date for '\(field)'",
               hint: CalendarDate.impossibility(of: value.value) ?? "write dates as YYYY-MM-DD (or YYYY/MM/DD), e.g. 2026-11-29")
        return nil
    }

    mutating func money(_ entry: FrontMatterEntry) -> Located<Money>? {
        guard let value = text(entry) else { return nil }
        return parseMoney(value, field: entry.key)
    }

    mutating func parseMoney(_ value: Located<String>, field: String) -> Located<Money>? {
        switch Money.parse(value.value) {
        case .success(let money): return Located(money, at: value.location)
        case .failure(let error):
            var reason: String
            switch error {
            case .empty: reason = "is empty"
            case .badCurrency(let code): reason = "has '\(code)' where a 3-letter currency code in capitals belongs"
            case .negative: reason = "is negative"
            case .badThousands: reason = "has misplaced ',' thousands separators"
            case .tooLarge: reason = "has too many digits"
            case .notANumber: reason = "is not a number"
            }
            // The usual slips, named as what they are (all read as "a currency code belongs here").
            if let slip = Self.moneySlip(value.value) { reason = slip }
            if value.value.unicodeScalars.contains(where: { !$0.isASCII }) {
                report(.invalidValue, at: value.location, "amount '\(value.value)' for '\(field)' \(reason)",
                       hint: "write amounts like 500万, 1.2亿, 人民币 500万, 2,400,000 or CNY 2.4M (the currency word is 人民币 or a 3-letter code)")
            } else {
                report(.invalidValue, at: value.location, "amount '\(value.value)' for '\(field)' \(reason)",
                       hint: "write amounts like 2400000, 2,400,000, CNY 2.4M, 300k or USD 1,250.50")
            }
            return nil
        }
    }

    /// What a newcomer's amount that does not parse most likely gets wrong; nil when none of
    /// these: `CNY2.4M` (no space after the code), `500 万` (a space before 万 or 亿), `1 000`
    /// (spaces as thousands separators), `五百万` (Chinese numerals), `300K` (upper-case k).
    static func moneySlip(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let scalars = Array(trimmed.unicodeScalars)
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }
        func isUpper(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x41 && scalar.value <= 0x5A }
        if scalars.count > 3, scalars.prefix(3).allSatisfy(isUpper), isDigit(scalars[3]) {
            return "needs a space after the currency code '\(String(String.UnicodeScalarView(scalars.prefix(3))))'"
        }
        for suffix in ["万", "亿"] where trimmed.hasSuffix(" " + suffix) || trimmed.hasSuffix("\t" + suffix) {
            return "has a space before \(suffix): write it right after the number"
        }
        let chineseNumerals = "零〇一二两三四五六七八九十百千"
        if let first = trimmed.unicodeScalars.first(where: { !" \t".unicodeScalars.contains($0) }),
           chineseNumerals.unicodeScalars.contains(first) {
            return "is written in Chinese numerals: write the digits"
        }
        if trimmed.hasSuffix("K"), scalars.count > 1, isDigit(scalars[scalars.count - 2]) {
            return "has 'K': thousands are a lower-case 'k'"
        }
        if let space = scalars.firstIndex(of: " "), space > 0, isDigit(scalars[space - 1]),
           space + 1 < scalars.count, isDigit(scalars[space + 1]) {
            return "has a space between digits: separate thousands with ','"
        }
        return nil
    }

    private mutating func integer(_ entry: FrontMatterEntry) -> Located<Int>? {
        guard let value = text(entry) else { return nil }
        return parseInteger(value, field: entry.key)
    }

    private mutating func parseInteger(_ value: Located<String>, field: String) -> Located<Int>? {
        if let number = Int(value.value), number >= 0 { return Located(number, at: value.location) }
        report(.invalidValue, at: value.location, "'\(value.value)' is not a whole number for '\(field)'")
        return nil
    }

    private mutating func targets(_ entry: FrontMatterEntry) -> Targets? {
        guard case .mapping(let entries) = entry.value else {
            if entry.value != .null {
                report(.invalidValue, at: entry.valueLocation,
                       "'targets' must be a mapping with revenue, accounts and stages")
            }
            return nil
        }
        var targets = Targets(location: entry.valueLocation)
        for child in entries {
            switch child.key {
            case "revenue": targets.revenue = money(child)
            case "accounts": targets.accounts = integer(child)
            case "stages":
                guard case .mapping(let stages) = child.value else {
                    report(.invalidValue, at: child.valueLocation,
                           "'targets.stages' must map stage ids to numbers of accounts, e.g. {integration: 2}")
                    continue
                }
                for stage in stages {
                    guard let count = text(stage).flatMap({ parseInteger($0, field: "targets.stages.\(stage.key)") })
                    else { continue }
                    targets.stages.append(StageTarget(stage: Located(stage.key, at: stage.keyLocation), count: count.value))
                }
            default:
                report(.unknownField, at: child.keyLocation, "unknown field 'targets.\(child.key)'",
                       hint: "targets has revenue, accounts and stages")
            }
        }
        return targets
    }

    /// A key declared under `fields:` in acctplan.yml: check it has its declared type.
    private mutating func checkCustom(_ entry: FrontMatterEntry, _ type: CustomFieldType) {
        if entry.value == .null { return }
        if type == .list {
            if case .list = entry.value { return }
            report(.invalidValue, at: entry.valueLocation, "'\(entry.key)' must be a list")
            return
        }
        guard let value = text(entry) else { return }
        switch type {
        case .string, .list: break
        case .integer: _ = parseInteger(value, field: entry.key)
        case .number:
            if case .failure = Money.parseDecimal(Substring(value.value), allowThousands: false) {
                report(.invalidValue, at: value.location, "'\(value.value)' is not a number for '\(entry.key)'")
            }
        case .boolean:
            if !["true", "false"].contains(value.value) {
                report(.invalidValue, at: value.location, "'\(value.value)' is not true or false for '\(entry.key)'")
            }
        case .date: _ = parseDate(value, field: entry.key)
        case .money: _ = parseMoney(value, field: entry.key)
        }
    }
}
