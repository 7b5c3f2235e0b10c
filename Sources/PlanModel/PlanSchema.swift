import Foundation

/// What a plan may contain, declared once as data: every front-matter key and every recognized
/// section with its columns. The parser reads it; the formatter, the diff, the renderers, `new`,
/// the language server and the query language are to read it too (docs/architecture.md), so that
/// a new key or section is one declaration plus its tests.
///
/// The schema travels with the configuration (``WorkspaceConfig/schema``): whatever reads a
/// plan with a configuration reads it with that schema. A table section the schema declares
/// but the model has no typed items for (an extension, declared in code or a test) is read,
/// diffed, shown and formatted generically, row by row, keyed by its key column
/// (``SchemaTable``).
public struct PlanSchema: Sendable, Hashable {
    /// Front-matter keys, in canonical order (the order `fmt` writes; each kind uses its subset).
    public let fields: [FieldSpec]
    /// Recognized sections, in the order `new` writes them.
    public let sections: [SectionSpec]
    /// Lowercased heading → index in `sections`.
    private let headingIndex: [String: Int]

    public init(fields: [FieldSpec], sections: [SectionSpec]) {
        self.fields = fields
        self.sections = sections
        var index: [String: Int] = [:]
        for (position, section) in sections.enumerated() {
            for heading in section.headings where index[heading.lowercased()] == nil { index[heading.lowercased()] = position }
        }
        headingIndex = index
    }

    /// This schema with `section` added after the others (or replacing the one with its id).
    public func adding(_ section: SectionSpec) -> PlanSchema {
        PlanSchema(fields: fields, sections: sections.filter { $0.id != section.id } + [section])
    }

    /// The section a heading opens (trimmed, case-insensitive), whatever the plan's kind.
    public func section(forHeading heading: String) -> SectionSpec? {
        headingIndex[heading.trimmingSpaces().lowercased()].map { sections[$0] }
    }

    /// The spec of the section with this id.
    public func section(id: String) -> SectionSpec? { sections.first { $0.id == id } }

    /// The keys of `kind`, in canonical order.
    public func fields(of kind: PlanKind) -> [FieldSpec] { fields.filter { $0.kinds.contains(kind) } }

    /// The spec of a recognized section.
    public func section(_ kind: SectionKind) -> SectionSpec? { section(id: kind.rawValue) }

    /// The front-matter values that are amounts, as the diff names them: money keys and
    /// `targets.revenue`.
    public var moneyFields: Set<String> {
        Set(fields.flatMap { field -> [String] in
            switch field.type {
            case .money: return [field.key]
            case .targets: return [field.key + ".revenue"]
            default: return []
            }
        })
    }

    /// The table columns that are amounts.
    public var moneyColumns: Set<String> { Set(sections.flatMap(\.columns).filter { $0.type == .money }.map(\.id)) }

    /// Every name a diff shows as an amount: ``moneyFields`` and ``moneyColumns``.
    public var amountFields: Set<String> { moneyFields.union(moneyColumns) }
}

/// The type of a front-matter value or a table cell: how it is read and checked.
public enum ValueType: Sendable, Hashable {
    /// Free text.
    case text
    /// An id: lowercase letters, digits and `-`.
    case identifier
    /// A list of ids (one id without brackets is a list of one).
    case identifierList
    /// A lifecycle stage of `acctplan.yml`.
    case lifecycleStage
    /// An opportunity stage of `acctplan.yml`.
    case opportunityStage
    /// A person id, checked against `people:`.
    case person
    /// A list of person ids.
    case personList
    /// `YYYY-MM-DD`.
    case date
    /// A year `YYYY` or a date.
    case yearOrDate
    /// An amount with an optional currency code (`CNY 2.4M`, `300k`).
    case money
    /// A percentage 0–100, with or without `%`.
    case percent
    /// A whole number, 0 or more.
    case integer
    /// One of a fixed list of words.
    case choice([String])
    /// An industry's or segment's `targets:` mapping (revenue, accounts, stages).
    case targets
}

extension ValueType {
    /// A choice's values in order; empty for every other type.
    public var choices: [String] {
        if case .choice(let values) = self { return values }
        return []
    }
}

/// One front-matter key.
public struct FieldSpec: Sendable, Hashable {
    public var key: String
    /// The kinds of plan that have this key.
    public var kinds: Set<PlanKind>
    /// The kinds of plan that must have it.
    public var requiredIn: Set<PlanKind>
    public var type: ValueType
    /// What the key means, for documentation and an editor's hover.
    public var summary: String

    public init(_ key: String, kinds: Set<PlanKind>, requiredIn: Set<PlanKind> = [], type: ValueType, summary: String) {
        self.key = key
        self.kinds = kinds
        self.requiredIn = requiredIn
        self.type = type
        self.summary = summary
    }
}

/// One column of a recognized table.
public struct ColumnSpec: Sendable, Hashable {
    /// The column's id: its English header, lowercased (`close`).
    public var id: String
    /// Other headers that mean this column (the Chinese ones), lowercased.
    public var aliases: [String]
    public var type: ValueType
    public var required: Bool
    /// Other words that mean one of a choice column's values (`决策者` → `decision-maker`): read
    /// as that value everywhere, kept as written in the file.
    public var valueAliases: [String: String]

    public init(_ id: String, aliases: [String] = [], type: ValueType, required: Bool = false,
                valueAliases: [String: String] = [:]) {
        self.id = id
        self.aliases = aliases
        self.type = type
        self.required = required
        self.valueAliases = valueAliases
    }

    /// The value a cell's text means: the canonical value for an alias, else the text itself.
    public func canonicalValue(_ text: String) -> String { valueAliases[text] ?? text }
}

extension ColumnSpec {
    /// A cell's value as a number, for the columns that hold one (percents, whole numbers);
    /// amounts are `Money` (`Money.parse`), not numbers. Nil for other columns and bad cells.
    public func number(_ text: String) -> Decimal? {
        switch type {
        case .percent: return ValueSyntax.parsePercent(text)
        case .integer: return Int(text).map { Decimal($0) }
        default: return nil
        }
    }

    /// The column's header as `new` writes it and messages name it: `Relationship`, `ID`.
    public var header: String { Self.header(id) }

    public static func header(_ id: String) -> String { id == "id" ? "ID" : id.prefix(1).uppercased() + id.dropFirst() }
}

/// One recognized level-2 section.
public struct SectionSpec: Sendable, Hashable {
    /// The section's id (`installed-base`).
    public var id: String
    /// The headings that open it, matched case-insensitively after trimming; the first is the
    /// one `new` writes.
    public var headings: [String]
    /// The kinds of plan in which it is read (elsewhere it is free prose).
    public var kinds: Set<PlanKind>
    public var shape: Shape
    /// What one item is called in a diff's summary (`opportunity`), and more than one
    /// (`opportunities`).
    public var itemName: String
    public var itemNamePlural: String

    /// How the section's items are written.
    public enum Shape: Sendable, Hashable {
        /// A pipe table; rows are identified by the `key` column.
        case table(columns: [ColumnSpec], key: String)
        /// A task list: `- [ ] DATE @owner text #ref`; an item's identity is its text.
        case taskList
        /// A list of `- DATE @person text`; an item's identity is its date and text.
        case datedList
    }

    /// `itemName` defaults to "ID row" (`co-innovation row`, plural with an `s`).
    public init(id: String, headings: [String], kinds: Set<PlanKind>, shape: Shape,
                itemName: String? = nil, itemNamePlural: String? = nil) {
        self.id = id
        self.headings = headings
        self.kinds = kinds
        self.shape = shape
        self.itemName = itemName ?? id + " row"
        self.itemNamePlural = itemNamePlural ?? self.itemName + "s"
    }

    /// The key column of a table section.
    public var keyColumn: String? {
        if case .table(_, let key) = shape { return key }
        return nil
    }

    /// The table's columns (empty for lists).
    public var columns: [ColumnSpec] {
        if case .table(let columns, _) = shape { return columns }
        return []
    }
}

