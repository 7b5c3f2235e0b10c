import CGit2

/// An index (the repository's own, or an index file such as git's `GIT_INDEX_FILE`), freed when
/// the handle goes.
final class IndexHandle: GitHandle {
    /// The repository's index (`.git/index`).
    convenience init(of repository: GitRepository) throws {
        self.init(try made("git_repository_index") { git_repository_index(&$0, repository.handle) }, of: repository)
    }

    /// The index stored in the file at `path` (created empty when it does not exist).
    convenience init(file path: String) throws {
        self.init(try made("git_index_open") { git_index_open(&$0, path) }, of: nil)
    }

    deinit { git_index_free(pointer) }

    /// Re-reads the index from disk; `force` re-reads even when it looks unchanged.
    func read(force: Bool) throws { try check(git_index_read(pointer, force ? 1 : 0), "git_index_read") }

    var count: Int { git_index_entrycount(pointer) }

    func entry(_ position: Int) -> IndexEntry? { git_index_get_byindex(pointer, position).map(IndexEntry.init) }

    /// The stage-0 entry at a repository-relative path, nil when there is none.
    func entry(path: String) -> IndexEntry? { git_index_get_bypath(pointer, path, 0).map(IndexEntry.init) }

    var hasConflicts: Bool { git_index_has_conflicts(pointer) != 0 }

    /// The blob of every resolved entry with git's skip-worktree bit (outside a sparse checkout,
    /// or `git update-index --skip-worktree`), by path. The flag is looked at before anything is
    /// copied out of an entry.
    func skipWorktreeEntries() -> [String: ObjectID] {
        var entries: [String: ObjectID] = [:]
        for position in 0..<count {
            guard let raw = git_index_get_byindex(pointer, position),
                  Int32(raw.pointee.flags_extended) & Int32(GIT_INDEX_ENTRY_SKIP_WORKTREE.rawValue) != 0 else { continue }
            let entry = IndexEntry(raw)
            if entry.stage == 0 { entries[entry.path] = entry.id }
        }
        return entries
    }
}

/// What acctplan reads of an index entry, copied out of the index.
struct IndexEntry {
    var path: String
    var id: ObjectID
    /// 0 for a resolved entry, 1-3 for the sides of an unresolved conflict.
    var stage: Int32
    var mode: UInt32
    /// git's skip-worktree bit: the file is outside a sparse checkout (or was marked with
    /// `git update-index --skip-worktree`), and git takes the index's version for it whatever
    /// the working tree holds.
    var skipsWorktree: Bool

    init(_ entry: UnsafePointer<git_index_entry>) {
        path = String(cString: entry.pointee.path)
        id = ObjectID(entry.pointee.id)
        stage = (Int32(entry.pointee.flags) & GIT_INDEX_ENTRY_STAGEMASK) >> GIT_INDEX_ENTRY_STAGESHIFT
        mode = entry.pointee.mode
        skipsWorktree = Int32(entry.pointee.flags_extended) & Int32(GIT_INDEX_ENTRY_SKIP_WORKTREE.rawValue) != 0
    }
}
