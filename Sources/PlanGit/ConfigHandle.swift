import CGit2

/// A git configuration (a read-only snapshot, or one level to write), freed when the handle goes.
final class ConfigHandle: GitHandle {
    deinit { git_config_free(pointer) }

    /// A snapshot of every level the repository sees (system, global, local).
    static func snapshot(of repository: GitRepository) throws -> ConfigHandle {
        ConfigHandle(try made("git_repository_config_snapshot") { git_repository_config_snapshot(&$0, repository.handle) },
                     of: repository)
    }

    /// A snapshot of the user's global and system configuration (no repository needed).
    static func globalSnapshot() throws -> ConfigHandle {
        _ = libgit2Initialized
        let all = ConfigHandle(try made("git_config_open_default") { git_config_open_default(&$0) }, of: nil)
        return ConfigHandle(try made("git_config_snapshot") { git_config_snapshot(&$0, all.pointer) }, of: nil)
    }

    /// The repository's own configuration (`.git/config`), for writing.
    static func local(of repository: GitRepository) throws -> ConfigHandle {
        let all = ConfigHandle(try made("git_repository_config") { git_repository_config(&$0, repository.handle) },
                               of: repository)
        return ConfigHandle(try made("git_config_open_level") { git_config_open_level(&$0, all.pointer, GIT_CONFIG_LEVEL_LOCAL) },
                            of: repository)
    }

    /// A value (read from a snapshot), nil when unset.
    func string(_ name: String) throws -> String? {
        var value: UnsafePointer<CChar>?
        if try check(git_config_get_string(&value, pointer, name), "git_config_get_string", expected: [.notFound]) != nil {
            return nil
        }
        return value.map { String(cString: $0) }
    }

    func set(_ name: String, _ value: String) throws {
        try check(git_config_set_string(pointer, name, value), "git_config_set_string")
    }

    /// Removes a value; false when it was not set.
    func delete(_ name: String) throws -> Bool {
        try check(git_config_delete_entry(pointer, name), "git_config_delete_entry", expected: [.notFound]) == nil
    }
}
