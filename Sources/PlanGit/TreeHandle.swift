import CGit2

/// A tree object, freed when the handle goes. It keeps its repository alive as long as it lives.
final class TreeHandle: GitHandle {
    convenience init(_ id: ObjectID, in repository: GitRepository) throws {
        var oid = id.oid
        self.init(try lookedUp("git_tree_lookup") { git_tree_lookup(&$0, repository.handle, &oid) }, of: repository)
    }

    deinit { git_tree_free(pointer) }

    var count: Int { git_tree_entrycount(pointer) }

    /// The entry at `position` (0..<count), in git's order.
    func entry(_ position: Int) -> TreeEntry? {
        git_tree_entry_byindex(pointer, position).map { TreeEntry(owner: self, pointer: $0) }
    }

    /// The entry at a slash-separated path below this tree; nil when nothing is there.
    func entry(atPath path: String) throws -> TreeEntry? {
        var entry: OpaquePointer?
        if try check(git_tree_entry_bypath(&entry, pointer, path), "git_tree_entry_bypath", expected: [.notFound]) != nil {
            return nil
        }
        guard let entry else { throw GitMissingResult(function: "git_tree_entry_bypath") }
        return TreeEntry(owner: OwnedTreeEntry(entry), pointer: entry)
    }
}

/// A tree entry found by path: a copy that its finder frees.
private final class OwnedTreeEntry {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { git_tree_entry_free(pointer) }
}

/// One entry of a tree. It keeps what owns the entry (its tree, or its own copy) alive, so it is
/// valid as long as it is held.
struct TreeEntry {
    private let owner: AnyObject
    private let pointer: OpaquePointer

    fileprivate init(owner: AnyObject, pointer: OpaquePointer) {
        self.owner = owner
        self.pointer = pointer
    }

    var name: String { String(cString: git_tree_entry_name(pointer)) }
    var id: ObjectID { ObjectID(git_tree_entry_id(pointer)) }
    var type: git_object_t { git_tree_entry_type(pointer) }
    var isLink: Bool { git_tree_entry_filemode(pointer) == GIT_FILEMODE_LINK }

    /// git's tree order: negative when `self` sorts before `other`.
    func order(comparedWith other: TreeEntry) -> Int32 { git_tree_entry_cmp(pointer, other.pointer) }

    /// The same object id and the same kind of object.
    func isUnchanged(from other: TreeEntry) -> Bool {
        git_oid_equal(git_tree_entry_id(pointer), git_tree_entry_id(other.pointer)) == 1 && type == other.type
    }
}

/// A tree builder, for writing a tree (the empty one) to the object database.
final class TreeBuilderHandle: GitHandle {
    convenience init(in repository: GitRepository) throws {
        self.init(try made("git_treebuilder_new") { git_treebuilder_new(&$0, repository.handle, nil) }, of: repository)
    }

    deinit { git_treebuilder_free(pointer) }

    func write() throws -> ObjectID {
        var oid = git_oid()
        try check(git_treebuilder_write(&oid, pointer), "git_treebuilder_write")
        return ObjectID(oid)
    }
}
