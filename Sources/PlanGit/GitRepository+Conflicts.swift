import CGit2
import Foundation

extension GitRepository {
    /// A path the index records as unmerged: the content of its stages 1 (base), 2 (ours) and
    /// 3 (theirs); nil where a stage is absent (added on both sides, deleted on one).
    public struct ConflictedFile: Sendable, Equatable {
        public var path: String
        public var base: Data?
        public var ours: Data?
        public var theirs: Data?
    }

    /// Every unmerged path of the index, in path order.
    public func conflictedFiles() throws -> [ConflictedFile] {
        var index: OpaquePointer?
        try check(git_repository_index(&index, handle), "git_repository_index")
        defer { git_index_free(index) }
        try check(git_index_read(index, 1), "git_index_read")
        guard git_index_has_conflicts(index) == 1 else { return [] }
        var iterator: OpaquePointer?
        try check(git_index_conflict_iterator_new(&iterator, index), "git_index_conflict_iterator_new")
        defer { git_index_conflict_iterator_free(iterator) }
        var files: [ConflictedFile] = []
        while true {
            var ancestor: UnsafePointer<git_index_entry>?
            var ours: UnsafePointer<git_index_entry>?
            var theirs: UnsafePointer<git_index_entry>?
            let code = git_index_conflict_next(&ancestor, &ours, &theirs, iterator)
            if code == GIT_ITEROVER.rawValue { break }
            try check(code, "git_index_conflict_next")
            guard let any = ancestor ?? ours ?? theirs, let path = any.pointee.path else { continue }
            files.append(ConflictedFile(path: String(cString: path),
                                        base: try ancestor.map { try blobData(ObjectID($0.pointee.id)) },
                                        ours: try ours.map { try blobData(ObjectID($0.pointee.id)) },
                                        theirs: try theirs.map { try blobData(ObjectID($0.pointee.id)) }))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Stages the working tree's `path` (repository-relative), which ends its conflict, like
    /// `git add PATH`.
    public func stageResolved(_ path: String) throws {
        var index: OpaquePointer?
        try check(git_repository_index(&index, handle), "git_repository_index")
        defer { git_index_free(index) }
        try check(git_index_read(index, 1), "git_index_read")
        try check(git_index_add_bypath(index, path), "git_index_add_bypath")
        try check(git_index_write(index), "git_index_write")
    }
}
