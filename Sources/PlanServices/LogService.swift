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

    /// The commits of HEAD's history that changed plans, newest first; merges are left out
    /// (their changes are listed with the commits that made them). `id` keeps only the commits
    /// that changed that plan, following renames; `since` is a revision (commits after it) or a
    /// date (commits on or after it).
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
            if commit.isMerge { continue }
            let parentTree = try commit.firstParent.map { try repository.treeOfCommit($0) }
            var changes = try versions.changes(from: parentTree.map { .tree($0) } ?? .tree(repository.emptyTree()),
                                               to: .tree(commit.tree))
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
}
