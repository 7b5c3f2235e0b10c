import Foundation

/// Where a workspace's bytes come from: the working tree, the git index or a commit.
/// Everything above this protocol reads plans by workspace-relative path and never knows which.
public protocol PlanSource: Sendable {
    /// A short description for messages: "working tree", "index", "HEAD (1a2b3c4)".
    var label: String { get }
    /// Every file below `folder` (workspace-relative, `/`-separated), recursively, sorted.
    /// Files that cannot be read safely (e.g. a link leading outside the workspace) are listed in
    /// `refused` with the reason instead of `paths`.
    func listFiles(under folder: String) throws -> FileListing
    /// The bytes of one file, or nil when it does not exist.
    func read(_ path: String) throws -> Data?
    /// A key that is equal for two files exactly when their bytes are (a git blob id), so a
    /// parse can be reused across revisions; nil when the source cannot tell cheaply.
    func contentKey(_ path: String) -> String?
    /// The size of one file in bytes when the source can tell without reading it, so that a file
    /// far over the size limits is refused unread; nil when it cannot tell.
    func byteCount(_ path: String) -> Int?
    /// The bytes of one file, or only its size when that is over `limit` bytes and the source can
    /// tell without reading it (never a size within `limit`); nil when it does not exist.
    func read(_ path: String, unlessOver limit: Int) throws -> BoundedRead?
}

/// What ``PlanSource/read(_:unlessOver:)`` found: the bytes, or a size over the limit.
public enum BoundedRead: Sendable, Equatable {
    case bytes(Data)
    case tooLarge(Int)
}

extension PlanSource {
    public func contentKey(_ path: String) -> String? { nil }
    public func byteCount(_ path: String) -> Int? { nil }

    public func read(_ path: String, unlessOver limit: Int) throws -> BoundedRead? {
        if let size = byteCount(path), size > limit { return .tooLarge(size) }
        return try read(path).map { .bytes($0) }
    }
}

/// A file that a listing will not read, and why (a link that leads outside the workspace, not a
/// regular file).
public struct RefusedFile: Sendable, Equatable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// The result of listing a folder of a ``PlanSource``.
public struct FileListing: Sendable {
    public var paths: [String]
    /// Files that exist but will not be read, with the reason.
    public var refused: [RefusedFile]
    /// Folders that are not listed because they nest too deep (see ``maxFolderDepth``).
    public var tooDeep: [String]

    /// Folders nested deeper than this below the workspace are not read: plan folders only group
    /// plans, and a hostile git tree nested 100,000 deep would otherwise exhaust the stack.
    public static let maxFolderDepth = 64

    public init(paths: [String] = [], refused: [RefusedFile] = [], tooDeep: [String] = []) {
        self.paths = paths
        self.refused = refused
        self.tooDeep = tooDeep
    }
}

/// A source declines to read a file it lists as existing (e.g. a link that leads outside the
/// workspace). The loader turns this into a diagnostic for the file, never its content.
public struct ReadRefused: Error, Sendable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// A source holds a file only as an unresolved merge conflict (the git index's conflict stages):
/// there is no one version to read. The loader reports it as `merge-conflict`.
public struct UnresolvedConflict: Error, Sendable {
    public var path: String

    public init(path: String) {
        self.path = path
    }
}
