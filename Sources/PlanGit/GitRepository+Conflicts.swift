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
        let index = try IndexHandle(of: self)
        try index.read(force: true)
        guard index.hasConflicts else { return [] }
        let iterator = try ConflictIterator(index)
        var files: [ConflictedFile] = []
        while let (ancestor, ours, theirs) = try iterator.next() {
            guard let path = ancestor?.path ?? ours?.path ?? theirs?.path else { continue }
            files.append(ConflictedFile(path: path, base: try ancestor.map { try blobData($0.id) },
                                        ours: try ours.map { try blobData($0.id) }, theirs: try theirs.map { try blobData($0.id) }))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Stages the working tree's `path` (repository-relative), which ends its conflict, like
    /// `git add PATH`.
    public func stageResolved(_ path: String) throws {
        let index = try IndexHandle(of: self)
        try index.read(force: true)
        try check(git_index_add_bypath(index.pointer, path), "git_index_add_bypath")
        try check(git_index_write(index.pointer), "git_index_write")
    }
}

/// The conflict entries of an index, freed when the iterator goes; it keeps its index alive.
private final class ConflictIterator: GitHandle {
    /// A side of a conflict, copied out of the index (no pointer into it outlives the call).
    struct Side {
        var path: String
        var id: ObjectID
    }

    private let index: IndexHandle

    init(_ index: IndexHandle) throws {
        self.index = index
        super.init(try made("git_index_conflict_iterator_new") { git_index_conflict_iterator_new(&$0, index.pointer) }, of: nil)
    }

    deinit { git_index_conflict_iterator_free(pointer) }

    /// The next conflict's stages 1, 2 and 3; nil after the last.
    func next() throws -> (Side?, Side?, Side?)? {
        var ancestor: UnsafePointer<git_index_entry>?
        var ours: UnsafePointer<git_index_entry>?
        var theirs: UnsafePointer<git_index_entry>?
        let code = git_index_conflict_next(&ancestor, &ours, &theirs, pointer)
        if try check(code, "git_index_conflict_next", expected: [.iterationOver]) != nil { return nil }
        func side(_ entry: UnsafePointer<git_index_entry>?) -> Side? {
            guard let entry, let path = entry.pointee.path else { return nil }
            return Side(path: String(cString: path), id: ObjectID(entry.pointee.id))
        }
        return (side(ancestor), side(ours), side(theirs))
    }
}
