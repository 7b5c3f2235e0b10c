import CGit2

/// Tree access shared by snapshots, comparisons and commits.
extension GitRepository {
    /// The tree object `id`, freed when the handle goes.
    func tree(_ id: ObjectID) throws -> TreeHandle { try TreeHandle(id, in: self) }

    /// The entry at `path` (slash-separated) below tree `id`: its id and whether it is a folder;
    /// nil when nothing is there or it is neither a folder nor a file (a submodule).
    func entry(at path: String, inTree id: ObjectID) throws -> (id: ObjectID, isTree: Bool)? {
        guard let entry = try tree(id).entry(atPath: path) else { return nil }
        guard entry.type == GIT_OBJECT_TREE || entry.type == GIT_OBJECT_BLOB else { return nil }
        return (entry.id, entry.type == GIT_OBJECT_TREE)
    }

    /// The folder at `path` below tree `id` ("" is the tree itself); nil when there is none.
    func subtree(at path: String, inTree id: ObjectID) throws -> ObjectID? {
        guard !path.isEmpty else { return id }
        guard let found = try entry(at: path, inTree: id), found.isTree else { return nil }
        return found.id
    }
}
