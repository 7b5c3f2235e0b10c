import CGit2
import Foundation
import PlanModel

/// One commit made the way git makes it, safe against other git processes:
///
/// 1. take `index.lock` (O_EXCL, as git does) — if another process holds it, nothing happens;
/// 2. stage into a private copy of the index, never touching `.git/index`;
/// 3. write the tree the commit would record, for the caller to check (the lint gate);
/// 4. create the commit, move the branch with a compare-and-swap on its old value;
/// 5. replace `.git/index` by the staged copy (rename), then release the lock.
///
/// Abandoning at any point before 4 (or a failed swap) leaves HEAD, the index and the working
/// tree exactly as they were; only unreachable objects may remain, which git ignores.
public final class GitCommitSession {
    public enum Failure: Error, CustomStringConvertible {
        /// index.lock exists (its full path).
        case locked(String)
        /// The branch's ref lock exists (its full path): retrying cannot help until it is gone.
        case branchLocked(String)
        /// A file of the commit could not be written (full disk, read-only folder).
        case cannotWrite(path: String, reason: String)
        case operationInProgress(String)
        case detachedHead
        case bare
        case noSuchPath(String)
        case nothingToCommit
        case headMoved
        case indexNotUpdated(commit: String, reason: String)
        case unmerged([String])
        /// A file to stage has a conversion git would make and acctplan cannot: `attribute` is
        /// `filter=NAME` or `working-tree-encoding=ENC` (``GitRepository/conversionAttribute(for:)``).
        case cleanFilter(path: String, attribute: String)
        /// A named file is outside the sparse checkout (git's skip-worktree bit).
        case outsideSparseCheckout(String)

        public var description: String {
            switch self {
            case .locked(let path):
                return "\(path) exists: another git process is using this repository, or one was killed; "
                    + "if none is running, remove it (rm '\(path)'); nothing was changed"
            case .branchLocked(let path):
                return "the branch is locked: \(path) exists: another git process is updating it, or one was killed; "
                    + "if none is running, remove it (rm '\(path)'); nothing was changed"
            case .cannotWrite(let path, let reason):
                return "could not write \(path): \(reason); nothing was changed"
            case .operationInProgress(let what):
                return "\(what) is in progress; finish or abort it with git first; nothing was changed"
            case .detachedHead:
                return "HEAD is detached (not on a branch); switch to a branch, or pass --allow-detached; nothing was changed"
            case .bare:
                return "this is a bare repository: there is no working tree to commit from"
            case .noSuchPath(let path):
                return "'\(path)' matches no file in the working tree or the index; nothing was changed"
            case .nothingToCommit:
                return "nothing to commit: the staged tree is the same as HEAD's"
            case .headMoved:
                return "the branch moved while committing (another commit won); nothing was changed, try again"
            case .unmerged(let paths):
                let shown = ValueSyntax.shortList(paths, limit: 5)
                return "the index has unresolved merge conflicts in \(shown); resolve them ('acctplan lint' shows where), "
                    + "then 'git add' the files; nothing was changed"
            case .cleanFilter(let path, let attribute):
                return "'\(path)' has the git attribute \(attribute), a conversion acctplan cannot make (git add stores "
                    + "what it makes: git-lfs's pointer, UTF-8 text); stage it with 'git add \(path)' first (unchanged, "
                    + "'git status' is enough to let git see that), then commit again without naming it; nothing was changed"
            case .outsideSparseCheckout(let path):
                let folder = path.split(separator: "/").dropLast().joined(separator: "/")
                return "'\(path)' has git's skip-worktree bit (it is outside the sparse checkout, or was marked with "
                    + "'git update-index --skip-worktree'): git keeps the index's version of it; bring it in with "
                    + "'git sparse-checkout add \(folder.isEmpty ? path : folder + "/")' or clear the bit with "
                    + "'git update-index --no-skip-worktree \(path)' first; nothing was changed"
            case .indexNotUpdated(let commit, let reason):
                return "committed \(commit), but .git/index could not be updated (\(reason)); "
                    + "run 'git reset' to make the index match the new commit (your files are untouched)"
            }
        }
    }

    private let repository: GitRepository
    private let head: GitRepository.Head
    private let lockPath: String
    private let stagingPath: String
    /// The staged copy of the index; set once the lock is held (nil only while `init` fails).
    private var index: IndexHandle?
    private var finished = false
    /// Set once this session created index.lock: only then may it remove the lock (a throwing
    /// initializer still runs `deinit`, and another process's lock must never be touched).
    private var ownsLock = false

    /// Starts a commit: checks the repository's state and takes the index lock.
    public init(repository: GitRepository, allowDetached: Bool) throws {
        self.repository = repository
        guard !repository.isBare else { throw Failure.bare }
        if let operation = repository.operationInProgress { throw Failure.operationInProgress(operation) }
        head = try repository.head()
        if case .detached = head, !allowDetached { throw Failure.detachedHead }
        let gitDirectory = repository.gitDirectory
        lockPath = gitDirectory + "/index.lock"
        stagingPath = gitDirectory + "/acctplan-index-\(getpid())"
        let descriptor = open(lockPath, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw Failure.locked(lockPath) }
            throw Failure.cannotWrite(path: lockPath, reason: String(cString: strerror(errno)))
        }
        close(descriptor)
        ownsLock = true
        do {
            Self.removeAbandonedStagingIndexes(in: gitDirectory)
            let live = gitDirectory + "/index"
            if FileManager.default.fileExists(atPath: live) {
                do {
                    try FileManager.default.copyItem(atPath: live, toPath: stagingPath)
                } catch {
                    throw Failure.cannotWrite(path: stagingPath, reason: Self.reason(error))
                }
            }
            let staged = try IndexHandle(file: stagingPath)
            index = staged
            try check(git_repository_set_index(repository.handle, staged.pointer), "git_repository_set_index")
            try staged.read(force: true)
        } catch {
            abandon()
            throw error
        }
    }

    deinit { abandon() }

    /// The staged index (set by `init`).
    private var staged: IndexHandle {
        get throws {
            guard let index else { throw GitMissingResult(function: "git_index_open") }
            return index
        }
    }

    /// Removes the staging indexes of sessions that were killed before cleaning up. A session
    /// creates its staging index only while holding index.lock and removes it before releasing
    /// the lock, so while this session holds the lock, any other one is abandoned.
    private static func removeAbandonedStagingIndexes(in gitDirectory: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: gitDirectory) else { return }
        for name in names where name.hasPrefix("acctplan-index-") { unlink(gitDirectory + "/" + name) }
    }

    /// Whether the branch (or detached HEAD) this session commits to now points at `commit`.
    private func pointsAt(_ commit: git_oid) -> Bool {
        let name: String
        switch head {
        case .unborn(let branch), .branch(let branch, _): name = "refs/heads/" + branch
        case .detached: name = "HEAD"
        }
        var target = git_oid()
        var expected = commit
        do {
            try check(git_reference_name_to_id(&target, repository.handle, name), "git_reference_name_to_id")
        } catch {
            return false
        }
        return git_oid_equal(&target, &expected) != 0
    }

    private static func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// The operating system's words for a failed file operation ("No space left on device").
    private static func reason(_ error: Error) -> String {
        // Foundation wraps the errno (as a POSIXError or an NSError, depending on the platform).
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey]
        if let posix = underlying as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        if let posix = underlying.flatMap({ $0 as? NSError }), posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        return error.localizedDescription
    }

    /// Releases the lock and drops the staged copy, if the commit did not complete.
    public func abandon() {
        guard !finished, ownsLock else { return }
        finished = true
        unlink(stagingPath)
        unlink(stagingPath + ".lock")
        unlink(lockPath)
    }

    /// Stages working-tree files (repository-relative paths): changed or new files are added,
    /// files deleted from the working tree are removed from the index.
    public func stage(_ paths: [String]) throws {
        guard let workingDirectory = repository.workingDirectory else { throw Failure.bare }
        let index = try staged
        for path in paths {
            // As git add: a file outside a sparse checkout is not staged (missing, it is not deleted).
            if index.entry(path: path)?.skipsWorktree == true { throw Failure.outsideSparseCheckout(path) }
            var status = stat()
            if lstat(workingDirectory.path + "/" + path, &status) == 0 {
                if let attribute = repository.conversionAttribute(for: path) { throw Failure.cleanFilter(path: path, attribute: attribute) }
                try check(git_index_add_bypath(index.pointer, path), "git_index_add_bypath")
            } else if index.entry(path: path) != nil {
                try check(git_index_remove_bypath(index.pointer, path), "git_index_remove_bypath")
            } else {
                throw Failure.noSuchPath(path)
            }
        }
    }

    /// `-a`: stages every modification and deletion of tracked files (not untracked ones).
    /// A file with a conversion git would make is refused (``Failure/cleanFilter(path:attribute:)``).
    /// Files outside a sparse checkout (skip-worktree) are left as the index has them, as git
    /// does: libgit2 would take their absence from the working tree for a deletion.
    public func stageAllTracked() throws {
        final class Refusal {
            let repository: GitRepository
            let workingDirectory: String
            let sparse: Set<String>
            var refused: (path: String, attribute: String)?
            init(_ repository: GitRepository, _ workingDirectory: String, sparse: Set<String>) {
                self.repository = repository
                self.workingDirectory = workingDirectory
                self.sparse = sparse
            }
        }
        guard let workingDirectory = repository.workingDirectory else { throw Failure.bare }
        let index = try staged
        let sparse = Set(index.skipWorktreeEntries().keys)
        let refusal = Refusal(repository, workingDirectory.path, sparse: sparse)
        // Called for each tracked file about to be updated (positive: skip it; negative: stop).
        // A deletion needs no filter.
        let matched: git_index_matched_path_cb = { path, _, payload in
            guard let path, let payload else { return 0 }
            let refusal = Unmanaged<Refusal>.fromOpaque(payload).takeUnretainedValue()
            let relative = String(cString: path)
            if refusal.sparse.contains(relative) { return 1 }
            var status = stat()
            guard lstat(refusal.workingDirectory + "/" + relative, &status) == 0,
                  let attribute = refusal.repository.conversionAttribute(for: relative) else { return 0 }
            refusal.refused = (relative, attribute)
            return -1
        }
        let status = withExtendedLifetime(refusal) {
            git_index_update_all(index.pointer, nil, matched, Unmanaged.passUnretained(refusal).toOpaque())
        }
        if let refused = refusal.refused { throw Failure.cleanFilter(path: refused.path, attribute: refused.attribute) }
        try check(status, "git_index_update_all")
    }

    /// Writes the staged tree to the object database and returns its id.
    public func stagedTree() throws -> ObjectID {
        let index = try staged
        if index.hasConflicts {
            // git would say only "cannot create a tree from a not fully merged index".
            let paths = Set((0..<index.count).compactMap { index.entry($0) }.filter { $0.stage != 0 }.map(\.path))
            throw Failure.unmerged(paths.sorted())
        }
        var oid = git_oid()
        try check(git_index_write_tree(&oid, index.pointer), "git_index_write_tree")
        return ObjectID(oid)
    }

    /// The tree HEAD records, nil on an unborn branch.
    public func headTree() throws -> ObjectID? {
        switch head {
        case .unborn: return nil
        case .branch(_, let commit), .detached(let commit): return try repository.treeOfCommit(commit)
        }
    }

    /// The commit HEAD points at, nil on an unborn branch.
    public var headCommit: ObjectID? {
        switch head {
        case .unborn: return nil
        case .branch(_, let commit), .detached(let commit): return commit
        }
    }

    /// Records `tree` as a new commit on the current branch and makes the staged index live.
    public func commit(tree: ObjectID, message: String, author: GitSignature, committer: GitSignature) throws -> ObjectID {
        let treeObject = try repository.tree(tree)
        let parent = try headCommit.map { try CommitHandle($0, in: repository) }
        var parents: [OpaquePointer?] = parent.map { [$0.pointer] } ?? []
        var newID = git_oid()
        let authorSignature = try SignatureHandle(author)
        let committerSignature = try SignatureHandle(committer)
        _ = try parents.withUnsafeMutableBufferPointer { buffer in
            try check(git_commit_create(&newID, repository.handle, nil, authorSignature.pointer, committerSignature.pointer,
                                        "UTF-8", message, treeObject.pointer, buffer.count, buffer.baseAddress),
                      "git_commit_create")
        }
        withExtendedLifetime(parent) {} // `parents` borrows its pointer
        // The new index is written beside the lock first, so the swap below is the only step
        // that publishes anything.
        try check(git_index_write(try staged.pointer), "git_index_write")
        let subject = String(message.firstLine)
        var failure: GitCode?
        do {
            failure = try ReferenceHandle.write("git_reference_create", expected: [.locked, .exists, .modified]) { reference in
                switch head {
                case .unborn(let branch):
                    return git_reference_create(&reference, repository.handle, "refs/heads/" + branch, &newID, 0,
                                                "commit (initial): " + subject)
                case .branch(let branch, let old):
                    var oldID = old.oid
                    return git_reference_create_matching(&reference, repository.handle, "refs/heads/" + branch, &newID, 1,
                                                         &oldID, "commit: " + subject)
                case .detached(let old):
                    var oldID = old.oid
                    return git_reference_create_matching(&reference, repository.handle, "HEAD", &newID, 1, &oldID,
                                                         "commit: " + subject)
                }
            }
        } catch {
            // The branch moved, then a later step of libgit2's update failed (flushing the refs
            // folder, say): the commit stands, so the index must follow it.
            guard pointsAt(newID) else { throw error }
        }
        if failure != nil, pointsAt(newID) { failure = nil } // as above
        if failure == .locked {
            // Another process holds the ref's lock file, or died holding it (a kill while
            // moving the branch): unlike a lost race, retrying cannot succeed until it is gone.
            let lockedReference: String
            switch head {
            case .unborn(let branch), .branch(let branch, _): lockedReference = repository.commonDirectory + "/refs/heads/" + branch
            case .detached: lockedReference = repository.gitDirectory + "/HEAD"
            }
            throw Failure.branchLocked(lockedReference + ".lock")
        }
        if failure == .exists || failure == .modified { throw Failure.headMoved }
        guard rename(stagingPath, repository.gitDirectory + "/index") == 0 else {
            let reason = String(cString: strerror(errno))
            abandon() // releases the lock; the commit itself stands
            throw Failure.indexNotUpdated(commit: ObjectID(newID).short, reason: reason)
        }
        finished = true
        unlink(lockPath)
        Self.syncDirectory(repository.gitDirectory) // the rename of the index survives a power cut
        return ObjectID(newID)
    }
}
