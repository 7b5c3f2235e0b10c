import CGit2
import Foundation

extension GitRepository {
    /// libgit2's own diff between two endpoints, with its rename detection; `only` limits it to
    /// those exact paths (otherwise everything under `prefix`).
    func libgit2ChangedPaths(from old: DiffEndpoint, to new: DiffEndpoint, prefix: String, only paths: [String] = [])
        throws -> [PathChange]
    {
        var options = git_diff_options()
        try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "git_diff_options_init")
        var strings: [UnsafeMutablePointer<CChar>?] = paths.isEmpty ? (prefix.isEmpty ? [] : [strdup(prefix + "/")])
            : paths.map { strdup($0) }
        defer { strings.forEach { free($0) } }
        if !paths.isEmpty { options.flags |= GIT_DIFF_DISABLE_PATHSPEC_MATCH.rawValue }
        return try strings.withUnsafeMutableBufferPointer { buffer -> [PathChange] in
            if !buffer.isEmpty {
                options.pathspec.strings = buffer.baseAddress
                options.pathspec.count = buffer.count
            }
            let diff: DiffHandle
            switch (old, new) {
            case (.tree(let a), .tree(let b)):
                let oldTree = try tree(a), newTree = try tree(b)
                diff = try DiffHandle(in: self, "git_diff_tree_to_tree") {
                    git_diff_tree_to_tree(&$0, handle, oldTree.pointer, newTree.pointer, &options)
                }
            case (.tree(let a), .index):
                let oldTree = try tree(a)
                diff = try DiffHandle(in: self, "git_diff_tree_to_index") {
                    git_diff_tree_to_index(&$0, handle, oldTree.pointer, nil, &options)
                }
            case (.index, .workingTree):
                diff = try DiffHandle(in: self, "git_diff_index_to_workdir") {
                    git_diff_index_to_workdir(&$0, handle, nil, &options)
                }
            case (.tree(let a), .workingTree):
                let oldTree = try tree(a)
                diff = try DiffHandle(in: self, "git_diff_tree_to_workdir_with_index") {
                    git_diff_tree_to_workdir_with_index(&$0, handle, oldTree.pointer, &options)
                }
            default:
                throw UnsupportedComparison(old: old, new: new)
            }
            // Files outside a sparse checkout are, for git, as the index has them (libgit2 takes
            // their absence from the working tree for a deletion, or the old side of a rename).
            let sparse = new == .workingTree ? try skipWorktreeEntries() : [:]
            try diff.findRenames()
            var changes: [PathChange] = []
            /// A sparse file compared with the index's version: no change against the index
            /// itself; against a tree, a change only when the index's blob differs from it.
            func sparseChange(_ path: String, treeBlob: ObjectID?) {
                guard case .tree = old, let indexBlob = sparse[path], treeBlob != indexBlob else { return }
                changes.append(PathChange(status: treeBlob == nil ? .added : .modified, oldPath: treeBlob == nil ? nil : path,
                                          newPath: path, oldBlob: treeBlob, newBlob: indexBlob))
            }
            for delta in diff.deltas {
                let oldPath = delta.old.path
                let newPath = delta.new.path
                func blob(_ file: DiffDelta.File, _ endpoint: DiffEndpoint) -> ObjectID? {
                    endpoint != .workingTree && file.exists ? file.id : nil
                }
                if let path = oldPath, sparse[path] != nil {
                    sparseChange(path, treeBlob: delta.old.exists ? delta.old.id : nil)
                    if delta.status == GIT_DELTA_RENAMED || delta.status == GIT_DELTA_COPIED, let newPath, newPath != path {
                        changes.append(PathChange(status: .added, oldPath: nil, newPath: newPath, oldBlob: nil,
                                                  newBlob: blob(delta.new, new)))
                    }
                    continue
                }
                if let path = newPath, sparse[path] != nil {
                    sparseChange(path, treeBlob: nil)
                    continue
                }
                switch delta.status {
                case GIT_DELTA_ADDED, GIT_DELTA_UNTRACKED, GIT_DELTA_COPIED:
                    changes.append(PathChange(status: .added, oldPath: nil, newPath: newPath, oldBlob: nil,
                                              newBlob: blob(delta.new, new)))
                case GIT_DELTA_DELETED:
                    changes.append(PathChange(status: .deleted, oldPath: oldPath, newPath: nil,
                                              oldBlob: blob(delta.old, old), newBlob: nil))
                case GIT_DELTA_RENAMED:
                    changes.append(PathChange(status: .renamed, oldPath: oldPath, newPath: newPath,
                                              oldBlob: blob(delta.old, old), newBlob: blob(delta.new, new)))
                case GIT_DELTA_MODIFIED, GIT_DELTA_TYPECHANGE:
                    changes.append(PathChange(status: .modified, oldPath: oldPath, newPath: newPath,
                                              oldBlob: blob(delta.old, old), newBlob: blob(delta.new, new)))
                default:
                    continue
                }
            }
            return changes
        }
    }
}
