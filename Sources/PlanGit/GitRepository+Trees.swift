import CGit2

/// Tree access shared by snapshots, comparisons and commits.
extension GitRepository {
    /// The tree object `id`; the caller frees it with `git_tree_free` in a `defer` on the next line.
    func lookupTree(_ id: ObjectID) throws -> OpaquePointer? {
        var oid = id.oid
        var tree: OpaquePointer?
        try check(git_tree_lookup(&tree, handle, &oid), "git_tree_lookup")
        return tree
    }

    /// The entry at `path` (slash-separated) below tree `id`: its id and whether it is a folder;
    /// nil when nothing is there or it is neither a folder nor a file (a submodule).
    func entry(at path: String, inTree id: ObjectID) throws -> (id: ObjectID, isTree: Bool)? {
        let tree = try lookupTree(id)
        defer { git_tree_free(tree) }
        var entry: OpaquePointer?
        let found = git_tree_entry_bypath(&entry, tree, path)
        if found == GIT_ENOTFOUND.rawValue {
            git_error_clear()
            return nil
        }
        try check(found, "git_tree_entry_bypath")
        defer { git_tree_entry_free(entry) }
        let type = git_tree_entry_type(entry)
        guard type == GIT_OBJECT_TREE || type == GIT_OBJECT_BLOB else { return nil }
        return (ObjectID(git_tree_entry_id(entry)), type == GIT_OBJECT_TREE)
    }

    /// The folder at `path` below tree `id` ("" is the tree itself); nil when there is none.
    func subtree(at path: String, inTree id: ObjectID) throws -> ObjectID? {
        guard !path.isEmpty else { return id }
        guard let found = try entry(at: path, inTree: id), found.isTree else { return nil }
        return found.id
    }
}
