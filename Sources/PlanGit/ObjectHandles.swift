import CGit2
import Foundation

/// Owned libgit2 objects: each handle frees its object in `deinit` and keeps the repository it
/// came from alive as long as it lives. What is borrowed from an object (names, ids, signatures)
/// is copied into Swift values by the handle's own members.

/// A reference (a branch, `HEAD`).
final class ReferenceHandle: GitHandle {
    /// The reference called `name` (`HEAD`, `refs/heads/main`), not resolved.
    convenience init(named name: String, in repository: GitRepository) throws {
        self.init(try made("git_reference_lookup") { git_reference_lookup(&$0, repository.handle, name) }, of: repository)
    }

    /// HEAD resolved to the branch it is on (or HEAD itself when detached).
    convenience init(headOf repository: GitRepository) throws {
        self.init(try made("git_repository_head") { git_repository_head(&$0, repository.handle) }, of: repository)
    }

    /// Creates or moves a reference with `write` (`git_reference_create` and the like) and frees
    /// the reference object it returns; the result is one of the `expected` codes, nil on success.
    static func write(_ function: String, expected: Set<GitCode>, _ write: (inout OpaquePointer?) -> Int32) throws
        -> GitCode?
    {
        var reference: OpaquePointer?
        let result = write(&reference)
        if let reference { git_reference_free(reference) }
        return try check(result, function, expected: expected)
    }

    deinit { git_reference_free(pointer) }

    var symbolicTarget: String? { git_reference_symbolic_target(pointer).map { String(cString: $0) } }
    var target: ObjectID? { git_reference_target(pointer).map(ObjectID.init) }
    var shorthand: String { String(cString: git_reference_shorthand(pointer)) }
}

/// Any object, as `git rev-parse` finds it.
final class ObjectHandle: GitHandle {
    convenience init(revision: String, in repository: GitRepository) throws {
        self.init(try lookedUp("git_revparse_single") { git_revparse_single(&$0, repository.handle, revision) }, of: repository)
    }

    deinit { git_object_free(pointer) }

    var id: ObjectID { ObjectID(git_object_id(pointer)) }
}

/// A commit object.
final class CommitHandle: GitHandle {
    convenience init(_ id: ObjectID, in repository: GitRepository) throws {
        var oid = id.oid
        self.init(try lookedUp("git_commit_lookup") { git_commit_lookup(&$0, repository.handle, &oid) }, of: repository)
    }

    deinit { git_commit_free(pointer) }

    var tree: ObjectID { ObjectID(git_commit_tree_id(pointer)) }

    /// What `log` and rollups over time read of the commit.
    var info: CommitInfo {
        let committer = git_commit_committer(pointer).pointee
        let author = git_commit_author(pointer).pointee
        let parents = git_commit_parentcount(pointer)
        return CommitInfo(id: ObjectID(git_commit_id(pointer)), tree: tree,
                          firstParent: parents > 0 ? git_commit_parent_id(pointer, 0).map(ObjectID.init) : nil,
                          parents: (0..<parents).compactMap { git_commit_parent_id(pointer, $0).map(ObjectID.init) },
                          isMerge: parents > 1, committerTime: Int64(committer.when.time),
                          committerOffsetMinutes: Int32(committer.when.offset),
                          authorName: author.name.map { String(cString: $0) } ?? "", authorTime: Int64(author.when.time),
                          subject: git_commit_summary(pointer).map { String(cString: $0) } ?? "")
    }
}

/// A blob object.
final class BlobHandle: GitHandle {
    convenience init(_ id: ObjectID, in repository: GitRepository) throws {
        var oid = id.oid
        self.init(try lookedUp("git_blob_lookup") { git_blob_lookup(&$0, repository.handle, &oid) }, of: repository)
    }

    deinit { git_blob_free(pointer) }

    var data: Data {
        let size = Int(git_blob_rawsize(pointer))
        guard size > 0, let content = git_blob_rawcontent(pointer) else { return Data() }
        return Data(bytes: content, count: size)
    }
}

/// The object database.
final class ObjectDatabaseHandle: GitHandle {
    convenience init(of repository: GitRepository) throws {
        self.init(try made("git_repository_odb") { git_repository_odb(&$0, repository.handle) }, of: repository)
    }

    deinit { git_odb_free(pointer) }

    /// The size of an object, from its header (the content is not inflated).
    func size(of id: ObjectID) throws -> Int {
        var oid = id.oid
        var size = 0
        var type = GIT_OBJECT_ANY
        try check(git_odb_read_header(&size, &type, pointer, &oid), "git_odb_read_header")
        return size
    }
}

/// A revision walk.
final class RevisionWalkHandle: GitHandle {
    convenience init(in repository: GitRepository) throws {
        self.init(try made("git_revwalk_new") { git_revwalk_new(&$0, repository.handle) }, of: repository)
    }

    deinit { git_revwalk_free(pointer) }

    /// The next commit, nil when the walk is over.
    func next() throws -> ObjectID? {
        var oid = git_oid()
        if try check(git_revwalk_next(&oid, pointer), "git_revwalk_next", expected: [.iterationOver]) != nil { return nil }
        return ObjectID(oid)
    }
}

/// A signature (name, email, time) for a commit being created.
final class SignatureHandle {
    let pointer: UnsafeMutablePointer<git_signature>

    init(_ signature: GitSignature) throws {
        var made: UnsafeMutablePointer<git_signature>?
        try check(git_signature_new(&made, signature.name, signature.email, git_time_t(signature.time),
                                    Int32(signature.offsetMinutes)), "git_signature_new")
        guard let made else { throw GitMissingResult(function: "git_signature_new") }
        pointer = made
    }

    deinit { git_signature_free(pointer) }
}
