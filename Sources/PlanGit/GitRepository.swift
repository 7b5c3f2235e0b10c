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
        var repository: OpaquePointer?
        try check(git_repository_open_ext(&repository, path.path, 0, nil), "git_repository_open_ext")
        guard let repository else { throw GitError(function: "git_repository_open_ext", code: -1, message: "no repository") }
        handle = repository
    }

    /// Opens the repository whose git directory is exactly `gitDirectory`.
    init(gitDirectory: String) throws {
        _ = libgit2Initialized
        var repository: OpaquePointer?
        try check(git_repository_open_ext(&repository, gitDirectory, UInt32(GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue), nil),
                  "git_repository_open_ext")
        guard let repository else { throw GitError(function: "git_repository_open_ext", code: -1, message: "no repository") }
        handle = repository
    }

    /// Creates a new repository (with a working tree) at `path`.
    public static func create(at path: URL) throws -> GitRepository {
        _ = libgit2Initialized
        var repository: OpaquePointer?
        try check(git_repository_init(&repository, path.path, 0), "git_repository_init")
        if let repository { git_repository_free(repository) }
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
            var reference: OpaquePointer?
            try check(git_reference_lookup(&reference, handle, "HEAD"), "git_reference_lookup")
            defer { git_reference_free(reference) }
            let target = git_reference_symbolic_target(reference).map { String(cString: $0) } ?? "refs/heads/main"
            return .unborn(branch: target.hasPrefix("refs/heads/") ? String(target.dropFirst(11)) : target)
        }
        var reference: OpaquePointer?
        try check(git_repository_head(&reference, handle), "git_repository_head")
        defer { git_reference_free(reference) }
        guard let target = git_reference_target(reference) else {
            throw GitError(function: "git_reference_target", code: -1, message: "HEAD does not point at a commit")
        }
        let id = ObjectID(target)
        if git_repository_head_detached(handle) == 1 { return .detached(id) }
        return .branch(String(cString: git_reference_shorthand(reference)), id)
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
        var object: OpaquePointer?
        try check(git_revparse_single(&object, handle, revision + "^{commit}"), "git_revparse_single")
        defer { git_object_free(object) }
        return ObjectID(git_object_id(object))
    }

    /// The root tree of a commit.
    public func treeOfCommit(_ commit: ObjectID) throws -> ObjectID {
        var oid = commit.oid
        var object: OpaquePointer?
        try check(git_commit_lookup(&object, handle, &oid), "git_commit_lookup")
        defer { git_commit_free(object) }
        return ObjectID(git_commit_tree_id(object))
    }

    /// A configuration value (e.g. `user.name`), nil when unset.
    public func configString(_ name: String) -> String? {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, handle) == 0 else { git_error_clear(); return nil }
        defer { git_config_free(config) }
        var value: UnsafePointer<CChar>?
        guard git_config_get_string(&value, config, name) == 0, let value else { git_error_clear(); return nil }
        return String(cString: value)
    }

    /// The size of a blob, from its object header (the content is not inflated).
    func blobSize(_ id: ObjectID) throws -> Int {
        var odb: OpaquePointer?
        try check(git_repository_odb(&odb, handle), "git_repository_odb")
        defer { git_odb_free(odb) }
        var oid = id.oid
        var size = 0
        var type = GIT_OBJECT_ANY
        try check(git_odb_read_header(&size, &type, odb, &oid), "git_odb_read_header")
        return size
    }

    /// The content of a blob.
    func blobData(_ id: ObjectID) throws -> Data {
        var oid = id.oid
        var blob: OpaquePointer?
        try check(git_blob_lookup(&blob, handle, &oid), "git_blob_lookup")
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let content = git_blob_rawcontent(blob) else { return Data() }
        return Data(bytes: content, count: size)
    }
}

extension GitRepository {
    /// A value from the user's global and system git configuration (no repository needed).
    public static func globalConfigString(_ name: String) -> String? {
        _ = libgit2Initialized
        var config: OpaquePointer?
        guard git_config_open_default(&config) == 0 else { git_error_clear(); return nil }
        defer { git_config_free(config) }
        var snapshot: OpaquePointer?
        guard git_config_snapshot(&snapshot, config) == 0 else { git_error_clear(); return nil }
        defer { git_config_free(snapshot) }
        var value: UnsafePointer<CChar>?
        guard git_config_get_string(&value, snapshot, name) == 0, let value else { git_error_clear(); return nil }
        return String(cString: value)
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
        var config: OpaquePointer?
        try check(git_repository_config(&config, handle), "git_repository_config")
        defer { git_config_free(config) }
        var local: OpaquePointer?
        try check(git_config_open_level(&local, config, GIT_CONFIG_LEVEL_LOCAL), "git_config_open_level")
        defer { git_config_free(local) }
        try check(git_config_set_string(local, name, value), "git_config_set_string")
    }

    /// Removes a value from the repository's own configuration; false when it was not set.
    @discardableResult
    public func unsetConfig(_ name: String) throws -> Bool {
        var config: OpaquePointer?
        try check(git_repository_config(&config, handle), "git_repository_config")
        defer { git_config_free(config) }
        var local: OpaquePointer?
        try check(git_config_open_level(&local, config, GIT_CONFIG_LEVEL_LOCAL), "git_config_open_level")
        defer { git_config_free(local) }
        let result = git_config_delete_entry(local, name)
        if result == GIT_ENOTFOUND.rawValue {
            git_error_clear()
            return false
        }
        try check(result, "git_config_delete_entry")
        return true
    }
}
