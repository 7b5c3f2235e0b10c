import Foundation

/// The level-2 sections a plan may contain whose structure the tool understands.
public enum SectionKind: String, Sendable, Hashable, CaseIterable, Codable {
    case stakeholders
    case installedBase = "installed-base"
    case opportunities
    case actions
    case moments

    /// The headings that open this section, matched case-insensitively after trimming (the schema's).
    public var aliases: [String] { PlanSchema.standard.section(self)?.headings ?? [] }

    /// The section's position in `allCases`, for tables indexed by section.
    public var ordinal: Int {
        switch self {
        case .stakeholders: return 0
        case .installedBase: return 1
        case .opportunities: return 2
        case .actions: return 3
        case .moments: return 4
        }
    }

    /// The kinds of plan in which this section is interpreted (the schema's).
    public var kinds: Set<PlanKind> { Self.kindsOf[ordinal] }

    /// Read on every heading of every plan: looked up once.
    private static let kindsOf: [Set<PlanKind>] = allCases.map { PlanSchema.standard.section($0)?.kinds ?? [] }

    /// The recognized section a heading opens, if any.
    public init?(heading: String) {
        let key = heading.trimmingSpaces().lowercased()
        guard let kind = SectionKind.lookup[key] else { return nil }
        self = kind
    }

    private static let lookup: [String: SectionKind] = {
        var table: [String: SectionKind] = [:]
        for kind in SectionKind.allCases {
            for alias in kind.aliases { table[alias.lowercased()] = kind }
        }
        return table
    }()
}

/// A level-2 section as written: its heading, where it starts and ends, and which
/// recognized section it is (nil for free prose).
public struct PlanSection: Sendable, Hashable {
    public var heading: String
    /// The typed section it is; nil for prose and for a section only the schema knows.
    public var kind: SectionKind?
    /// The id of the schema's section it is (`kind`'s raw value, or a section only the schema
    /// declares, read into ``Plan/schemaTables``); nil for free prose.
    public var schemaID: String?
    public var location: SourceLocation
    /// The last line of the section (inclusive).
    public var endLine: Int

    public init(heading: String, kind: SectionKind?, schemaID: String? = nil, location: SourceLocation, endLine: Int) {
        self.heading = heading
        self.kind = kind
        self.schemaID = schemaID ?? kind?.rawValue
        self.location = location
        self.endLine = endLine
    }

    /// A recognized section (typed or schema-only): not free prose.
    public var isRecognized: Bool { schemaID != nil }
}

/// The rows of a table section that the schema declares but the model has no typed items for:
/// cells by column id, keyed by the section's key column.
public struct SchemaTable: Sendable, Hashable {
    /// The section's id in the schema.
    public var section: String
    public var rows: [TableItem]

    public init(section: String, rows: [TableItem] = []) {
        self.section = section
        self.rows = rows
    }
}

/// One row of a ``SchemaTable``.
public struct TableItem: Sendable, Hashable {
    public var location: SourceLocation
    /// Column id → the cell, for the schema's columns with a non-empty, valid cell.
    public var cells: [String: Located<String>] = [:]
    public var extra: [ExtraField] = []

    public init(location: SourceLocation) { self.location = location }
}

/// A cell of a column the tool does not know, kept as written.
public struct ExtraField: Sendable, Hashable {
    public var column: String
    public var value: String

    public init(column: String, value: String) {
        self.column = column
        self.value = value
    }
}

/// A person at the customer (`stakeholders` table).
public struct Stakeholder: Sendable, Hashable {
    public var location: SourceLocation
    public var name: Located<String>?
    public var title: Located<String>?
    public var role: Located<StakeholderRole>?
    public var relationship: Located<Relationship>?
    public var owner: Located<String>?
    /// The Name of the stakeholder of the same table this one reports to (the org chart).
    public var reportsTo: Located<String>?
    public var extra: [ExtraField] = []

    public init(location: SourceLocation) { self.location = location }
}

public enum StakeholderRole: String, Sendable, Hashable, CaseIterable, Codable {
    case decisionMaker = "decision-maker", sponsor, influencer, user, gatekeeper
}

public enum Relationship: String, Sendable, Hashable, CaseIterable, Codable {
    case strong, medium, weak, none
}

/// A product the customer runs (`installed-base` table).
public struct InstalledProduct: Sendable, Hashable {
    public var location: SourceLocation
    public var product: Located<String>?
    public var modules: Located<String>?
    /// A year `YYYY` or a date, as written.
    public var since: Located<String>?
    public var status: Located<InstallStatus>?
    /// A status is written that is none of ``InstallStatus`` (an `invalid-value` error): the row
    /// then says nothing about what the customer runs, rather than counting as `live`.
    public var statusInvalid = false
    /// An offering id of `acctplan.yml`'s `offerings:` (the whitespace map).
    public var offering: Located<String>?
    public var extra: [ExtraField] = []

    public init(location: SourceLocation) { self.location = location }
}

public enum InstallStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case live, implementing, retired
}

/// A pipeline entry (`opportunities` table).
public struct Opportunity: Sendable, Hashable {
    public var location: SourceLocation
    public var id: Located<String>?
    public var name: Located<String>?
    public var stage: Located<String>?
    public var amount: Located<Money>?
    /// As written; nil means the stage's default probability.
    public var probability: Located<Decimal>?
    public var close: Located<CalendarDate>?
    /// An offering id of `acctplan.yml`'s `offerings:` (the whitespace map).
    public var offering: Located<String>?
    public var extra: [ExtraField] = []

    public init(location: SourceLocation) { self.location = location }
}

/// A task-list item of the `actions` section.
public struct PlanAction: Sendable, Hashable {
    public var location: SourceLocation
    public var done: Bool
    public var due: Located<CalendarDate>?
    /// A date was written but is not a valid date (reported as `invalid-value`, so not "undated").
    public var dueMalformed = false
    public var owner: Located<String>?
    /// The text after the date and owner, `#id` tokens included.
    public var text: String
    /// `#id` tokens: references to opportunities of the same plan.
    public var references: [Located<String>] = []

    public init(location: SourceLocation, done: Bool, text: String) {
        self.location = location
        self.done = done
        self.text = text
    }

    /// The action's identity across edits: its text without date, owner and checkbox.
    public var key: String { text }
}

/// An item of the `moments` (moments of truth) section.
public struct Moment: Sendable, Hashable {
    public var location: SourceLocation
    public var date: Located<CalendarDate>?
    public var person: Located<String>?
    public var text: String

    public init(location: SourceLocation, text: String) {
        self.location = location
        self.text = text
    }

    /// Date + text: a moment's identity across edits.
    public var key: String { "\(date.map { $0.value.description } ?? "") \(text)" }
}
