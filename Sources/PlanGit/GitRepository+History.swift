import CGit2
import PlanModel

/// A commit in history, for `log` and rollups over time.
public struct CommitInfo: Sendable {
    public var id: ObjectID
    public var tree: ObjectID
    public var firstParent: ObjectID?
    /// Every parent, the first first.
    public var parents: [ObjectID] = []
    /// More than one parent: a merge.
    public var isMerge: Bool
    /// Seconds since 1970 (UTC) and the committer's offset in minutes.
    public var committerTime: Int64
    public var committerOffsetMinutes: Int32
    public var authorName: String
    public var authorTime: Int64
    public var subject: String

    /// The calendar day of the commit in the committer's own time zone ("on or before a date"
    /// compares with this).
    public var committerDay: CalendarDate {
        CalendarDate(dayNumber: Int((Double(committerTime + Int64(committerOffsetMinutes) * 60) / 86_400).rounded(.down)))
    }
}

extension GitRepository {
    /// The best common ancestor of two commits (`git merge-base`); nil when they share none.
    public func mergeBase(_ a: ObjectID, _ b: ObjectID) throws -> ObjectID? {
        var base = git_oid()
        var (one, two) = (a.oid, b.oid)
        if try check(git_merge_base(&base, handle, &one, &two), "git_merge_base", expected: [.notFound]) != nil { return nil }
        return ObjectID(base)
    }

    /// The blob at `path` (repository-relative) in tree `tree`; nil when there is none.
    public func blob(at path: String, inTree tree: ObjectID) throws -> ObjectID? {
        guard let found = try entry(at: path, inTree: tree), !found.isTree else { return nil }
        return found.id
    }

    /// Commits reachable from `start` (HEAD by default), newest first, excluding `hidden` and
    /// its ancestors. `firstParentOnly` follows only the first parent of merges.
    public func history(from start: ObjectID? = nil, hiding hidden: ObjectID? = nil, firstParentOnly: Bool = false)
        throws -> [CommitInfo]
    {
        let walk = try RevisionWalkHandle(in: self)
        try check(git_revwalk_sorting(walk.pointer, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue),
                  "git_revwalk_sorting")
        if var startID = start?.oid {
            try check(git_revwalk_push(walk.pointer, &startID), "git_revwalk_push")
        } else {
            if git_repository_head_unborn(handle) == 1 { return [] }
            try check(git_revwalk_push_head(walk.pointer), "git_revwalk_push_head")
        }
        if var hiddenID = hidden?.oid { try check(git_revwalk_hide(walk.pointer, &hiddenID), "git_revwalk_hide") }
        if firstParentOnly {
            try check(git_revwalk_simplify_first_parent(walk.pointer), "git_revwalk_simplify_first_parent")
        }
        var commits: [CommitInfo] = []
        while let id = try walk.next() {
            commits.append(try CommitHandle(id, in: self).info)
        }
        return commits
    }
}
