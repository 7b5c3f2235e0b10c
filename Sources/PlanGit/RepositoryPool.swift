import Foundation

/// Repository handles for concurrent readers: libgit2 objects are not shared between threads,
/// so each reader borrows a handle of its own for the duration of one read.
public final class RepositoryPool: @unchecked Sendable {
    private let gitDirectory: String
    private var idle: [GitRepository] = []
    private let lock = NSLock()

    public init(gitDirectory: String) {
        self.gitDirectory = gitDirectory
    }

    /// The content of a blob, read on the calling thread's borrowed handle.
    public func blob(_ id: ObjectID) throws -> Data { try withRepository { try $0.blobData(id) } }

    func withRepository<T>(_ body: (GitRepository) throws -> T) throws -> T {
        let borrowed = try lock.withLock { idle.popLast() } ?? GitRepository(gitDirectory: gitDirectory)
        defer { lock.withLock { idle.append(borrowed) } }
        return try body(borrowed)
    }
}
