import CGit2
import PlanModel
import Dispatch
import Foundation
import PlanSupport

/// One side of a comparison: a tree (of a commit), the index, or the working tree.
public enum DiffEndpoint: Equatable, Sendable {
    case tree(ObjectID)
    case index
    case workingTree
}

/// A file that differs between two endpoints, as libgit2's diff (with rename detection) sees it.
public struct PathChange: Equatable, Sendable {
    public enum Status: Equatable, Sendable { case added, deleted, modified, renamed }
    public var status: Status
    /// Repository-relative paths; nil on the side where the file does not exist.
    public var oldPath: String?
    public var newPath: String?
    /// Blob ids when the endpoint stores them (trees and the index); nil for the working tree.
    public var oldBlob: ObjectID?
    public var newBlob: ObjectID?
}

/// A commit in history, for `log` and rollups over time.
public struct CommitInfo: Sendable {
    public var id: ObjectID
    public var tree: ObjectID
    public var firstParent: ObjectID?
    /// More than one parent: a merge.
    public var isMerge: Bool
    /// Seconds since 1970 (UTC) and the committer's offset in minutes.
    public var committerTime: Int64
    public var committerOffsetMinutes: Int32
    public var authorName: String
    public var authorTime: Int64
    public var subject: String

    /// The calendar day of the commit in the committer's own time zone ("on or before a date"
    /// compares with this).
    public var committerDay: CalendarDate {
        CalendarDate(dayNumber: Int((Double(committerTime + Int64(committerOffsetMinutes) * 60) / 86_400).rounded(.down)))
    }
}

extension GitRepository {
    /// The files under `prefix` that differ from `old` to `new`. Only the changed paths are
    /// looked at (a tree diff compares tree ids; the working tree is checked through the index's
    /// stat cache), so the cost grows with the change, not with the workspace.
    public func changedPaths(from old: DiffEndpoint, to new: DiffEndpoint, prefix: String) throws -> [PathChange] {
        if case .tree(let a) = old, case .tree(let b) = new {
            return try changedPaths(fromTree: a, toTree: b, prefix: prefix)
        }
        return try libgit2ChangedPaths(from: old, to: new, prefix: prefix)
    }

    /// A merge walk over two trees' entries (both sorted the way git sorts them): equal entries are
    /// skipped without building anything; only changed ones get a path. Folders `levels` deep
    /// are not entered but listed in `deferred`, for other threads.
    func compareTrees(_ a: ObjectID?, _ b: ObjectID?, path: String, levels: Int?, changes: inout [PathChange],
                      deferred: inout [(ObjectID?, ObjectID?, String)]) throws {
        guard a != b else { return }
        if levels == 0 {
            deferred.append((a, b, path))
            return
        }
        let oldTree = try a.map(lookupTree)
        defer { if let oldTree { git_tree_free(oldTree) } }
        let newTree = try b.map(lookupTree)
        defer { if let newTree { git_tree_free(newTree) } }
        let oldCount = oldTree.map { git_tree_entrycount($0) } ?? 0
        let newCount = newTree.map { git_tree_entrycount($0) } ?? 0
        let deeper = levels.map { $0 - 1 }
        var i = 0, j = 0
        func child(_ entry: OpaquePointer) -> String {
            let name = String(cString: git_tree_entry_name(entry))
            return path.isEmpty ? name : path + "/" + name
        }
        func kind(_ entry: OpaquePointer) -> git_object_t { git_tree_entry_type(entry) }
        func removed(_ entry: OpaquePointer) throws {
            switch kind(entry) {
            case GIT_OBJECT_TREE:
                try compareTrees(ObjectID(git_tree_entry_id(entry)), nil, path: child(entry), levels: deeper, changes: &changes,
                                 deferred: &deferred)
            case GIT_OBJECT_BLOB:
                changes.append(PathChange(status: .deleted, oldPath: child(entry), newPath: nil,
                                          oldBlob: ObjectID(git_tree_entry_id(entry)), newBlob: nil))
            default: break
            }
        }
        func added(_ entry: OpaquePointer) throws {
            switch kind(entry) {
            case GIT_OBJECT_TREE:
                try compareTrees(nil, ObjectID(git_tree_entry_id(entry)), path: child(entry), levels: deeper, changes: &changes,
                                 deferred: &deferred)
            case GIT_OBJECT_BLOB:
                changes.append(PathChange(status: .added, oldPath: nil, newPath: child(entry), oldBlob: nil,
                                          newBlob: ObjectID(git_tree_entry_id(entry))))
            default: break
            }
        }
        while i < oldCount || j < newCount {
            let x = i < oldCount ? oldTree.flatMap { git_tree_entry_byindex($0, i) } : nil
            let y = j < newCount ? newTree.flatMap { git_tree_entry_byindex($0, j) } : nil
            guard let x else { if let y { try added(y) }; j += 1; continue }
            guard let y else { try removed(x); i += 1; continue }
            let order = git_tree_entry_cmp(x, y)
            if order < 0 {
                try removed(x); i += 1
            } else if order > 0 {
                try added(y); j += 1
            } else {
                i += 1; j += 1
                if git_oid_equal(git_tree_entry_id(x), git_tree_entry_id(y)) == 1 && kind(x) == kind(y) { continue }
                switch (kind(x), kind(y)) {
                case (GIT_OBJECT_TREE, GIT_OBJECT_TREE):
                    try compareTrees(ObjectID(git_tree_entry_id(x)), ObjectID(git_tree_entry_id(y)), path: child(x),
                                     levels: deeper, changes: &changes, deferred: &deferred)
                case (GIT_OBJECT_BLOB, GIT_OBJECT_BLOB):
                    changes.append(PathChange(status: .modified, oldPath: child(x), newPath: child(y),
                                              oldBlob: ObjectID(git_tree_entry_id(x)), newBlob: ObjectID(git_tree_entry_id(y))))
                default:
                    try removed(x)
                    try added(y)
                }
            }
        }
    }

    /// Tree to tree without reading what did not change: subtrees with equal ids are skipped, so
    /// only the folders on the path to a change are read (libgit2's tree diff reads every subtree
    /// of both sides). Added and deleted files with the same content are renames; any other
    /// added/deleted pairs go to libgit2's similarity detection, limited to those paths.
    func changedPaths(fromTree old: ObjectID, toTree new: ObjectID, prefix: String) throws -> [PathChange] {
        var changes: [PathChange] = []
        // From the workspace's folder in both trees: the top two levels here, the folders below
        // them (accounts/east, ...) on all cores.
        var deferred: [(ObjectID?, ObjectID?, String)] = []
        try compareTrees(try subtree(at: prefix, inTree: old), try subtree(at: prefix, inTree: new), path: prefix, levels: 2,
                         changes: &changes, deferred: &deferred)
        if !deferred.isEmpty {
            let pool = RepositoryPool(gitDirectory: gitDirectory)
            let work = deferred
            let results = concurrentMap(work.count) { index in
                let (a, b, path) = work[index]
                return Result<[PathChange], Error> {
                    try pool.withRepository { repository in
                        var found: [PathChange] = []
                        var none: [(ObjectID?, ObjectID?, String)] = []
                        try repository.compareTrees(a, b, path: path, levels: nil, changes: &found, deferred: &none)
                        return found
                    }
                }
            }
            for result in results { changes += try result.get() }
            changes.sort { ($0.newPath ?? $0.oldPath ?? "") < ($1.newPath ?? $1.oldPath ?? "") }
        }
        // Exact renames: a deleted and an added file with the same blob.
        var addedByBlob: [ObjectID: Int] = [:]
        for (index, change) in changes.enumerated() where change.status == .added {
            if let blob = change.newBlob, addedByBlob[blob] == nil { addedByBlob[blob] = index }
        }
        var consumed = Set<Int>()
        for index in changes.indices where changes[index].status == .deleted {
            guard let blob = changes[index].oldBlob, let addedIndex = addedByBlob.removeValue(forKey: blob) else { continue }
            changes[index] = PathChange(status: .renamed, oldPath: changes[index].oldPath, newPath: changes[addedIndex].newPath,
                                        oldBlob: blob, newBlob: blob)
            consumed.insert(addedIndex)
        }
        changes = changes.enumerated().filter { !consumed.contains($0.offset) }.map(\.element)
        // Edited-and-moved files: libgit2's similarity detection, over just those paths.
        let added = changes.filter { $0.status == .added }.compactMap(\.newPath)
        let deleted = changes.filter { $0.status == .deleted }.compactMap(\.oldPath)
        if !added.isEmpty && !deleted.isEmpty {
            let similar = try libgit2ChangedPaths(from: .tree(old), to: .tree(new), prefix: prefix, only: added + deleted)
            let renamed = similar.filter { $0.status == .renamed }
            let involved = Set(renamed.flatMap { [$0.oldPath, $0.newPath].compactMap { $0 } })
            changes = changes.filter { change in
                !(change.status == .added && involved.contains(change.newPath ?? ""))
                    && !(change.status == .deleted && involved.contains(change.oldPath ?? ""))
            } + renamed
        }
        return changes
    }

    private func libgit2ChangedPaths(from old: DiffEndpoint, to new: DiffEndpoint, prefix: String, only paths: [String] = [])
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
            var diff: OpaquePointer?
            let tree = lookupTree
            switch (old, new) {
            case (.tree(let a), .tree(let b)):
                let oldTree = try tree(a)
                defer { git_tree_free(oldTree) }
                let newTree = try tree(b)
                defer { git_tree_free(newTree) }
                try check(git_diff_tree_to_tree(&diff, handle, oldTree, newTree, &options), "git_diff_tree_to_tree")
            case (.tree(let a), .index):
                let oldTree = try tree(a)
                defer { git_tree_free(oldTree) }
                try check(git_diff_tree_to_index(&diff, handle, oldTree, nil, &options), "git_diff_tree_to_index")
            case (.index, .workingTree):
                try check(git_diff_index_to_workdir(&diff, handle, nil, &options), "git_diff_index_to_workdir")
            case (.tree(let a), .workingTree):
                let oldTree = try tree(a)
                defer { git_tree_free(oldTree) }
                try check(git_diff_tree_to_workdir_with_index(&diff, handle, oldTree, &options),
                          "git_diff_tree_to_workdir_with_index")
            default:
                throw GitError(function: "changedPaths", code: -1, message: "unsupported comparison")
            }
            defer { git_diff_free(diff) }
            var findOptions = git_diff_find_options()
            try check(git_diff_find_options_init(&findOptions, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)),
                      "git_diff_find_options_init")
            findOptions.flags = GIT_DIFF_FIND_RENAMES.rawValue
            try check(git_diff_find_similar(diff, &findOptions), "git_diff_find_similar")
            var changes: [PathChange] = []
            for position in 0..<git_diff_num_deltas(diff) {
                guard let delta = git_diff_get_delta(diff, position)?.pointee else { continue }
                let oldPath = delta.old_file.path.map { String(cString: $0) }
                let newPath = delta.new_file.path.map { String(cString: $0) }
                func blob(_ file: git_diff_file, _ endpoint: DiffEndpoint) -> ObjectID? {
                    guard endpoint != .workingTree, file.flags & GIT_DIFF_FLAG_EXISTS.rawValue != 0 else { return nil }
                    return ObjectID(file.id)
                }
                switch delta.status {
                case GIT_DELTA_ADDED, GIT_DELTA_UNTRACKED, GIT_DELTA_COPIED:
                    changes.append(PathChange(status: .added, oldPath: nil, newPath: newPath, oldBlob: nil,
                                              newBlob: blob(delta.new_file, new)))
                case GIT_DELTA_DELETED:
                    changes.append(PathChange(status: .deleted, oldPath: oldPath, newPath: nil,
                                              oldBlob: blob(delta.old_file, old), newBlob: nil))
                case GIT_DELTA_RENAMED:
                    changes.append(PathChange(status: .renamed, oldPath: oldPath, newPath: newPath,
                                              oldBlob: blob(delta.old_file, old), newBlob: blob(delta.new_file, new)))
                case GIT_DELTA_MODIFIED, GIT_DELTA_TYPECHANGE:
                    changes.append(PathChange(status: .modified, oldPath: oldPath, newPath: newPath,
                                              oldBlob: blob(delta.old_file, old), newBlob: blob(delta.new_file, new)))
                default:
                    continue
                }
            }
            return changes
        }
    }

    /// The content of a file at an endpoint (repository-relative path), nil when absent.
    public func content(of path: String, at endpoint: DiffEndpoint, blob: ObjectID? = nil) throws -> Data? {
        if let blob { return try blobData(blob) }
        switch endpoint {
        case .workingTree:
            guard let root = workingDirectory, let realRoot = Self.realPath(root.path) else { return nil }
            return Self.file(path, inside: realRoot)
        case .index:
            var index: OpaquePointer?
            try check(git_repository_index(&index, handle), "git_repository_index")
            defer { git_index_free(index) }
            try check(git_index_read(index, 0), "git_index_read")
            guard let entry = git_index_get_bypath(index, path, 0) else { return nil }
            return try blobData(ObjectID(entry.pointee.id))
        case .tree(let treeID):
            guard let found = try entry(at: path, inTree: treeID), !found.isTree else { return nil }
            return try blobData(found.id)
        }
    }

    /// Commits reachable from `start` (HEAD by default), newest first, excluding `hidden` and
    /// its ancestors. `firstParentOnly` follows only the first parent of merges.
    public func history(from start: ObjectID? = nil, hiding hidden: ObjectID? = nil, firstParentOnly: Bool = false)
        throws -> [CommitInfo]
    {
        var walk: OpaquePointer?
        try check(git_revwalk_new(&walk, handle), "git_revwalk_new")
        defer { git_revwalk_free(walk) }
        try check(git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue), "git_revwalk_sorting")
        if var startID = start?.oid {
            try check(git_revwalk_push(walk, &startID), "git_revwalk_push")
        } else {
            if git_repository_head_unborn(handle) == 1 { return [] }
            try check(git_revwalk_push_head(walk), "git_revwalk_push_head")
        }
        if var hiddenID = hidden?.oid { try check(git_revwalk_hide(walk, &hiddenID), "git_revwalk_hide") }
        if firstParentOnly { try check(git_revwalk_simplify_first_parent(walk), "git_revwalk_simplify_first_parent") }
        var commits: [CommitInfo] = []
        var oid = git_oid()
        while true {
            let result = git_revwalk_next(&oid, walk)
            if result == GIT_ITEROVER.rawValue { git_error_clear(); break }
            try check(result, "git_revwalk_next")
            var commit: OpaquePointer?
            try check(git_commit_lookup(&commit, handle, &oid), "git_commit_lookup")
            defer { git_commit_free(commit) }
            let committer = git_commit_committer(commit)!.pointee
            let author = git_commit_author(commit)!.pointee
            let parent = git_commit_parentcount(commit) > 0 ? git_commit_parent_id(commit, 0).map(ObjectID.init) : nil
            let summary = git_commit_summary(commit).map { String(cString: $0) } ?? ""
            commits.append(CommitInfo(id: ObjectID(oid), tree: ObjectID(git_commit_tree_id(commit)), firstParent: parent,
                                      isMerge: git_commit_parentcount(commit) > 1,
                                      committerTime: Int64(committer.when.time),
                                      committerOffsetMinutes: Int32(committer.when.offset),
                                      authorName: author.name.map { String(cString: $0) } ?? "",
                                      authorTime: Int64(author.when.time), subject: summary))
        }
        return commits
    }
}

extension GitRepository {
    /// The id of the empty tree (written to the object database if missing), the "parent" of a
    /// root commit.
    public func emptyTree() throws -> ObjectID {
        var builder: OpaquePointer?
        try check(git_treebuilder_new(&builder, handle, nil), "git_treebuilder_new")
        defer { git_treebuilder_free(builder) }
        var oid = git_oid()
        try check(git_treebuilder_write(&oid, builder), "git_treebuilder_write")
        return ObjectID(oid)
    }
}

extension GitRepository {
    /// Whether a file or folder exists at a repository-relative path in a tree.
    public func pathExists(_ path: String, inTree treeID: ObjectID) -> Bool {
        path.isEmpty || (try? entry(at: path, inTree: treeID)) != nil
    }
}

extension GitRepository {
    /// Every blob below `folder` (repository-relative) of a tree, as (file name, blob id), without
    /// building paths: what a stage census of many revisions needs, cheaply.
    public func blobs(inTree treeID: ObjectID, under folder: String) throws -> [(name: String, blob: ObjectID)] {
        guard let start = try subtree(at: folder, inTree: treeID) else { return [] }
        var result: [(name: String, blob: ObjectID)] = []
        // Like the snapshot source: folders deeper than FileListing.maxFolderDepth below the
        // workspace are not entered (`folder` is a plan folder, one level below it).
        func walk(_ tree: OpaquePointer?, depth: Int) throws {
            for position in 0..<git_tree_entrycount(tree) {
                guard let entry = git_tree_entry_byindex(tree, position) else { continue }
                switch git_tree_entry_type(entry) {
                case GIT_OBJECT_TREE:
                    guard depth < FileListing.maxFolderDepth else { continue }
                    let child = try lookupTree(ObjectID(git_tree_entry_id(entry)))
                    defer { git_tree_free(child) }
                    try walk(child, depth: depth + 1)
                case GIT_OBJECT_BLOB where git_tree_entry_filemode(entry) != GIT_FILEMODE_LINK:
                    result.append((String(cString: git_tree_entry_name(entry)), ObjectID(git_tree_entry_id(entry))))
                default:
                    continue
                }
            }
        }
        let root = try lookupTree(start)
        defer { git_tree_free(root) }
        try walk(root, depth: 1)
        return result
    }

    /// The bytes of `path` below the (already resolved) folder `realRoot`, never through a link
    /// that leads out of it; nil when absent or outside.
    public static func file(_ path: String, inside realRoot: String) -> Data? {
        guard let resolved = realPath(realRoot + "/" + path), resolved.hasPrefix(realRoot + "/") else { return nil }
        return FileManager.default.contents(atPath: resolved)
    }

    /// `realpath(3)`: the path with every link resolved; nil when it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
