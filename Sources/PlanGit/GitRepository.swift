import CGit2
import Foundation

/// A git repository opened through libgit2. The handle is owned here and freed in `deinit`;
/// no libgit2 pointer leaves this module. One instance is used by one thread at a time
/// (``RepositoryPool`` hands out one per reading thread).
public final class GitRepository {
    let handle: OpaquePointer

    /// Opens the repository that contains `path` (searching upwards, like git), bare or not.
    public init(discovering path: URL) throws {
        _ = libgit2Initialized
        handle = try made("git_repository_open_ext") { git_repository_open_ext(&$0, path.path, 0, nil) }
    }

    /// Opens the repository whose git directory is exactly `gitDirectory`.
    init(gitDirectory: String) throws {
        _ = libgit2Initialized
        handle = try made("git_repository_open_ext") {
            git_repository_open_ext(&$0, gitDirectory, UInt32(GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue), nil)
        }
    }

    /// Creates a new repository (with a working tree) at `path`.
    public static func create(at path: URL) throws -> GitRepository {
        _ = libgit2Initialized
        git_repository_free(try made("git_repository_init") { git_repository_init(&$0, path.path, 0) })
        return try GitRepository(discovering: path)
    }

    deinit { git_repository_free(handle) }

    /// The working tree's root (with a trailing `/` removed), nil for a bare repository.
    public var workingDirectory: URL? {
        guard let path = git_repository_workdir(handle) else { return nil }
        return URL(fileURLWithPath: String(cString: path)).standardizedFileURL
    }

    /// The git directory (`.git`, or the repository itself when bare).
    public var gitDirectory: String {
        var path = String(cString: git_repository_path(handle))
        if path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// The folder shared by all worktrees (`.git` itself outside a linked worktree): where
    /// branches and their lock files live.
    public var commonDirectory: String {
        var path = String(cString: git_repository_commondir(handle))
        if path.hasSuffix("/") { path.removeLast() }
        return path
    }

    public var isBare: Bool { git_repository_is_bare(handle) == 1 }

    /// What HEAD points at.
    public enum Head: Equatable, Sendable {
        /// On a branch that has no commit yet.
        case unborn(branch: String)
        case branch(String, ObjectID)
        case detached(ObjectID)
    }

    public func head() throws -> Head {
        if git_repository_head_unborn(handle) == 1 {
            let target = try ReferenceHandle(named: "HEAD", in: self).symbolicTarget ?? "refs/heads/main"
            return .unborn(branch: target.hasPrefix("refs/heads/") ? String(target.dropFirst(11)) : target)
        }
        let reference = try ReferenceHandle(headOf: self)
        guard let id = reference.target else { throw GitMissingResult(function: "git_reference_target") }
        if git_repository_head_detached(handle) == 1 { return .detached(id) }
        return .branch(reference.shorthand, id)
    }

    /// An operation git has in progress, which a commit must not interleave with.
    public var operationInProgress: String? {
        switch git_repository_state(handle) {
        case Int32(GIT_REPOSITORY_STATE_NONE.rawValue): return nil
        case Int32(GIT_REPOSITORY_STATE_MERGE.rawValue): return "a merge"
        case Int32(GIT_REPOSITORY_STATE_REVERT.rawValue), Int32(GIT_REPOSITORY_STATE_REVERT_SEQUENCE.rawValue): return "a revert"
        case Int32(GIT_REPOSITORY_STATE_CHERRYPICK.rawValue), Int32(GIT_REPOSITORY_STATE_CHERRYPICK_SEQUENCE.rawValue):
            return "a cherry-pick"
        case Int32(GIT_REPOSITORY_STATE_BISECT.rawValue): return "a bisect"
        default: return "a rebase"
        }
    }

    /// The commit a revision names (`HEAD~2`, a branch, a tag, a short id).
    public func resolveCommit(_ revision: String) throws -> ObjectID {
        try ObjectHandle(revision: revision + "^{commit}", in: self).id
    }

    /// The root tree of a commit.
    public func treeOfCommit(_ commit: ObjectID) throws -> ObjectID {
        try CommitHandle(commit, in: self).tree
    }

    /// A configuration value (e.g. `user.name`), nil when unset: what git's command line gave a
    /// program git started (``GitCommandLineConfig``), else the repository's configuration files.
    public func configString(_ name: String) -> String? {
        if let given = GitCommandLineConfig.value(of: name) { return given }
        // An unreadable configuration reads as unset, as before: the caller falls back to its default.
        return try? ConfigHandle.snapshot(of: self).string(name)
    }

    /// The size of a blob, from its object header (the content is not inflated).
    func blobSize(_ id: ObjectID) throws -> Int {
        try ObjectDatabaseHandle(of: self).size(of: id)
    }

    /// The content of a blob.
    func blobData(_ id: ObjectID) throws -> Data {
        try BlobHandle(id, in: self).data
    }
}

extension GitRepository {
    /// A value from git's command line (``GitCommandLineConfig``), else the user's global and
    /// system git configuration (no repository needed).
    public static func globalConfigString(_ name: String) -> String? {
        GitCommandLineConfig.value(of: name) ?? (try? ConfigHandle.globalSnapshot().string(name))
    }

    /// Hooks folder: `core.hooksPath` (relative paths are relative to the working tree) or the
    /// shared `.git/hooks`, which git runs for every worktree (a linked worktree's own git
    /// directory, `.git/worktrees/NAME`, has no hooks of its own).
    public var hooksDirectory: URL {
        if let configured = configString("core.hooksPath"), !configured.isEmpty {
            let expanded = configured.hasPrefix("~/") ? NSHomeDirectory() + configured.dropFirst(1) : configured
            if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded) }
            let base = workingDirectory ?? URL(fileURLWithPath: gitDirectory)
            return base.appendingPathComponent(expanded).standardizedFileURL
        }
        return URL(fileURLWithPath: commonDirectory).appendingPathComponent("hooks")
    }
}

extension GitRepository {
    /// Sets a value in the repository's own configuration (`.git/config`).
    public func setConfig(_ name: String, _ value: String) throws {
        try ConfigHandle.local(of: self).set(name, value)
    }

    /// Removes a value from the repository's own configuration; false when it was not set.
    @discardableResult
    public func unsetConfig(_ name: String) throws -> Bool {
        try ConfigHandle.local(of: self).delete(name)
    }
}
