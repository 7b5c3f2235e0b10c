/// One plan file, parsed: what the file says, with every value's position.
/// A plan whose front matter could not be read still exists (with an empty header) so that
/// cross-plan rules can see its id and the linter can report on it.
public struct Plan: Sendable, Hashable {
    public var kind: PlanKind
    /// The file name without `.md`.
    public var id: String
    /// Relative to the workspace root, with `/` separators.
    public var path: String
    /// The `# ` title line, if any.
    public var title: String?
    /// The front matter as written, in file order.
    public var frontMatter: [FrontMatterEntry] = []
    /// The interpreted front matter.
    public var header = PlanHeader()
    /// Every level-2 section in file order, recognized or not.
    public var sections: [PlanSection] = []
    public var stakeholders: [Stakeholder] = []
    public var installedBase: [InstalledProduct] = []
    public var opportunities: [Opportunity] = []
    public var actions: [PlanAction] = []
    public var moments: [Moment] = []
    /// The rows of table sections the schema declares without typed items, in file order.
    public var schemaTables: [SchemaTable] = []
    /// Rules turned off for this file by `<!-- acctplan-disable ... -->`.
    public var disabledRules: Set<RuleID> = []
    /// A fingerprint of the free prose: every body line outside the recognized sections' tables
    /// and lists, without trailing blanks, blank lines skipped. Equal fingerprints: the prose did
    /// not change.
    public var proseFingerprint: UInt64 = 0
    /// ``ContentDigest`` of the bytes this plan was parsed from, when the loader was asked for it
    /// (`digests: true`, for the report's kept pages); nil otherwise.
    public var sourceDigest: String?
    /// The free prose as text, part by part in file order (parts without prose left out); nil
    /// unless the plan was parsed with `PlanParser.Depth.withProse`, which a diff asks for to
    /// show how the prose changed.
    public var prose: [ProseSection]?
    /// False when the file could not be read as a plan at all (bad encoding, no front matter,
    /// front matter that is not YAML, unresolved merge conflicts, ...).
    public var isReadable = true
    /// The first line of each unresolved merge conflict in the file (such a plan is not read).
    /// Empty for a conflict git recorded only in the index (the text is not read there).
    public var mergeConflictLines: [Int] = []
    /// True when the plan has unresolved merge conflicts, in its text or in the git index.
    public var hasMergeConflicts = false

    public init(kind: PlanKind, id: String, path: String) {
        self.kind = kind
        self.id = id
        self.path = path
    }

    /// The front-matter entry for `key`, if present.
    public func entry(_ key: String) -> FrontMatterEntry? {
        frontMatter.first { $0.key == key }
    }

    /// The rows of a schema-only table section (empty when the plan has none).
    public func schemaTable(_ section: String) -> [TableItem] {
        schemaTables.first { $0.section == section }?.rows ?? []
    }
}
