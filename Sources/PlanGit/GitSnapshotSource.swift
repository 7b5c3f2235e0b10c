import CGit2
import Foundation
import PlanModel

/// A workspace as stored in git: the files under the workspace's folder in a commit's tree or
/// in the index, read straight from the object database (no checkout, works on bare clones).
/// The list of files and their blob ids is taken once; blobs are read on demand by any thread.
public struct GitSnapshotSource: PlanSource {
    struct Entry: Sendable {
        var blob: ObjectID
        var isLink: Bool
    }

    public let label: String
    /// For a commit: its id; nil for the index.
    public let commit: ObjectID?
    let entries: [String: Entry]
    /// Paths the index records as unmerged (conflict stages 1-3): listed, but reading one throws
    /// ``UnresolvedConflict``.
    let unmerged: Set<String>
    /// Folders not entered: deeper than ``FileListing/maxFolderDepth``.
    var tooDeep: [String] = []
    let pool: RepositoryPool

    /// The workspace (at `prefix`, repository-relative, "" for the root) in `commit`'s tree.
    public static func commit(_ commit: ObjectID, label: String, prefix: String, in repository: GitRepository) throws
        -> GitSnapshotSource
    {
        try tree(repository.treeOfCommit(commit), commit: commit, label: label, prefix: prefix, in: repository)
    }

    /// The workspace (at `prefix`) in a tree, e.g. the tree a commit is about to record.
    public static func tree(_ rootTree: ObjectID, commit: ObjectID?, label: String, prefix: String,
                            in repository: GitRepository) throws -> GitSnapshotSource {
        var entries: [String: Entry] = [:]
        var tooDeep: [String] = []
        if let folder = try repository.subtree(at: prefix, inTree: rootTree) {
            try collect(tree: try repository.tree(folder), path: "", depth: 0, repository: repository, into: &entries, tooDeep: &tooDeep)
        }
        return GitSnapshotSource(label: label, commit: commit, entries: entries, unmerged: [], tooDeep: tooDeep,
                                 pool: RepositoryPool(gitDirectory: repository.gitDirectory))
    }

    /// The workspace (at `prefix`) as staged in the index, re-read from disk first so that
    /// changes made by other git commands are seen. `indexFile` is git's `GIT_INDEX_FILE`: while
    /// `git commit -a` runs its pre-commit hook, the staged content lives in a temporary index
    /// named there, not in `.git/index`.
    public static func index(prefix: String, in repository: GitRepository, indexFile: String? = nil) throws
        -> GitSnapshotSource
    {
        let index = if let indexFile, !indexFile.isEmpty {
            try IndexHandle(file: indexFile)
        } else {
            try IndexHandle(of: repository)
        }
        try index.read(force: true)
        var entries: [String: Entry] = [:]
        var unmerged: Set<String> = []
        let lead = prefix.isEmpty ? "" : prefix + "/"
        for position in 0..<index.count {
            guard let entry = index.entry(position), entry.path.hasPrefix(lead) else { continue }
            let path = String(entry.path.dropFirst(lead.count))
            if entry.stage != 0 {
                unmerged.insert(path)
                continue
            }
            guard entry.mode != 0o160000 else { continue } // a submodule
            entries[path] = Entry(blob: entry.id, isLink: entry.mode == 0o120000)
        }
        for path in unmerged { entries.removeValue(forKey: path) }
        return GitSnapshotSource(label: "the index", commit: nil, entries: entries, unmerged: unmerged,
                                 pool: RepositoryPool(gitDirectory: repository.gitDirectory))
    }

    /// `tree` is the folder `path`, `depth` folders below the workspace.
    private static func collect(tree: TreeHandle, path: String, depth: Int, repository: GitRepository,
                                into entries: inout [String: Entry], tooDeep: inout [String]) throws {
        for position in 0..<tree.count {
            guard let entry = tree.entry(position) else { continue }
            let name = entry.name
            let childPath = path.isEmpty ? name : path + "/" + name
            switch entry.type {
            case GIT_OBJECT_TREE:
                guard depth < FileListing.maxFolderDepth else {
                    tooDeep.append(childPath)
                    continue
                }
                try collect(tree: try repository.tree(entry.id), path: childPath, depth: depth + 1, repository: repository, into: &entries,
                            tooDeep: &tooDeep)
            case GIT_OBJECT_BLOB:
                entries[childPath] = Entry(blob: entry.id, isLink: entry.isLink)
            default:
                continue // submodules
            }
        }
    }

    public func listFiles(under folder: String) throws -> FileListing {
        var listing = FileListing()
        let lead = folder + "/"
        for (path, entry) in entries where path.hasPrefix(lead) {
            if entry.isLink {
                if let target = try resolveLink(path), entries[target]?.isLink == false {
                    listing.paths.append(path)
                } else {
                    listing.refused.append(RefusedFile(path: path, reason: "it is a link that leads outside the workspace"))
                }
            } else {
                listing.paths.append(path)
            }
        }
        listing.paths += unmerged.filter { $0.hasPrefix(lead) }
        listing.tooDeep = tooDeep.filter { $0.hasPrefix(lead) }.sorted()
        listing.paths.sort()
        listing.refused.sort { $0.path < $1.path }
        return listing
    }

    public func read(_ path: String) throws -> Data? {
        if unmerged.contains(path) { throw UnresolvedConflict(path: path) }
        guard var entry = entries[path] else { return nil }
        if entry.isLink {
            guard let target = try resolveLink(path), let resolved = entries[target], !resolved.isLink else {
                throw ReadRefused(path: path, reason: "it is a link that leads outside the workspace")
            }
            entry = resolved
        }
        let blob = entry.blob
        return try pool.withRepository { try $0.blobData(blob) }
    }

    public func byteCount(_ path: String) -> Int? {
        guard let entry = entries[path], !entry.isLink else { return nil }
        return try? pool.withRepository { try $0.blobSize(entry.blob) }
    }

    /// The blob id of a (non-link) file.
    public func blobID(_ path: String) -> ObjectID? {
        guard let entry = entries[path], !entry.isLink else { return nil }
        return entry.blob
    }

    public func contentKey(_ path: String) -> String? {
        guard let entry = entries[path], !entry.isLink else { return nil }
        return entry.blob.description
    }

    /// Whether a file or folder exists at `path` in this snapshot.
    public func exists(_ path: String) -> Bool {
        path.isEmpty || entries[path] != nil || unmerged.contains(path)
            || entries.keys.contains { $0.hasPrefix(path + "/") } || unmerged.contains { $0.hasPrefix(path + "/") }
    }

    /// The workspace-relative path a symbolic link points at, if it stays inside the workspace.
    private func resolveLink(_ path: String) throws -> String? {
        guard let entry = entries[path] else { return nil }
        let target = String(decoding: try pool.withRepository { try $0.blobData(entry.blob) }, as: UTF8.self)
        guard !target.hasPrefix("/") else { return nil }
        var components = path.split(separator: "/").dropLast().map(String.init)
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            default: components.append(String(component))
            }
        }
        return components.joined(separator: "/")
    }
}

