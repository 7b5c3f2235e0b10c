import Foundation
import PlanModel

/// A value in a semantic diff: what a field was or became.
public enum DiffValue: Hashable, Sendable, CustomStringConvertible {
    case text(String)
    /// Numbers, and the amounts of the standard schema's money fields and columns (converted to
    /// the workspace currency; renderers know them by name).
    case number(Decimal)
    /// An amount of a column only the schema knows, converted to the workspace currency.
    case amount(Decimal)
    case bool(Bool)
    case null

    public var description: String {
        switch self {
        case .text(let text): return text
        case .number(let value), .amount(let value): return value.plainString
        case .bool(let value): return value ? "true" : "false"
        case .null: return "—"
        }
    }
}

/// One field that changed: a front-matter key (`stage`, `targets.revenue`) or an item's column.
public struct FieldChange: Hashable, Sendable {
    public var name: String
    public var from: DiffValue
    public var to: DiffValue

    public init(name: String, from: DiffValue, to: DiffValue) {
        self.name = name
        self.from = from
        self.to = to
    }
}

/// Added, removed or modified: for section items and plans.
public enum ChangeStatus: String, Hashable, Sendable {
    case added, removed, modified, renamed
}

/// A side of a comparison that could not be read as a plan (bad encoding, no front matter,
/// front matter that is not YAML, merge conflicts), or not with its settings (`acctplan.yml` of
/// that version cannot be read): it is not compared as an empty plan, nor with default settings.
public struct UnreadableSide: Hashable, Sendable {
    public enum Side: String, Hashable, Sendable { case old, new, both }

    public var side: Side
    /// A side has unresolved merge conflicts (said instead of "does not parse").
    public var hasMergeConflicts: Bool
    /// The side's `acctplan.yml` cannot be read (it has merge conflicts or is not YAML): the plan
    /// was not read at all (said instead of "does not parse").
    public var settingsUnreadable: Bool

    public init(_ side: Side, hasMergeConflicts: Bool = false, settingsUnreadable: Bool = false) {
        self.side = side
        self.hasMergeConflicts = hasMergeConflicts
        self.settingsUnreadable = settingsUnreadable
    }

    /// "the old version has unresolved merge conflicts", "neither version does not parse", "not
    /// compared: acctplan.yml cannot be read in the new version".
    public var sentence: String {
        if settingsUnreadable {
            return "not compared: acctplan.yml cannot be read in " + (side == .both ? "either version" : "the \(side.rawValue) version")
        }
        return (side == .both ? "neither version" : "the \(side.rawValue) version")
            + (hasMergeConflicts ? " has unresolved merge conflicts" : " does not parse")
    }
}

/// One row or list item of a recognized section that changed, matched by its key.
public struct ItemChange: Hashable, Sendable {
    public var key: String
    public var status: ChangeStatus
    /// For modified items, the fields that changed; for added and removed ones, every value.
    public var fields: [FieldChange]

    public init(key: String, status: ChangeStatus, fields: [FieldChange]) {
        self.key = key
        self.status = status
        self.fields = fields
    }
}

/// The items of one section that changed.
public struct SectionChange: Hashable, Sendable {
    /// The section's id in the plan schema (`opportunities`, or a section only the schema knows).
    public var id: String
    public var items: [ItemChange]

    public init(id: String, items: [ItemChange]) {
        self.id = id
        self.items = items
    }

    public init(section: SectionKind, items: [ItemChange]) {
        self.init(id: section.rawValue, items: items)
    }

    /// The typed section, nil for a section only the schema knows.
    public var section: SectionKind? { SectionKind(rawValue: id) }
}

/// A line of prose that was removed or added.
public struct ProseLineChange: Hashable, Sendable {
    public enum Operation: String, Hashable, Sendable {
        case removed = "-"
        case added = "+"
    }

    public var operation: Operation
    /// The line's number in the old file (removed lines) or the new one (added lines).
    public var line: Int
    /// The line as written, without trailing blanks; cut at ``ProseDiff/maxLineCharacters``.
    public var text: String

    public init(_ operation: Operation, line: Int, text: String) {
        self.operation = operation
        self.line = line
        self.text = text
    }
}

/// How the prose of one part of a plan changed: its changed lines, as a line diff shows them.
public struct ProseChange: Hashable, Sendable {
    /// The `##` heading as written (the new version's); nil for the prose outside every `##`
    /// section (the `# ` title and the text before the first section).
    public var heading: String?
    /// Added (the part is new), removed (it is gone) or modified.
    public var status: ChangeStatus
    /// The changed lines in order (a removed line before the line that replaces it), at most
    /// ``ProseDiff/maxLinesPerSection``, and fewer when the plan's budget runs out.
    public var lines: [ProseLineChange]
    /// Changed lines left out by those bounds.
    public var omittedLines: Int

    public init(heading: String?, status: ChangeStatus, lines: [ProseLineChange], omittedLines: Int = 0) {
        self.heading = heading
        self.status = status
        self.lines = lines
        self.omittedLines = omittedLines
    }

    /// Whether some changed lines are not shown.
    public var isTruncated: Bool { omittedLines > 0 }
}

/// Everything that changed in one plan between two versions.
public struct PlanChange: Hashable, Sendable {
    public var kind: PlanKind
    public var id: String
    public var path: String
    public var status: ChangeStatus
    /// For renamed plans: where the plan was before.
    public var oldPath: String?
    public var fields: [FieldChange]
    public var sections: [SectionChange]
    public var proseChanged: Bool
    /// How the prose changed, part by part (new file order, then removed parts); empty when the
    /// plans were parsed without their prose text (then only ``proseChanged`` tells).
    public var prose: [ProseChange]
    /// Which side could not be read as a plan, and why, if any: then nothing is compared.
    public var unreadable: UnreadableSide?

    public init(kind: PlanKind, id: String, path: String, status: ChangeStatus, oldPath: String? = nil,
                fields: [FieldChange] = [], sections: [SectionChange] = [], proseChanged: Bool = false,
                prose: [ProseChange] = [], unreadable: UnreadableSide? = nil) {
        self.kind = kind
        self.id = id
        self.path = path
        self.status = status
        self.oldPath = oldPath
        self.fields = fields
        self.sections = sections
        self.proseChanged = proseChanged
        self.prose = prose
        self.unreadable = unreadable
    }

    /// Whether anything at all changed (a renamed plan with identical content still counts).
    public var isEmpty: Bool {
        status == .modified && fields.isEmpty && sections.isEmpty && !proseChanged && unreadable == nil
    }

    /// The lifecycle move, when the account's stage changed.
    public var stageMove: FieldChange? { fields.first { $0.name == "stage" } }
}
