import CGit2
import Foundation

/// What `git status` knows that a tree comparison does not: unmerged and untracked files.
extension GitRepository {
    /// Of the files at `paths` (repository-relative files or folders), those the index holds as
    /// unresolved conflicts and, when `untracked` is set, those in the working tree git does not
    /// track (ignored files left out); both sorted and repository-relative.
    public func statusPaths(_ paths: [String], untracked includeUntracked: Bool) throws
        -> (unmerged: [String], untracked: [String])
    {
        var options = git_status_options()
        try check(git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)), "git_status_options_init")
        options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
        options.flags = 0
        if includeUntracked {
            options.flags |= GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
        }
        var strings = paths.map { strdup($0) }
        defer { strings.forEach { free($0) } }
        let list = try strings.withUnsafeMutableBufferPointer { buffer in
            options.pathspec.strings = buffer.baseAddress
            options.pathspec.count = buffer.count
            return try StatusListHandle(in: self, options: &options)
        }
        var unmerged: Set<String> = []
        var untracked: Set<String> = []
        for (path, status) in list.entries {
            if status & GIT_STATUS_CONFLICTED.rawValue != 0 {
                unmerged.insert(path)
            } else if status & GIT_STATUS_WT_NEW.rawValue != 0 {
                untracked.insert(path)
            }
        }
        return (unmerged.sorted(), untracked.sorted())
    }
}

/// A status list, freed when the handle goes.
final class StatusListHandle: GitHandle {
    convenience init(in repository: GitRepository, options: inout git_status_options) throws {
        self.init(try made("git_status_list_new") { git_status_list_new(&$0, repository.handle, &options) }, of: repository)
    }

    deinit { git_status_list_free(pointer) }

    /// Each entry's path (repository-relative) and its `git_status_t` flags.
    var entries: [(path: String, status: UInt32)] {
        (0..<git_status_list_entrycount(pointer)).compactMap { position in
            guard let entry = git_status_byindex(pointer, position)?.pointee else { return nil }
            let delta = entry.index_to_workdir ?? entry.head_to_index
            guard let file = delta?.pointee, let rawPath = file.new_file.path ?? file.old_file.path else { return nil }
            return (String(cString: rawPath), entry.status.rawValue)
        }
    }
}
