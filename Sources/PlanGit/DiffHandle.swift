import CGit2

/// A libgit2 diff (of two trees, a tree and the index, ...), freed when the handle goes.
final class DiffHandle: GitHandle {
    /// The diff that `create` (`git_diff_tree_to_tree` and the like) makes.
    convenience init(in repository: GitRepository, _ function: String, _ create: (inout OpaquePointer?) -> Int32) throws {
        self.init(try made(function, create), of: repository)
    }

    deinit { git_diff_free(pointer) }

    /// Pairs added and deleted files that are renames (exact or similar), as `git diff -M` does.
    func findRenames() throws {
        var options = git_diff_find_options()
        try check(git_diff_find_options_init(&options, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)), "git_diff_find_options_init")
        options.flags = GIT_DIFF_FIND_RENAMES.rawValue
        try check(git_diff_find_similar(pointer, &options), "git_diff_find_similar")
    }

    /// The deltas, copied out of the diff.
    var deltas: [DiffDelta] {
        (0..<git_diff_num_deltas(pointer)).compactMap { position in
            git_diff_get_delta(pointer, position).map { delta in
                DiffDelta(status: delta.pointee.status, old: DiffDelta.File(delta.pointee.old_file),
                          new: DiffDelta.File(delta.pointee.new_file))
            }
        }
    }
}

/// One file's change in a libgit2 diff, as values.
struct DiffDelta {
    struct File {
        var path: String?
        var id: ObjectID
        /// Whether the file exists on this side (its id is meaningful).
        var exists: Bool

        init(_ file: git_diff_file) {
            path = file.path.map { String(cString: $0) }
            id = ObjectID(file.id)
            exists = file.flags & GIT_DIFF_FLAG_EXISTS.rawValue != 0
        }
    }

    var status: git_delta_t
    var old: File
    var new: File
}

/// A comparison `changedPaths` does not make (the index or the working tree as the old side):
/// a mistake of the caller, not an error of libgit2.
public struct UnsupportedComparison: Error, CustomStringConvertible, Sendable {
    public let old: DiffEndpoint
    public let new: DiffEndpoint
    public var description: String { "cannot compare \(old) with \(new)" }
}
