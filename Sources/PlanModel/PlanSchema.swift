/// What a plan may contain, declared once as data: every front-matter key and every recognized
/// section with its columns. The parser reads it; the formatter, the diff, the renderers, `new`,
/// the language server and the query language are to read it too (docs/architecture.md), so that
/// a new key or section is one declaration plus its tests.
public struct PlanSchema: Sendable {
    /// Front-matter keys, in canonical order (the order `fmt` writes; each kind uses its subset).
    public var fields: [FieldSpec]
    /// Recognized sections, in the order `new` writes them.
    public var sections: [SectionSpec]

    public init(fields: [FieldSpec], sections: [SectionSpec]) {
        self.fields = fields
        self.sections = sections
    }

    /// The keys of `kind`, in canonical order.
    public func fields(of kind: PlanKind) -> [FieldSpec] { fields.filter { $0.kinds.contains(kind) } }

    /// The spec of a recognized section.
    public func section(_ kind: SectionKind) -> SectionSpec? { sections.first { $0.id == kind.rawValue } }

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

    public init(_ id: String, aliases: [String] = [], type: ValueType, required: Bool = false) {
        self.id = id
        self.aliases = aliases
        self.type = type
        self.required = required
    }
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

    /// How the section's items are written.
    public enum Shape: Sendable, Hashable {
        /// A pipe table; rows are identified by the `key` column.
        case table(columns: [ColumnSpec], key: String)
        /// A task list: `- [ ] DATE @owner text #ref`; an item's identity is its text.
        case taskList
        /// A list of `- DATE @person text`; an item's identity is its date and text.
        case datedList
    }

    public init(id: String, headings: [String], kinds: Set<PlanKind>, shape: Shape) {
        self.id = id
        self.headings = headings
        self.kinds = kinds
        self.shape = shape
    }

    /// The table's columns (empty for lists).
    public var columns: [ColumnSpec] {
        if case .table(let columns, _) = shape { return columns }
        return []
    }
}

extension PlanSchema {
    /// The plan format of docs/format.md.
    public static let standard = PlanSchema(
        fields: [
            FieldSpec("kind", kinds: [.account, .industry, .segment], type: .choice(PlanKind.allCases.map(\.rawValue)),
                      summary: "The plan's kind; optional, must match the folder."),
            FieldSpec("id", kinds: [.account, .industry, .segment], type: .identifier,
                      summary: "The plan's id; optional, must match the file name."),
            FieldSpec("name", kinds: [.account, .industry, .segment], requiredIn: [.account, .industry, .segment], type: .text,
                      summary: "The customer's, industry's or segment's name as people write it."),
            FieldSpec("industry", kinds: [.account], requiredIn: [.account], type: .identifier,
                      summary: "The id of the account's industry plan (industries/ID.md)."),
            FieldSpec("segments", kinds: [.account], type: .identifierList,
                      summary: "The ids of the segment plans the account belongs to (segments/ID.md)."),
            FieldSpec("stage", kinds: [.account], requiredIn: [.account], type: .lifecycleStage,
                      summary: "Where the account is on the lifecycle S-curve: a stage of acctplan.yml's lifecycle."),
            FieldSpec("manager", kinds: [.account], requiredIn: [.account], type: .person,
                      summary: "The account manager who owns the plan: a person id of acctplan.yml."),
            FieldSpec("owner", kinds: [.industry, .segment], requiredIn: [.industry, .segment], type: .person,
                      summary: "The person who owns the industry or segment plan: a person id of acctplan.yml."),
            FieldSpec("team", kinds: [.account], type: .personList,
                      summary: "The account team: person ids of acctplan.yml."),
            FieldSpec("abu", kinds: [.account], type: .text,
                      summary: "The dedicated account business unit, for the largest accounts."),
            FieldSpec("region", kinds: [.account], type: .text, summary: "The sales region."),
            FieldSpec("health", kinds: [.account], type: .choice(Health.allCases.map(\.rawValue)),
                      summary: "The account team's judgement of the relationship: green, yellow or red."),
            FieldSpec("since", kinds: [.account], type: .date, summary: "When the customer relationship began."),
            FieldSpec("reviewed", kinds: [.account, .industry, .segment], requiredIn: [.account], type: .date,
                      summary: "When the plan was last reviewed; stale after review_interval_days."),
            FieldSpec("revenue_target", kinds: [.account], type: .money,
                      summary: "The account's revenue target for the fiscal year; rolled up against its industry's and segments' targets."),
            FieldSpec("fiscal_year", kinds: [.industry, .segment], type: .integer, summary: "The fiscal year the targets are for."),
            FieldSpec("targets", kinds: [.industry, .segment], type: .targets,
                      summary: "revenue, accounts and stages: the targets the member accounts roll up against."),
        ],
        sections: [
            SectionSpec(id: SectionKind.stakeholders.rawValue, headings: ["Stakeholders", "干系人", "关键人物"], kinds: [.account],
                        shape: .table(columns: [
                            ColumnSpec("name", aliases: ["姓名"], type: .text, required: true),
                            ColumnSpec("title", aliases: ["职务"], type: .text),
                            ColumnSpec("role", aliases: ["角色"], type: .choice(StakeholderRole.allCases.map(\.rawValue)), required: true),
                            ColumnSpec("relationship", aliases: ["关系"], type: .choice(Relationship.allCases.map(\.rawValue))),
                            ColumnSpec("owner", aliases: ["负责人"], type: .person),
                        ], key: "name")),
            SectionSpec(id: SectionKind.installedBase.rawValue, headings: ["Installed base", "已实施产品"], kinds: [.account],
                        shape: .table(columns: [
                            ColumnSpec("product", aliases: ["产品"], type: .text, required: true),
                            ColumnSpec("modules", aliases: ["模块"], type: .text),
                            ColumnSpec("since", aliases: ["始于"], type: .yearOrDate),
                            ColumnSpec("status", aliases: ["状态"], type: .choice(InstallStatus.allCases.map(\.rawValue))),
                        ], key: "product")),
            SectionSpec(id: SectionKind.opportunities.rawValue, headings: ["Opportunities", "商机"], kinds: [.account],
                        shape: .table(columns: [
                            ColumnSpec("id", aliases: ["编号"], type: .identifier, required: true),
                            ColumnSpec("name", aliases: ["名称"], type: .text, required: true),
                            ColumnSpec("stage", aliases: ["阶段"], type: .opportunityStage, required: true),
                            ColumnSpec("amount", aliases: ["金额"], type: .money, required: true),
                            ColumnSpec("probability", aliases: ["概率"], type: .percent),
                            ColumnSpec("close", aliases: ["成交日期"], type: .date, required: true),
                        ], key: "id")),
            SectionSpec(id: SectionKind.actions.rawValue, headings: ["Actions", "Action plan", "行动计划"],
                        kinds: [.account, .industry, .segment], shape: .taskList),
            SectionSpec(id: SectionKind.moments.rawValue, headings: ["Moments of truth", "MOT", "关键时刻"], kinds: [.account],
                        shape: .datedList),
        ])
}
