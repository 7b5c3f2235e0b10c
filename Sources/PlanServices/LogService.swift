import PlanEngine
import PlanGit
import PlanModel
import PlanParser

/// `log`: the history of plan changes.
public enum LogService {
    /// A commit that changed plans, and its semantic changes.
    public struct Entry {
        public let commit: CommitInfo
        public let changes: [PlanChange]
        /// Why the commit's own acctplan.yml cannot be read ("acctplan.yml cannot be read (line 3:
        /// …)"), when it cannot: its plans are listed as not compared. nil when it can.
        public var unreadableConfig: String? = nil
    }

    /// The commits of HEAD's history that changed plans, newest first. A merge is listed with
    /// the plans it joined parallel edits of (changed on its first parent's line too since the
    /// branches parted, or made into something neither side had: a conflict resolved), as changes
    /// from its first parent; a plan only one side changed is listed with the commits that
    /// changed it, not again with the merge. (Leaving merges out hid how a conflict was resolved:
    /// the newest entry said 750,000 while the plan said 900,000, a newcomer trial found.) `id`
    /// keeps only the commits that changed that plan, following renames; `since` is a revision
    /// (commits after it) or a date (commits on or after it).
    public static func entries(id: String?, since: String?, workspace: String?) throws -> [Entry] {
        let opened = try WorkspaceRepository.open(workspace: workspace, purpose: "acctplan log reads git history")
        let (repository, prefix) = (opened.repository, opened.prefix)
        var hidden: ObjectID?
        var sinceDate: CalendarDate?
        if let since {
            if let date = CalendarDate(parsing: since) {
                sinceDate = date
            } else if let commit = try? repository.resolveCommit(since) {
                hidden = commit
            } else {
                throw RollupHistoryReader.unknownSince(since)
            }
        }
        let versions = PlanVersions(repository: repository, prefix: prefix)
        var tracked: Set<String>? = id.map { [$0] }
        var entries: [Entry] = []
        try HistoryFailure.reading(repository) {
            for commit in try repository.history(hiding: hidden) {
                if let sinceDate, commit.committerDay < sinceDate { break }
                let parentTree = try commit.firstParent.map { try repository.treeOfCommit($0) }
                let from: DiffEndpoint = try .tree(parentTree ?? repository.emptyTree())
                var changes: [PlanChange]
                if commit.isMerge, let parentTree {
                    // Only the joined plans are read and compared (a merge may bring a branch's hundreds).
                    let (joined, changed) = try joinedPaths(of: commit, firstParentTree: parentTree, repository: repository,
                                                            prefix: prefix)
                    changes = joined.isEmpty ? [] : try versions.changes(from: from, to: .tree(commit.tree), scopes: joined,
                                                                         paths: changed)
                } else {
                    changes = try versions.changes(from: from, to: .tree(commit.tree))
                }
                if let current = tracked {
                    changes = changes.filter { current.contains($0.id) }
                    // Follow renames backwards: the plan had the old name before this commit.
                    for change in changes {
                        if let old = change.oldPath, let (_, oldID) = PlanVersions.planIdentity(old) { tracked?.insert(oldID) }
                    }
                }
                // A commit whose acctplan.yml cannot be read says why: its plans are not compared
                // (PlanVersions), and the commit that made it so is listed even if no plan changed.
                var unreadableConfig = id == nil || !changes.isEmpty
                    ? try versions.configProblem(at: .tree(commit.tree))?.description : nil
                if unreadableConfig != nil, changes.isEmpty {
                    let path = versions.repositoryPath(ConfigParser.path)
                    let before = try parentTree.flatMap { try repository.blob(at: path, inTree: $0) }
                    if try before == repository.blob(at: path, inTree: commit.tree) { unreadableConfig = nil }
                }
                if !changes.isEmpty || unreadableConfig != nil {
                    entries.append(Entry(commit: commit, changes: changes, unreadableConfig: unreadableConfig))
                }
            }
        }
        if let id, entries.isEmpty { try checkKnown(id, repository: repository, prefix: prefix) }
        return entries
    }

    /// A misspelt id printed nothing and exited 0, read as "no history" (a newcomer trial): an id
    /// that no plan at HEAD has, and that no commit shown changed, is an error with the nearest
    /// id. (A plan deleted since has history, so it is listed, not refused.)
    static func checkKnown(_ id: String, repository: GitRepository, prefix: String) throws {
        guard let head = try? repository.resolveCommit("HEAD") else { return }
        let tree = try repository.treeOfCommit(head)
        let paths = try repository.changedPaths(from: .tree(repository.emptyTree()), to: .tree(tree), prefix: prefix)
        let ids = paths.compactMap { change -> String? in
            guard let path = change.newPath else { return nil }
            let relative = prefix.isEmpty ? path : String(path.dropFirst(prefix.count + 1))
            return PlanVersions.planIdentity(relative)?.1
        }
        guard !ids.contains(id) else { return }
        throw ToolFailure("no plan '\(id)' at HEAD, and no commit shown changed one" + ValueSyntax.didYouMean(ValueSyntax.suggestion(for: id, in: ids.sorted())),
                          hint: "name a plan by its id: the file name without .md")
    }

    /// The plans (workspace-relative paths, as after the merge) whose parallel edits a merge
    /// joined: changed on the first parent's line too since the merge base with another parent,
    /// or merged into a version none of its parents has; with every path the merge changed
    /// against its first parent (the comparison is not made twice).
    static func joinedPaths(of merge: CommitInfo, firstParentTree: ObjectID, repository: GitRepository,
                            prefix: String) throws -> (joined: [String], changed: [PathChange]) {
        guard let first = merge.parents.first else { return ([], []) }
        let changed = try repository.changedPaths(from: .tree(firstParentTree), to: .tree(merge.tree), prefix: prefix)
        guard !changed.isEmpty else { return ([], changed) }
        let others = merge.parents.dropFirst()
        let otherTrees = try others.map { try repository.treeOfCommit($0) }
        let baseTrees = try others.map { other in try repository.mergeBase(first, other).map { try repository.treeOfCommit($0) } }
        func blob(_ path: String, _ tree: ObjectID?) throws -> ObjectID? {
            guard let tree else { return nil }
            return try repository.blob(at: path, inTree: tree)
        }
        var joined: [String] = []
        for change in changed {
            // Repository paths: the first parent's (old) and the merge's (new).
            guard let path = change.newPath ?? change.oldPath else { continue }
            let old = change.oldPath ?? path
            let ours = change.oldBlob
            let parents = [ours] + (try otherTrees.map { try blob(path, $0) })
            let resolved = !parents.contains(change.newBlob)
            // Both lines changed it: ours and the same other parent, each since their merge base
            // (in an octopus merge, another parent's older base must not count for this one).
            let bothChanged = try zip(baseTrees, parents.dropFirst()).contains { base, theirs in
                let original = try blob(old, base)
                let theirsOriginal = try blob(path, base)
                return original != ours && theirsOriginal != theirs
            }
            guard resolved || bothChanged else { continue }
            joined.append(prefix.isEmpty ? path : String(path.dropFirst(prefix.count + 1)))
        }
        return (joined, changed)
    }
}
