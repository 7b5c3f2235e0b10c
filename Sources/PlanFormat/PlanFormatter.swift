import Foundation
import PlanEngine
import PlanModel
import PlanParser

/// `acctplan fmt`: rewrites a plan in canonical form without changing what it means.
///
/// - front matter: top-level keys in the order of PLAN_FORMAT.md §4 (comments kept beside their
///   keys, see ``FrontMatterFormatter``), one space (not tabs) between `key:` and its value,
///   trailing whitespace removed;
/// - recognized sections: headings without trailing whitespace, tables aligned by display width
///   (``TableFormatter``), list markers `-`, task boxes `[ ]`/`[x]`, item lines without
///   trailing whitespace;
/// - the file ends with exactly one line end.
///
/// Free prose and unrecognized sections are left byte for byte, as are the BOM and the line
/// ends (CRLF stays CRLF). A plan that does not parse is refused, never guessed at; and every
/// result is parsed again and compared with the original (semantic diff, front-matter values,
/// findings): a rewrite that would change anything the plan means is not made.
public struct PlanFormatter: Sendable {
    public let config: WorkspaceConfig

    public init(config: WorkspaceConfig = WorkspaceConfig()) {
        self.config = config
    }

    public enum Outcome: Sendable, Equatable {
        /// Already in canonical form.
        case unchanged
        /// The canonical form.
        case formatted(Data)
        /// The plan does not parse; these findings say why.
        case refused([Finding])
        /// The plan holds merge-conflict markers (the first on this line): resolve them first.
        case conflicted(line: Int)
        /// The rewrite would have changed the plan's meaning (a bug in fmt): left as it is.
        case unsafe(String)
    }

    /// Rules whose findings mean the file could not be read as a plan.
    static let unparseable = RuleRegistry.ids(with: .makesPlanUnreadable)

    public func format(_ data: Data, path: String, kind: PlanKind, id: String) -> Outcome {
        if let line = PlanFormatter.conflictMarkerLine(data) { return .conflicted(line: line) }
        let parser = PlanParser(config: config)
        let original = parser.parseWithLayout(data, path: path, kind: kind, id: id)
        let fatal = original.findings.filter { PlanFormatter.unparseable.contains($0.rule) }
        guard original.plan.isReadable, fatal.isEmpty, let layout = original.layout else {
            return .refused(fatal.isEmpty ? original.findings : fatal)
        }
        var firstProblem: String?
        // Trailing whitespace may be content inside a YAML block scalar, and a front matter
        // written in an unusual way may not reorder cleanly: then it is kept as written.
        for attempt in [FrontMatterEdit.trimAndReorder, .reorder, .none] {
            let rewritten = rewrite(data, original.plan, layout, attempt)
            if rewritten == data { return .unchanged }
            if rewritten.count > PlanParser.maxPlanBytes {
                // Padding a huge table can push a plan over the size limit: refuse, do not guess.
                return .refused([Finding(.tooLarge, path: path, at: .fileStart,
                                         "aligned, this plan would be \(rewritten.count) bytes; the limit is \(PlanParser.maxPlanBytes) bytes (4 MiB)",
                                         hint: "split the plan: its tables are far larger than a plan a team can review")])
            }
            let reparsed = parser.parse(rewritten, path: path, kind: kind, id: id)
            let newLimits = reparsed.findings.filter { $0.rule == .tooLarge && !original.findings.contains($0) }
            if !newLimits.isEmpty {
                // Outer pipes added to every row can push a table over the column or cell limit.
                return .refused(newLimits.map { finding in
                    var aligned = finding
                    aligned.message = "aligned, this plan would be refused: " + finding.message
                    return aligned
                })
            }
            if let difference = difference(original, reparsed) {
                firstProblem = firstProblem ?? difference
                continue
            }
            return .formatted(rewritten)
        }
        return .unsafe(firstProblem ?? "")
    }

    /// The first line of the first merge-conflict block (the recognition lint uses too).
    static func conflictMarkerLine(_ data: Data) -> Int? { MergeConflictMarkers.firstLine(in: data) }

    // MARK: Rewriting

    /// How much of the front matter a rewrite may change.
    enum FrontMatterEdit { case trimAndReorder, reorder, none }

    private func rewrite(_ data: Data, _ plan: Plan, _ layout: PlanLayout, _ frontMatter: FrontMatterEdit) -> Data {
        var text = LineBuffer(data)
        if let closing = layout.frontMatterClosingLine, closing > 2, frontMatter != .none {
            let range = 2..<closing
            if frontMatter == .trimAndReorder { for line in range { text.trimTrailingWhitespace(line) } }
            for key in FrontMatterFormatter.keyLocations(plan.frontMatter) where range.contains(key.line) {
                if let line = FrontMatterFormatter.separatorWithoutTabs(text.content(key.line), keyColumn: key.column) {
                    text.replace(key.line, with: line)
                }
            }
            let lines = range.map { text.content($0) }
            let keys = plan.frontMatter.map { (key: $0.key, lineIndex: $0.keyLocation.line - 2) }
            let order = FrontMatterFormatter.order(lines, keys: keys, kind: plan.kind)
            if order != Array(lines.indices) { text.permute(range, order) }
        }
        for line in layout.sectionHeadingLines { text.trimTrailingWhitespace(line) }
        for table in layout.tables {
            let rows = [table.headerLine, table.headerLine + 1] + table.bodyLines
            let (header, delimiter) = (text.content(table.headerLine)[...], text.content(table.headerLine + 1)[...])
            let body = table.bodyLines.map { text.content($0)[...] }
            if TableFormatter.isFormatted(header: header, delimiter: delimiter, body: body) { continue }
            guard let formatted = TableFormatter.format(header: header, delimiter: delimiter, body: body) else { continue }
            for (line, content) in zip(rows, formatted) { text.replace(line, with: content) }
        }
        for item in layout.listItems {
            // A list beside another one keeps its marker: with the same marker the two would
            // become one list.
            text.normalizeListItem(item.line, marker: !item.besideAnotherList, isTask: item.isTask)
            // Only the paragraph's last line: two trailing spaces before a line end inside the
            // item are a hard line break.
            text.trimTrailingWhitespace(item.paragraphEndLine, keepingSpaceAfterTaskBox: item.isTask && item.paragraphEndLine == item.line)
        }
        text.endWithOneLineEnd()
        return text.data
    }

    // MARK: Checking the result

    /// What differs in meaning between the two parses; nil when nothing does.
    private func difference(_ old: ParsedPlan, _ new: ParsedPlan) -> String? {
        if !new.plan.isReadable { return "the result does not parse" }
        if let change = PlanDiff.compare(PlanDiff.Side(old.plan, config: config), PlanDiff.Side(new.plan, config: config)) {
            return "the semantic diff is not empty: \(change.fields.map(\.name) + change.sections.map(\.id))"
                + (change.proseChanged ? " (prose)" : "")
        }
        func byKey(_ entries: [FrontMatterEntry]) -> [String: MeaningOnly] {
            Dictionary(entries.map { ($0.key, MeaningOnly($0.value)) }, uniquingKeysWith: { first, _ in first })
        }
        if byKey(old.plan.frontMatter) != byKey(new.plan.frontMatter) { return "a front-matter value changed" }
        func findings(_ parsed: ParsedPlan) -> [String] { parsed.findings.map { "\($0.rule) \($0.message)" }.sorted() }
        if findings(old) != findings(new) { return "the findings changed" }
        return nil
    }
}

/// A front-matter value without its source positions.
private indirect enum MeaningOnly: Equatable {
    case null
    case scalar(String, quoted: Bool)
    case list([MeaningOnly])
    case mapping([String], [MeaningOnly])

    init(_ value: FrontMatterValue) {
        switch value {
        case .null: self = .null
        case .scalar(let text, let quoted): self = .scalar(text, quoted: quoted)
        case .list(let items): self = .list(items.map(MeaningOnly.init))
        case .mapping(let entries): self = .mapping(entries.map(\.key), entries.map { MeaningOnly($0.value) })
        }
    }
}
