import CGit2

/// A libgit2 call that failed: which function, its code, and libgit2's own message.
public struct GitError: Error, CustomStringConvertible, Sendable {
    public let function: String
    public let code: Int32
    public let message: String

    public var description: String { message.isEmpty ? "\(function) failed (\(code))" : message }

    /// Whether libgit2 said "not found" (an unknown revision or path).
    public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }
    /// Whether a lock file was held or a reference moved underneath us.
    public var isLocked: Bool { code == GIT_ELOCKED.rawValue || code == GIT_EMODIFIED.rawValue }
}

/// Every libgit2 call goes through here: a negative result becomes a ``GitError`` carrying
/// libgit2's last error message, which is then cleared.
@discardableResult
func check(_ result: Int32, _ function: String) throws -> Int32 {
    guard result < 0 else { return result }
    var message = ""
    if let last = git_error_last(), let text = last.pointee.message {
        message = String(cString: text)
    }
    git_error_clear()
    throw GitError(function: function, code: result, message: message)
}

/// libgit2's global state, initialised once (a global `let` initialiser runs exactly once).
/// Whatever acctplan writes into a repository (objects, the index, refs: only `commit` writes)
/// is flushed to disk as it is written, like git with `core.fsync`; the ref database reads the
/// setting when it is created, so it is set before any repository is opened.
let libgit2Initialized: Bool = {
    git_libgit2_init()
    _ = acctplan_git_enable_fsync(1)
    return true
}()
