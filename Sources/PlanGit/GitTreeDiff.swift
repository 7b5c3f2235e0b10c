import CGit2
import PlanModel
import Dispatch
import Foundation
import PlanSupport

/// One side of a comparison: a tree (of a commit), the index, or the working tree.
public enum DiffEndpoint: Hashable, Sendable {
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

extension GitRepository {
    /// The files under `prefix` that differ from `old` to `new`. Only the changed paths are
    /// looked at (a tree diff compares tree ids; the working tree is checked through the index's
    /// stat cache), so the cost grows with the change, not with the workspace.
    /// `pool`: the handles other threads compare folders with (a caller that reads the changed
    /// blobs next passes its own, so that both steps share the opened packs).
    public func changedPaths(from old: DiffEndpoint, to new: DiffEndpoint, prefix: String, pool: RepositoryPool? = nil) throws
        -> [PathChange]
    {
        if case .tree(let a) = old, case .tree(let b) = new {
            return try changedPaths(fromTree: a, toTree: b, prefix: prefix, pool: pool)
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
        let oldTree = try a.map(tree)
        let newTree = try b.map(tree)
        let oldCount = oldTree?.count ?? 0
        let newCount = newTree?.count ?? 0
        let deeper = levels.map { $0 - 1 }
        var i = 0, j = 0
        func child(_ entry: TreeEntry) -> String { path.isEmpty ? entry.name : path + "/" + entry.name }
        func removed(_ entry: TreeEntry) throws {
            switch entry.type {
            case GIT_OBJECT_TREE:
                try compareTrees(entry.id, nil, path: child(entry), levels: deeper, changes: &changes, deferred: &deferred)
            case GIT_OBJECT_BLOB:
                changes.append(PathChange(status: .deleted, oldPath: child(entry), newPath: nil, oldBlob: entry.id, newBlob: nil))
            default: break
            }
        }
        func added(_ entry: TreeEntry) throws {
            switch entry.type {
            case GIT_OBJECT_TREE:
                try compareTrees(nil, entry.id, path: child(entry), levels: deeper, changes: &changes, deferred: &deferred)
            case GIT_OBJECT_BLOB:
                changes.append(PathChange(status: .added, oldPath: nil, newPath: child(entry), oldBlob: nil, newBlob: entry.id))
            default: break
            }
        }
        while i < oldCount || j < newCount {
            let x = i < oldCount ? oldTree?.entry(i) : nil
            let y = j < newCount ? newTree?.entry(j) : nil
            guard let x else { if let y { try added(y) }; j += 1; continue }
            guard let y else { try removed(x); i += 1; continue }
            let order = x.order(comparedWith: y)
            if order < 0 {
                try removed(x); i += 1
            } else if order > 0 {
                try added(y); j += 1
            } else {
                i += 1; j += 1
                if x.isUnchanged(from: y) { continue }
                switch (x.type, y.type) {
                case (GIT_OBJECT_TREE, GIT_OBJECT_TREE):
                    try compareTrees(x.id, y.id, path: child(x), levels: deeper, changes: &changes, deferred: &deferred)
                case (GIT_OBJECT_BLOB, GIT_OBJECT_BLOB):
                    changes.append(PathChange(status: .modified, oldPath: child(x), newPath: child(y), oldBlob: x.id,
                                              newBlob: y.id))
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
    func changedPaths(fromTree old: ObjectID, toTree new: ObjectID, prefix: String, pool: RepositoryPool? = nil) throws
        -> [PathChange]
    {
        var changes: [PathChange] = []
        // From the workspace's folder in both trees: the top two levels here, the folders below
        // them (accounts/east, ...) on all cores.
        var deferred: [(ObjectID?, ObjectID?, String)] = []
        try compareTrees(try subtree(at: prefix, inTree: old), try subtree(at: prefix, inTree: new), path: prefix, levels: 2,
                         changes: &changes, deferred: &deferred)
        if !deferred.isEmpty {
            let pool = pool ?? RepositoryPool(gitDirectory: gitDirectory)
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
}
