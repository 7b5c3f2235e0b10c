import CGit2
import Foundation

extension GitRepository {
    /// A path the index records as unmerged: the blob ids of its stages 1 (base), 2 (ours) and
    /// 3 (theirs); nil where a stage is absent (added on both sides, deleted on one). The
    /// content is read only for the files a caller wants (``content(of:)``).
    public struct ConflictedFile: Sendable, Equatable {
        public var path: String
        public var base: ObjectID?
        public var ours: ObjectID?
        public var theirs: ObjectID?
    }

    /// The content of a conflicted file's three stages.
    public func content(of file: ConflictedFile) throws -> (base: Data?, ours: Data?, theirs: Data?) {
        (try file.base.map(blobData), try file.ours.map(blobData), try file.theirs.map(blobData))
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
            files.append(ConflictedFile(path: path, base: ancestor?.id, ours: ours?.id, theirs: theirs?.id))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Stages the working tree's `paths` (repository-relative), which ends their conflicts, like
    /// `git add PATH...`: one read and one write of the index for them all.
    public func stageResolved(_ paths: [String]) throws {
        guard !paths.isEmpty else { return }
        let index = try IndexHandle(of: self)
        try index.read(force: true)
        for path in paths {
            if let attribute = conversionAttribute(for: path) { throw GitCommitSession.Failure.cleanFilter(path: path, attribute: attribute) }
            try check(git_index_add_bypath(index.pointer, path), "git_index_add_bypath")
        }
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
