/// The free prose of one part of a plan, as text: what a diff shows when prose changes. Kept only
/// when asked for (``Plan/prose``); lint never needs it.
public struct ProseSection: Sendable, Hashable {
    /// The `##` heading as written; nil for prose outside every `##` section (the `# ` title and
    /// the text before the first section).
    public var heading: String?
    /// The recognized section whose prose this is (its notes beside the table or list), if any.
    public var kind: SectionKind?
    /// The prose lines in file order, as counted by ``Plan/proseFingerprint``: without trailing
    /// blanks, blank lines skipped. An unrecognized section's own heading line is its first line.
    public var lines: [ProseLine]

    public init(heading: String?, kind: SectionKind?, lines: [ProseLine]) {
        self.heading = heading
        self.kind = kind
        self.lines = lines
    }

    /// How reports name the prose outside every `##` section (``heading`` nil).
    public static let outsideSectionsName = "before the first section"

    /// What matches this part with its other version: a recognized section by what it is
    /// (whatever alias names it), another one by its heading, the text outside sections by "".
    public var key: String {
        if let kind { return "section:" + kind.rawValue }
        return heading.map { "## " + $0 } ?? ""
    }
}

/// One line of prose and where it is.
public struct ProseLine: Sendable, Hashable {
    /// 1-based, in the plan file.
    public var line: Int
    public var text: String

    public init(line: Int, text: String) {
        self.line = line
        self.text = text
    }
}
