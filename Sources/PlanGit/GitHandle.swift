/// What every handle of a libgit2 object shares: the object it owns, and the repository the
/// object belongs to (nil for one that belongs to none, such as an index file), kept alive as
/// long as the object lives. Each subclass frees its object in `deinit`; no raw pointer with a
/// "free it yourself" contract leaves a handle.
class GitHandle {
    let pointer: OpaquePointer
    private let repository: GitRepository?

    init(_ pointer: OpaquePointer, of repository: GitRepository?) {
        self.pointer = pointer
        self.repository = repository
    }
}
