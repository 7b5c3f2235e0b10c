import PlanEngine
import PlanGit
import PlanModel

/// `log`: the history of plan changes.
public enum LogService {
    /// A commit that changed plans, and its semantic changes.
    public struct Entry {
        public let commit: CommitInfo
        public let changes: [PlanChange]
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
                throw ToolFailure("--since '\(since)' is neither a revision nor a date (YYYY-MM-DD)")
            }
        }
        let versions = PlanVersions(repository: repository, prefix: prefix)
        var tracked: Set<String>? = id.map { [$0] }
        var entries: [Entry] = []
        for commit in try repository.history(hiding: hidden) {
            if let sinceDate, commit.committerDay < sinceDate { break }
            let parentTree = try commit.firstParent.map { try repository.treeOfCommit($0) }
            var changes = try versions.changes(from: parentTree.map { .tree($0) } ?? .tree(repository.emptyTree()),
                                               to: .tree(commit.tree))
            if commit.isMerge, let parentTree {
                changes = try joined(changes, in: commit, firstParentTree: parentTree, repository: repository, prefix: prefix)
            }
            if let current = tracked {
                changes = changes.filter { current.contains($0.id) }
                // Follow renames backwards: the plan had the old name before this commit.
                for change in changes {
                    if let old = change.oldPath, let (_, oldID) = PlanVersions.planIdentity(old) { tracked?.insert(oldID) }
                }
            }
            if !changes.isEmpty { entries.append(Entry(commit: commit, changes: changes)) }
        }
        return entries
    }

    /// The changes of a merge (from its first parent) to the plans whose parallel edits it
    /// joined: the plan changed on the first parent's line since the merge base of the other
    /// parent too, or the merge's version is none of its parents'.
    static func joined(_ changes: [PlanChange], in merge: CommitInfo, firstParentTree: ObjectID, repository: GitRepository,
                       prefix: String) throws -> [PlanChange] {
        guard !changes.isEmpty, let first = merge.parents.first else { return [] }
        let others = merge.parents.dropFirst()
        let otherTrees = try others.map { try repository.treeOfCommit($0) }
        let baseTrees = try others.map { other in try repository.mergeBase(first, other).map { try repository.treeOfCommit($0) } }
        func blob(_ path: String, _ tree: ObjectID?) throws -> ObjectID? {
            guard let tree else { return nil }
            return try repository.blob(at: prefix.isEmpty ? path : prefix + "/" + path, inTree: tree)
        }
        return try changes.filter { change in
            let merged = try blob(change.path, merge.tree)
            // The merge's version is none of its parents' (paths as after the merge; a rename is
            // judged at the new path and, on the first parent, at the old one).
            let parentBlobs = try [blob(change.oldPath ?? change.path, firstParentTree)] + otherTrees.map { try blob(change.path, $0) }
            if !parentBlobs.contains(merged) { return true }
            // The first parent's line changed the plan since it parted from another parent.
            let ours = parentBlobs[0]
            return try baseTrees.contains { base in try blob(change.oldPath ?? change.path, base) != ours }
        }
    }
}
