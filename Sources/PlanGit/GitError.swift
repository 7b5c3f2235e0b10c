import CGit2
import CGitOffline

/// A libgit2 call that failed: which function, its code, and libgit2's own message.
public struct GitError: Error, CustomStringConvertible, Sendable {
    public let function: String
    public let code: Int32
    public let message: String

    public var description: String { message.isEmpty ? "\(function) failed (\(code))" : message }

    /// Whether libgit2 said "not found" (an unknown revision or path).
    public var isNotFound: Bool { code == GitCode.notFound.rawValue }
    /// Whether a lock file was held or a reference moved underneath us.
    public var isLocked: Bool { code == GitCode.locked.rawValue || code == GitCode.modified.rawValue }
}

/// A libgit2 error code that a caller expects and handles itself (an outcome, not a failure).
struct GitCode: Hashable, Sendable {
    let rawValue: Int32

    /// The object, path, reference or configuration value does not exist.
    static let notFound = GitCode(rawValue: GIT_ENOTFOUND.rawValue)
    /// A lock file is held (by another process, or left by a killed one).
    static let locked = GitCode(rawValue: GIT_ELOCKED.rawValue)
    /// The reference already exists (it was created underneath us).
    static let exists = GitCode(rawValue: GIT_EEXISTS.rawValue)
    /// The reference no longer has the value we expected (compare-and-swap lost).
    static let modified = GitCode(rawValue: GIT_EMODIFIED.rawValue)
    /// An iterator (a revision walk) has no more items.
    static let iterationOver = GitCode(rawValue: GIT_ITEROVER.rawValue)
}

/// Every libgit2 call goes through here. A result that is not negative is success (nil). A
/// negative one reads and clears libgit2's last error; it is returned when it is one of the
/// `expected` codes, and thrown as a ``GitError`` otherwise. This is the only place that reads
/// or clears libgit2's error state.
@discardableResult
func check(_ result: Int32, _ function: String, expected: Set<GitCode> = []) throws -> GitCode? {
    guard result < 0 else { return nil }
    var message = ""
    if let last = git_error_last(), let text = last.pointee.message {
        message = String(cString: text)
    }
    git_error_clear()
    let code = GitCode(rawValue: result)
    if expected.contains(code) { return code }
    throw GitError(function: function, code: result, message: message)
}

/// A libgit2 call that reported success but did not hand back the object it promised: a broken
/// contract of the library, not an error libgit2 reported (so not a ``GitError``).
public struct GitMissingResult: Error, CustomStringConvertible, Sendable {
    public let function: String
    public var description: String { "\(function) succeeded but returned nothing" }
}

/// Calls a libgit2 constructor (`git_tree_lookup(&out, ...)` and the like) through ``check``
/// and returns the object it made, for a handle to own.
func made(_ function: String, _ body: (inout OpaquePointer?) -> Int32) throws -> OpaquePointer {
    var pointer: OpaquePointer?
    try check(body(&pointer), function)
    guard let pointer else { throw GitMissingResult(function: function) }
    return pointer
}

/// ``made`` for a lookup that reads an object (a blob, tree or commit, by id or revision). libgit2
/// checks what it reads against the id; inside this call that check is plain SHA-1, not the
/// collision-detecting SHA-1 that libgit2 uses for what it writes (CGitOffline's
/// read_check_sha1.c says why: the same answer for about a fifth of the cost).
func lookedUp(_ function: String, _ body: (inout OpaquePointer?) -> Int32) throws -> OpaquePointer {
    acctplan_git_plain_read_check_begin()
    defer { acctplan_git_plain_read_check_end() }
    return try made(function, body)
}

/// How many hashes the calling thread finished with plain SHA-1 (tests: reading is checked so).
var plainReadChecks: Int { Int(acctplan_git_plain_read_check_count()) }

/// libgit2's global state, initialised once (a global `let` initialiser runs exactly once).
/// Whatever acctplan writes into a repository (objects, the index, refs: only `commit` writes)
/// is flushed to disk as it is written, like git with `core.fsync`; the ref database reads the
/// setting when it is created, so it is set before any repository is opened.
/// Every object read is checked against its id (libgit2's strict hash verification, its default,
/// set here so that it stays so). zlib's checksum covers only the bytes of one compressed
/// object: a damaged pack index or delta offset leads to another object's intact bytes, which
/// only the id check refuses — and the history store would keep that other plan's stage under
/// this blob's id. Reading checks with plain SHA-1 (``lookedUp(_:_:)``): SHA-1DC, libgit2's own,
/// cost a tenth of a `diff`'s CPU (docs/performance.md).
let libgit2Initialized: Bool = {
    git_libgit2_init()
    _ = acctplan_git_enable_fsync(1)
    _ = acctplan_git_verify_object_hashes(1)
    return true
}()

/// How many times libgit2 asked to set TLS or SSH up, each answered by setting nothing up
/// (`CGitOffline`: acctplan never uses the network, and the set-up cost 5 ms a process, then 0.6 ms).
var networkSetupRequests: Int { Int(acctplan_network_setup_requests()) }
