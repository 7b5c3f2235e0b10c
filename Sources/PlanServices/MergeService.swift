import Foundation
import PlanGit
import PlanMerge
import PlanModel
import PlanParser
import PlanWorkspace

/// `acctplan merge-driver`: the three versions of a plan git hands over, merged in plan terms
/// and written over ours (docs/merge.md).
public enum MergeService {
    /// How conflicts that remain are written.
    public struct Markers: Sendable {
        /// `merge`, `diff3` or `zdiff3`; nil for git's `merge.conflictStyle`.
        public var style: String?
        public var size = 7
        public var ours = "ours", base = "base", theirs = "theirs"

        public init(style: String?, size: Int = 7, ours: String = "ours", base: String = "base", theirs: String = "theirs") {
            self.style = style
            self.size = size
            self.ours = ours
            self.base = base
            self.theirs = theirs
        }
    }

    /// Merges the files `base`, `ours` and `theirs` (the plan at `path` in the repository) and
    /// writes the result over `ours`; `lineByLine` hears why, when a side is no plan and the merge
    /// went line by line. `workspace`: `--workspace`, whose acctplan.yml reads the plans.
    public static func driver(base: String, ours: String, theirs: String, path: String, markers: Markers,
                              workspace: String?, lineByLine: (_ reason: String) -> Void) throws -> PlanMerger.Result {
        func read(_ file: String) throws -> Data {
            guard let data = FileManager.default.contents(atPath: file) else { throw ToolFailure("cannot read \(file)") }
            return data
        }
        let baseData = try read(base), oursData = try read(ours), theirsData = try read(theirs)
        // The conflict style only shapes conflicts, so git's configuration (whose reading starts
        // libgit2, a few milliseconds per run) is read only when some remain.
        var merger = PlanMerger(options: try lineMergeOptions(markers, configured: nil), config: workspaceConfig(workspace))
        var result = merger.merge(base: baseData, ours: oursData, theirs: theirsData, path: path)
        if !result.isClean, markers.style == nil {
            let configured = try lineMergeOptions(markers, configured: configuredStyle())
            if configured.style != merger.options.style {
                merger.options = configured
                result = merger.merge(base: baseData, ours: oursData, theirs: theirsData, path: path)
            }
        }
        if let reason = result.fallbackReason { lineByLine(reason) }
        try AtomicFile.write(result.text, to: ours, sync: false)
        return result
    }

    static func lineMergeOptions(_ markers: Markers, configured: String?) throws -> LineMerge.Options {
        let name = markers.style ?? configured
        guard let style = LineMerge.Style(rawValue: name?.lowercased() ?? "merge") else {
            throw ToolFailure("the conflict style must be merge, diff3 or zdiff3, not '\(name ?? "")'")
        }
        return LineMerge.Options(style: style, markerSize: markers.size, oursLabel: label(markers.ours, or: "ours"),
                                 baseLabel: label(markers.base, or: "base"), theirsLabel: label(markers.theirs, or: "theirs"))
    }

    /// A label as given, unless git left it empty or did not expand it: git before 2.44 passes
    /// `%X`, `%S` and `%Y` through as they are (`hooks install` writes them for every version).
    static func label(_ given: String, or fallback: String) -> String {
        given.isEmpty || given == "%X" || given == "%S" || given == "%Y" ? fallback : given
    }

    /// git's merge.conflictStyle for the repository git runs us in, else the user's.
    static func configuredStyle() -> String? {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if let repository = try? GitRepository(discovering: here) { return repository.configString("merge.conflictStyle") }
        return GitRepository.globalConfigString("merge.conflictStyle")
    }

    /// The workspace's configuration, or the defaults when there is none (git may run the
    /// driver anywhere in the repository).
    static func workspaceConfig(_ workspace: String?) -> WorkspaceConfig {
        // Through the loader's one way of reading it: its size limit, and never a file outside
        // the workspace through a link. A config that cannot be read merges with the defaults.
        guard let root = try? WorkspaceLocation.root(workspace),
              let (config, _) = try? WorkspaceLoader.readConfig(from: FileSystemSource(root: root)) else {
            return WorkspaceConfig()
        }
        return config
    }
}

/// `acctplan resolve`: the conflicted plans of a stopped merge, rebase or cherry-pick merged
/// again from their index stages.
public enum ResolveService {
    /// What happened to one conflicted file.
    public enum Outcome: Sendable, Equatable {
        case merged(fallback: String?)
        case conflicts(Int, fallback: String?)
        /// Deleted on one side, changed on the other.
        case deletedAndChanged
        case notAPlan
        case notConflicted
        /// The file is no longer the conflict the merge wrote (edited by hand since, its markers
        /// removed): left alone, since merging again from git's versions would lose those edits.
        case editedSinceTheMerge
    }

    public struct Line: Sendable, Equatable {
        public var path: String
        public var outcome: Outcome
    }

    /// Resolves `paths` (relative to the current directory; empty: every conflicted plan).
    /// `force`: write over a file that is no longer the conflict the merge wrote too (its edits
    /// are lost).
    public static func resolve(paths: [String], conflictStyle: String?, workspace: String?, force: Bool = false) throws -> [Line] {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let repository: GitRepository
        do {
            repository = try GitRepository(discovering: (try? WorkspaceLocation.root(workspace)) ?? cwd)
        } catch {
            throw ToolFailure("not in a git repository")
        }
        guard let workdir = repository.workingDirectory else { throw ToolFailure("this is a bare repository: resolve in a clone") }
        let wanted = try Set(paths.map { try GitPaths.relative(URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL, to: workdir) })
        let options = try MergeService.lineMergeOptions(.init(style: conflictStyle), configured: repository.configString("merge.conflictStyle"))
        let merger = PlanMerger(options: options, config: MergeService.workspaceConfig(workspace))
        let prefix = (try? WorkspaceLocation.root(workspace)).flatMap { try? GitPaths.relative($0, to: workdir) }
        let conflicted = try repository.conflictedFiles().filter { wanted.isEmpty || wanted.contains($0.path) }
        var lines = wanted.sorted().filter { path in !conflicted.contains { $0.path == path } }.map { Line(path: $0, outcome: .notConflicted) }
        var resolved: [String] = []
        // Staged together at the end (one index write, not one per file) — also when a later
        // file fails, so that what was written clean is not left looking conflicted.
        var staged = false
        defer { if !staged { try? repository.stageResolved(resolved) } }
        for file in conflicted {
            guard let identity = planIdentity(file.path, workspacePrefix: prefix) else {
                lines.append(Line(path: file.path, outcome: .notAPlan))
                continue
            }
            let (base, ours, theirs) = try repository.content(of: file)
            guard let ours, let theirs else {
                lines.append(Line(path: file.path, outcome: .deletedAndChanged))
                continue
            }
            var fileMerger = merger
            if let size = repository.attribute("conflict-marker-size", for: file.path).flatMap(Int.init), size > 0 {
                // The file's conflict-marker-size, as git would have handed a driver in %L.
                fileMerger.options.markerSize = size
            }
            let result = fileMerger.merge(base: base ?? Data(), ours: ours, theirs: theirs, path: file.path, identity: identity)
            // Only a file that is still the conflict git (or the driver) wrote is written over: a
            // resolution begun by hand is the user's edit (a newcomer trial lost one this way).
            // git may have written any conflict style (merge.conflictStyle, `checkout --conflict`).
            let target = workdir.appendingPathComponent(file.path).path
            // acctplan's own result first; git's line merges made only as far as needed.
            let candidates: [() -> Data] = [{ result.text }] + [LineMerge.Style.merge, .diff3, .zdiff3].map { style in {
                var options = fileMerger.options
                options.style = style
                return LineMerge.merge(base: base ?? Data(), ours: ours, theirs: theirs, options: options).text
            } }
            guard let working = FileManager.default.contents(atPath: target),
                  force || MergedText.isBinaryConflictAsGitLeftIt(working, base: base, ours: ours, theirs: theirs)
                    || MergedText.isAsMerged(working, anyOf: candidates, markerSize: fileMerger.options.markerSize)
            else {
                lines.append(Line(path: file.path, outcome: .editedSinceTheMerge))
                continue
            }
            do {
                // Swapped in only if the file is still what was checked (an editor's save in
                // between is put back, and the file left alone).
                try AtomicFile.write(result.text, to: target, sync: true, replaced: { $0 == working })
            } catch is AtomicFile.ChangedMeanwhile {
                lines.append(Line(path: file.path, outcome: .editedSinceTheMerge))
                continue
            }
            if result.isClean {
                resolved.append(file.path)
                lines.append(Line(path: file.path, outcome: .merged(fallback: result.fallbackReason)))
            } else {
                lines.append(Line(path: file.path, outcome: .conflicts(result.conflicts, fallback: result.fallbackReason)))
            }
        }
        // A failure to write the index is said, not swallowed: the plans are merged on disk, but
        // git would still list them as conflicted.
        staged = true
        try repository.stageResolved(resolved)
        return lines
    }

    /// The kind and id of a conflicted file that is a plan of the workspace (`workspacePrefix`:
    /// its folder in the repository, "" at the top); nil for any other file. Without a workspace
    /// (no acctplan.yml found), a Markdown file under accounts/, industries/ or segments/
    /// anywhere in the path counts.
    static func planIdentity(_ path: String, workspacePrefix prefix: String?) -> (PlanKind, String)? {
        guard let prefix else { return isPlan(path) ? PlanMerger.identity(path) : nil }
        if prefix.isEmpty { return PlanVersions.planIdentity(path) }
        guard path.hasPrefix(prefix + "/") else { return nil }
        return PlanVersions.planIdentity(String(path.dropFirst(prefix.count + 1)))
    }

    /// Plans are Markdown files under accounts/, industries/ or segments/ (anywhere in the
    /// path, for a workspace in a sub-folder of the repository).
    static func isPlan(_ path: String) -> Bool {
        WorkspaceLoader.isPlanPath(path) && path.split(separator: "/").dropLast().contains { PlanKind(folder: $0) != nil }
    }
}

/// A conflicted file as a merge left it.
enum MergedText {
    /// Whether `working` holds conflict markers and is, the markers' labels aside (they differ
    /// between git, its merge driver and a rebase), one of `candidates`: what git's line merge (in
    /// any conflict style) or acctplan's merge writes for the same three versions. Any edit since
    /// — a hunk resolved by hand, a line added, a hunk's markers taken out — makes it none of them.
    static func isAsMerged(_ working: Data, anyOf candidates: [() -> Data], markerSize: Int) -> Bool {
        let (text, markers) = withoutMarkerLabels(working, size: markerSize)
        guard markers > 0 else { return false }
        return candidates.contains { withoutMarkerLabels($0(), size: markerSize).text == text }
    }

    /// The lines of `data` with each conflict marker (`<<<<<<<`, `|||||||`, `=======`, `>>>>>>>`
    /// of exactly `size` characters, then the end of the line or a space and a label) cut to its
    /// characters — kept in place, so that taking a hunk's markers out is an edit too — and
    /// without a carriage return at their end (a CRLF checkout — `eol=crlf`, `core.autocrlf` —
    /// holds the line merge of LF blobs with CRLF line ends), and how many marker lines there were.
    static func withoutMarkerLabels(_ data: Data, size: Int) -> (text: [ArraySlice<UInt8>], markers: Int) {
        // On bytes: as Characters, "\r\n" is one and a CRLF file would be a single line.
        var kept: [ArraySlice<UInt8>] = []
        var markers = 0
        for var line in [UInt8](data).split(separator: 0x0A, omittingEmptySubsequences: false) {
            if line.last == 0x0D { line = line.dropLast() }
            if isMarker(line, size: size) {
                markers += 1
                kept.append(line.prefix(size))
            } else {
                kept.append(line)
            }
        }
        return (kept, markers)
    }

    static func isMarker(_ line: ArraySlice<UInt8>, size: Int) -> Bool {
        guard let first = line.first, [UInt8(ascii: "<"), UInt8(ascii: "|"), UInt8(ascii: "="), UInt8(ascii: ">")].contains(first)
        else { return false }
        let run = line.prefix { $0 == first }.count
        guard run == size else { return false }
        let rest = line.dropFirst(run)
        return rest.isEmpty || (first != UInt8(ascii: "=") && rest.first == UInt8(ascii: " "))
    }

    /// git merges a file it takes for binary (a NUL byte in its first 8,000 bytes, in any
    /// version) without markers, leaving ours in the working tree.
    static func isBinaryConflictAsGitLeftIt(_ working: Data, base: Data?, ours: Data, theirs: Data) -> Bool {
        working == ours && [base ?? Data(), ours, theirs].contains { $0.prefix(8000).contains(0) }
    }

}
