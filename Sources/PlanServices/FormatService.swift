import Foundation
import PlanEngine
import PlanFormat
import PlanModel
import PlanSupport
import PlanWorkspace

/// `fmt`: plans rewritten in canonical form, in the working tree.
public enum FormatService {
    /// What happened to one plan file.
    public enum Outcome {
        /// Never read (a link out of the workspace, a FIFO), as lint reports it.
        case notRead(String)
        case unchanged
        /// Not in canonical form (only checked).
        case wouldChange
        case written
        /// Not in canonical form, and could not be written: why.
        case writeFailed(String)
        /// It does not parse: its problems.
        case refused([Finding])
        /// Merge conflict markers, at this line.
        case conflicted(Int)
        /// The canonical form would change what it means: why.
        case unsafe(String)

        /// Whether the plan is not in canonical form (written or not).
        public var changes: Bool {
            switch self {
            case .wouldChange, .written, .writeFailed: true
            default: false
            }
        }

        /// Whether the plan could not be checked or formatted.
        public var failed: Bool {
            switch self {
            case .notRead, .writeFailed, .refused, .conflicted, .unsafe: true
            default: false
            }
        }
    }

    public struct Run {
        /// Every plan file in scope, in order: those never read first, then the plans.
        public var files: [(path: String, outcome: Outcome)] = []
        /// How many plans were read (a plan reached through a link and directly counts once).
        public var plans = 0
        public var changed: Int { files.filter { $0.outcome.changes }.count }
        public var written: Int { files.filter { if case .written = $0.outcome { true } else { false } }.count }
        public var failed: Int { files.filter { $0.outcome.failed }.count }
    }

    /// Formats the plans under `paths` (relative to the current directory; empty for the whole
    /// workspace). With `check`, nothing is written. Files are written atomically and only when
    /// they change; every result means exactly what the original meant.
    public static func format(paths: [String], check: Bool, workspace: String?) throws -> Run {
        let root = try WorkspaceLocation.root(workspace)
        let scopes = try OpenedWorkspace.workingTree(root).scopes(paths)
        let source = FileSystemSource(root: root)
        func inScope(_ path: String) -> Bool { scopes.isEmpty || scopes.contains { Linter.covers($0, path) } }
        let config: WorkspaceConfig
        let listed: [(path: String, kind: PlanKind)]
        let unreadable: [RefusedFile]
        do {
            let (read, findings) = try WorkspaceLoader.readConfig(from: source)
            if read.hasMergeConflicts {
                // Custom fields and stages decide what a plan means: no rewrite against defaults.
                let lines = findings.filter { $0.rule == .mergeConflict }.map { String($0.location.line) }.joined(separator: ", ")
                throw ToolFailure("acctplan.yml has unresolved merge conflicts (line \(lines)); resolve them first: nothing was formatted")
            }
            if read.isUnreadable, let first = findings.first {
                throw ToolFailure("acctplan.yml cannot be read (line \(first.location.line): \(first.message)); fix it first: nothing was formatted")
            }
            config = read
            let planFiles = try WorkspaceLoader.listPlans(in: source)
            listed = planFiles.files.filter { inScope($0.path) }
            unreadable = planFiles.refused.filter { inScope($0.path) }
        } catch let failure as ToolFailure {
            throw failure
        } catch {
            throw ToolFailure("cannot list the workspace's plans: \(error)")
        }
        if listed.isEmpty, unreadable.isEmpty, !scopes.isEmpty {
            throw ToolFailure("no plan files in \(paths.joined(separator: ", ")) (plans are *.md under accounts/, industries/, segments/)")
        }
        // A plan reached through a link and directly is formatted once.
        var realPaths: [String] = []
        var seen = Set<String>()
        let files = listed.filter { file in
            let real = GitPaths.realPath(root.path + "/" + file.path)
            guard seen.insert(real).inserted else { return false }
            realPaths.append(real)
            return true
        }
        if !check { removeLeftovers(besides: realPaths) }

        let formatter = PlanFormatter(config: config)
        let results = concurrentMap(files.count) { index -> (original: Data?, outcome: PlanFormatter.Outcome) in
            let file = files[index]
            guard let data = try? source.read(file.path) else {
                return (nil, .refused([Finding(.encoding, path: file.path, at: .fileStart, "file cannot be read")]))
            }
            let id = String((file.path.split(separator: "/").last ?? "").dropLast(3))
            return (data, formatter.format(data, path: file.path, kind: file.kind, id: id))
        }
        var run = Run(files: unreadable.map { ($0.path, .notRead($0.reason)) }, plans: files.count)
        for (file, result) in zip(files, results) {
            let outcome: Outcome
            switch result.outcome {
            case .unchanged: outcome = .unchanged
            case .formatted(let data) where check: _ = data; outcome = .wouldChange
            case .formatted(let data):
                do {
                    try WorkspaceWriter.replace(file.path, in: root, with: data, expected: result.original ?? Data())
                    outcome = .written
                } catch {
                    outcome = .writeFailed("\(error)")
                }
            case .refused(let findings): outcome = .refused(findings)
            case .conflicted(let line): outcome = .conflicted(line)
            case .unsafe(let reason): outcome = .unsafe(reason)
            }
            run.files.append((file.path, outcome))
        }
        return run
    }

    /// Removes the temporary files (`.NAME.acctplan-XXXXXX`) that an earlier fmt, interrupted
    /// between writing and renaming, left beside the plans it formats: only those named after
    /// an existing plan, so nothing else is ever touched.
    static func removeLeftovers(besides plans: [String]) {
        let folders = Dictionary(grouping: plans) { ($0 as NSString).deletingLastPathComponent }
        for (folder, paths) in folders {
            let names = Set(paths.map { ($0 as NSString).lastPathComponent })
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for entry in entries where AtomicFile.isLeftover(entry) {
                let plan = String(entry.dropFirst().dropLast(".acctplan-XXXXXX".count))
                var status = stat()
                if names.contains(plan), lstat(folder + "/" + entry, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG {
                    unlink(folder + "/" + entry)
                }
            }
        }
    }
}
