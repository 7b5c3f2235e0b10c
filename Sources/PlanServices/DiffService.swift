import Foundation
import PlanEngine
import PlanGit
import PlanModel
import PlanParser
import PlanReports

/// `diff`: the semantic changes between two versions of the workspace.
public enum DiffService {
    /// The changes, how to name both ends, and the plans the comparison could not show.
    public struct Result {
        public var changes: [PlanChange]
        /// Labels for JSON (commit ids, "index", "worktree") and for people ("HEAD (abc1234)").
        public var from: String, to: String
        public var fromText: String, toText: String
        /// Plans the index holds as unresolved conflicts (a tree comparison skips them), and new
        /// plans git does not track yet (when the working tree is compared); workspace-relative.
        public var unmerged: [String] = []
        public var untracked: [String] = []
        /// An end whose acctplan.yml cannot be read, said once: its changed plans are not compared.
        public var warnings: [ServiceWarning] = []
        /// Both ends, for a ``DiffFormat``.
        public var ends: DiffEnds { DiffEnds(from: from, to: to, fromText: fromText, toText: toText) }
    }

    /// How a revision is named in messages: as given, with its short id when that is not what
    /// was given ("HEAD~1 (1a2b3c4)", but "1a2b3c4", not "1a2b3c4 (1a2b3c4)").
    static func label(_ text: String, _ id: ObjectID) -> String {
        id.description.hasPrefix(text.lowercased()) ? text : "\(text) (\(id.short))"
    }

    /// Compares what `arguments` name: up to two leading revisions, then paths (relative to the
    /// current directory). No revision: index → working tree (`staged`: HEAD → index); one:
    /// REV → working tree (`staged`: REV → index); two: REV1 → REV2.
    public static func compare(_ arguments: [String], staged: Bool, workspace: String?) throws -> Result {
        let opened = try WorkspaceRepository.open(workspace: workspace, purpose: "acctplan diff compares versions in git")
        let (repository, root, prefix) = (opened.repository, opened.root, opened.prefix)
        // Leading arguments that name commits are revisions; the rest are paths.
        var revisions: [(text: String, id: ObjectID)] = []
        var paths: [String] = []
        for argument in arguments {
            if paths.isEmpty, revisions.count < 2, let id = try? repository.resolveCommit(argument) {
                revisions.append((argument, id))
            } else {
                paths.append(argument)
            }
        }
        let scopes = try paths.map { try PathScope.workspaceRelative($0, root: root) }
        // A word that is neither a revision nor a path (on disk, in HEAD or in a given revision)
        // is a mistake, not an empty diff.
        let trees = (revisions.map(\.id) + [try? repository.resolveCommit("HEAD")].compactMap { $0 })
            .compactMap { try? repository.treeOfCommit($0) }
        for (path, scope) in zip(paths, scopes) {
            let repositoryPath = prefix.isEmpty ? scope : (scope.isEmpty ? prefix : prefix + "/" + scope)
            let onDisk = root.map { FileManager.default.fileExists(atPath: $0.appendingPathComponent(scope).path) } ?? false
            guard onDisk || trees.contains(where: { repository.pathExists(repositoryPath, inTree: $0) }) else {
                // `HEAD~1` in a clone of depth 1 names a commit the clone does not have.
                throw ToolFailure("'\(path)' is neither a revision nor a path in the workspace",
                                  hint: HistoryFailure.isShallow(repository)
                                      ? "this is a shallow clone: if it names an older commit, fetch all of it with 'git fetch --unshallow' "
                                          + "(in GitHub Actions: actions/checkout with fetch-depth: 0)" : nil)
            }
        }
        let old: DiffEndpoint, new: DiffEndpoint
        var result = Result(changes: [], from: "", to: "", fromText: "", toText: "")
        switch (revisions.count, staged) {
        case (0, false):
            (old, new, result.from, result.to) = (.index, .workingTree, "index", "worktree")
            (result.fromText, result.toText) = ("index", "working tree")
        case (0, true):
            guard let head = try? repository.resolveCommit("HEAD") else {
                throw ToolFailure("HEAD has no commit yet: nothing to compare the index with")
            }
            (old, new) = (.tree(try repository.treeOfCommit(head)), .index)
            (result.from, result.to, result.fromText, result.toText) = (head.description, "index", "HEAD (\(head.short))", "index")
        case (1, let toIndex):
            let rev = revisions[0]
            (old, new) = (.tree(try repository.treeOfCommit(rev.id)), toIndex ? .index : .workingTree)
            (result.from, result.to) = (rev.id.description, toIndex ? "index" : "worktree")
            (result.fromText, result.toText) = (Self.label(rev.text, rev.id), toIndex ? "index" : "working tree")
        default:
            if staged { throw ToolFailure("--staged compares with the index; give at most one revision") }
            (old, new) = (.tree(try repository.treeOfCommit(revisions[0].id)), .tree(try repository.treeOfCommit(revisions[1].id)))
            (result.from, result.to) = (revisions[0].id.description, revisions[1].id.description)
            (result.fromText, result.toText) = (Self.label(revisions[0].text, revisions[0].id), Self.label(revisions[1].text, revisions[1].id))
        }
        if repository.isBare && (new == .workingTree || new == .index) {
            throw ToolFailure("this repository is bare: give two revisions to compare")
        }
        let versions = PlanVersions(repository: repository, prefix: prefix, parseChangedSectionsOnly: true)
        result.changes = try versions.changes(from: old, to: new, scopes: scopes)
        if result.changes.contains(where: { $0.unreadable?.settingsUnreadable == true }) {
            for (end, name) in [(old, result.fromText), (new, result.toText)] {
                guard let problem = try versions.configProblem(at: end) else { continue }
                result.warnings.append(ServiceWarning("\(name): \(problem.description): the plans changed there are not compared "
                                                      + "(nothing is compared with default settings)",
                                                      hint: "'acctplan lint' shows where (with --rev REV for a commit)"))
            }
        }
        if new == .workingTree || new == .index {
            (result.unmerged, result.untracked) = try unshownPlans(versions, comparingWorkingTree: new == .workingTree, scopes: scopes)
        }
        return result
    }

    /// Plans a comparison with the index or the working tree cannot show: plans the index holds
    /// as unresolved conflicts and, when the working tree is compared, new plans git does not
    /// track yet. Without them, `acctplan diff` would say nothing in the middle of a conflicted
    /// merge or right after `acctplan new`.
    static func unshownPlans(_ versions: PlanVersions, comparingWorkingTree: Bool, scopes: [String]) throws
        -> (unmerged: [String], untracked: [String])
    {
        // Only the workspace's own files: a status of a whole monorepository would cost more.
        let looked = (PlanKind.allCases.map(\.folder) + [ConfigParser.path]).map(versions.repositoryPath)
        let status = try versions.repository.statusPaths(looked, untracked: comparingWorkingTree)
        func plans(_ paths: [String]) -> [String] {
            paths.compactMap(versions.workspacePath).filter { path in
                // acctplan.yml in conflict is named whatever the paths: every plan is read with it.
                path == ConfigParser.path
                    || PlanVersions.planIdentity(path) != nil && (scopes.isEmpty || scopes.contains { Linter.covers($0, path) })
            }
        }
        return (plans(status.unmerged), plans(status.untracked).filter { $0 != ConfigParser.path })
    }
}

/// `diff --external`: git's external diff protocol, for one file.
public enum ExternalDiffService {
    public enum Result {
        /// A plan: its workspace path and its semantic change (nil: none).
        case plan(String, PlanChange?)
        /// Any other file (the command shows a plain unified diff).
        case notAPlan
    }

    /// Compares the files `oldFile` and `newFile` ("/dev/null" when absent) that git passes for the
    /// repository path `path` (and `newPath` when git found the file renamed), read with the
    /// configuration of the workspace (when one is found).
    public static func compare(path: String, newPath: String? = nil, oldFile: String, newFile: String, workspace: String?) -> Result {
        func read(_ file: String) -> Data? { file == "/dev/null" ? nil : FileManager.default.contents(atPath: file) }
        let config: WorkspaceConfig
        if let root = try? WorkspaceLocation.root(workspace),
           let data = FileManager.default.contents(atPath: root.appendingPathComponent("acctplan.yml").path) {
            config = ConfigParser.parse(data).0
        } else {
            config = WorkspaceConfig()
        }
        // git passes repository-relative paths; a plan is identified by its last folders.
        func plan(at path: String) -> (path: String, kind: PlanKind, id: String)? {
            let parts = path.split(separator: "/").map(String.init)
            guard let planPath = parts.firstIndex(where: { PlanKind(folder: $0) != nil }).map({ parts[$0...].joined(separator: "/") }),
                  let (kind, id) = PlanVersions.planIdentity(planPath) else { return nil }
            return (planPath, kind, id)
        }
        // A renamed file is compared as the plan it was and the plan it is: the change then says
        // "renamed from", as `acctplan diff` does (it named only the old path).
        let old = plan(at: path), new = plan(at: newPath ?? path)
        guard let shown = new ?? old else { return .notAPlan }
        func parse(_ file: String, as plan: (path: String, kind: PlanKind, id: String)?) -> Plan? {
            guard let plan, let data = read(file) else { return nil }
            return PlanParser(config: config).parse(data, path: plan.path, kind: plan.kind, id: plan.id, depth: .withProse).plan
        }
        let before = PlanDiff.Side(parse(oldFile, as: old), config: config), after = PlanDiff.Side(parse(newFile, as: new), config: config)
        // With an acctplan.yml that cannot be read, that is all there is to say: nothing is
        // compared with the default settings.
        return .plan(shown.path, PlanDiff.settingsUnreadable(before, after) ?? PlanDiff.compare(before, after))
    }
}
