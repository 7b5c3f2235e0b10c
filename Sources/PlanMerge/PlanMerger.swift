import Foundation
import PlanFormat
import PlanGit
import PlanModel
import PlanParser

/// The three-way merge of a plan in plan terms (docs/merge.md): front matter per key, recognized
/// tables per row and cell, task and dated lists per item, prose per section with git's line
/// merge. Conflicts are confined to the smallest unit and written with git's markers.
public struct PlanMerger: Sendable {
    public var options: LineMerge.Options
    public var config: WorkspaceConfig

    public init(options: LineMerge.Options = LineMerge.Options(), config: WorkspaceConfig = WorkspaceConfig()) {
        self.options = options
        self.config = config
    }

    public struct Result: Sendable, Equatable {
        public var text: Data
        /// How many conflict blocks the text holds.
        public var conflicts: Int
        /// Why the whole file was merged line by line (not read as a plan), if it was.
        public var fallbackReason: String?
        public var isClean: Bool { conflicts == 0 }
    }

    /// Merges `ours` and `theirs` (descended from `base`) of the plan at `path`: its kind and id
    /// are `identity` when the caller knows them (it knows where the workspace is), else guessed
    /// from the path (the first plan folder in it; another path is read as an account plan).
    public func merge(base: Data, ours: Data, theirs: Data, path: String, identity: (PlanKind, String)? = nil) -> Result {
        if ours == theirs || base == theirs { return Result(text: ours, conflicts: 0) }
        if base == ours { return Result(text: theirs, conflicts: 0) }
        let (kind, id) = identity ?? Self.identity(path)
        if let reason = unreadable(base: base, ours: ours, theirs: theirs) {
            return lineMerge(base: base, ours: ours, theirs: theirs, reason: reason)
        }
        guard let mine = PlanText(ours, planKind: kind), let other = PlanText(theirs, planKind: kind) else {
            return lineMerge(base: base, ours: ours, theirs: theirs, reason: "no front matter")
        }
        let original = base.isEmpty ? PlanText() : PlanText(base, planKind: kind)
        guard let original else { return lineMerge(base: base, ours: ours, theirs: theirs, reason: "the base version has no front matter") }
        var output = MergeOutput(options: options)
        output.append(["---"])
        FrontMatterMerge.merge(base: original.frontMatter, ours: mine.frontMatter, theirs: other.frontMatter, into: &output)
        output.append(["---"])
        output.lineMerge(base: original.preamble, ours: mine.preamble, theirs: other.preamble)
        mergeSections(original.sections, mine.sections, other.sections, into: &output)
        let newline = mine.crlf ? "\r\n" : "\n"
        var text = Data(output.lines.joined(separator: newline).utf8)
        if mine.endsWithNewline || other.endsWithNewline { text.append(contentsOf: newline.utf8) }
        if output.conflicts == 0 {
            text = canonical(text, ours: ours, theirs: theirs, kind: kind, id: id)
            if let broken = unreadableResult(text, ours: ours, theirs: theirs, kind: kind, id: id) {
                // git's line merge instead; when that too is clean but unreadable, one conflict.
                let merged = lineMerge(base: base, ours: ours, theirs: theirs, reason: broken)
                guard merged.isClean, unreadableResult(merged.text, ours: ours, theirs: theirs, kind: kind, id: id) != nil else { return merged }
                return wholeConflict(base: base, ours: ours, theirs: theirs, reason: broken)
            }
        }
        return Result(text: text, conflicts: output.conflicts)
    }

    /// Why a clean result cannot be read as a plan although both sides could: a front matter
    /// that is no longer YAML, say. The last line of defence of "merged plans lint clean" — a
    /// newcomer trial's merge once wrote a list whose comment swallowed its closing bracket, and
    /// git committed it without asking.
    private func unreadableResult(_ text: Data, ours: Data, theirs: Data, kind: PlanKind, id: String) -> String? {
        let parser = PlanParser(config: config)
        let path = "\(kind.folder)/\(id).md"
        func unreadable(_ data: Data) -> [Finding] {
            parser.parse(data, path: path, kind: kind, id: id, depth: .full).findings.filter {
                [.frontMatter, .encoding, .tooLarge, .mergeConflict].contains($0.rule)
            }
        }
        guard let first = unreadable(text).first else { return nil }
        guard unreadable(ours).isEmpty, unreadable(theirs).isEmpty else { return nil }
        return "the merged plan would not parse (line \(first.location.line): \(first.message))"
    }

    /// The whole file as one conflict block: ours, the base and theirs as they are.
    private func wholeConflict(base: Data, ours: Data, theirs: Data, reason: String) -> Result {
        func lines(_ data: Data) -> [String] {
            var lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
            if lines.last == "" { lines.removeLast() }
            return lines.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
        }
        var output = MergeOutput(options: options)
        output.conflict(ours: lines(ours), base: lines(base), theirs: lines(theirs))
        let newline = ours.range(of: Data("\r\n".utf8)) != nil ? "\r\n" : "\n"
        var text = Data(output.lines.joined(separator: newline).utf8)
        text.append(contentsOf: newline.utf8)
        return Result(text: text, conflicts: max(1, output.conflicts), fallbackReason: reason)
    }

    private func mergeSections(_ base: [PlanText.Section], _ ours: [PlanText.Section], _ theirs: [PlanText.Section],
                               into output: inout MergeOutput) {
        func keyed(_ sections: [PlanText.Section]) -> [(key: String, value: PlanText.Section)] { sections.map { ($0.key, $0) } }
        let merged = KeyedMerge.merge(base: keyed(base), ours: keyed(ours), theirs: keyed(theirs),
                                      same: { $0.lines == $1.lines }) { original, mine, other in
            .conflict(ours: mine, base: original, theirs: other)
        }
        for section in merged {
            switch section {
            case .value(let section): output.append(section.lines)
            case .conflict(let mine?, let original, let other?):
                merge(original, mine, other, into: &output)
            case .conflict(let mine, let original, let other):
                // Deleted on one side, changed on the other: the whole section is the unit.
                output.conflict(ours: mine?.lines ?? [], base: original?.lines ?? [], theirs: other?.lines ?? [])
            }
        }
    }

    /// One section present on both sides and changed on both.
    private func merge(_ base: PlanText.Section?, _ ours: PlanText.Section, _ theirs: PlanText.Section, into output: inout MergeOutput) {
        if let heading = KeyedMerge.pick(base?.heading, ours.heading, theirs.heading) {
            output.append([heading])
        } else {
            output.conflict(ours: [ours.heading], base: base.map { [$0.heading] } ?? [], theirs: [theirs.heading])
        }
        let baseBody = base?.body ?? []
        let shape = ours.kind.flatMap { PlanSchema.standard.section($0)?.shape }
        switch shape {
        case .table(let columns, let key)?:
            if TableMerge.merge(base: baseBody, ours: ours.body, theirs: theirs.body, columns: columns, key: key, into: &output) { return }
        case .taskList?, .datedList?:
            ListMerge.merge(base: baseBody, ours: ours.body, theirs: theirs.body, into: &output)
            return
        case nil:
            break
        }
        output.lineMerge(base: baseBody, ours: ours.body, theirs: theirs.body)
    }

    /// Why a version cannot be merged as a plan: binary, too large, or already conflicted.
    private func unreadable(base: Data, ours: Data, theirs: Data) -> String? {
        for (name, data) in [("ours", ours), ("theirs", theirs), ("base", base)] {
            if data.contains(0) { return "\(name) is binary (NUL bytes)" }
            if data.count > PlanParser.maxPlanBytes { return "\(name) is larger than the \(PlanParser.maxPlanBytes >> 20) MiB limit" }
            if let line = MergeConflictMarkers.firstLine(in: data) { return "\(name) already holds conflict markers (line \(line))" }
        }
        return nil
    }

    private func lineMerge(base: Data, ours: Data, theirs: Data, reason: String) -> Result {
        let merged = LineMerge.merge(base: base, ours: ours, theirs: theirs, options: options)
        let count = merged.isClean ? 0 : max(1, MergeConflictMarkers.blocks(in: merged.text).filter(\.isOpened).count)
        return Result(text: merged.text, conflicts: count, fallbackReason: reason)
    }

    /// The clean result in canonical form when both sides were (so padding never conflicts),
    /// else as merged. The base is not asked: a part both sides kept is already canonical in
    /// both, and one either side changed is that side's.
    private func canonical(_ text: Data, ours: Data, theirs: Data, kind: PlanKind, id: String) -> Data {
        let formatter = PlanFormatter(config: config)
        let path = "\(kind.folder)/\(id).md"
        for data in [ours, theirs] {
            guard formatter.format(data, path: path, kind: kind, id: id) == .unchanged else { return text }
        }
        if case .formatted(let formatted) = formatter.format(text, path: path, kind: kind, id: id) { return formatted }
        return text
    }

    /// The kind and id guessed from a plan path (`accounts/east/acme.md`), for a caller that does
    /// not know where the workspace is.
    public static func identity(_ path: String) -> (PlanKind, String) {
        let parts = path.split(separator: "/")
        let kind = parts.lazy.compactMap { PlanKind(folder: $0) }.first ?? .account
        var id = String(parts.last ?? "plan")
        if id.hasSuffix(".md") { id.removeLast(3) }
        return (kind, id)
    }
}
