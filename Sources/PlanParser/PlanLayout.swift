import PlanModel

/// Where a plan's structure sits in its text: the front-matter fences, the headings of
/// recognized sections, their tables and list items. Line numbers are 1-based file lines.
/// Made for tools that rewrite a plan in place (`acctplan fmt`); the plan model does not need it.
public struct PlanLayout: Sendable, Equatable {
    /// A pipe table of a recognized table section.
    public struct Table: Sendable, Equatable {
        /// The header row; the delimiter row is the line after it.
        public var headerLine: Int
        /// The body rows, one line each, in order.
        public var bodyLines: [Int]
    }

    /// A list item of a recognized list section (actions, moments).
    public struct ListItem: Sendable, Equatable {
        public var line: Int
        /// The last line of the item's first paragraph (items may wrap).
        public var paragraphEndLine: Int
        /// A task-list item (`- [ ]`, `- [x]`).
        public var isTask: Bool
        /// The item's list is directly next to another list (they differ in their marker: with
        /// the same marker they would be one list).
        public var besideAnotherList: Bool
    }

    /// The line of the closing `---` of the front matter; nil when the plan has none.
    public var frontMatterClosingLine: Int?
    /// Headings of recognized sections (the first of each kind: a repeat is not interpreted).
    public var sectionHeadingLines: [Int] = []
    public var tables: [Table] = []
    public var listItems: [ListItem] = []

    public init() {}
}

/// GitHub pipe-table rows as text, for tools that rewrite tables.
public enum TableSyntax {
    /// The cells of one table row as written (trimmed; escaped pipes stay escaped), split
    /// exactly as the parser splits them.
    public static func rawCells(_ line: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        TableRow.rawRanges(line).map { line[$0] }
    }
}

extension PlanLayout.ListItem {
    init(_ item: MarkdownOutline.ListItem, besideAnotherList: Bool) {
        self.init(line: item.line, paragraphEndLine: max(item.line, item.paragraphEndLine), isTask: item.checked != nil,
                  besideAnotherList: besideAnotherList)
    }
}
