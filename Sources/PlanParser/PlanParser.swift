import Foundation
import PlanModel

/// A plan and what was wrong with it.
public struct ParsedPlan: Sendable {
    public var plan: Plan
    /// Problems found while reading this one file, in no particular order.
    public var findings: [Finding]
    /// Where the plan's structure sits in its text; only from ``PlanParser/parseWithLayout(_:path:kind:id:)``.
    public var layout: PlanLayout?

    public init(plan: Plan, findings: [Finding], layout: PlanLayout? = nil) {
        self.plan = plan
        self.findings = findings
        self.layout = layout
    }

    /// This plan as read at ``PlanParser/Depth/stageAndGroups``: its ``StageAndGroups``, no findings.
    public func stageAndGroupsOnly() -> ParsedPlan {
        ParsedPlan(plan: StageAndGroups(plan).plan(kind: plan.kind, id: plan.id, path: plan.path), findings: [])
    }
}

/// Reads one plan file into a ``Plan``: front matter through Yams, body through cmark-gfm.
/// Never throws and never stops at the first problem: every problem becomes a ``Finding`` and the
/// rest of the file is still read, so one broken table does not hide the rest of the plan.
public struct PlanParser: Sendable {
    /// Plans larger than this are refused unread (a real plan is a few kilobytes).
    public static let maxPlanBytes = 4 << 20
    /// Rows of one table beyond this are refused.
    public static let maxTableRows = 10_000
    /// Cells (`|` per line) of one table row beyond this are refused before parsing: cmark-gfm's
    /// table extension is quadratic in the width of a row.
    public static let maxTableColumns = 256
    /// Lines with a `|` times the widest such line, beyond this the plan is refused before
    /// parsing: cmark-gfm pads every short row to the header's width, so a wide header over
    /// many short rows would need gigabytes.
    public static let maxTableCells = 1_000_000

    public let config: WorkspaceConfig

    public init(config: WorkspaceConfig = WorkspaceConfig()) {
        self.config = config
    }

    /// How much of a plan to read.
    public enum Depth: Sendable {
        /// Everything: front matter, sections, items.
        case full
        /// Only the header read from the front matter (stage, industry, segments, ...): what a
        /// stage trend and a `--since` snapshot need. The entries the header was read from
        /// (``Plan/frontMatter``) are not kept: a snapshot of 10,000 plans is 20 MB lighter.
        case frontMatter
        /// Only what a rollup's history needs (``StageAndGroups``: readable or not, the stage and
        /// the groups), read from the front matter; no findings. A plan read so is the same as one
        /// made from its stored ``StageAndGroups`` (the history store, docs/performance.md).
        case stageAndGroups
        /// Everything, and the free prose as text (``Plan/prose``): what a diff shows.
        case withProse
        /// Everything but the front matter's entries of the standard keys (``Plan/frontMatter``
        /// keeps only custom and unknown keys): what rollups, scores and the report read, all
        /// through ``Plan/header``. The findings are those of ``full``; 10,000 plans are ~3 MB
        /// lighter.
        case counting
    }

    /// Parses `data`, the content of `path` (workspace-relative), a plan of `kind` named `id`.
    public func parse(_ data: Data, path: String, kind: PlanKind, id: String, depth: Depth = .full) -> ParsedPlan {
        let parsed = parse(data, path: path, kind: kind, id: id, depth: depth, recordLayout: false)
        return depth == .stageAndGroups ? parsed.stageAndGroupsOnly() : parsed
    }

    /// Parses the whole plan and also records its ``PlanLayout``.
    public func parseWithLayout(_ data: Data, path: String, kind: PlanKind, id: String) -> ParsedPlan {
        parse(data, path: path, kind: kind, id: id, depth: .full, recordLayout: true)
    }

    private func parse(_ data: Data, path: String, kind: PlanKind, id: String, depth: Depth, recordLayout: Bool) -> ParsedPlan {
        if let refused = refuseUnread(byteCount: data.count, path: path, kind: kind, id: id) { return refused }
        var context = startContext(path: path, kind: kind, id: id)
        if recordLayout { context.layout = PlanLayout() }
        context.stageAndGroupsOnly = depth == .stageAndGroups
        // Front matter only: decode just the lines up to the closing fence, not the whole file —
        // unless the body holds what makes the full parse refuse the plan (conflict markers, bytes
        // that are not UTF-8, a table too wide): then the whole file is read up to that refusal,
        // so that a history census counts the plan as `rollup --rev` does.
        var data = data
        if depth == .frontMatter || depth == .stageAndGroups, let end = PlanParser.frontMatterEnd(data),
           !PlanParser.bodyIsRefused(data, from: end) {
            data = data.prefix(end)
        }
        let source: SourceText
        switch SourceText.decode(data) {
        case .success(let decoded): source = decoded
        case .failure(let error):
            context.plan.isReadable = false
            context.report(.encoding, at: error.location, error.message, hint: "save the file as UTF-8 text")
            return context.result
        }
        context.scanDisableComments(source.bytes)
        // Lines between conflict markers are two versions at once: reading them as rows, items
        // or YAML would only give nonsense diagnostics. Such a plan is not read at all.
        let conflicts = MergeConflictMarkers.findings(in: source.bytes, path: path, what: "the plan")
        if !conflicts.isEmpty {
            context.plan.isReadable = false
            context.plan.hasMergeConflicts = true
            context.plan.mergeConflictLines = conflicts.map(\.location.line)
            context.findings += conflicts
            return context.result
        }
        let bodyStartLine = readFrontMatter(source, into: &context)
        if depth == .frontMatter { context.plan.frontMatter = [] }
        if depth == .counting, !context.plan.frontMatter.isEmpty {
            let standard = PlanParser.standardKeys(of: kind)
            // A new array, not `removeAll(where:)`: that would keep the old array's capacity.
            context.plan.frontMatter = context.plan.frontMatter.filter { !standard.contains($0.key) }
        }
        guard context.plan.isReadable else { return context.result }
        let bodyOffset = bodyStartLine <= source.lineCount ? source.lineStarts[bodyStartLine - 1] : source.byteCount
        if let refusal = PlanParser.tableShapeRefusal(source.bytes[bodyOffset...]) {
            context.plan.isReadable = false
            context.report(.tooLarge, at: SourceLocation(line: bodyStartLine + refusal.lineIndex, column: 1), refusal.message,
                           hint: "a plan's tables have a handful of columns; split or simplify this one")
            return context.result
        }
        guard depth != .frontMatter, depth != .stageAndGroups else { return context.result }
        let outline = MarkdownOutline.parse(source.bytes[bodyOffset...], lineOffset: bodyStartLine - 1)
        context.readBody(outline, source: source)
        context.plan.proseFingerprint = context.proseFingerprint(source, from: bodyStartLine)
        if depth == .withProse { context.plan.prose = context.proseSections(source, from: bodyStartLine) }
        return context.result
    }

    /// The keys of the standard schema's fields of `kind`: the entries ``Depth/counting`` drops.
    static func standardKeys(of kind: PlanKind) -> Set<String> {
        switch kind {
        case .account: return standardAccountKeys
        case .industry: return standardIndustryKeys
        case .segment: return standardSegmentKeys
        }
    }

    private static let standardAccountKeys = Set(PlanSchema.standard.fields(of: .account).map(\.key))
    private static let standardIndustryKeys = Set(PlanSchema.standard.fields(of: .industry).map(\.key))
    private static let standardSegmentKeys = Set(PlanSchema.standard.fields(of: .segment).map(\.key))

    /// What ``parse(_:path:kind:id:depth:)`` gives for a file of `byteCount` bytes that is over
    /// ``maxPlanBytes``, without the bytes (a source that knows sizes lets the loader skip reading
    /// a huge file); nil when `byteCount` is within the limit.
    public func refuseUnread(byteCount: Int, path: String, kind: PlanKind, id: String) -> ParsedPlan? {
        guard byteCount > PlanParser.maxPlanBytes else { return nil }
        return refused(byteCount: byteCount, path: path, kind: kind, id: id)
    }

    /// The refusal of a plan of `byteCount` bytes, known to be over ``maxPlanBytes`` (a source's
    /// ``PlanSource/read(_:unlessOver:)`` said so).
    public func refused(byteCount: Int, path: String, kind: PlanKind, id: String) -> ParsedPlan {
        var context = startContext(path: path, kind: kind, id: id)
        context.plan.isReadable = false
        context.report(.tooLarge, at: .fileStart,
                       "plan is \(byteCount) bytes; the limit is \(PlanParser.maxPlanBytes) bytes (4 MiB)",
                       hint: "split the plan or move attachments out of the workspace")
        return context.result
    }

    /// A new parse, with the file name checked.
    private func startContext(path: String, kind: PlanKind, id: String) -> ParseContext {
        var context = ParseContext(path: path, plan: Plan(kind: kind, id: id, path: path), config: config)
        if !ValueSyntax.isValidID(id) {
            context.report(.idMismatch, at: .fileStart, "file name '\(id).md' is not a valid plan id",
                           hint: "plan ids use lowercase letters, digits and '-', e.g. 'shanghai-tobacco'")
        }
        return context
    }

    /// Refuses bodies whose pipe-table shape would make cmark-gfm slow or huge (see
    /// ``maxTableColumns`` and ``maxTableCells``): counts the unescaped `|` of each line.
    static func tableShapeRefusal(_ body: ArraySlice<UInt8>) -> (lineIndex: Int, message: String)? {
        body.withUnsafeBufferPointer { tableShapeRefusal($0) }
    }

    /// Whether the full parse refuses a plan for something past its front matter, which ends at
    /// `bodyStart`: bytes of the body that are not UTF-8 (or a NUL), a table too wide to parse, or
    /// merge-conflict markers. Markers are looked for in the whole file, as the full parse does:
    /// a block of longer markers (`conflict-marker-size`) can open in the front matter and close
    /// in the body, and neither half alone is a block.
    static func bodyIsRefused(_ data: Data, from bodyStart: Int) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bodyStart < bytes.count else { return false }
            let body = UnsafeBufferPointer(rebasing: bytes[bodyStart...])
            return SourceText.firstInvalidByte(body) != nil || tableShapeRefusal(body) != nil
                || !MergeConflictMarkers.blocks(in: bytes).isEmpty
        }
    }

    private static func tableShapeRefusal(_ bytes: UnsafeBufferPointer<UInt8>) -> (lineIndex: Int, message: String)? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        let count = bytes.count
        var lineIndex = 0
        var widest = 0
        var widestLine = 0
        var linesWithPipes = 0
        var start = 0
        // Line by line, and within a line from pipe to pipe: memchr skips the bytes between.
        while true {
            var end = count
            if start < count, let newline = memchr(base + start, 0x0A, count - start) {
                end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(newline))
            }
            var pipes = 0
            var position = start
            while position < end, let pipe = memchr(base + position, 0x7C, end - position) {
                let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(pipe))
                // A pipe right after a backslash is escaped (as GFM reads it): not a column.
                if index == start || bytes[index - 1] != UInt8(ascii: "\\") { pipes += 1 }
                position = index + 1
            }
            if pipes > maxTableColumns {
                return (lineIndex, "a table row has \(pipes) '|' separators; the limit is \(maxTableColumns) columns")
            }
            if pipes > 0 {
                linesWithPipes += 1
                if pipes > widest { (widest, widestLine) = (pipes, lineIndex) }
            }
            if end >= count { break }
            lineIndex += 1
            start = end + 1
        }
        if linesWithPipes * widest > maxTableCells {
            // Reported at the widest row: every other row is padded to its width.
            return (widestLine, "the plan's tables would have \(linesWithPipes) rows of up to \(widest) cells; the limit is \(maxTableCells) cells")
        }
        return nil
    }

    /// The byte offset just past the closing `---` line of a front matter that opens on line 1.
    static func frontMatterEnd(_ data: Data) -> Int? {
        data.withUnsafeBytes { raw -> Int? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            guard bytes.count >= start + 3, bytes[start] == 45, bytes[start + 1] == 45, bytes[start + 2] == 45 else { return nil }
            guard let firstBreak = bytes[start...].firstIndex(of: 0x0A) else { return nil }
            start = firstBreak + 1
            while start < bytes.count {
                let lineEnd = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
                var contentEnd = lineEnd
                if contentEnd > start, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                if contentEnd - start == 3, bytes[start] == 45, bytes[start + 1] == 45, bytes[start + 2] == 45 {
                    return min(bytes.count, lineEnd + 1)
                }
                start = lineEnd + 1
            }
            return nil
        }
    }

    /// Reads the front matter; returns the first line of the body.
    private func readFrontMatter(_ source: SourceText, into context: inout ParseContext) -> Int {
        guard source.lineBytes(1).trimmingBlanks().elementsEqual("---".utf8) else {
            context.plan.isReadable = false
            context.report(.frontMatter, at: .fileStart, "plan has no front matter",
                           hint: "start the file with a line '---', the plan's `key: value` fields, and another '---'")
            return 1
        }
        var closing: Int?
        var line = 2
        while line <= source.lineCount {
            if source.lineBytes(line).elementsEqual("---".utf8) { closing = line; break }
            line += 1
        }
        guard let closing else {
            context.plan.isReadable = false
            context.report(.frontMatter, at: .fileStart, "front matter is never closed",
                           hint: "add a line that is exactly '---' after the last front-matter field")
            return source.lineCount + 1
        }
        context.layout?.frontMatterClosingLine = closing
        let yaml = source.bytes[source.lineStarts[1]..<source.lineStarts[closing - 1]]
        switch FrontMatterReader.read(yaml, firstLine: 2) {
        case .success(let entries):
            context.plan.frontMatter = entries
            context.interpretHeader()
        case .failure(let failure):
            // Without its header the plan's content cannot be judged (no stage, no industry):
            // content rules would only add noise to the one error that matters.
            context.plan.isReadable = false
            context.report(.frontMatter, at: failure.location, failure.message, hint: failure.hint)
        }
        return closing + 1
    }
}

extension PlanParser {
    /// Whether a word at the start of an Actions or Moments item is read as its date (written as
    /// one, valid or not): the merge driver splits items exactly as the parser reads them.
    public static func looksLikeItemDate(_ word: some StringProtocol) -> Bool {
        ParseContext.looksLikeDate(Array(word.utf8)[...])
    }
}
