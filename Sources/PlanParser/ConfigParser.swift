import Foundation
import PlanModel

/// Reads `acctplan.yml` (PLAN_FORMAT.md §6). Every problem is a `config` finding at its
/// position; whatever is invalid falls back to its default so the plans can still be checked.
public enum ConfigParser {
    public static let path = "acctplan.yml"
    static let topLevelKeys = ["version", "currency", "fx", "fiscal_year_start", "review_interval_days", "lifecycle",
                               "opportunity_stages", "people", "fields", "rules", "views", "health_score",
                               "offerings", "language"]

    /// acctplan.yml larger than this is refused unread (a real one is a few kilobytes).
    public static let maxBytes = FrontMatterReader.maxBytes

    public static func parse(_ data: Data) -> (WorkspaceConfig, [Finding]) {
        if let refused = refuseUnread(byteCount: data.count) { return refused }
        var reader = ConfigReader()
        guard case .success(let source) = SourceText.decode(data) else {
            reader.report(.fileStart, "acctplan.yml is not UTF-8 text")
            reader.config.isUnreadable = true
            return (reader.config, reader.findings)
        }
        let conflicts = MergeConflictMarkers.findings(in: source.bytes, path: path, what: "acctplan.yml")
        if !conflicts.isEmpty {
            reader.config.hasMergeConflicts = true
            return (reader.config, conflicts.map { conflict in
                var finding = conflict
                finding.message += " (and no plan is checked against default settings meanwhile)"
                return finding
            })
        }
        switch FrontMatterReader.read(source.bytes[...], firstLine: 1, what: "acctplan.yml") {
        case .success(let entries):
            for entry in entries { reader.read(entry) }
        case .failure(let failure):
            reader.report(failure.location, failure.message, hint: failure.hint)
            reader.config.isUnreadable = true
        }
        return (reader.config, reader.findings)
    }

    /// What ``parse(_:)`` gives for an acctplan.yml of `byteCount` bytes over ``maxBytes``,
    /// without reading it: the defaults and one finding; nil when it is within the limit.
    public static func refuseUnread(byteCount: Int) -> (WorkspaceConfig, [Finding])? {
        guard byteCount > maxBytes else { return nil }
        var reader = ConfigReader()
        reader.report(.fileStart, "acctplan.yml is \(byteCount) bytes; the limit is \(maxBytes) bytes (1 MiB)",
                      hint: "acctplan.yml holds settings only: a few kilobytes of YAML")
        reader.config.isUnreadable = true
        return (reader.config, reader.findings)
    }
}

/// Reads one setting at a time; `ConfigReader+HealthScore` reads `health_score:`.
struct ConfigReader {
    var config = WorkspaceConfig()
    var findings: [Finding] = []

    mutating func report(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        findings.append(Finding(.config, path: ConfigParser.path, at: location, message, hint: hint))
    }

    mutating func read(_ entry: FrontMatterEntry) {
        switch entry.key {
        case "version":
            if entry.value.scalarText != "1" {
                report(entry.valueLocation, "unsupported version '\(entry.value.scalarText ?? "?")'",
                       hint: "this acctplan reads workspace format version 1")
            }
        case "currency":
            if let code = currencyCode(entry.value.scalarText, at: entry.valueLocation) { config.currency = code }
        case "fx": readFX(entry)
        case "fiscal_year_start":
            let text = entry.value.scalarText ?? ""
            let bytes = Array(text.utf8)
            let digits = bytes.count == 5 && bytes[2] == UInt8(ascii: "-")
                && [0, 1, 3, 4].allSatisfy { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 }
            let month = digits ? Int(text.prefix(2)) : nil
            let day = digits ? Int(text.suffix(2)) : nil
            if let month, let day, CalendarDate(year: 2000, month: month, day: day) != nil {
                config.fiscalYearStart = MonthDay(month: month, day: day)
            } else {
                report(entry.valueLocation, "fiscal_year_start must be MM-DD, e.g. \"04-01\"")
            }
        case "review_interval_days":
            if let days = entry.value.scalarText.flatMap({ Int($0) }), days > 0 {
                config.reviewIntervalDays = days
            } else {
                report(entry.valueLocation, "review_interval_days must be a positive whole number of days")
            }
        case "lifecycle": readLifecycle(entry)
        case "opportunity_stages": readOpportunityStages(entry)
        case "people": readPeople(entry)
        case "fields": readFields(entry)
        case "rules": readRules(entry)
        case "views": readViews(entry)
        case "health_score": readHealthScore(entry)
        case "offerings": readOfferings(entry)
        case "language":
            if let text = entry.value.scalarText, let language = UILanguage(setting: text) {
                config.language = language
            } else {
                report(entry.valueLocation, "unknown language '\(entry.value.scalarText ?? "")'",
                       hint: "language is one of: " + UILanguage.choices.joined(separator: ", "))
            }
        default:
            let suggestion = ValueSyntax.closest(to: entry.key, in: ConfigParser.topLevelKeys)
            report(entry.keyLocation, "unknown setting '\(entry.key)'" + ValueSyntax.didYouMean(suggestion),
                   hint: "settings are: " + ConfigParser.topLevelKeys.joined(separator: ", "))
        }
    }

    mutating func currencyCode(_ text: String?, at location: SourceLocation) -> String? {
        guard let text, text.count == 3, text.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            report(location, "'\(text ?? "")' is not a currency code", hint: "use a 3-letter ISO-4217 code such as CNY or USD")
            return nil
        }
        return text
    }

    /// Rates are read from their text, never through a binary float.
    mutating func readFX(_ entry: FrontMatterEntry) {
        guard case .mapping(let rates) = entry.value else {
            if entry.value != .null { report(entry.valueLocation, "fx must map currency codes to rates, e.g. {USD: 7.1}") }
            return
        }
        for rate in rates {
            guard let code = currencyCode(rate.key, at: rate.keyLocation) else { continue }
            guard let text = rate.value.scalarText,
                  case .success(let value) = Money.parseDecimal(Substring(text), allowThousands: false), value > 0
            else {
                report(rate.valueLocation, "fx rate for \(code) must be a positive number",
                       hint: "units of workspace currency per unit of \(code), e.g. \(code): 7.1")
                continue
            }
            config.fx[code] = value
        }
    }

    /// The entries of each mapping in a list, or a finding.
    mutating func listOfMappings(_ entry: FrontMatterEntry, example: String) -> [([FrontMatterEntry], SourceLocation)]? {
        guard case .list(let items) = entry.value, !items.isEmpty else {
            report(entry.valueLocation, "\(entry.key) must be a non-empty list, e.g. \(example)")
            return nil
        }
        var result: [([FrontMatterEntry], SourceLocation)] = []
        for (index, item) in items.enumerated() {
            let location = index < entry.itemLocations.count ? entry.itemLocations[index] : entry.valueLocation
            guard case .mapping(let fields) = item else {
                report(location, "each entry of \(entry.key) must be a mapping, e.g. \(example)")
                return nil
            }
            result.append((fields, location))
        }
        return result
    }

    mutating func stageID(_ fields: [FrontMatterEntry], at location: SourceLocation, seen: inout Set<String>) -> String? {
        guard let id = fields.first(where: { $0.key == "id" })?.value.scalarText, ValueSyntax.isValidID(id) else {
            report(location, "stage needs an `id` in id syntax (lowercase letters, digits, '-')")
            return nil
        }
        guard seen.insert(id).inserted else {
            report(location, "stage '\(id)' is listed twice")
            return nil
        }
        return id
    }

    mutating func readLifecycle(_ entry: FrontMatterEntry) {
        guard let items = listOfMappings(entry, example: "[{id: departmental, label: Departmental applications}]") else { return }
        var seen = Set<String>()
        var stages: [LifecycleStage] = []
        for (fields, location) in items {
            guard let id = stageID(fields, at: location, seen: &seen) else { return }
            let label = fields.first(where: { $0.key == "label" })?.value.scalarText ?? id
            stages.append(LifecycleStage(id: id, label: label))
        }
        config.lifecycle = stages
    }

    mutating func readOpportunityStages(_ entry: FrontMatterEntry) {
        guard let items = listOfMappings(entry, example: "[{id: qualify, probability: 10}]") else { return }
        var seen = Set<String>()
        var stages: [OpportunityStage] = []
        for (fields, location) in items {
            guard let id = stageID(fields, at: location, seen: &seen) else { return }
            let probabilityText = fields.first(where: { $0.key == "probability" })?.value.scalarText ?? ""
            guard let probability = ValueSyntax.parsePercent(probabilityText) else {
                report(location, "stage '\(id)' needs a probability from 0 to 100")
                return
            }
            let closedText = fields.first(where: { $0.key == "closed" })?.value.scalarText ?? "false"
            guard closedText == "true" || closedText == "false" else {
                report(location, "closed of stage '\(id)' must be true or false")
                return
            }
            stages.append(OpportunityStage(id: id, probability: probability, closed: closedText == "true"))
        }
        config.opportunityStages = stages
    }

    mutating func readPeople(_ entry: FrontMatterEntry) {
        guard case .mapping(let people) = entry.value else {
            if entry.value != .null { report(entry.valueLocation, "people must map person ids to {name: ...}") }
            return
        }
        for person in people {
            guard ValueSyntax.isValidID(person.key) else {
                report(person.keyLocation, "'\(person.key)' is not a valid person id",
                       hint: "person ids use lowercase letters, digits and '-', e.g. li-you")
                continue
            }
            var name = person.key
            if case .mapping(let fields) = person.value,
               let written = fields.first(where: { $0.key == "name" })?.value.scalarText {
                name = written
            } else if let written = person.value.scalarText {
                name = written
            }
            config.people[person.key] = name
        }
    }

    /// `views: {name: "query line"}`: the line is read when the view runs, not here.
    mutating func readViews(_ entry: FrontMatterEntry) {
        guard case .mapping(let views) = entry.value else {
            if entry.value != .null {
                report(entry.valueLocation, "views must map view names to query lines",
                       hint: "e.g. views: {closing: \"opportunities open:yes close:thisquarter --sum weighted\"}")
            }
            return
        }
        for view in views {
            guard ValueSyntax.isValidID(view.key) else {
                report(view.keyLocation, "'\(view.key)' is not a valid view name",
                       hint: "view names use lowercase letters, digits and '-', e.g. closing-this-quarter")
                continue
            }
            guard let line = view.value.scalarText, !line.trimmingCharacters(in: .whitespaces).isEmpty else {
                report(view.valueLocation, "view '\(view.key)' must be a query line, e.g. \"actions overdue:yes --by owner\"")
                continue
            }
            config.views.append(SavedView(name: view.key, query: line, location: view.valueLocation))
        }
    }

    mutating func readFields(_ entry: FrontMatterEntry) {
        guard case .mapping(let fields) = entry.value else {
            if entry.value != .null { report(entry.valueLocation, "fields must map field names to {type: ...}") }
            return
        }
        let allowed = CustomFieldType.allCases.map(\.rawValue)
        for field in fields {
            var typeText: String?
            var typeLocation = field.valueLocation
            if case .mapping(let settings) = field.value, let type = settings.first(where: { $0.key == "type" }) {
                typeText = type.value.scalarText
                typeLocation = type.valueLocation
            }
            guard let typeText, let type = CustomFieldType(rawValue: typeText) else {
                let suggestion = typeText.flatMap { ValueSyntax.closest(to: $0, in: allowed) }
                report(typeLocation, "field '\(field.key)' needs a type" + (typeText.map { ", not '\($0)'" } ?? "")
                    + ValueSyntax.didYouMean(suggestion),
                       hint: "types are: " + allowed.joined(separator: ", "))
                continue
            }
            config.fields[field.key] = type
        }
    }

    mutating func readRules(_ entry: FrontMatterEntry) {
        guard case .mapping(let rules) = entry.value else {
            if entry.value != .null { report(entry.valueLocation, "rules must map rule ids to error, warning or off") }
            return
        }
        for rule in rules {
            guard let setting = rule.value.scalarText.flatMap({ RuleSetting(rawValue: $0) }) else {
                report(rule.valueLocation, "rule '\(rule.key)' must be set to error, warning or off")
                continue
            }
            let id = RuleID(rawValue: rule.key)
            config.ruleSeverities[id] = setting
            config.ruleLocations[id] = rule.keyLocation
        }
    }
}
