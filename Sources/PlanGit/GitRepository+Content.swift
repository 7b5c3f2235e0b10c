import CGit2
import Foundation
import PlanModel
import PlanSupport

/// Reading files and trees: one file at an endpoint, the blobs of a folder, paths that exist.
extension GitRepository {
    /// The content of a file at an endpoint (repository-relative path), nil when absent.
    public func content(of path: String, at endpoint: DiffEndpoint, blob: ObjectID? = nil) throws -> Data? {
        if let blob { return try blobData(blob) }
        switch endpoint {
        case .workingTree:
            guard let root = workingDirectory, let realRoot = RealPath.resolve(root.path) else { return nil }
            return Self.file(path, inside: realRoot)
        case .index:
            let index = try IndexHandle(of: self)
            try index.read(force: false)
            guard let entry = index.entry(path: path) else { return nil }
            return try blobData(entry.id)
        case .tree(let treeID):
            guard let found = try entry(at: path, inTree: treeID), !found.isTree else { return nil }
            return try blobData(found.id)
        }
    }
}

extension GitRepository {
    /// The id of the empty tree (written to the object database if missing), the "parent" of a
    /// root commit.
    public func emptyTree() throws -> ObjectID {
        try TreeBuilderHandle(in: self).write()
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
        // workspace are not entered (`folder` is a plan folder, one level below it), nor hidden
        // ones (a name starting with `.`), as the working tree's walk.
        func walk(_ tree: TreeHandle, depth: Int) throws {
            for position in 0..<tree.count {
                guard let entry = tree.entry(position) else { continue }
                switch entry.type {
                case GIT_OBJECT_TREE where entry.name.hasPrefix("."):
                    continue
                case GIT_OBJECT_TREE:
                    guard depth < FileListing.maxFolderDepth else { continue }
                    try walk(try self.tree(entry.id), depth: depth + 1)
                case GIT_OBJECT_BLOB where !entry.isLink:
                    result.append((entry.name, entry.id))
                default:
                    continue
                }
            }
        }
        try walk(try tree(start), depth: 1)
        return result
    }

    /// One folder's own entries at a tree, in git's order: its files (links left out) and its
    /// folders, each with its id. For walks that remember folders by tree id.
    public struct FolderListing: Sendable {
        public var files: [(name: String, blob: ObjectID)] = []
        public var folders: [(name: String, tree: ObjectID)] = []

        public init() {}
    }

    public func listing(ofTree treeID: ObjectID) throws -> FolderListing {
        let tree = try tree(treeID)
        var listing = FolderListing()
        for position in 0..<tree.count {
            guard let entry = tree.entry(position) else { continue }
            switch entry.type {
            case GIT_OBJECT_TREE: listing.folders.append((entry.name, entry.id))
            case GIT_OBJECT_BLOB where !entry.isLink: listing.files.append((entry.name, entry.id))
            default: continue
            }
        }
        return listing
    }

    /// The tree of the folder at `path` below tree `treeID` ("" is the tree itself); nil when none.
    public func folderTree(at path: String, inTree treeID: ObjectID) throws -> ObjectID? {
        try subtree(at: path, inTree: treeID)
    }

    /// The bytes of `path` below the (already resolved) folder `realRoot`, never through a link
    /// that leads out of it; nil when absent or outside.
    public static func file(_ path: String, inside realRoot: String) -> Data? {
        guard let resolved = RealPath.resolve(realRoot + "/" + path), resolved != realRoot, RealPath.isInside(resolved, realRoot)
        else { return nil }
        return FileManager.default.contents(atPath: resolved)
    }
}

extension GitRepository {
    /// The index's blob of every file outside a sparse checkout (git's skip-worktree bit), by
    /// repository-relative path; empty in a checkout that is not sparse. Only an index of
    /// version 3 or later has room for the bit: the usual version 2 is told from its first 8
    /// bytes, without reading the index (every comparison with the working tree asks).
    func skipWorktreeEntries() throws -> [String: ObjectID] {
        guard Self.indexVersion(gitDirectory + "/index").map({ $0 >= 3 }) == true else { return [:] }
        let index = try IndexHandle(of: self)
        try index.read(force: false)
        return index.skipWorktreeEntries()
    }

    /// The files below `folder` (repository-relative) that are outside a sparse checkout — git's
    /// skip-worktree bit set, absent from the working tree — by repository-relative path; nil
    /// when there are none. (`git sparse-checkout` records its setting in `config.worktree`,
    /// which libgit2 does not read: the index's bits are what tell.)
    public func filesOutsideSparseCheckout(under folder: String) throws -> Set<String>? {
        guard let root = workingDirectory?.path else { return nil }
        let lead = folder.isEmpty ? "" : folder + "/"
        var outside = Set<String>()
        for path in try skipWorktreeEntries().keys where path.hasPrefix(lead) {
            var status = stat()
            if lstat(root + "/" + path, &status) != 0 { outside.insert(path) }
        }
        return outside.isEmpty ? nil : outside
    }

    /// The version in an index file's header ("DIRC", then the version, big-endian); nil when
    /// there is no index or it is not one.
    static func indexVersion(_ path: String) -> UInt32? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: 8)
        guard read(descriptor, &header, 8) == 8, header[0..<4] == [0x44, 0x49, 0x52, 0x43] else { return nil }
        return header[4..<8].reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// The index's blob of every file below `folder` (repository-relative) whose working-tree copy
    /// git sees as unchanged (libgit2's index-to-working-tree comparison: the stat cache, the
    /// content where the cache cannot tell), by repository-relative path. Links and unresolved
    /// conflicts are left out. A rollup's history takes such a file's stage from the working
    /// tree's parse instead of reading its blob (`StageCensus`).
    public func unchangedIndexBlobs(under folder: String) throws -> [String: ObjectID] {
        let index = try IndexHandle(of: self)
        try index.read(force: false)
        let prefix = folder.isEmpty ? "" : folder + "/"
        var blobs: [String: ObjectID] = [:]
        var conflicted = Set<String>()
        for position in 0..<index.count {
            guard let entry = index.entry(position), entry.path.hasPrefix(prefix) else { continue }
            if entry.stage != 0 {
                conflicted.insert(entry.path)
            } else if entry.mode != UInt32(GIT_FILEMODE_LINK.rawValue), !entry.skipsWorktree {
                // (A skip-worktree file on disk may hold anything: git takes the index's version.)
                blobs[entry.path] = entry.id
            }
        }
        for path in conflicted { blobs[path] = nil }
        for change in try changedPaths(from: .index, to: .workingTree, prefix: folder) {
            if let path = change.oldPath { blobs[path] = nil }
            if let path = change.newPath { blobs[path] = nil }
        }
        return blobs
    }
}
